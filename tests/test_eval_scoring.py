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


def test_a_multi_ask_whose_top_level_status_is_null_is_judged_as_answered(engine):
    item = {"id": "t2", "kind": "multi_ask", "lang": "zh-Hans", "turns": None, "status": None, "gold": None,
            "amount_yuan": None, "lead": None, "facts": None, "verdict": None, "alt_gold": None,
            "question": "两个问题：1）我们是上海注册的药企，1类新药国内Ⅰ期做完并有产出，研发投入2000万，能拿多少？"
                        "2）这项资助市里是哪个部门牵头？",
            "asks": [{"kind": "award", "gold": ["policy2024:05"], "facts": [["1000万"]], "amount_yuan": 8_000_000},
                     {"kind": "departments", "gold": ["policy2024:05"], "facts": [["市科委"]]}]}
    outcome = answers.judge(item, lambda question, session: engine.ask(question, session))
    assert not any("status" in why for why in outcome.why)
    assert outcome.correct
