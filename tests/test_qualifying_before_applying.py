"""A company checking whether it qualifies before it applies: the verdict (yes, no, it depends), the condition
that decides it as the text words it, and the measure that applies when a stated fact fails the one asked.

（五）: "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药…最高分别1000万元、2000万元、3000万元支持";
（十二）: "对在海外开展高水平创新产品临床试验项目，按照规定择优给予最高2000万元支持"; （二十四）: "（委托双方应无投资等关联）";
（三十六）: "对于首付款1亿元以上的海外权益许可交易（双方应无投资等关联）…" and "…并在当地实现销售的"; the scope: "本意见支持
范围为在我市内登记注册的…".
"""

import pytest
from asking import measure_verdicts

from assistant.conversation.understand import read_facts
from assistant.records import Status


def test_rd_money_asked_of_an_overseas_trial_is_a_no_on_five_pointing_to_twelve(engine):
    # "研发钱" is R&D money, not "发钱" (when the money is paid out)
    answer = engine.ask("我们是浦东一家做创新药的公司，1类新药，二期临床放在澳洲做的，市里那个按研发投入40%补的临床研发钱能申请吗？")
    assert answer.status is Status.ANSWERED
    assert ("05", "not_eligible") in measure_verdicts(answer)
    assert answer.answer.startswith("不可以") and "国内" in answer.answer.split("\n")[0]
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:12", "policy2024:05"]
    assert "2000万" in answer.answer


@pytest.mark.parametrize("question", [
    "我们这个是2类改良型新药，三期已经做完了，公司也在上海注册，那个创新药临床补贴我们够格不",
    "我们这个是2类改良型新药，三期已经做完了，公司也在上海注册，那个创新药临床补贴能申请不？",
])
def test_a_yes_no_asked_as_v_not_is_a_question_not_a_profile_statement(engine, question):
    answer = engine.ask(question)
    assert measure_verdicts(answer) == [("05", "not_eligible")]
    assert "1类新药" in answer.answer.split("\n")[0]


def test_a_sister_company_commissioning_the_production_fails_the_cmo_relation_condition(engine):
    answer = engine.ask("我们是CDMO，集团里另一家兄弟子公司委托我们生产，受托产值挺大的，能申请代工那个按产值10%的补贴不？")
    assert measure_verdicts(answer) == [("24", "not_eligible")]
    assert "关联" in answer.answer.split("\n")[0]


@pytest.mark.parametrize("question", [
    "我們公司只在香港註冊，上海這邊沒有登記任何公司，可以用上海這份生物醫藥政策申請補助嗎？",
    "我们公司只在香港注册，可以申请上海的生物医药政策补助吗？",
])
def test_a_company_registered_only_outside_shanghai_is_outside_the_scope(engine, question):
    answer = engine.ask(question)
    assert [verdict for _, verdict in measure_verdicts(answer)] == ["not_eligible"]
    assert answer.answer.startswith("不可以") and "登" in answer.answer.split("\n")[0]


def test_overseas_rights_licensed_out_place_no_trial_abroad():
    for text in ("我们上海公司把一个双抗的海外权益授权出去,首付款8000万元人民币", "we licensed the overseas rights to a partner in japan"):
        assert read_facts(text, text).trial_location is None
    text = "我们的ii期临床在海外做"
    assert read_facts(text, text).trial_location == "overseas"


def test_an_upfront_below_one_yi_is_a_no_with_no_other_measure_pointed_to(engine):
    answer = engine.ask("我們上海公司把一個雙抗的海外權益授權出去，首付款8000萬元人民幣，雙方沒有任何投資關係，可以申請專業服務費的補助嗎？")
    assert measure_verdicts(answer) == [("36", "not_eligible")]
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:36"]
    assert "1億" in answer.answer.split("\n")[0]


def test_approved_but_not_yet_sold_there_is_a_no_on_the_sales_condition_not_a_question_about_us_policy(engine):
    answer = engine.ask("我們的創新藥剛拿到FDA批准，美國那邊還沒開始賣，現在就可以申請海外註冊那筆按研發投入30%的支持嗎？")
    assert answer.status is Status.ANSWERED
    assert measure_verdicts(answer) == [("36", "not_eligible")]
    assert "銷售" in answer.answer.split("\n")[0]


def test_a_market_named_with_its_sale_denied_inside_the_phrase_is_no_sale():
    text = "我们的创新药刚拿到fda批准,美国那边还没开始卖"
    assert read_facts(text, text).sold_abroad is not True


