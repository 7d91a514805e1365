"""A new exchange rate given in a follow-up ("汇率改成7.0，重新算一下？", "use 7.0 instead") converts the dollars the
turn before stated again at that rate: the figure is never the old rate's, silently.

Figures: （三十七） 50% of the project costs, at most 5万元; （五） Phase II 40% of the R&D spend, at most 2000万元.
"""


def test_a_corrected_rate_recomputes_the_exhibition_award(engine):
    first = engine.ask("我们上海公司去美国参展，展位加差旅9000美元，汇率按7.2算，能补多少？")
    assert first.total_yuan == 32_400  # 50% × 64,800
    answer = engine.ask("汇率改成7.0，重新算一下？", first.session_id)
    assert answer.total_yuan == 31_500  # 50% × 63,000
    assert "1美元兑7.0元" in answer.answer


def test_use_another_rate_in_english(engine):
    first = engine.ask("Our Shanghai-registered company ran a Phase II trial of a Class 1 drug in China, R&D spend "
                       "USD 5 million, take 7.2. How much?")
    assert first.total_yuan == 14_400_000
    answer = engine.ask("Sorry, use 7.0 instead. New figure?", first.session_id)
    assert answer.total_yuan == 14_000_000
    assert "1 US dollar = 7.0 yuan" in answer.answer
