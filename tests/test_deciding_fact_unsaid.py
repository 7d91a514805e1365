"""A yes/no whose deciding fact is not said is "it depends", naming that fact; a stated fact that fails the
condition gets the ceiling that applies instead; a count said in a follow-up multiplies a per-item ceiling.

（二十九）: 中小微 (中型、小型、微型) 单笔批次担保额度上限 2000万; 拥有高新技术、专精特新、科技小巨人等资质的中型 3000万 —
alternatives, never added. （六）: the 800万 for a device first registered and produced locally is for "以上产品",
those in the special review procedure. （十二）: 每个项目最高100万, 每个单位每年不超过1亿.
"""

import pytest

from assistant.conversation.understand import read_facts
from index.normalise import normalise, to_simplified


def _verdicts(answer) -> set[str]:
    return {v.verdict for v in answer.verdicts}


@pytest.mark.parametrize("question, fact", [
    ("We're a mid-sized biotech in Shanghai, about 400 people. Can we get a policy guarantee of up to RMB 30 million?",
     "high-tech, specialised or little-giant qualification"),
    ("我们是上海的中型生物医药科创企业，政策性融资担保额度能给到3000万吗？", "是否拥有高新技术、专精特新、科技小巨人等资质"),
])
def test_a_medium_firm_asking_for_the_raised_guarantee_ceiling_hears_it_depends_on_its_qualification(engine, question, fact):
    answer = engine.ask(question)
    assert _verdicts(answer) >= {"unknown"} and answer.citations[0].chunk_id == "policy2024:29"
    assert fact in answer.answer
    assert ("20,000,000" in answer.answer or "2000万" in answer.answer) and answer.total_yuan is None  # the other ceiling, not summed


def test_a_medium_firm_asking_whether_it_can_use_the_guarantee_at_all_hears_yes(engine):
    answer = engine.ask("我们是上海的中型生物医药科创企业，能申请政策性融资担保吗？")
    assert "unknown" not in _verdicts(answer)  # the 2000万 of 中小微 applies, qualification or not


def test_a_device_without_special_review_said_is_it_depends_for_the_800_wan(engine):
    answer = engine.ask("我们是做AI辅助诊断软件的，三类医疗器械，公司在上海注册，拿证以后也在上海投产了，能拿那个最高800万的吗？")
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:06"
    assert "特别审查程序" in answer.answer.splitlines()[0]


def test_a_device_said_to_be_in_special_review_gets_its_yes(engine):
    answer = engine.ask("我们的器械进了国家创新医疗器械特别审查程序，首次取得注册证并在上海落地生产了，能拿那个最高800万的吗？")
    assert _verdicts(answer) == {"eligible"}


@pytest.mark.parametrize(("text", "met", "unmet"), [
    ("我们有专精特新资质", ("medium_qualified_tech_enterprise",), ()),
    ("中型但是什么资质都没有呢", (), ("medium_qualified_tech_enterprise",)),
    ("Our device was never in any special review procedure", (), ("in_special_review",)),
])
def test_a_condition_said_met_or_denied_is_read_as_such(text, met, unmet):
    facts = read_facts(normalise(text), normalise(text).lower())
    assert facts.met == met and set(unmet) <= set(facts.unmet)


def test_the_size_and_qualification_said_in_turns_pick_one_guarantee_ceiling(engine):
    small = engine.ask("我们是小微的生物医药科创企业，政策性担保单笔最多能担多少")
    assert small.total_yuan == 20_000_000
    grown = engine.ask("明年我们长成中型企业了，拿了专精特新资质", small.session_id)
    assert grown.total_yuan == 30_000_000 and "3000万" in grown.answer.splitlines()[0]
    bare = engine.ask("中型但是什么资质都没有呢", grown.session_id)
    assert bare.total_yuan == 20_000_000


@pytest.mark.parametrize("first, then", [
    ("We're a CRO upgrading our clinical trial services to international standards. Max support per project?",
     "we have three such projects this year, so 3 million total?"),
    ("我们是CRO，对接国际标准提升临床试验服务能力的项目，每个项目最多支持多少？", "我们今年有三个这样的项目，一共能拿多少？"),
])
def test_a_count_said_in_a_follow_up_multiplies_the_per_project_ceiling_within_the_annual_cap(engine, first, then):
    one = engine.ask(first)
    assert one.total_yuan == 1_000_000
    three = engine.ask(then, one.session_id)
    assert three.citations[0].chunk_id == "policy2024:12" and three.total_yuan == 3_000_000
    assert len(three.calculations) == 3


