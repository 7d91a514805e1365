"""One worked example per rule, each figure computed by hand from the text of 沪府办规〔2024〕9号."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from assistant.language import Language
from assistant.rules.book import UnknownRule, rule_book
from assistant.rules.calculator import CalculationError, Item, merged_notes

ON = date(2026, 11, 25)
WORKED = [
    ("m04-preclinical-interest", {}, 10_000_000),
    ("m05-drug-phase1", {"base_yuan": "2000万"}, 8_000_000),
    ("m05-drug-phase2", {"base_yuan": "6000万"}, 20_000_000),
    ("m05-drug-phase3", {"base_yuan": "5000万"}, 20_000_000),
    ("m05-cgt-early", {"base_yuan": "3000万"}, 12_000_000),  # 40% of the spend: "其中" carries the first clause's share
    ("m05-cgt-confirmatory", {"base_yuan": "1亿"}, 30_000_000),
    ("m06-device-special-review", {}, 3_000_000),
    ("m06-device-registration", {"base_yuan": "1500万"}, 6_000_000),
    ("m12-cro-capability", {}, 1_000_000),
    ("m12-overseas-trial", {}, 20_000_000),
    ("m13-insurance-domestic", {"base_yuan": "80万"}, 400_000),
    ("m13-insurance-overseas", {"base_yuan": "300万"}, 1_000_000),
    ("m20-demonstration", {}, 2_000_000),
    ("m23-industrialisation", {"base_yuan": "5亿"}, 100_000_000),
    ("m23-upgrade", {"base_yuan": "3亿"}, 30_000_000),
    ("m24-cmo", {"base_yuan": "3000万"}, 3_000_000),
    ("m29-guarantee-small", {}, 20_000_000),
    ("m29-guarantee-medium", {}, 30_000_000),
    ("m36-global-registration", {"base_yuan": "5000万"}, 10_000_000),
    ("m36-out-licensing", {"base_yuan": "600万", "upfront_yuan": "1.5亿"}, 3_000_000),
    ("m37-international-events", {"base_yuan": "8万"}, 40_000),
]


@pytest.mark.parametrize(("rule_id", "inputs", "expected"), WORKED, ids=[w[0] for w in WORKED])
def test_worked_example(engine, rule_id, inputs, expected):
    result = engine.calculate(rule_id, inputs)
    assert result.eligible
    assert result.amount_yuan == expected
    assert result.citation.chunk_id == f"policy2024:{rule_book().rule(rule_id).measure}"


def test_every_rule_has_a_worked_example():
    assert {w[0] for w in WORKED} == {r.id for r in rule_book().rules}


def test_phase_two_cap_bites_at_2000_wan(engine):
    result = engine.calculate("m05-drug-phase2", {"base_yuan": "6000万"})
    assert result.formula == "min(40% × 6000万元, 2000万元) = 2000万元"
    assert result.caps_applied
    assert any("择优" in note for note in result.notes)


def test_four_phase_three_drugs_hit_the_1_yi_annual_cap(engine):
    estimate = engine.estimate([Item("m05-drug-phase3", {"base_yuan": "1亿"})] * 4)
    assert [c.amount_yuan for c in estimate.calculations] == [30_000_000] * 4
    assert estimate.total_yuan == 100_000_000


def test_cmo_products_share_the_10_million_company_cap(engine):
    items = [Item("m24-cmo", {"base_yuan": b}) for b in ("6000万", "5000万", "4000万")]
    assert engine.estimate(items).total_yuan == 10_000_000


def test_out_licensing_below_1_yi_upfront_is_not_eligible(engine):
    result = engine.calculate("m36-out-licensing", {"base_yuan": "300万", "upfront_yuan": "8000万"})
    assert not result.eligible and result.amount_yuan == 0
    assert any("首付款" in note for note in result.notes)


def test_related_parties_make_cmo_ineligible(engine):
    result = engine.calculate("m24-cmo", {"base_yuan": "5000万", "cmo_no_investment_relation": "否"})
    assert not result.eligible


def test_guarantee_ceiling_says_it_is_not_a_grant(engine):
    result = engine.calculate("m29-guarantee-small", {})
    assert any("不是资金补贴" in note for note in result.notes)


def test_a_calculation_carries_its_base_and_the_rules_ceiling_in_yuan(engine):
    wanted = engine.calculate("m29-guarantee-small", {"base_yuan": "1500万"})
    assert (wanted.base_yuan, wanted.ceiling_yuan, wanted.amount_yuan) == (15_000_000, 20_000_000, 15_000_000)
    at_ceiling = engine.calculate("m12-overseas-trial", {})
    assert (at_ceiling.base_yuan, at_ceiling.ceiling_yuan) == (None, 20_000_000)


def test_outside_the_policy_period_nothing_is_granted(engine):
    result = engine.calculator.calculate("m05-drug-phase1", {"base_yuan": "1000万"}, date(2029, 8, 1))
    assert not result.eligible


def test_funding_measures_reach_back_to_june_2024(engine):
    assert engine.calculator.calculate("m05-drug-phase1", {"base_yuan": "1000万"}, date(2024, 6, 1)).eligible


def test_unknown_rule_and_bad_inputs_are_named(engine):
    with pytest.raises(UnknownRule):
        engine.calculate("m99", {})
    with pytest.raises(CalculationError, match="base"):
        engine.calculate("m05-drug-phase2", {})
    with pytest.raises(CalculationError, match="negative"):
        engine.calculate("m05-drug-phase2", {"base_yuan": "-5000万"})
    with pytest.raises(CalculationError, match="does not take"):
        engine.calculate("m05-drug-phase2", {"base_yuan": "1", "colour": "red"})


RATED = [r for r in rule_book().rules if r.rate is not None]


@hsettings(max_examples=200, deadline=None)
@given(rule=st.sampled_from(RATED), base=st.integers(min_value=1, max_value=10**11),
       extra=st.integers(min_value=0, max_value=10**9))
def test_result_never_exceeds_its_caps_and_is_monotone(engine, rule, base, extra):
    inputs = {"upfront_yuan": "2亿"} if "upfront_at_least_1yi" in rule.conditions else {}
    low = engine.calculate(rule.id, {**inputs, "base_yuan": str(base)}).amount_yuan
    high = engine.calculate(rule.id, {**inputs, "base_yuan": str(base + extra)}).amount_yuan
    assert low <= rule.cap_yuan
    if rule.annual_cap:
        assert low <= rule_book().annual_caps[rule.annual_cap].cap_yuan
    assert low <= high


def test_guarantee_ceilings_in_one_estimate_are_alternatives_never_summed(engine):
    """（二十九）: 小微 up to 2000万, a qualified medium firm up to 3000万 — one or the other applies."""
    estimate = engine.estimate([Item("m29-guarantee-small", {"base_yuan": "2000万"}),
                                Item("m29-guarantee-medium", {"base_yuan": "3000万"})])
    assert estimate.total_yuan == 30_000_000
    assert "max(" in estimate.formula and "5000万" not in estimate.formula
    assert any("不相加" in note for note in estimate.notes)


def test_a_not_eligible_item_lists_no_cap_as_applied(engine):
    """Ⅱ期 6000万 would hit the 2000万 ceiling, but not registered in Shanghai it gets nothing: no cap was applied."""
    result = engine.calculate("m05-drug-phase2", {"base_yuan": "6000万", "registered_in_shanghai": "no"})
    assert not result.eligible and result.amount_yuan == 0
    assert result.caps_applied == []


@pytest.mark.parametrize(("upfront", "flag", "meets"), [("1.5亿", False, "meets"), ("8000万", True, "does not meet")])
def test_a_threshold_amount_and_its_yes_no_that_contradict_each_other_are_refused_naming_both(engine, upfront, flag,
                                                                                               meets):
    with pytest.raises(CalculationError) as refused:
        engine.calculate("m36-out-licensing", {"base_yuan": "600万", "upfront_yuan": upfront,
                                               "upfront_at_least_1yi": flag})
    message = str(refused.value)
    assert message.startswith(f"upfront_yuan ({upfront}元) {meets} the condition")
    assert f"upfront_at_least_1yi is {str(flag).lower()}" in message


def test_a_threshold_amount_and_its_yes_no_that_agree_are_computed(engine):
    result = engine.calculate("m36-out-licensing", {"base_yuan": "600万", "upfront_yuan": "1.5亿",
                                                    "upfront_at_least_1yi": "yes"})
    assert result.eligible and result.amount_yuan == 3_000_000


def test_over_http_an_ineligible_estimate_lists_no_cap_and_a_contradiction_is_a_422(live_server):
    import httpx

    items = [{"rule_id": "m05-drug-phase3", "inputs": {"base_yuan": "1亿", "class1_new_drug": "no"}},
             {"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": "6000万"}}]
    estimate = httpx.post(f"{live_server}/v1/calculate", json={"items": items}, timeout=30).json()
    assert [(c["eligible"], c["caps_applied"]) for c in estimate["calculations"]] == [
        (False, []), (True, ["按40%计为2400万元，超过上限2000万元"])]
    assert estimate["total_yuan"] == 20_000_000
    refused = httpx.post(f"{live_server}/v1/calculate", json={"rule_id": "m36-out-licensing", "inputs": {
        "base_yuan": "600万", "upfront_yuan": "1.5亿", "upfront_at_least_1yi": False}}, timeout=30)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "invalid_request"
    assert "upfront_yuan" in error["message"] and "upfront_at_least_1yi" in error["message"]


def test_the_conditions_still_to_meet_of_several_items_stand_in_one_note_each_once():
    notes = ["还须满足：在本市登记注册；参加的国际性活动或展会经认定。", "上述为“最高/不超过”的上限，按照规定审核确定，不是承诺金额。",
             "还须满足：在本市登记注册；已进入国家或本市创新医疗器械特别审查程序。", "上述为“最高/不超过”的上限，按照规定审核确定，不是承诺金额。"]
    assert merged_notes(notes, Language.SIMPLIFIED) == [
        "还须满足：在本市登记注册；参加的国际性活动或展会经认定；已进入国家或本市创新医疗器械特别审查程序。",
        "上述为“最高/不超过”的上限，按照规定审核确定，不是承诺金额。"]
    english = ["Also required: registered in Shanghai.", "Also required: registered in Shanghai; in the special review."]
    assert merged_notes(english, Language.ENGLISH) == ["Also required: registered in Shanghai; in the special review."]
