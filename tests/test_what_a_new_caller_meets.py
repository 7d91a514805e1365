"""What a caller trying the service for the first time meets, turn by turn: a follow-up pointing at what it then
states ("那这个呢：…保费交了80万") asks of that new thing, and "加起来多少" sums every measure discussed, a ceiling
given without a base included; work done for the asker's own subsidiary is a related party's; "这个政策" asked first is
the policy in force; a share heard of one measure is checked against that measure, not found in another; a service got
("can we get faster review") is a yes or no, not an amount; a guarantee's ceiling is no money received; a sentence
quoted for one ask is not quoted again for the next; the article asked for names itself first; the departments asked
beside a figure are that figure's article's; a company placing the orders is not （二十四）'s contractor; a product
"registered overseas" names a registration, no trial abroad; after a profile statement, "我们能享受哪些政策？" runs the
match; a year named as when the asker would apply ("2030年还能申请…吗") is weighed against the term; a share heard beside
a right ceiling is put right; "这两项" after two measures' items counts those two, and items of a new measure stated
with "另外…加起来" add to every item before; "另一个品种" after a refused aside adds to the product before; a hotline's request for the reply's form
("给一句话口径", "一句话就行") is no topic of its own, so the article and departments asked beside it are answered; a ceiling heard and asked
to be confirmed ("…对吧？") that the case does not meet is put right ("不对"), not refused; "两家没有股权关系" names the
deal's two parties, no two items. Each is run on the real index."""

import pytest
from asking import cited, turns

LEAD = 160


def test_a_pointer_to_what_follows_asks_of_the_new_premium_and_the_total_adds_both(engine):
    first, premium, total = turns(engine, "我们1类新药II期临床研发投入5000万，能拿多少？",
                                  "那这个呢：国内临床试验责任险保费交了80万", "加起来多少？")
    assert first.total_yuan == 20_000_000  # （五）: min(40% × 5000万, 2000万)
    # （十三）: "按照规定对投保企业给予实际缴纳保费的50%，最高分别50万元、100万元支持": 50% × 80万
    assert cited(premium)[0] == "policy2024:13" and premium.total_yuan == 400_000
    assert total.total_yuan == 20_400_000 and "2040万" in total.answer[:LEAD]


def test_a_total_adds_a_ceiling_given_with_no_base_before(engine):
    _, _, total = turns(engine, "我们在海外做了一个创新药的临床试验，上海能给支持吗？",
                        "那这个呢，我们还买了海外临床试验责任险，保费交了300万", "加起来多少？")
    # （十二） 最高2000万元 (no base: its ceiling) + （十三） min(50% × 300万, 100万)
    assert total.total_yuan == 21_000_000 and set(cited(total)[:2]) == {"policy2024:12", "policy2024:13"}


@pytest.mark.parametrize("question", [
    "我们给我们的子公司做委托生产，年产值8000万，可以申请CMO支持吗？",
    "We manufacture for our own subsidiary under contract, RMB 80 million of output. Can we get the CMO support?",
])
def test_manufacturing_for_the_askers_own_subsidiary_is_a_related_party(engine, question):
    answer = engine.ask(question)
    # （二十四）: "（委托双方应无投资等关联）"
    assert cited(answer)[0] == "policy2024:24" and [v.verdict for v in answer.verdicts] == ["not_eligible"]


@pytest.mark.parametrize("question", ["请问这个政策什么时候到期？", "請問這個政策什麼時候到期？", "When does this policy expire?"])
def test_this_policy_asked_in_the_first_turn_is_the_policy_in_force(engine, question):
    answer = engine.ask(question)
    assert cited(answer) == ["policy2024:validity"] and ("2029" in answer.answer[:LEAD * 2])


def test_a_share_heard_of_one_measure_is_put_right_by_that_measure(engine):
    answer = engine.ask("据说境外注册销售那条是按研发投入的40%支持？我们上海注册，产品已在欧洲EMA获批并在德国销售，研发投入6000万，最多多少？")
    # （三十六）: "择优给予不超过研发投入的30%，最高1000万元支持"; （六）'s 40% is another measure's
    assert cited(answer)[0] == "policy2024:36" and answer.answer.startswith("不对")
    assert "30%" in answer.answer.splitlines()[0] and answer.total_yuan == 10_000_000


def test_a_service_got_is_a_yes_or_no_not_an_amount(engine):
    answer = engine.ask("We're a Shanghai firm with a Class III device. Can we get priority registration testing?")
    # （十五）: "对重点研发的第三类医疗器械提供申报资料预审查、优先安排注册检测等服务"
    assert cited(answer)[0] == "policy2024:15" and answer.answer.startswith("Yes")


def test_a_guarantee_ceiling_is_no_money_received(engine):
    answer = engine.ask("中小微企业融资担保额度上限是多少？")
    # （二十九）: "将生物医药中小微科创企业单笔批次担保额度上限提高至2000万元"
    first = answer.answer.splitlines()[0]
    assert "2000万元" in first and "最高可获" not in first


def test_a_sentence_quoted_for_one_ask_is_not_quoted_again_and_the_article_asked_names_itself(engine):
    answer = engine.ask("热线：并购基金是哪一条？有没有给企业补贴金额？")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("（二十八）") and lines[1] == "原文没有规定具体支持金额。"
    assert answer.answer.count("设立上海市生物医药产业并购基金") == 1


def test_the_departments_asked_beside_a_figure_are_that_figures_articles(engine):
    answer = engine.ask("来电咨询：中小微企业融资担保额度提高到多少？对应条款和责任单位")
    assert cited(answer) == ["policy2024:29"] and "原文没有列出责任单位" not in answer.answer