@pytest.mark.parametrize("question, measure, total", [
    ("Our device just got into the national innovative medical device special review procedure. What support can we get "
     "from Shanghai?", "policy2024:06", 3_000_000),  # （六） 最高300万
    ("We showed our products at MEDICA in Düsseldorf, which cost us RMB 120,000 in total. What support can we get?",
     "policy2024:37", 50_000),  # （三十七） min(50% × 12万, 5万)
])
def test_a_case_under_one_measure_asking_what_support_gets_that_award_not_an_empty_match(engine, question, measure, total):
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == measure and answer.total_yuan == total


def test_premiums_of_a_trial_abroad_are_the_overseas_insurance_and_the_yes_leads(engine):
    """（十三）: 海外临床试验…责任保险 "实际缴纳保费的50%，最高…100万元": min(50% × 300万, 100万) = 100万."""
    answer = engine.ask("Our Shanghai-registered company bought clinical-trial liability insurance for a trial we're "
                        "running in Australia; the premium was RMB 3 million. Can we get a premium subsidy, and capped at what?")
    assert answer.status.value == "answered" and answer.total_yuan == 1_000_000
    assert [c.rule_id for c in answer.calculations] == ["m13-insurance-overseas"]
    assert answer.answer.startswith("Yes")


def test_a_hospital_insuring_its_own_trial_is_no_insured_enterprise(engine):
    """（十三） "按照规定对投保企业给予实际缴纳保费的50%": the subsidy goes to the enterprise that took out the insurance."""
    answer = engine.ask("我们是一家公立医院，作为临床试验机构自己投保了临床试验责任险，保费能按50%补吗？")
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:13"
    assert "投保企业" in answer.answer.splitlines()[0]


def test_a_device_taking_its_certificate_and_going_into_production_in_plain_words_is_the_registration_rule(engine):
    """（六）: 300万 for special review; "以上产品首次取得注册证并落地生产的…再给予不超过研发投入的40%，最高800万元":
    min(40% × 1500万, 800万) = 600万."""
    answer = engine.ask("1.器械进了创新特别审查能给多少 2.后来拿证在上海投产，研发花了1500万，再给多少 3.一家单位一年封顶多少")
    assert {(c.rule_id, c.amount_yuan) for c in answer.calculations} >= {("m06-device-registration", 6_000_000)}


def test_a_total_asked_after_two_items_stays_on_their_measure_under_its_annual_cap(engine):
    """（五） CGT: min(40% × 5000万, 1500万) + min(40% × 1亿, 3000万) = 4500万, under "每个单位每年累计支持金额最高1亿元"."""
    first = engine.ask("我们上海注册的基因治疗1类新药，早期临床做完了，研发投入5000万，最多拿多少？")
    second = engine.ask("确证性临床那段研发投入1亿呢？", first.session_id)
    assert (first.total_yuan, second.total_yuan) == (15_000_000, 30_000_000)
    both = engine.ask("同一年两段加起来会超过上限吗？", second.session_id)
    assert both.citations[0].chunk_id == "policy2024:05" and both.total_yuan == 45_000_000
    assert "1亿" in both.answer


def test_a_cgt_drug_asking_whether_it_qualifies_hears_the_cgt_clause_with_its_ceilings(engine):
    """（五）: "对其中仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药，按照规定择优给予最高分别1500万元、3000万元支持"."""
    answer = engine.ask("我們是上海註冊的細胞治療公司，CAR-T是1類新藥，臨床只做早期跟確證性兩段，沒有分I、II、III期，這樣也能申請市裡的臨床研發支持嗎？")
    first = answer.answer.splitlines()[0]
    assert _verdicts(answer) == {"eligible"} and "1500萬" in first and "3000萬" in first


