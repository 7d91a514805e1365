"""A document issued after every catalogued one is refused, also mid-conversation; a figure asked of a measure
that sets none is "not specified" for that measure, never a figure pulled from another article.

The catalogue's latest document dates from 2024 (沪府办规〔2024〕9号, its press conference and the 1228 reply);
（二十八） sets up the city's M&A fund with no size; （二十九） names 信贷贴息 with no rate or amount; （十一） rewards
trial teams through pay, titles and appraisal, with no money; （三） supports top scientists 按照"一事一议"; the
Pudong plan's tasks (2022–2024, expired) support without amounts.
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "上海2026年新出台的细胞治疗行动方案对企业有什么补贴？",
    "浦東2025年之後發布的生物醫藥新方案有哪些支持？",
    "Is there a new action plan for gene therapy released in 2026, and what does it fund?",
])
def test_a_plan_issued_after_the_catalogued_documents_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and not answer.citations


def test_a_later_plan_asked_mid_conversation_is_refused(engine):
    first = engine.ask("浦东那个行动方案是哪年到哪年的？")
    assert first.status is Status.ANSWERED
    later = engine.ask("那浦东2026年新出的方案补贴多少？", first.session_id)
    assert later.status is Status.OUT_OF_SCOPE and not later.citations


@pytest.mark.parametrize("question", [
    "2024年的新政策对CMO有什么支持？",
    "Does the 2024 policy support CMOs?",
])
def test_the_catalogued_2024_policy_named_by_its_year_is_still_answered(engine, question):
    answer = engine.ask(question)
    assert answer.status is not Status.OUT_OF_SCOPE


@pytest.mark.parametrize("question", [
    "市里设立的生物医药并购基金有多大？基金规模是多少？",
    "What is the fund size of the city's biomedicine M&A fund?",
])
def test_the_size_of_a_fund_the_policy_sets_up_without_one_is_not_specified(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:28"
    assert "9337" not in answer.answer  # the industry's size, another figure


def test_how_big_after_the_fund_was_discussed_is_that_funds_size_not_specified(engine):
    first = engine.ask("新政策里有没有提到并购基金？")
    assert first.citations[0].chunk_id == "policy2024:28"
    size = engine.ask("how large is it?", first.session_id)
    assert size.status is Status.NOT_SPECIFIED and size.citations[0].chunk_id == "policy2024:28"
    assert "9337" not in size.answer and "933.7" not in size.answer


@pytest.mark.parametrize("question", [
    "有没有信贷贴息？能贴多少？",
    "有無貸款貼息？貼多少？",
])
def test_whether_there_is_an_interest_subsidy_and_how_much_is_not_specified(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:29"
    assert "贴息" in answer.answer or "貼息" in answer.answer
    assert "2000" not in answer.answer  # the guarantees' ceiling prices no interest subsidy


def test_whether_trial_teams_get_cash_and_how_much_each_is_not_specified(engine):
    answer = engine.ask("临床试验团队的激励，市里会不会发奖金？每人多少？")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:11"


def test_asking_whether_the_policy_puts_a_figure_on_case_by_case_support_is_not_specified(engine):
    answer = engine.ask("Does the policy set a figure for support to world-class top scientists?")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:03"


def test_an_amount_asked_of_a_pudong_task_that_sets_none_is_not_specified_and_expired(engine):
    answer = engine.ask("浦东行动方案对高端医疗器械研发补贴多少钱？")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "pudong2022:task-05"
    assert "已到期" in answer.answer and "高端医疗器械" in answer.answer


def test_a_support_question_after_a_size_asks_that_support_not_the_size_again(engine):
    first = engine.ask("Does the city policy create an M&A fund for biomedicine?")
    size = engine.ask("how large is it?", first.session_id)
    assert size.status is Status.NOT_SPECIFIED
    support = engine.ask("and for corporate venture capital, what support is there?", size.session_id)
    assert support.status is Status.ANSWERED and support.citations[0].chunk_id == "policy2024:27"
    assert "快速通道" in support.answer


@pytest.mark.parametrize("question", [
    "What interest rate does the long-term credit subsidy give?",
    "Is there a preferential rate on credit subsidies for biotech SMEs, and how much is it?",
])
def test_the_credit_interest_subsidy_asked_in_english_is_not_specified_not_refused(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:29"


@pytest.mark.parametrize("question, chunk_id", [
    # （二十七） "对符合条件的CVC给予市属国资和产业母基金出资…等支持": no amount, no share
    ("我们几家上下游想一起设个CVC，市里的产业母基金能出资多少？占比有规定吗", "policy2024:27"),
    # （二十八） "设立上海市生物医药产业并购基金": no size, asked in 亿 with a measure word
    ("那个生物医药产业并购基金规模到底多大？多少个亿？", "policy2024:28"),
    # （十一） pay, titles and appraisal for trial teams: no share, no ceiling
    ("医院临床试验团队的绩效奖励能拿多少比例？有没有规定上限？", "policy2024:11"),
])
def test_a_later_ask_of_a_share_size_or_ceiling_the_measure_never_sets_is_not_specified_for_it(engine, question, chunk_id):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert [c.chunk_id for c in answer.citations] == [chunk_id]


@pytest.mark.parametrize("question", [
    "研究型病房建设有没有专项经费？能给多少？",
    "研究型病房建设有没有补贴？",
])
def test_money_asked_of_a_measure_that_sets_none_is_not_specified(engine, question):
    # （七） encourages 10% of beds as research beds and research wards, and sets no money: no "有" and no figure
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:07"
    assert not answer.answer.startswith("有") and "研究型病房" in answer.answer.split("\n")[0]


@pytest.mark.parametrize("follow_up", ["担保费率大概多少？", "担保费律大概多少？"])
def test_a_guarantee_fee_rate_asked_roughly_or_mistyped_is_not_specified(engine, follow_up):
    # （二十九） sets guarantee ceilings (2000万 / 3000万) and no fee rate; "费律" is a homophone typo of "费率"
    first = engine.ask("我们是小微型的生物医药科创企业，市里政策性融资担保单笔批次最多能担多少？")
    answer = engine.ask(follow_up, first.session_id)
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:29"
    assert "比例" in answer.answer.split("\n")[0]


def test_the_actual_funding_figure_for_top_scientists_is_case_by_case(engine):
    answer = engine.ask("A scientist with core IP (think Nobel-shortlist level) wants to move his lab to Shanghai. What's "
                        "the actual funding figure the city gives top scientists under the 2024 policy?")
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:03" and "一事一议" in answer.answer


def test_a_cash_award_and_a_floor_asked_of_a_measure_that_sets_neither_are_not_specified(engine):
    """（三十四）: "支持外资企业在沪设立地区总部…" — no award and no registered-capital floor."""
    answer = engine.ask("We advise a US device maker planning a regional headquarters in Shanghai. What cash award does "
                        "measure (34) give for it, and is there a minimum registered-capital threshold?")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:34"
    assert "minimum threshold" in answer.answer


@pytest.mark.parametrize("question", ["上海那个生物医药产业并购基金是哪年设立的？", "并购基金什么时候成立？规模多大？"])
def test_the_year_a_measure_sets_something_up_is_not_specified_when_the_text_gives_none(engine, question):
    """（二十八）: "设立上海市生物医药产业并购基金…" — no year, no size."""
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:28"
    assert "年份" in answer.answer


@pytest.mark.parametrize("question", [
    "Reporter here. How big is Shanghai's new biomedicine M&A fund — RMB 20 billion as people say? And when will it be launched?",
    "市里说要扶持首次突破一定产值和规模的创新产品，这个产值门槛是多少？单品年销售过5亿算不算？",
    "When will the biomedicine section of the Shanghai Data Exchange open? We want to list a dataset there.",
])
def test_a_message_whose_figure_is_unset_is_not_specified_though_its_article_is_quoted(engine, question):
    """The figure asked is what the message wants; the same article quoted beside it, or a verdict waiting on that very
    figure, answers nothing more: （二十八） sets no fund size or date, （二十二） no 产值 threshold, （三十三） no date."""
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id in {"policy2024:28", "policy2024:22", "policy2024:33"}


def test_a_figure_the_quoted_sentence_states_keeps_the_message_answered(engine):
    """"What was the industry's size in 2023, and how fast did it grow?": the reply's sentence states 9337亿元."""
    answer = engine.ask("What was the overall size of Shanghai's biomedicine industry in 2023, and how fast did it grow?")
    assert answer.status is Status.ANSWERED and "9337" in answer.answer.replace(",", "").replace("933.7", "9337")


