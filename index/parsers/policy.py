"""The main policy (沪府办规〔2024〕9号): one article per measure （一）…（三十七）, plus scope and validity.

The pattern accepts both full-width and half-width brackets and colons, so the traditional-script
repost (002, after OpenCC) parses with the same code and can be checked measure by measure.
"""

from __future__ import annotations

import re

from index.articles import Article
from index.parsers.text import chinese_ordinal, non_empty_lines, split_departments

SECTION = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
MEASURE = re.compile(
    r"^[（(](?P<numeral>[一二三四五六七八九十]+)[）)]"
    r"(?P<title>[^。]+)。(?P<body>.*?)"
    r"(?:[（(]责任单位[：:](?P<departments>[^）)]+)[）)])?$"
)
SCOPE_START = "本意见支持范围"
VALIDITY_START = "本意见自"


def parse_policy(doc_id: str, source: str) -> list[Article]:
    articles: list[Article] = []
    section = ""
    for line in non_empty_lines(source):
        if SECTION.match(line):
            section = line
            continue
        if measure := MEASURE.match(line):
            number = chinese_ordinal(measure["numeral"])
            articles.append(
                Article(
                    doc_id=doc_id,
                    key=f"{number:02d}",
                    label=f"（{measure['numeral']}）",
                    title=measure["title"],
                    text=line,
                    section=section,
                    departments=split_departments(measure["departments"] or ""),
                )
            )
        elif line.startswith(SCOPE_START):
            articles.append(_closing(doc_id, "scope", "支持范围", "支持范围与从优原则", line))
        elif line.startswith(VALIDITY_START):
            articles.append(_closing(doc_id, "validity", "有效期", "实施日期与有效期", line))
    return articles


def _closing(doc_id: str, key: str, label: str, title: str, line: str) -> Article:
    return Article(doc_id=doc_id, key=key, label=label, title=title, text=line, section="附则")
