"""The UI's words, read once from ``ui/texts.yaml`` (labels, the opening message, errors, suggestions)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

TEXTS_PATH = Path(__file__).resolve().parent / "texts.yaml"


@cache
def texts() -> dict[str, Any]:
    """The whole file as nested dicts: ``texts()["chat"]["send"]`` is the send button's label."""
    with TEXTS_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded
