"""Whether something is still needed, answered from the sentence that says so.

``need_answered(ask, sentence) -> Need | None``: when ``ask`` (its own words, lower case) asks whether a step is
still needed ("还要办…许可证吗", "do we still need a permit", ``understanding.yaml`` ``need_asked``), what the
source ``sentence`` says of it: ``EXEMPT`` when it frees from the step ("免于办理…进口许可证件", ``exemption_words``),
``REQUIRED`` when it requires it (``requirement_words``), ``UNSAID`` when it does neither; None when the ask asks
something else. The answer then opens with a plain 不需要 / 需要 / the sources do not say, before the sentence.
An ask whether something is obligatory ("参与医院必须认可牵头单位的伦理结果吗？", ``obligation_asked``) that the sentence
only encourages (``encouraging_words``, none of ``requirement_words``): ``ENCOURAGED``, not a requirement.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from assistant.conversation.understand import DATA_PATH
from index.yaml_data import read_yaml_once


class Need(StrEnum):
    EXEMPT = "exempt"  # the sentence frees from what was asked: not needed
    REQUIRED = "required"  # the sentence requires it: needed
    UNSAID = "unsaid"  # the sentence says neither
    ENCOURAGED = "encouraged"  # asked whether it is obligatory, the sentence only encourages it: no obligation


@cache
def _words() -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    raw = read_yaml_once(DATA_PATH)["needs"]
    return (re.compile(str(raw["need_asked"])), tuple(str(w) for w in raw["exemption_words"]),
            tuple(str(w) for w in raw["requirement_words"]))


@cache
def _obligation() -> tuple[re.Pattern[str], tuple[str, ...]]:
    raw = read_yaml_once(DATA_PATH)["needs"]
    return re.compile(str(raw["obligation_asked"]), re.IGNORECASE), tuple(str(w) for w in raw["encouraging_words"])


@cache
def _review_again() -> re.Pattern[str]:
    return re.compile(str(read_yaml_once(DATA_PATH)["needs"]["review_again_asked"]), re.IGNORECASE)


def encouraging_sentence(ask: str, text: str) -> str | None:
    """The first sentence of ``text`` that only encourages (``encouraging_words``, none of ``requirement_words``), when
    ``ask`` (lower case) asks whether a review must be done again (``review_again_asked``: "参与医院还要再审一遍吗":
    （十） encourages them to accept the lead site's result); None when it asks no such thing or no sentence only
    encourages."""
    _, _, requiring = _words()
    _, encouraging = _obligation()
    if not _review_again().search(ask):
        return None
    return next((sentence for sentence in re.split(r"(?<=[。；;])", text) if any(word in sentence for word in encouraging)
                 and not any(word in sentence for word in requiring)), None)


def need_answered(ask: str, sentence: str) -> Need | None:
    """What ``sentence`` says of the step ``ask`` (lower case) asks is still needed; None when it asks no such thing."""
    asked, exempting, requiring = _words()
    obligation, encouraging = _obligation()
    if not asked.search(ask):
        if (obligation.search(ask) and any(word in sentence for word in encouraging)
                and not any(word in sentence for word in requiring)):
            return Need.ENCOURAGED
        return None
    if any(word in sentence for word in exempting):
        return Need.EXEMPT
    if any(word in sentence for word in requiring):
        return Need.REQUIRED
    return Need.UNSAID
