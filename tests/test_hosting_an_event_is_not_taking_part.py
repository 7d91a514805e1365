"""Hosting a conference is supported by （三十七） with no amount; its 50% / 5万元 is for taking part in recognised
international events. An asker planning to host one hears that no amount is set, then which support the figures are
for — never 5万元 computed on the hosting budget."""


def test_hosting_a_conference_sets_no_amount_and_names_the_taking_part_ceiling(engine):
    answer = engine.ask("我们协会打算明年在上海办一场国际生物医药学术大会，预算300万。举办这类会议，市里按规定能补多少？")
    assert answer.status.value == "not_specified"
    assert answer.citations[0].chunk_id == "policy2024:37"
    assert not answer.calculations
    first, second = answer.answer.splitlines()[:2]
    assert first.startswith("原文没有规定具体支持金额") and "举办" in first
    assert "参加国际性活动和展会" in second and "不适用于举办" in second


def test_hosting_in_english(engine):
    answer = engine.ask("We plan to host a biotech summit in Shanghai next year with a budget of RMB 3 million. "
                        "How much can the city pay for hosting it?")
    assert answer.status.value == "not_specified" and not answer.calculations
    assert "does not pay for hosting events" in answer.answer


def test_taking_part_in_an_event_others_host_is_still_computed(engine):
    answer = engine.ask("我们公司去杭州参加一个由上海协会举办的国际医药展，展位费8万，能补多少？")
    assert answer.total_yuan == 40_000
