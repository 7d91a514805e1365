"""A follow-up keeps the document the conversation is about unless it names another one, and who may apply, asked in
the middle of a conversation, is answered from the policy's scope (支持范围: "本意见支持范围为在我市内登记注册的……").

The Pudong plan's goals are parallel items ("生物医药产业规模达到4000亿元", "获批上市10个以上国产1类新药"): a figure of
another goal, asked right after one, is the plan's, not an award of the city's policy in force.
"""

from assistant.records import Status
from tests.asking import cited, turns


def test_a_figure_of_another_goal_of_the_expired_plan_stays_in_that_plan(engine):
    _, goal, term = turns(engine, "浦东2022到2024年那个方案，产业规模要做到多大？", "那国产1类新药打算获批多少个？",
                          "这方案今天还能拿来申报吗？")
    assert cited(goal)[0] == "pudong2022:goal-1"
    assert "10个" in goal.answer
    assert cited(term)[0].startswith("pudong2022:")
    assert "已到期" in term.answer


def test_whether_that_plan_can_still_be_applied_under_is_a_question_of_its_term(engine):
    _, answer = turns(engine, "How many Class 1 new drugs did the Pudong 2022-2024 plan aim for?",
                      "Can a firm still apply under it today?")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0].startswith("pudong2022:")
    assert "expired" in answer.answer


def test_who_the_asker_is_asked_mid_conversation_is_answered_from_the_scope(engine):
    _, answer = turns(engine, "二类医疗器械注册审评要多长时间？", "我们是一家外商独资企业，也能享受这个吗？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:scope"


def test_a_condition_on_the_client_is_still_the_measures_not_the_scope(engine):
    _, answer = turns(engine, "We're a CMO making one product for an unrelated client, RMB 20 million of annual output. "
                      "How much support?", "Hold on, that client belongs to our parent company's group. Any difference?")
    assert cited(answer)[0] == "policy2024:24"


def test_a_cantonese_registration_in_hong_kong_is_told_no_not_refused(engine):
    _, answer = turns(engine, "細胞治療1類新藥做早期臨床，最多補幾多？", "我哋公司係喺香港註冊，上海暫時冇實體，可唔可以申請？")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:scope"
    assert answer.answer.startswith("不")


def test_the_new_policy_named_by_its_year_is_where_the_follow_up_looks(engine):
    _, answer = turns(engine, "答复提案里，2021年那版政策对出海成功的创新产品给多少支持？", "2024年新政呢？")
    assert cited(answer)[0] == "policy2024:36"


def test_this_part_in_the_new_policy_is_the_topic_discussed_not_the_words_left(engine):
    # the reply: 2021年…对成功出海的生物医药创新产品，按研发投入30%，最高支持1000万元; the same topic in
    # 沪府办规〔2024〕9号 is （三十六） (不超过研发投入的30%，最高1000万元), not （二十九）'s 担保额度上限
    *_, new, departments = turns(engine, "1228号提案答复里说，2021年那轮政策对成功出海的产品怎么支持？",
                                 "现在2024年的新政策对这块上限变了吗？", "这笔现在归哪些部门管")
    assert cited(new)[0] == "policy2024:36" and "30%" in new.answer[:160]
    assert cited(departments)[0] == "policy2024:36" and "市商务委" in departments.answer


def test_applying_under_the_expired_plan_in_a_later_year_is_told_it_has_ended(engine):
    answer = engine.ask("我们在浦东，2026年还能按《浦东新区生物医药产业高质量发展行动方案》申请支持吗？")
    assert answer.answer.startswith("否") and "已到期失效" in answer.answer[:120]
    assert cited(answer)[0].startswith("pudong2022:")


def test_a_figure_asked_after_leaving_the_topic_is_the_sources_figure_not_the_award_again(engine):
    # press answer (问3): 拥有35家三甲医院 — "另外问一下" leaves the insurance award discussed
    *_, count = turns(engine, "我们做海外临床试验买了责任险，保费300万，能补多少？", "那国内的呢，保费60万",
                      "另外问一下，上海现在有多少家三甲医院？")
    assert count.answer.startswith("35家") and cited(count)[0] == "press20240731:q03"
    assert not count.calculations


def test_the_city_level_one_after_the_plans_validity_is_the_policys_term(engine):
    first, city = turns(engine, "Is Pudong's 2022–2024 biomedicine action plan still something we can cite to our tenants?",
                        "ok and the city-level one from 2024?")
    assert cited(first)[0] in {"pudong2022:preamble", "pudong2022:1.2"} and "expired" in first.answer.split("\n")[0]
    assert cited(city)[0] == "policy2024:validity" and "July 31, 2029" in city.answer.split("\n")[0]
