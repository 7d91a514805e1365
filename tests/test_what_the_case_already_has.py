"""What the case already has is not asked again and not paid twice: a condition the asker states is met is not
listed as still to meet (one item or several, the measure asked or the one that applies instead); a stage whose
support was already received is not computed again; an amount restated in brackets is one item; a cell or gene
therapy's stage told beside other drugs' stages is computed under its own clause, the others under theirs. A
message's words are read for what they ask: a count told of the case ("在上海几家医院做的") is no count asked; a
spend's total ("项目经费一共16万元") is no total of awards; an introduction before numbered asks asks nothing; a
split of a return is a share the text does not set; a cash incentive asked of a measure with no amount is not
specified; the subject a pointer names ("器械那条") is the subject asked. Promises of the question path, run on
the real index."""

import pytest
from asking import cited, measure_verdicts, turns

from assistant.records import Status


def _pending(answer) -> str:
    """The note of conditions still to meet ("还须满足：…。" / "Also required: …."), "" when there is none."""
    for marker, end in (("还须满足：", "。"), ("還須滿足：", "。"), ("Also required: ", ".")):
        if marker in answer.answer:
            return answer.answer.split(marker, 1)[1].split(end, 1)[0]
    return ""


def test_a_yes_on_class1_claims_only_what_the_asker_said(engine):
    answer = engine.ask("我们公司的1类新药在上海完成了II期临床，研发投入5000万，能补多少？")
    assert cited(answer)[0] == "policy2024:05"
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [20_000_000]  # min(40% × 5000万, 2000万)
    met = answer.answer.split("已满足：", 1)[1].split("（原文", 1)[0]
    assert "1类新药" in met and "国内" in met
    assert "注册申请人" not in met and "实现产出" not in met  # neither was said
    assert "在本市登记注册" in _pending(answer)


def test_registration_stated_is_not_asked_again_under_the_measure_that_applies_instead(engine):
    answer = engine.ask("我们公司在上海注册，1类新药在美国做的二期，能申请（五）吗")
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert cited(answer)[0] == "policy2024:12"
    assert "在本市登记注册" not in _pending(answer)
    assert "2000万元" in answer.answer


def test_registration_stated_is_not_asked_again_of_several_items(engine):
    answer = engine.ask("We are a Shanghai-registered company. Our surgical robot entered the national special review "
                        "track, got its first registration certificate and started production in Minhang; R&D was RMB 25m. "
                        "What is the total support?")
    assert cited(answer)[0] == "policy2024:06"
    assert sum(c.amount_yuan for c in answer.calculations if c.eligible) == 11_000_000  # 300万 + min(40% × 2500万, 800万)
    assert "registered in Shanghai" not in _pending(answer)
    # the note on a fixed ceiling says which of the two items it is of
    assert "Innovative medical device admitted to special review: the text states a ceiling only" in answer.answer


def test_a_stage_whose_support_was_already_received_is_not_computed_again(engine):
    answer = engine.ask("我們是上海註冊的CAR-T公司，今年完成了確證性臨床並實現產出，研發投入大約0.9億元（9千萬），"
                        "早期臨床那段之前已經領過補助。這次確證性臨床最多可以拿多少？")
    assert cited(answer)[0] == "policy2024:05"
    # the confirmatory stage alone, on one base (0.9億 and 9千萬 are the same amount): min(40% × 9000萬, 3000萬)
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [("m05-cgt-confirmatory", 30_000_000)]
    assert "3000萬元" in answer.answer[:80]
    assert "在本市登記註冊" not in _pending(answer)


def test_a_gene_therapy_beside_ordinary_drugs_is_computed_under_its_own_clause(engine):
    answer = engine.ask("我司（上海注册）今年有四个1类新药项目都完成了临床并实现产出：两个完成Ⅲ期，研发投入各1.5亿元；"
                        "一个完成Ⅱ期，投入5,000万元；还有一个基因治疗1类新药完成确证性临床，投入1亿。今年全部申报的话，"
                        "公司一共最多能拿多少？")
    rules = [c.rule_id for c in answer.calculations]
    assert rules == ["m05-drug-phase3", "m05-drug-phase3", "m05-drug-phase2", "m05-cgt-confirmatory"]
    # 3000万 + 3000万 + 2000万 + 3000万 = 1.1亿, over （五）'s 1亿 a year
    assert "1亿元" in answer.answer[:60]
    assert "1.1亿元" in answer.answer


