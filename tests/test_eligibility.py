"""The one condition evaluator the chat's verdicts and the profile match share (rules/eligibility.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.rules.book import rule_book
from assistant.rules.eligibility import ConditionEvaluator, ConditionState


@pytest.fixture(scope="module")
def evaluator() -> ConditionEvaluator:
    return ConditionEvaluator(rule_book())


@pytest.mark.parametrize(("condition", "facts", "state"), [
    ("registered_in_shanghai", {"registered": "shanghai"}, ConditionState.MET),
    ("registered_in_shanghai", {"registered": "elsewhere"}, ConditionState.FAILED),
    ("registered_in_shanghai", {}, ConditionState.UNKNOWN),
    ("class1_new_drug", {"drug_class": "1", "trial_location": "domestic"}, ConditionState.MET),
    ("class1_new_drug", {"drug_class": "1"}, ConditionState.UNKNOWN),
    ("class1_new_drug", {"drug_class": "generic", "trial_location": "domestic"}, ConditionState.FAILED),
    ("no_investment_relation", {"related_party": False}, ConditionState.MET),
    ("no_investment_relation", {"related_party": True}, ConditionState.FAILED),
    ("qualified_cro", {"entity_type": "cro"}, ConditionState.ASSESSED),
    ("qualified_cro", {"entity_type": "drug_developer"}, ConditionState.FAILED),
    ("recognised_international_event", {}, ConditionState.ASSESSED),
    ("recognised_international_event", {"recognised": True}, ConditionState.MET),
    ("upfront_at_least_1yi", {"upfront_yuan": Decimal(100_000_000)}, ConditionState.MET),
    ("upfront_at_least_1yi", {"upfront_yuan": Decimal(99_999_999)}, ConditionState.FAILED),
    ("upfront_at_least_1yi", {}, ConditionState.UNKNOWN),
])
def test_a_condition_is_met_failed_assessed_or_unknown_from_the_stated_facts(evaluator, condition, facts, state):
    assert evaluator.check(condition, facts).state is state


def test_an_overseas_trial_fails_05_and_names_12_instead(evaluator):
    failed = evaluator.first_failure(rule_book().rule("m05-drug-phase3"), {"drug_class": "1", "trial_location": "overseas"})
    assert failed is not None and failed.condition_id == "class1_new_drug" and failed.instead == "12"


def test_the_insurer_extra_condition_applies_to_the_premium_rules(evaluator):
    rule = rule_book().rule("m13-insurance-domestic")
    assert "policyholder" in evaluator.rules.of_rule(rule)
    failed = evaluator.first_failure(rule, {"registered": "shanghai", "entity_type": "insurer"})
    assert failed is not None and failed.condition_id == "policyholder"


def test_an_unknown_condition_names_the_facts_it_waits_for(evaluator):
    check = evaluator.check("medium_qualified_tech_enterprise", {"enterprise_size": "medium"})
    assert check.state is ConditionState.UNKNOWN and check.missing == ("tech_qualification",)
    assert evaluator.rules.fact_name("tech_qualification") == "是否拥有高新技术、专精特新、科技小巨人等资质"


@pytest.mark.parametrize(("facts", "state"), [
    ({"entity_type": "hospital"}, ConditionState.UNKNOWN),
    ({"entity_type": "university"}, ConditionState.UNKNOWN),
    ({"entity_type": "hospital", "registration_applicant": True}, ConditionState.MET),
    ({"entity_type": "cro", "registration_applicant": False}, ConditionState.FAILED),
    ({"entity_type": "drug_developer"}, ConditionState.MET),
    ({}, ConditionState.MET),
])
def test_who_the_asker_is_can_leave_a_condition_open_until_the_fact_that_decides_it(evaluator, facts, state):
    # （五）"对由我市注册申请人开展…": a hospital is not normally a drug's registration applicant, a drug company is
    check = evaluator.check("registration_applicant", facts)
    assert check.state is state
    if state is ConditionState.UNKNOWN:
        assert check.missing == ("registration_applicant",) and check.opened_by == "entity_type"


def test_a_kind_the_asker_denies_being_fails_the_condition_that_needs_it(evaluator):
    assert evaluator.check("qualified_cro", {"entity_denied": ("cro",)}).state is ConditionState.FAILED
    assert evaluator.check("qualified_cro", {"entity_denied": ("cmo",)}).state is ConditionState.ASSESSED
    assert evaluator.check("qualified_cro", {"entity_denied": ()}).state is ConditionState.ASSESSED
