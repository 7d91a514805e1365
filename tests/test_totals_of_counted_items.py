"""A total asked of a count of items ("两项加起来", "两项合计") adds the items the conversation computed, whatever
article the policy's own "两项" stands in; an everyday word jieba tags as a place ("东西") puts no question out of
scope; an English case naming the industrialisation measure's project in its own words is computed on its first
turn. Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_two_items_of_one_measure_added_up_by_count_are_summed_not_sent_to_the_measure_saying_两项(engine):
    *_, total = turns(engine, "我们公司在上海注册，新药拿了FDA批准并在美国上市销售，研发投入2000万，能给多少",
                      "我们还把海外权益授权给无关联的外企，首付款1.5亿，第三方专业服务花了600万",
                      "这两项加起来一共多少")
    assert total.status is Status.ANSWERED
    assert cited(total)[0] == "policy2024:36"
    assert total.total_yuan == 6_000_000 + 3_000_000


def test_two_items_of_two_measures_added_up_by_count_sum_both_measures(engine):
    first, second, total = turns(engine, "我们1类新药国内I期做完了，研发投入1000万，能拿多少",
                                 "另外一个产品在海外开展高水平临床试验，最多能拿多少", "两项合计最多多少")
    assert (first.total_yuan, second.total_yuan) == (4_000_000, 20_000_000)
    assert set(cited(total)[:2]) == {"policy2024:05", "policy2024:12"}
    assert total.total_yuan == 24_000_000


def test_things_asked_of_a_pilot_in_everyday_words_are_in_scope(engine):
    answer = engine.ask("研发用物品进口试点现在包括哪些东西")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:35"


def test_an_english_technical_service_platform_with_its_new_investment_is_computed_on_the_first_turn(engine):
    answer = engine.ask("We are setting up a process development technical service platform; verified new "
                        "investment is RMB 120 million. What is the most we can receive?")
    assert answer.status is Status.ANSWERED
    assert cited(answer)[0] == "policy2024:23"
    assert answer.total_yuan == 36_000_000


def test_a_count_of_products_each_with_its_own_stage_and_spend_is_one_item_per_product(engine):
    answer = engine.ask("我们有两个1类新药，一个国内I期研发投入2,000万，另一个国内II期研发投入4,500万，合计最多多少？")
    # 40% × 2000万 = 800万 and 40% × 4500万 = 1800万, not the count taken as more items of the first stage
    assert answer.total_yuan == 8_000_000 + 18_000_000
    assert len(answer.calculations) == 2