def test_a_spends_total_is_no_total_of_awards(engine):
    answer = engine.ask("想一次问三件事：1）我们在海外做临床试验，买了临床试验责任保险，保费180万，能补多少？"
                        "2）明年想去德国参加MEDICA展会，项目经费一共16万元，能补多少？3）这份市里的若干意见什么时候到期？")
    assert answer.answer.startswith("按沪府办规〔2024〕9号（十三）")  # the first ask's figure leads, no sum of both
    assert "合计" not in answer.answer.split("\n", 1)[0]
    assert "90万元" in answer.answer and "5万元" in answer.answer and "2029年7月31日" in answer.answer


def test_a_count_told_of_the_case_is_no_count_asked(engine):
    answer = engine.ask("我们公司注册在苏州，1类新药二期临床是在上海几家医院做的，也实现产出了，这种能申请上海市的临床研发补贴不？")
    assert answer.status is Status.ANSWERED
    assert answer.answer.startswith("不可以")
    assert "policy2024:scope" in cited(answer)


def test_an_introduction_before_numbered_asks_asks_nothing(engine):
    answer = engine.ask("我们是医院伦理办和GCP办的，确认几件事：1）多中心试验我们是牵头单位，受理后几个工作日内要出伦理审查意见？"
                        "2）参与单位走简易程序的话要多久？3）临床试验启动前院内整体用时要压缩到多少周以内？")
    assert cited(answer)[0] == "policy2024:10"
    assert answer.answer.startswith("15个工作日")
    assert "5个工作日" in answer.answer and "25周" in answer.answer


