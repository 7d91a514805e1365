"""A text classifier fitted on labelled everyday questions, and the cache that keeps it fitted per machine.

The learned parts of the question path (the article prior, ``article_prior.py``; the scope prior,
``scope_prior.py``) are the same model: a logistic regression (scikit-learn) on character n-grams within
runs of characters (Chinese has no spaces) and word n-grams of Latin words (English questions), read on
the simplified, lower-cased text. Fitting takes from a second to half a minute on one core, so a fitted
model is kept in the cache directory (``PA_CACHE_DIR``, by default ``~/.cache/policy-assistant``) under a
key made of the training file's bytes, the model's settings and scikit-learn's version: every process,
worker and test on a machine after the first loads it in milliseconds, and a changed training file or
library is fitted again. The file is a pickle written here and read only from that key's path.

    model = TextModel.fit(["一期补多少", "杭州有补贴吗"], ["in", "out"], TextModelSettings(...))
    model.probabilities("杭州的补贴")   # {"in": 0.31, "out": 0.69}
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
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

log = logging.getLogger(__name__)

PACKAGES_DIR = Path(__file__).resolve().parent.parent  # where a data file's training path starts
TEXT_CACHE_SIZE = 256  # texts whose probabilities are kept: a turn's few reads, for the turns in progress


@dataclass(frozen=True)
class TextModelSettings:
    """The n-gram ranges (characters within words; Latin words), the n-grams' least document frequency,
    scikit-learn's ``C`` and iteration limit, and whether the classes are weighted by their rarity."""

    char_ngrams: tuple[int, int]
    word_ngrams: tuple[int, int]
    min_df: int
    inverse_regularisation: float
    max_iter: int
    balanced: bool = False

    @classmethod
    def read(cls, raw: dict[str, Any]) -> TextModelSettings:
        """The settings of a data file's mapping (``char_ngrams``, ``word_ngrams``, ``min_df``,
        ``inverse_regularisation``, ``max_iter``, optional ``balanced``). Raises ``KeyError`` for a missing one."""
        return cls(char_ngrams=(int(raw["char_ngrams"][0]), int(raw["char_ngrams"][1])),
                   word_ngrams=(int(raw["word_ngrams"][0]), int(raw["word_ngrams"][1])), min_df=int(raw["min_df"]),
                   inverse_regularisation=float(raw["inverse_regularisation"]), max_iter=int(raw["max_iter"]),
                   balanced=bool(raw.get("balanced", False)))


def prepared(text: str) -> str:
    """The text a model reads: simplified script, lower case."""
    return to_simplified(text).lower()


class TextModel:
    """P(label | text) over the labels it was fitted on."""

    def __init__(self, characters: Any, words: Any, model: Any) -> None:
        self._characters = characters
        self._words = words
        self._model = model
        self.labels: tuple[str, ...] = tuple(str(label) for label in model.classes_)
        self.probabilities = lru_cache(maxsize=TEXT_CACHE_SIZE)(self._probabilities)

    def _probabilities(self, text: str) -> dict[str, float]:
        """Each label's probability for ``text`` (label → 0..1, summing to 1 over ``labels``)."""
        texts = [prepared(text)]
        features = hstack([self._characters.transform(texts), self._words.transform(texts)]).tocsr()
        return dict(zip(self.labels, (float(p) for p in self._model.predict_proba(features)[0]), strict=True))

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], settings: TextModelSettings) -> TextModel:
        """The model fitted on ``texts`` with their ``labels``. Raises ``ValueError`` when they hold fewer than
        two labels."""
        if len(set(labels)) < 2:
            raise ValueError("the labelled texts hold fewer than two labels")
        read = [prepared(text) for text in texts]
        characters = TfidfVectorizer(analyzer="char_wb", ngram_range=settings.char_ngrams, sublinear_tf=True,
                                     min_df=settings.min_df)
        words = TfidfVectorizer(analyzer="word", ngram_range=settings.word_ngrams, sublinear_tf=True,
                                min_df=settings.min_df, token_pattern=r"[a-z][a-z0-9\-]+")
        features = hstack([characters.fit_transform(read), _fit_words(words, read)]).tocsr()
        with threadpool_limits(limits=1):
            model = LogisticRegression(C=settings.inverse_regularisation, max_iter=settings.max_iter,
                                       class_weight="balanced" if settings.balanced else None)
            model.fit(features, list(labels))
        return cls(characters, words, model)

    def parts(self) -> tuple[Any, Any, Any]:
        """What the cache keeps: the two vectorizers and the regression."""
        return self._characters, self._words, self._model


def _fit_words(words: Any, texts: list[str]) -> Any:
    """The word n-grams' features; a training set without a Latin word repeated ``min_df`` times has none
    (scikit-learn refuses an empty vocabulary), and then every text's word features are empty."""
    try:
        return words.fit_transform(texts)
    except ValueError:
        words.set_params(token_pattern=r"(?!x)x", min_df=1, vocabulary=["\x00"])  # one term no text holds
        return words.fit_transform(texts)


def cached_model(cache_dir: Path, name: str, training: bytes, settings: TextModelSettings,
                 fit: Callable[[], TextModel]) -> TextModel:
    """The model ``fit`` makes from ``training``, loaded from ``cache_dir`` when fitted before with the same
    bytes, settings and scikit-learn, else fitted (under a file lock, so that workers starting together fit
    once) and kept there as ``<name>-<key>.pickle`` (written to a temporary file, then renamed). A cache
    directory that cannot be created or written (a read-only home) costs the fitting in every process (logged),
    never the model."""
    key = hashlib.sha256(training + repr((settings, sklearn.__version__)).encode()).hexdigest()[:24]
    path = cache_dir / f"{name}-{key}.pickle"
    model: TextModel | None = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path) + ".lock"):
            if path.exists():
                with path.open("rb") as kept:
                    return TextModel(*pickle.load(kept))  # written below, under its key
            model = fit()
            handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(model.parts(), out)
            os.replace(temporary, path)
            return model
    except OSError as error:
        log.warning("the %s model is not kept in %s (%s): fitted in this process only", name, cache_dir, error)
        return model if model is not None else fit()


def training_path(raw: dict[str, Any]) -> Path:
    """The training file a data file's mapping names (``training``, relative to the directory that holds the
    assistant package)."""
    return PACKAGES_DIR / raw["training"]


def cached_fit(cache_dir: Path, name: str, training: Path, settings: TextModelSettings,
               fit: Callable[[list[str]], TextModel], rows: int | None = None) -> TextModel:
    """``cached_model`` of the training file ``training`` (its first ``rows`` lines when given: a file that grows
    then moves no fitted model): ``fit`` is given those lines (JSON lines) when no model fitted on the same bytes
    is kept. Raises ``OSError`` when the training file cannot be read, ``ValueError`` when it has fewer than
    ``rows`` lines."""
    lines = training.read_bytes()
    if rows is not None:
        kept = lines.splitlines()
        if len(kept) < rows:
            raise ValueError(f"{training} has {len(kept)} lines; the model is fitted on its first {rows}")
        lines = b"\n".join(kept[:rows]) + b"\n"
    return cached_model(cache_dir, name, lines, settings, lambda: fit(lines.decode("utf-8").splitlines()))


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/policy-assistant``, or ``~/.cache/policy-assistant``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policy-assistant"
