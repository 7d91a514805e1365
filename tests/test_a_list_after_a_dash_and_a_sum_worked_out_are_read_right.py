"""A list of products opened by a dash ("4个1类新药完成了临床阶段——A药III期…") is read as the colon-opened one:
each product its own item with its own spend. The asker's own sum worked out at a share ("按40%算加起来快1.5亿了") is
a claim to check, never a spend.

Figures: （五） 40% of the R&D spend, Phase II at most 2000万元, Phase III 3000万元, CGT confirmatory 3000万元;
each entity at most 1亿元 a year.
"""

CASE = ("今年同时有4个1类新药完成了临床阶段——A药III期，研发投入0.9亿；B药III期，投入8,000万；C药II期，投入四千五百万；"
        "D是CAR-T（细胞治疗1类新药），确证性临床做完，投入1.5亿。")


def test_four_products_after_a_dash_are_four_items(engine):
    answer = engine.ask(CASE + "我们今年实际最多能拿多少？")
    # 3000万 + 3000万 + 1800万 + 3000万 = 1.08亿, above the 1亿 annual cap
    assert answer.total_yuan == 100_000_000
    assert "4项合计" in answer.answer and "1800万元" in answer.answer


def test_a_sum_worked_out_at_the_share_is_checked_not_computed(engine):
    answer = engine.ask(CASE + "按40%算加起来快1.5亿了，我们今年实际最多能拿多少？")
    assert answer.total_yuan == 100_000_000
    assert "4项合计" in answer.answer
    assert "达不到1.5亿元" in answer.answer


def test_a_sum_the_asker_worked_out_is_checked_against_the_annual_cap(engine):
    answer = engine.ask("器械公司，浦东注册的。今年运气好，3个产品同时首次拿证并投产，每个研发投入都在2500万上下；这3个之前都进过"
                        "上海的创新医疗器械特别审查，那每个300万的钱也是今年批。我自己算了下应该有3300万？帮我核一下")
    # （六）: 3 × 300万 + 3 × min(40% × 2500万, 800万) = 3300万, capped at 3000万 a year per entity
    assert answer.total_yuan == 30_000_000
    assert "达不到3300万元" in answer.answer.splitlines()[0]
    assert "6项合计" in answer.answer
