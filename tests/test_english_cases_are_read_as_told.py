"""English cases are read as told: a seat "registered in Jinqiao, Pudong" names no
Pudong plan; "support for taking on outsourced manufacturing" is the contractor's, not the commissioning party's;
"what total can we expect" asks the amount; a site's running cost in another currency is background, no base;
"2 of those 5" counts two items.

Figures: （二十四） 10% of the annual contract output value, at most 500万元 a product, 1000万元 an enterprise a year;
（六） 300万元 a product in special review, 40% of the R&D spend at most 800万元 on first registration, 3000万元 a year.
"""

CASE = ("China rep of a Korean CDMO here. Our Shanghai subsidiary (registered in Jinqiao, Pudong) did contract "
        "manufacturing for two clients this year, neither has any shareholding or investment tie with us. Product A: "
        "contracted production value for the year USD 3 million (please use 1 USD = 7.2 RMB). Product B: RMB 60,000,000. "
        "The site costs roughly 900 million KRW a month to run, if that matters. ")


def test_the_contractors_two_products_are_computed(engine):
    answer = engine.ask(CASE + "Under Shanghai's support for taking on outsourced manufacturing, what total can we expect "
                               "for this year?")
    # 10% × 21,600,000 = 2,160,000; 10% × 60,000,000 = 6,000,000 → 5,000,000; total 7,160,000
    assert answer.status.value == "answered"
    assert answer.citations[0].chunk_id == "policy2024:24"
    assert answer.total_yuan == 7_160_000
    assert [v.verdict for v in answer.verdicts] == ["eligible"]


def test_an_english_count_of_those_counts_the_items(engine):
    answer = engine.ask("Our subsidiary is registered in Shanghai Minhang. This year 5 of our products were accepted into "
                        "Shanghai's innovative medical device special review procedure, and 2 of those 5 also got their "
                        "first registration certificates and started production in Shanghai. R&D spend for those two was "
                        "RMB 24 million and RMB 21.6 million. What's the maximum total?")
    # （六）: 5 × 300万 + 2 × min(40% × spend, 800万) = 3100万, above the 3000万 a year per entity
    assert answer.total_yuan == 30_000_000
    assert "7 items" in answer.answer


def test_the_whole_of_the_counted_shows_is_no_item_of_its_own(engine):
    answer = engine.ask("Our Shanghai-registered subsidiary plans to exhibit at 15 international shows next year. Each booth "
                        "+ travel budget is about RMB 120k, so 1.8M total. What's the most the city would reimburse?")
    # （三十七）: 15 × min(50% × 120k, 50k) = 750k, above the 500k a year per entity
    assert answer.total_yuan == 500_000
    assert "15 items" in answer.answer


def test_a_yearly_limit_asked_of_both_stages_sums_them_under_the_cap(engine):
    first = engine.ask("Hi, we're a Shanghai-registered biotech developing a Class 1 CAR-T cell therapy. Our early-stage "
                       "clinical trial is done, R&D spend RMB 50 million. How much can we get?")
    assert first.total_yuan == 15_000_000
    second = engine.ask("And once we move to the confirmatory trial, with 50,000,000元 of R&D for it?", first.session_id)
    assert second.total_yuan == 20_000_000
    answer = engine.ask("Is there a yearly limit if we claim both in the same year? Which office handles it?", first.session_id)
    assert answer.answer.startswith("Yes.")
    assert "RMB 100,000,000" in answer.answer.splitlines()[0]
    assert answer.total_yuan == 35_000_000
    assert "市科委" in answer.answer


def test_the_policy_called_by_its_english_name_several_opinions_is_answered(engine):
    answer = engine.ask("For the Shanghai biomedicine 'Several Opinions': what's the document number, which office issued "
                        "it, and until what date is it valid?")
    assert answer.status.value == "answered"
    assert not answer.answer.startswith("That question is outside")
    assert "沪府办规〔2024〕9号" in answer.answer and "July 31, 2029" in answer.answer
    assert "上海市人民政府办公厅" in answer.answer


def test_cash_for_a_foreign_rd_centre_is_no_device_ceiling(engine):
    answer = engine.ask("We're a foreign-invested company already registered in the Shanghai pilot free trade zone. Can we "
                        "develop gene therapy technology there, and is there any cash subsidy for setting up our R&D center?")
    # （三十四） supports 外资研发中心 and the FTZ gene therapy pilot, with no amount; （六）'s device ceilings are not it
    assert [c.chunk_id for c in answer.citations][:1] == ["policy2024:34"]
    assert "does not specify an amount" in answer.answer
    assert "3,000,000" not in answer.answer and not answer.calculations
