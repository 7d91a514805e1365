"""Small text helpers the parsers share: Chinese ordinals and department lists."""

from __future__ import annotations

import re

import cn2an

_DEPARTMENT_SEPARATOR = re.compile(r"[、，,]")


def chinese_ordinal(numeral: str) -> int:
    """``三十七`` → 37, via cn2an (the printed labels use Chinese numerals)."""
    return int(cn2an.cn2an(numeral, "smart"))


def split_departments(listing: str) -> tuple[str, ...]:
    """``市科委、市财政局`` → ("市科委", "市财政局"); a trailing 等 ("and others") is dropped."""
    parts = (part.strip() for part in _DEPARTMENT_SEPARATOR.split(listing))
    return tuple(part.removesuffix("等") for part in parts if part)


def non_empty_lines(source: str) -> list[str]:
    return [line.strip() for line in source.splitlines() if line.strip()]