def test_whether_there_is_support_which_article_and_who_are_each_answered(engine):
    answer = engine.ask("有企业来电问去国外参加展会有没有补贴，哪条，谁管？")
    # （三十七）: "给予不超过项目经费的50%，最高5万元支持" (责任单位：市科委、市药品监管局、市财政局)
    assert cited(answer)[0] == "policy2024:37" and "5万元" in answer.answer[:LEAD] and "市科委" in answer.answer[:LEAD * 2]


def test_the_company_placing_the_orders_is_not_the_contractor(engine):
    answer = engine.ask("We commission an unrelated CDMO to make our approved drug, RMB 40 million of output this year. "
                        "Can our company, which places the orders, get the contract manufacturing subsidy?")
    # （二十四）: "按照规定给予受托方不超过受托年生产产值的10%"
    assert cited(answer)[0] == "policy2024:24" and [v.verdict for v in answer.verdicts] == ["not_eligible"]


def test_a_product_registered_overseas_names_no_trial_abroad(engine):
    answer = engine.ask("We're a Shanghai-registered biotech. Our in-house antibody got FDA approval last month, but the "
                        "US launch isn't until next year, so no sales yet. Can we apply now for the city's support for "
                        "innovative products registered overseas?")
    # （三十六）: "…注册，并在当地实现销售的": no sale yet, and no trial abroad told (（十二） is not named)
    assert cited(answer) == ["policy2024:36"] and [v.verdict for v in answer.verdicts] == ["not_eligible"]


def test_after_a_profile_statement_which_policies_apply_runs_the_match(engine):
    _, matched = turns(engine, "我们的CAR-T产品是1类新药，早期临床做完了，研发花了RMB 50 million", "我们能享受哪些政策？")
    assert matched.answer.startswith("政策匹配结果") and cited(matched)[0] == "policy2024:05"


@pytest.mark.parametrize("question, verdict", [("2030年还能申请这个创新药临床补贴吗？", "not_eligible"),
                                               ("2028年还能申请1类新药临床补贴吗？", "eligible")])
def test_a_year_to_apply_in_is_weighed_against_the_term(engine, question, verdict):
    answer = engine.ask(question)
    # "本意见自2024年8月1日起实施，有效期至2029年7月31日"
    assert "policy2024:05" in cited(answer) and [v.verdict for v in answer.verdicts] == [verdict]


def test_a_share_heard_beside_a_right_ceiling_is_put_right(engine):
    answer = engine.ask("智能化改造项目听说能补总投资的30%，最高1亿，对吗？")
    # （二十三）: "高端化、智能化、绿色化改造…不超过核定项目总投资的10%，最高1亿元支持"
    first = answer.answer.splitlines()[0]
    assert first.startswith("不对") and "10%" in first and "30%" in first and "1亿" in first


def test_these_two_after_two_measures_items_counts_those_two(engine):
    _, cmo, total = turns(engine, "国内临床试验责任险保费60万能补多少？", "另外我们CMO一个品种受托产值3000万呢？", "把这两项全部加起来一共多少？")
    # （十三） 50% × 60万 = 30万; （二十四） 10% × 3000万 = 300万: one CMO product, not two
    assert cmo.answer.startswith("按") and total.total_yuan == 3_300_000


def test_items_of_a_new_measure_said_with_a_total_add_to_every_item_before(engine):
    *_, total = turns(engine, "国内临床试验责任险保费60万能补多少？", "海外临床试验责任险保费300万呢？",
                      "另外参加了两次国际展会，每次经费8万，加起来一共能拿多少？")
    # 30万 + min(50% × 300万, 100万) + 2 × （三十七）'s 50% × 8万
    assert total.total_yuan == 1_380_000 and {"policy2024:13", "policy2024:37"} <= set(cited(total))


def test_another_product_after_a_refused_aside_adds_to_the_product_before(engine):
    *_, total = turns(engine, "我们是上海CMO，一个品种产值5000万，能拿多少", "你们觉得哪家CDMO最好？", "好吧，那另一个品种产值2000万呢？加起来多少？")
    assert total.total_yuan == 7_000_000  # （二十四）: 500万 (ceiling) + 10% × 2000万


@pytest.mark.parametrize("question, article", [
    ("企业去德国参加医疗器械展会，展位费能报吗？哪一条，哪些部门负责，给一句话口径", "policy2024:37"),
    ("伦理审查要多久？给我条款号和责任单位，一句话就行", "policy2024:10"),
])
def test_the_form_of_the_reply_asked_is_no_topic_and_the_article_and_departments_are_answered(engine, question, article):
    answer = engine.ask(question)
    assert cited(answer) == [article] and "不在现有政策资料的范围内" not in answer.answer
    assert "责任单位是" in answer.answer and "原文没有列出责任单位" not in answer.answer


def test_a_ceiling_heard_and_asked_to_be_confirmed_is_put_right_not_refused(engine):
    answer = engine.ask("中小微企业担保额度上限提到3000万了对吧？")
    # （二十九）: 中小微 "提高至2000万元"; 3000万 is for "拥有…资质的生物医药中型科创企业"
    assert answer.answer.startswith("不对") and "2000万元" in answer.answer[:LEAD * 2]


def test_the_two_parties_of_a_deal_said_unrelated_are_no_count_of_items(engine):
    answer = engine.ask("我们把一个新药的海外权益授权给了一家美国公司，首付款1.5亿元人民币，两家没有股权关系，"
                        "请律师和咨询机构一共花了600万，能补多少？")
    # （三十六）: "对于首付款1亿元以上的海外权益许可交易…不超过其第三方等专业服务投入的50%，最高500万元": one deal
    assert answer.total_yuan == 3_000_000 and len(answer.calculations) == 1
