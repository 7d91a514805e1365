"""Documents and questions meet on one form: every name of a clinical phase becomes the policy's ``II期``, and
words that only look like one stay as written."""

import pytest

from index.normalise import normalise


@pytest.mark.parametrize(("text", "expected"), [
    ("1类新药二期临床", "1类新药II期临床"),
    ("第一期", "I期"),
    ("一期临床投入2000万", "I期临床投入2000万"),
    ("Ⅲ期", "III期"),
    ("completed phase 2 last year", "completed II期 last year"),
    ("2期", "II期"),
])
def test_every_name_of_a_phase_becomes_the_policys_form(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("text", ["这一期研发投入2000万", "上一期的展会", "每一期都申报", "同一期"])
def test_a_period_called_one_qi_is_not_phase_one(text):
    # "这一期" is "this period / this batch": read as Ⅰ期 it added a Phase I item to a Phase II case
    assert "I期" not in normalise(text)
