"""Short spoken follow-ups as hotline callers type them keep the conversation's topic: a half-sentence
("那一场最多多少来着", "三期") stays on the award just discussed unless its own words clearly find
another article, also after an out-of-scope turn in between; a bare stage after a ceilings answer gets
that stage's ceiling. Each test is a promise of the question path, run on the real index."""

from assistant.records import Status

LEAD = 160


def _cited(answer) -> list[str]:
    return [c.chunk_id for c in answer.citations]


def test_a_short_ceiling_question_after_an_out_of_scope_turn_returns_to_the_award_discussed(engine):
    fairs = engine.ask("参加海外展会能补吗")
    counted = engine.ask("我们今年去了15场 每场12万", fairs.session_id)
    assert counted.total_yuan == 500_000  # 15 × min(50% × 12万, 5万) = 75万, capped at the yearly 50万
    weather = engine.ask("今天天气怎么样", fairs.session_id)
    assert weather.status is Status.OUT_OF_SCOPE and not weather.calculations
    back = engine.ask("那一场最多多少来着", fairs.session_id)
    assert _cited(back)[0] == "policy2024:37"
    assert "5万" in back.answer[:LEAD]


def test_a_bare_stage_after_a_ceilings_answer_gets_that_stages_ceiling_not_a_request_for_spend(engine):
    first = engine.ask("一类新药一期临床补帖最多多少")
    assert first.status is Status.ANSWERED and "1000万" in first.answer[:LEAD]
    second = engine.ask("那二期呢", first.session_id)
    assert "2000万" in second.answer[:LEAD]
    third = engine.ask("三期", first.session_id)
    assert third.status is Status.ANSWERED and _cited(third)[0] == "policy2024:05"
    assert "3000万" in third.answer[:LEAD]
