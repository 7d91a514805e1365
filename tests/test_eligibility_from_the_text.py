"""Whether an asker may apply is decided by what the text makes the condition, read from the facts as stated.

（三十六）: "申请通过美国国家食品药品监督管理局（FDA）、欧洲药品管理局（EMA）、欧洲共同体（CE）、日本药品和医疗器械管理局
（PMDA）或世界卫生组织以及金砖国家、“一带一路”国家药品监管机构注册，并在当地实现销售的" — a sale abroad alone does not say
which regulator registered the product. （四）: "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务" — the service
the interest subsidy supports is for universities and institutes. （六）: both its 300万 and its 800万 are for products
"进入国家和我市创新医疗器械特别审查程序". （二十九）: 中小微 2000万 per batch; a qualified 中型 firm 3000万.
"""

import pytest

from assistant.conversation.understand import read_facts
from index.normalise import normalise


def _verdicts(answer) -> set[str]:
    return {v.verdict for v in answer.verdicts}


@pytest.mark.parametrize("question", [
    "我们的新药已经在欧洲上市销售了，能申请（三十六）的支持吗？",
    "Our drug is sold in Europe. Can we apply for the global registration support?",
    "我們的創新藥已在歐洲銷售，可以申請全球註冊的支持嗎？",
    "我们的高端医疗器械已经卖到美国了，能申请（三十六）吗？",
])
def test_a_sale_abroad_with_no_regulator_named_depends_on_the_registration_the_text_names(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:36"
    first = answer.answer.splitlines()[0]
    assert "EMA" in first and ("要看情" in first or "depends" in first)


def test_a_sale_abroad_with_its_regulator_named_is_a_yes(engine):
    answer = engine.ask("我们的创新药已经通过美国FDA注册并在美国上市销售，能申请（三十六）吗？")
    assert _verdicts(answer) == {"eligible"}


def test_a_regulator_named_for_a_market_abroad_keeps_the_question_on_the_measure(engine):
    first = engine.ask("我们的高端医疗器械拿了FDA的注册，已经在美国卖了，研发投入2000万，上海能奖多少")
    then = engine.ask("欧洲拿的是CE认证，也算吗", first.session_id)
    assert then.status.value == "answered" and then.citations[0].chunk_id == "policy2024:36"


@pytest.mark.parametrize("question", [
    "我们是一家CRO，主要给药企做临床前研究服务，能申请（四）的贴息吗？",
    "We're a CRO providing preclinical services to pharma companies. Can we get the interest subsidy under measure 4?",
    "我們是CRO，幫藥企做臨床前研究，能申請（四）的貼息嗎？",
])
def test_a_cro_serving_companies_is_not_the_cro_serving_institutes_the_interest_subsidy_names(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:04"
    assert "为高校科研院所提供新药临床前研究服务" in answer.answer or "為高校科研院所提供新藥臨床前研究服務" in answer.answer


def test_a_cro_serving_universities_keeps_its_yes(engine):
    answer = engine.ask("我们是CRO，为高校提供新药临床前研究服务，可以申请（四）吗？")
    assert _verdicts(answer) == {"eligible"}


@pytest.mark.parametrize(("text", "clients"), [
    ("我们CRO的客户主要是生物医药企业", "enterprises"),
    ("We serve biotech companies and universities", "institutes"),
    ("（四）为企业提供多少贴息", None),
    ("Is there funding for pharma companies?", None),
])
def test_whom_the_askers_services_are_for_is_read_only_where_it_says_so(text, clients):
    said = normalise(text)
    assert read_facts(said, said.lower()).clients == clients


def test_a_device_maker_whose_special_review_is_unsaid_hears_it_depends_on_it(engine):
    answer = engine.ask("我们是上海的医疗器械公司，产品能申请（六）的支持吗？")
    assert _verdicts(answer) == {"unknown"}
    assert "特别审查程序" in answer.answer.splitlines()[0]


def test_a_guarantee_asked_above_the_ceiling_that_applies_is_a_no_with_that_ceiling(engine):
    answer = engine.ask("我們是生醫小微企業，想走市政策性融資擔保基金擔保2500萬，可以嗎")
    assert _verdicts(answer) == {"not_eligible"}
    assert "2000萬" in answer.answer.splitlines()[0]


def test_a_medium_firm_asking_for_the_raised_guarantee_in_plain_words_hears_it_depends_on_its_qualification(engine):
    answer = engine.ask("我们是中型生物医药科创企业，想申请3000万的政策性担保，行不行")
    assert "unknown" in _verdicts(answer) and answer.citations[0].chunk_id == "policy2024:29"
    assert "高新技术" in answer.answer.splitlines()[0]


def test_an_award_asked_above_its_ceiling_is_a_no(engine):
    answer = engine.ask("我们上海注册的药企，1类新药国内I期研发投入1亿，能拿3000万吗？")
    assert _verdicts(answer) == {"not_eligible"} and answer.total_yuan == 10_000_000


@pytest.mark.parametrize(("text", "regulator"), [
    ("我们的产品在美国获批了，还没开始销售", "fda"),
    ("在欧盟注册了", "ema"),
    ("we have not been approved in Japan", None),
    ("我们的新药已经在欧洲上市销售了", None),
])
def test_a_place_abroad_named_as_where_the_product_is_approved_names_its_regulator(text, regulator):
    said = normalise(text)
    assert read_facts(said, said.lower()).regulator == regulator


@pytest.mark.parametrize("text", ["中型企业，有高企资质", "a mid-sized specialized and innovative biotech"])
def test_a_qualification_in_everyday_words_meets_the_raised_guarantee_condition(text):
    said = normalise(text)
    assert "medium_qualified_tech_enterprise" in read_facts(said, said.lower()).met


def test_a_generic_asking_for_the_class_1_support_is_told_no_not_refused_as_another_topic(engine):
    answer = engine.ask("我们做仿制药一致性评价，能申请（五）的临床研发支持吗？")
    assert answer.status.value == "answered" and _verdicts(answer) == {"not_eligible"}


def test_a_hospital_insuring_its_own_trial_in_chinese_is_told_it_is_no_insured_enterprise(engine):
    answer = engine.ask("我们医院给自己的临床试验买了责任险，能申请保费补贴吗？")
    assert answer.status.value == "answered" and _verdicts(answer) == {"not_eligible"}
    assert answer.citations[0].chunk_id == "policy2024:13"


def test_a_sole_proprietor_saying_so_in_english_is_outside_the_scope(engine):
    answer = engine.ask("I run a sole proprietorship selling lab reagents in Shanghai. Am I eligible for these subsidies?")
    assert _verdicts(answer) == {"not_eligible"}


def test_a_sale_said_after_a_no_for_want_of_it_turns_the_verdict_in_a_third_turn(engine):
    first = engine.ask("我们的创新药在日本获批了，能申请（三十六）吗？")
    assert _verdicts(first) == {"unknown"}
    second = engine.ask("还没开始卖", first.session_id)
    assert _verdicts(second) == {"not_eligible"}
    third = engine.ask("现在已经在日本上市销售了", first.session_id)
    assert _verdicts(third) == {"eligible"}


def test_an_external_client_said_in_a_second_turn_meets_the_no_relation_condition(engine):
    first = engine.ask("我们是CMO，能申请（二十四）吗？")
    assert _verdicts(first) == {"unknown"}
    second = engine.ask("委托方是外部客户", first.session_id)
    assert _verdicts(second) == {"eligible"}


def test_a_shanghai_subsidiary_said_after_a_no_for_the_registration_turns_it_into_a_yes(engine):
    first = engine.ask("我们是杭州注册的药企，1类新药在上海做II期，能申请吗？")
    assert _verdicts(first) == {"not_eligible"}
    second = engine.ask("其实我们在上海张江也注册了一家子公司，由子公司作为申请人呢？", first.session_id)
    assert _verdicts(second) == {"eligible"}


@pytest.mark.parametrize(("text", "registered"), [
    ("我們公司註冊在杭州，在上海沒有登記的主體", "elsewhere"),
    ("但沒有在上海單獨註冊公司", None),
    ("其实我们在上海张江也注册了一家子公司", "shanghai"),
])
def test_a_registration_in_shanghai_is_read_with_a_district_between_and_never_when_denied(text, registered):
    said = normalise(text)
    assert read_facts(said, said.lower()).registered == registered


def test_asked_whether_a_regulator_stated_counts_the_answer_says_it_counts_then_what_it_waits_for(engine):
    first = engine.ask("我们的高端医疗器械拿了FDA的注册，已经在美国卖了，研发投入2000万，上海能奖多少")
    then = engine.ask("欧洲拿的是CE认证，也算吗", first.session_id)
    assert then.answer.startswith("算") and "销售" in then.answer.splitlines()[0]
    assert _verdicts(then) == {"unknown"}


def test_an_individual_asking_about_the_policys_money_is_outside_its_scope_and_pointed_to_what_is_meant_for_one(engine):
    answer = engine.ask("我是个人研究者，能申请这个政策的补贴吗？")
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:scope"
    assert "policy2024:08" in [c.chunk_id for c in answer.citations]


def test_a_drug_still_in_preclinical_research_is_told_no_for_the_clinical_trial_support(engine):
    answer = engine.ask("We're a Shanghai biotech with a Class 1 candidate still in preclinical studies. "
                        "Can we apply for the clinical-stage R&D subsidy?")
    assert _verdicts(answer) == {"not_eligible"} and "开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验" in answer.answer.splitlines()[0]


def test_a_hospitals_project_without_a_company_is_no_demonstration_project_of_both(engine):
    answer = engine.ask("我们医院自己做一个创新器械的上市后评价，没有企业参与，能申请（二十）吗？")
    assert _verdicts(answer) == {"not_eligible"} and "医疗机构与企业合作" in answer.answer.splitlines()[0]


@pytest.mark.parametrize(("question", "ceiling"), [
    ("我们的CAR-T是1类新药，在国内做早期临床，公司在上海，能申请1500万的支持吗？", "1500万"),
])
def test_a_figure_right_after_can_we_apply_for_is_the_award_wanted_not_a_spend(engine, question, ceiling):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"eligible"} and ceiling in answer.answer.splitlines()[0]
    assert "600万" not in answer.answer  # not 40% of the figure taken as a spend


def test_whom_a_cro_serves_said_in_later_turns_turns_the_verdict_each_time(engine):
    first = engine.ask("We're a Shanghai CRO. Can we apply for the preclinical interest subsidy?")
    assert _verdicts(first) == {"eligible"}
    companies = engine.ask("Our clients are mostly pharma companies.", first.session_id)
    assert _verdicts(companies) == {"not_eligible"}
    university = engine.ask("Actually we also run preclinical projects for Fudan University.", first.session_id)
    assert _verdicts(university) == {"eligible"}


@pytest.mark.parametrize("question", [
    "我们的CDMO给集团控股的兄弟公司代工一个品种，年产值3000万，能拿补贴吗？",
    "Our CMO plant makes a product for a sister company under the same parent, output RMB 30 million. Can we get the subsidy?",
])
def test_a_client_under_the_same_group_is_a_related_party_of_the_cmo_measure(engine, question):
    # （二十四）: "委托双方应无投资等关联" — a sister company under one controlling group is so related
    answer = engine.ask(question)
    assert ("24", "not_eligible") in {(v.measure, v.verdict) for v in answer.verdicts}, answer.answer


@pytest.mark.parametrize(("text", "place"), [
    ("这个试验其实是在国内几家医院做的，不在海外", "domestic"),
    ("临床是在国内两家医院跑的，海外一个中心都没有", "domestic"),
])
def test_a_trial_at_hospitals_at_home_is_a_domestic_trial(text, place):
    assert read_facts(normalise(text), normalise(text).lower()).trial_location == place


@pytest.mark.parametrize("question", [
    "We're a Shanghai-registered biotech. Our antibody is approved abroad, so in China we filed it as a Class 3 "
    "therapeutic biologic, not Class 1. Our Phase III here is nearly done. Does measure (5) apply to us?",
    "我们是上海注册的药企，产品在国内按3类治疗用生物制品申报，不是1类，III期快做完了，能申请（五）吗？",
])
def test_a_product_filed_in_another_class_than_class_1_is_not_covered_by_measure_5(engine, question):
    """（五）: "…实现产出的1类新药": a class 3 filing, said to be no Class 1, is not one."""
    answer = engine.ask(question)
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:05"


def test_a_student_paying_a_trip_abroad_is_no_enterprise_or_organisation(engine):
    """（三十七）: "对于我市企业或组织参加国际性活动和展会的…"; a PhD student paying for the trip applies as a person."""
    answer = engine.ask("我是复旦的博士生，下个月自费去欧洲参加学术年会做报告，花费大概4万元，能按（三十七）申请50%的补贴吗？")
    assert _verdicts(answer) == {"not_eligible"} and not answer.calculations


def test_a_sale_begun_there_under_a_brics_regulator_meets_measure_36(engine):
    """（三十六）: "…金砖国家、“一带一路”国家药品监管机构注册，并在当地实现销售的": registered in Russia (BRICS) and
    "今年已经在当地开始销售" meet it; "欧美日那几家监管机构" (those few) asks no count."""
    answer = engine.ask("我们是上海注册的中药企业，一款现代中药去年在俄罗斯获得药品注册，今年已经在当地开始销售。俄罗斯不是"
                        "欧美日那几家监管机构，这样能按（三十六）申请吗？")
    assert _verdicts(answer) == {"eligible"} and answer.citations[0].chunk_id == "policy2024:36"
    assert answer.answer.startswith("可以")


def test_a_yes_on_measure_5_says_a_trial_elsewhere_in_china_is_domestic(engine):
    """（五）: "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验…": a trial at Beijing hospitals is 国内; the yes quotes it."""
    answer = engine.ask("公司在松江登记注册，也是临床试验申请人；一个1类新药的Ⅰ期临床是在北京两家医院做的，已经做完。"
                        "临床不在上海做，还能申请市里的创新药研发支持吗？")
    assert _verdicts(answer) == {"eligible"} and "开展国内Ⅰ期" in answer.answer


def test_a_product_a_parent_outside_shanghai_developed_is_no_shanghai_companys_product(engine):
    # （三十六）: "对我市企业研发的创新药、现代中药和高端医疗器械…" — the Shanghai subsidiary only sells what the parent developed
    for question in ("我们韩国母公司自己研发的一个抗体药拿到了美国FDA批准并在美国上市销售，上海的子公司只负责国内销售，没参与研发，"
                     "能申请上海的海外注册支持吗？",
                     "Our Shanghai subsidiary only distributes the drug; it was developed entirely by our parent in Boston and is "
                     "now FDA-approved and sold in the US. Can the Shanghai entity get the overseas registration support?"):
        answer = engine.ask(question)
        assert [v.verdict for v in answer.verdicts] == ["not_eligible"], question
        assert "我市企业研发" in answer.answer, question
