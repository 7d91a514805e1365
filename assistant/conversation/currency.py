"""Dollar amounts against the sources' yuan thresholds, without an exchange rate the sources never set.

``threshold_input(amount, minimum) -> ThresholdInput``: the yuan figure a threshold condition may be
given for a stated amount. A yuan amount is itself. A dollar amount is compared across the plausible
range of rates in ``data/currency.yaml``: when it meets ``minimum`` at the lowest rate (or misses it at
the highest), the outcome holds at every rate and the bound that shows it is given, marked
``by_range``; otherwise the outcome depends on the rate and no figure is given (``undecided``).

``stated_rate(normalised) -> Decimal | None``: the yuan per dollar the asker gives ("take 1 USD = 7.1 RMB",
"按1美元兑7.1元算"); ``at_stated_rate(amounts, rate)``: the dollar amounts converted at it, each keeping its
dollars and the rate for the answer to say (``stated_note``).

``foreign_code(text) -> str``: which other currency (``other_rates``: "eur", "hkd" …) a mark beside an amount names;
``at_foreign_rates(amounts, normalised, held)``: the amounts in such a currency converted at the rate the message
gives for it (or ``held``, given in an earlier turn), each keeping its own figure and the rate, as dollars do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from assistant.amounts import find_amounts, format_yuan, format_yuan_en, mark_pattern
from assistant.conversation.question import CNY, OTHER_CURRENCY, USD, StatedAmount
from assistant.language import Language
from index.yaml_data import read_yaml

CURRENCY_PATH = Path(__file__).resolve().parent.parent / "data" / "currency.yaml"
MAGNITUDE_AFTER = re.compile(r"\s*(?:万|亿|千|百万|million|billion|thousand|mn\b|bn\b|m\b|k\b)")


@dataclass(frozen=True)
class RateRange:
    """Yuan per US dollar, lowest and highest plausible."""

    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class ThresholdInput:
    """``yuan``: the figure to compare (None: undecided); ``by_range``: a dollar amount decided by the range."""

    yuan: Decimal | None
    by_range: bool = False

    @property
    def undecided(self) -> bool:
        return self.yuan is None


@cache
def _data() -> dict[str, object]:
    raw = read_yaml(CURRENCY_PATH)
    assert isinstance(raw, dict)
    return raw


@cache
def usd_range() -> RateRange:
    """The plausible yuan-per-dollar range (``data/currency.yaml``)."""
    rates = _data()["usd_cny"]
    assert isinstance(rates, dict)
    return RateRange(Decimal(str(rates["low"])), Decimal(str(rates["high"])))


def threshold_input(amount: StatedAmount, minimum: Decimal | None) -> ThresholdInput:
    """The yuan figure ``amount`` gives a threshold of ``minimum`` yuan (None: no threshold known)."""
    if amount.currency == CNY:
        return ThresholdInput(amount.yuan)
    if amount.currency != USD or minimum is None:  # no range is assumed for other currencies
        return ThresholdInput(None)
    rates = usd_range()
    low, high = amount.yuan * rates.low, amount.yuan * rates.high
    if low >= minimum:
        return ThresholdInput(low, by_range=True)  # met even at the lowest rate
    if high < minimum:
        return ThresholdInput(high, by_range=True)  # missed even at the highest rate
    return ThresholdInput(None)


def range_note(language: Language) -> str:
    """The sentence that says a dollar amount was compared across the range, in the asker's language."""
    notes = _data()["note"]
    assert isinstance(notes, dict)
    rates = usd_range()
    return str(notes["en" if language is Language.ENGLISH else "zh"]).format(low=rates.low, high=rates.high)


@cache
def _rate_patterns() -> tuple[re.Pattern[str], ...]:
    stated = _data()["stated_rate"]
    assert isinstance(stated, dict)
    return tuple(re.compile(str(pattern)) for pattern in stated["patterns"])


@cache
def _rate_bounds() -> RateRange:
    stated = _data()["stated_rate"]
    assert isinstance(stated, dict)
    return RateRange(Decimal(str(stated["bounds"]["low"])), Decimal(str(stated["bounds"]["high"])))


def stated_rate(normalised: str) -> Decimal | None:
    """The yuan per US dollar the message gives (``data/currency.yaml`` ``stated_rate``), or None: none given, or
    a number outside the bounds, or one that is itself an amount of money ("rate 5 million", "汇率…5万")."""
    return _first_rate(normalised, _rate_patterns(), _rate_bounds())


