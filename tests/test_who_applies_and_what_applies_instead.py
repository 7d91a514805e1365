"""A hospital asking for a developer's support hears no, and the measures meant for hospitals; a what-support question
leads with the support (conversation/understand.py, conversation/plan.py, rules/eligibility.yaml).

（五）: "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药"; （六）: "对进入国家和我市创新医疗器械特别审查
程序的产品，按照规定给予最高300万元支持；以上产品首次取得注册证并落地生产的，按照规定再给予不超过研发投入的40%，最高800万元
支持"; （二十）: "支持医疗机构与企业合作开展创新药械应用示范项目……每个项目最高200万元支持".
"""

import pytest
from asking import cited, turns

from assistant.conversation.understand import read_facts, understand
from index.documents import catalogue
from index.normalise import normalise, to_simplified


def _facts(message: str):
    text = normalise(message)
    return read_facts(text, text.lower())


def _verdicts(answer) -> list[tuple[str, str]]:
    return [(v.measure, v.verdict) for v in answer.verdicts]


@pytest.mark.parametrize("message", [
    "我系一间公立医院嘅临床试验机构，想问下有咩支持？",
    "我哋系一间医院，可唔可以申请？",
])
def test_a_hospital_saying_what_it_is_in_cantonese_is_read_as_a_hospital(message):
    assert understand(message, None, catalogue()).facts.entity_type == "hospital"


@pytest.mark.parametrize("message", [
    "我们医院跟一家药企合作，对他们刚上市的新药做扩大适应症研究。",
    "Our hospital and a Shanghai biotech company run a post-marketing study on their approved drug.",
])
def test_a_hospital_studying_its_partners_product_is_not_the_registration_applicant(message):
    assert _facts(message).registration_applicant is False


@pytest.mark.parametrize("question", [
    "我们是一家区级医院，和一家药企合作，对他们已经上市的1类新药做扩展适应症研究，医院能申请按研发投入40%给的创新药临床支持吗？",
    "We are a hospital and a pharma company runs a new-indication study with us on their marketed Class 1 drug. "
    "Can the hospital claim the innovative drug clinical support?",
])
def test_a_hospital_studying_a_companys_drug_hears_no_for_the_class1_support_and_the_hospital_measures(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer)[0] == ("05", "not_eligible")
    assert {"policy2024:20", "policy2024:08"} <= set(cited(answer))
    assert ("200万元" in to_simplified(answer.answer)) or ("2,000,000" in answer.answer)


@pytest.mark.parametrize("question", [
    "我们是一家三级医院，能申请（六）创新医疗器械的支持吗？",
    "We are a hospital. Can we get the innovative medical device support of measure (6)?",
])
def test_a_hospital_asking_for_the_device_developers_support_hears_no_and_the_demonstration_projects(engine, question):
    answer = engine.ask(question)
    assert ("06", "not_eligible") in _verdicts(answer)
    assert {"policy2024:06", "policy2024:20"} <= set(cited(answer))
    text = to_simplified(answer.answer)
    assert text.startswith(("不可以", "No"))
    assert ("200万元" in text) or ("2,000,000" in text)


def test_a_what_support_question_after_the_case_told_leads_with_the_support_not_a_bare_yes(engine):
    answer = engine.ask("Our Class 1 drug has completed its Phase II trial in Shanghai; we are registered in Minhang "
                        "and hold the application, so we think we qualify. What support is there for it?")
    assert not answer.answer.startswith("Yes")
    assert answer.answer.startswith("Under")
    assert cited(answer)[0] == "policy2024:05"
    assert "20,000,000" in answer.answer[:300]


def test_a_hospital_naming_the_device_support_by_its_share_hears_no_under_it_and_the_demonstration_projects(engine):
    answer = engine.ask("We are a Shanghai hospital planning a post-market study with a device maker on their approved "
                        "implant. Could we get the innovative device money that pays 40% of R&D spending?")
    assert ("06", "not_eligible") in _verdicts(answer)
    assert cited(answer)[:2] == ["policy2024:20", "policy2024:06"]
    assert "2,000,000" in answer.answer


def test_an_eligibility_question_asked_with_the_support_still_hears_the_verdict_first(engine):
    answer = engine.ask("我们的1类新药在上海完成了II期临床，能不能申请？能拿多少？")
    assert to_simplified(answer.answer).startswith("可以")


