"""Every answer of the question set and the dev split, written down so that a change made for speed can
show it changed no answer.

    python -m eval.answer_check save answers.json      # before the change
    python -m eval.answer_check compare answers.json   # after it: exit 1 and the differing items when any differ

Each single question is asked in a new conversation, each dialogue turn by turn in its own; the
search results (ids and scores) of every question are kept too. The session id, new on every run,
is left out; everything else of the answer is compared as JSON. Runs on the index of the settings'
data dir (built when missing), on the eval day.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from assistant.engine import Engine
from assistant.settings import load_settings
from eval.answers import EVAL_DIR
from eval.runner import EVAL_DAY, load_items

DEV_SPLIT = EVAL_DIR / "everyday_dev.jsonl"

app = typer.Typer(add_completion=False)


def questions() -> list[tuple[str, list[str]]]:
    """(item id, its turns): the question set's items and the dev split's, in file order."""
    asked = []
    for item in load_items():
        turns = [turn["question"] for turn in item.turns] if item.kind == "dialogue" else [item.question]
        asked.append((item.id, turns))
    for line in DEV_SPLIT.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            turns = [turn["question"] for turn in item["turns"]] if item.get("turns") else [item["question"]]
            asked.append((f"dev:{item['id']}", turns))
    return asked


def answers(engine: Engine) -> dict[str, Any]:
    """Item id → each turn's answer (JSON, without the session id) and each question's search results."""
    result: dict[str, Any] = {}
    for item_id, turns in questions():
        session = None
        replies = []
        for question in turns:
            answer = engine.ask(question, session)
            session = answer.session_id
            replies.append({**answer.model_dump(mode="json", exclude={"session_id"}),
                            "search": [hit.model_dump(mode="json") for hit in engine.search(question, k=10)]})
        result[item_id] = replies
    return result


def current() -> dict[str, Any]:
    settings = load_settings().model_copy(update={"today": EVAL_DAY})
    return answers(Engine.from_settings(settings))


@app.command()
def save(path: Path) -> None:
    """Writes every answer to ``path``."""
    found = current()
    path.write_text(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} items written to {path}")


@app.command()
def compare(path: Path) -> None:
    """Exit 1 when any answer differs from those saved in ``path``."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    found = json.loads(json.dumps(current(), ensure_ascii=False))
    differing = sorted(item for item in saved.keys() | found.keys() if saved.get(item) != found.get(item))
    for item in differing:
        print(f"differs: {item}")
    print(f"{len(saved)} items saved, {len(found)} now, {len(differing)} differ")
    if differing:
        sys.exit(1)


if __name__ == "__main__":
    app()
