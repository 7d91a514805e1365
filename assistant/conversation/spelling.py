"""Spoken and mistyped words, put right once when a question is normalised.

``written(text) -> str``: spoken forms become the written ones (``understanding.yaml`` ``spoken_forms``:
"咋算" → "怎么算", "啥" → "什么"; "5000完" → "5000万", ``unit_typos``), then a homophone typo of a domain term is corrected: a run of two to
four Chinese characters that is neither a domain term nor a word of jieba's dictionary, and reads in
pinyin (tones ignored) as exactly one domain term differing from it in one character, becomes that term
("补帖" → "补贴", "伦理审察" → "伦理审查", "改良形" → "改良型", "临床适验" → "临床试验"). The domain
terms are the index's ``terms.txt``, the policy terms ``synonyms.yaml`` maps to and the fact, money and
detail words of ``understanding.yaml``; the everyday words ``synonyms.yaml`` maps from ("临床批件") come second: one is
put in only where no policy term reads the same ("临床适验" is "临床试验", not "临床实验"). A real
word ("上线", "是以") is never changed alone: only strings no dictionary knows, cut at jieba's word
boundaries ("能不能" is one word, "的国内" holds no "德国"), that the sources never write ("申保" is
the Pudong plan's word, not a typo of "申报"), and whose changed character is no common function
character (``understanding.yaml`` ``spelling_keep``: "我是" is not "我市"). An English word of six letters or more
that the data files do not write and that becomes exactly one of their words when two neighbouring letters are
swapped, or one letter left out, is put right ("upfornt" → "upfront", "subsidary" → "subsidiary"); shorter words
swap into other real words too often. A contraction typed without its apostrophe is written with it, as a whole
word (``english_contractions``: "whats" → "what's", "doesnt" → "doesn't").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pypinyin import lazy_pinyin

from index import INDEX_DIR
from index.normalise import normalise
from index.tokens import domain_terms, tokenizer
from index.yaml_data import read_yaml, read_yaml_once

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
UNDERSTANDING_PATH = DATA_DIR / "understanding.yaml"
SYNONYMS_PATH = DATA_DIR / "synonyms.yaml"
SHORTEST, LONGEST = 2, 4  # the lengths of the runs looked at, in characters
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
HAN_WORD = re.compile(rf"[\u4e00-\u9fff]{{{SHORTEST},{LONGEST}}}")
ENGLISH_MIN = 6  # shorter English words swap into other real words too often ("form" / "from")
ENGLISH_WORD = re.compile(rf"(?<![A-Za-z])[A-Za-z]{{{ENGLISH_MIN},}}(?![A-Za-z])")
# the word lists of understanding.yaml that name the domain's things (facts, money, details, the everyday domain words
# of ``spelling_terms``), not the ways of asking:
# a typo is corrected to a term, never to an ask phrase ("能否", "能补") that would change what is asked
DOMAIN_KEYS = ("facts", "money_words", "details", "figure_asks", "spelling_terms")
TEXT_CACHE_SIZE = 2048  # recent messages (a conversation's turns are read again with each new turn)
RUN_CACHE_SIZE = 8192  # runs of Chinese characters corrected (a message's few; they recur across messages)


def written(text: str) -> str:
    """``text`` (normalised, simplified) with spoken forms written out and homophone typos of domain
    terms corrected, and English words with two neighbouring letters swapped put right; unchanged when it has none."""
    return _swaps_corrected(_corrected(_spoken_written(text)))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _swaps_corrected(text: str) -> str:
    """English words of ``ENGLISH_MIN`` letters or more that are no word of the data files (``understanding.yaml``,
    ``synonyms.yaml``) and become exactly one of them when two neighbouring letters are swapped, put right
    ("upfornt payment" → "upfront payment"); every other word as written."""
    vocabulary = _english_words()

    def fixed(match: re.Match[str]) -> str:
        word = match[0]
        lower = word.lower()
        if lower in vocabulary:
            return word
        swaps = {lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:] for i in range(len(lower) - 1)} & vocabulary
        if not swaps and len(lower) > ENGLISH_MIN:  # "subsidary" → "subsidiary": one letter left out of a longer word
            swaps = set(_dropped_one().get(lower, ()))
        return swaps.pop() if len(swaps) == 1 else word

    return ENGLISH_WORD.sub(fixed, text)


@cache
def _dropped_one() -> dict[str, tuple[str, ...]]:
    """Each word of ``_english_words`` with one inner letter left out → the words it may be ("subsidary" → subsidiary)."""
    dropped: defaultdict[str, set[str]] = defaultdict(set)
    for word in _english_words():
        for i in range(1, len(word) - 1):  # (not the first or last letter: "payment" is no "payments" typed short)
            dropped[word[:i] + word[i + 1:]].add(word)
    return {typed: tuple(words) for typed, words in dropped.items()}


@cache
def _english_words() -> frozenset[str]:
    """The English words (``ENGLISH_MIN`` letters or more, lower case) the data files write, in word lists and patterns."""
    strings = [*_strings(read_yaml_once(UNDERSTANDING_PATH)), *_strings(read_yaml(SYNONYMS_PATH))]
    return frozenset(word.lower() for text in strings for word in ENGLISH_WORD.findall(text))


def _spoken_written(text: str) -> str:
    pattern, forms = _spoken()
    written_out = pattern.sub(lambda m: forms[m[0]], text) if pattern is not None else text
    contracted, apostrophes = _contractions()  # "whats the max" → "what's the max": a whole word only
    if contracted is not None:
        written_out = contracted.sub(lambda m: _cased(m[0], apostrophes[m[0].lower()]), written_out)
    # "核定新增投资5000完": a homophone of 万 right after a number, where an amount ends; "250万欧" → "250万欧元"
    for said, form in _after_numbers():
        written_out = said.sub(form, written_out)
    return written_out


def _cased(said: str, form: str) -> str:
    """``form`` in the case ``said`` was typed in ("Whats" → "What's")."""
    return form[:1].upper() + form[1:] if said[:1].isupper() else form


@cache
def _contractions() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """``understanding.yaml`` ``english_contractions``: a contraction typed without its apostrophe, matched as a whole
    word in any case."""
    forms = {str(k).lower(): str(v) for k, v in (read_yaml_once(UNDERSTANDING_PATH).get("english_contractions") or {}).items()}
    if not forms:
        return None, {}
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in forms) + r")\b", re.IGNORECASE), forms


@cache
def _after_numbers() -> tuple[tuple[re.Pattern[str], str], ...]:
    """What is written right after a number, put right: ``understanding.yaml`` ``unit_typos`` (a homophone typed for
    万, "5000完") and ``money_short_forms`` (a currency said short, "250万欧"), each pattern with its written form."""
    data = read_yaml_once(UNDERSTANDING_PATH)
    typo = data.get("unit_typos")
    forms = [(re.compile(str(typo)), "万")] if typo else []
    return tuple([*forms, *((re.compile(str(pattern)), str(form)) for pattern, form in (data.get("money_short_forms") or {}).items())])


@cache
def _spoken() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    forms = {str(k): str(v) for k, v in (read_yaml_once(UNDERSTANDING_PATH).get("spoken_forms") or {}).items()}
    if not forms:
        return None, {}
    return re.compile("|".join(re.escape(k) for k in sorted(forms, key=len, reverse=True))), forms


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _corrected(text: str) -> str:
    return HAN_RUN.sub(lambda run: _corrected_run(run[0]), text)


@lru_cache(maxsize=RUN_CACHE_SIZE)
def _corrected_run(run: str) -> str:
    """One run of Chinese characters with its typos corrected. A correction reads the run alone (its
    sounds, jieba's words, the windows inside it), so a run is corrected once however many messages
    hold it: "能拿多少", "研发投入改成" come back in question after question."""
    terms, by_sound = _lexicon(policy=True)
    everyday, everyday_sound = _lexicon(policy=False)
    known, keep = tokenizer().FREQ, _keep()
    out = list(run)
    sounds = lazy_pinyin(run)
    taken: set[int] = set()
    bounds, alone = {0}, set()  # word boundaries; the characters jieba leaves as words of their own
    for word in tokenizer().cut(run, HMM=False):
        if len(word) == 1:
            alone.add(max(bounds))
        bounds.add(max(bounds) + len(word))
    for length in range(LONGEST, SHORTEST - 1, -1):
        for i in range(len(run) - length + 1):
            span = range(i, i + length)
            if taken & set(span):
                continue
            window = run[i:i + length]
            if i not in bounds or i + length not in bounds or window in terms or window in everyday or known.get(window):
                continue
            sound = tuple(sounds[i:i + length])
            near = _near(window, by_sound.get(sound, ()), keep) or _near(window, everyday_sound.get(sound, ()), keep)
            # the character changed stands alone: a typo breaks a word into characters ("补帖" → 补/帖), a real
            # word ("审察", "上线") keeps its characters together
            near = [t for t in near if all(i + k in alone for k, (a, b) in enumerate(zip(t, window, strict=True)) if a != b)]
            if len(near) == 1 and window not in _sources():
                out[i:i + length] = list(near[0])
                taken |= set(span)
    return "".join(out)


@cache
def _sources() -> str:
    """The shipped source texts, normalised (simplified), as one string."""
    return "\n".join(normalise(path.read_text(encoding="utf-8")) for path in sorted((INDEX_DIR / "sources").glob("*.txt")))


def _near(window: str, terms: tuple[str, ...], keep: frozenset[str]) -> list[str]:
    """The ``terms`` one character apart from ``window``, where the character replaced is no function character."""
    return [t for t in terms if sum(a != b for a, b in zip(t, window, strict=True)) == 1
            and not any(a != b and b in keep for a, b in zip(t, window, strict=True))]


@cache
def _lexicon(policy: bool) -> tuple[frozenset[str], dict[tuple[str, ...], tuple[str, ...]]]:
    """(the terms, those of two to four characters by their pinyin): the policy terms, or (``policy`` False)
    the everyday words of ``synonyms.yaml``."""
    words = _words() if policy else (str(w) for w in read_yaml(SYNONYMS_PATH))
    terms = {w for w in words if HAN_WORD.fullmatch(w)}
    by_sound: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for term in sorted(terms):
        by_sound[tuple(lazy_pinyin(term))].append(term)
    return frozenset(terms), {k: tuple(v) for k, v in by_sound.items()}


def _words() -> Iterator[str]:
    yield from domain_terms()
    for terms in read_yaml(SYNONYMS_PATH).values():
        yield from str(terms).split()
    raw = read_yaml_once(UNDERSTANDING_PATH)
    for key in DOMAIN_KEYS:
        yield from _strings(raw.get(key))


@cache
def _keep() -> frozenset[str]:
    """Common function characters a correction never replaces."""
    return frozenset(str(read_yaml_once(UNDERSTANDING_PATH).get("spelling_keep") or ""))


def _strings(node: Any) -> Iterator[str]:
    """Every string in a YAML tree (keys of word maps included); patterns give nothing a word matches."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
