"""When the per-item ceiling binds, the answer shows what the rate alone would give, so the asker sees why the
ceiling is the figure (（二十三）: 30% × 4亿 = 1.2亿, above 以上两项均最高支持1亿元 → 1亿)."""

from datetime import date
from decimal import Decimal


def test_the_rate_product_above_the_ceiling_follows_the_formula(engine):
    answer = engine.ask("区里有个企业要建专业化技术服务平台，核定新增投资4亿，市里能支持多少？")
    assert answer.total_yuan == 100_000_000
    formula_line = next(line for line in answer.answer.splitlines() if line.startswith("计算："))
    assert formula_line == "计算：min(30% × 4亿元, 1亿元) = 1亿元（按30%计为1.2亿元，超过上限1亿元）"
    [calculation] = answer.calculations
    assert calculation.uncapped_yuan == 120_000_000 and calculation.ceiling_yuan == 100_000_000


def test_a_product_within_the_ceiling_adds_nothing(engine):
    answer = engine.ask("区里有个企业要建专业化技术服务平台，核定新增投资2亿，市里能支持多少？")
    assert answer.total_yuan == 60_000_000  # 30% × 2亿 = 6000万 ≤ 1亿
    assert "超过上限" not in answer.answer
    assert answer.calculations[0].uncapped_yuan is None


def test_each_item_of_several_shows_its_own_binding_ceiling_in_english(engine):
    answer = engine.ask("We're Shanghai-registered with two Class 1 drugs, trials in China: Phase II spent RMB 60 million, "
                        "Phase III spent RMB 50 million. How much in total?")
    # （五）: min(40% × 6000万, 2000万) = 2000万 (the rate gives 2400万); min(40% × 5000万, 3000万) = 2000万
    assert answer.total_yuan == 40_000_000
    lines = answer.answer.splitlines()
    phase_two = next(line for line in lines if "RMB 60,000,000" in line and line.startswith("Item"))
    assert "40% of it is RMB 24,000,000, above the RMB 20,000,000 ceiling" in phase_two
    phase_three = next(line for line in lines if "RMB 50,000,000" in line and line.startswith("Item"))
    assert "ceiling" not in phase_three


def test_a_guarantee_above_its_ceiling_is_not_called_a_rate(engine):
    result = engine.calculator.calculate("m29-guarantee-small", {"base_yuan": Decimal(30_000_000)}, date(2026, 11, 25))
    assert result.amount_yuan == 20_000_000  # （二十九）: 单笔批次担保额度上限提高至2000万元
    assert result.caps_applied == ["3000万元超过上限2000万元"]
    assert result.uncapped_yuan is None
