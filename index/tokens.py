"""Jieba tokens for BM25, with the policy's own terms as one token each (``terms.txt``)."""

from __future__ import annotations

import hashlib
import logging
import re
from functools import cache, lru_cache
from pathlib import Path

import jieba

from index import INDEX_DIR
from index.load_cache import cached
from index.normalise import normalise

_WORD = re.compile(r"[\w\u4e00-\u9fff]")
TOKEN_SEPARATOR = "\x1f"  # joins a chunk's stored tokens; never inside a token
TOKEN_CACHE_SIZE = 8192  # texts whose terms are kept (the corpus's sentences and clauses, recent questions)


@cache
def tokenizer() -> jieba.Tokenizer:
    """jieba with the policy's own terms (``terms.txt``) as whole words; built once per process, its
    dictionary read from the load cache (``index.load_cache``) when it holds it."""
    jieba.setLogLevel(logging.WARNING)
    loaded = jieba.Tokenizer()
    terms = INDEX_DIR / "terms.txt"
    sources = (Path(jieba.__file__).parent / "dict.txt", terms)
    loaded.FREQ, loaded.total, loaded.user_word_tag_tab = cached("jieba-terms", sources, ("jieba",),
                                                                  lambda: _dictionary(terms))
    loaded.initialized = True
    return loaded


def _dictionary(terms: Path) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's prefix dictionary with ``terms`` added, as jieba builds it: (word → frequency, the
    frequencies' total, word → part-of-speech tag given in ``terms``)."""
    built = jieba.Tokenizer()
    built.load_userdict(str(terms))
    return built.FREQ, built.total, built.user_word_tag_tab


@cache
def _stopwords() -> frozenset[str]:
    return frozenset((INDEX_DIR / "stopwords.txt").read_text(encoding="utf-8").split())


def tokenize(text: str) -> list[str]:
    """Normalised, lower-cased search terms of ``text``; punctuation and stop words dropped.

    jieba's search mode also emits the words inside a long term ("实际缴纳保费" → 保费 …), so a
    question that says "保费补贴" still meets the article that says "实际缴纳保费".
    """
    return list(_terms(text))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _terms(text: str) -> tuple[str, ...]:
    """``tokenize``'s terms, kept for the texts cut most recently: every answer weighs the sentences and
    clauses of the articles it cites against the question, the same few thousand texts turn after turn."""
    words = (word.strip().lower() for word in tokenizer().cut_for_search(normalise(text), HMM=True))
    stop = _stopwords()
    return tuple(word for word in words if word and _WORD.search(word) and word not in stop)


def domain_terms() -> list[str]:
    """The terms jieba must keep whole, in the file's order."""
    lines = (INDEX_DIR / "terms.txt").read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]


@cache
def tokenizer_fingerprint() -> str:
    """Changes whenever ``tokenize`` may cut differently (jieba, the term list, the stop words or this
    code changed), so tokens stored with an index version are reused only while they are what
    ``tokenize`` gives."""
    digest = hashlib.sha256(jieba.__version__.encode())
    for path in (INDEX_DIR / "terms.txt", INDEX_DIR / "stopwords.txt", INDEX_DIR / "tokens.py", INDEX_DIR / "normalise.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
