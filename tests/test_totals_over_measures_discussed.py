"""A total asked over the measures a conversation discussed ("这两块加起来", "一共", "both of them in total")
adds each measure's figure as its own turn gave it: the items computed, else the ceiling shown (the annual cap
when that was what was asked), each under its own rule's caps, with each part and the ceiling caveat shown. A
premium stated after a measure of fixed ceilings is the base of the insurance measure, not that measure's.
Promises of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_two_measures_shown_as_ceilings_are_summed_by_a_count_of_parts(engine):
    *_, total = turns(engine, "做CMO受托生产的企业，一年最多能拿多少补贴？", "出国参加展会一次最多补多少？",
                      "这两块合起来最多多少")
    assert total.status is Status.ANSWERED
    assert set(cited(total)[:2]) == {"policy2024:24", "policy2024:37"}
    # （二十四）'s annual cap asked, 1000万; （三十七）'s per-fair ceiling, 5万
    assert total.total_yuan == 10_000_000 + 50_000
    assert sorted(c.amount_yuan for c in total.calculations) == [50_000, 10_000_000]
    assert "1005万" in total.answer[:160]
    assert "不是承诺金额" in total.answer


def test_a_total_with_no_count_adds_every_measure_discussed(engine):
    *_, total = turns(engine, "CMO受托生产的品种，一个最多补多少？", "参加国际展会有什么补贴？", "那总共能拿多少？")
    assert total.total_yuan == 5_000_000 + 50_000
    assert "505万" in total.answer[:160]


def test_an_english_total_of_both_measures_shown_adds_each_per_item_ceiling(engine):
    *_, total = turns(engine, "What's the most a CMO can get per product for contract manufacturing?",
                      "And for going to an international exhibition?", "So what do both of them come to altogether?")
    assert total.total_yuan == 5_050_000
    assert "5,050,000" in total.answer[:320]


def test_computed_items_of_two_measures_keep_their_own_figures_in_a_total(engine):
    *_, total = turns(engine, "我们CMO受托生产一个品种，年产值4000万，能补多少", "去欧洲参展花了6万，能补多少",
                      "两块一共多少？")
    assert total.total_yuan == 4_000_000 + 30_000


def test_a_premium_after_an_overseas_trial_award_is_the_insurance_measures_base(engine):
    trial, premium = turns(engine, "我们在欧洲做创新药临床试验，市里有支持吗？最多多少？",
                           "这个海外试验投保了临床试验责任险，保费一共300万，能补多少？")
    assert cited(trial)[0] == "policy2024:12"
    assert cited(premium)[0] == "policy2024:13"
    assert premium.total_yuan == 1_000_000


def test_an_item_added_by_its_award_at_a_rules_ceiling_joins_the_total(engine):
    *_, total = turns(engine, "我们是上海注册的药企，1类新药II期研发投入3000万，能拿多少",
                      "再加上另一个产品的I期（按最高1000万算），一共多少？")
    # （五）'s Ⅱ期 40% × 3000万 = 1200万, and Ⅰ期 at its 1000万 ceiling
    assert total.total_yuan == 12_000_000 + 10_000_000
    assert sorted(c.amount_yuan for c in total.calculations) == [10_000_000, 12_000_000]


def test_an_english_award_said_beside_its_stage_is_added_at_that_ceiling(engine):
    *_, total = turns(engine, "Shanghai-registered, Class 1 new drug, Phase III R&D spend RMB 50 million: how much?",
                      "Plus a Phase II award of RMB 20 million for another drug, what's the total?")
    assert total.total_yuan == 20_000_000 + 20_000_000


def test_a_relation_said_of_one_item_named_by_its_figure_fails_that_item_alone(engine):
    *_, total = turns(engine, "We are a Shanghai CMO. One unrelated client's product had RMB 20 million of contracted "
                              "output this year; what's the ceiling?",
                      "Two more unrelated clients: RMB 40 million and RMB 90 million of output. Total for all three?",
                      "Actually the 40m client is partly owned by our shareholder. Total now?")
    # 10% of 2000万 = 200万 and 10% of 9000万 capped at 500万; the 4000万 client's item fails the relation condition
    assert total.total_yuan == 2_000_000 + 5_000_000
    assert sorted(c.amount_yuan for c in total.calculations) == [0, 2_000_000, 5_000_000]


def test_two_companies_awards_under_two_measures_add_up_each_as_its_turn_computed_it(engine):
    # （五） CGT early stage: min(40% × 3000万, 1500万) = 1200万; （二十四）: min(10% × 8000万, 500万) = 500万.
    # "这两家企业" counts the companies the total adds, not two products of the measure discussed last
    *_, total = turns(engine, "我们是一家细胞治疗企业，1类新药在国内做I期临床，研发投入3000万，能拿多少？",
                      "另一家公司是CMO，承接外部客户的委托生产，合同金额8000万，能拿多少？",
                      "这两家企业的补贴加在一起，总共最多是多少钱？")
    assert total.total_yuan == 12_000_000 + 5_000_000
    assert set(cited(total)[:2]) == {"policy2024:05", "policy2024:24"}
    assert "1700万" in total.answer[:160]


def test_an_english_total_of_two_companies_adds_both_and_a_sister_cmo_with_outside_clients_is_unrelated(engine):
    _, cmo, total = turns(engine, "Our Class 1 drug is in a domestic Phase II trial, R&D spend RMB 30 million. How much can we get?",
                          "Our sister company is a CMO with RMB 80 million of contract output for outside clients. "
                          "How much for them?",
                          "What do the two companies get combined?")
    # the CMO's clients are outside ones: no relation between the parties of its contracts
    assert cmo.total_yuan == 5_000_000
    assert total.total_yuan == 12_000_000 + 5_000_000


def test_an_english_count_of_projects_named_at_length_multiplies_the_per_project_ceiling(engine):
    # （二十）: 择优给予每个项目最高200万元支持 — two projects, 400万
    answer = engine.ask("Our company is running two innovative device demonstration application projects with Shanghai "
                        "hospitals (post-market real-world studies). What's the most we could get for both together?")
    assert answer.total_yuan == 4_000_000
