"""A spend made in the funding period before the policy's term (June–July 2024) gets its measure's award computed,
the term cited after it; a count of items asked of the measure discussed is what its text says, not its award again.
Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_a_fair_in_the_funding_period_before_the_term_gets_its_award_computed_with_the_term_cited(engine):
    award, cap = turns(engine, "我们2024年7月10日参加了一个国际医药展会，花了6万元，这个能按新政策申请吗？",
                       "每家单位一年最多能报多少")
    assert award.status is Status.ANSWERED
    assert award.total_yuan == 30_000
    assert award.answer.startswith("可以")
    assert cited(award)[:2] == ["policy2024:37", "policy2024:validity"]
    assert cited(cap)[0] == "policy2024:37"
    assert "50万元" in cap.answer.splitlines()[0]


def test_a_fair_before_the_funding_period_is_still_refused_by_the_term(engine):
    answer = engine.ask("我们2024年5月参加了一个国际医药展会，花了6万元，这个能按新政策申请吗？")
    assert answer.total_yuan is None
    assert cited(answer)[0] == "policy2024:validity"
    assert answer.answer.startswith("不能")


def test_a_count_of_projects_asked_after_an_award_is_not_specified_when_the_measure_sets_none(engine):
    _, count = turns(engine, "Is there support for real-world studies of an innovative device after launch?",
                     "How many projects like this can one hospital get in a year?")
    assert count.status is Status.NOT_SPECIFIED
    assert cited(count)[0] == "policy2024:20"
    assert not count.calculations


def test_a_count_of_fairs_supposed_after_an_award_is_summed_under_the_annual_cap(engine):
    _, many = turns(engine, "参加海外展会花了20万，能补多少？", "要是一年参加了二十几个展呢？")
    assert cited(many)[0] == "policy2024:37"
    assert many.status is Status.ANSWERED


def test_an_amount_asked_with_a_yes_or_no_in_the_funding_period_says_the_month_is_covered(engine):
    """有效期: "2024年6月1日至7月31日期间，相关涉及资金支持的政策措施参照本意见执行": a Phase II finished in mid-July 2024,
    asked "能按新政策申请吗？能拿多少？", hears that the month is covered, quoted, with the award (min(40% × 6000万,
    2000万))."""
    answer = engine.ask("我们是上海注册的1类新药企业，II期临床是2024年7月中旬完成的，研发投入6000万，能按新政策申请吗？能拿多少？")
    assert answer.total_yuan == 20_000_000
    assert "2024年6月1日至7月31日期间" in answer.answer.split("出处")[0]
    assert "policy2024:validity" in [c.chunk_id for c in answer.citations]


def test_can_the_funding_still_cover_a_july_case_is_a_yes_with_the_funding_period(engine):
    answer = engine.ask("Our Phase II readout came in early July 2024, i.e. before the new Shanghai policy officially took "
                        "effect on Aug 1. Can the funding support still cover us, or are we too early?")
    assert answer.citations[0].chunk_id == "policy2024:validity"
    assert answer.answer.startswith("Yes") and "2024年6月1日" in answer.answer.split("\n")[0]
