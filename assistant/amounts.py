"""Money as people type it (``6000万``, ``0.6亿``, ``六千万``, ``RMB 60 million``) → exact yuan.

Chinese numerals go through cn2an; the rest is a small grammar of number + unit, because no library
reads mixed forms such as ``6,000万元`` or ``RMB 60 million``. Everything is ``Decimal``: a float
would drift near 1亿.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path

import cn2an

from assistant.errors import InvalidInputs
from index.normalise import normalise
from index.yaml_data import read_yaml

MAX_YUAN = Decimal("1000000000000")  # 1万亿: larger than any figure an enterprise could mean
TEXTS_KEPT = 2048  # recent texts whose amounts (and cleaned form) are kept
UNITS = {
    "": Decimal(1),
    "元": Decimal(1),
    "块": Decimal(1),
    "千": Decimal(1_000),
    "万": Decimal(10_000),
    "十万": Decimal(100_000),
    "百万": Decimal(1_000_000),
    "千万": Decimal(10_000_000),
    "亿": Decimal(100_000_000),
    "万亿": Decimal(1_000_000_000_000),
    "thousand": Decimal(1_000),
    "k": Decimal(1_000),
    "million": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "m": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
}
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?"
# "1亿5000万", "1亿零500万", "1亿2千万": 亿 and 万 in one amount, read whole by cn2an (the Chinese-numeral
# form "一亿五千万" is one run of numerals already)
_YI_WAN = r"\d+亿零?\d+[千百]?万"
# "1万5", "2万5千", "1亿5": the spoken short form, one digit after 万 or 亿 counting the next place down (1万5 is
# 15000, 1亿5 is 1.5亿), as "一万五" is in Chinese numerals
_SPOKEN_TAIL = r"\d+(?:万\d千?|亿\d(?:千万)?)(?!\d|[.,]\d)"
_AMOUNT = re.compile(
    rf"(?P<neg>(?<![a-z0-9])[-−]\s*|负\s*)?"  # ("up-to-8-million" is no negative)
    rf"(?P<cur>rmb|cny|¥|￥|人民币)?\s*"
    rf"(?P<num>{_YI_WAN}|{_SPOKEN_TAIL}|(?:{_NUMBER})|[{_CN_DIGITS}点]+)\s*"
    r"(?:个(?=\s*亿))?\s*"  # "一个亿", "两个亿": 亿 counted as a unit
    r"(?:-(?=million|billion|thousand))?"  # "the up-to-8-million part": a hyphenated unit
    r"(?P<unit>万亿|千万|百万|十万|万|亿|千|(?:millions?|billions?|thousands?|mn|bn|k|m)(?![a-z]))?\s*"  # ("195 krw" is no 195k)
    r"(?P<tail>元|块|yuan|rmb|cny)?(?:\s*人民币)?",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(r"^(?:约|大约|大概|将近|近|差不多|approximately|approx\.?|about|around|roughly|~|～)\s*[\d零一二两三四五六七八九十]"
                          r"|(?:左右|上下)$|[\d零一二两三四五六七八九十百千](?:多|余)(?:[万亿千百]|元|$)")
# the same hedges around an amount inside a message: "约5000万", "5000万左右"
_APPROXIMATE_BEFORE = re.compile(r"(?:约|大约|大概|将近|差不多|估计|预计|approximately|approx\.?|about|around|roughly|~|～)\s*$")
_APPROXIMATE_AFTER = re.compile(r"^\s*(?:左右|上下)")
CURRENCY_PATH = Path(__file__).resolve().parent / "data" / "currency.yaml"
USD_MARKS = "usd"  # the dollar's marks in ``currency.yaml`` ``marks``
OTHER_MARKS = "other"  # every other currency's
BARE_UNIT_REACH = 16  # characters before a bare "50m" searched for a money word ("spend of ")
LISTED_REACH = 40  # characters between an amount of money and a bare "45m" listed after it
# a count or a measure, no money: "1.2万平" (square metres), "3万例", "2万台", "1万吨"
_NOT_MONEY_AFTER = re.compile(r"^\s*(?:平方|平米|平(?![均台])|㎡|亩|例|台|吨|床|人|家|个|项(?!目)|款|张|类|期|年|月|日|号|%|倍|周|天|名)")


class AmountError(InvalidInputs):
    """The text is not an amount we can use; the message says why, for the user."""


@dataclass(frozen=True)
class FoundAmount:
    """An amount inside a message: as written, in yuan, where it stands; ``approximate`` when the
    message hedges it ("约5000万", "5000万左右")."""

    text: str
    yuan: Decimal
    start: int
    end: int
    approximate: bool = False


def parse_amount(text: str, allow_zero: bool = False, *, unit_required: bool = False) -> Decimal:
    """One amount in yuan (``6000万``, ``1亿5000万``, ``1.5亿元人民币``). A bare number is yuan unless
    ``unit_required`` (text typed by a person, where ``6000`` may mean 6000万). Raises ``AmountError``
    with a readable reason: an approximate amount (``约5000万``), a foreign currency (no exchange rate is
    set), a negative, zero or absurd figure, a bare number when a unit is required."""
    cleaned = _cleaned(text)
    if not cleaned:
        raise AmountError("amount is empty")
    reason = _refusal(cleaned)
    if reason == "approximate":
        raise AmountError(f"{text!r} is approximate; an exact amount is needed (e.g. 5000万)")
    if reason == "foreign_currency":
        raise AmountError(f"{text!r} is not in RMB and the policy sets no exchange rate; give the amount in yuan "
                          "(e.g. 3500万元)")
    match = _AMOUNT.fullmatch(cleaned)
    if not match:
        raise AmountError(f"cannot read {text!r} as an amount (try 6000万, 0.6亿 or 60000000元)")
    if unit_required and _bare(match):
        raise AmountError(f"{text!r} has no unit: write {cleaned}元 or {cleaned}万 (a JSON number is yuan)")
    return _checked(_value(match), text, allow_zero, negative=bool(match["neg"]))


def is_bare_number(text: str) -> bool:
    """Whether ``text`` is a number with no unit or currency (``"6000"``): 6000元 or 6000万?"""
    match = _AMOUNT.fullmatch(_cleaned(text))
    return match is not None and _bare(match)


@lru_cache(maxsize=TEXTS_KEPT)
def _cleaned(text: str) -> str:
    """``text`` as the amount readers compare it: normalised, trimmed, lower case, a full-width comma half-width."""
    return normalise(str(text)).strip().lower().replace("，", ",")


def _bare(match: re.Match[str]) -> bool:
    return not (match["unit"] or match["tail"] or match["cur"] or match["num"][-1] in "万亿")


def refused_amounts(message: str) -> list[tuple[str, str]]:
    """Money amounts inside a chat message that cannot be used, as (the amount as written, why:
    ``negative`` | ``too_large``): what ``find_amounts`` leaves out, so a statement can say why a figure
    was not taken."""
    refused = []
    for match in _money_matches(normalise(message)):
        try:
            yuan = _value(match)
        except AmountError:
            continue
        if match["neg"] or yuan < 0:
            refused.append((match[0].strip(), "negative"))
        elif yuan > MAX_YUAN:
            refused.append((match[0].strip(), "too_large"))
    return refused


def find_amounts(message: str) -> list[FoundAmount]:
    """Amounts inside a chat message: only numbers that carry a money unit or currency count."""
    return list(_found_amounts(message))


@lru_cache(maxsize=TEXTS_KEPT)
def _found_amounts(message: str) -> tuple[FoundAmount, ...]:
    """``find_amounts``, kept for recent messages: a turn reads the facts of its message more than once
    (understanding, scope, each ask)."""
    text = normalise(message)
    found = []
    for match in _money_matches(text):
        try:
            yuan = _checked(_value(match), match[0], allow_zero=True, negative=bool(match["neg"]))
        except AmountError:
            continue
        hedged = bool(_APPROXIMATE_BEFORE.search(text[max(0, match.start() - 14): match.start()].lower())
                      or _APPROXIMATE_AFTER.match(text[match.end():]))
        found.append(FoundAmount(match[0].strip(), yuan, match.start(), match.end(), hedged))
    return tuple(found)


def _money_matches(text: str) -> list[re.Match[str]]:
    """The stretches of ``text`` that are amounts of money: a number with a money unit or currency."""
    kept: list[re.Match[str]] = []
    for match in _AMOUNT.finditer(text):
        foreign = foreign_before(text[max(0, match.start() - 4): match.start()].lower()) or foreign_after(
            text[match.end():].lower())
        # ("一万五", "1万5": 万 or 亿 inside the number is its unit)
        has_money_unit = bool(match["unit"] or match["tail"] or match["cur"]) or any(u in match["num"] for u in "万亿") or bool(
            re.fullmatch(_NUMBER, match["num"]) and foreign)
        if not has_money_unit or not match["num"].strip("点"):
            continue
        if match["unit"] and match["unit"].lower() in {"m", "k"} and not (match["cur"] or match["tail"] or foreign) and not (
                _bare_unit_money(text[max(0, match.start() - BARE_UNIT_REACH): match.start()], text[match.end():])
                or _listed_after_money(kept, match, text)):
            continue
        if _NOT_MONEY_AFTER.match(text[match.end() :]):
            continue
        if match["unit"] and match["unit"].lower() in {"m", "k"} and text[match.end():match.end() + 1] in {"万", "亿"}:
            # "3.2k万" mixes two units; read as neither (never as 3200 yuan), the figure is asked for rather than guessed
            continue
        kept.append(match)
    return kept


def _value(match: re.Match[str]) -> Decimal:
    number = match["num"]
    unit = (match["unit"] or "").lower().removesuffix("s")  # ("5 millions": the plural of a unit)
    try:
        if re.fullmatch(_YI_WAN, number):
            return Decimal(str(cn2an.cn2an(number, "smart")))
        if spoken := re.fullmatch(r"(\d+)([万亿])(\d)", re.sub(r"千万?$", "", number)):
            place = UNITS[spoken[2]]
            return (Decimal(spoken[1]) * place + Decimal(spoken[3]) * place / 10) * UNITS[unit]
        if spoken_cn := re.fullmatch(r"(.+?)亿([一二两三四五六七八九])", number):
            # "一亿二", "三亿五": the spoken short form in Chinese numerals, one digit after 亿 counting the next place
            # down (1.2亿, 3.5亿), which cn2an does not read
            head = Decimal(str(cn2an.cn2an(spoken_cn[1], "smart")))
            tail = Decimal(str(cn2an.cn2an(spoken_cn[2], "smart")))
            return (head + tail / 10) * UNITS["亿"] * (UNITS[unit] if unit else 1)
        if re.fullmatch(_NUMBER, number):
            value = Decimal(number.replace(",", ""))
        else:
            value = Decimal(str(cn2an.cn2an(number + unit if unit in {"万", "亿"} else number, "smart")))
            if unit in {"万", "亿"}:
                return value
    except (InvalidOperation, ValueError, KeyError) as error:
        raise AmountError(f"cannot read {match[0]!r} as an amount") from error
    return value * UNITS[unit]


def _checked(yuan: Decimal, text: str, allow_zero: bool, negative: bool) -> Decimal:
    if negative or yuan < 0:
        raise AmountError(f"{text!r}: an amount cannot be negative")
    if yuan == 0 and not allow_zero:
        raise AmountError(f"{text!r}: the amount must be greater than zero")
    if yuan > MAX_YUAN:
        raise AmountError(f"{text!r} is more than 1万亿元; please check the figure")
    return yuan.quantize(Decimal(1)) if yuan == yuan.to_integral_value() else yuan  # 1.5亿 is 150000000, not 150000000.0


def format_yuan(yuan: Decimal | int) -> str:
    """The way the policy writes money: 2000万元, 1亿元, 1.5亿元, 5万元, 3500元."""
    yuan = Decimal(yuan)
    if yuan >= 100_000_000:
        return f"{_plain(yuan / 100_000_000)}亿元"
    if yuan >= 10_000:
        return f"{_plain(yuan / 10_000)}万元"
    return f"{_plain(yuan)}元"


def format_yuan_en(yuan: Decimal | int) -> str:
    yuan = Decimal(yuan)
    whole = f"{yuan:,.2f}".removesuffix(".00")
    return f"RMB {whole}"


def yuan_in_words_en(yuan: Decimal | int) -> str | None:
    """A round amount as English prose says it, without the currency: ``6 million``, ``1.5 billion`` (whole
    ten-thousands from a million up); ``None`` for other amounts, which ``format_yuan_en`` writes in full."""
    yuan = Decimal(yuan)
    if yuan >= 1_000_000_000 and yuan % 10_000_000 == 0:
        return f"{_plain(yuan / 1_000_000_000)} billion"
    if yuan >= 1_000_000 and yuan % 10_000 == 0:
        return f"{_plain(yuan / 1_000_000)} million"
    return None


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def refusal_reason(text: str) -> str | None:
    """Why ``text`` can never be read as an exact RMB amount, whatever its figure: ``approximate``
    (``约5000万``, ``5000万左右``: an exact figure is needed) or ``foreign_currency`` (``5000万美元``: the
    policy sets no exchange rate); ``None`` when neither applies. The reasons ``parse_amount`` checks first."""
    return _refusal(_cleaned(text))


def _refusal(cleaned: str) -> str | None:
    if _APPROXIMATE.search(cleaned):
        return "approximate"
    if currency_marked(cleaned.lower()):
        return "foreign_currency"
    return None


@dataclass(frozen=True)
class CurrencyMarks:
    """One currency's marks (``currency.yaml`` ``marks``), as patterns on lower-case text."""

    anywhere: re.Pattern[str]  # any of its marks, inside an amount's text ("500万美元", "USD 500,000")
    before: re.Pattern[str]  # a mark ending the text before a number ("… USD ", "HK$")
    after: re.Pattern[str]  # a mark opening the text after a number (" dollars", "港币")


