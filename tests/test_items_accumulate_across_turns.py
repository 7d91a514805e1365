"""Items, counts and per-item amounts add up across the turns of a conversation: an item added after several
turns joins every item computed so far, not only the last turn's; a spend corrected after a turn on another
product corrects the item it was said of; and several like items in one year, their number unsaid, come to at
most the annual cap, which leads. Promises of the question path, run on the real index."""

import pytest
from asking import cited, turns

from assistant.conversation.understand import understand
from assistant.records import Status
from index.documents import catalogue


def test_an_item_added_after_two_stages_joins_both_stages_in_the_total(engine):
    *_, total = turns(engine,
                      "我们是上海注册的药企，1类新药I期临床完成了，研发投入2000万，能支持多少？",
                      "这个药的II期今年也做完了，研发投入3500万，这一期能拿多少？",
                      "还有另一个1类新药III期完成了，研发投入6000万，今年一共最多多少？")
    # 40% × 2000万 = 800万; 40% × 3500万 = 1400万; 40% × 6000万 = 2400万; 4600万 under the 1亿 annual cap
    assert cited(total)[0] == "policy2024:05"
    assert total.total_yuan == 46_000_000


def test_an_item_added_in_english_after_two_stages_counts_all_three(engine):
    *_, total = turns(engine,
                      "Shanghai-registered company, Class 1 new drug, Phase I finished with R&D spend of RMB 15 million. "
                      "What can we get?",
                      "That drug also completed Phase II this year, spend RMB 30 million. And for that stage?",
                      "Plus another Class 1 drug that finished Phase III with RMB 50 million spent. Total for the year?")
    # 600万 + 1200万 + 2000万
    assert total.total_yuan == 38_000_000


def test_a_drug_spend_corrected_after_a_device_turn_corrects_the_drug_item(engine):
    first, _, corrected = turns(engine,
                                "上海注册的药企，1类新药II期临床结束，研发投入4000万，最多支持多少？",
                                "我们另外还有一个创新医疗器械进入了特别审查程序，这个能给多少？",
                                "抱歉刚才讲错了，那个II期的研发投入应该是4500万")
    assert first.total_yuan == 16_000_000
    assert corrected.status is Status.ANSWERED
    assert cited(corrected)[0] == "policy2024:05"
    assert corrected.total_yuan == 18_000_000  # 40% × 4500万, under the 2000万 ceiling of Ⅱ期


def test_several_fairs_in_a_year_lead_with_the_yearly_cap(engine):
    _, total = turns(engine, "企业参加国际展会，一次最高补贴多少？", "一年里要去好几个展会，总共最多能补多少？")
    assert total.status is Status.ANSWERED
    assert total.answer.lstrip().startswith("年度上限") and "50万元" in total.answer.split("\n")[0]


def test_several_fairs_in_a_year_in_english_lead_with_the_yearly_cap(engine):
    _, total = turns(engine, "What does the policy give for taking part in an international exhibition?",
                     "We will attend several exhibitions in one year. What is the most in total?")
    first_line = total.answer.lstrip().split("\n")[0]
    assert "500,000" in first_line


def test_a_word_holding_an_english_number_is_no_count():
    # "attend" holds "ten": no count of ten fairs
    question = understand("If we attend several trade fairs this year, what's the most?", None, catalogue())
    assert question.facts.item_count is None


def test_several_said_in_chinese_asks_no_count():
    question = understand("一年参加好几个展会，合计最多能拿多少？", None, catalogue())
    assert "figure" not in [a.kind.value for a in question.asks]


def test_what_is_available_for_another_rule_of_the_measure_joins_the_total(engine):
    # "What's available for that?" asks for the support of the rule the sentence names (an award), so the
    # overseas trial joins the three capability projects: 3 × 100万 + 2000万, under the 1亿 annual cap of （十二）
    *_, available, total = turns(engine,
                                 "We're a Shanghai CRO. For a project to upgrade our clinical trial services to "
                                 "international standards, what's the max per project?",
                                 "We're running three such projects this year.",
                                 "We also run a high-level clinical trial of our own innovative product overseas. "
                                 "What's available for that?",
                                 "So what's the most we could get this year in total under this measure?")
    assert available.total_yuan == 20_000_000
    assert total.total_yuan == 23_000_000


