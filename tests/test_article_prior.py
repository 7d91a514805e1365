"""The learned article prior: labelled everyday questions teach the search which article a wording means."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.article_prior import ArticlePrior, PriorConfig, labelled_questions
from assistant.retrieval import HybridRetriever

# Everyday wordings of one case, labelled with an article their words do not point to: what the prior
# learns must move that article up, whatever the words alone rank first.
TAUGHT = "policy2024:30"
WORDINGS = ["老张家的药厂想问问那个事", "老张家的药厂那个事怎么弄", "老张家的药厂这个事归谁管", "老张家药厂的事能办吗"]
OTHERS = [("创新药一期临床研发投入补多少", "policy2024:05"), ("医疗器械首次注册有什么支持", "policy2024:06"),
          ("伦理审查要多久", "policy2024:10"), ("CMO委托生产怎么支持", "policy2024:24")]


def _item(question: str, gold: list[str], status: str = "answered") -> str:
    return json.dumps({"id": "x", "kind": "lookup", "question": question, "status": status, "gold": gold}, ensure_ascii=False)


def _config(tmp_path: Path, lines: list[str], weight: float = 5.0) -> PriorConfig:
    training = tmp_path / "labelled.jsonl"
    training.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = PriorConfig.read()
    return replace(config, training=training, weight=weight, model=replace(config.model, min_df=1, max_iter=500))


def _taught(tmp_path: Path) -> PriorConfig:
    return _config(tmp_path, [_item(q, [TAUGHT]) for q in WORDINGS] + [_item(q, [g]) for q, g in OTHERS])


def test_each_item_teaches_the_article_it_must_cite_first_and_a_dialogue_its_first_turn():
    dialogue = json.dumps({"kind": "dialogue", "turns": [
        {"question": "一期能补多少", "status": "answered", "gold": ["policy2024:05"]},
        {"question": "那这个呢", "status": "answered", "gold": ["policy2024:06"]}]}, ensure_ascii=False)
    lines = [_item("伦理审查要多久", ["policy2024:10", "policy2024:09"]), dialogue,
             _item("杭州有什么补贴", [], status="out_of_scope"), _item("一事一议怎么算", ["policy2024:03"], status="not_specified"), ""]
    assert list(labelled_questions(lines)) == [
        ("伦理审查要多久", "policy2024:10"), ("一期能补多少", "policy2024:05"), ("一事一议怎么算", "policy2024:03")]


def test_questions_worded_like_the_labelled_ones_are_ranked_to_their_article(engine, tmp_path):
    plain = HybridRetriever(engine.retriever.index, engine.retriever.embedder, engine.catalogue)
    question = "老张家的药厂那个事归哪里管"
    fused = [h.article.chunk_id for h in plain.search(question, k=10)]
    taught = fused[5]  # an article the fusion ranks sixth for these words
    config = _taught(tmp_path)
    prior = ArticlePrior.fit([(q, taught) for q in WORDINGS] + OTHERS, config)
    learned = HybridRetriever(engine.retriever.index, engine.retriever.embedder, engine.catalogue, prior=prior)
    assert learned.search(question, k=1)[0].article.chunk_id == taught
    # the prior decides the order; the n-th hit keeps the fusion's n-th score (how far ahead the best is)
    assert [h.score for h in learned.search(question, k=10)] == [h.score for h in plain.search(question, k=10)]
    # a question the labels do not resemble keeps the fusion's answer
    assert learned.search("伦理审查多久", k=1)[0].article.chunk_id == "policy2024:10"


def test_a_prior_sure_of_no_article_leaves_the_fusions_order(engine, tmp_path):
    plain = HybridRetriever(engine.retriever.index, engine.retriever.embedder, engine.catalogue)
    question = "老张家的药厂那个事归哪里管"
    taught = [h.article.chunk_id for h in plain.search(question, k=10)][5]
    config = _taught(tmp_path)
    prior = ArticlePrior.fit([(q, taught) for q in WORDINGS] + OTHERS, replace(config, min_probability=1.0))
    unsure = HybridRetriever(engine.retriever.index, engine.retriever.embedder, engine.catalogue, prior=prior)
    assert [h.article.chunk_id for h in unsure.search(question, k=10)] == [h.article.chunk_id for h in plain.search(question, k=10)]


def test_the_prior_never_brings_in_an_article_a_document_filter_left_out(engine, tmp_path):
    prior = ArticlePrior.fit([(q, "policy2024:05") for q in WORDINGS] + OTHERS[1:], _taught(tmp_path))
    learned = HybridRetriever(engine.retriever.index, engine.retriever.embedder, engine.catalogue, prior=prior)
    hits = learned.search("老张家的药厂那个事", k=5, doc_ids=["pudong2022"])
    assert hits and {h.article.doc_id for h in hits} == {"pudong2022"}


def test_a_fitted_prior_is_kept_and_loaded_again_and_a_changed_training_file_is_fitted_again(tmp_path, monkeypatch):
    config = _taught(tmp_path)
    cache_dir = tmp_path / "cache"
    first = ArticlePrior.load_or_fit(cache_dir, config)
    assert len(list(cache_dir.glob("article-prior-*.pickle"))) == 1

    def no_fitting(*_: object) -> ArticlePrior:
        raise AssertionError("fitted again although a fitted prior was kept")

    monkeypatch.setattr(ArticlePrior, "fit", classmethod(no_fitting))
    again = ArticlePrior.load_or_fit(cache_dir, config)
    assert again.labels == first.labels
    assert again.probabilities("老张家的药厂") == pytest.approx(first.probabilities("老张家的药厂"))

    config.training.write_text(config.training.read_text(encoding="utf-8") + _item("生物医药专区", ["policy2024:31"]) + "\n",
                               encoding="utf-8")
    with pytest.raises(AssertionError, match="fitted again"):
        ArticlePrior.load_or_fit(cache_dir, config)


def test_labels_of_a_single_article_teach_nothing_and_say_so(tmp_path):
    with pytest.raises(ValueError, match="fewer than two articles"):
        ArticlePrior.fit([(q, TAUGHT) for q in WORDINGS], _taught(tmp_path))


def test_probabilities_are_a_distribution_over_the_labelled_articles(tmp_path):
    prior = ArticlePrior.fit([(q, TAUGHT) for q in WORDINGS] + OTHERS, _taught(tmp_path))
    probabilities = prior.probabilities("Which article covers CMO contract manufacturing?")
    assert set(probabilities) == {TAUGHT, *(g for _, g in OTHERS)}
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_the_prior_is_off_unless_asked_for_and_when_on_is_fitted_on_the_development_questions(engine, settings):
    from assistant.engine import _article_prior

    assert engine.retriever.prior is None and _article_prior(settings) is None
    prior = _article_prior(settings.model_copy(update={"article_prior": True}))
    assert prior is not None and prior.weight == PriorConfig.read().weight
    trained = set(dict(labelled_questions(PriorConfig.read().training.read_text(encoding="utf-8").splitlines())).values())
    assert set(prior.labels) == trained and len(trained) > 50
    # fitted on what the everyday questions mean: an overseas trial asked about is （十二）'s
    assert max(prior.probabilities("我们在美国做了一个创新药的II期临床，市里对海外做的临床有没有支持").items(),
               key=lambda item: item[1])[0] == "policy2024:12"