def _first_rate(normalised: str, patterns: tuple[re.Pattern[str], ...], bounds: RateRange) -> Decimal | None:
    """The first group ``rate`` one of ``patterns`` finds in ``normalised`` (lower-cased) within ``bounds``, that is no
    amount of money itself ("rate 5 million", "汇率…5万"); a group ``per`` (units of the currency per yuan: "1 CNY = 195
    KRW") gives its inverse. None when there is none."""
    found = _rate_found(normalised, patterns, bounds)
    return found[0] if found is not None else None


def _rate_found(normalised: str, patterns: tuple[re.Pattern[str], ...], bounds: RateRange) -> tuple[Decimal, tuple[int, int]] | None:
    """``_first_rate``'s rate (yuan per unit) and the span of the words that gave it."""
    lowered = normalised.lower()
    money_at = {found.start for found in find_amounts(normalised) if found.yuan >= 100}
    for pattern in patterns:
        for match in pattern.finditer(lowered):
            if match.groupdict().get("per"):
                # "1 CNY = 195 KRW": the 195 is the currency's own amount (an amount the message states), not yuan
                per = Decimal(match["per"].replace(",", ""))
                rate = Decimal(1) / per if per else Decimal(0)
                if bounds.low <= rate <= bounds.high:
                    return rate, match.span()
                continue
            rate = Decimal(match["rate"])
            magnitude = MAGNITUDE_AFTER.match(lowered, match.end("rate"))  # "rate 5 million" is an amount
            if bounds.low <= rate <= bounds.high and match.start("rate") not in money_at and magnitude is None:
                return rate, match.span()
    return None


def at_stated_rate(amounts: tuple[StatedAmount, ...], rate: Decimal | None) -> tuple[StatedAmount, ...]:
    """``amounts`` with each US-dollar amount converted to whole yuan at ``rate`` (half up), in its role; the
    dollars and the rate kept on it. Unchanged when no rate was given."""
    if rate is None:
        return amounts
    return tuple(
        replace(amount, yuan=(amount.yuan * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP), currency=CNY,
                dollars=amount.yuan, usd_rate=rate) if amount.currency == USD else amount
        for amount in amounts)


@dataclass(frozen=True)
class Foreign:
    """Another currency the asker may give a rate for (``currency.yaml`` ``other_rates``): its marks (lower case),
    how the answers name it, and the plausible yuan per unit of it."""

    code: str
    marks: re.Pattern[str]
    zh: str
    en: str
    symbol: str
    bounds: RateRange


@cache
def foreign_currencies() -> dict[str, Foreign]:
    """The other currencies of ``currency.yaml``, by code."""
    raw = _data()["other_rates"]
    assert isinstance(raw, dict)
    return {str(code): Foreign(str(code), re.compile("|".join(mark_pattern(str(n)) for n in entry["names"])),
                               str(entry["zh"]), str(entry["en"]), str(entry["symbol"]),
                               RateRange(Decimal(str(entry["bounds"]["low"])), Decimal(str(entry["bounds"]["high"]))))
            for code, entry in raw.items()}


def foreign_code(text: str) -> str:
    """The code of the other currency whose mark ``text`` (lower case, an amount with the words beside it) holds,
    or "" when none of ``other_rates`` is named."""
    return next((code for code, currency in foreign_currencies().items() if currency.marks.search(text)), "")


@cache
def _foreign_patterns(code: str, unnamed: bool) -> tuple[re.Pattern[str], ...]:
    names = foreign_currencies()[code].marks.pattern
    named, bare = _data()["rate_patterns"], _data()["unnamed_rate_patterns"]
    inverse = _data()["inverse_rate_patterns"]
    assert isinstance(named, list) and isinstance(bare, list) and isinstance(inverse, list)
    return tuple([re.compile(str(p).replace("{names}", names)) for p in [*inverse, *named]]
                 + ([re.compile(str(p)) for p in bare] if unnamed else []))


def _foreign_rate(normalised: str, code: str, unnamed: bool) -> tuple[Decimal, tuple[int, int]] | None:
    """The yuan per unit of ``code`` the message gives, within that currency's bounds and no amount of money itself,
    and the span of its words; with ``unnamed``, a rate said without naming a currency counts too."""
    return _rate_found(normalised, _foreign_patterns(code, unnamed), foreign_currencies()[code].bounds)


