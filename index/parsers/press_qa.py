"""The press-conference transcript: one article per question-and-answer pair, keeping who spoke."""

from __future__ import annotations

import re

from index.articles import Article
from index.parsers.text import non_empty_lines

QUESTION = re.compile(r"^(?P<asker>[^:：]{2,12})[:：](?P<question>.+[？?])$")
ANSWER = re.compile(r"^(?P<answerer>[^:：]{2,4})[:：](?P<answer>.+)$")


def parse_press_qa(doc_id: str, source: str) -> list[Article]:
    pairs: list[tuple[str, str, str, list[str]]] = []
    for line in non_empty_lines(source):
        if question := QUESTION.match(line):
            pairs.append((question["asker"].strip(), question["question"].strip(), "", []))
        elif pairs and not pairs[-1][2] and (answer := ANSWER.match(line)):
            asker, text, _, body = pairs[-1]
            pairs[-1] = (asker, text, answer["answerer"].strip(), [line])
        elif pairs and pairs[-1][2]:
            pairs[-1][3].append(line)
    return [
        Article(
            doc_id=doc_id,
            key=f"q{index:02d}",
            label=f"问{index}",
            title=question,
            text=f"{asker}:{question}\n" + "\n".join(body),
            speakers=(asker, answerer),
        )
        for index, (asker, question, answerer, body) in enumerate(pairs, start=1)
    ]
