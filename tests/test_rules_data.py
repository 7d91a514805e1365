"""Rules cannot drift from the policy: quotes are verbatim, figures stand in their quotes."""

from assistant.amounts import format_yuan
from assistant.rules.book import rule_book
from index.documents import catalogue

SOURCE = catalogue().get("policy2024").read_source()
MEASURES = {"04", "05", "06", "12", "13", "20", "23", "24", "29", "36", "37"}


def test_every_quote_is_in_the_shipped_source():
    book = rule_book()
    quotes = [r.quote for r in book.rules] + [c.quote for c in book.annual_caps.values()]
    quotes += [c.quote for c in book.conditions.values()] + [book.validity_quote]
    for quote in quotes:
        assert quote in SOURCE, quote


def test_every_figure_stands_in_its_quote():
    book = rule_book()
    for rule in book.rules:
        assert format_yuan(rule.cap_yuan) in rule.quote, rule.id
        if rule.rate is not None:
            assert f"{(rule.rate * 100).normalize():f}%" in rule.quote, rule.id
    for cap in book.annual_caps.values():
        assert format_yuan(cap.cap_yuan) in cap.quote, cap.id
    for condition in book.conditions.values():
        if condition.min_yuan is not None:
            assert format_yuan(condition.min_yuan) in condition.quote


def test_every_measure_with_a_figure_is_covered():
    assert set(rule_book().measures()) == MEASURES
