"""A single question gets the kind of answer a careful reader gives: the clause that grants the support asked of;
not_specified when the text sets neither the figure nor the amount asked; a relative's question about a policy answered;
"it depends" when the sentence answering sets a condition of the case the asker has not stated; a party a measure
serves hears the support and who it is for.

（二十七）: "支持企业单独或联合设立CVC，加强创新孵化和产业链上下游协同。对符合条件的CVC给予市属国资和产业母基金出资、
基金设立快速通道等支持。"
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize(("message", "status"), [
    ("企業自己設CVC有什麼支持？", Status.ANSWERED),
    ("另外企业设CVC能拿到多少钱？", Status.NOT_SPECIFIED),
])
def test_the_support_a_measure_gives_is_quoted_from_the_clause_granting_it(engine, message: str, status: Status) -> None:
    answer = engine.ask(message)
    assert answer.status is status, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:27"
    lead = answer.answer.splitlines()[0]
    assert "快速通道" in lead, answer.answer
    assert "加强创新孵化" not in lead and "加強創新孵化" not in lead, answer.answer


@pytest.mark.parametrize("message", [
    "For a 'blockbuster' product developed in Shanghai — what sales level triggers the support and how much cash is it?",
    "我們產品第一次年銷售破10億，市裡有什麼獎勵，金額多少？",
])
def test_a_threshold_and_an_amount_the_text_does_not_set_are_not_specified(engine, message: str) -> None:
    # （二十二）: "对在沪研发并实现产出，且首次突破相关产值和规模的创新产品进行引导支持。" sets neither
    answer = engine.ask(message)
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:22"
    assert answer.total_yuan is None


def test_a_relatives_question_about_a_policy_is_answered_and_their_own_costs_are_not(engine) -> None:
    # （十八）: "在国家医保药品和“新优药械”产品更新发布1个月内，我市医疗机构…以“应配尽配”原则配备使用。"
    answer = engine.ask("我爸在医院看病，听说上海出了政策让新药更快进医院，是怎么规定的？")
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:18"
    assert "1个月" in answer.answer and "应配尽配" in answer.answer
    personal = engine.ask("那他现在吃的那个药医保能报多少比例啊", answer.session_id)
    assert personal.status is Status.OUT_OF_SCOPE, personal.answer
    assert engine.ask("我爸在医院看病，医保能报销多少？").status is Status.OUT_OF_SCOPE


@pytest.mark.parametrize(("message", "deciding"), [
    ("I'm China head for a Korean biotech. We'd like to do gene therapy development through a Shanghai subsidiary — "
     "can a foreign-owned company like ours join the pilot that opens up gene diagnosis and therapy?", "It depends"),
    ("外资企业能参加基因治疗扩大开放试点吗？", "要看情况"),
])
def test_a_pilot_open_only_in_the_free_trade_zone_depends_on_where_the_company_sits(
        engine, message: str, deciding: str) -> None:
    # （三十四）: "在上海自贸试验区（含临港新片区）选择符合条件的外资企业开展基因诊断与治疗技术开发和应用扩大开放试点。"
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:34"
    assert answer.answer.startswith(deciding), answer.answer
    assert "自贸试验区" in answer.answer.splitlines()[0]


def test_the_pilot_is_a_yes_once_the_company_is_said_to_be_in_the_zone_and_other_sentences_wait_for_nothing(engine) -> None:
    assert engine.ask("我们的子公司在临港新片区，外资企业能参加基因治疗扩大开放试点吗？").answer.startswith("可以")
    assert engine.ask("外资企业可以在上海设立研发中心吗？").answer.startswith("可以")


@pytest.mark.parametrize(("message", "opening", "served"), [
    ("我是某高校技术转移办公室的，我们想找CRO帮忙做新药的临床前研究，市里有啥支持？", "按沪府办规〔2024〕9号（四）", "高校科研院所是服务对象"),
    ("I'm in a university lab in Shanghai. Is there anything that gets CROs to do preclinical work for university "
     "new-drug projects?", "Yes.", "universities and institutes are the ones served"),
])
def test_a_party_a_measure_serves_hears_its_support_and_who_it_is_for(engine, message: str, opening: str, served: str) -> None:
    # （四）: "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务，按照规定给予每个项目年度贴息金额最高1000万元支持。"
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:04"
    assert answer.answer.startswith(opening), answer.answer
    assert answer.total_yuan == 10_000_000
    assert served in answer.answer


def test_a_party_a_measure_serves_asking_to_apply_itself_still_hears_no(engine) -> None:
    answer = engine.ask("我们是高校，能申请CRO那个临床前研究贴息吗？")
    assert answer.answer.startswith("不可以"), answer.answer
    assert answer.total_yuan is None


def test_an_out_licensing_deal_with_a_mistyped_upfront_in_dollars_is_computed_not_asked_back(engine) -> None:
    # （三十六）: "首付款1亿元以上…按照规定择优给予出让企业不超过其第三方等专业服务投入的50%，最高500万元支持"
    answer = engine.ask("We out-licensed overseas rights of our drug to a US pharma (no shareholding ties either way), "
                        "upfornt payment USD 30 million. We spent RMB 8 million on lawyers and advisors for the deal. "
                        "How much can we get as the licensor?")
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert answer.total_yuan == 4_000_000


def test_a_yearly_cap_asked_of_a_measure_that_sets_none_is_not_specified_with_its_ceiling(engine) -> None:
    # （三十六）: "按照规定择优给予不超过研发投入的30%，最高1000万元支持" sets no cap per company and year
    first = engine.ask("我们的高端医疗器械拿了FDA的注册，已经在美国卖了，研发投入5000万，上海能奖多少")
    answer = engine.ask("这一条每家每年有没有累计封顶？", first.session_id)
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert answer.answer.startswith("现有政策文件没有规定每个单位每年的累计上限"), answer.answer
    assert "1000万元" in answer.answer