def test_a_split_of_a_return_is_a_share_the_text_does_not_set(engine):
    answer = engine.ask("我们医院把一项专利作价入股到企业，股权交给上海临床创新转化研究院代持，那收益医院和研究院各分多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:08"
    assert "没有规定具体比例" in answer.answer


def test_a_cash_incentive_asked_of_a_measure_with_no_amount_is_not_specified(engine):
    answer = engine.ask("We're a European pharma planning a regional headquarters and an R&D centre in Shanghai. What cash "
                        "incentive does the new biomedicine policy give foreign firms for that?")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:34"


def test_the_subject_a_pointer_names_is_the_subject_asked(engine):
    first, second = turns(engine, "我们是上海注册的药企，今年有三个1类新药都完成了国内三期，也都有产出，每个三期研发投入都超过一个亿，"
                                  "按市里政策一共能拿多少？",
                          "器械那条，每个单位每年累计也有封顶吗？是多少")
    assert "9000万元" in first.answer[:60]
    assert cited(second)[0] == "policy2024:06"
    assert "3000万元" in second.answer[:60]
    assert not measure_verdicts(second)  # no verdict on （五） for a device: the device measure is asked


@pytest.mark.parametrize("question", [
    "2025年上海发布的那个合成生物、高端生物制造的行动方案，里面对中试平台的补贴标准是多少？",
    "你是哪家公司做的机器人呀？今天心情怎么样",
    "我们药学部的人员编制按床位比例应该配多少人？",
])
def test_what_the_sources_do_not_hold_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.calculations


def test_the_pudong_plans_term_is_named_as_its_text_writes_it(engine):
    answer = engine.ask("浦东那个行动方案现在还有效吗")
    assert answer.answer.startswith("否")
    assert "2022-2024年" in answer.answer and "2024年12月31日" in answer.answer
    assert "2022年1月1日" not in answer.answer  # no first day is in its text


def test_each_items_own_month_is_held_against_the_funding_period(engine):
    answer = engine.ask("我们是上海注册的一家体外诊断企业，2024年5月参加了德国的一个国际医疗展，项目经费10万元；2024年7月又参加了"
                        "美国的一个国际性学术会议，经费12万元。这两次参展参会能申请补贴吗？各能补多少？")
    assert cited(answer)[0] == "policy2024:37"
    # May 2024 is before the funding measures' 2024-06-01; July is inside: min(50% × 12万, 5万)
    assert [(c.eligible, c.amount_yuan) for c in answer.calculations] == [(False, 0), (True, 50_000)]
    assert "2项合计最高可获5万元" in answer.answer[:60]
    assert "所述时间在政策参照执行的期间内" not in answer.answer  # no one sentence speaks for both months


def test_a_spend_and_a_fee_are_each_their_own_rules_base(engine):
    answer = engine.ask("We are a US-owned subsidiary registered in Shanghai. (a) Our drug was approved by the FDA and is on "
                        "sale in the US; R&D spend was RMB 28M. (b) We out-licensed a product to an unrelated company, upfront "
                        "RMB 150M, adviser fees RMB 13M. How much for each, and is there a combined cap?")
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [
        ("m36-global-registration", 8_400_000),  # min(30% × 28M, 10M)
        ("m36-out-licensing", 5_000_000),  # min(50% × 13M, 5M)
    ]
    assert not answer.answer.startswith("Yes")  # the cap asked about does not exist
    assert "sets no annual cap per entity" in answer.answer


def test_a_condition_of_one_item_leaves_the_others_counted(engine):
    first, second = turns(engine, "We are a US-owned subsidiary registered in Shanghai. (a) Our drug was approved by the FDA "
                                  "and is on sale in the US; R&D spend was RMB 28M. (b) We out-licensed a product to an "
                                  "unrelated company, upfront RMB 150M, adviser fees RMB 13M. How much for each?",
                          "Follow-up: it turns out the licensee's venture arm holds a 10% stake in our subsidiary. "
                          "Everything else is the same. Does that change anything?")
    assert sum(c.amount_yuan for c in first.calculations) == 13_400_000
    assert second.answer.startswith("Not eligible for Out-licensing deal")
    assert [(c.rule_id, c.eligible, c.amount_yuan) for c in second.calculations] == [
        ("m36-global-registration", True, 8_400_000), ("m36-out-licensing", False, 0)]


def test_two_rules_sharing_a_clause_quote_it_once(engine):
    answer = engine.ask("临港的产业基地核定新增投资4.2亿元，另外一个智能化绿色化改造项目核定总投资8500万元，这两个项目分别最多能拿多少？"
                        "两项加起来有没有总封顶？")
    assert sum(c.amount_yuan for c in answer.calculations) == 108_500_000  # 1亿 + 10% × 8500万
    quoted = next(line for line in answer.answer.splitlines() if line.startswith("原文："))
    assert quoted.count("以上两项均最高支持1亿元") == 1
    assert "没有规定每个单位每年累计上限" in answer.answer


def test_numbered_items_each_keep_their_own_month(engine):
    answer = engine.ask("财务把这两年出国参展的费用理了一下，想算算市里能补多少：\n1）2024年3月 德国杜塞尔多夫MEDICA展，项目经费8万元；\n"
                        "2）2024年7月 美国BIO大会，项目经费六万；\n3）2025年3月 日本医疗器械展，项目经费120,000元。\n"
                        "我们是上海注册的器械公司，按参展补贴那条，合计最多能拿多少？")
    # March 2024 is before 2024-06-01: 0; July 2024: 50% × 6万 = 3万; March 2025: min(50% × 12万, 5万) = 5万
    assert sorted(c.amount_yuan for c in answer.calculations) == [0, 30_000, 50_000]
    assert "8万元" in answer.answer.split("\n", 1)[0]
    assert "请告诉我" not in answer.answer  # the words introducing the items ask for no figure of their own


def test_a_relation_said_of_one_item_fails_that_item_alone(engine):
    answer = engine.ask("我们是上海的CMO，2025年接了三个品种的代工：品种甲受托年产值6000万，品种乙三千五百万，这两家委托方跟我们没有任何"
                        "投资关系；品种丙受托产值20,000,000元，委托方是我们控股股东投资的公司。按市里给受托方的支持，我们这一年最多能拿多少？")
    assert [(c.eligible, c.amount_yuan) for c in answer.calculations] == [(True, 5_000_000), (True, 3_500_000), (False, 0)]
    assert "850万元" in answer.answer[:60]


def test_an_item_put_right_by_its_label_changes_that_item_alone(engine):
    first, second = turns(engine, "我们今年两个1类新药，公司上海注册、临床都在国内做、也都有产出：A做完Ⅱ期，研发投入三千万；B做完Ⅲ期，"
                                  "研发投入5000万。市里最多合计能给多少？",
                          "B的投入我说错了，是0.9亿")
    assert first.total_yuan == 32_000_000  # 40% × 3000万 + 40% × 5000万
    assert second.total_yuan == 42_000_000  # 1200万 + min(40% × 9000万, 3000万)
    assert "4200万元" in second.answer[:60]


def test_a_relation_said_of_one_labelled_item_in_a_follow_up(engine):
    first, second = turns(engine, "我們是上海的CDMO，今年承接兩個品種的委託生產：A受託年產值4000萬，B受託年產值七千萬，委託方都是外部客戶，"
                                  "沒有投資關係。一年最多能拿多少？",
                          "剛查了一下，A的委託方其實是我們母公司控股的另一家公司，那會變嗎？")
    assert first.total_yuan == 9_000_000
    assert [(c.eligible, c.amount_yuan) for c in second.calculations] == [(False, 0), (True, 5_000_000)]
    assert "還須滿足" not in second.answer  # B's client was said to be unrelated, and still is


def test_an_upfront_put_right_keeps_the_items_and_the_askers_rate(engine):
    first, second = turns(engine, "Shanghai-registered biotech. Two things this year: (a) one drug was approved by the FDA and is "
                                  "now selling in the US, R&D spend RMB 20 million; (b) we out-licensed another asset's overseas "
                                  "rights to an unrelated US company, upfront US$12 million (take 7.1 RMB/USD), and paid RMB 6 "
                                  "million to outside advisers. What's the total the city could give us?",
                          "Sorry, correction: the upfront was US$15 million, not 12.")
    assert first.total_yuan == 6_000_000  # US$12M × 7.1 = RMB 85.2M, under the 1亿 upfront: the licensing item is 0
    assert second.total_yuan == 9_000_000  # US$15M × 7.1 = RMB 106.5M: 600万 + 50% × 600万
    assert "US$15,000,000 = RMB 106,500,000" in second.answer


def test_an_earlier_policys_terms_the_sources_do_not_quote_are_refused(engine):
    answer = engine.ask("2021年那版上海生物医药《若干意见》里，Ⅲ期临床最高补多少？我们有个项目2023年就做完了，想按老政策算")
    assert answer.status is Status.OUT_OF_SCOPE
    quoted = engine.ask("2021年的那版政策对出海产品补多少")  # what the reply letter does quote of it
    assert cited(quoted)[0] == "reply1228:2.1" and "1000万元" in quoted.answer


def test_a_document_the_press_names_by_its_count_of_measures_is_not_among_the_sources(engine):
    answer = engine.ask("市医保局那个多元支付的“28条”，第十五条原文写的是啥？能把条文发我看看吗")
    assert answer.status is Status.OUT_OF_SCOPE
    article = engine.ask("若干意见第28条是什么")
    assert cited(article)[0] == "policy2024:28"


def test_a_stage_named_twice_with_its_own_spend_each_time_is_two_items(engine):
    answer = engine.ask("我们是上海注册的药企，今年四个1类新药：药物甲完成Ⅲ期，研发投入¥68,000,000；药物乙完成Ⅱ期，投入4.5千万元；"
                        "药物丙完成Ⅰ期，投入0.3亿元；药物丁也完成Ⅲ期，投入1.2亿。今年四个加起来市里最多给多少？")
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [
        ("m05-drug-phase3", 27_200_000), ("m05-drug-phase2", 18_000_000),
        ("m05-drug-phase1", 10_000_000), ("m05-drug-phase3", 30_000_000)]
    assert "8520万元" in answer.answer[:60]  # under （五）'s 1亿 a year


def test_now_asked_of_an_ended_plan_is_no_whatever_month_another_ask_states(engine):
    answer = engine.ask("我们在浦东张江，听说浦东有个生物医药产业高质量发展行动方案，现在还能按它申请支持吗？另外，我们有个项目"
                        "2024年7月10日出的结果，9号文能覆盖吗？")
    assert answer.answer.startswith("否")
    assert "2024年6月1日至7月31日期间" in answer.answer  # the second ask: the funding measures' earlier period
