"""The item asked and the facts told decide the verdict: an item named as not asked about ("不是特别审查那300万") is
neither denied nor paid on; what the asker does not know ("生产怎么安排我不太清楚") is no ask and leaves its condition
open; a product "being sold" abroad is sold there.

（六）: special review at most 300万元; first registration and production in Shanghai 40% of the R&D spend, at most
800万元. （三十六）: registered with FDA/EMA/CE/… and sold there, 30% of the R&D spend, at most 1000万元.
"""


def test_an_item_named_as_not_asked_about_is_not_denied_and_an_unknown_fact_leaves_the_verdict_open(engine):
    answer = engine.ask("我们是上海注册的器械公司，一个心脏瓣膜产品走了国家创新医疗器械特别审查，上个月首次拿到注册证。"
                        "拿证后生产怎么安排我不太清楚（归运营部管）。拿证这一块的研发支持（不是特别审查那300万）我们能申请吗？")
    assert [v.verdict for v in answer.verdicts] == ["unknown"]
    first = answer.answer.splitlines()[0]
    assert "取决于" in first and "落地生产" in first
    assert "800万" in answer.answer
    assert answer.calculations == [] or all(c.total_yuan != 3_000_000 for c in answer.calculations)


def test_a_figure_in_an_aside_naming_the_other_item_is_no_base(engine):
    answer = engine.ask("我们是上海注册的器械公司，产品进了国家创新医疗器械特别审查，今年首次拿到注册证并在上海投产，研发投入1000万。"
                        "拿证这一块（不是特别审查那300万）最多能拿多少？")
    # 40% × 1000万 = 400万 ≤ 800万; the 300万 is the other item's ceiling
    assert answer.total_yuan == 4_000_000


def test_a_product_being_sold_abroad_after_ce_marking_qualifies(engine):
    answer = engine.ask("We are a Shanghai-registered medical device maker. Our high-end surgical navigation system received "
                        "CE certification last year and is now being sold to hospitals in Germany and Italy. Does this "
                        "qualify for Shanghai's support for overseas registration?")
    assert [v.verdict for v in answer.verdicts] == ["eligible"]
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert answer.answer.startswith("Yes")


def test_a_company_a_hospital_incubated_is_a_company_not_a_hospital(engine):
    answer = engine.ask("我们医院孵化的影像设备公司（上海注册，做高端CT）给设备买了高端医疗设备责任险，一年保费60万。"
                        "这个保费能申请补贴吗？")
    # （十三）: 50% of the premium, at most 100万元 for high-end medical equipment liability insurance
    assert answer.total_yuan == 300_000
    assert answer.citations[0].chunk_id == "policy2024:13"
    assert answer.answer.startswith("可以")