@pytest.mark.parametrize("question", [
    "我们是上海的CRO，主要给药企客户做临床监查和数据管理，这部分服务收入能申请CMO委托生产的补贴吗？",
    "We are a CRO in Shanghai running clinical monitoring for pharma clients. Does that service revenue qualify for the "
    "contract manufacturing subsidy?",
])
def test_a_cro_whose_services_are_no_production_hears_no_and_the_cro_measure_its_case_fits(engine, question):
    answer = engine.ask(question)
    assert ("24", "not_eligible") in _verdicts(answer)
    assert "policy2024:12" in cited(answer)  # the CRO capability projects
    assert "policy2024:04" not in cited(answer)  # services for companies are not （四）'s services for institutes


@pytest.mark.parametrize("question", [
    "我们做体外诊断试剂，拿的是三类医疗器械注册证，能申请1类新药按临床阶段资助的支持吗？",
    "我们是做IVD的，想申请那个1类新药按阶段给钱的补贴，行吗？",
])
def test_a_device_maker_asking_for_the_class1_drug_support_by_its_terms_hears_no_and_the_device_measure(engine, question):
    answer = engine.ask(question)
    assert answer.status.value == "answered"
    assert ("05", "not_eligible") in _verdicts(answer)
    assert "policy2024:06" in cited(answer)
    assert "1类新药" in to_simplified(answer.answer)


def test_a_device_in_special_review_asking_for_the_class1_drug_support_hears_no_and_the_device_ceiling(engine):
    """The case's words (特别审查程序) find （六） first; the support asked for by name, （五）, is judged: a no, and
    （六）'s 300万 for a product in the special review."""
    answer = engine.ask("我们是做肿瘤早筛试剂盒的，公司在上海注册，产品按第三类体外诊断试剂管理，已经进了国家创新医疗器械特别审查程序。"
                        "市里那个1类新药临床补贴我们能申请吗？")
    assert ("05", "not_eligible") in _verdicts(answer)
    assert "policy2024:06" in cited(answer) and answer.total_yuan == 3_000_000
    assert to_simplified(answer.answer).startswith("不可以按（五）")