@pytest.mark.parametrize(("question", "chunk_id"), [
    ("CRO对接国际标准开展临床试验服务能力提升项目，申请门槛是多少？", "policy2024:12"),
    ("我们CDMO成立才两年。受托生产那条补贴说要“具有成熟生产经验”，具体是要求至少几年生产经验、做过多少批次？", "policy2024:24"),
    ("We are a Shanghai CRO. To apply for the international-standard clinical-trial capability project, what is the "
     "minimum number of years in business or minimum annual revenue required?", "policy2024:12"),
])
def test_a_floor_asked_is_not_specified_and_never_answered_with_the_ceiling(engine, question, chunk_id):
    """（十二） sets 最高100万元 and （二十四） 每个品种最高500万元: ceilings, not the minimum asked for."""
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == chunk_id
    first = answer.answer.splitlines()[0]
    assert "100万" not in first and "500万" not in first


@pytest.mark.parametrize("question", ["我們是藥品經銷商，想了解上海「新優藥械」目錄多久更新一次？每季度還是每年？",
                                      "How often is the 新优药械 catalogue updated?"])
def test_how_often_a_catalogue_is_updated_is_not_specified_not_the_hospitals_one_month(engine, question):
    """（十八）: "持续更新…目录"; its "更新发布1个月内" is the hospitals' deadline after an update, no frequency."""
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:18"
    assert "1個月" not in answer.answer.splitlines()[0] and "1 month" not in answer.answer.splitlines()[0]


