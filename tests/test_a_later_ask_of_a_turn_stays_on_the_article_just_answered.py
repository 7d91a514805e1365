"""A turn's second ask with no topic of its own but words of the article its first ask was answered from stays on that
article ("代持之后收益怎么分？有没有规定医院拿多少比例？" after （八）): the share is not set there, said so, with no
other measure's sentence beside it."""

from asking import cited, turns


def test_the_share_asked_after_the_article_is_not_specified_there(engine):
    _, answer = turns(engine, "我是医院成果转化办的。我们想把一项专利作价入股一家初创公司，股权能不能交给别的机构代持？",
                      "代持之后收益怎么分？有没有规定医院拿多少比例？")
    assert answer.status.value == "not_specified"
    assert cited(answer) == ["policy2024:08"]
    assert "没有规定具体比例" in answer.answer and "新优药械" not in answer.answer


def test_a_figure_asked_by_a_company_still_to_register_leads(engine):
    answer = engine.ask("我准备在上海注册公司，1类新药在国内完成I期临床，I期研发花了1800万，能拿多少？")
    # min(40% × 1800万, 1000万) = 720万 under （五）; the registration it needs is the award's note, after the figure
    assert answer.total_yuan == 7_200_000
    assert "720万元" in answer.answer.splitlines()[0]
    assert "还须满足：在本市登记注册" in answer.answer and "您没有说明" not in answer.answer
