"""A step the case has not reached yet (a sale abroad not started, a registration certificate not yet issued) makes the
answer a no today, followed by what the stated spend gives once the step comes, as a ceiling, never a promise.

（三十六） pays 不超过研发投入的30%, 最高1000万 for a product registered abroad 并在当地实现销售; （六） pays 不超过研发投入的
40%, 最高800万 once a device of the special review 首次取得注册证并落地生产.
"""


def test_registered_in_japan_but_not_selling_yet_is_a_no_with_the_figure_once_sold(engine):
    answer = engine.ask("上海嗰間現代中藥公司上個月喺日本PMDA攞到註冊，但係日本代理話要明年先開始賣。佢哋研發投咗3000萬人民幣。"
                        "而家可唔可以即刻申請嗰個30%嘅海外註冊資助？")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    lines = answer.answer.splitlines()
    assert lines[0].startswith("不可以") and "實現銷售" in lines[0]
    assert lines[1] == "滿足後，按您給的數最高可獲900萬元：min(30% × 3000萬元, 1000萬元) = 900萬元（“最高/不超過”的上限，不是承諾金額）。"
    assert answer.total_yuan is None  # nothing is computed as granted today


def test_no_certificate_yet_is_a_no_with_the_top_up_once_registered_in_english(engine):
    answer = engine.ask("Our device is in the special review but has no registration certificate yet; R&D was RMB 15 million; "
                        "we are registered in Shanghai. Can we claim the 40% top-up now?")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert ("Once it is met, at most RMB 6,000,000 at the figure you give: min(40% × RMB 15,000,000, RMB 8,000,000) = "
            "RMB 6,000,000 (a ceiling, not a promise).") in answer.answer


def test_a_no_on_who_applies_gives_no_figure_for_later(engine):
    answer = engine.ask("We don't have any entity in China yet, just our Melbourne company selling via a distributor in "
                        "Shanghai. Our device is already in the NMPA innovative device special review. Can we get the RMB 3m "
                        "the Shanghai policy offers for that?")
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "registered in Shanghai" in answer.answer.splitlines()[0]
    assert "Once it is met" not in answer.answer
