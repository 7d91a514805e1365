"""The articles' sentences as search documents of their own (``index.sentences``): a fact stated in one
sentence of a long press answer is found by the question's words, whatever the answer's length."""

from index.articles import Article
from index.sentences import SentenceIndex, sentence_spans
from index.tokens import tokenize

MEASURE = Article(doc_id="policy2024", key="09", label="（九）", title="缩短临床试验启动时间",
                  text="（九）缩短临床试验启动时间。建立重大疾病临床试验预备队列。争取将临床试验启动前医疗机构内部整体用时压缩至25周以内。")


def test_every_sentence_but_the_heading_is_a_document_of_its_own():
    index = SentenceIndex.build([MEASURE], tokenize)
    sentences = [index.text_of(row, [MEASURE]) for row in range(len(index.rows))]
    assert sentences == ["建立重大疾病临床试验预备队列。", "争取将临床试验启动前医疗机构内部整体用时压缩至25周以内。"]
    assert {index.article_of(row) for row in range(len(index.rows))} == {0}


def test_sentences_end_at_chinese_and_latin_stops_and_line_breaks():
    text = "一是产业规模持续壮大。二是创新产品持续涌现；\n三是 clinical research! 四"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["一是产业规模持续壮大。", "二是创新产品持续涌现；",
                                                             "三是 clinical research!", " 四"]


def test_the_sentence_stating_a_background_fact_of_a_long_press_answer_is_found_first(engine):
    [hit, *_] = engine.retriever.sentences("上海现在有多少家有临床试验资格的医疗机构？", k=3)
    assert hit.article.chunk_id == "press20240731:q03" and "65家拥有临床试验资格的医疗机构" in hit.sentence
    assert hit.score == 1.0 and len(hit.article.text) > 500  # one sentence of a long answer


def test_a_sentence_search_keeps_to_the_documents_asked(engine):
    hits = engine.retriever.sentences("临床试验 医疗机构", k=5, doc_ids=["pudong2022"])
    assert hits and {h.article.doc_id for h in hits} == {"pudong2022"}
    assert hits[0].score == 1.0 and all(h.score <= 1.0 for h in hits)
