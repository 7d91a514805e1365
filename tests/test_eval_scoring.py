"""The everyday-words scorer judges an eligibility item's alternative measure (``alt_gold``) whether a split
writes it as one id or as a list of ids any one of which will do; a measure the answer does not cite fails the
verdict. Run on the real engine: （五） is for domestic trials, a trial abroad belongs to （十二）."""

import pytest

from eval import answers

QUESTION = "我们的1类新药II期临床在新加坡做的，研发投入2500万，按创新药那条能拿多少？"


def _item(alt: object) -> dict[str, object]:
    return {"id": "t1", "kind": "eligibility", "lang": "zh-Hans", "question": QUESTION, "status": "answered",
            "gold": ["policy2024:05", "policy2024:12"], "amount_yuan": None, "lead": [], "facts": [],
            "verdict": "not_eligible", "alt_gold": alt}


@pytest.mark.parametrize("alt, right", [
    ("policy2024:12", True),
    (["policy2024:12"], True),
    (["policy2024:30", "policy2024:12"], True),
    (["policy2024:30"], False),
    ("policy2024:30", False),
])
def test_the_alternative_measure_counts_as_one_id_or_any_of_a_list(engine, alt, right):
    outcome = answers.judge(_item(alt), lambda question, session: engine.ask(question, session))
    assert outcome.verdict is right
    assert right or any("policy2024:30" in why for why in outcome.why)