@pytest.mark.parametrize("question, measure", [
    ("我们上海的公司把一个ADC的海外权益授权给了一家美国药企，首付款1.2亿元人民币，律师和咨询费能申请补贴吗？", "36"),
    ("我们是上海的CMO，替客户代工生产，能申请受托生产的补贴吗？", "24"),
])
def test_a_relation_left_unsaid_is_it_depends_and_a_no_relation_is_what_qualifies(engine, question, measure):
    answer = engine.ask(question)
    assert measure_verdicts(answer) == [(measure, "unknown")]
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("要看情况") and "关联" in lead and "没有则可以申请，有则不能" in lead


def test_a_relation_denied_answers_yes(engine):
    answer = engine.ask("我们上海的公司把海外权益授权给一家美国药企，首付款1.2亿元，双方没有投资关系，专业服务费能申请补贴吗？")
    assert measure_verdicts(answer) == [("36", "eligible")]


@pytest.mark.parametrize("question, verdict", [
    ("Our Shanghai team got PMDA approval in Japan for a modern TCM product. Can we apply for the 30% R&D cost support?", "unknown"),
    ("我们上海公司的创新药拿到PMDA批准，在日本已有销售收入，能申请按研发投入30%的支持吗？", "eligible"),
    ("我们上海公司的创新药通过FDA注册，已实现当地销售，能申请海外注册的支持吗？", "eligible"),
])
def test_an_approval_abroad_waits_for_the_sale_there(engine, question, verdict):
    answer = engine.ask(question)
    assert measure_verdicts(answer) == [("36", verdict)]
    if verdict == "unknown":
        assert "sold there" in answer.answer.split("\n")[0]


@pytest.mark.parametrize("question, place", [
    ("Our class 1 drug's IND holder is our Suzhou entity, but all the trials run at Shanghai hospitals. "
     "Do we qualify for Shanghai's clinical-stage funding for new drugs?", "Suzhou"),
    ("我们1类新药的注册申请人是我们苏州的公司，临床都在上海的医院做，能申请（五）的临床支持吗？", "苏州"),
])
def test_a_registration_applicant_seated_outside_shanghai_is_a_no(engine, question, place):
    answer = engine.ask(question)
    assert [verdict for _, verdict in measure_verdicts(answer)] == ["not_eligible"]
    assert place in answer.answer.split("\n")[0]


@pytest.mark.parametrize("question, lead", [
    ("Our Shanghai-developed high-end MRI system has a CE mark and is selling in Germany, but it never went through "
     "China's innovative device special review. Can we get the RMB 3 million special-review support?", "no more than 30% of the R&D spending"),
    ("我们是上海注册的器械企业，产品拿到CE认证，已经在德国卖了，但没进特别审查程序，能申请（六）的300万吗？", "不超过研发投入的30%，最高1000万元"),
])
def test_a_no_on_special_review_points_to_the_registration_abroad_the_facts_meet_with_its_terms(engine, question, lead):
    answer = engine.ask(question)
    assert measure_verdicts(answer) == [("06", "not_eligible"), ("36", "eligible")]
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:36", "policy2024:06"]
    assert lead in "\n".join(answer.answer.split("\n")[:2])
    assert not answer.calculations  # no spend stated: the terms, no figure computed from the award asked for


def test_an_award_named_after_apply_for_is_wanted_not_spent():
    text = "能申请（六）的300万吗"
    [amount] = read_facts(text, text).amounts
    assert amount.role.value == "desired"


@pytest.mark.parametrize("question", [
    "We're a Shanghai CDMO building a new biologics plant, about RMB 300m capex. Can we claim the contract-manufacturing 10% subsidy on that investment?",
    "我们是上海的CDMO，新建一个生物药工厂，建设投资3亿，能申请受托生产那个10%的补贴吗？",
])
def test_an_investment_is_no_base_of_the_cmo_support_and_the_industrialisation_measure_computes_it(engine, question):
    # （二十四） pays on 受托年生产产值; （二十三） "不超过核定新增投资的30%…最高支持1亿元": min(30% × 3亿, 1亿) = 9000万
    answer = engine.ask(question)
    assert measure_verdicts(answer) == [("24", "not_eligible"), ("23", "eligible")]
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:23", "policy2024:24"]
    assert ("产值" in answer.answer.split("\n")[0]) or ("output value" in answer.answer.split("\n")[0])
    assert answer.total_yuan == 90_000_000


def test_the_cmo_support_still_computes_on_an_output_value(engine):
    answer = engine.ask("我们是上海的CMO，一个品种受托产值6000万，能拿多少？")
    assert answer.total_yuan == 5_000_000  # min(10% × 6000万, 500万)


