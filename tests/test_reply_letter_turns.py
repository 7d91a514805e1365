"""A conversation about the science commission's reply letter (沪科提复〔2024〕76号) or the press conference
answers each turn from the passage that states what is asked: a follow-up naming another quantity of the
same paragraph ("工业产值呢") leads with that quantity's figure, not the one asked before; the letter's issuer, date
and the departments it worked with come from the letter itself; two figures compared ("这两个数怎么对不上") are
each answered from their own source; what else a speaker answered is his next press answer. Each test is a
promise of the question path, run on the real index."""

import pytest
from asking import cited, turns

from assistant.records import Status

LEAD = 160


def test_industrial_output_after_industry_size_leads_with_the_output_figure(engine):
    _, output = turns(engine, "1228号提案的答复里，2023年上海生物医药产业规模多少", "工业产值呢")
    assert output.status is Status.ANSWERED and cited(output)[0] == "reply1228:1.1"
    assert "1860亿元" in output.answer[:LEAD] and "9337" not in output.answer[:LEAD]


def test_industrial_output_asked_in_english_leads_with_the_output_figure(engine):
    _, output = turns(engine, "How big was Shanghai's biomedicine industry in 2023?", "and industrial output?")
    assert cited(output)[0] == "reply1228:1.1"
    assert "1860" in output.answer[:LEAD + 80] and "9337" not in output.answer[:LEAD + 80]


def test_the_departments_a_reply_worked_with_are_named_in_english(engine):
    (answer,) = turns(engine, "The science commission's reply to CPPCC proposal 1228 - which departments did it work with?")
    assert cited(answer)[0] == "reply1228:intro"
    for name in ("Organization Department", "Health Commission", "Market Regulation", "Medical Products"):
        assert name in answer.answer


def test_the_date_on_the_reply_discussed_is_its_issue_day(engine):
    _, dated = turns(engine, "The science commission's reply to CPPCC proposal 1228 - which departments did it work with?",
                     "date on it?")
    assert dated.status is Status.ANSWERED and cited(dated)[0].startswith("reply1228:")
    assert "July 29, 2024" in dated.answer[:LEAD]


def test_who_wrote_the_reply_names_its_issuer_and_proposal(engine):
    *_, writer = turns(engine, "How big was Shanghai's biomedicine industry in 2023?", "who wrote that reply and to which proposal?")
    assert cited(writer)[0] == "reply1228:intro"
    assert "上海市科学技术委员会" in writer.answer[:LEAD] and "1228" in writer.answer


def test_a_count_asked_of_that_letter_in_english_is_found_in_the_letter(engine):
    _, star = turns(engine, "How big was Shanghai's biomedicine industry in 2023?",
                    "how many Shanghai companies on the STAR Market according to it?")
    assert star.status is Status.ANSWERED and cited(star)[0] == "reply1228:1.4"
    assert star.answer.startswith("30")
    _, hq = turns(engine, "How big was Shanghai's biomedicine industry in 2023?",
                  "per that letter, how many of the top-20 multinationals have their China or R&D HQ in Shanghai?")
    assert cited(hq)[0] == "reply1228:1.4" and hq.answer.startswith("18")


def test_two_figures_compared_are_each_answered_from_their_own_source(engine):
    *_, compared = turns(engine, "2016年以来上海获批了几款1类创新药？", "发布会上药监局说2021年至今国产1类创新药有多少个？",
                         "这两个数怎么对不上？")
    assert compared.status is Status.ANSWERED
    assert cited(compared)[:2] == ["reply1228:1.2", "press20240731:q07"]
    assert "2016年以来" in compared.answer and "2021年至今" in compared.answer


def test_two_figures_compared_in_english_are_each_answered(engine):
    *_, compared = turns(engine, "How many Class 1 innovative drugs has Shanghai had approved since 2016?",
                         "And at the press conference, how many domestic Class 1 innovative drugs since 2021?",
                         "Why don't these two numbers match?")
    assert compared.status is Status.ANSWERED
    assert set(cited(compared)[:2]) == {"reply1228:1.2", "press20240731:q07"}


def test_what_else_the_speaker_answered_is_his_next_press_answer(engine):
    *_, other = turns(engine, "发布会上说上海有多少位生物医药领域的两院院士？", "他后面还答了哪家媒体的提问？")
    assert other.status is Status.ANSWERED and cited(other)[0] == "press20240731:q08"
    assert "第一财经" in other.answer[:LEAD] and "朱启高" in other.answer[:LEAD]


def test_what_a_department_said_is_its_speakers_press_answer(engine):
    used, special = turns(engine, "What did the medical insurance bureau say about how many newly negotiated drugs are used in Shanghai?",
                          "and how many special drugs does Huhuibao 2024 cover?")
    assert used.status is Status.ANSWERED and cited(used)[0] == "press20240731:q06" and "119" in used.answer
    assert cited(special)[0] == "press20240731:q06" and special.answer.startswith("41.")


@pytest.mark.parametrize("question", [
    "市科委回覆1228號提案嗰份文，聯絡人同電話係咩？",
    "1228号提案的答复函，联络人和联系电话分别是什么？",
])
def test_the_reply_letters_contact_person_and_phone_asked_together_are_both_given(engine, question):
    """联系方式: "联系人姓名：侯剑锋" and "联系电话：23112519", each its own sentence."""
    answer = engine.ask(question)
    lead = answer.answer.splitlines()[0]
    assert answer.citations[0].chunk_id == "reply1228:contact"
    assert ("侯剑锋" in lead or "侯劍鋒" in lead) and "23112519" in lead, lead
