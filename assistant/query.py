"""Turning what a user typed into what the search engines match on.

The normalised text (simplified script, half-width, canonical phases) goes to both engines; BM25
also gets Chinese equivalents of English terms from ``data/glossary.yaml``, the policy's terms for
everyday Chinese words (``data/synonyms.yaml``), for trade fairs named by name (``data/events.yaml``) and
for a department named at the press conference (``data/press_speakers.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.events import event_terms
from assistant.speakers import speaker_terms
from index.normalise import normalise
from index.yaml_data import read_yaml

GLOSSARY_PATH = Path(__file__).resolve().parent / "data" / "glossary.yaml"
SYNONYMS_PATH = Path(__file__).resolve().parent / "data" / "synonyms.yaml"
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_TERM_TOUCHING_CHINESE = 3  # letters a glossary term needs to be found right beside Chinese characters
# the letters outside A–Z that a case-insensitive pattern's i, s or k matches (İ ı ſ K), as those letters
IGNORECASE_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
HYPHEN_BETWEEN_WORDS = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
# Chinese the asker quotes inside an English sentence: an article label （二十四）, a 文号, a 《title》, a quote,
# and an amount written the Chinese way (8000万元, 2000万): names and figures, not the language asked in
_QUOTED_CHINESE = re.compile(r"[\u4e00-\u9fff]{1,6}〔\d{4}〕\d+号|（[^）]*）|〔[^〕]*〕|《[^》]*》|“[^”]*”|「[^」]*」|[\d.,]+\s*[万亿]元?")
ENGLISH_MIN_WORDS = 3  # an English question with Chinese names in it has at least this many English words
HAN_PER_WORD = 1  # Chinese characters that weigh as one English word


@dataclass(frozen=True)
class PreparedQuery:
    original: str
    normalised: str
    keyword_text: str


@cache
def _glossary() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(the term in lower case, its pattern, its Chinese terms) for each glossary entry, longest term first."""
    entries = read_yaml(GLOSSARY_PATH)
    ordered = sorted(entries.items(), key=lambda item: -len(item[0]))
    return tuple((term.lower(), re.compile(_term_pattern(term), re.IGNORECASE), str(chinese)) for term, chinese in ordered)


def _term_pattern(term: str) -> str:
    """A glossary term as a whole word. A Latin term of three letters or more (CMO, CRO, IND, clinical
    trial) may also touch Chinese characters, in any case ("cmo补贴多少"): Chinese is written without
    spaces. A shorter one (AI, IP) must stand apart from letters, digits and Chinese alike, since two
    letters beside Chinese are too often part of something else."""
    if len(term) >= MIN_TERM_TOUCHING_CHINESE:
        return rf"(?<![A-Za-z0-9_&]){re.escape(term)}(?![A-Za-z0-9_&])"
    return rf"(?<![\w&]){re.escape(term)}(?![\w&])"


def _glossary_expansions(normalised: str) -> list[str]:
    """The Chinese terms of the glossary entries whose term ``normalised`` holds as a whole word, each
    term once: a term several entries share ("hospital's … hospitals", "reimbursement list … national
    reimbursement") is one word of the query, not weighed again for each English word that names it.

    An entry's pattern (case-insensitive) can match only where its term stands in the text folded to
    lower case (with the four letters other than A–Z that such a match accepts folded to theirs), so
    a substring test finds the few entries worth a search; most Chinese questions hold none. Words joined
    by a hyphen ("the research-hospital measure") are also read as apart, as the glossary writes most terms."""
    found: list[str] = []
    entries, starting_with = _glossary(), _glossary_starts()
    for text in dict.fromkeys((normalised, HYPHEN_BETWEEN_WORDS.sub(" ", normalised))):
        folded = text.translate(IGNORECASE_LETTERS).lower()
        # only a term whose first letter stands in the text can stand in it ("" stands in every text)
        possible = sorted(i for character in {*folded, ""} for i in starting_with.get(character, ()))
        terms = (chinese.split() for term, pattern, chinese in (entries[i] for i in possible) if term in folded and pattern.search(text))
        found += [word for words in terms for word in words]
    return list(dict.fromkeys(found))


