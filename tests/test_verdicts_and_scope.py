"""Verdicts, refusals and several asks as users write them: each promise quotes the source text it keeps.

The eligibility verdict reads each condition of ``rules/eligibility.yaml`` from the asker's facts, the same
in simplified, traditional and English wording; the scope step refuses what the sources do not cover by what
the asked clause is about, not by a list of seen phrasings.
"""

import pytest

from assistant.conversation.understand import read_facts
from assistant.language import Language, detect_language
from assistant.records import Status
from assistant.rules.eligibility import condition_rules
from index.normalise import normalise, to_simplified

# condition of eligibility.yaml → (its measure, the condition failed in zh-Hans, in zh-Hant, in English)
CONDITION_CASES = [
    pytest.param("05", "我们是注册在苏州的药企，1类新药II期临床在国内做，研发投入6000万，能申请（五）的支持吗？",
                 "我們是註冊在蘇州的藥企，1類新藥II期臨床在國內做，研發投入6000萬，能申請（五）的支持嗎？",
                 "We are a drug company registered in Suzhou. Our Class 1 drug's Phase II trial "
                 "runs in China with RMB 60 million of R&D. Can we apply for the support of (5)?", id="registered_in_shanghai"),
    pytest.param("05", "我们的改良型新药（2类）在国内做II期临床，能申请1类新药的临床研发支持吗？",
                 "我們的改良型新藥（2類）在國內做II期臨床，能申請1類新藥的臨床研發支持嗎？",
                 "Our improved new drug (Class 2) is in a Phase II trial in "
                 "China. Can we apply for the Class 1 new drug clinical support?", id="class1_new_drug"),
    pytest.param("24", "委托方是我们公司的股东，我们作为受托方还能拿CMO支持吗？",
                 "委託方是我們公司的股東，我們作為受託方還能拿CMO支持嗎？",
                 "The client is our shareholder. Can we, as the contractor, still get the CMO support?", id="cmo_no_investment_relation"),
    pytest.param("36", "我们把海外权益授权给了我们的母公司，首付款2亿元，能申请专业服务费的支持吗？",
                 "我們把海外權益授權給了我們的母公司，首付款2億元，能申請專業服務費的支持嗎？",
                 "We out-licensed the overseas rights to our parent company with an upfront payment "
                 "of RMB 200 million. Can we get the support for professional service costs?", id="no_investment_relation"),
    pytest.param("06", "我们的医疗器械还没进入特别审查程序，能拿创新医疗器械特别审查的支持吗？",
                 "我們的醫療器械還沒進入特別審查程序，能拿創新醫療器械特別審查的支持嗎？",
                 "Our medical device is not in the special review procedure. Can "
                 "we get the support for innovative devices in special review?", id="in_special_review"),
    pytest.param("29", "我们是大型药企，能用中小微企业政策性融资担保基金的担保额度吗？",
                 "我們是大型藥企，能用中小微企業政策性融資擔保基金的擔保額度嗎？",
                 "We are a large pharma company. Can we use the guarantee "
                 "quota of the fund for small and micro enterprises?", id="small_micro_tech_enterprise"),
    pytest.param("37", "我们参加的国际展会没有经过认定，能申请参展补助吗？",
                 "我們參加的國際展會沒有經過認定，能申請參展補助嗎？",
                 "The international exhibition we attend is not "
                 "recognised. Can we apply for the exhibition support?", id="recognised_international_event"),
    pytest.param("24", "我们是医院，能申请CMO支持吗？",
                 "我們是醫院，能申請CMO支持嗎？",
                 "We are a hospital. Can we apply for the CMO support?", id="cmo_or_producer_contractor"),
    pytest.param("24", "我们是委托方，把生产委托给CMO，能申请CMO支持吗？",
                 "我們是委託方，把生產委託給CMO，能申請CMO支持嗎？",
                 "We are the client and outsourced production to a CMO. Can we apply for the CMO support?", id="contractor_is_applicant"),
    pytest.param("36", "我们作为受让方从上海一家biotech引进了海外权益，首付款2亿元，双方无投资关联，能申请专业服务费支持吗？",
                 "我們作為受讓方從上海一家biotech引進了海外權益，首付款2億元，雙方無投資關聯，能申請專業服務費支持嗎？",
                 "As the licensee we in-licensed overseas rights from a Shanghai biotech, upfront RMB 200 "
                 "million, no investment relationship. Can we get the professional service cost support?", id="licensor_is_applicant"),
    pytest.param("13", "我们是保险公司，能申请临床试验责任保险的保费补贴吗？",
                 "我們是保險公司，能申請臨床試驗責任保險的保費補貼嗎？",
                 "We are an insurance company. Can we apply for the premium subsidy for clinical trial liability insurance?", id="policyholder"),
    pytest.param("36", "我们把海外权益授权给一家美国药企，首付款8000万元，双方无投资关联，能申请专业服务费支持吗？",
                 "我們把海外權益授權給一家美國藥企，首付款8000萬元，雙方無投資關聯，能申請專業服務費支持嗎？",
                 "We out-licensed overseas rights to a US pharma, upfront payment RMB 80 million,"
                 " no investment relationship. Can we get the professional service cost support?", id="upfront_at_least_1yi"),
]


