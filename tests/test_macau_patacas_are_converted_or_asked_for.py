"""An amount in Macau patacas (澳門幣, MOP) is never read as yuan: converted at the rate the asker gives, else the
yuan figure is asked for. Figures: （五） 40% of the R&D spend, Phase I at most 1000万元, Phase II 2000万元."""


def test_patacas_at_the_rate_given(engine):
    answer = engine.ask("想問下，我哋基金投咗一間上海註冊嘅生物科技公司，佢嘅1類新藥喺國內做完I期臨床，亦有結果。"
                        "I期研發投入係澳門幣2,200萬（按1澳門幣=0.9人民幣計）。咁佢可以攞到幾多支持？")
    # 2200萬 × 0.9 = 1980萬元; 40% = 792萬元, under the 1000萬元 ceiling
    assert answer.total_yuan == 7_920_000
    assert "1澳門元兌0.9元人民幣" in answer.answer


def test_patacas_without_a_rate_ask_for_the_yuan_figure(engine):
    answer = engine.ask("Our Shanghai subsidiary spent MOP 30 million on a domestic Phase II trial of a Class 1 drug. How much?")
    assert answer.status.value == "clarify"
    assert answer.total_yuan is None
    assert "sets no exchange rate" in answer.answer


def test_patacas_invested_in_the_company_are_background_not_a_spend(engine):
    answer = engine.ask("你好，我喺澳門做投資。我哋投咗一間喺上海登記註冊嘅現代中藥公司，佢有個中藥複方製劑啱啱喺歐洲藥品管理局"
                        "(EMA)完成註冊，而家已經喺德國開始銷售。呢個產品累計研發投入大約2,800萬港元（匯率按1港元=0.92人民幣計），"
                        "另外我哋今年又加投咗5000萬澳門幣。請問上海政府最多可以支持幾多？")
    # （三十六）: 30% of 2,800萬港元 × 0.92 = 2576萬元 → 772.8萬元, under the 1000萬元 ceiling; the investment is no base
    assert answer.total_yuan == 7_728_000
