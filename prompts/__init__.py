"""Every text the assistant speaks in, loaded by name: prompts for the LLM path, templates for the rest."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

PROMPTS_DIR = Path(__file__).resolve().parent


@cache
def prompt(name: str) -> str:
    """A prompt file's text, e.g. ``prompt("system")`` reads ``system.txt``."""
    return (PROMPTS_DIR / f"{name}.txt").read_text(encoding="utf-8")


@cache
def templates() -> dict[str, dict[str, Any]]:
    """Answer templates by language (``zh`` / ``en``)."""
    return yaml.safe_load((PROMPTS_DIR / "answers.yaml").read_text(encoding="utf-8"))


@cache
def wording(name: str) -> dict[str, dict[str, Any]]:
    """A wording file by language (``zh`` / ``en``), e.g. ``wording("calculation")`` reads ``calculation.yaml``."""
    return yaml.safe_load((PROMPTS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