@pytest.mark.parametrize(("measure", "simplified", "traditional", "english"), CONDITION_CASES)
def test_each_condition_failed_in_any_script_gives_the_same_no(engine, measure, simplified, traditional, english):
    verdicts = []
    for question in (simplified, traditional, english):
        answer = engine.ask(question)
        assert answer.status is Status.ANSWERED, question
        assert (measure, "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts], question
        assert answer.answer.startswith(("不可以", "不能", "No")), question
        verdicts.append([(v.measure, v.verdict) for v in answer.verdicts if v.measure == measure])
    assert verdicts[0] == verdicts[1] == verdicts[2]


def test_the_condition_cases_name_conditions_of_the_rule_data():
    known = set(condition_rules().conditions) | {"upfront_at_least_1yi"}
    assert {case.id for case in CONDITION_CASES} <= known


def test_a_hospital_asking_for_cmo_support_gets_no_however_short_the_question(engine):
    # "我们是医院，能申请CMO支持吗？" → was "可以" via （七）; （二十四）: "支持具有成熟生产经验的合同研发生产组织（CMO）和
    # 生产企业承接委托生产活动": a hospital is neither
    for question in ("我们是医院，能申请CMO支持吗？", "我們是醫院，能申請CMO支持嗎？",
                     "Our hospital wants to do contract manufacturing for other companies. Are we eligible for the CMO support?"):
        answer = engine.ask(question)
        assert [(v.measure, v.verdict) for v in answer.verdicts] == [("24", "not_eligible")], question
        assert answer.citations[0].chunk_id == "policy2024:24", question
        assert answer.answer.startswith(("不可以", "No")), question


def test_a_hospital_asking_about_its_own_measure_still_reaches_it(engine):
    answer = engine.ask("我们是医院，研究型病房建设有什么支持？")
    assert answer.citations[0].chunk_id == "policy2024:07"


@pytest.mark.parametrize("question", [
    "委托方是我们公司的股东，受托方还能拿CMO支持吗？", "委托方是我们的控股股东，我们做CMO能拿支持吗？",
    "委托方是我们的母公司，我们做CMO能拿支持吗？", "委托方参股了我们，我们承接生产能拿CMO支持吗？",
    "委托方是我们的关联公司，能拿CMO补贴吗？", "委託方是我們公司的股東，受託方還能拿CMO支持嗎？",
    "The client is in the same group as us. Can we get the CMO support?",
    "The client is our shareholder. Can we still get CMO support as the contractor?",
])
def test_a_client_that_holds_shares_in_the_contractor_is_an_investment_relation(engine, question):
    # （二十四）: "（委托双方应无投资等关联）"
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("24", "not_eligible")]
    assert "委托双方应无投资等关联" in to_simplified(answer.answer)


@pytest.mark.parametrize(("text", "related"), [
    ("委托方是我们公司的股东", True),
    ("委托方不是我们的股东", False),
    ("双方没有任何投资或持股关系", False),
    ("客户与我们互不关联", False),
    ("there is no shareholding or other investment relationship between the two sides", False),
    ("双方是否有投资关联的要求？", None),
])
def test_a_relation_is_read_from_the_parties_and_its_negation(text, related):
    assert read_facts(text, text.lower()).related_party is related


