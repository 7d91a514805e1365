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