def at_foreign_rates(amounts: tuple[StatedAmount, ...], normalised: str,
                     held: tuple[str, Decimal] | None = None) -> tuple[StatedAmount, ...]:
    """``amounts`` with each amount in another known currency converted to whole yuan (half up) at the rate the
    message gives for that currency, else at ``held`` (the code and rate an earlier turn gave) when it is that
    currency's; its own figure kept in ``dollars``, the rate in ``usd_rate``. A rate said without naming a currency
    ("take 7.8") is the one currency's when all foreign amounts are in it. Unconverted when no rate is given."""
    codes = {a.foreign for a in amounts if a.currency == OTHER_CURRENCY and a.foreign}
    if not codes:
        return amounts
    alone = len(codes) == 1 and not any(a.currency == USD for a in amounts)
    found = {code: _foreign_rate(normalised, code, alone) for code in codes}
    rates: dict[str, Decimal | None] = {code: f[0] if f is not None else None for code, f in found.items()}
    if held is not None and rates.get(held[0], 0) is None:
        rates[held[0]] = held[1]
    spans = [f[1] for f in found.values() if f is not None]
    return tuple(
        replace(a, yuan=(a.yuan * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP), currency=CNY, dollars=a.yuan, usd_rate=rate)
        if a.currency == OTHER_CURRENCY and (rate := rates.get(a.foreign)) is not None else a
        for a in amounts if not any(start <= a.start < end for start, end in spans))  # (the rate's own "195 KRW")


def stated_note(amounts: tuple[StatedAmount, ...], language: Language, award_yuan: int | None = None) -> str:
    """The sentence saying which rate converted which dollar amounts, in the asker's language ("" when none was), and,
    given ``award_yuan`` (an award's figure in yuan), that figure in dollars at the same rate, to the whole dollar (in
    Chinese, to the hundred)."""
    converted = [a for a in amounts if a.dollars is not None and a.usd_rate is not None]
    if not converted:
        return ""
    english = language is Language.ENGLISH
    rate, code = converted[0].usd_rate, converted[0].foreign
    assert rate is not None
    converted = [a for a in converted if a.foreign == code]  # (one currency's rate per note: the first converted's)
    currency = foreign_currencies().get(code)
    per = _per_yuan(rate) if currency is not None else None
    notes = _data()["stated_note" if currency is None else "other_note" if per is None else "other_note_inverse"]
    assert isinstance(notes, dict)
    parts = [f"{_in_currency(a.dollars or Decimal(0), currency, english)} = {format_yuan_en(a.yuan) if english else format_yuan(a.yuan)}"
             for a in converted]
    unit = "" if currency is None else (currency.en if english else currency.zh)
    note = str(notes["en" if english else "zh"]).format(rate=rate, per=per, unit=unit, conversions="; ".join(parts) if english else "；".join(parts))
    if award_yuan:
        figure = (Decimal(award_yuan) / rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if not english and figure >= 10_000:  # about so much: "约合138.89万美元", not "138.8889万美元"
            figure = (figure / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 100
        award = _data()["stated_award"]
        assert isinstance(award, dict)
        note += str(award["en" if english else "zh"]).format(
            yuan=format_yuan_en(award_yuan) if english else format_yuan(award_yuan),
            dollars=_in_currency(figure, currency, english))
    return note


def _per_yuan(rate: Decimal) -> Decimal | None:
    """Units of a currency per yuan when that is how a rate below one reads best (1/195 yuan per won: 195), a count with
    at most two decimals; None otherwise (0.048 yuan per yen is said as it is)."""
    if rate >= 1 or rate <= 0:
        return None
    per = (Decimal(1) / rate).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
    if per == per.to_integral_value():
        return per.quantize(Decimal(1))  # 200 won per yuan, never "2E+2"
    return per if -per.as_tuple().exponent <= 2 else None  # type: ignore[operator]


def _in_currency(figure: Decimal, currency: Foreign | None, english: bool) -> str:
    """An amount in the asker's currency the way the answers write money: US$480,000 or 48万美元 (no ``currency``:
    US dollars), €1,170,000 or 117万欧元."""
    if english:
        return f"{'US$' if currency is None else currency.symbol}{figure:,}"
    return f"{format_yuan(figure).removesuffix('元')}{'美元' if currency is None else currency.zh}"
