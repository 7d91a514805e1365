from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from assistant.retrieval import HybridRetriever, RetrievalMode
from index.tokens import domain_terms, tokenize


def test_domain_words_are_one_token():
    for term in ("1类新药", "细胞与基因治疗", "新优药械", "沪惠保", "研发投入", "创新医疗器械"):
        assert term.lower() in tokenize(f"关于{term}的支持"), term


def test_every_listed_term_survives_tokenisation():
    for term in domain_terms():
        assert term.lower() in tokenize(term), term


def test_traditional_question_reaches_the_same_measure(engine):
    simplified = engine.retriever.search("细胞治疗的1类新药能补多少", k=1)[0].article.chunk_id
    traditional = engine.retriever.search("細胞治療的1類新藥能補多少", k=1)[0].article.chunk_id
    assert simplified == traditional == "policy2024:05"


def test_english_question_finds_foreign_rd_centres(engine):
    assert engine.retriever.search("What does Shanghai offer foreign R&D centres?", k=1)[0].article.chunk_id == (
        "policy2024:34")


def test_ethics_review_is_found_in_one_search(engine):
    assert engine.search("伦理审查多久", k=1)[0].chunk_id == "policy2024:10"


def test_in_force_filter_drops_the_expired_plan(engine):
    from datetime import date

    hits = engine.retriever.search("浦东知识产权", k=10, in_force_on=date(2026, 11, 25))
    assert hits and all(h.article.doc_id != "pudong2022" for h in hits)


def test_bm25_and_dense_modes_work_on_the_stored_chunks(engine):
    for mode in RetrievalMode:
        retriever = HybridRetriever(engine.retriever.index, engine.retriever.embedder, engine.catalogue, mode)
        assert retriever.search("CMO委托生产", k=3)[0].article.chunk_id == "policy2024:24"


def test_chroma_collection_has_no_default_embedding_function(engine):
    assert engine.retriever.index.collection._embedding_function is None


def test_a_word_inside_a_longer_policy_term_still_matches():
    """Search mode: "保费" is found inside "实际缴纳保费"."""
    assert {"保费", "实际缴纳保费"} <= set(tokenize("按照实际缴纳保费给予补贴"))


def test_a_measure_found_by_its_exact_title(engine):
    day = engine.settings.current_date()
    assert engine.retriever.search("持续加大创新药研发支持力度", k=1, prefer_on=day)[0].article.chunk_id == "policy2024:05"


def test_documents_in_force_are_preferred_unless_the_question_names_another(engine):
    day = engine.settings.current_date()

    def pudong_score(query: str, **kwargs) -> float:
        hits = engine.retriever.search(query, k=10, **kwargs)
        return next(h.score for h in hits if h.article.chunk_id == "pudong2022:task-05")

    neutral = pudong_score("药械创新支持力度")
    assert pudong_score("药械创新支持力度", prefer_on=day) < neutral
    assert pudong_score("浦东 药械创新支持力度", prefer_on=day) > pudong_score("浦东 药械创新支持力度")


@hypothesis_settings(max_examples=300, deadline=None)
@given(question=st.text(alphabet="研发投入临床新药II期的ab ", max_size=40),
       titles=st.lists(st.text(alphabet="研发投入临床新药II期的ab ", max_size=20), max_size=8))
def test_title_overlap_is_the_longest_run_difflib_finds(question, titles):
    """The title bonus reads the longest run of characters a title shares with the question: the same size
    as difflib's longest match (the measure it was first computed with), for every title of one search."""
    from difflib import SequenceMatcher

    from assistant.retrieval import _Runs

    runs = _Runs(question)
    for title in titles:
        assert runs.longest_in(title) == SequenceMatcher(None, title, question, autojunk=False).find_longest_match().size


def test_a_word_few_articles_use_has_a_small_share_and_an_unknown_word_none(engine):
    retriever = engine.retriever
    assert retriever.article_share("医械") <= 0.05 < retriever.article_share("临床试验")
    assert retriever.article_share("不在语料里的词") == 0.0


def test_an_article_holds_every_term_only_when_none_of_the_querys_words_is_missing(engine):
    retriever = engine.retriever
    assert retriever.holds_every_term("policy2024:14", "临床试验申请")
    assert not retriever.holds_every_term("policy2024:14", "二类器械审评")
    assert not retriever.holds_every_term("policy2024:14", "呢")  # no search term at all
    assert not retriever.holds_every_term("policy2024:999", "临床试验申请")
