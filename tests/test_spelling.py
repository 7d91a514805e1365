"""Spoken forms and homophone typos of domain terms are put right once, when the question is normalised;
real words are never changed. Run on the project's own word lists and jieba's dictionary."""

import pytest

from assistant.conversation.spelling import written
from assistant.records import Status


@pytest.mark.parametrize(("typed", "meant"), [
    ("一类新药一期临床补帖最多多少", "1类新药一期临床补贴最多多少"),  # the class as the sources write it
    ("研发头入1.2亿", "研发投入1.2亿"),
    ("交了60万保废,能补多少", "交了60万保费,能补多少"),
    ("改良形的能申请吗", "改良型的能申请吗"),
    ("新药的临床适验申请", "新药的临床试验申请"),
    ("新药临床批见审批现在压到多少天", "新药临床批件审批现在压到多少天"),
    ("cmo补贴咋算", "cmo补贴怎么算"),
    ("cvc能拿啥支持", "cvc能拿什么支持"),
    ("呢个政策仲有冇效?几时到期?", "这个政策还有没有效?什么时候到期?"),  # Cantonese, after the simplified conversion
    ("应该揾边个部门问?", "应该找哪个部门问?"),
])
def test_a_homophone_typo_or_a_spoken_word_is_read_as_the_domain_term(typed, meant):
    assert written(typed) == meant


@pytest.mark.parametrize("right", [
    "我是上海某医院的研究护士,我们医院在一个多中心试验里是参与机构",
    "这家保险公司自己能不能拿到保费50%的那笔补贴",
    "新进医保的国谈药,在上海已经有多少家医疗机构采购使用了",
    "临床实验要多久",  # an everyday word the synonyms map: right as typed
    "伦理审察要多久",  # 审察 is a word of its own: the search still finds the ethics review
    "简化申保流程",  # the Pudong plan's own word
    "那II期呢",  # 呢 the Mandarin particle, not Cantonese 呢 (this)
    "这个体系的关系",  # 系 alone is not Cantonese 係
])
def test_real_words_and_function_characters_are_never_changed(right):
    assert written(right) == right


def test_a_mistyped_question_reaches_the_article_its_terms_name(engine):
    approval = engine.ask("新药临床批见审批现在压到多少天")
    assert approval.citations[0].chunk_id == "policy2024:14"
    assert "30个工作日" in approval.answer[:160]
    cmo = engine.ask("cmo补贴咋算")
    assert cmo.status is not Status.OUT_OF_SCOPE and cmo.citations[0].chunk_id == "policy2024:24"


def test_a_mistyped_class_in_a_follow_up_still_gets_the_class_1_verdict(engine):
    award = engine.ask("1类新药3期研发投了1个亿 能拿多少")
    improved = engine.ask("改良形的能申请吗", award.session_id)
    assert ("05", "not_eligible") in [(v.measure, v.verdict) for v in improved.verdicts]
    assert improved.total_yuan is None


@pytest.mark.parametrize(("typed", "meant"), [
    ("upfornt payment usd 30 million", "upfront payment usd 30 million"),
    ("the preimum was rmb 800,000", "the premium was rmb 800,000"),
    ("say we set up a subsidary in shanghai", "say we set up a subsidiary in shanghai"),
    ("once we get the registraton certificate", "once we get the registration certificate"),
])
def test_an_english_word_with_two_letters_swapped_or_one_left_out_is_put_right(typed: str, meant: str) -> None:
    assert written(typed) == meant


@pytest.mark.parametrize("text", ["casual question about the form", "we trail behind", "the licensee paid upfront",
                                  "the upfront payment", "one product"])
def test_real_english_words_and_short_ones_stay_as_written(text: str) -> None:
    assert written(text) == text
