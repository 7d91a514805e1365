"""A case told in plain words reaches the measure its words mean, and a figure keeps the role its words give it.

（五） pays 1类新药 trials, （六） innovative medical devices; （三十六） a product registered abroad and sold there
(责任单位：市科委、市商务委、市财政局); （三十七） 50% of an international fair's cost, 最高5万元 each; （七） encourages
research hospitals (鼓励社会资本建设研究型医院) and sets no amount; reply 1228 gives 2023's 产业规模 9337亿元.
"""

from assistant.records import Status


def test_a_dialysis_maker_asking_for_the_new_drug_support_is_sent_to_the_device_measure(engine):
    answer = engine.ask("我们做血液透析器（耗材）的，上海注册，新一代透析器做完了国内注册临床，花了2100万。"
                        "能不能套创新药那条，按研发投入40%拿最高3000万？")
    assert answer.verdicts[0].verdict == "not_eligible"
    assert answer.answer.startswith("不可以按（五）申请")
    assert "policy2024:06" in [c.chunk_id for c in answer.citations]


def test_a_patent_medicine_registered_and_sold_abroad_finds_its_departments(engine):
    answer = engine.ask("中成藥喺外國註冊、賣出去之後搵上海政府攞資助，係邊幾個部門負責？我想叫公司同事直接打去問。")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert "市科委、市商務委、市財政局" in answer.answer


def test_a_figure_wanted_for_the_askers_own_business_plan_is_looked_up(engine):
    answer = engine.ask("写商业计划书要引用个数：上海生物医药2023年的产业规模是多少？同比增长多少？")
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "reply1228:1.1"
    assert answer.answer.startswith("9337亿元") and "4.9%" in answer.answer
    # asking the assistant to write the plan is still refused
    assert engine.ask("帮我写商业计划书，要引用上海的产业规模").status is Status.OUT_OF_SCOPE


def test_the_steps_to_set_up_a_foreign_owned_company_are_out_of_scope(engine):
    answer = engine.ask("What are the steps to set up a WFOE in Shanghai for a medical device business, and how long does "
                        "the business licence usually take? Is there a minimum registered capital?")
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.calculations and not answer.citations


def test_a_sum_a_colleague_worked_out_is_checked_not_added(engine):
    answer = engine.ask("quick q — our Shanghai-registered subsidiary exhibited at 3 international trade shows this year: "
                        "MEDICA in Düsseldorf, Arab Health in Dubai and a medtech expo in Singapore. Costs were ¥180k, ¥64k "
                        "and ¥92k. Our marketing lead says the city pays back half of everything, so about ¥168k. "
                        "Is that right?")
    # （三十七）: min(50% × 18万, 5万) + 3.2万 + 4.6万 = 12.8万, under 每个单位每年累计支持金额不超过50万元
    assert answer.total_yuan == 128_000
    assert len(answer.calculations) == 3


def test_a_research_hospitals_total_investment_is_no_project_of_the_industrial_measure(engine):
    answer = engine.ask("我们是一家民营医疗集团，打算在青浦新建一家以临床研究为主的研究型医院，规划床位500张，总投资12亿。"
                        "市里对社会资本建研究型医院补多少钱？每张研究型床位补多少？")
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:07"
    assert not answer.calculations and answer.total_yuan is None


def test_the_askers_own_conversion_after_so_is_the_premium_itself(engine):
    answer = engine.ask("Our Shanghai-registered biotech bought clinical trial liability cover for the US arm of our study. "
                        "The premium paid was USD 100,000; finance booked it at 7.2 so RMB 720,000. How much can the "
                        "Shanghai policy pay back?")
    # （十三）: 海外临床试验…责任保险, 实际缴纳保费的50%, 最高100万元: 50% × 72万 = 36万
    assert answer.total_yuan == 360_000


def test_a_generic_called_by_its_taiwanese_name_is_no_innovative_drug(engine):
    answer = engine.ask("我們在上海青浦有註冊子公司，生產一個學名藥的原料藥，剛在美國FDA備好DMF並開始賣給美國客戶了。"
                        "上海那個產品在海外註冊後補研發投入30%的政策，我們能申請嗎？研發大概花了600萬人民幣。")
    # （三十六）: 对我市企业研发的创新药、现代中药和高端医疗器械 (学名药 is a generic)
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "創新藥" in answer.answer.splitlines()[0]


def test_a_share_asked_right_after_a_tax_question_is_refused_with_it(engine):
    answer = engine.ask("研发费用加计扣除现在是100%还是120%？生物医药企业有没有特殊比例？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.citations
    # a share that names the city's own support is still answered
    mixed = engine.ask("深圳对CMO有什么补贴？上海CMO补贴比例是多少？")
    assert mixed.status is Status.ANSWERED and mixed.citations[0].chunk_id == "policy2024:24"
    assert mixed.answer.startswith("10%")


def test_a_travel_permit_asked_inside_a_conversation_is_out_of_scope(engine):
    first = engine.ask("我們上海註冊的公司想參加東京的醫療器材展，費用大約新台幣40萬（匯率1台幣=0.22人民幣），能補多少？")
    assert first.status is Status.ANSWERED
    later = engine.ask("好。順便問一下，台胞證快過期了，要去哪裡換？", first.session_id)
    assert later.status is Status.OUT_OF_SCOPE
    assert not later.calculations and not later.citations


def test_the_support_a_cro_asks_of_is_the_fair_it_names_not_its_own_kinds_measure(engine):
    answer = engine.ask("我们是做临床CRO的，12月还要去美国一个展，预算20万，能申请出国参展的补贴吗？")
    assert answer.citations[0].chunk_id == "policy2024:37"
    assert answer.total_yuan == 50_000  # （三十七）: min(50% × 20万, 5万)
    used = engine.ask("我们是做临床CRO的，今年(2026)已经按那个出国参展的政策拿了50万了（前面跑了十几个展），12月还要去美国一个展，"
                      "预算20万，这个还能再申请吗？")
    # （三十七）: 每个单位每年累计支持金额不超过50万元 — this year's is used up
    assert used.citations[0].chunk_id == "policy2024:37"
    assert [v.verdict for v in used.verdicts] == ["not_eligible"]
    assert used.answer.startswith("本年度不能再获支持")