def test_the_basis_asked_after_an_unset_amount_is_that_amount_asked_again(engine):
    """（七）: "鼓励社会资本建设研究型医院" — no sum, so no basis either; the 10% of beds is no subsidy."""
    answer = engine.ask("社会资本投资建设研究型医院，市里给多少补贴？是按床位补还是按投资额补？")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:07"


def test_a_verdict_asked_on_a_floor_just_found_unset_is_not_specified_either(engine):
    """（二十一）: "聚焦100家重点企业…" — no revenue floor, so whether 8亿元 is enough is not said either."""
    answer = engine.ask("「4個100」裡面的100家重點企業，年營收門檻是多少？我們是做疫苗的，去年營收8億元，夠不夠格？")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:21"
    assert not answer.answer.startswith("可以")


def test_when_the_next_update_of_a_catalogue_comes_is_not_specified(engine):
    answer = engine.ask("When is the next update of Shanghai's 'New & Excellent Drugs and Devices' (新优药械) catalogue?")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:18"


def test_who_the_asker_is_finds_no_figure_for_a_share_the_text_leaves_unset(engine):
    """（二十七）: "对符合条件的CVC给予市属国资和产业母基金出资…" — no share; the asker being a CDMO is not （二十四）'s 10%."""
    answer = engine.ask("We're a listed Shanghai CDMO planning to set up a corporate venture capital (CVC) fund. What "
                        "percentage of the fund will the city's industry mother fund put in?")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:27"
    assert "10%" not in answer.answer


def test_the_years_of_a_plan_an_article_only_mentions_are_not_specified(engine):
    """（八）: "研究实施第三轮‘促进市级医院临床技能与临床创新三年行动计划’" — no years; not the policy's own term."""
    answer = engine.ask("（八）里说的第三轮“促进市级医院临床技能与临床创新三年行动计划”是哪年到哪年？")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:08"
    assert "2029" not in answer.answer.split("\n")[0]


def test_an_amount_asked_of_the_reply_letters_field_it_names_no_sum_for_is_not_specified(engine):
    """Reply 一、五是: "研究制定…合成生物学…等行动方案" — no sum per project."""
    answer = engine.ask("We're a synthetic biology start-up. How much grant money per project is on offer for synbio?")
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id in {"reply1228:1.5", "policy2024:01"}


def test_a_top_scientist_from_abroad_is_case_by_case_whatever_company_asks(engine):
    """（三）: "全球顶尖科学家…按照“一事一议”原则给予支持" — a Pudong company asking under the new policy, not the Pudong plan."""
    answer = engine.ask("I'm HR at a Pudong biotech hiring a top scientist from the US who holds core patents. Under the "
                        "new Shanghai policy, how much would the city put up for him? Is there a fixed sum?")
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:03"


def test_asking_whether_the_text_states_the_figure_just_asked_is_the_same_ask(engine):
    """"…母基金的总规模是多少亿？政策文件里有写明吗？": one ask, whose figure the sources leave unset."""
    answer = engine.ask("上海生物医药产业母基金的总规模是多少亿？政策文件里有写明吗？")
    assert answer.status is Status.NOT_SPECIFIED and not answer.verdicts


