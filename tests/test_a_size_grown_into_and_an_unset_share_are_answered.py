"""A size the asker says it will grow into is that ask's size, and a share the text leaves unset is answered with
what the text does say of it.

Figures: （二十九） guarantee ceilings, 中小微科创企业 2000万元 per single batch, qualified 中型科创企业 3000万元
(alternatives, never summed); its interest subsidy ("信贷贴息") sets no share.
"""


def test_a_size_grown_into_later_takes_the_medium_ceiling(engine):
    answer = engine.ask("我們是在上海註冊的小型生技公司（員工40人），想透過市中小微企業政策性融資擔保基金貸款。單筆批次擔保額度"
                        "上限是多少？如果以後拿到專精特新資質、規模變成中型呢？")
    assert "2000萬元" in answer.answer and "3000萬元" in answer.answer
    # the medium ask is not refused for the small size said of today
    assert "不可以" not in answer.answer
    assert [v.verdict for v in answer.verdicts] == ["eligible", "eligible"]


def test_an_unset_interest_share_quotes_the_subsidy_sentence(engine):
    answer = engine.ask("银行客户经理说，市里对生物医药企业的长期贷款有利息补贴。我们准备贷五千万元，期限5年，市里能补几个点的利息？")
    assert answer.status.value == "not_specified"
    assert answer.citations[0].chunk_id == "policy2024:29"
    first = answer.answer.splitlines()
    assert first[0].startswith("现有政策文件没有规定")
    # what the text says of the subsidy, not its guarantee ceilings, follows
    assert "贴息" in first[1] and "2000万" not in first[1]


def test_a_rent_subsidy_asked_with_neng_you_is_an_unset_amount(engine):
    answer = engine.ask("我们想租标准化厂房，租金补贴能有多少？")
    assert answer.status.value == "not_specified"
    assert answer.citations[0].chunk_id == "policy2024:25"
    assert answer.answer.startswith("现有政策文件没有规定")


def test_research_beds_asked_as_how_many_to_set_are_worked_out(engine):
    answer = engine.ask("我是一家三甲医院科研处的，我们核定床位2400张，实际开放2600张，医院想往研究型医院转。"
                        "文件里研究型床位建议按多少设？")
    # （七）: 核定床位的10%; the open beds are no base
    assert answer.citations[0].chunk_id == "policy2024:07"
    assert answer.answer.startswith("240张")