@cache
def _glossary_starts() -> dict[str, tuple[int, ...]]:
    """The positions of the glossary's entries (``_glossary``) by the first character of their term."""
    starting_with: dict[str, list[int]] = {}
    for index, (term, _, _) in enumerate(_glossary()):
        starting_with.setdefault(term[:1], []).append(index)
    return {character: tuple(indices) for character, indices in starting_with.items()}


CHINESE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@cache
def _synonyms() -> tuple[tuple[str, str], ...]:
    entries = read_yaml(SYNONYMS_PATH)
    return tuple((str(word), str(terms)) for word, terms in entries.items())


def in_sources_words(text: str) -> str:
    """``text`` with each everyday word of ``data/synonyms.yaml`` it holds (longest first) replaced by the sources'
    terms it stands for ("律所" → 第三方等专业服务): what the words say, in the words the sources use."""
    for word, terms in sorted(_synonyms(), key=lambda pair: -len(pair[0])):
        if word in text:
            text = text.replace(word, f" {terms} ")
    return text


def _synonym_expansions(normalised: str) -> list[str]:
    """The corpus terms of the everyday words ``normalised`` holds, each entry once. A word said only inside a
    longer listed word is that word's ("AI" in "做AI制药的": 人工智能 comes once, with 药物研发), so one thing
    said does not weigh twice against a measure's own term ("队列数据"). Chinese words a removed ask word left apart
    are read together again ("出海 注册" of "出海注册的支持是什么标准": 全球注册认证, not the 海外 of a trial)."""
    normalised = CHINESE_GAP.sub("", normalised)
    matched = [(word, terms) for word, terms in _synonyms() if word in normalised]
    spans = [(m.start(), m.end()) for word, _ in matched for m in re.finditer(re.escape(word), normalised)]

    def said_alone(word: str) -> bool:
        return any(not any(s <= m.start() and m.end() <= e and e - s > len(word) for s, e in spans)
                   for m in re.finditer(re.escape(word), normalised))

    return [terms for word, terms in matched if said_alone(word)]


def is_english(text: str) -> bool:
    """Written in English: Latin letters and no Chinese characters, or an English sentence quoting Chinese
    names and figures ("Can we claim the funding capped at 2000万 for Phase II?"): at least
    ``ENGLISH_MIN_WORDS`` English words, more of them than its other Chinese characters weigh."""
    if not _HAN.search(text):
        return bool(_LATIN.search(text))
    words = len(_LATIN_WORD.findall(text))
    han = len(_HAN.findall(_QUOTED_CHINESE.sub(" ", text)))
    return words >= ENGLISH_MIN_WORDS and words * HAN_PER_WORD > han


def own_terms(query: str) -> str:
    """``query`` normalised, with the Chinese terms of the glossary words it holds ("interest subsidy" → 贴息):
    what the asker said in the corpus's words, without the synonyms a search adds ("贷款" brings 信贷 and 贴息)."""
    normalised = normalise(query)
    return " ".join([normalised, *_glossary_expansions(normalised)])


def prepare(query: str, speakers: bool = True) -> PreparedQuery:
    """``query`` for the keyword index: normalised, with the corpus's terms for its words. ``speakers``: also the
    words of the press speaker for a department it names (a search aid: the speaker's opening words find his
    answer, but they are no part of what is asked, so a sentence chosen within the answer goes without them)."""
    normalised = normalise(query)
    expansions = _glossary_expansions(normalised)
    expansions += _synonym_expansions(normalised)
    expansions += [terms for terms in (event_terms(normalised),) if terms]  # "We attended BIO": 展会 国际性活动
    if speakers:  # "发布会上卫健委…": 胡鸿毅 我委 …
        expansions += [terms for terms in (speaker_terms(normalised),) if terms]
    keyword_text = " ".join([normalised, *expansions])
    return PreparedQuery(original=query, normalised=normalised, keyword_text=keyword_text)