@cache
def currency_marks(name: str) -> CurrencyMarks:
    """The marks of ``name`` (``USD_MARKS`` or ``OTHER_MARKS``). A Latin mark stands as a word of its own
    ("eur", not in "europe"; "s$", not the end of "us$"). Raises ``KeyError`` for a name the file lacks."""
    marks = read_yaml(CURRENCY_PATH)["marks"][name]
    either, before, after = ([mark_pattern(str(m)) for m in marks[part]] for part in ("either", "before", "after"))
    return CurrencyMarks(re.compile("|".join([*either, *before, *after])), re.compile(rf"(?:{'|'.join([*either, *before])})\s*$"),
                         re.compile(rf"^\s*(?:{'|'.join([*either, *after])})"))


def mark_pattern(mark: str) -> str:
    """A mark as a pattern: one starting or ending with a Latin letter does not run on from a word."""
    opening = r"(?<![a-z])" if mark[:1].isascii() and mark[:1].isalpha() else ""
    closing = r"(?![a-z])" if mark[-1:].isascii() and mark[-1:].isalpha() else ""
    return f"{opening}{re.escape(mark)}{closing}"


def currency_marked(text: str) -> bool:
    """Whether ``text`` (lower case) holds a mark of a currency other than the yuan."""
    return any(currency_marks(name).anywhere.search(text) for name in (USD_MARKS, OTHER_MARKS))