@pytest.mark.parametrize("question", [
    "我们上海研发的高端超声设备拿到了CE认证，已经在法国开售了，能申请全球注册认证的支持吗？",
    "我们的创新器械通过了CE认证，在意大利开卖了，全球注册认证支持可以申请吗",
])
def test_a_product_said_on_sale_abroad_in_other_words_meets_the_sale_there(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == [("36", "eligible")]


@pytest.mark.parametrize("question", [
    "我们是在上海注册的中外合资药企，能申请这些补贴吗？",
    "We are a foreign-owned biotech registered in Shanghai. Can foreign-invested companies apply for this funding?",
])
def test_who_owns_the_asker_asked_of_the_funding_on_a_first_turn_is_answered_by_the_scope(engine, question):
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:scope"
    assert to_simplified(answer.answer).startswith(("可以", "Yes"))


@pytest.mark.parametrize("question", [
    "我们是CRO，为高校提供新药临床前研究服务，可以申请创新药研发投入40%的那个补贴吗？",
    "We are a CRO doing preclinical research services for universities. Can we claim the 40% R&D support for Class 1 drugs?",
])
def test_a_cro_serving_universities_hears_no_for_the_class1_support_and_its_own_measure(engine, question):
    # （五）: 对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药 — the CRO runs the universities' projects;
    # （四）: 推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务
    answer = engine.ask(question)
    verdicts = {v.measure: v.verdict for v in answer.verdicts}
    assert verdicts.get("05") == "not_eligible"
    assert cited(answer)[:2] == ["policy2024:04", "policy2024:05"]
    assert answer.answer.startswith(("不可以", "No"))


@pytest.mark.parametrize("question", [
    "我们是欧洲药企在上海的子公司，海外权益许可首付款1.5亿元，第三方专业服务花了1200万元，最多能拿多少？",
    "We are the Shanghai subsidiary of a European drugmaker. We out-licensed overseas rights with an upfront payment of "
    "150 million yuan and spent 12 million yuan on advisers. How much can we get?",
])
def test_a_subsidiary_describing_its_own_group_states_no_relation_with_the_licensee(engine, question):
    # （三十六）: 首付款1亿元以上 … 按照专业服务投入的50%，择优给予最高500万元支持 (双方应无投资等关联: still to be met)
    answer = engine.ask(question)
    assert answer.total_yuan == 5_000_000
    assert "择优" in answer.answer
    assert "无投资等关联" in answer.answer or "no investment" in answer.answer


def test_a_subsidiary_licensing_to_its_own_parent_is_a_related_party(engine):
    answer = engine.ask("我们是欧洲药企在上海的子公司，把海外权益许可给了母公司，首付款1.5亿元，专业服务花了1200万元，能拿多少？")
    assert answer.total_yuan == 0 and answer.answer.startswith("不可以")


@pytest.mark.parametrize("question", [
    "我们公司注册在苏州，能申请这份若干意见里的补贴吗？",
    "公司注册在苏州，能申请补贴吗？",
])
def test_a_company_registered_elsewhere_asking_for_the_policys_support_in_general_hears_the_scope(engine, question):
    # 支持范围: 本意见支持范围为在我市内登记注册的……企事业单位 — no measure is named, the registration decides
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:scope"
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.answer.startswith("不可以") and "苏州" in answer.answer[:120]


def test_a_company_saying_it_has_no_shanghai_registration_hears_the_scope_not_a_refusal(engine):
    # "没有在上海注册公司" states where the company is, it asks no company registration procedure
    answer = engine.ask("我们公司注册在杭州，在上海张江租了个实验室做研发（没有在上海注册公司或分公司），能申请上海新政里的创新药临床研发补贴吗？")
    assert cited(answer)[0] == "policy2024:scope" and answer.answer.startswith("不可以")


def test_another_group_company_applying_instead_hears_the_scopes_no_and_the_departments_stay_the_measures(engine):
    # 支持范围: 在我市内登记注册的; （三十六）'s 责任单位: 市科委、市商务委、市财政局
    _, parent, departments = turns(engine, "We're a Shanghai subsidiary of a US biotech. Our innovative drug was approved by "
                                           "the FDA and is now sold in the US. What's the maximum support?",
                                   "What if our Delaware parent company applies instead of the subsidiary?",
                                   "Which government departments handle this?")
    assert parent.answer.startswith("No") and cited(parent)[0] == "policy2024:scope"
    assert cited(departments)[0] == "policy2024:36" and "Commerce" in departments.answer


@pytest.mark.parametrize("question", ["如果是在台湾登记的公司，可以申请吗？", "如果是在臺灣登記的公司，可以申請嗎？"])
def test_a_company_registered_in_taiwan_said_with_dengji_hears_the_scopes_no(engine, question):
    # 支持范围: 本意见支持范围为在我市内登记注册的 — 登记 says registration as 注册 does
    _, answer = turns(engine, "受托生产一个品种一年受托产值八千万，能拿多少？", question)
    assert cited(answer)[0] == "policy2024:scope" and answer.verdicts[0].verdict == "not_eligible"
    assert answer.total_yuan in (None, 0)


def test_out_licensing_to_the_askers_own_parent_is_refused_for_the_relation_not_the_parents_seat(engine):
    # （三十六）: 对于首付款1亿元以上的海外权益许可交易（双方应无投资等关联）; the Shanghai entity is the 出让企业
    answer = engine.ask("Our Shanghai entity wants to out-license overseas rights of an innovative drug to our German parent "
                        "company, with an upfront payment of RMB 200 million. Can we get the licensing-deal subsidy?")
    assert answer.answer.startswith("No") and cited(answer)[0] == "policy2024:36"
    assert "双方应无投资等关联" in answer.answer and "Germany" not in answer.answer[:200]


def test_a_university_asking_for_the_cros_interest_subsidy_hears_no_and_the_ceiling_it_asked(engine):
    # （四）: 推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务，按照规定给予每个项目年度贴息金额最高1000万元支持
    answer = engine.ask("我们学校找CRO做新药临床前研究，这个贴息能拿多少，学校能直接申请吗？")
    assert answer.answer.startswith("不可以") and cited(answer)[0] == "policy2024:04"
    assert "1000万元" in answer.answer.split("出处")[0]