def test_a_licensee_is_not_the_licensor_the_out_licensing_support_goes_to(engine):
    # （三十六）: "按照规定择优给予出让企业不超过其第三方等专业服务投入的50%"
    answer = engine.ask("我们是一家外资药企的中国团队，从一家上海biotech拿下了一个产品的海外权益，首付款2亿元，双方没有投资关联。"
                        "我们作为受让方，能申请第三方专业服务费50%的那笔支持吗？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("36", "not_eligible")]
    assert answer.answer.startswith("不可以") and "出让企业" in answer.answer


def test_a_relation_denied_between_the_two_sides_is_no_relation(engine):
    # "there is no shareholding or other investment relationship between the two sides": （三十六）"（双方应无投资等关联）" is met
    answer = engine.ask("Our parent company's Shanghai subsidiary has out-licensed the ex-China rights of its antibody to a European "
                        "pharma company. The upfront payment is RMB 140 million, and there is no shareholding or other investment "
                        "relationship between the two sides. It spent RMB 12 million on outside advisers. What is the maximum "
                        "support it can get?")
    assert answer.total_yuan == 5_000_000
    assert [(v.measure, v.verdict) for v in answer.verdicts] != [("36", "not_eligible")]


@pytest.mark.parametrize("question", [
    "How much will my insurance reimburse for an innovative drug?",
    "Can patients claim reimbursement for innovative drugs from medical insurance?",
    "病人用創新藥，醫保能報銷多少？",
    "我們正在張江和臨港之間選址建研發中心，預算3億元。你個人覺得哪一邊的餐廳比較好吃、通勤比較舒服？",
    "政府說要打響「張江藥谷」品牌，那張江附近有什麼適合請投資人吃飯的餐廳？",
    "听说今年出了一份《上海市生物医药产业全链条创新发展若干意见实施细则（2026年版）》，能把它第三章第五条的内容告诉我吗？",
])
def test_what_the_sources_do_not_cover_is_refused_whatever_the_message_states_around_it(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and answer.citations == [] and answer.calculations == []


@pytest.mark.parametrize(("question", "lead"), [
    ("How long does the ethics review take at the lead site?", "15 working days"),
    ("How long is the lead institution's ethics review?", "15 working days"),
    ("牵头机构的伦理审查要多久？", "15个工作日"),
    ("How many working days do participating sites with a simplified review have for the ethics review?", "5 working days"),
    ("伦理审查多久", "目标：3周以内"),  # the whole review: a target (争取…以内), said as one
])
def test_the_ethics_review_time_asked_is_the_one_of_the_institution_named(engine, question, lead):
    # （十）: "牵头机构（主审机构）应在受理后15个工作日内开展审查并出具意见，采取简易审查程序的参与机构应在受理后5个工作日内
    # 开展审查并出具意见，争取将伦理审查总体流程时间压缩至3周以内"
    answer = engine.ask(question)
    assert answer.answer.startswith(lead)
    assert answer.citations[0].chunk_id == "policy2024:10"


@pytest.mark.parametrize("question", [
    "Our Shanghai-registered company is running a Phase II only in the US. Can we "
    "claim the per-stage clinical funding (the one capped at 2000万 for Phase II)?",
    "We are out-licensing with an upfront payment of 8000万元. Can we get the 50% support on our legal and advisory fees?",
])
def test_an_english_question_quoting_chinese_figures_is_answered_in_english(question):
    assert detect_language(question) is Language.ENGLISH


def test_a_chinese_question_with_an_english_term_stays_chinese():
    assert detect_language("我们是医院，能申请CMO支持吗？") is Language.SIMPLIFIED
    assert detect_language("What does （二十四） of 沪府办规〔2024〕9号 say?") is Language.ENGLISH


def test_a_question_mark_makes_each_numbered_question_its_own_ask(engine):
    # （三十三）"依托…临港新片区开展试点"; （二十九）"将生物医药中小微科创企业单笔批次担保额度上限提高至2000万元"
    answer = engine.ask("有两个问题：第一，上海允许生物医药企业把数据合规传到境外的试点，是放在哪个区域做的？第二，像我们这样的小微科创企业，"
                        "通过市中小微企业政策性融资担保基金，单笔担保额度上限是多少？")
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:33", "policy2024:29"]
    assert "临港" in answer.answer and "2000万元" in answer.answer


def test_a_yes_no_question_answered_with_its_award_says_yes_first(engine):
    # （六）"对进入国家和我市创新医疗器械特别审查程序的产品，按照规定给予最高300万元支持"
    answer = engine.ask("我们是上海注册的医疗器械企业，手术导航系统进入的是上海市的创新医疗器械特别审查程序，不是国家的那个。"
                        "这种情况也能拿市里对进入特别审查程序产品的支持吗？")
    assert answer.answer.startswith("可以") and "300万元" in answer.answer


def test_a_domestic_trial_asking_for_the_overseas_measure_gets_a_no_not_an_error(engine):
    # （十二）"对在海外开展高水平创新产品临床试验项目"
    answer = engine.ask("我们的1类新药临床试验全部在国内做，能申请海外临床试验项目的支持吗？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("12", "not_eligible")]
    assert answer.answer.startswith("不可以")


@pytest.mark.parametrize("question", [
    "顶尖科学家来上海有什么支持",
    "頂尖科學家來上海有什麼支持",
    "What support is there for top scientists who come to Shanghai?",
])
def test_support_decided_case_by_case_is_not_specified_and_quotes_the_sentence(engine, question):
    # （三）: "…按照“一事一议”原则给予支持。" sets no amount: the answer says so and quotes that sentence
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:03"]
    assert "一事一议" in answer.answer.split("\n")[0] or "一事一議" in answer.answer.split("\n")[0]
    assert not answer.calculations


def test_what_support_a_measure_with_amounts_gives_is_still_answered(engine):
    # （二十四） sets its ceilings ("最高1000万元"): asking what support it gives is not a case-by-case answer
    answer = engine.ask("CMO受托生产有什么支持")
    assert answer.status is Status.ANSWERED


@pytest.mark.parametrize("question", [
    "张江科学城专项发展资金对入驻的生物医药企业有什么开办补贴？",
    "張江科學城專項發展資金對入駐的生物醫藥企業有什麼開辦補貼？",
    "What start-up grants does the Zhangjiang Science City special development fund give to biotech companies that move in?",
    "闵行区生物医药专项资金对新药研发补多少？",
])
def test_a_places_own_fund_is_not_among_the_sources_and_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.calculations


@pytest.mark.parametrize("question", [
    "我们是生物医药小微科创企业，通过市里的政策性融资担保基金，单笔批次担保额度最高能到多少？",
    "We are a large pharma group. Can we use the raised guarantee ceiling for tech enterprises under the policy financing guarantee fund?",
])
def test_the_citys_own_funds_named_in_the_policy_stay_in_scope(engine, question):
    assert engine.ask(question).status is not Status.OUT_OF_SCOPE


@pytest.mark.parametrize("question", [
    "浦东那个2022-2024年的生物医药行动方案现在还能申请吗？现在应该按哪个文件？有效期到什么时候？",
    "浦東那個2022-2024年的生物醫藥行動方案現在還能申請嗎？現在應該按哪個文件？有效期到什麼時候？",
    "Can we still apply under the Pudong 2022-2024 biomedicine action plan? Which document should we go by now, and until when is it valid?",
])
def test_after_the_expired_plan_which_document_now_is_the_one_in_force_with_its_end(engine, question):
    # the Pudong plan ran 2022-2024 (已到期); 沪府办规〔2024〕9号 is in force until 2029-07-31
    answer = engine.ask(question)
    cited = [c.chunk_id for c in answer.citations]
    assert cited[0].startswith("pudong2022:")
    assert "policy2024:validity" in cited
    assert ("2029年7月31日" in answer.answer) or ("July 31, 2029" in answer.answer)


@pytest.mark.parametrize("question", [
    "医院让研究院代持股权的话，股权收益医院能留多少比例？",
    "醫院讓研究院代持股權的話，股權收益醫院能留多少比例？",
    "When a hospital lets the research institute hold its shares, what percentage of the equity income does the hospital keep?",
])
def test_the_share_of_equity_income_held_by_the_institute_is_not_specified(engine, question):
    # （八）: "…股权交由研究院代持并获得相应股权收益" sets no percentage
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:08"]


def _verdicts(answer) -> list[tuple[str, str]]:
    return [(v.measure, v.verdict) for v in answer.verdicts]


@pytest.mark.parametrize("question", [
    "我们的三类器械刚拿到注册证，在上海生产，但从来没有进入过创新医疗器械特别审查程序，能拿研发投入40%那笔吗？",
    "我們的器械剛取得註冊證並在本市生產，但從未進入特別審查程序，還能申請研發投入40%的支持嗎？",
    "Our device just got its registration certificate and is made in Shanghai, but it never went through any "
    "national or Shanghai innovative-device special review procedure. Can we still get the 40%-of-R&D support?",
])
def test_a_device_never_in_special_review_gets_no_for_the_registration_top_up(engine, question):
    # （六）: "对进入国家和我市创新医疗器械特别审查程序的产品…以上产品首次取得注册证并落地生产的…再给予不超过研发投入的40%"
    answer = engine.ask(question)
    assert _verdicts(answer) == [("06", "not_eligible")]
    assert "特别审查程序" in to_simplified(answer.answer)


@pytest.mark.parametrize("question", [
    "我们的创新药刚拿到美国FDA批准，还没在美国销售，能申请全球注册那个30%的支持吗？",
    "Our drug was just approved by the FDA but is not sold in the US yet. Can we get the 30% global registration award?",
])
def test_a_product_approved_abroad_but_not_sold_gets_no_and_no_trial_measure_in_its_place(engine, question):
    # （三十六）: "…注册，并在当地实现销售的": the US named as its market is not an overseas trial of （十二）
    answer = engine.ask(question)
    assert _verdicts(answer) == [("36", "not_eligible")]
    assert [c.chunk_id for c in answer.citations] == ["policy2024:36"]


@pytest.mark.parametrize("question", [
    "产品拿了FDA批准在美国卖了，有奖励吗？",
    "Our drug got FDA approval and has been on sale in the US since March; any award?",
])
def test_a_product_sold_abroad_asked_about_hears_yes_with_the_measures_terms(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == [("36", "eligible")]
    assert "30%" in answer.answer and "1000万元" in answer.answer


def test_an_in_licensing_company_in_english_is_not_the_licensor(engine):
    answer = engine.ask("We're a Shanghai company in-licensing ex-China rights from a US biotech; the upfront is RMB 200 "
                        "million and there is no shareholding between us. Can we claim 50% of our advisory fees?")
    assert _verdicts(answer) == [("36", "not_eligible")]
    assert "出让企业" in answer.answer and "licensor" in answer.answer


@pytest.mark.parametrize("question", [
    "We're a Korean medtech startup with no legal entity in China yet. Can we apply for Shanghai's device subsidies?",
    "我们是一家韩国器械公司，在中国还没有设立公司，能直接申请上海的器械补贴吗？",
])
def test_an_asker_with_no_entity_in_shanghai_is_outside_the_scope_which_is_cited_first(engine, question):
    answer = engine.ask(question)
    assert {verdict for _, verdict in _verdicts(answer)} == {"not_eligible"}
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert "?" not in answer.answer.splitlines()[0]
    assert "在我市内登记注册" in answer.answer


@pytest.mark.parametrize("question", [
    "我们是德国药企在上海新注册的全资子公司，定位是外资研发中心，能享受这个若干意见里的支持吗？",
    "我們是在上海註冊的外資研發中心，能享受若干意見的支持嗎？",
])
def test_a_registration_in_shanghai_stated_is_named_as_the_scope_met_with_its_quote(engine, question):
    # scope: "本意见支持范围为在我市内登记注册的"; （三十四）: "支持外资企业在沪设立…外资研发中心"
    answer = engine.ask(question)
    assert _verdicts(answer) == [("34", "eligible")]
    assert [c.chunk_id for c in answer.citations] == ["policy2024:34", "policy2024:scope"]
    assert "本意见支持范围为在我市内登记注册的" in to_simplified(answer.answer)


def test_a_private_non_enterprise_unit_hears_the_scope_names_it_and_the_calculator_does_not_ask_its_registration(engine):
    # scope: "…的企事业单位或民办非企业单位"; （三十七）: "不超过项目经费的50%，最高5万元"
    answer = engine.ask("我是上海一家民办非企业单位（研究院，在上海登记）的负责人。我们下个月去新加坡参展，预算8万元，"
                        "我们不是企业，能申请参加国际展会的补助吗？")
    assert _verdicts(answer) == [("37", "eligible")]
    assert [c.amount_yuan for c in answer.calculations] == [40_000]
    assert "企事业单位或民办非企业单位" in answer.answer
    notes = " ".join(answer.calculations[0].notes)
    assert "在本市登记注册" not in notes and "经认定" in notes


@pytest.mark.parametrize(("question", "measure", "figure"), [
    ("I'm a PI at a Shanghai tertiary hospital. We're running a real-world study of a newly launched drug with its "
     "maker. Is there project funding for this?", "20", "RMB 2,000,000"),
    ("我是一家三甲医院的研究者，和药企合作做上市后真实世界研究，有项目资助吗？", "20", "200万元"),
    ("We're a CRO in Zhangjiang running preclinical studies for a university lab. Any financing support for this "
     "kind of work?", "04", "RMB 10,000,000"),
])
def test_an_asker_of_a_kind_asking_about_its_own_measure_hears_yes_and_the_ceiling(engine, question, measure, figure):
    answer = engine.ask(question)
    assert _verdicts(answer) == [(measure, "eligible")]
    assert figure in answer.answer


def test_a_hospital_asking_about_the_policy_that_pays_a_share_of_rd_gets_its_verdict_not_a_payout_refusal(engine):
    answer = engine.ask("您好，我们是一家三甲医院，牵头做了1类新药的II期临床，市里那个按研发投入40%给钱的政策我们医院能申请吗？")
    assert answer.status is Status.ANSWERED
    assert _verdicts(answer) == [("05", "unknown")]
    assert "注册申请人" in answer.answer


@pytest.mark.parametrize("question", [
    "Our Class 1 drug's Phase I ran in Australia rather than in China, with RMB 30 million of R&D. Can we get the "
    "phase-based clinical support for it?",
    "我們的1類新藥I期放在澳洲做，而不是在國內，研發投入3000萬，能申請（五）的支持嗎？",
])
def test_a_trial_abroad_gets_no_for_the_domestic_measure_and_the_overseas_rule_quoted(engine, question):
    # （五）: "开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验"; （十二）: "对在海外开展高水平创新产品临床试验项目，按照规定择优给予最高2000万元支持"
    answer = engine.ask(question)
    assert ("05", "not_eligible") in _verdicts(answer)
    assert "policy2024:12" in [c.chunk_id for c in answer.citations]
    assert "择优给予最高2000万元支持" in to_simplified(answer.answer)


@pytest.mark.parametrize(("question", "first"), [
    ("We are a foreign-owned enterprise registered in Shanghai and the registration applicant of a Class 1 drug in a "
     "domestic Phase I. Because we are foreign-owned, are we excluded from the clinical-stage R&D support?",
     "No, you are not excluded: "),
    ("我们是外资企业，在上海注册，1类新药在国内做I期，我们就是注册申请人。外资身份会不会被排除在（五）的支持之外？", "不会被排除在外："),
    ("我們是保險公司，會不會被排除在保費補貼之外？", "会被排除在外："),
])
def test_a_yes_no_asked_the_other_way_round_says_whether_the_asker_is_excluded_first(engine, question, first):
    answer = engine.ask(question)
    assert to_simplified(answer.answer).startswith(first)


def test_a_product_registered_in_a_brics_country_and_sold_there_hears_the_regulator_condition_met(engine):
    # （三十六）: "…或世界卫生组织以及金砖国家、“一带一路”国家药品监管机构注册，并在当地实现销售的"
    answer = engine.ask("我們是上海企業，自研的創新藥在巴西註冊成功並已經開始銷售，算在全球註冊認證支持範圍內嗎？")
    assert _verdicts(answer) == [("36", "eligible")]
    assert "金砖国家" in to_simplified(answer.answer)


@pytest.mark.parametrize("question", [
    "我们是上海的中型生物医药企业，有高新技术企业资质，能申请3000万的担保额度吗？",
    "我們是蘇州的藥企，在上海有個研發中心但沒註冊公司，能申請（五）嗎？",
])
def test_an_off_topic_word_in_the_askers_own_facts_does_not_refuse_the_verdict(engine, question):
    # "高新技术企业资质" is a fact of （二十九）'s condition, not a question on how to be recognised; "没注册公司"
    # says where the asker is not, it asks nothing on registering a company
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and answer.verdicts


@pytest.mark.parametrize("question", ["高新技术企业认定的条件是什么？", "在上海注册公司要什么材料？",
                                      "想在浦东设立一家外资企业，注册外资企业需要哪些材料？",
                                      "Which papers does the market regulator want when we register a new biotech "
                                      "subsidiary in Shanghai, and how long does it take?"])
def test_asking_about_recognition_or_registering_a_company_is_still_refused(engine, question):
    assert engine.ask(question).status is Status.OUT_OF_SCOPE


def test_a_company_registered_in_shanghai_asking_for_application_materials_is_not_refused_as_registration(engine):
    # being registered is the asker's fact; the materials asked are the measure's, not a company registration's
    answer = engine.ask("我们是在上海注册的企业，想参加国际展会拿补贴，需要准备哪些材料？")
    assert answer.status is not Status.OUT_OF_SCOPE, answer.answer


def test_a_medium_firm_with_no_qualification_at_all_gets_no_and_the_small_micro_ceiling(engine):
    # （二十九）: "拥有高新技术、专精特新、科技小巨人等资质的生物医药中型科创企业…最高3000万元"
    answer = engine.ask("我们是中型企业，没有任何资质，3000万那档担保能用吗？")
    assert ("29", "not_eligible") in _verdicts(answer)
    assert "2000万元" in answer.answer


def test_a_product_said_not_sold_then_sold_turns_the_no_into_a_yes(engine):
    # （三十六）: "…注册，并在当地实现销售的": a later turn's sale revises the earlier "还没开始销售"
    first = engine.ask("我们的产品在美国获批了，还没开始销售，能申请（三十六）吗？")
    assert _verdicts(first) == [("36", "not_eligible")]
    second = engine.ask("那已经在美国卖了呢？", first.session_id)
    assert _verdicts(second) == [("36", "eligible")]


def test_a_follow_up_naming_another_measure_by_its_label_is_about_that_measure(engine):
    first = engine.ask("我们是一家三甲医院，能申请（五）的1类新药临床支持吗？")
    second = engine.ask("那（二十）呢？", first.session_id)
    assert second.citations[0].chunk_id == "policy2024:20"
    assert _verdicts(second) == [("20", "eligible")]


@pytest.mark.parametrize(("turns", "verdict"), [
    (["我们是德国公司，想申请上海的补贴。", "我们在上海有全资子公司，子公司能申请吗？"], "eligible"),
    (["Can our Shanghai subsidiary apply directly?"], "eligible"),
    (["我們是德國藥企，在中國還沒有設立公司，能直接申請嗎？"], "not_eligible"),
])
def test_who_may_apply_with_no_topic_is_answered_from_the_scope(engine, turns, verdict):
    # scope: "本意见支持范围为在我市内登记注册的，从事药品…的企事业单位或民办非企业单位"
    session = None
    for turn in turns:
        answer = engine.ask(turn, session)
        session = answer.session_id
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert _verdicts(answer) == [("scope", verdict)]


@pytest.mark.parametrize(("message", "registered", "place"), [
    ("我們是港資企業，註冊在前海，正在做1類新藥的Ⅱ期臨床。", "elsewhere", "前海"),
    ("我们是一家在北京注册的biotech。", "elsewhere", "北京"),
    ("我们是德国药企在上海新注册的全资子公司。", "shanghai", ""),
    ("我们是苏州的药企。", "elsewhere", "苏州"),
])
def test_where_the_asker_is_registered_is_the_first_place_named_as_its_seat(message, registered, place):
    facts = read_facts(normalise(message), normalise(message).lower())
    assert (facts.registered, facts.registered_place) == (registered, place)


@pytest.mark.parametrize("question", ["When does my apartment lease expire?", "我的房子租约什么时候到期？", "房东要涨房租怎么办"])
def test_the_askers_own_lease_is_refused_not_answered_with_the_policys_term(engine, question):
    answer = engine.ask(question, None)
    assert answer.status is Status.OUT_OF_SCOPE
    assert "2029" not in answer.answer


def test_rent_terms_of_the_policy_are_still_answered(engine):
    answer = engine.ask("园区租金有减免吗", None)
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:25"


@pytest.mark.parametrize(("question", "ceiling"), [("國內臨床試驗責任保險，保費可以補嗎", "最高50萬元"),
                                                  ("我们给海外临床试验买了责任险，保费能补吗", "最高100万元")])
def test_a_yes_on_one_rule_states_that_rules_own_ceiling_in_its_first_line(engine, question, ceiling):
    answer = engine.ask(question, None)
    first = answer.answer.splitlines()[0]
    assert first.startswith("可以") and ceiling in first


@pytest.mark.parametrize("message", [
    "我們是港股上市生物科技公司在上海註冊的子公司，有一個1類新藥在國內做I期臨床，研發投入5000萬，最多可以拿多少補助？",
    "We are a Nasdaq-listed biotech registered in Shanghai; our class 1 drug's phase I in China cost RMB 50 million. "
    "How much can we get?",
])
def test_a_listing_word_in_who_the_asker_is_does_not_refuse_the_award_asked(engine, message):
    # （五）: Ⅰ期 ≤ 研发投入40%、最高1000万 (40% × 5000万 = 2000万 → 1000万)
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED and answer.citations[0].chunk_id == "policy2024:05"
    assert answer.total_yuan == 10_000_000


def test_a_listing_rule_asked_after_saying_who_the_asker_is_is_still_refused(engine):
    assert engine.ask("我们是港股上市公司，想问科创板上市条件是什么？").status is Status.OUT_OF_SCOPE


@pytest.mark.parametrize("question", [
    "我们是外商独资企业，公司不在自贸区，能参加基因诊断与治疗技术开发和应用扩大开放试点吗？",
    "Our wholly foreign-owned company sits in Minhang, outside the free trade zone. Can we join the gene diagnosis "
    "and therapy opening-up pilot?",
])
def test_a_foreign_firm_saying_it_sits_outside_the_free_trade_zone_is_told_no_for_the_gene_therapy_pilot(engine, question):
    # （三十四）: "在上海自贸试验区（含临港新片区）选择符合条件的外资企业开展基因诊断与治疗技术开发和应用扩大开放试点"
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED, answer.answer
    assert ("34", "not_eligible") in _verdicts(answer), answer.answer


def test_a_shanghai_district_named_as_where_the_asker_works_is_no_subject_of_its_own(engine):
    """"在闵行自己的车间生产" says where the asker produces: the city's measure is asked, not the district's support."""
    answer = engine.ask("我们是注册在上海闵行的器械公司，三类器械进了创新医疗器械特别审查，今年首次拿证，"
                        "在闵行自己的车间生产，研发投入1000万，能拿多少？")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:06"


@pytest.mark.parametrize("question", [
    "一家注册在江苏苏州的药企，在张江租了个实验室但没在上海注册公司，能申请这些补贴吗？",
    "一家注册在江苏苏州的药企，在张江租了实验室但没在上海注册公司，能申请这些补贴吗？",
])
def test_a_company_registered_elsewhere_asking_for_the_support_as_a_whole_hears_the_scopes_no(engine, question):
    """支持范围: "本意见支持范围为在我市内登记注册的…": a lab rented in Shanghai is no registration, whatever the
    case's other words (a measure word "个" once sent it to an unrelated article)."""
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert {v.verdict for v in answer.verdicts} == {"not_eligible"}
    assert answer.answer.startswith("不可以")


def test_a_company_described_as_a_pudong_drug_company_is_no_question_on_the_pudong_plan(engine):
    """"一家浦东创新药公司" says where the asker is: its licensing deal is （三十六）'s (min(50% × 1500万, 500万)), not
    the expired Pudong plan's."""
    answer = engine.ask("我是一家浦东创新药公司的BD。我们把1类新药的海外权益授权给了美国公司，首付款1.2亿元，双方没有股权"
                        "关系，律师和顾问费花了1500万，能补多少？")
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert answer.total_yuan == 5_000_000


def test_a_business_licence_registered_elsewhere_is_the_scopes_no_not_a_registration_question(engine):
    """"营业执照注册在苏州" states where the asker is registered (支持范围: "在我市内登记注册的"), it does not ask how to
    get a business licence; "能申请上海这个生物医药政策的补贴吗" asks for the policy's support as a whole."""
    answer = engine.ask("我们是做体外诊断试剂的初创公司，营业执照注册在苏州，研发中心放在上海张江，能申请上海这个生物医药"
                        "政策的补贴吗？")
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert answer.answer.startswith("不可以")
    assert engine.ask("营业执照怎么办理？").status is Status.OUT_OF_SCOPE


def test_a_relation_supposed_after_a_cmo_award_is_judged_against_its_condition_not_the_scope(engine):
    """（二十四） "委托双方应无投资等关联": "如果这家客户是我们母公司控股的企业呢，还能申请吗" is a no by that condition."""
    first = engine.ask("我们是上海注册的CMO，给一个客户代工一个品种，受托产值8000万，能补多少？")
    assert first.total_yuan == 5_000_000  # min(10% × 8000万, 500万)
    supposed = engine.ask("如果这家客户是我们母公司控股的企业呢，还能申请吗？", first.session_id)
    assert supposed.citations[0].chunk_id == "policy2024:24"
    assert supposed.answer.startswith("不可以")
