"""Where the text leaves a tie between the parties undefined, the verdict waits and says so.

（二十四）/（三十六） require the parties to have no 投资等关联 but never define a tie through a third party (a common
investor, a fund both sides share, a founder who is a fund's LP): the departments judge it on review, so it is no yes.
"""


def test_a_tie_through_a_common_shareholder_leaves_the_cmo_verdict_open(engine):
    answer = engine.ask("我们是做CDMO的，今年接了一个客户的委托生产，受托产值2600万。我们和这个客户之间没有直接持股，"
                        "但是客户的大股东（一家基金）前年也投过我们一轮，占我们大概3%。这单能报受托生产那个10%的补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    first = answer.answer.splitlines()[0]
    assert first.startswith("要看情况") and "原文没有界定间接关系" in first
    assert "委托双方应无投资等关联" in first  # the condition quoted from （二十四）
    # what it would give if the tie does not count: min(10% × 2600万, 500万) = 260万, never promised
    assert "260万元" in answer.answer and answer.total_yuan is None


def test_the_yes_no_after_asking_whether_the_tie_counts_waits_too(engine):
    answer = engine.ask("我们是上海的一家CMO，最近接了一家创新药公司的委托生产。对方没有直接持有我们的股份，但是对方创始人个人是"
                        "某只基金的LP，这只基金持有我们大概3%的股权。这种算不算有投资关联？会不会影响我们申请受托生产那个补贴")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    assert "原文没有界定间接关系" in answer.answer.splitlines()[0]


def test_a_common_investor_leaves_the_out_licensing_verdict_open_in_english(engine):
    answer = engine.ask("We licensed ex-China rights of our antibody to a US pharma, upfront RMB 150 million. Neither side holds "
                        "shares in the other directly, but a common investor holds stakes in both. Can we get the city's "
                        "out-licensing support?")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    first = answer.answer.splitlines()[0]
    assert first.startswith("It depends") and "does not define indirect ties" in first
    assert "双方应无投资等关联" in first  # （三十六）


def test_a_relation_denied_outright_is_still_a_yes(engine):
    answer = engine.ask("我们是上海的CMO，接了一个客户的委托生产，双方没有任何投资关系，受托产值2600万。这单能报受托生产的补贴吗？")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert "原文没有界定" not in answer.answer
    assert answer.total_yuan == 2_600_000  # （二十四）: 10% × 2600万 = 260万 ≤ 500万
