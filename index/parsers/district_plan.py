"""The Pudong action plan (浦府办〔2022〕2号): preamble, guiding idea, goals, directions, the 20
tasks and the safeguards; each task joined with its responsible departments from the annexed table.
"""

from __future__ import annotations

import re

from index.articles import Article
from index.parsers.text import chinese_ordinal, non_empty_lines, split_departments

PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
SUBPART = re.compile(r"^\((?P<numeral>[一二三四五六七八九十]+)\)(?P<title>.+)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,2})\.(?P<title>[^。]+)。")
PREAMBLE_START = "生物医药产业是"
ANNEX_START = "附件"
TABLE_NUMBER = re.compile(r"^(\d{1,2}) \|$")


def parse_district_plan(doc_id: str, source: str) -> list[Article]:
    lines = non_empty_lines(source)
    annex = next(i for i, line in enumerate(lines) if line.startswith(ANNEX_START))
    departments = _task_departments(lines[annex:])
    articles: list[Article] = []
    part = subpart = ""
    for index, line in enumerate(lines[:annex]):
        if line.startswith(PREAMBLE_START):
            articles.append(Article(doc_id, "preamble", "前言", "制定依据与定位", line))
        elif PART.match(line):
            part, subpart = line, ""
        elif sub := SUBPART.match(line):
            subpart = line
            body = lines[index + 1] if index + 1 < annex else ""
            if part.startswith("三、") or NUMBERED.match(body):
                continue
            articles.append(_subpart_article(doc_id, part, sub, body))
        elif numbered := NUMBERED.match(line):
            articles.append(_numbered_article(doc_id, part, subpart, numbered, line, departments))
    return articles


def _subpart_article(doc_id: str, part: str, sub: re.Match[str], body: str) -> Article:
    """A titled paragraph such as (一)指导思想 or (二)加强立法保障."""
    part_no = chinese_ordinal(PART.match(part)[1])  # type: ignore[index]
    return Article(
        doc_id=doc_id,
        key=f"{part_no}.{chinese_ordinal(sub['numeral'])}",
        label=f"({sub['numeral']})",
        title=sub["title"],
        text=f"{sub['title']}：{body}",
        section=part,
    )


def _numbered_article(
    doc_id: str,
    part: str,
    subpart: str,
    numbered: re.Match[str],
    line: str,
    departments: dict[int, tuple[str, ...]],
) -> Article:
    number = int(numbered["number"])
    is_task = part.startswith("三、")
    return Article(
        doc_id=doc_id,
        key=f"task-{number:02d}" if is_task else f"goal-{number}",
        label=str(number),
        title=numbered["title"],
        text=line,
        section=f"{part} {subpart}".strip(),
        departments=departments.get(number, ()) if is_task else (),
    )


def _task_departments(annex: list[str]) -> dict[int, tuple[str, ...]]:
    """Rows of the task table are three lines: ``N |``, the work, the responsible departments."""
    departments: dict[int, tuple[str, ...]] = {}
    for index, line in enumerate(annex):
        if row := TABLE_NUMBER.match(line):
            listing = annex[index + 2].rstrip("| ").strip()
            departments[int(row[1])] = split_departments(listing)
    return departments
