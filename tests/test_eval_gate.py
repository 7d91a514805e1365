"""The evaluation set guards every change: CI fails when a figure drops below eval/thresholds.yaml."""

from pathlib import Path

import yaml

from eval.runner import check, evaluate, load_items


def test_eval_set_is_large_and_covers_every_kind():
    items = load_items()
    assert len(items) >= 150
    assert {i.kind for i in items} == {"award", "lookup", "out_of_scope", "not_specified", "clarify", "dialogue"}
    assert any(i.split == "heldout" for i in items)


def test_figures_meet_the_thresholds(settings):
    report = evaluate(settings)
    thresholds = yaml.safe_load((Path(__file__).parent.parent / "eval" / "thresholds.yaml").read_text())
    assert check(report, thresholds, settings.retrieval_mode) == []


def test_a_failed_item_is_reported_in_labelled_fields(engine):
    from eval.runner import Item, _expected, _failure

    item = Item(id="a1", kind="award", gold=["policy2024:05"], question="伦理审查多久？", amount_yuan=20_000_000)
    line = _failure(item.id, item.question, engine.ask(item.question), _expected(item))
    assert line.startswith("a1: asked “伦理审查多久？”; got status=answered")
    assert "amount_yuan=no figure" in line and "expected status=answered, amount_yuan=20000000" in line
    assert "None" not in line


def test_every_everyday_split_has_its_floors_and_locked_splits_never_show_their_items():
    from eval.runner import EVERYDAY_FIGURES, LOCKED_SPLITS, TUNING_SPLITS, _everyday_markdown

    thresholds = yaml.safe_load((Path(__file__).parent.parent / "eval" / "thresholds.yaml").read_text())
    eval_dir = Path(__file__).parent.parent / "eval"
    for split in (*TUNING_SPLITS, *LOCKED_SPLITS):
        assert (eval_dir / f"everyday_{split}.jsonl").exists()
        assert {f"everyday_{split}_correct", f"everyday_{split}_lead"} <= set(thresholds)
    figures = dict.fromkeys(EVERYDAY_FIGURES, 0.5)
    block = {split: {**figures, "before": figures, "failures": [f"{split}-item-1 (lookup): missing fact"]}
             for split in ("dev", "unseen4")}
    text = "\n".join(_everyday_markdown(block))
    assert "dev-item-1" in text
    assert "unseen4-item-1" not in text and "unseen4" in text
