"""Questions close to the sources but about what they do not cover are refused, alone or inside a conversation: a
patient's own reimbursement under the basic schemes, a medicine's price, an import duty, a product registration's
paperwork and fee, a company's registration procedure (an English first sentence saying who the asker is does not make
it background), the names behind a count the sources give, a document the press only mentions asked for its terms, and
a request to write the application, a market forecast, what a trial's subjects are paid, a plan for years after the
catalogue's, a tax incentive, a cover letter to write, where to eat, an adverse event's reporting rule, a patent's
examination, another city's policy or review time, an insured person's own co-payment, a requirement of a certification
asked right after it, how a regulator assigns and appraises its own reviewers, what banks usually charge for a loan.
What the sources do say about the same things stays answered."""

import pytest
from asking import cited, turns

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "我妈在瑞金医院用的一个国谈的PD-1，城职保能报多少比例？自己大概要付多少？新闻里说创新药都进医保了…",
    "呋喹替尼現在一盒多少錢？醫保談判之後價格降了多少？",
    "卫健委7月22日印发的那个加强本市临床研究体系建设的实施意见，28条里面对研究者发起的临床研究（IIT）每项给多少经费？",
    "Hi, we're planning to set up a WFOE in Lingang for a gene therapy lab. What documents does the market regulator "
    "need for company registration, and how many working days does the business licence take?",
    "发布会上说上海有65家有临床试验资格的医疗机构，能把这65家的名单和各自擅长的专科列给我吗？我们要选中心",
    "作为CRO的BD，想听听你的看法：明年ADC和双抗哪个赛道的客户需求更大？我们应该重点去拓哪类客户？",
    "我是醫院臨床研究病房的護士長。健康受試者參加Ⅰ期試驗，每天的補償費、交通補貼一般定多少比較合規？上海有沒有統一標準？",
    "Has Pudong issued a follow-up biomedicine action plan for 2025–2027? What are its targets?",
    "Hi, finance team of a Japanese pharma's Shanghai subsidiary here. If our Shanghai entity gets High and New Technology "
    "Enterprise status, what corporate income tax rate would apply, and how does the R&D expense super-deduction work for us?",
    "We're the Shanghai arm of a Korean biotech. Could you write us a persuasive one-page Chinese cover letter to the Science "
    "and Technology Commission asking for the Phase II clinical trial subsidy?",
    "CRC求问：按照GCP，研究者获知严重不良事件（SAE）后要在多长时间内报告申办者？上海本地有没有更严的时限要求？",
    "lol thanks, you've been more useful than our consultant. Any idea where to get decent ramen near Zhangjiang Hi-Tech Park?",
    "我是專利代理師。客戶一件抗體藥的發明專利想走國知局的優先審查，申請條件是什麼？從提出請求到授權大概多久？",
    "我们公司注册在北京亦庄，想问下北京市支持创新药的那套政策里，III期临床最多能补多少钱？",
    "深圳那邊第二類醫療器械的審評時限是多少個工作日？我們在考慮把產品註冊放在深圳做。",
    "高新技術企業認定要滿足哪些條件？研發費用要佔收入多少比例？我們是做體外診斷試劑的上海公司。",
    "我是上海職工醫保，看門診專家號，自付比例是多少？一年的起付線又是多少？",
    # the assistant's opinion, a recommendation, a ranking or a market price: the sources rate no firm, site or market
    "我们是一家药企的战投部，想请你判断一下：后年投双抗还是投核药回报更高？给点具体的投资建议。",
    "Honestly, if you were starting a gene-therapy company, would you base it in Lingang or in Hangzhou? Your gut feeling.",
    "Could you rank the top five CDMOs in Shanghai for biologics fill-finish? We must choose one soon.",
    "What is a realistic per-patient cost for a Phase II oncology trial in Shanghai? I want to sanity-check a CRO quote.",
    "手头有二十万，看好生物医药政策，医药ETF哪几只比较值得买？",
    # another place's agency and its programme, the State Council's national plan, moving a registration
    "我們在新加坡，想問新加坡經濟發展局的「研發資助計劃」對臨床前研究最高資助多少？",
    "The State Council issued a national plan for innovative drugs. What national subsidy does it give for a Phase II trial?",
    "我们公司注册在安徽合肥，准备把注册地迁到闵行，跨省迁址要走哪些手续？大概多久办完？",
    # labour law, the central bank's lending, accounting, a regulator's consultations and fees, national rules, a forecast,
    # a firm's own receipts, a patient seeking a trial, a newer plan pointed at
    "我是HR，研发总监离职有竞业限制，补偿金每月最少按原工资的多少比例给？",
    "我在银行做对公，人民银行的科技创新再贷款利率是多少？额度多大？",
    "我们拿了（二十四）那笔CMO支持，这笔钱账上应该计入其他收益还是递延收益？",
    "药审中心长三角分中心的现场咨询怎么预约？补充申请要交哪些资料？",
    "Under China's national drug law, how many years of data exclusivity does an innovative drug get?",
    "Under MDR, what does a notified body usually charge for a Class III review, and how long does it take?",
    "按现在这个势头，你估计上海生物医药产业规模2028年能到多少？",
    "Did Hengrui actually receive a Shanghai municipal subsidy for its PD-1, and how much was paid out?",
    "我爸肺癌晚期，哪几家医院在招募新药临床试验的受试者？怎么报名？",
    "听说浦东又出了2025-2027年的新一轮方案，新方案里对1类新药奖励多少？",
    "我们的产品进了国家医保目录，国家医保局的续约规则是什么？降幅怎么算？",
    "Can you rank the five Shanghai-listed biotechs most likely to benefit from the 2024 measures?",
    # other regulators' licences, filings and review clocks; tender prices; a vendor's price per case; the next policy
    # forecast; a transfer's income split; a patent filing's funding; where one applicant's file stands
    "我们是一家三级医院设备科，准备采购一台PET-MR。需要先办大型医用设备配置许可证吗？向哪个部门申请？",
    "来电人是一家医学影像设备公司的行政，说公司要在闵行新装一台PET-CT做研发测试用，想问辐射安全许可证去哪个部门办、一般要多长时间能批下来。",
    "Our team builds a generative-AI molecule design platform in Xuhui. What's the filing procedure with the Cyberspace "
    "Administration of China for generative AI services, and how long does the algorithm filing take?",
    "我们跨国药企的国际多中心临床试验需要把中国患者的血样送到国外中心实验室，人类遗传资源国际合作审批现在一般要多少个工作日？",
    "We're a CAR-T start-up in Zhangjiang preparing our first US IND. How many days does the US FDA take to review an IND?",
    "We're pricing a new domestic 3.0T MRI scanner. What are Shanghai public hospitals currently paying for a 3.0T MRI in "
    "tenders — roughly RMB 10 million, or less?",
    "想问一下现在在上海做一个健康受试者的Ⅰ期临床，CRO报价大概多少钱一例？",
    "您覺得2029年這份若干意見到期以後，上海會不會再出新一輪政策？支持額度會不會更高？",
    "我在交大做博后，准备带着课题组的一个抗体专利出来创业。学校和发明人之间成果转化的收益一般怎么分？是三七开还是二八开？",
    "我是專利代理師，客戶是張江一家做小分子的藥企。想問上海對PCT國際專利申請有沒有資助？每件大概補多少錢？",
    "我們公司上個月在市科委的平台提交了創新醫療器械項目的申報材料，你能幫我查一下現在審到哪一步了嗎？",
    "我们是做药品配送的商业公司。上海公立医院执行“两票制”，进口药总代理到我们这算不算一票？",
    # the 2021 policy's own terms on a subject the sources never quote it on, its 《title》 holding the 2024 policy's alias
    "想查一下2021年上海發的那份《關於促進本市生物醫藥產業高質量發展的若干意見》，裡面對CRO提升臨床試驗服務能力是怎麼補貼的？",
    # another place's side announced or its mechanism, a plan not in the catalogue and what is "in" it, a dispute in
    # court, a rumour about a firm, a tender price, where a site pays off, a licence, an insured person's payout
    "来电人说他们公司在苏州工业园区和上海都有团队，这次先问苏州园区那边：一类新药做临床试验，园区给多少补贴？上海的先不问。",
    "我們是做疫苗的上海公司，想透過香港的「1+」機制在香港註冊一款新疫苗，需要滿足什麼條件？審批大概多久？",
    "上海生物医药的“十五五”规划出来了没有？里面2030年的产业规模目标定的是多少？",
    "我們和一家上海三甲醫院簽了臨床試驗合同，醫院拖了半年才開始入組，合同裡寫了違約金。我們能起訴醫院要求賠償嗎？勝訴機率有多大？",
    "听说奥浦迈要被一家大药企收购了，是真的吗？这个消息靠谱吗？",
    "我們是血液製品公司，想了解一下現在上海醫院採購人血白蛋白（10g規格）的中標價大概是多少？",
    "你个人觉得，我们做医药冷链仓储的，仓库放在张江还是临港更划算？",
    "我们是做小鼠模型的，准备新建一个SPF级动物房。实验动物使用许可证要向哪个部门申请？审批要多少个工作日？",
    "我們想把一個藥品的上市許可持有人從江蘇的母公司變更到上海的子公司，國家藥監局的MAH變更流程和辦理時限是怎樣的？",
    "We make an aesthetic laser device. What are the FDA's criteria for Breakthrough Device designation, and how long "
    "does the FDA take to respond to a request?",
    "來電人是一位市民，問她媽媽要買今年的「滬惠保」，保費多少錢？如果用了特藥目錄裡的抗癌藥，最多能賠多少？",
    "三类医疗器械首次注册，国家药监局要收多少注册费？进口产品和国产产品的收费标准一样吗？",
    "Should we sell our company to a big pharma now or wait for the city's M&A fund?",
    "我们在给客户写选址备忘录。客户打算把商业化生产基地放到苏州工业园区。麻烦把苏州工业园区对生物医药产业化项目设备投资的补贴比例和封顶金额列一下。",
    "你覺得瑞金和中山哪家的倫理委員會審得比較快？推薦一家給我們做I期。",
    # an English case ending on a stage written in Chinese ("Phase II." → "ii期.") is its own sentence: the request after it
    "We're a Shanghai biotech with a Class 1 antibody that just finished domestic Phase II. Could you draft a two-page "
    "formal application letter in Chinese to STCSM asking for the Phase II funding?",
    "想了解一下，上海市药监局审评中心内部是怎么给审评员分配项目的？审评员的绩效考核标准是什么？",
    # a vendor pick or a ranking of places, typos and all
    "cool thx. btw can u recomend a decent CRO in Zhangjiang for our next trial? who's cheapest?",
    "你个人觉得上海和苏州比，哪里搞生物医药更强？",
    "Which CRO is the best for oncology trials in Shanghai, who's the best?",
    # a home-purchase subsidy or settling-in allowance for talent: no source sets one
    "上海对生物医药高端人才有没有购房补贴？",
    "Does Shanghai give biomedicine talent a home-purchase subsidy?",
    "我们引进的领军人才能拿多少安家费",
])
def test_a_close_question_the_sources_do_not_cover_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.calculations


