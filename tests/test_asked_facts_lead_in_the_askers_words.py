"""A lookup leads with the fact asked, in the source's words and the asker's language: an English answer writes
its dates as English does ("July 31, 2029"), a yes/no the measure states hears its yes first, a message stating
who the asker is and asking answers the ask, and a message announcing its asks ("两个问题：") answers each from
its own article.
"""

import re

ISO_DAY = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def cited(answer):
    return [c.chunk_id for c in answer.citations]


def test_an_english_answer_writes_its_dates_as_english_does(engine):
    answer = engine.ask("Until when does the 2024 Shanghai biomedicine policy stay in force?")
    assert cited(answer)[0] == "policy2024:validity"
    assert "July 31, 2029" in answer.answer and not ISO_DAY.search(answer.answer)


def test_a_case_before_the_funding_period_hears_the_first_day_in_english_words(engine):
    answer = engine.ask("We spent the money in April 2024. Does the city policy's funding cover that?")
    assert answer.answer.startswith("No") and "June 1, 2024" in answer.answer


def test_a_chinese_answer_keeps_its_chinese_dates(engine):
    answer = engine.ask("这个若干意见有效期到什么时候？")
    assert "2029年7月31日" in answer.answer


def test_a_yes_or_no_the_measure_title_states_hears_yes_first(engine):
    answer = engine.ask("Is the city setting up a fund for biomedicine mergers and acquisitions?")
    assert cited(answer)[0] == "policy2024:28"
    assert answer.answer.startswith("Yes")


def test_a_site_accepting_another_sites_ethics_result_is_answered_by_that_sentence(engine):
    answer = engine.ask("In a multicentre study, may the other hospitals accept the lead hospital's ethics review?")
    assert cited(answer)[0] == "policy2024:10"
    assert "认可牵头机构的伦理审查结果" in answer.answer.splitlines()[0]


def test_a_hospital_saying_what_it_is_and_asking_how_long_hears_the_time_limit(engine):
    answer = engine.ask("我们是三甲医院，作为牵头机构伦理审查要多长时间出意见")
    assert cited(answer)[0] == "policy2024:10"
    assert "15个工作日" in answer.answer.splitlines()[0]


def test_a_message_announcing_its_questions_answers_each_from_its_own_article(engine):
    answer = engine.ask("两个问题：医院内部启动临床试验的整体用时要压到几周？第二类医疗器械审评由哪个部门负责？")
    assert {"policy2024:09", "policy2024:16"} <= set(cited(answer))
    assert "25周" in answer.answer and "市药品监管局" in answer.answer


def test_an_english_message_announcing_its_questions_answers_each(engine):
    answer = engine.ask("Two quick questions: how long may the lead institution take for its ethics opinion? "
                        "Which department handles Class II device registration review?")
    assert {"policy2024:10", "policy2024:16"} <= set(cited(answer))
    assert "15" in answer.answer and "药品监管局" in answer.answer
