"""A learned prior over the articles: P(article | question), fitted on labelled everyday questions.

The hybrid search ranks articles by the words they share with a question; people outside the project
describe their case in their own words, and the word lists of the understanding step only ever mend
the wordings they were written for. This is the supervised part of the ranking: a logistic regression
(scikit-learn) on character n-grams (Chinese, within runs of characters) and word n-grams (English) of
the development split's questions (``eval/everyday_dev.jsonl``: each question with the article it must
cite first), by whose probabilities ``HybridRetriever.search`` may order its best candidates (``PA_ARTICLE_PRIOR``,
off by default: ``data/article_prior.yaml`` holds the weight, the candidates, the model's settings and
what was measured, and why it is off).

Fitting takes about half a minute on one core; the fitted model is kept per machine
(``text_model.cached_fit``).

    prior = ArticlePrior.load_or_fit(cache_dir)
    prior.probabilities("研发投入2500万，II期在新加坡做的")   # {"policy2024:12": 0.61, ...}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.text_model import TextModel, TextModelSettings, cached_fit, training_path
from index.yaml_data import read_yaml_once

CONFIG_PATH = Path(__file__).resolve().parent / "data" / "article_prior.yaml"
ANSWERED = ("answered", "not_specified")  # an article to cite: a refusal's question teaches no article


@dataclass(frozen=True)
class PriorConfig:
    """``data/article_prior.yaml``: the training file, the weight of the prior in a search's score, how
    many of the hybrid ranking's candidates it re-ranks, and the model's settings."""

    training: Path
    weight: float
    min_probability: float
    candidates: int
    model: TextModelSettings

    @classmethod
    def read(cls, path: Path = CONFIG_PATH) -> PriorConfig:
        raw = read_yaml_once(path)
        return cls(
            training=training_path(raw), weight=float(raw["weight"]),
            min_probability=float(raw["min_probability"]), candidates=int(raw["candidates"]),
            model=TextModelSettings.read(raw),
        )


def labelled_questions(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(question, chunk id of the article it must cite first) for each labelled item of an everyday split
    (JSON lines): a single question's, or a dialogue's first turn's (a later turn leans on the ones
    before it); refusals and items without an article are left out."""
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        expected = item["turns"][0] if item.get("kind") == "dialogue" and item.get("turns") else item
        gold = expected.get("gold") or []
        if gold and expected.get("question") and expected.get("status", "answered") in ANSWERED:
            yield expected["question"], gold[0]


class ArticlePrior:
    """P(article | question) over the articles of the training file's labels."""

    def __init__(self, model: TextModel, config: PriorConfig) -> None:
        self.model = model
        self.weight = config.weight
        self.min_probability = config.min_probability
        self.candidates = config.candidates
        self.labels = model.labels

    def probabilities(self, text: str) -> dict[str, float]:
        """Each article's probability for ``text`` (chunk id → 0..1, summing to 1 over ``labels``)."""
        return self.model.probabilities(text)

    @classmethod
    def fit(cls, examples: list[tuple[str, str]], config: PriorConfig) -> ArticlePrior:
        """The prior fitted on ``examples`` ((question, chunk id) pairs; at least two articles). Raises
        ``ValueError`` when they name fewer than two articles."""
        if len({label for _, label in examples}) < 2:
            raise ValueError("the labelled questions name fewer than two articles")
        return cls(TextModel.fit([q for q, _ in examples], [label for _, label in examples], config.model), config)

    @classmethod
    def load_or_fit(cls, cache_dir: Path, config: PriorConfig | None = None) -> ArticlePrior:
        """The prior of ``config``'s training file (``data/article_prior.yaml`` when None): loaded from
        ``cache_dir`` when fitted before with the same file, settings and scikit-learn, else fitted and kept
        there (``cached_fit``; an unwritable cache only costs the fitting). Raises ``OSError`` when the training
        file cannot be read."""
        config = config or PriorConfig.read()
        return cls(cached_fit(cache_dir, "article-prior", config.training, config.model,
                              lambda lines: cls.fit(list(labelled_questions(lines)), config).model), config)
