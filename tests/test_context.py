"""What earlier turns establish is read once per conversation and is the same as reading them all again."""

import pytest

from assistant.conversation import context
from assistant.conversation.context import read_context
from index.documents import catalogue

TURNS = ["我们是上海注册的药企。", "我们的1类新药在新加坡做II期。", "研发投入2500万。", "那III期呢？"]


def test_the_kept_context_is_the_one_a_full_reading_gives():
    cat = catalogue()
    for end in range(1, len(TURNS) + 1):
        kept = read_context(TURNS[:end], None, cat)
        context._cache.clear()
        fresh = read_context(TURNS[:end], None, cat)
        assert kept == fresh
    assert fresh.facts is not None and fresh.facts.registered == "shanghai" and fresh.facts.trial_location == "overseas"


def test_a_question_naming_another_drug_keeps_the_enterprise_facts_only():
    found = read_context([*TURNS, "改良型新药III期研发投入3000万能拿多少？"], None, catalogue())
    assert found.facts is not None
    assert found.facts.registered == "shanghai" and found.facts.trial_location is None and found.facts.drug_class == "2"


def test_a_conversation_trimmed_at_its_start_goes_on_from_what_was_kept():
    cat = catalogue()
    whole = read_context(TURNS, None, cat)
    trimmed = read_context([*TURNS[1:], "能拿多少？"], None, cat)
    assert trimmed.previous is not None and [a.kind.value for a in trimmed.previous.asks] == ["amount"]
    # the registration was stated in the turn the session has since dropped: kept, not read again
    assert whole.facts is not None and trimmed.facts is not None and trimmed.facts.registered == "shanghai"


def test_every_fact_a_turn_states_for_itself_only_names_a_fact_of_the_record():
    rules = context.turn_only_rules()
    assert {r.fact for r in rules} >= {"related_party", "entity_type", "registered", "registered_by_other"}


@pytest.mark.parametrize("turns, fact, kept", [
    (["We license out; upfront RMB 150 million, the licensee is unrelated to us.",
      "Hypothetically, if the licensee were an affiliate of ours?"], "related_party", False),
    (["我们是上海注册的药企，1类新药Ⅱ期做完了", "如果是医院呢？"], "entity_type", "drug_developer"),
    (["我们是上海注册的药企，1类新药Ⅱ期做完了", "假如我们注册在苏州呢？"], "registered", "shanghai"),
])
def test_a_supposed_case_holds_for_its_own_turn_and_the_earlier_one_stands_after_it(turns, fact, kept):
    facts = read_context(turns, None, catalogue()).facts
    assert facts is not None and getattr(facts, fact) == kept
