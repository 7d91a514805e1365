"""Turning what a user typed into what the search engines match on (``assistant.query``)."""

from assistant.query import prepare


def test_a_chinese_term_several_english_words_name_is_searched_once():
    expanded = prepare("Do a hospital's trial staff in Shanghai hospitals get incentives?").keyword_text
    assert expanded.count("医院") == 1 and expanded.count("医疗机构") == 1


def test_everyday_english_reaches_the_words_of_the_press_conference_and_the_reply():
    assert {"从业人员", "生物医药产业"} <= set(prepare("How many people work in the biomedicine sector?").keyword_text.split())
    assert "内部" in prepare("a hospital's internal steps before a clinical trial starts").keyword_text.split()
    assert "标准化厂房" in prepare("How much standard factory space is planned?").keyword_text.split()


def test_english_words_joined_by_a_hyphen_find_their_glossary_term_as_written_apart():
    assert "研究型医院" in prepare("Which department leads the research-hospital measure?").keyword_text
    assert "研究型医院" in prepare("Which department leads the research hospital measure?").keyword_text
