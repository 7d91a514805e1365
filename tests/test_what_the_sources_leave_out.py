"""What the sources leave out is refused or said to be unset, never answered with a figure from elsewhere: a
person's own share of a technology transfer, the content of the 2021 policy the sources only mention, and a
hospital's investigator-initiated study, whose support the text names without an amount. Whether a document still
takes applications is its validity: the expired Pudong plan says so.
"""

import pytest

from assistant.records import Status
from tests.asking import cited, turns


@pytest.mark.parametrize("follow_up", ["那发明人自己能分到几成？", "And what share does the inventor personally keep?"])
def test_a_persons_share_of_a_transfer_is_refused_and_carries_no_award(engine, follow_up):
    first, answer = turns(engine, "CRO给高校做新药临床前研究，贴息支持最高多少？", follow_up)
    assert first.calculations
    assert answer.status is Status.OUT_OF_SCOPE and not answer.calculations and not answer.citations


def test_support_a_named_scientist_may_get_stays_unset_not_refused(engine):
    answer = engine.ask("有一位带着核心专利来沪的顶尖科学家，他本人按新政能拿到多少钱？")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:03"


@pytest.mark.parametrize("question", [
    "2021年那轮旧政策对三期临床的补贴上限是多少？",
    "In the previous 2021 biomedicine policy, how much could a Phase II trial get at most?",
])
def test_what_the_2021_policy_set_beyond_what_the_sources_quote_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.calculations


