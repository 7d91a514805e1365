from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.amounts import AmountError, find_amounts, format_yuan, parse_amount, refusal_reason

SIXTY_MILLION = ["6000万", "6,000万元", "0.6亿", "六千万", "60000000元", "RMB 60 million", "6千万", "陸千萬"]


@pytest.mark.parametrize("text", SIXTY_MILLION)
def test_every_spelling_of_6000_wan_is_60_million_yuan(text):
    assert parse_amount(text) == Decimal(60_000_000)


def test_words_and_commas():
    assert parse_amount("三千五百万元") == 35_000_000
    assert parse_amount("50,000,000元") == 50_000_000


@pytest.mark.parametrize("text", ["-5000万", "0", "abc", "2万亿", "", "负100万"])
def test_bad_amounts_get_a_message_never_a_number(text):
    with pytest.raises(AmountError):
        parse_amount(text)


def test_amounts_in_a_message_skip_non_money_numbers():
    found = find_amounts("1类新药II期临床投入6000万，2024年，推出500万平方米厂房")
    assert [a.yuan for a in found] == [60_000_000]


def test_amounts_print_as_the_policy_writes_them():
    assert format_yuan(Decimal(20_000_000)) == "2000万元"
    assert format_yuan(Decimal(100_000_000)) == "1亿元"
    assert format_yuan(Decimal(50_000)) == "5万元"


@given(st.text(max_size=40))
def test_parser_never_raises_anything_but_amount_error(text):
    try:
        value = parse_amount(text)
    except AmountError:
        return
    assert 0 < value <= 10**12


@given(st.text(max_size=80))
def test_finding_amounts_never_raises(text):
    for found in find_amounts(text):
        assert found.yuan >= 0


def test_chinese_numerals_with_wan_or_yi_count_without_yuan():
    found = find_amounts("首付款两亿，第三方服务投入八百万")
    assert [a.yuan for a in found] == [200_000_000, 8_000_000]


@pytest.mark.parametrize("text, yuan", [("1亿5000万", 150_000_000), ("1亿2000万元", 120_000_000), ("一个亿", 100_000_000),
                                        ("两个亿", 200_000_000), ("1亿零500万", 105_000_000), ("一亿五千万", 150_000_000)])
def test_yi_and_wan_in_one_amount_are_one_amount_for_the_calculator_and_the_chat(text, yuan):
    # "1类新药III期研发投入1亿5000万" was read as two trials, 1亿 and 5000万
    assert parse_amount(text) == yuan
    assert [a.yuan for a in find_amounts(f"研发投入{text}，能拿多少")] == [yuan]


def test_a_hedged_amount_in_a_message_is_marked_approximate():
    found = find_amounts("研发投入约5000万，另外展会费用30万左右，服务费20万")
    assert [(a.yuan, a.approximate) for a in found] == [(50_000_000, True), (300_000, True), (200_000, False)]


def test_amounts_found_again_in_a_message_are_the_same_and_a_callers_list_is_its_own():
    first = find_amounts("1类新药II期研发投入3000万，另有约500万元的设备")
    first.append(first[0])
    again = find_amounts("1类新药II期研发投入3000万，另有约500万元的设备")
    assert [(a.text, a.yuan, a.approximate) for a in again] == [("3000万", Decimal(30_000_000), False),
                                                               ("500万元", Decimal(5_000_000), True)]


@pytest.mark.parametrize("text", ["5000万新加坡元", "SGD 5,000,000", "S$5,000,000", "500万港币", "€2,000,000", "2 million euros"])
def test_an_amount_in_any_foreign_currency_the_chat_reads_is_refused_as_foreign(text: str) -> None:
    """One list of currency marks serves the chat and typed amounts: what the chat reads as a foreign
    currency is never taken as yuan where an amount is typed."""
    assert refusal_reason(text) == "foreign_currency"


@pytest.mark.parametrize("text", ["5000万欧洲市场", "RMB 50 million for a European trial"])
def test_a_latin_word_holding_a_currency_code_marks_no_currency(text: str) -> None:
    assert refusal_reason(text) is None


@pytest.mark.parametrize(("text", "yuan"), [("一万五", 15_000), ("两万五", 25_000), ("1万5", 15_000), ("1万5千元", 15_000),
                                            ("3万5的费用", 35_000),
                                            ("一共花了1万5，这个能补贴多少？", 15_000), ("1万5.", 15_000), ("1亿5", 150_000_000), ("2亿5千万", 250_000_000),
                                            ("研发投入一亿二。", 120_000_000), ("三亿五", 350_000_000), ("一亿二千万", 120_000_000)])
def test_the_spoken_short_forms_count_the_next_place_down(text, yuan):
    """"一万五" and "1万5" are 15000, never 10000 or nothing; "1亿5" and "一亿二" are 1.5亿 and 1.2亿."""
    assert [a.yuan for a in find_amounts(text)] == [yuan]


def test_a_unit_letter_glued_to_a_currency_code_is_no_unit():
    """"1 CNY = 195 KRW" states 1 and 195 (a rate), not 195 thousand; "5 millions" is five million."""
    assert [a.yuan for a in find_amounts("Using 1 CNY = 195 KRW")] == [1, 195]
    assert [a.yuan for a in find_amounts("RMB 5 millions")] == [5_000_000]


@pytest.mark.parametrize("text", ["万一出了问题怎么办", "千万不要漏报", "1万5个人"])
def test_words_that_only_look_like_numerals_are_no_amount(text):
    assert find_amounts(text) == []
