"""Scope: do the sources cover what a question asks about? Reads the ``Question`` record.

Out of scope: topics the sources do not treat (tax, listing rules, patients' reimbursement …, from
``data/scope.yaml``), another city's or country's own policies, a document that is not among the
sources (a named 《title》 or 管理办法, another district's plan), chit-chat and writing tasks, and a
question most of whose words the sources never use (``known_words``: the retriever's count of the
question's words found in the corpus). Whether an in-scope question matches an article at all is the
retriever's call (``is_about_policy``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jieba.posseg
import yaml

from assistant.conversation.question import Question
from assistant.conversation.understand import has_word
from index.documents import Catalogue
from index.tokens import tokenizer

SCOPE_PATH = Path(__file__).resolve().parent.parent / "data" / "scope.yaml"


@dataclass(frozen=True)
class ScopeVerdict:
    """``covered`` False with the reason (off_topic:<group>, place, document) and what was named."""

    covered: bool
    reason: str = ""
    named: str = ""


COVERED = ScopeVerdict(True)
PLACE_SUFFIXES = ("市", "省", "县", "州", "自治区")


@dataclass(frozen=True)
class _ScopeData:
    off_topics: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    other_places: tuple[str, ...]
    foreign_places: tuple[str, ...]
    place_as_location: str
    place_as_subject: str
    districts: tuple[str, ...]
    catalogued_districts: tuple[str, ...]
    district_document: str
    district_subject: str
    named_document: re.Pattern[str]
    unnamed_document: re.Pattern[str]
    min_known_share: float
    min_words_for_share: int


@cache
def _data() -> _ScopeData:
    raw = yaml.safe_load(SCOPE_PATH.read_text(encoding="utf-8"))
    return _ScopeData(
        off_topics=tuple(
            (group, tuple(re.compile(str(p), re.IGNORECASE) for p in patterns)) for group, patterns in raw["off_topics"].items()
        ),
        other_places=tuple(str(p).lower() for p in raw["other_places"]),
        foreign_places=tuple(str(p).lower() for p in raw["foreign_places"]),
        place_as_location=raw["place_as_location"],
        place_as_subject=raw["place_as_subject"],
        districts=tuple(raw["shanghai_districts"]),
        catalogued_districts=tuple(raw["catalogued_districts"]),
        district_document=raw["district_document"],
        district_subject=raw["district_subject"],
        named_document=re.compile(raw["named_document"]),
        unnamed_document=re.compile(raw["unnamed_document"]),
        min_known_share=float(raw["min_known_share"]),
        min_words_for_share=int(raw["min_words_for_share"]),
    )


@cache
def _posseg() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(tokenizer())


def judge(question: Question, cat: Catalogue, known_words: tuple[int, int] = (0, 0)) -> ScopeVerdict:
    """Whether the sources can cover ``question``; the reason when they cannot.

    ``known_words`` is (words the corpus uses, all words) of the question without its ask words; a
    follow-up ("那如果…呢") is exempt from that count, its topic being the conversation's.
    """
    data = _data()
    text = question.text
    for group, patterns in data.off_topics:
        if any(p.search(text) for p in patterns):
            return ScopeVerdict(False, f"off_topic:{group}")
    known, words = known_words
    if words >= data.min_words_for_share and known / words < data.min_known_share and not question.follow_up:
        return ScopeVerdict(False, "unknown_words")
    document = _unknown_document(text, cat, data)
    if document:
        return ScopeVerdict(False, "document", document)
    place = "" if question.facts.registered == "elsewhere" else _other_place(text, data)  # where the asker is registered
    if place:
        return ScopeVerdict(False, "place", place)
    return COVERED


def _unknown_document(text: str, cat: Catalogue, data: _ScopeData) -> str:
    titles = [d.title for d in cat.documents] + [d.number or "" for d in cat.documents]
    names = [match[1] for match in data.named_document.finditer(text)]
    names += [match[0] for match in data.unnamed_document.finditer(re.sub(r"《[^》]*》", "", text))]
    for name in names:
        if not any(name in title or title in name for title in titles if title) and not cat.named_in(name):
            return name
    for district in data.districts:
        if district in data.catalogued_districts:
            continue
        for pattern in (data.district_document, data.district_subject):
            if re.search(pattern.replace("{district}", re.escape(district)), text):
                return district
    return ""


def _other_place(text: str, data: _ScopeData) -> str:
    """A place outside Shanghai whose own policies the question is about (not where work happens)."""
    if "上海" in text or "沪" in text or "shanghai" in text:
        return ""
    candidates = [p for p in data.other_places if has_word(text, [p])]
    candidates += [p for p in data.foreign_places if has_word(text, [p])]
    # jieba tags many policy words as places (伦理, 关联, 上市): only names with a place suffix count
    # a tagged word is a piece of the text, so one ending in a place suffix needs the suffix in the text
    # (tagging is the costly step of the scope check)
    tagged = [w for w, flag in _posseg().cut(text) if flag == "ns" and 3 <= len(w) <= 5 and w.endswith(PLACE_SUFFIXES)
              ] if any(suffix in text for suffix in PLACE_SUFFIXES) else []
    home = ("上海", "浦东", "中国", "全国", "国内", "长三角")
    candidates += [w for w in tagged if w.removesuffix("区").removesuffix("新区") not in data.districts and not w.startswith(home)]
    for place in dict.fromkeys(candidates):
        escaped = re.escape(place)
        if re.search(data.place_as_location.replace("{place}", escaped), text):
            continue
        if place in data.foreign_places and not re.search(data.place_as_subject.replace("{place}", escaped), text):
            continue
        return place
    return ""