def test_a_total_asked_with_the_yearly_cap_leads_with_the_cap(engine):
    # （六）: 300万 + 40% × 1650万 = 660万 → 960万, under 每个单位每年累计支持金额最高3000万元, which leads
    *_, total = turns(engine,
                      "我们是做神经介入器械的小公司，注册在闵行。产品上个月进了国家药监局的创新特审通道，这一步市里最多给多少？",
                      "那等拿到注册证、在上海投产以后呢？我们这个产品研发大概投了1,650万",
                      "这两块加起来，一年有没有封顶？")
    assert total.total_yuan == 9_600_000
    assert total.answer.startswith("年度上限") and "3000万元" in total.answer.split("\n")[0]
    assert "960万元" in total.answer[:160]


def test_groups_of_items_each_with_its_own_amount_are_each_computed(engine):
    """"其中3个小展每个8万元，另外3个大展每个30万元": three fairs at 4万 (50% of 8万) and three at the 5万 ceiling —
    （三十七）: "不超过项目经费的50%，最高5万元…每个单位每年累计支持金额不超过50万元"."""
    answer = engine.ask("我们是上海注册的器械企业，今年参加了7个国际展会，都经认定：其中4个小展每个项目经费6万元，"
                        "另外3个大展每个40万元。按（三十七）今年总共能拿多少？")
    assert [c.amount_yuan for c in answer.calculations] == [30_000] * 4 + [50_000] * 3
    assert answer.total_yuan == 270_000


def test_a_count_of_questions_is_no_count_of_items(engine):
    """"两个问题：…参加了3个国际展会，每个项目经费8万元": three fairs, the two questions are the asks."""
    answer = engine.ask("两个问题：我们公司（上海注册）今年参加了3个国际展会，每个项目经费8万元，按（三十七）能补多少？"
                        "另外（六）的责任单位是哪些？")
    assert answer.total_yuan == 120_000


def test_an_insurer_asking_for_its_client_gets_the_clients_award(engine):
    """（十三）: "按照规定对投保企业给予实际缴纳保费的50%，最高分别50万元…": an insurer asking for the company it insured
    is answered for that company; an insurer asking for itself is not the 投保企业."""
    client = engine.ask("我是保险公司的。客户是上海注册的药企，给国内Ⅱ期临床买了临床试验责任险，交了40万保费，能补多少？")
    assert client.total_yuan == 200_000
    itself = engine.ask("我们是保险公司，自己能申请临床试验责任险的保费补贴吗？")
    assert {v.verdict for v in itself.verdicts} == {"not_eligible"}


def test_a_drug_added_after_an_overseas_trials_premium_keeps_its_own_trial_place_unsaid(engine):
    _, added = turns(engine,
                     "我们在美国做海外临床试验，买了责任险，保费80万，能补多少？",
                     "再加上一个1类新药Ⅱ期，研发投入3000万，一共能拿多少？")
    # （十三）: 50% × 80万 = 40万 (海外 ceiling 100万); （五）: 40% × 3000万 = 1200万 (Ⅱ期 ceiling 2000万). The trial abroad
    # was said of the insured trial, not of the drug added: no "（五） does not apply, see （十二）"
    assert "not_eligible" not in {v.verdict for v in added.verdicts}
    assert {"policy2024:05", "policy2024:13"} <= set(cited(added))
    assert added.total_yuan == 12_400_000


@pytest.mark.parametrize("question, cap_line", [
    ("我们是上海的CMO，给一家没有关联关系的企业代工，受托产值5000万；另外新建生产线固定资产投资2亿，一共能拿多少？", "年度上限（仅（二十四）的项目）"),
    ("We're a Shanghai CMO: contract output of RMB 50 million for an unrelated client, and we're also building a new "
     "plant with RMB 200 million of new investment. How much could we get in total?", "Annual cap (（二十四） items only)"),
])
def test_items_of_two_measures_in_one_message_are_each_computed_and_the_annual_cap_says_whose(engine, question, cap_line):
    answer = engine.ask(question)
    # （二十三）: min(30% × 2亿, 1亿) = 6000万; （二十四）: min(10% × 5000万, 500万) = 500万, under its own 1000万 a year
    assert {"policy2024:23", "policy2024:24"} <= set(cited(answer))
    assert answer.total_yuan == 65_000_000
    assert cap_line in answer.answer


