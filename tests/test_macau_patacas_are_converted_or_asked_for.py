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