# （五）: "对其中仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药，按照规定择优给予最高分别1500万元、3000万元支持"
# — the 1500万 is for a 1类新药; a cell therapy is not presumed to be one.
@pytest.mark.parametrize("question", [
    "我們公司在上海註冊、是註冊申請人，CAR-T細胞治療產品在國內做早期臨床、也有產出了，能拿那個1500萬嗎？",
    "我们的细胞治疗产品在国内做早期临床，能拿1500万吗？",
])
def test_a_cell_therapy_whose_class_is_unsaid_hears_it_depends_on_being_a_class_1_drug(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:05"
    assert "1类新药" in to_simplified(answer.answer.splitlines()[0])


def test_a_cell_therapy_said_to_be_a_class_1_drug_gets_its_yes(engine):
    answer = engine.ask("我们是上海注册的CAR-T公司，细胞治疗1类新药只需完成早期临床，能拿1500万吗？")
    assert _verdicts(answer) == {"eligible"}


# （六）: "以上产品首次取得注册证并落地生产的，按照规定再给予不超过研发投入的40%，最高800万元支持"
@pytest.mark.parametrize("question, named", [
    ("Our device went through the national innovative device special review and just got its first registration "
     "certificate. R&D spend was RMB 10 million. Can we claim the 40% top-up?", "production"),
    ("我们的创新器械进入了特别审查，也首次取得注册证了，能再拿40%的支持吗？", "落地生产"),
])
def test_a_device_registered_with_its_production_unsaid_hears_it_depends_on_production(engine, question, named):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:06"
    assert named in answer.answer.split("\n")[0]


def test_a_device_produced_outside_shanghai_is_refused_the_top_up(engine):
    answer = engine.ask("我们公司的创新器械进入了特别审查程序，拿到了首张注册证，但生产放在苏州，能拿800万那部分吗？")
    assert _verdicts(answer) == {"not_eligible"} and "落地生产" in answer.answer.splitlines()[0]


def test_a_device_in_special_review_without_its_certificate_keeps_its_300_wan_yes(engine):
    answer = engine.ask("我们的心脏瓣膜进了上海市创新医疗器械特别审查程序，还没拿到注册证，现在能申请支持吗")
    assert _verdicts(answer) == {"eligible"} and "300万" in answer.answer


def test_the_guarantee_ceiling_that_applies_either_way_is_quoted_with_its_figure(engine):
    answer = engine.ask("we're a mid-sized biotech in shanghai, can our policy-backed loan guarantee go up to 30 million RMB?")
    assert _verdicts(answer) == {"unknown", "eligible"}  # 3000万 waits for the qualification, 2000万 applies
    assert "将生物医药中小微科创企业单笔批次担保额度上限提高至2000万元" in answer.answer


# （三十六）: "对于首付款1亿元以上的海外权益许可交易（双方应无投资等关联），按照规定择优给予出让企业不超过其第三方等专业服务投入的50%"
def test_a_licence_deal_whose_upfront_payment_is_unsaid_hears_it_depends_on_the_1_yi_threshold(engine):
    answer = engine.ask("我们把海外权益授权给了一家欧洲公司，双方没有关联，能申请专业服务投入支持吗？")
    assert _verdicts(answer) == {"unknown"} and "首付款" in answer.answer.splitlines()[0]
    stated = engine.ask("我们把海外权益授权给了一家欧洲公司，首付款2亿，双方没有关联，能申请专业服务投入支持吗？")
    assert _verdicts(stated) == {"eligible"}


# （五）: "开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药"
def test_a_trial_said_to_have_no_output_yet_is_refused_naming_the_output(engine):
    answer = engine.ask("我们是上海的药企，1类新药一期临床在国内做，还没有产出，能申请吗")
    assert _verdicts(answer) == {"not_eligible"} and "产出" in answer.answer.splitlines()[0]


# （二十九）: 中小微 2000万, a qualified 中型 3000万 — the ceiling asked for is the one judged
def test_a_small_firm_without_qualification_asking_for_the_2000_wan_guarantee_hears_yes(engine):
    answer = engine.ask("我们是小型企业，但没有专精特新，担保能到2000万吗？")
    assert answer.answer.startswith("可以") and answer.total_yuan == 20_000_000


# （十二）: CRO capability "每个项目择优给予最高100万元"; overseas trials "择优给予最高2000万元" — the one asked for, not both summed
def test_the_item_whose_ceiling_is_the_figure_asked_for_is_the_one_judged(engine):
    answer = engine.ask("我们是CRO，在海外帮客户做临床试验，能申请（十二）海外临床那2000万吗？")
    assert answer.total_yuan == 20_000_000 and "2100万" not in answer.answer


# （三十六）: "申请通过…欧洲药品管理局（EMA）…注册，并在当地实现销售的"
def test_a_product_registered_with_the_ema_and_sold_there_gets_its_yes(engine):
    answer = engine.ask("我们的中药是现代中药，在欧盟EMA注册并在当地销售，可以申请（三十六）吗？")
    assert _verdicts(answer) == {"eligible"} and answer.citations[0].chunk_id == "policy2024:36"


@pytest.mark.parametrize("question, fact", [
    ("A Shanghai CMO is manufacturing a product for a client. Can it get the contract manufacturing support?",
     "related by investment"),
    ("Can a Shanghai CDMO making products for other companies get the contract manufacturing support?",
     "related by investment"),
])
def test_support_asked_only_as_a_yes_or_no_waits_for_the_unsaid_relation_of_the_parties(engine, question, fact):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:24"
    assert fact in answer.answer


def test_support_asked_yes_then_how_much_waits_for_the_relation_with_what_it_would_give(engine):
    # the yes asked before the figure is answered first: it depends on "（委托双方应无投资等关联）", unsaid; the figure
    # follows as what the output would give should the parties be unrelated (never a plain yes, never a promised total)
    answer = engine.ask("A Shanghai CMO makes a product for a client, output RMB 30 million. Can it get the support, and how much?")
    assert _verdicts(answer) == {"unknown"} and answer.total_yuan is None
    assert answer.answer.startswith("It depends") and "3,000,000" in answer.answer


def test_support_asked_as_an_amount_alone_is_computed_with_the_relation_still_to_meet(engine):
    answer = engine.ask("A Shanghai CMO makes a product for a client, output RMB 30 million. How much support can it get?")
    assert "unknown" not in _verdicts(answer) and answer.total_yuan == 3_000_000


@pytest.mark.parametrize("question, upfront, relation", [
    ("我們把產品的海外權益授權出去了，能不能拿那個顧問費一半的補貼？", "首付款", "關聯"),
    ("我们把一个产品的海外权益授权给一家跨国药企了，中介和律师费能按那个政策补吗", "首付款", "关联"),
])
def test_a_yes_or_no_on_the_licensing_support_names_every_condition_still_unsaid(engine, question, upfront, relation):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:36"
    assert upfront in answer.answer and relation in answer.answer


def test_a_condition_said_met_is_not_named_again_among_those_unsaid(engine):
    answer = engine.ask("我们把海外权益授权给一家没有任何投资关系的跨国药企，中介和律师费能按那个政策补吗")
    assert _verdicts(answer) == {"unknown"} and "您也没有说明" not in answer.answer


def test_a_guarantee_asked_within_one_alternative_ceiling_and_above_the_other_depends_on_the_kind(engine):
    # （二十九）: 中小微科创企业单笔批次担保额度上限…2000万元; 拥有高新技术、专精特新、科技小巨人等资质的…中型科创企业
    # …3000万元 — 2800万 is within the second, above the first; each ceiling shown as the text sets it, never the sum
    answer = engine.ask("我们是做核酸药物的中型科创企业，想通过市里的中小微企业政策性融资担保基金做一笔2800万的担保贷款，"
                        "担保额度能给到这么高吗？")
    assert answer.answer.startswith("要看企业类型：2800万元")
    assert "3000万元" in answer.answer and "2000万元" in answer.answer and "5000万" not in answer.answer
    assert [v.verdict for v in answer.verdicts] == ["unknown"]


def test_whether_a_product_is_a_blockbuster_by_a_threshold_the_text_never_sets_depends(engine):
    # （二十二）: 对在沪研发并实现产出，且首次突破相关产值和规模的创新产品进行引导支持 — no 产值/规模 figure is set
    answer = engine.ask("我们在上海研发、在上海生产的一款创新药，今年销售额第一次过了10个亿，这算不算政策里说的重磅产品，能不能拿引导支持？")
    assert answer.answer.startswith("要看情况") and answer.citations[0].chunk_id == "policy2024:22"
    assert [v.verdict for v in answer.verdicts] == ["unknown"] and not answer.calculations


def test_a_new_drug_of_unsaid_class_asking_can_we_and_how_much_hears_it_depends_then_the_figure(engine):
    """（五） is for 1类新药: "一款新药" leaves the class unsaid, so the yes/no is "it depends" on that class, and the
    figure asked follows as the ceiling if it holds (min(40% × 5000万, 2000万) = 2000万), never a bare 可以."""
    answer = engine.ask("我们公司在上海注册，是药品注册申请人，一款新药刚做完国内II期临床，研发投入5000万，"
                        "可以申请创新药研发支持吗？能拿多少？")
    first = answer.answer.splitlines()[0]
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:05"
    assert first.startswith("要看情况") and "1类新药" in first
    assert answer.total_yuan == 20_000_000 and "2000万" in answer.answer


def test_a_registration_applicant_said_to_be_a_company_elsewhere_is_refused_the_trial_support(engine):
    """（五）: "对由我市注册申请人开展…临床试验": a Shanghai subsidiary that only manufactures is not the applicant
    when the drug's registration applicant is the group's company in another city."""
    answer = engine.ask("我们集团在杭州，1类新药的注册申请人是杭州那家公司，III期在上海医院做完了，"
                        "上海的子公司负责生产。上海子公司能申请III期的临床研发支持吗？")
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:05"
    assert to_simplified(answer.answer).startswith("不可以")


def test_a_medium_firm_stating_its_qualification_is_admitted_to_the_3000wan_ceiling_its_registration_unsaid(engine):
    """（二十九）: "将拥有高新技术、专精特新…资质的生物医药中型科创企业担保额度上限提高至3000万元"; the registration
    (the policy's scope) is the same for both ceilings and decides neither."""
    answer = engine.ask("我們是中型的生物醫藥科創企業,去年拿到了「專精特新」資質。想問市中小微企業政策性融資擔保基金,"
                        "給我們的擔保額度上限可以到3000萬嗎?")
    assert ("29", "eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert "3000萬" in answer.answer[:160] and not answer.answer.startswith(("不能", "要看"))
    unqualified = engine.ask("我们是中型科创企业，想走担保基金担保2800万，能给到吗？")
    assert unqualified.answer.startswith("要看")


@pytest.mark.parametrize("question", [
    "我们的药在FDA注册了，能申请境外注册的支持吗？",
    "产品在FDA注册了就能拿研发投入50%的补贴吗？",
    "Our drug got FDA approval last month. Can we apply for the overseas registration support?",
])
def test_a_product_registered_abroad_with_its_sale_there_unsaid_hears_it_depends_on_the_sale(engine, question):
    # （三十六）: “…注册，并在当地实现销售的，按照规定择优给予不超过研发投入的30%，最高1000万元支持” — registration alone is half of it
    answer = engine.ask(question)
    assert _verdicts(answer) == {"unknown"} and answer.citations[0].chunk_id == "policy2024:36"
    first = answer.answer.splitlines()[0]
    assert "当地实现销售" in first or "sold there" in first
    assert "30%" in first and "50%" not in first


def test_talks_still_going_in_the_case_told_do_not_make_a_yes_or_no_a_question_of_the_documents_term(engine):
    answer = engine.ask("We're a Shanghai-registered AI imaging software company. Our device software got FDA clearance "
                        "in March, but we haven't sold a single licence in the US yet — distributor talks are still going. "
                        "Can we apply now for the global registration support (up to RMB 10 million) in measure (36)?")
    # （三十六）: “…注册，并在当地实现销售的…” — no sale there yet: not now
    assert [(v.verdict, v.measure) for v in answer.verdicts] == [("not_eligible", "36")]
    assert answer.citations[0].chunk_id == "policy2024:36" and answer.answer.startswith("No")


def test_a_guarantee_between_the_two_ceilings_with_the_kind_unsaid_depends_on_it(engine):
    for question in ("2800万的担保能给到吗", "我们是上海的科创企业，想做2500万的融资担保，能做到吗？"):
        answer = engine.ask(question)
        # （二十九）: 中小微 at most 2000万, a qualified medium-sized one 3000万; the figure asked lies between
        assert answer.answer.startswith("要看企业类型"), question
        assert [(v.measure, v.verdict) for v in answer.verdicts] == [("29", "unknown")]


def test_a_small_firm_asking_a_guarantee_above_its_ceiling_hears_no(engine):
    answer = engine.ask("我们是小微企业，想做2500万的融资担保，能做到吗？")
    # "融资担保" is the guarantee asked, not a financing round told as background
    assert answer.status.value == "answered" and answer.answer.startswith("不能")
    assert "2000万元" in answer.answer.splitlines()[0]