@pytest.mark.parametrize("text, kind", [
    ("we're a shanghai cdmo building a new plant, about rmb 300m capex.", "new_investment"),
    ("一个品种受托产值6000万", "output_value"),
    ("ii期研发投入3000万,产值不详", "rd_spend"),
    ("保费80万能补多少", "premium"),
    ("我们投了6000万", ""),
])
def test_a_base_amount_is_named_by_the_words_beside_it(text, kind):
    [amount] = read_facts(text, text).amounts
    assert amount.base_kind == kind


@pytest.mark.parametrize("question, total", [
    ("We're building a cell therapy manufacturing base in Shanghai, verified new investment RMB 200 million. What's the max support?", 60_000_000),
    ("我们在上海建细胞治疗产业化基地，核定新增投资5亿，最多能支持多少？", 100_000_000),
])
def test_a_project_new_investment_is_computed_by_the_measure_paid_on_it(engine, question, total):
    # （二十三） "不超过核定新增投资的30%…最高支持1亿元", whatever product the base is built for
    answer = engine.ask(question)
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:23"]
    assert answer.total_yuan == total


def test_a_trial_spend_called_investment_stays_with_the_trial_measure(engine):
    answer = engine.ask("我们1类新药II期临床投资了3000万，在上海注册，能拿多少？")
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:05"]
    assert answer.total_yuan == 12_000_000  # min(40% × 3000万, 2000万)


@pytest.mark.parametrize("last", ["两笔同一年拿会不会超上限", "回到刚才的，两笔同一年拿会不会超上限"])
def test_two_awards_of_a_conversation_asked_in_one_year_are_summed_under_the_annual_cap(engine, last):
    # （六） 300万 (special review) + min(40% × 1500万, 800万) = 600万 (registration), against 每年累计最高3000万
    session = None
    for question in ("我们的手术机器人进了国家创新医疗器械特别审查程序，公司在上海，有什么支持",
                     "后来拿到注册证了，在临港投产，研发投了1500万"):
        session = engine.ask(question, session).session_id
    answer = engine.ask(last, session)
    assert answer.total_yuan == 9_000_000
    assert "3000万" in answer.answer


@pytest.mark.parametrize("text, registered", [
    ("we're setting up a subsidiary in minhang next month to do device r&d and production", "shanghai"),
    ("我们准备在闵行设立一家子公司", "shanghai"),
    ("我们在苏州新设立了子公司", "elsewhere"),
])
def test_an_entity_set_up_somewhere_is_registered_there(text, registered):
    assert read_facts(text, text).registered == registered


def test_a_company_registered_elsewhere_that_sets_up_in_shanghai_gets_the_shanghai_answer_afterwards(engine):
    session = None
    for question in ("We're a Shenzhen-registered device maker. Can we use this Shanghai policy?",
                     "We're setting up a subsidiary in Minhang next month to do device R&D and production - would that entity be covered?"):
        session = engine.ask(question, session).session_id
    registering = engine.ask("How do I register that company, what documents do I need?", session)
    assert registering.status is Status.OUT_OF_SCOPE
    answer = engine.ask("Fine. Once it's set up, our device is in Shanghai's innovative device special review procedure. "
                        "What's the max support?", registering.session_id)
    assert answer.total_yuan == 3_000_000  # （六） "对进入国家和我市创新医疗器械特别审查程序的产品…最高300万元"


def test_both_stages_applied_for_in_one_year_asks_the_measures_annual_cap(engine):
    # （五） "每个单位每年累计支持金额最高1亿元", not （二十九）'s guarantee 上限
    session = None
    for question in ("我們是上海註冊的基因治療公司，1類新藥，只需要做早期和確證性臨床，早期臨床在國內做完也有產出了，最高能拿多少？",
                     "確證性那期呢？"):
        session = engine.ask(question, session).session_id
    answer = engine.ask("兩期同一年都申請，單位一年上限是多少", session)
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:05"]
    assert "1億" in answer.answer.split("\n")[0]


def test_insuring_a_trial_is_the_premium_support(engine):
    answer = engine.ask("Any support for insuring an overseas trial?")
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:13"]


@pytest.mark.parametrize("question", [
    "我们是药品上市许可持有人，产品交由外部的CDMO代工厂生产，按受托产值10%的那个补贴我们能拿吗？",
    "我們的產品委託一家CMO工廠生產，受託生產那個10%的補貼我們可以申請嗎？",
    "We hold the marketing authorisation and outsource production to a CDMO. Could we claim the 10% commissioned-production support?",
])
def test_the_owner_who_has_a_cdmo_make_its_product_is_told_the_cmo_support_goes_to_the_contractor(engine, question):
    """（二十四） "给予受托方不超过受托年生产产值的10%": the commissioning party is not who is supported."""
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert answer.answer.startswith(("不可以", "不能", "No")), answer.answer[:200]
    assert "受托方" in answer.answer or "受託方" in answer.answer