def test_what_the_sources_quote_of_the_2021_policy_is_still_answered(engine):
    answer = engine.ask("2021年那版政策对出海成功的创新产品给多少支持？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "reply1228:2.1" and "30%" in answer.answer


@pytest.mark.parametrize("question", ["医院研究者发起的IIT，市里每个项目给多少经费？", "How much does the city fund per IIT run by a hospital PI?"])
def test_an_investigator_initiated_study_has_no_set_amount(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:08" and not answer.calculations


@pytest.mark.parametrize("question", ["浦东的生物医药行动方案现在还可以申报吗？", "Can companies still apply under the Pudong action plan?"])
def test_still_applying_under_the_expired_plan_is_told_it_has_expired(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and answer.answer.startswith(("否", "No"))
    assert "2024年12月31日" in answer.answer or "December 31, 2024" in answer.answer


def test_still_applying_under_the_policy_in_force_is_yes(engine):
    answer = engine.ask("市里2024年的若干意见明年还能申请吗？")
    assert answer.answer.startswith("是") and cited(answer)[0] == "policy2024:validity"


@pytest.mark.parametrize("question", ["新推出的标准化厂房，入驻的话每平米租金有补贴吗，补多少？",
                                      "What rent discount per square metre do the city's new standard plant buildings offer?"])
def test_an_unset_rent_quotes_what_the_measure_does_set_up(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:25"
    assert "500万平方米" in answer.answer and not answer.calculations


def test_a_hospitals_own_trial_insurance_is_told_the_premium_support_is_for_insured_enterprises(engine):
    first, answer = turns(engine, "海外临床试验责任险交了120万保费，能补多少？", "那如果是医院自己投保的试验险呢，能补吗？")
    assert first.calculations
    assert cited(answer)[0] == "policy2024:13" and "投保企业" in answer.answer and answer.answer.startswith("不")


def test_the_terms_of_a_deal_named_by_its_upfront_are_given_not_asked_back(engine):
    answer = engine.ask("首付款3亿的海外权益许可交易，有什么支持？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:36"
    assert "50%" in answer.answer and "500万" in answer.answer


@pytest.mark.parametrize("question", [
    "宝山区的生物医药产业园区入驻有没有租金补贴？",
    "2024年上海市政府工作报告对生物医药有什么提法？",
    "另外问一下，药品注册检验的费用国家有没有减免？",
])
def test_a_districts_park_a_report_outside_the_catalogue_and_national_fees_are_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_trial_insurance_bought_for_a_trial_abroad_is_still_computed(engine):
    answer = engine.ask("日本那边的临床试验责任险，保费交了60万，能补多少？")
    assert answer.status is Status.ANSWERED and answer.total_yuan == 300000


def test_a_numbered_ask_about_another_province_is_refused_on_its_own(engine):
    answer = engine.ask("问两个问题：1）参加海外学术会议，每家单位一年最多补多少？2）浙江对这类会议有补贴吗，你们清楚吗")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:37" and "50万" in answer.answer


def test_the_names_and_contacts_of_people_a_figure_counts_are_refused(engine):
    first, answer = turns(engine, "发布会上说上海生物医药领域有多少位两院院士？", "能把这些院士的名单和联系电话发我吗？")
    assert first.status is Status.ANSWERED
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_the_reply_letters_own_contact_is_still_answered(engine):
    answer = engine.ask("What are the contact person's name and phone number for the reply letter?")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "reply1228:contact"


def test_a_numbered_term_ask_after_the_named_plan_asks_that_plans_term(engine):
    answer = engine.ask("两个问题：1）浦东方案里国产1类新药的目标是多少个？2）这个方案期限到什么时候？")
    assert "pudong2022:1.2" in cited(answer) and "policy2024:validity" not in cited(answer)


@pytest.mark.parametrize(("question", "place"), [
    ("北京的生物医药企业在北京能拿多少研发补贴？", "北京"),
    ("杭州的生物医药企业在杭州能拿多少研发补贴？", "杭州"),
])
def test_what_a_company_gets_in_another_city_is_that_citys_policy_and_refused(engine, question, place):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.calculations and not answer.citations
    assert place in answer.answer


def test_the_size_of_a_fund_the_policy_names_without_one_is_unset_not_another_scale(engine):
    # （二十六） names the 生物医药产业母基金 and sets no size; the Pudong plan's 产业规模4000亿元 is another 规模
    answer = engine.ask("上海生物医药产业母基金规模多大？多少亿？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] in {"policy2024:26", "press20240731:q08"}
    assert "4000亿" not in answer.answer


def test_how_much_rent_is_cut_where_the_text_sets_no_cut_is_unset(engine):
    # （二十五）: 推出500万平方米生物医药标准化厂房 — no rent reduction is set
    answer = engine.ask("500万平方米标准化厂房那块，租金有没有减免？能减多少")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:25"
    assert not answer.calculations


@pytest.mark.parametrize("question", ["2021年那个生物医药高质量发展的若干意见现在还有效吗？", "Is the 2021 biomedicine policy still in force?"])
def test_whether_the_2021_policy_still_applies_is_unstated_never_the_2024_policys_yes(engine, question):
    # the reply letter only quotes the 2021 policy; no source gives its term or says the 2024 policy replaces it
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "reply1228:2.1"
    assert not answer.answer.startswith(("是的", "Yes"))
    assert "取代" not in answer.answer and "superseded" not in answer.answer
    assert "沪府办规〔2024〕9号" in answer.answer


def test_a_figure_the_text_states_as_a_ceiling_or_a_floor_keeps_its_bound_in_the_lead(engine):
    # reply: 按研发投入30%，最高支持1000万元; （三十六）: 对于首付款1亿元以上的海外权益许可交易
    assert engine.ask("2021年那版上海政策，對產品出海的支持是多少？").answer.startswith("最高1000萬元")
    assert engine.ask("海外权益许可交易，首付款要达到多少才有支持？").answer.startswith("1亿元以上")


@pytest.mark.parametrize("question", [
    # 支持范围: 鼓励各区根据实际情况做好相应配套支持 — no share or amount
    "除了市里的补贴，区里会再配套多少？比如是不是按1:1配套？",
    # （十九）: 在DRG/DIP改革中独立成组、提高支付标准 — by how much is not set
    "DRG/DIP里高价值创新医疗器械独立成组以后，支付标注具体提高多少？有比例吗",
])
def test_how_much_a_support_the_text_names_without_a_figure_comes_to_is_unset(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and not answer.calculations


@pytest.mark.parametrize("question", [
    "我们是张江注册的CRO，去年已经拿过上海市的临床试验责任险保费补贴。现在想在苏州工业园区再开个分部，那边对生物医药企业的房租补贴是多少？",
    "临港新片区自己针对生物医药企业的厂房租金补贴标准是多少？",
])
def test_another_places_own_support_is_refused_whatever_shanghai_facts_come_first(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_an_internet_hospital_licence_is_refused_beside_the_demonstration_projects_figure(engine):
    answer = engine.ask("两件事：一是我们想办个互联网医院，牌照怎么申请？二是我们跟三甲医院合作做创新器械上市后的真实世界研究，"
                        "这种示范项目每个最多支持多少？")
    assert cited(answer)[0] == "policy2024:20" and answer.total_yuan == 2_000_000
    assert "互联网医院" in answer.answer and "不在现有政策资料的范围内" in answer.answer


def test_company_registration_papers_after_an_award_are_refused_and_carry_no_award(engine):
    _, papers = turns(engine, "We're a Shanghai CDMO. One unrelated client's product had RMB 62 million of contract "
                              "manufacturing output last year. What's the max support?",
                      "OK thanks. We also want to set up a new subsidiary in Lingang — what documents do we need for the "
                      "company registration?")
    assert papers.status is Status.OUT_OF_SCOPE and not papers.calculations
