"""A learned scope prior: P(out of scope | turn), fitted on labelled everyday questions and dialogue turns.

The scope step's rules (``conversation/scope.py``, word lists in ``data/scope.yaml``) refuse what they
were written for; people outside the project ask about restaurants, travel permits and exam scores in
words no list holds. This is the supervised part of that decision: a logistic regression (``text_model``)
on every question and every dialogue turn of the development split (``eval/everyday_dev.jsonl``), each
labelled by whether it must be refused. The planner asks it only where the rules could be wrong in a way
it can judge (``data/scope_prior.yaml``: the thresholds, the model's settings and what was measured).

    prior = ScopePrior.load_or_fit(cache_dir)
    prior.off_sources("顺便问下张江附近有什么好吃的")   # 0.97
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.text_model import TextModel, TextModelSettings, cached_fit, training_path
from index.yaml_data import read_yaml_once

CONFIG_PATH = Path(__file__).resolve().parent / "data" / "scope_prior.yaml"
OUT = "out_of_scope"  # the label of a turn to refuse
IN = "covered"  # the label of every other turn


@dataclass(frozen=True)
class ScopePriorConfig:
    """``data/scope_prior.yaml``: the training file, the two thresholds and the model's settings."""

    training: Path
    refuse_at: float
    keep_at: float
    model: TextModelSettings
    training_rows: int | None = None  # the training file's first so many lines: appending to it moves nothing

    @classmethod
    def read(cls, path: Path = CONFIG_PATH) -> ScopePriorConfig:
        raw = read_yaml_once(path)
        rows = raw.get("training_rows")
        return cls(training=training_path(raw), refuse_at=float(raw["refuse_at"]),
                   keep_at=float(raw["keep_at"]), model=TextModelSettings.read(raw),
                   training_rows=int(rows) if rows is not None else None)


def scoped_turns(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(turn's text, ``OUT`` or ``IN``) for each question of an everyday split (JSON lines) and each turn
    of its dialogues, by the status it must get."""
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        for turn in item.get("turns") or [item]:
            if turn.get("question"):
                yield turn["question"], OUT if turn.get("status") == OUT else IN


class ScopePrior:
    """P(out of scope) of a turn's words, and the thresholds at which it overrules the rules."""

    def __init__(self, model: TextModel, config: ScopePriorConfig) -> None:
        self.model = model
        self.refuse_at = config.refuse_at
        self.keep_at = config.keep_at

    def off_sources(self, text: str) -> float:
        """P(the turn ``text`` must be refused), 0..1."""
        return self.model.probabilities(text)[OUT]

    @classmethod
    def fit(cls, examples: list[tuple[str, str]], config: ScopePriorConfig) -> ScopePrior:
        """The prior fitted on ``examples`` ((text, ``OUT``/``IN``) pairs). Raises ``ValueError`` unless both
        labels occur."""
        if {label for _, label in examples} != {OUT, IN}:
            raise ValueError("the labelled turns need both refused and covered ones")
        return cls(TextModel.fit([t for t, _ in examples], [label for _, label in examples], config.model), config)

    @classmethod
    def load_or_fit(cls, cache_dir: Path, config: ScopePriorConfig | None = None) -> ScopePrior:
        """The prior of ``config``'s training file (``data/scope_prior.yaml`` when None), loaded from
        ``cache_dir`` or fitted and kept there (``cached_fit``; an unwritable cache only costs the fitting).
        Raises ``OSError`` when the training file cannot be read, ``ValueError`` when it is shorter than
        ``training_rows``."""
        config = config or ScopePriorConfig.read()
        return cls(cached_fit(cache_dir, "scope-prior", config.training, config.model,
                              lambda lines: cls.fit(list(scoped_turns(lines)), config).model, config.training_rows), config)