@pytest.mark.parametrize(("first", "later"), [
    ("我们是上海的企业，自己研发的创新药拿到了欧盟EMA批准，也已经在德国开卖了，研发投入2000万，能拿多少？",
     "另外问一下，美国FDA新药上市申请的用户费（PDUFA费）现在是多少？"),
    ("We import tiny amounts of reference standards for trace testing. Do we still need the import permits issued by "
     "the agriculture and environmental authorities?", "What import duty rate applies to those standards when they clear customs?"),
    ("上海注册的医疗器械公司，产品刚进了国家创新医疗器械特别审查程序，市里能给多少？", "医疗器械注册证申报要交哪些材料、注册费多少？"),
    ("我们是做CDMO的，接别家委托生产，市里按什么比例补？", "行吧，那你直接帮我把申请书写出来，按418万写"),
    ("看发布会实录，上海现在有多少位生物医药领域的两院院士？三甲医院有多少家？", "那6家国家临床医学研究中心具体是哪几家，能列一下吗"),
    ("我们做基因治疗的，在上海注册，产品是1类新药，早期临床马上做完了，市里最多能支持多少？",
     "明白。那国家药监局对基因治疗药物附条件批准上市，具体要满足哪些标准？"),
    ("我们是上海的小微生物医药科创企业，通过市里的中小微企业政策性融资担保基金，单笔批次担保额度最高能到多少？",
     "那现在银行给这类担保贷款的利率一般是多少？"),
])
def test_a_close_question_inside_a_conversation_is_refused(engine, first, later):
    opening, refused = turns(engine, first, later)
    assert opening.status is Status.ANSWERED
    assert refused.status is Status.OUT_OF_SCOPE and not refused.calculations


