"""The reply letter (沪科提复〔2024〕76号): its numbered parts, split into their 一是…八是 points.

The source wraps some sentences across blank lines, so a part's lines are joined before splitting.
Part 三 (next steps) restates the 2024 policy's headings and stays one chunk.
"""

from __future__ import annotations

import re

from index.articles import Article
from index.parsers.text import chinese_ordinal, non_empty_lines

PART = re.compile(r"^([一二三四五六七八九十])、(.+)$")
POINT = re.compile(r"(?=[一二三四五六七八九十]是)")
POINT_HEAD = re.compile(r"^(?P<ordinal>[一二三四五六七八九十])是(?P<title>[^。]+)。")
BODY_START = "你们提出的"
CLOSING_START = "感谢你们"
CONTACT_START = "联系人姓名"
CONTACT_END = "邮政编码"
SPLIT_PARTS = (1, 2)


def parse_reply_letter(doc_id: str, source: str) -> list[Article]:
    lines = non_empty_lines(source)
    intro, parts, contact = _segments(lines)
    articles = [
        Article(doc_id=doc_id, key="intro", label="答复说明", title="提案办理情况", text=intro)
    ]
    for numeral, heading, text in parts:
        number = chinese_ordinal(numeral)
        if number in SPLIT_PARTS:
            articles.extend(_points(doc_id, number, numeral, heading, text))
        else:
            articles.append(
                Article(
                    doc_id=doc_id,
                    key=str(number),
                    label=f"{numeral}、",
                    title=heading,
                    text=text,
                    section=f"{numeral}、{heading}",
                )
            )
    articles.append(
        Article(doc_id=doc_id, key="contact", label="联系方式", title="联系人与联系方式", text=contact)
    )
    return articles


def _segments(lines: list[str]) -> tuple[str, list[tuple[str, str, str]], str]:
    """Split the letter into its opening, its numbered parts and the contact block."""
    intro: list[str] = []
    parts: list[tuple[str, str, list[str]]] = []
    contact: list[str] = []
    where = "header"
    for line in lines:
        if line.startswith(BODY_START):
            where = "intro"
        elif part := PART.match(line):
            where = "part"
            parts.append((part[1], part[2], []))
            continue
        elif line.startswith(CLOSING_START):
            where = "closing"
        elif line.startswith(CONTACT_START):
            where = "contact"
        if where == "intro":
            intro.append(line)
        elif where == "part":
            parts[-1][2].append(line)
        elif where == "contact":
            contact.append(line)
            if line.startswith(CONTACT_END):
                where = "closing"
    return "".join(intro), [(n, h, "".join(body)) for n, h, body in parts], "；".join(contact)


def _points(doc_id: str, number: int, numeral: str, heading: str, text: str) -> list[Article]:
    articles = []
    for piece in POINT.split(text):
        head = POINT_HEAD.match(piece)
        if not head:
            continue
        articles.append(
            Article(
                doc_id=doc_id,
                key=f"{number}.{chinese_ordinal(head['ordinal'])}",
                label=f"{numeral}、{head['ordinal']}是",
                title=head["title"],
                text=piece,
                section=f"{numeral}、{heading}",
            )
        )
    return articles
