from collections import Counter

from index.documents import catalogue
from index.normalise import normalise, to_simplified
from index.parsers import parse_corpus
from index.parsers.policy import parse_policy


def test_article_counts_per_document():
    counts = Counter(a.doc_id for a in parse_corpus())
    assert counts == {"policy2024": 39, "reply1228": 15, "press20240731": 8, "pudong2022": 34}


def test_repost_is_not_indexed_twice():
    assert "repost20240730" not in {a.doc_id for a in parse_corpus()}


def test_main_policy_measure_five_has_label_title_and_departments():
    article = next(a for a in parse_corpus() if a.chunk_id == "policy2024:05")
    assert article.label == "（五）"
    assert article.title == "持续加大创新药研发支持力度"
    assert article.departments == ("市科委", "市发展改革委", "市药品监管局", "市财政局")
    assert article.section == "一、大力提升创新策源能力"


def test_every_measure_of_the_policy_has_its_counterpart_in_the_traditional_repost():
    main = catalogue().get("policy2024")
    repost = catalogue().get("repost20240730")
    ours = [a for a in parse_policy("policy2024", main.read_source()) if a.key.isdigit()]
    theirs = {a.key: a for a in parse_policy("repost", to_simplified(repost.read_source())) if a.key.isdigit()}
    assert len(ours) == 37
    for article in ours:
        assert article.key in theirs, article.label
        assert normalise(theirs[article.key].title) == normalise(article.title)
        assert theirs[article.key].departments == article.departments


def test_repost_supplies_the_number_and_signing_date_the_main_text_lacks():
    repost = to_simplified(catalogue().get("repost20240730").read_source())
    main = catalogue().get("policy2024")
    assert main.number == "沪府办规〔2024〕9号" and main.number in repost
    assert "2024年7月15日" in repost and str(main.signed) == "2024-07-15"


def test_pudong_tasks_carry_the_task_tables_departments():
    task = next(a for a in parse_corpus() if a.chunk_id == "pudong2022:task-18")
    assert task.departments == ("区知识产权局", "区科经委", "张江管理局")
    assert task.label == "18"


def test_press_pairs_keep_who_asked_and_who_answered():
    pair = next(a for a in parse_corpus() if a.chunk_id == "press20240731:q06")
    assert pair.speakers == ("上海人民广播电台", "曹俊山")


def test_chunk_ids_are_stable_across_parses():
    assert [a.chunk_id for a in parse_corpus()] == [a.chunk_id for a in parse_corpus()]
    assert [a.content_hash for a in parse_corpus()] == [a.content_hash for a in parse_corpus()]


def test_reply_letter_flags_the_2021_policy_it_quotes():
    part = next(a for a in parse_corpus() if a.chunk_id == "reply1228:2.1")
    assert part.mentions == ("policy2021",)