@cache
def _bare_unit_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``currency.yaml`` ``bare_unit_money_words``: (words ending the text before a number, words opening the text after it)."""
    words = read_yaml(CURRENCY_PATH)["bare_unit_money_words"]
    # (a Latin word stands as a word of its own, a Chinese one also right after Latin letters: "MEDICA花了84k")
    before, after = ("|".join(mark_pattern(str(w)) for w in sorted(words[part], key=len, reverse=True)) for part in ("before", "after"))
    return re.compile(rf"(?:{before})\s*$"), re.compile(rf"^\s*(?:{after})(?![a-z])")


def _listed_after_money(kept: list[re.Match[str]], match: re.Match[str], text: str) -> bool:
    """Whether a bare "45m" ends a list of amounts of money ("RMB 60 million for A, 30,000,000 yuan for B, and 45m for
    C"): an amount kept before it stands within ``LISTED_REACH`` characters, with no sentence end between."""
    if not kept:
        return False
    between = text[kept[-1].end(): match.start()]
    return len(between) <= LISTED_REACH and not re.search(r"[.?!。？！;；]", between)


def _bare_unit_money(before: str, after: str) -> bool:
    """Whether a number with a bare "m"/"k" stands beside a money word (``bare_unit_money_words``): "50m spend"."""
    ends, opens = _bare_unit_words()
    return bool(ends.search(before.lower()) or opens.match(after.lower()))


def foreign_before(text: str) -> bool:
    """Whether ``text`` (lower case, the few characters before a number) ends in a foreign currency's mark."""
    return any(currency_marks(name).before.search(text) for name in (USD_MARKS, OTHER_MARKS))


def foreign_after(text: str) -> bool:
    """Whether ``text`` (lower case, what follows a number) opens with a foreign currency's mark."""
    return any(currency_marks(name).after.match(text) for name in (USD_MARKS, OTHER_MARKS))
