"""The measure, item and figure the words point at, not the first the case's words find: a label the asker only
remembers or describes wrongly gives way to the measure its words describe; a clause asking "按那条" names the measure
the clause before it named; a plant, a week or a fair abroad told in everyday words is what it is; an amount said in
Chinese numerals ends what is said of the one before it; another item counted after a group is its own; a rate given
as "convert at" converts; a yes/no on the yearly cap is answered "不会" with what the cap leaves; a time the text leaves
unset is said once. Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_a_remembered_label_gives_way_to_the_measure_paying_the_share_on_the_base_said(engine):
    answer = engine.ask(
        "替一家CDMO问：他们去年给两家没有股权关系的药企做受托生产，甲品种受托年产值4,200万元，乙品种2600万元。"
        "好像是第（二十三）条？按10%算能拿多少？")
    # （二十四）: min(10% × 4200万, 500万) + min(10% × 2600万, 500万) = 680万, not （二十三）'s investment rules
    assert cited(answer)[0] == "policy2024:24"
    assert answer.total_yuan == 6_800_000


def test_a_label_described_by_another_measures_words_is_that_measure(engine):
    answer = engine.ask(
        "两个问题：第（二十四）条那个企业做高端化智能化改造的，按投资的多少比例补？"
        "还有第（二十三）条那个CMO受托生产的，每个品种最多给多少？")
    assert cited(answer)[:2] == ["policy2024:23", "policy2024:24"]
    assert "10%" in answer.answer and "500万元" in answer.answer


def test_a_label_asked_of_itself_stays_the_measure_asked(engine):
    answer = engine.ask(
        "我们做眼科手术机器人，上海注册，产品进了国家创新医疗器械特别审查。第（五）条说不超过研发投入40%、最高1000万，"
        "我们能按（五）申请吗？")
    # （五） is for 1类新药: a device is refused there and sent to （六）
    assert answer.answer.startswith("不可以")
    assert "（六）" in answer.answer


def test_an_english_class_1_trial_abroad_asked_for_the_class_1_support_is_refused_there(engine):
    answer = engine.ask(
        "Our Shanghai-registered biotech ran the Phase I of its class-1 antibody entirely in New Zealand; it cost about "
        "RMB 18 million. Can it claim the city's clinical-stage support for class-1 new drugs for that Phase I?")
    assert answer.answer.startswith("No, not eligible under （五）")
    assert "（十二）" in answer.answer


def test_an_amount_in_chinese_numerals_ends_what_is_said_of_the_one_before_it(engine):
    answer = engine.ask(
        "我们要给老车间做智能化、绿色化改造，经核定的项目总投资是八千万元，其中设备大概五千多万，后年想再盖个仓库先不算。"
        "这种改造市里最多补多少？")
    # （二十三）: min(10% × 8000万, 1亿) = 800万; "先不算" is the warehouse's, not the investment's
    assert answer.total_yuan == 8_000_000
    assert "800万元" in answer.answer.splitlines()[0]


def test_a_rate_given_as_convert_at_converts_the_dollar_spend(engine):
    answer = engine.ask(
        "Our Class 1 small molecule finished its domestic Phase II this year; the Shanghai entity is the applicant. "
        "R&D spend on it was USD 4 million (convert at 7.1). What is the most we can get?")
    # 4,000,000 × 7.1 = RMB 28,400,000; （五） Ⅱ期 min(40% × 2840万, 2000万) = 1136万
    assert answer.total_yuan == 11_360_000


def test_another_item_counted_after_a_group_is_its_own_with_its_own_stage(engine):
    answer = engine.ask(
        "汇总问一下：两个1类新药今年都完成了国内III期，每个III期研发投入都是1亿左右；另外还有一个小分子做完了I期，"
        "I期投了2000万。申请人都是上海公司。全加起来今年市里最多给多少？")
    # （五）: 2 × min(40% × 1亿, 3000万) + min(40% × 2000万, 1000万) = 6800万
    assert answer.total_yuan == 68_000_000
    assert "第1–2项 1类新药Ⅲ期" in answer.answer
    assert "第3项 1类新药Ⅰ期" in answer.answer


def test_a_company_output_told_beside_an_upgrade_investment_is_no_second_item(engine):
    answer = engine.ask(
        "我们是港资的制剂厂，年产值大概4亿。明年打算把一条老产线做智能化改造，总投资算下来6000万。"
        "这种改造的补助我们能申请吗？还是只限内资企业？")
    # （二十三）: the upgrade's min(10% × 6000万, 1亿) = 600万 only; the two clauses one yes/no
    assert answer.total_yuan == 6_000_000
    assert "2项合计" not in answer.answer
    assert answer.answer.startswith("可以")


def test_weeks_counted_are_no_place_and_a_fair_abroad_in_short_is_a_trade_fair(engine):
    departments = engine.ask("进口检测用的标准品每次都要等两三个礼拜的许可证，新政策放宽这块是哪几个部门负责？")
    assert departments.status is Status.ANSWERED
    assert cited(departments)[0] == "policy2024:35"
    fair = engine.ask("我们是上海注册的器械公司，今年跑了八个海外展，累计拿到50万的支持。下个月还有一个国外展，预算10万，还能再申请吗")
    assert cited(fair)[0] == "policy2024:37"
    assert "年度累计上限已用满" in fair.answer


def test_a_trial_abroad_in_plain_words_finds_the_overseas_trial_measures_departments(engine):
    answer = engine.ask("我们在德国和西班牙开了二期，想申请市里对国外做临床的那笔钱，这个是哪些部门管的？")
    assert cited(answer)[0] == "policy2024:12"
    assert "市科委、市药品监管局、市财政局、申康医院发展中心" in answer.answer


def test_a_preamble_before_numbered_asks_refuses_none_of_them(engine):
    answer = engine.ask(
        "我们是做AI制药的，后年想去港股18A上市。问三个：1.听说市里要设生物医药并购基金，真的吗；2.港股18A对未盈利公司有什么要求；"
        "3.AI做药这块市里是哪几个部门牵头？")
    # the listing rules alone are refused; the fund and the departments are the policy's
    assert answer.status is Status.ANSWERED
    assert cited(answer)[:2] == ["policy2024:28", "policy2024:02"]
    assert "另问的“港股18A对未盈利公司有什么要求”不在现有政策资料的范围内" in answer.answer


def test_a_research_cro_asking_the_manufacturing_support_by_its_share_is_sent_to_the_preclinical_one(engine):
    answer = engine.ask(
        "我们是给高校课题组做药代和毒理研究的CRO，听说代工的可以按产值10%拿补贴，我们这种能按那个申请吗？")
    assert answer.answer.startswith("不可以")
    assert "（二十四）" in answer.answer.splitlines()[0]
    assert "policy2024:04" in cited(answer)


def test_a_service_provider_without_a_pipeline_is_refused_the_class_1_trial_support(engine):
    answer = engine.ask("我们做AI分子生成服务，自己没有管线也没做过临床。能申请那个新药临床按研发投入40%的补助吗")
    assert answer.answer.startswith("不可以")
    assert cited(answer)[0] == "policy2024:05"


def test_whether_two_stages_exceed_the_yearly_cap_is_answered_no_with_what_is_left(engine):
    last = turns(
        engine,
        "我们的1类新药一期在国内做完了，上海公司申请，一期研发投了2000万，能拿多少？",
        "那二期呢？投入7000万",
        "这两笔要是同一年批下来，会不会超过公司每年的上限？")[-1]
    # （五）: min(40% × 2000万, 1000万) + min(40% × 7000万, 2000万) = 800万 + 2000万 = 2800万, under the 1亿 a year
    assert last.answer.startswith("不会。")
    assert "7200万元（1亿元 − 2800万元）" in last.answer


def test_a_target_year_the_text_leaves_unset_is_not_specified_once(engine):
    answer = engine.ask("市里说要推出500万平方米标准化厂房，计划到哪一年全部推出？有没有分年度的时间表？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer) == ["policy2024:25"]
    assert "25周" not in answer.answer


def test_a_standard_figure_asked_after_an_unset_amount_is_the_same_ask(engine):
    answer = engine.ask("想请一位手握核心专利的顶尖科学家来沪做颠覆性研究，市里能给多少经费？有没有个标准数？")
    assert cited(answer) == ["policy2024:03"]
    assert "一事一议" in answer.answer


def test_a_trade_named_before_a_show_names_no_asker_and_a_rate_in_another_currency_converts(engine):
    answer = engine.ask(
        "Our Shanghai-registered company is sending a team to an international CRO trade show in Tokyo. Booth and travel "
        "budget is about SGD 10,000 and we use 1 SGD = 5.30 RMB. How much could the city pay back for this show?")
    # （三十七）: 10,000 × 5.30 = RMB 53,000; min(50% × 53,000, 50,000) = 26,500 — not （十二）'s CRO project
    assert cited(answer)[0] == "policy2024:37"
    assert answer.total_yuan == 26_500


def test_an_amount_said_to_be_another_topic_or_an_export_value_is_no_base(engine):
    english = engine.ask(
        "We manufacture one product for a Shanghai MAH with no investment ties; contract manufacturing output this year is "
        "RMB 30 million. We also spent RMB 9 million on a new packaging line but thats another topic. What is the most "
        "the city could give us for the contract manufacturing?")
    # （二十四）: min(10% × 3000万, 500万) = 300万; the packaging line is left out
    assert english.total_yuan == 3_000_000
    chinese = engine.ask(
        "我们的现代中药去年通过了欧洲药品管理局注册，今年在荷兰开始卖了，出口额目前大概200万欧元。研发投入是两千万，"
        "市里最多能给多少？")
    # （三十六）: min(30% × 2000万, 1000万) = 600万; the export value is no base and asks no rate
    assert chinese.total_yuan == 6_000_000


def test_a_claimed_figure_quoted_and_pointed_at_again_is_checked_once_under_the_measure_the_case_names(engine):
    answer = engine.ask(
        "我在核一篇稿子：某上海药企把海外权益授权给跨国药企，首付款2亿元，双方无投资关联，为交易请第三方花了1600万元，"
        "稿子说“按新政可获得800万元支持”。这个800万算得对吗？应该是多少？")
    # （三十六）: min(50% × 1600万, 500万) = 500万, the 800万 put right; the second ask is the same figure
    assert cited(answer)[0] == "policy2024:36"
    assert answer.total_yuan == 5_000_000
    assert answer.answer.startswith("更正")
    assert "30%" not in answer.answer


def test_support_asked_now_after_an_ended_plans_term_is_the_policy_in_force(engine):
    _, now = turns(
        engine,
        "浦东那个生物医药产业高质量发展行动方案（2022-2024年）里，2024年底的产业规模目标是多少？",
        "那这个方案现在还能用吗？我们是浦东的企业，有款器械刚进了国家创新医疗器械特别审查程序，现在能申请啥、多少钱？")
    assert now.answer.startswith("否。")
    assert "policy2024:06" in cited(now)
    assert now.total_yuan == 3_000_000


def test_the_items_added_with_the_one_before_are_all_counted(engine):
    _, total = turns(
        engine,
        "我们明年要去美国做一个高水平的临床试验项目，预算3000万，这种海外临床项目上海最多支持多少？",
        "那如果同一年还有另外两个海外试验项目，三个加起来最多能拿多少？")
    # （十二）: 3 × 2000万 = 6000万, under the 1亿 a year
    assert total.total_yuan == 60_000_000


def test_whether_the_policy_is_still_there_and_its_last_day_are_the_documents_term(engine):
    answer = engine.ask("我们的新药估计2029年底才能上市，到时候市里这个支持生物医药的意见还在不在？具体哪天截止？")
    assert cited(answer)[0] == "policy2024:validity"
    assert "2029年7月31日" in answer.answer
    assert "申报材料" not in answer.answer


def test_whether_a_pharmacy_can_join_a_list_of_qualified_ones_is_for_the_departments(engine):
    answer = engine.ask("我们有几家DTP药房，冷链和执业药师都齐全，想问我们这几家门店能不能进“双通道”？")
    assert cited(answer)[0] == "policy2024:18"
    assert answer.verdicts and answer.verdicts[0].verdict == "unknown"


def test_the_term_asked_for_an_application_leads_before_the_measure_applied_for(engine):
    answer = engine.ask("我们的1类新药三期2028年底做完，2029年上半年再去报补贴，到时候市里这个新政策还在有效期里吗？")
    assert cited(answer)[0] == "policy2024:validity"


def test_a_deal_partys_country_is_no_trial_place_and_a_related_licence_is_sent_nowhere(engine):
    _, related = turns(
        engine,
        "Our Shanghai-registered biotech out-licensed the ex-China rights of its antibody to a US pharma company. The "
        "upfront is USD 25 million (about 7.2 RMB per USD) and we paid RMB 8 million to outside advisers. How much support?",
        "I forgot: the US buyer's venture arm owns about 5% of our company. Does that change anything?")
    # （三十六）'s deal needs no investment relation; the buyer's country names no overseas trial (（十二）)
    assert related.answer.startswith("No, not eligible")
    assert cited(related) == ["policy2024:36"]


def test_a_client_the_asker_invested_in_is_a_related_party(engine):
    answer = engine.ask("我们做CDMO的，给一家客户做委托生产，年产值3000万。不过这家客户是我们前年投资入股的。这种能按产值拿补贴么？")
    assert answer.answer.startswith("不可以")
    assert "委托双方应无投资等关联" in answer.answer