def test_a_specific_sum_asked_of_a_measure_that_sets_none_is_not_specified_not_a_yes(engine):
    """（三十四）: "支持外资企业在沪设立地区总部…" — no sum; "Is there a specific cash amount…?" is no yes/no on support."""
    first = engine.ask("Does the 2024 policy support foreign companies setting up a regional headquarters in Shanghai?")
    amount = engine.ask("Is there a specific cash amount for setting up the regional HQ?", first.session_id)
    assert amount.status is Status.NOT_SPECIFIED and amount.citations[0].chunk_id == "policy2024:34"
    assert not amount.answer.startswith("Yes")


def test_the_other_device_class_asked_after_the_class_ii_time_limit_is_not_given_it(engine):
    """（十六）'s 40个工作日 is for 第二类; "那三类呢" after it: （十五） names 第三类 and sets no time limit."""
    first = engine.ask("二类医疗器械在上海审评要多久？")
    assert "40个工作日" in first.answer
    third = engine.ask("那三类呢，有没有时限？", first.session_id)
    assert third.status is Status.NOT_SPECIFIED and third.citations[0].chunk_id == "policy2024:15"
    assert "40个工作日" not in third.answer.split("\n")[0]


@pytest.mark.parametrize("question", ["（三十六）每家每年有没有累计封顶？", "海外注册这一条，每家每年有没有累计封顶？"])
def test_whether_a_measure_without_a_yearly_cap_has_one_is_not_specified_not_another_measures_cap(engine, question):
    """（三十六） sets ceilings per product and per deal, no cap per entity and year; （十二）'s "每个单位每年累计支持不超过1亿元"
    is another measure's."""
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED and answer.citations[0].chunk_id == "policy2024:36"
    assert "1亿" not in answer.answer


@pytest.mark.parametrize(("message", "measure"), [
    ("我们请到了一位诺奖级别的科学家，带着核心专利来上海做颠覆性技术研究。市里能给多少钱？有没有个上限，比如5000万？", "policy2024:03"),
    ("听说市里对生物医药企业的长期贷款有优惠利率贴息，具体贴几个点？贴息期限多长？我们准备借8000万扩产", "policy2024:29"),
    ("如果我哋同上海一間藥企聯合搞一個企業風險投資基金（CVC），市屬國資同產業母基金會出資幾多？有冇固定比例？我哋預計規模5億。",
     "policy2024:27"),
])
def test_the_unset_amount_asked_again_with_a_guess_or_a_term_is_still_not_specified(engine, message, measure):
    # the second ask ("有没有个上限，比如5000万", "贴息期限多长", "有冇固定比例") asks of the same unset amount: no other
    # article's ceiling (（二十九）'s guarantees) nor an expired plan's figure answers it
    answer = engine.ask(message)
    assert answer.status is Status.NOT_SPECIFIED
    assert [c.chunk_id for c in answer.citations] == [measure]
    assert "3000万" not in answer.answer and "4000億" not in answer.answer


def test_a_count_left_unset_stays_not_specified_beside_the_askers_own_hope(engine):
    # （三十二）: "打造若干高质量人工智能语料库和行业数据集" — 若干, no count; "想看看有没有机会参与" asks nothing of its own
    answer = engine.ask("文件里说要打造若干高质量人工智能语料库，到底打算建多少个？我们公司做医疗数据标注的，想看看有没有机会参与。")
    assert answer.status is Status.NOT_SPECIFIED
    assert answer.citations[0].chunk_id == "policy2024:32"


def test_a_figure_guessed_after_an_unset_amount_is_no_new_topic(engine):
    # （三）: 按照“一事一议”原则给予支持; （二）: AI in drug R&D, no amount — a figure guessed as a yes or no asks the same
    scientist = engine.ask("我们刚从海外挖来一位诺奖级别的科学家，手上有核心专利，打算在上海搞颠覆性的基础研究。市里到底能给多少钱？"
                           "有没有像某些城市那样直接给1个亿？")
    assert scientist.status.value == "not_specified"
    assert [c.chunk_id for c in scientist.citations] == ["policy2024:03"]
    ai = engine.ask("我们做AI药物筛选平台的，新政说支持人工智能赋能药物研发，具体给多少钱？是不是也按投入的40%？")
    assert ai.status.value == "not_specified"
    assert [c.chunk_id for c in ai.citations] == ["policy2024:02"]
    assert not ai.calculations
