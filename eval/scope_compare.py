"""Compares the rule-based scope step with a learned one: should a classifier decide scope?

``python -m eval.scope_compare``. The labelled questions are the scope calibration set and the
tuning splits' single questions and first dialogue turns (out of scope = status ``out_of_scope``);
the locked splits are never read. The learned model is a logistic regression over the question's
sentence vector (the one the retriever computes for its dense search, ``query_vector``) and the rule
step's signals: its verdict and reason, the share of known words, the best keyword score of the topic
words, a domain term, the closest article's similarity. Combined with the rules, it lifts a refusal
for unknown words when confident the question is covered, and refuses a rule-covered question when
confident it is not.

Printed, for the rules alone and for rules + model: refusal precision, recall, over-refusal of
in-scope questions and errors, (1) by 5-fold cross-validation over all labelled questions, with the
thresholds that make the fewest errors (an over-refusal counting twice), and (2) across writers:
fitted on the calibration set and scored on the tuning splits, which other people wrote, and the
other way round. Measured on 2026-12-01 the model adds little over the rules (cross-validation 20 → 18
errors, at one more in-scope question refused; across writers 4 → 4 and 16 → 15), so serving keeps the
rules alone; rerun this when either changes.

Needs scikit-learn (a development tool here).
"""

from __future__ import annotations

import json
import math
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]

from assistant.conversation.plan import corpus_text
from assistant.conversation.scope import ScopeVerdict, judge
from assistant.conversation.understand import understand, without_ask_words
from assistant.engine import Engine
from assistant.settings import Settings
from eval import answers, scope_calibration

TUNING_SPLITS = ("dev", "test", "fresh")
REGULARISATION = 1.0
REFUSE_GRID = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
KEEP_GRID = (0.02, 0.05, 0.1, 0.2)
OVER_REFUSAL_WEIGHT = 2


SOFT_REASONS = frozenset({"unknown_words"})  # rule refusals that rest on word counts, not on a named topic
RULE_REASONS = ("off_topic", "place", "document", "unknown_words")


def features(verdict: ScopeVerdict, known_share: float, keyword_score: float, domain_term: bool,
             nearest: float, vector: np.ndarray) -> np.ndarray:
    """The rule signals, then the sentence vector."""
    reason = verdict.reason.split(":")[0]
    rules = [0.0 if verdict.covered else 1.0, *[1.0 if reason == r else 0.0 for r in RULE_REASONS],
             known_share, math.log1p(keyword_score), 1.0 if domain_term else 0.0, nearest]
    return np.concatenate([np.asarray(rules), np.asarray(vector, dtype=np.float64)])


def labelled() -> list[tuple[str, int, str]]:
    """(question, 1 when out of scope, source) for every labelled question."""
    rows = [(i.question, int(i.expected == scope_calibration.OUT_OF_SCOPE), "calibration") for i in scope_calibration.load()]
    for split in TUNING_SPLITS:
        for item in answers.load(split):
            if item["kind"] == "dialogue":
                first = item["turns"][0]
                rows.append((first["question"], int(first.get("status") == "out_of_scope"), split))
            else:
                rows.append((item["question"], int(item.get("status") == "out_of_scope"), split))
    return rows


def matrix(engine: Engine, questions: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, the rules' refusal (1/0) and the rules' reason for each question."""
    retriever = engine.retriever
    rows, refused, reasons = [], [], []
    for text in questions:
        question = understand(text, None, engine.catalogue, None, None)
        topic = without_ask_words(question.text)
        known, words = retriever.known_share(topic)
        verdict = judge(question, engine.catalogue, (known, words), retriever.uses_word,
                        lambda phrase: phrase in corpus_text(retriever))
        vector = retriever.query_vector(question.asks[0].text)
        rows.append(features(verdict, known / words if words else 1.0, retriever.keyword_score(topic),
                             retriever.is_about_policy(question.text, float("inf")), retriever.nearest_similarity(vector), vector))
        refused.append(0 if verdict.covered else 1)
        reasons.append(verdict.reason)
    return np.vstack(rows), np.asarray(refused), reasons


def decisions(chance: np.ndarray, refused: np.ndarray, reasons: list[str], refuse_above: float, keep_below: float) -> np.ndarray:
    soft = np.asarray([r in SOFT_REASONS for r in reasons])
    lifted = (refused == 1) & soft & (chance < keep_below)
    return (((refused == 1) & ~lifted) | ((refused == 0) & (chance > refuse_above))).astype(int)


def scores(truth: np.ndarray, refusal: np.ndarray) -> dict[str, float]:
    true_refusals = int(((truth == 1) & (refusal == 1)).sum())
    return {
        "precision": round(true_refusals / max(int(refusal.sum()), 1), 3),
        "recall": round(true_refusals / max(int(truth.sum()), 1), 3),
        "over_refusal": round(int(((truth == 0) & (refusal == 1)).sum()) / max(int((truth == 0).sum()), 1), 3),
        "errors": int((truth != refusal).sum()),
    }


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=REGULARISATION, max_iter=2000, class_weight="balanced").fit(x, y)


def cross_validated(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    chance = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
        chance[test] = fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return chance


def best_thresholds(y: np.ndarray, chance: np.ndarray, refused: np.ndarray, reasons: list[str]) -> tuple[float, float]:
    def cost(pair: tuple[float, float]) -> int:
        d = decisions(chance, refused, reasons, *pair)
        return int(((y == 1) & (d == 0)).sum()) + OVER_REFUSAL_WEIGHT * int(((y == 0) & (d == 1)).sum())

    return min(((r, k) for r in REFUSE_GRID for k in KEEP_GRID), key=lambda pair: (cost(pair), -pair[0], pair[1]))


def main() -> dict[str, Any]:
    engine = Engine.from_settings(Settings(data_dir=Path(tempfile.mkdtemp()), today=date(2026, 11, 30)))
    rows = labelled()
    x, refused, reasons = matrix(engine, [q for q, _, _ in rows])
    y = np.asarray([label for _, label, _ in rows])
    source = np.asarray([s for _, _, s in rows])
    chance = cross_validated(x, y)
    refuse_above, keep_below = best_thresholds(y, chance, refused, reasons)
    report: dict[str, Any] = {
        "n": len(y), "out_of_scope": int(y.sum()), "thresholds": [refuse_above, keep_below],
        "cv_rules": scores(y, refused), "cv_combined": scores(y, decisions(chance, refused, reasons, refuse_above, keep_below)),
    }
    for train_on, test_on in (("calibration", "tuning"), ("tuning", "calibration")):
        train = source == "calibration" if train_on == "calibration" else source != "calibration"
        model = fit(x[train], y[train])
        held = ~train
        held_chance = model.predict_proba(x[held])[:, 1]
        held_reasons = [r for r, h in zip(reasons, held, strict=True) if h]
        report[f"fit_{train_on}_score_{test_on}"] = {
            "rules": scores(y[held], refused[held]),
            "combined": scores(y[held], decisions(held_chance, refused[held], held_reasons, refuse_above, keep_below)),
        }
    return report


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=1))
