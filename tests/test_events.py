"""Trade fairs and congresses named by their own names or in everyday English ("We attended BIO in Boston",
"a booth at MEDICA", "an expo in Singapore") reach （三十七）, the measure on international events and
exhibitions: what was paid for them is the fee, computed at 50% with the per-fair ceiling of 5万, in
simplified and traditional Chinese and in English. A name that is also an everyday word ("a bio company")
names no fair."""

import pytest
from asking import cited

from assistant.conversation.question import AmountRole
from assistant.conversation.understand import read_facts
from assistant.events import names_event
from assistant.records import Status
from index.normalise import normalise

FAIRS = "policy2024:37"


@pytest.mark.parametrize("text", [
    "We went to ASCO in Chicago", "our booth at CPhI Worldwide", "exhibited at MEDICA", "the BIO convention in San Diego",
    "we attended BIO last June", "我们参加了BIO大会", "去年去了ASCO", "參加了德國MEDICA展", "We took part in BIO-Europe",
])
def test_a_fair_named_by_its_name_is_found_in_any_case_and_script(text) -> None:
    assert names_event(normalise(text)) and names_event(normalise(text).lower())


@pytest.mark.parametrize("text", [
    "We are a bio company", "a bio-pharma start-up", "the ash content of the tablet", "biotech firms in Shanghai",
    "我们是一家bio公司",
])
def test_a_name_that_is_also_an_everyday_word_names_no_fair_out_of_context(text) -> None:
    assert not names_event(normalise(text).lower())


@pytest.mark.parametrize(("message", "fee"), [
    ("We attended BIO in Boston, costing RMB 150,000.", 150_000),
    ("我们去了ASCO，花了6万。", 60_000),
    ("我們參加了德國MEDICA展，花費12萬。", 120_000),
])
def test_what_was_paid_for_a_fair_is_its_fee(message, fee) -> None:
    text = normalise(message)
    assert [(a.yuan, a.role) for a in read_facts(text, text.lower()).amounts] == [(fee, AmountRole.FEE)]


def test_a_spend_named_beside_a_fair_in_one_sentence_stays_the_spend() -> None:
    text = normalise("We attended BIO, and our Phase II trial spent RMB 30 million.")
    assert [a.role for a in read_facts(text, text.lower()).amounts] == [AmountRole.BASE]


@pytest.mark.parametrize(("message", "award"), [
    ("Last year we took our team to BIO in San Diego; it cost us RMB 70,000. How much can the city pay back?", 35_000),
    ("We attended ASCO in Chicago at a cost of RMB 160,000. How much support is there for that?", 50_000),
    ("Our Shanghai firm had a booth at a medical expo in Dubai, RMB 30,000 in all. How much can we claim?", 15_000),
    ("我们去年参展了CPHI，花了9万，能补多少？", 45_000),
    ("我們去美國參加了ASCO年會，費用10萬，可以補多少？", 50_000),
])
def test_a_named_or_everyday_fair_reaches_the_international_events_measure_with_its_per_fair_ceiling(engine, message, award):
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED and cited(answer)[0] == FAIRS
    assert answer.total_yuan == award  # min(50% × the fee, 5万)


def test_a_named_fair_after_a_trial_is_its_own_entry_of_a_case_told_at_length(engine):
    answer = engine.ask("We are registered in Shanghai. Our Class 1 drug finished a domestic Phase II with RMB 30 million of "
                        "R&D spend. We also went to ASCO, costing RMB 80,000. What support can we apply for and how much?")
    assert {("m05-drug-phase2", 12_000_000), ("m37-international-events", 40_000)} <= {
        (c.rule_id, c.amount_yuan) for c in answer.calculations}
