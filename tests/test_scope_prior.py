"""The learned scope prior: labelled turns teach which questions to refuse where no word list names them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.records import Status
from assistant.scope_prior import IN, OUT, ScopePrior, ScopePriorConfig, scoped_turns

CMO_CASE = "我们是上海的CMO，帮一家无关联的药企做委托生产，受托产值4000万，能拿多少？"


def _config(tmp_path: Path, lines: list[str], training_rows: int | None = None, **changes: float) -> ScopePriorConfig:
    """The product's settings on a training file of ``lines``, fitted on all of them unless ``training_rows`` is given."""
    training = tmp_path / "labelled.jsonl"
    training.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = ScopePriorConfig.read()
    return replace(config, training=training, model=replace(config.model, min_df=1, max_iter=500),
                   training_rows=training_rows, **changes)


def _item(question: str, status: str) -> str:
    return json.dumps({"kind": "lookup", "question": question, "status": status}, ensure_ascii=False)


def test_every_question_and_every_dialogue_turn_is_labelled_by_the_status_it_must_get():
    dialogue = json.dumps({"kind": "dialogue", "question": None, "turns": [
        {"question": "一期能补多少", "status": "answered"}, {"question": "一事一议给多少", "status": "not_specified"},
        {"question": "顺便问下附近有什么好吃的", "status": "out_of_scope"}]}, ensure_ascii=False)
    lines = [_item("杭州有什么补贴", "out_of_scope"), dialogue, _item("伦理审查要多久", "answered"), ""]
    assert list(scoped_turns(lines)) == [("杭州有什么补贴", OUT), ("一期能补多少", IN), ("一事一议给多少", IN),
                                         ("顺便问下附近有什么好吃的", OUT), ("伦理审查要多久", IN)]


def test_a_prior_needs_refused_and_covered_turns_to_learn_from(tmp_path):
    with pytest.raises(ValueError, match="both refused and covered"):
        ScopePrior.fit([("伦理审查要多久", IN), ("一期能补多少", IN)], _config(tmp_path, []))


def test_the_fitted_prior_is_kept_per_machine_and_fitted_again_when_its_training_changes(tmp_path, monkeypatch):
    config = _config(tmp_path, [_item("附近有什么好吃的", "out_of_scope"), _item("伦理审查要多久", "answered")])
    cache_dir = tmp_path / "cache"
    first = ScopePrior.load_or_fit(cache_dir, config)
    assert len(list(cache_dir.glob("scope-prior-*.pickle"))) == 1

    def no_fitting(*_: object) -> ScopePrior:
        raise AssertionError("fitted again although a fitted prior was kept")

    monkeypatch.setattr(ScopePrior, "fit", classmethod(no_fitting))
    assert ScopePrior.load_or_fit(cache_dir, config).off_sources("好吃的") == pytest.approx(first.off_sources("好吃的"))
    config.training.write_text(config.training.read_text(encoding="utf-8") + _item("天气", "out_of_scope") + "\n",
                               encoding="utf-8")
    with pytest.raises(AssertionError, match="fitted again"):
        ScopePrior.load_or_fit(cache_dir, config)


@pytest.mark.parametrize("aside", [
    "Also, is there a good gym near our Zhangjiang office?",  # the rules alone answer it with （二十四）
    "对了，张江那边有什么好吃的馆子推荐吗？",
])
def test_an_errand_asked_after_an_award_is_refused_and_carries_no_award(engine, aside):
    first = engine.ask(CMO_CASE)
    assert first.total_yuan == 4_000_000
    answer = engine.ask(aside, first.session_id)
    assert answer.status is Status.OUT_OF_SCOPE
    assert answer.total_yuan is None and not answer.citations


def test_without_the_prior_the_rules_alone_decide_and_one_errand_gets_an_article(engine, settings):
    plain = Engine(settings.model_copy(update={"scope_prior": False}), engine.retriever, engine.book, engine.catalogue)
    assert engine.scope_prior is not None and plain.scope_prior is None
    first = plain.ask(CMO_CASE)
    answer = plain.ask("Also, is there a good gym near our Zhangjiang office?", first.session_id)
    assert answer.status is Status.ANSWERED  # what the prior is there to mend


def test_the_prior_never_covers_a_turn_refused_for_the_place_it_names(engine, tmp_path):
    """A refusal for another city's policy stands however sure the prior is that such words are covered."""
    question = "杭州对创新药一期临床有什么补贴？"
    lines = [_item(question, "answered"), _item("一期临床能补多少", "answered"), _item("附近有什么好吃的", "out_of_scope"),
             _item("明天会下雨吗", "out_of_scope")]
    config = _config(tmp_path, lines, keep_at=0.99, refuse_at=1.0)
    sure = ScopePrior.fit(list(scoped_turns(lines)), config)
    assert sure.off_sources(question) < sure.keep_at
    learned = Engine(engine.settings, engine.retriever, engine.book, engine.catalogue)
    learned.scope_prior = sure
    answer = learned.ask(question)
    assert answer.status is Status.OUT_OF_SCOPE and "杭州" in answer.answer


def test_a_cache_that_cannot_be_written_costs_the_fitting_not_the_model(tmp_path):
    config = _config(tmp_path, [_item("附近有什么好吃的", "out_of_scope"), _item("伦理审查要多久", "answered")])
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    prior = ScopePrior.load_or_fit(blocked / "cache", config)  # a cache dir under a file cannot be created
    assert prior.off_sources("附近有什么好吃的") > prior.off_sources("伦理审查要多久")
    assert not (blocked / "cache").exists()


def test_a_prior_pinned_to_its_first_rows_is_not_moved_by_questions_appended_later(tmp_path, monkeypatch):
    lines = [_item("附近有什么好吃的", "out_of_scope"), _item("伦理审查要多久", "answered")]
    config = _config(tmp_path, lines, training_rows=2)
    cache_dir = tmp_path / "cache"
    first = ScopePrior.load_or_fit(cache_dir, config)

    def no_fitting(*_: object) -> ScopePrior:
        raise AssertionError("fitted again although its rows did not change")

    monkeypatch.setattr(ScopePrior, "fit", classmethod(no_fitting))
    config.training.write_text("\n".join([*lines, _item("伦理审查要多久能出意见", "out_of_scope")]) + "\n", encoding="utf-8")
    assert ScopePrior.load_or_fit(cache_dir, config).off_sources("伦理审查") == pytest.approx(first.off_sources("伦理审查"))


def test_a_training_file_shorter_than_its_pinned_rows_is_an_error_not_a_smaller_fit(tmp_path):
    config = _config(tmp_path, [_item("附近有什么好吃的", "out_of_scope"), _item("伦理审查要多久", "answered")],
                     training_rows=3)
    with pytest.raises(ValueError, match="fitted on its first 3"):
        ScopePrior.load_or_fit(tmp_path / "cache", config)


def test_the_product_prior_is_fitted_on_the_rows_its_thresholds_were_measured_with():
    config = ScopePriorConfig.read()
    assert config.training_rows is not None
    assert len(config.training.read_text(encoding="utf-8").splitlines()) >= config.training_rows
