""""额度够不够" asks whether a ceiling covers what the asker needs: an ask of its own, answered before the next ask of
the message. Source: （二十九） 中小微科创企业单笔批次担保额度上限 2000万元; its 责任单位 begin with 市发展改革委."""


def test_enough_and_departments_are_two_asks_both_answered(engine):
    answer = engine.ask("我是银行普惠金融部的。有个客户是上海的微型生物医药科创企业，想通过市中小微企业政策性融资担保基金拿一笔"
                        "1800万元的单笔批次担保，额度上够不够？另外这条政策排第一的责任单位是谁？")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("够：") and "2000万元" in lines[0] and "1800万元" in lines[0]
    assert "市发展改革委" in answer.answer
    assert answer.citations[0].chunk_id == "policy2024:29"


def test_enough_in_traditional_chinese(engine):
    answer = engine.ask("有個客戶是上海的小微生技企業，想透過市中小微企業政策性融資擔保基金拿一筆2500萬元的擔保，額度夠不夠？")
    # above the 2000萬 ceiling of small and micro enterprises: a no first
    assert answer.answer.startswith("不能")
    assert "2000萬" in answer.answer[:60] and "拿不到2500萬元" in answer.answer


def test_good_enough_to_qualify_is_still_a_verdict(engine):
    answer = engine.ask("我们是上海注册的创新药公司，把一款小分子的海外权益授权给了一家欧洲药企，对方跟我们没有任何股权关系。"
                        "首付款1500万美元（按7.1算）。请问这个首付款够不够格申请市里的海外授权交易支持？")
    # （三十六）: an upfront of 1亿元 or more; US$15 million × 7.1 = 1.065亿元
    assert answer.status.value == "answered"
    assert [v.verdict for v in answer.verdicts][:1] == ["eligible"]