def test_what_the_press_says_of_the_mentioned_document_stays_answered(engine):
    # the press answer names the 实施意见 and its 28 measures; only its terms are outside the sources
    answer = engine.ask("发布会上卫健委提到的那个加强临床研究体系的实施意见，一共有多少条举措？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "press20240731:q05" and answer.answer.startswith("28条")


def test_an_english_first_sentence_about_the_asker_keeps_a_covered_ask_covered(engine):
    answer = engine.ask("Hi, we're a gene therapy start-up registered in Lingang. How long does the ethics review take?")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:10" and "3 weeks" in answer.answer.split("\n")[0]


def test_a_share_performance_question_after_the_reply_figures_is_refused(engine):
    *_, shares = turns(engine, "Fact-checking a draft: how many Shanghai biomedicine companies are listed on the STAR Market?",
                       "Which of those STAR-listed biotechs had the best share performance this year?")
    assert shares.status is Status.OUT_OF_SCOPE


def test_a_claim_checked_after_a_year_figure_is_answered_not_judged_against_the_term(engine):
    # "2023" is the industry figure's year, not a case's month: the reply's "18家" answers, no "before the term" no
    _, claim = turns(engine, "Fact-checking a draft: 'Shanghai's biomedicine industry hit RMB 933.7 billion in 2023, up 9%.' "
                             "Is that right?",
                     "And the line saying all of the global top-20 pharma and device firms have their China HQ in Shanghai?")
    assert cited(claim)[0] == "reply1228:1.4" and "18" in claim.answer.split("\n")[0]


def test_a_numbered_task_of_the_plan_asked_for_its_departments_is_answered_whatever_its_words(engine):
    answer = engine.ask("For a policy review I'm tracing the Pudong biomedicine action plan (2022–2024). Under task 12 — the "
                        "one on special-item import facilitation and the import-tax exemption pilot for clinical-research "
                        "drugs — which district departments were responsible?")
    assert cited(answer)[0] == "pudong2022:task-12"
    assert "区科经委" in answer.answer and "保税区管理局" in answer.answer


def test_a_company_registered_elsewhere_asking_about_shanghai_is_told_the_scope(engine):
    answer = engine.ask("北京注册的公司能申请上海的1类新药政策吗")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:scope"


def test_whether_the_measure_discussed_states_a_sum_is_not_specified_not_refused(engine):
    *_, money = turns(engine, "那若干意見裡支持外資企業在滬設研發中心的那條，責任單位有哪些？", "有沒有寫明給多少錢的補貼？")
    assert money.status is Status.NOT_SPECIFIED and cited(money) == ["policy2024:34"]


def test_an_ask_joined_by_and_to_a_refused_one_shares_its_subject(engine):
    """"…what minimum market capitalisation and how many years of R&D track record are required?": the second ask is
    the listing rule's too, refused with it; an award asked beside a refused ask stays answered."""
    joined = engine.ask("Our Shanghai biotech may list on the STAR Market. Under its fifth listing standard, what market "
                        "capitalisation and how many core patents are required?")
    assert joined.status is Status.OUT_OF_SCOPE and not joined.citations
    award = engine.ask("Leaving withholding tax aside, and how much can we get for our Class 1 drug's Phase II trial "
                       "with RMB 40 million of R&D spend?")
    assert award.status is Status.ANSWERED and award.total_yuan == 16_000_000


def test_a_caller_from_another_provinces_office_asking_about_shanghai_is_answered(engine):
    """"我是江西省科技厅的，做个对标": who asks is no subject; Shanghai's support asked about is answered."""
    answer = engine.ask("我是湖南省科技厅的，做个对标：上海对进入创新医疗器械特别审查程序的产品给多少支持？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:06"


@pytest.mark.parametrize("question", [
    "无锡和上海张江两个园区二选一，你会推荐哪个？",
    "上海哪家CDMO做抗体最强？帮我排个前三名。",
    "Our Class 1 drug's NDA was accepted last month. With the new measures, will it be approved before the end of 2028?",
    "License-out的首付款行情明年还会涨吗？给个判断就行。",
    "我们的三类器械注册证明年到期，延续注册要提前多久申请？",
    "Under the EU IVDR, when does the transition period end for our legacy Class B assays?",
    "省际联盟集采中选以后，医院的约定采购量怎么算？",
    "What will Shanghai's biomedicine industry size be in 2027, roughly?",
    "上海生物医药产业2026年会达到多少规模？",
])
def test_picks_rankings_forecasts_and_others_procedures_are_refused(engine, question):
    """A pick between two sites, a ranking of firms, a forecast of an approval, of a market or of a year's figure the
    sources set none for, a registration's renewal, a foreign regulator's rules and a procurement alliance's volumes:
    none is in the sources."""
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_an_ask_after_a_refused_regulator_procedure_asks_of_that_procedure(engine):
    """"国家药监局的…申请要准备哪些材料？提交以后一般多少天能出结果？": the second ask is the regulator's review time."""
    answer = engine.ask("国家药监局的创新医疗器械特别审查申请要准备哪些材料？提交以后多少天出结果？")
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_district_office_recommending_firms_to_a_list_is_not_asking_for_a_pick(engine):
    """"我们嘉定区投促办想推荐几家企业进去": the office recommends; the list's deadline asked is one （二十一） does not set."""
    answer = engine.ask("市里那个“4个100”的清单，申报截止是哪天？我们松江区投促办想推荐几家企业进去。")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:21"

def test_a_caller_saying_the_company_has_no_separate_registration_asks_no_registration_procedure(engine):
    """"上海这边…没单独注册公司": where the company is registered, told; the scope decides (在我市内登记注册)."""
    answer = engine.ask("我们是做骨科器械的，公司注册在南京\n上海这边只有办事处 没单独注册公司\n产品进了国家创新器械特别审查\n"
                        "能拿上海那个最高300万吗")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:scope"
    assert "特别审查程序" not in answer.answer.split("\n")[0]  # the special review said met, a line before, is no "no"


def test_turning_the_answers_into_a_report_email_is_refused_inside_a_conversation(engine):
    first = engine.ask("我们投的一家CDMO，受托生产一个品种（委托方是无关联的第三方），今年受托产值3000万，市里能补多少？")
    assert first.total_yuan == 3_000_000
    answer = engine.ask("好，帮我把上面这些整理成一封给LP的季度报告邮件，顺便加点对明年行业的展望", first.session_id)
    assert answer.status.value == "out_of_scope"
    assert not answer.citations


def test_the_loan_prime_rate_asked_after_the_guarantee_ceiling_is_refused(engine):
    first = engine.ask("A medium-sized Shanghai biotech client holds the 'Little Giant' qualification. Under the city's SME "
                       "policy financing guarantee fund, what's the cap on a single guarantee for them?")
    assert first.total_yuan == 30_000_000
    answer = engine.ask("Also, what's the current one-year LPR?", first.session_id)
    assert answer.status.value == "out_of_scope"


def test_a_bare_amount_asked_of_new_drug_trials_is_not_refused(engine):
    answer = engine.ask("新药临床能补多少？")
    # the commonest hotline question: （五）'s ceilings by phase, the phase asked for
    assert answer.status.value != "out_of_scope"
    assert answer.citations[0].chunk_id == "policy2024:05"
    assert "1000万元" in answer.answer and "3000万元" in answer.answer


def test_whether_new_drug_trials_get_money_at_all_is_not_refused(engine):
    # "有补贴吗" asks whether there is money, in as few words as the amount ask above
    for question in ("新药临床有补贴吗", "新药临床有补助吗"):
        answer = engine.ask(question)
        assert answer.status.value == "answered", question
        assert answer.citations[0].chunk_id == "policy2024:05"
        assert "2000万元" in answer.answer


def test_which_accounting_firm_to_hire_is_refused_even_inside_a_conversation(engine):
    first = engine.ask("我们有个基因治疗1类新药，确证性临床投入9000万，市里能给多少？")
    assert first.total_yuan == 30_000_000
    for question in ("申报材料里的专项审计报告，必须找哪家会计师事务所出？", "Can you recommend an accounting firm for the audit report?"):
        answer = engine.ask(question, first.session_id)
        assert answer.status.value == "out_of_scope", question
        assert not answer.citations


def test_a_foreign_regulators_own_procedure_is_refused_but_its_registration_is_paid_for(engine):
    refused = engine.ask("Also, can you walk me through the FDA De Novo application process?")
    assert refused.status.value == "out_of_scope"
    paid = engine.ask("我们产品拿了FDA注册，在美国开卖了，研发投入2000万，能补多少？")
    assert paid.citations[0].chunk_id == "policy2024:36" and paid.total_yuan == 6_000_000
