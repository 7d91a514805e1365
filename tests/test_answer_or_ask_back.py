"""When the question path answers, when it asks back, when it refuses and when it says the sources set no
figure: a yes/no on the asker's own case gets the verdict and the ceiling, a "how much" without the spend
gets the ceiling and a question for it, a match that finds nothing asks for the facts it lacks, what the
sources treat is answered whatever everyday words ask it, and what they do not treat is refused. Each test
is a promise, run on the real index, in simplified and traditional Chinese and in English."""

import pytest
from asking import cited

from assistant.records import Status


def _verdicts(answer) -> list[tuple[str, str]]:
    return [(v.measure, v.verdict) for v in answer.verdicts]


@pytest.mark.parametrize("question", [
    "我们公司在美国做临床，给试验买了责任险，保费市里能补吗？",
    "我們公司在美國做臨床，給試驗買了責任險，保費市裡能補嗎？",
    "Our company bought liability insurance for its clinical trial in the US. Can we get the city's premium subsidy?",
])
def test_a_yes_or_no_on_the_askers_own_case_gets_the_verdict_and_the_ceiling_not_a_question_back(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:13"
    assert ("13", "eligible") in _verdicts(answer)
    assert "100万" in answer.answer or "100萬" in answer.answer  # （十三）: 50% of the premium, at most 100万 overseas


def test_an_elliptical_follow_up_of_a_yes_or_no_keeps_answering_with_the_verdict(engine):
    first = engine.ask("我们给海外临床试验买了责任险，保费市里能补吗")
    domestic = engine.ask("国内临床的那种呢", first.session_id)
    assert domestic.status is Status.ANSWERED and ("13", "eligible") in _verdicts(domestic)
    assert "50万" in domestic.answer


@pytest.mark.parametrize("question", [
    "我们公司参加海外展会，能补多少？",
    "我們公司參加海外展會，能補多少？",
    "We attend trade fairs abroad. How much can we get?",
])
def test_how_much_without_the_spend_is_answered_with_the_ceiling_and_invites_the_spend(engine, question):
    """The one rule asked has its ceiling: that answers "how much"; the fee would only give the exact figure."""
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED and answer.total_yuan is None  # nothing computed without the fee
    assert cited(answer)[0] == "policy2024:37"
    lead = answer.answer[:160]
    assert "5万" in lead or "5萬" in lead or "50,000" in lead
    assert any(word in answer.answer for word in ("告诉我项目经费", "告訴我項目經費", "Tell me the project costs"))


def test_a_yes_or_no_naming_a_measure_without_a_case_gives_its_ceiling_and_invites_the_spend(engine):
    answer = engine.ask("参加海外展会能补吗")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:37"
    assert "最高5万元" in answer.answer and "告诉我项目经费" in answer.answer


def test_how_much_with_several_rules_and_no_case_still_asks_which_one(engine):
    answer = engine.ask("创新医疗器械能补多少？")  # （六）: the special review procedure, or first registration and production
    assert answer.status is Status.CLARIFY and cited(answer)[0] == "policy2024:06"


def test_a_stated_spend_with_a_yes_or_no_is_computed(engine):
    answer = engine.ask("我们公司给海外临床试验买了责任险，交了120万保费，市里能补吗？")
    assert answer.status is Status.ANSWERED and answer.total_yuan == 600_000  # 50% × 120万, under 100万


@pytest.mark.parametrize("question", [
    "你好，我们是一家在张江注册的医疗器械公司，想了解下能申请什么支持。",
    "我們是一家在張江註冊的醫療器械公司，想了解一下我們能申請哪些支持？",
    "We are a medical device company registered in Shanghai. Which policies can we claim?",
])
def test_a_match_that_finds_nothing_yet_asks_for_the_products_and_amounts(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.CLARIFY
    assert answer.total_yuan == 0


def test_a_match_that_finds_a_measure_answers(engine):
    first = engine.ask("我们是一家在张江注册的医疗器械公司，想了解下能申请什么支持。")
    found = engine.ask("我们有一款产品去年进入了国家创新医疗器械特别审查程序。", first.session_id)
    assert found.status is Status.ANSWERED and found.total_yuan == 3_000_000


@pytest.mark.parametrize("question", [
    "我们是一家CRO公司，自己投保了临床试验责任险，保费能补吗？",
    "我們是一家醫院，作為臨床試驗機構自己投保了臨床試驗責任險，保費能補嗎？",
])
def test_an_organisation_insuring_itself_is_asking_about_the_premium_measure_not_personal_insurance(engine, question):
    answer = engine.ask(question)
    assert answer.status is not Status.OUT_OF_SCOPE
    assert cited(answer)[0] == "policy2024:13"


def test_a_persons_own_insurance_is_still_refused(engine):
    assert engine.ask("我自己买的商业医疗险能报销创新药吗？").status is Status.OUT_OF_SCOPE


@pytest.mark.parametrize("question", [
    "顺便问下美国FDA现在的新药申请费是多少钱？",
    "順便問一下，美國FDA現在的申報費是多少？",
    "By the way, what is the FDA's application fee for a new drug?",
])
def test_a_regulators_own_fee_is_refused_even_inside_a_conversation_on_registration_abroad(engine, question):
    first = engine.ask("我们公司在上海注册，创新药已通过FDA批准并在美国销售，研发投入5000万元，市里能给多少支持？")
    assert first.total_yuan == 10_000_000
    fee = engine.ask(question, first.session_id)
    assert fee.status is Status.OUT_OF_SCOPE and not fee.calculations


@pytest.mark.parametrize("question", [
    "区里也有类似的补贴，两边能都拿吗",
    "我們是上海的藥企，市裡和區裡的補貼能同時享受嗎？",
])
def test_support_from_two_policies_is_answered_by_the_rule_on_overlap_not_with_a_yes(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:scope"
    assert "不重复" in answer.answer or "不重複" in answer.answer
    assert not answer.answer.startswith("可以")


@pytest.mark.parametrize("question", [
    "顶尖科学家那种一事一议的，到底能给多少钱？有没有上限？",
    "頂尖科學家按一事一議支持，有具體金額嗎？",
])
def test_an_amount_the_text_leaves_case_by_case_is_not_specified_however_the_ceiling_is_asked(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:03"


def test_an_elliptical_turn_asking_for_a_set_amount_is_not_specified_either(engine):
    first = engine.ask("我是海外的顶尖科学家，想来上海做研究，政策会给多少钱？")
    young = engine.ask("那青年人才呢？有具体金额吗", first.session_id)
    assert young.status is Status.NOT_SPECIFIED and "倾斜支持" in young.answer


def test_a_figure_asked_after_the_case_it_opens_with_is_the_figure_not_a_verdict(engine):
    answer = engine.ask("If our corporate venture fund qualifies, what percentage of the fund will the city's "
                        "state-owned capital put in?")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:27"
    assert not answer.verdicts


def test_a_threshold_and_an_award_the_text_does_not_set_are_both_not_specified(engine):
    answer = engine.ask("For a blockbuster product developed in Shanghai (重磅产品), what revenue threshold triggers "
                        "support and how much is the award?")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:22"


def test_an_overall_limit_per_company_asked_after_ceilings_is_the_annual_cap(engine):
    first = engine.ask("We're developing a Class 1 gene therapy as the Shanghai-registered applicant, trials in China. "
                       "What's the ceiling for the confirmatory trial?")
    assert "30,000,000" in first.answer
    cap = engine.ask("We also have two other Class 1 drugs finishing Phase III this year. Is there an overall limit "
                     "per company?", first.session_id)
    assert cap.status is Status.ANSWERED
    assert "100,000,000" in cap.answer[:320]


def test_a_yearly_cap_asked_after_a_computed_award_is_the_cap_not_the_award_again(engine):
    first = engine.ask("Our Shanghai device got its first registration certificate and is made here; R&D was "
                       "RMB 15 million. What's the max?")
    assert first.total_yuan == 6_000_000
    cap = engine.ask("If we have several devices, is there a yearly cap for the company?", first.session_id)
    assert cap.total_yuan is None
    assert "30,000,000" in cap.answer[:320]


@pytest.mark.parametrize("question", [
    "我们公司今年参加了两个国际展会，经费分别是6万和20万，经认定后合计最多能补多少？",
    "我們今年參加了兩個國際展會，經費分別是6萬和20萬，合計最多能補多少？",
    "We attended two recognised international fairs this year, with fees of RMB 60,000 and RMB 200,000. "
    "How much can we get in total?",
])
def test_amounts_listed_together_are_each_one_items_fee(engine, question):
    answer = engine.ask(question)
    assert answer.total_yuan == 80_000  # min(50% × 6万, 5万) + min(50% × 20万, 5万) = 3万 + 5万


def test_the_count_of_items_is_not_the_number_of_the_question_pointed_back_at(engine):
    first = engine.ask("市里对参加国际展会的补助标准是什么？")
    many = engine.ask("回到第一个问题：如果我们一年参加了15个展会，每个经费20万元，总共最多能拿多少？", first.session_id)
    assert many.total_yuan == 500_000  # 15 × 5万 = 75万, over the 50万 a year per entity


def test_two_added_up_after_adding_one_item_counts_the_items_discussed(engine):
    first = engine.ask("我们是CMO，给无关联客户代工品种A，年受托产值4000万，能拿多少？")
    both = engine.ask("再加一个品种B，年受托产值7000万，两个加起来多少？", first.session_id)
    assert both.total_yuan == 9_000_000  # 400万 + 500万


@pytest.mark.parametrize("question, figures", [
    ("市里对参加国际展会的补助标准是什么？", ["50%", "5万", "50万"]),
    ("市裡對參加國際展會的補助標準是什麼？", ["50%", "5萬", "50萬"]),
    ("沪府办规〔2024〕9号对创新产品出海注册是怎么规定的？", ["30%", "1000万", "500万"]),
])
def test_a_measures_terms_asked_are_its_rates_ceilings_and_annual_cap(engine, question, figures):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert all(figure in answer.answer for figure in figures)


def test_an_elliptical_turn_naming_another_measure_after_terms_gets_that_measures_terms(engine):
    first = engine.ask("市里对参加国际展会的补助标准是什么？")
    other = engine.ask("那海外临床试验责任保险的保费补贴呢？", first.session_id)
    assert other.status is Status.ANSWERED and cited(other)[0] == "policy2024:13"
    assert "50%" in other.answer and "100万" in other.answer


@pytest.mark.parametrize("question", [
    "我们的一款创新器械预计2029年10月才能拿到注册证并落地生产。到时候还能申请拿证后的那笔支持吗？",
    "我們的創新器械預計2029年10月才能拿到註冊證並落地生產。到時候還能申請拿證後的那筆支持嗎？",
    "Our innovative device should get its registration certificate in October 2029. Can we still claim the support then?",
])
def test_a_case_after_the_policys_term_is_a_no_citing_the_term(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED  # the sentence stating the case asks no amount: no question back
    assert cited(answer)[0] == "policy2024:validity"
    assert any(verdict == "not_eligible" for _, verdict in _verdicts(answer))
    assert answer.answer.startswith(("不能", "No"))
    assert "2029年7月31日" in answer.answer or "July 31, 2029" in answer.answer


def test_a_case_within_the_funding_period_is_not_refused_for_its_month(engine):
    answer = engine.ask("我们有个项目是2024年6月中旬拿到资金支持的，也能参照这个意见吗")
    assert answer.answer.startswith("可以") and cited(answer)[0] == "policy2024:validity"


def test_money_asked_of_a_procedure_is_the_measure_that_pays_for_it_and_a_follow_up_keeps_the_yes_or_no(engine):
    first = engine.ask("Our Shanghai company's imaging device was admitted to the national special review procedure "
                       "for innovative devices. Is there money for that?")
    assert cited(first)[0] == "policy2024:06" and first.total_yuan == 3_000_000
    then = engine.ask("And once it gets the registration certificate and is made here?", first.session_id)
    assert then.status is Status.ANSWERED and ("06", "eligible") in _verdicts(then)
    assert "no more than 40% of the R&D spending, at most RMB 8,000,000" in then.answer  # the ceiling in English too


@pytest.mark.parametrize("question", [
    "我们的临床试验做完了，市里能补多少钱？",
    "我們的臨床試驗做完了，市裡能補多少錢？",
])
def test_an_amount_asked_in_words_several_measures_share_asks_which_one_then_computes_the_case(engine, question):
    asked = engine.ask(question)
    assert asked.status is Status.CLARIFY
    assert {"policy2024:05", "policy2024:12"} <= set(cited(asked))  # the clinical-trial measures that set amounts
    assert not asked.calculations
    case = engine.ask("是1类新药，注册申请人是我们在上海注册的公司，国内Ⅱ期刚完成并实现产出，研发投入3000万元。", asked.session_id)
    assert cited(case)[0] == "policy2024:05" and case.total_yuan == 12_000_000  # 40% × 3000万, under 2000万


def test_an_amount_of_a_measure_supporting_case_by_case_is_still_not_specified(engine):
    answer = engine.ask("海外顶尖科学家来上海做研究，政策会给多少钱？")
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == "policy2024:03"


@pytest.mark.parametrize("question, lead", [
    ("沪府办规〔2024〕9号现在还有效吗？", "是的。"),
    ("滬府辦規〔2024〕9號現在還有效嗎？", "是的。"),
    ("浦东那个2022-2024年的生物医药行动方案现在还能用吗？", "否。"),
    ("Is the 2024 whole-chain biomedicine policy still in force?", "Yes. "),
])
def test_a_yes_or_no_on_a_documents_validity_leads_with_yes_or_no(engine, question, lead):
    answer = engine.ask(question)
    assert answer.answer.startswith(lead)


def test_a_month_in_the_funding_period_before_the_start_is_a_yes_quoting_that_sentence(engine):
    answer = engine.ask("Our funded project started in June 2024, before the policy took effect on 1 August. "
                        "Does the 2024 policy apply to it?")
    assert answer.answer.startswith("Yes. ")
    assert "2024年6月1日至7月31日期间" in answer.answer


def test_an_and_opened_question_in_statement_order_is_a_yes_or_no(engine):
    first = engine.ask("What's the ceiling for a Class 1 drug's Phase III trial?")
    still = engine.ask("and this policy is still in force right now?", first.session_id)
    assert still.answer.startswith("Yes. ") and cited(still)[0] == "policy2024:validity"


def test_a_date_asked_is_not_a_yes_or_no(engine):
    answer = engine.ask("沪府办规〔2024〕9号有效期到什么时候？")
    assert not answer.answer.startswith(("是的", "否"))
    assert "2029年7月31日" in answer.answer[:160]


@pytest.mark.parametrize("question", [
    "这个要找哪个部门？",
    "這項政策由誰負責？",
    "加起来多少？",
    "What about the departments for that?",
])
def test_a_first_turn_that_only_points_back_is_asked_what_it_means(engine, question):
    """Nothing has been said before it: no article is guessed (an expired plan's section, a random measure's 责任单位),
    the asker is asked which measure or topic is meant."""
    answer = engine.ask(question)
    assert answer.status.value == "clarify"
    assert not answer.citations


@pytest.mark.parametrize("question, chunk_id", [
    ("这个政策还有效吗？", "policy2024:validity"),  # the policy's own term: answered
    ("新药临床那个补贴是哪些部门管？", "policy2024:05"),  # the sources' words name the topic
])
def test_a_first_turn_pointing_at_something_it_names_is_answered(engine, question, chunk_id):
    answer = engine.ask(question)
    assert answer.status.value == "answered"
    assert answer.citations[0].chunk_id == chunk_id


def test_a_writing_task_pointing_at_the_policy_is_refused_not_asked_back(engine):
    assert engine.ask("帮我把这份政策翻译成英文。").status.value == "out_of_scope"
