"""The sentences of a version's articles as BM25 documents of their own.

An article's BM25 score is damped by its length: a press answer of a thousand characters that states
"65家拥有临床试验资格的医疗机构" in one sentence loses to a short measure that shares the question's common
words. Scored one sentence at a time, the sentence that states the asked fact stands out whatever the
length of the article around it (the "best passage" score of passage retrieval).

    index = SentenceIndex.build(articles, tokens_of)   # once per index version (``index.snapshot``)
    index.scores(terms)                                 # each sentence's BM25 score, in ``index.rows`` order
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from index.articles import Article

SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")
SPANS_FILE = "sentence_spans.npy"
MODEL_FOLDER = "sentence_bm25"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``text`` that holds more than punctuation and spaces."""
    spans, start = [], 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        if text[start:end].strip(" \u3000\t\r\n，,。；;"):
            spans.append((start, end))
        if match is not None:
            start = match.end()
    return spans


def _is_heading(sentence: str, article: Article) -> bool:
    """Whether ``sentence`` is the article's own heading ("（十九）加大创新产品医保支付支持力度。", "17.加强产医深度融合。"):
    the title the article's own score already weighs, stating no fact."""
    bare = re.sub(r"[\s。.．、]", "", sentence)
    title = re.sub(r"[\s。.．、]", "", article.title)
    return bool(title) and bare.endswith(title) and len(bare) <= len(title) + len(article.label) + 2


def fingerprint() -> str:
    """Changes whenever the sentences of an article may be cut differently (this module changed)."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


@dataclass(frozen=True, eq=False)
class SentenceIndex:
    """``rows``: one row per sentence, (article row, start, end) in the article's text; ``bm25``: the
    BM25 model over the sentences' tokens, in the same order."""

    rows: np.ndarray
    bm25: bm25s.BM25

    @classmethod
    def build(cls, articles: Sequence[Article], tokens_of: Callable[[str], list[str]]) -> SentenceIndex:
        """Every sentence of ``articles`` with a search term, cut by ``tokens_of`` (the articles' tokenizer),
        but an article's heading."""
        rows: list[tuple[int, int, int]] = []
        tokens: list[list[str]] = []
        for number, article in enumerate(articles):
            for start, end in sentence_spans(article.text):
                sentence = article.text[start:end]
                terms = tokens_of(sentence) if not _is_heading(sentence, article) else []
                if terms:
                    rows.append((number, start, end))
                    tokens.append(terms)
        model = bm25s.BM25()
        model.index(tokens or [[""]], show_progress=False)
        return cls(np.asarray(rows, dtype=np.int64).reshape(-1, 3), model)

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """Each sentence's BM25 score for ``terms`` (words the sentences never use are left out)."""
        vocabulary = self.bm25.vocab_dict
        known = [t for t in terms if t in vocabulary]
        if not known or not len(self.rows):
            return np.zeros(len(self.rows))
        return np.asarray(self.bm25.get_scores(known), dtype=np.float64)

    def article_of(self, row: int) -> int:
        return int(self.rows[row, 0])

    def text_of(self, row: int, articles: Sequence[Article]) -> str:
        number, start, end = (int(v) for v in self.rows[row])
        return articles[number].text[start:end]

    def save(self, folder: Path) -> None:
        np.save(folder / SPANS_FILE, self.rows)
        self.bm25.save(str(folder / MODEL_FOLDER), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> SentenceIndex:
        rows = np.load(folder / SPANS_FILE, allow_pickle=False)
        return cls(np.asarray(rows, dtype=np.int64), bm25s.BM25.load(str(folder / MODEL_FOLDER), mmap=False, show_progress=False))
