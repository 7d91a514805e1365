"""A learned prior over the articles: P(article | question), fitted on labelled everyday questions.

The hybrid search ranks articles by the words they share with a question; people outside the project
describe their case in their own words, and the word lists of the understanding step only ever mend
the wordings they were written for. This is the supervised part of the ranking: a logistic regression
(scikit-learn) on character n-grams (Chinese, within runs of characters) and word n-grams (English) of
the development split's questions (``eval/everyday_dev.jsonl``: each question with the article it must
cite first), by whose probabilities ``HybridRetriever.search`` may order its best candidates (``PA_ARTICLE_PRIOR``,
off by default: ``data/article_prior.yaml`` holds the weight, the candidates, the model's settings and
what was measured, and why it is off).

Fitting takes about half a minute on one core, so a fitted model is kept in the cache directory
(``PA_CACHE_DIR``, by default ``~/.cache/policy-assistant``) under a key made of the training file's
bytes, the model's settings and scikit-learn's version: every process, worker and test on a machine after the
first loads it in a few milliseconds, and a changed training file or library is fitted again. The file
is a pickle written here and read only from that key's path.

    prior = ArticlePrior.load_or_fit(cache_dir)
    prior.probabilities("研发投入2500万，II期在新加坡做的")   # {"policy2024:12": 0.61, ...}
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import sklearn  # type: ignore[import-untyped]
from filelock import FileLock
from scipy.sparse import hstack  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from threadpoolctl import threadpool_limits

from index.normalise import to_simplified
from index.yaml_data import read_yaml_once

CONFIG_PATH = Path(__file__).resolve().parent / "data" / "article_prior.yaml"
PACKAGES_DIR = Path(__file__).resolve().parent.parent  # where the training path of the config starts
TEXT_CACHE_SIZE = 256  # texts whose probabilities are kept: a turn's few searches, for the turns in progress
ANSWERED = ("answered", "not_specified")  # an article to cite: a refusal's question teaches no article


@dataclass(frozen=True)
class PriorConfig:
    """``data/article_prior.yaml``: the training file, the weight of the prior in a search's score, how
    many of the hybrid ranking's candidates it re-ranks, and the model's settings."""

    training: Path
    weight: float
    min_probability: float
    candidates: int
    char_ngrams: tuple[int, int]
    word_ngrams: tuple[int, int]
    min_df: int
    inverse_regularisation: float
    max_iter: int

    @classmethod
    def read(cls, path: Path = CONFIG_PATH) -> PriorConfig:
        raw = read_yaml_once(path)
        return cls(
            training=PACKAGES_DIR / raw["training"], weight=float(raw["weight"]),
            min_probability=float(raw["min_probability"]), candidates=int(raw["candidates"]),
            char_ngrams=(int(raw["char_ngrams"][0]), int(raw["char_ngrams"][1])),
            word_ngrams=(int(raw["word_ngrams"][0]), int(raw["word_ngrams"][1])), min_df=int(raw["min_df"]),
            inverse_regularisation=float(raw["inverse_regularisation"]), max_iter=int(raw["max_iter"]),
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


def _prepared(text: str) -> str:
    return to_simplified(text).lower()


class ArticlePrior:
    """P(article | question) over the articles of the training file's labels."""

    def __init__(self, characters: Any, words: Any, model: Any, config: PriorConfig) -> None:
        self._characters = characters
        self._words = words
        self._model = model
        self.weight = config.weight
        self.min_probability = config.min_probability
        self.candidates = config.candidates
        self.labels: tuple[str, ...] = tuple(str(label) for label in model.classes_)
        self.probabilities = lru_cache(maxsize=TEXT_CACHE_SIZE)(self._probabilities)

    def _probabilities(self, text: str) -> dict[str, float]:
        """Each article's probability for ``text`` (chunk id → 0..1, summing to 1 over ``labels``)."""
        prepared = [_prepared(text)]
        features = hstack([self._characters.transform(prepared), self._words.transform(prepared)]).tocsr()
        return dict(zip(self.labels, (float(p) for p in self._model.predict_proba(features)[0]), strict=True))

    @classmethod
    def fit(cls, examples: list[tuple[str, str]], config: PriorConfig) -> ArticlePrior:
        """The prior fitted on ``examples`` ((question, chunk id) pairs; at least two articles). Raises
        ``ValueError`` when they name fewer than two articles."""
        if len({label for _, label in examples}) < 2:
            raise ValueError("the labelled questions name fewer than two articles")
        texts = [_prepared(question) for question, _ in examples]
        characters = TfidfVectorizer(analyzer="char_wb", ngram_range=config.char_ngrams, sublinear_tf=True,
                                     min_df=config.min_df)
        words = TfidfVectorizer(analyzer="word", ngram_range=config.word_ngrams, sublinear_tf=True, min_df=config.min_df,
                                token_pattern=r"[a-z][a-z0-9\-]+")
        features = hstack([characters.fit_transform(texts), _fit_words(words, texts)]).tocsr()
        with threadpool_limits(limits=1):
            model = LogisticRegression(C=config.inverse_regularisation, max_iter=config.max_iter)
            model.fit(features, [label for _, label in examples])
        return cls(characters, words, model, config)

    @classmethod
    def load_or_fit(cls, cache_dir: Path, config: PriorConfig | None = None) -> ArticlePrior:
        """The prior of ``config``'s training file (``data/article_prior.yaml`` when None): loaded from
        ``cache_dir`` when fitted before with the same file, settings and scikit-learn, else fitted (under
        a file lock, so that workers starting together fit once) and kept there. Raises ``OSError`` when
        the training file cannot be read or the cache cannot be written."""
        config = config or PriorConfig.read()
        training = config.training.read_bytes()
        fitting = (config.char_ngrams, config.word_ngrams, config.min_df, config.inverse_regularisation, config.max_iter)
        key = hashlib.sha256(training + repr((fitting, sklearn.__version__)).encode()).hexdigest()[:24]
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = cache_dir / f"article-prior-{key}.pickle"
        with FileLock(str(path) + ".lock"):
            if path.exists():
                with path.open("rb") as kept:
                    characters, words, model = pickle.load(kept)  # written by this method, under its key
                return cls(characters, words, model, config)
            prior = cls.fit(list(labelled_questions(training.decode("utf-8").splitlines())), config)
            handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                pickle.dump((prior._characters, prior._words, prior._model), out)
            os.replace(temporary, path)
            return prior


def _fit_words(words: Any, texts: list[str]) -> Any:
    """The word n-grams' features; a training set without a Latin word repeated ``min_df`` times has none
    (scikit-learn refuses an empty vocabulary), and then every text's word features are empty."""
    try:
        return words.fit_transform(texts)
    except ValueError:
        words.set_params(token_pattern=r"(?!x)x", min_df=1, vocabulary=["\x00"])  # one term no text holds
        return words.fit_transform(texts)


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/policy-assistant``, or ``~/.cache/policy-assistant``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policy-assistant"