def test_a_premium_added_beside_a_trial_stage_in_one_message_joins_the_total(engine):
    answer = engine.ask("我们公司注册在上海，有个1类新药刚做完二期临床并拿到了结果，这一期研发投入大概6000万。"
                        "另外我们给国内的临床试验买了责任险，实际交了150万保费。这两样加起来最多能拿到多少钱？")
    # （五）: min(40% × 6000万, 2000万) = 2000万; （十三）: min(50% × 150万, 50万) (国内) = 50万
    assert {"policy2024:05", "policy2024:13"} <= set(cited(answer))
    assert answer.total_yuan == 20_500_000


def test_fairs_added_beside_a_device_award_in_one_message_are_each_an_item_under_their_own_yearly_cap(engine):
    answer = engine.ask("我们是上海的一家器械公司，有个产品进了国家的创新医疗器械特别审查通道，今年第一次拿到注册证，也已经在上海投产了，"
                        "前后研发投入1500万。另外今年去国外参加了两个展会，一个花了8万，一个花了15万。这些一共能补多少？")
    # （六）: 300万 + min(40% × 1500万, 800万) = 900万; （三十七）: min(50% × 8万, 5万) + min(50% × 15万, 5万) = 9万
    assert {"policy2024:06", "policy2024:37"} <= set(cited(answer))
    assert answer.total_yuan == 9_090_000
    assert "年度上限（仅（三十七）的项目）" in answer.answer and "年度上限（仅（六）的项目）" in answer.answer


def test_like_items_of_the_same_measure_said_with_also_stay_that_measures(engine):
    *_, total = turns(engine, "1类新药国内III期，上海注册申请人，已实现产出，研发投入1亿，能拿多少？",
                      "同一年我们还有两个III期，研发投入也都是1亿，三个加起来多少？")
    assert total.total_yuan == 90_000_000 and cited(total)[0] == "policy2024:05"


@pytest.mark.parametrize("question", [
    "我们是上海的CMO，有两块：一是受托生产产值5000万，二是新建生产线新增投资2亿，一共能拿多少？",
    "We're a Shanghai CMO with two things: contract output of RMB 50 million, and a new production line with RMB 200 "
    "million of new investment. What's the total we could get?",
])
def test_a_new_investment_listed_beside_a_cmos_output_is_the_industrialisation_item_never_a_second_product(engine, question):
    answer = engine.ask(question)
    # （二十四） is paid on 受托年生产产值, never on a construction investment: the 2亿 is （二十三）'s 30% (6000万)
    assert answer.total_yuan == 65_000_000
    assert {"policy2024:23", "policy2024:24"} <= set(cited(answer))
    assert "10% × RMB 200,000,000" not in answer.answer and "10% × 2亿元" not in answer.answer


def test_a_total_of_two_measures_in_a_year_asked_as_the_most_leads_with_the_sum(engine):
    *_, total = turns(engine, "上海注册，1类新药二期做完，研发60,000,000元能补多少", "器械进了国家创新特别审查，再加多少",
                      "两项加起来一年最多多少，一句话")
    # （五）: min(40% × 6000万, 2000万) = 2000万; （六）: 300万; each under its own yearly cap (1亿, 3000万)
    assert total.total_yuan == 23_000_000
    assert "2300万元" in total.answer.splitlines()[0]


def test_fairs_added_after_a_cmo_turn_each_count_under_their_own_yearly_cap(engine):
    *_, total = turns(engine, "CMO受托产值3000万能拿多少", "另外参加了两个海外展会，每个花了10万，这两块加起来，一年有没有封顶？")
    # （二十四）: min(10% × 3000万, 500万) = 300万; （三十七）: 2 × min(50% × 10万, 5万) = 10万, under its 50万 a year
    assert total.total_yuan == 3_100_000
    assert {"policy2024:24", "policy2024:37"} <= set(cited(total))
    assert "年度上限（仅（三十七）的项目）" in total.answer
