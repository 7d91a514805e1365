"""Dollar amounts against the sources' yuan thresholds, without an exchange rate the sources never set.

``threshold_input(amount, minimum) -> ThresholdInput``: the yuan figure a threshold condition may be
given for a stated amount. A yuan amount is itself. A dollar amount is compared across the plausible
range of rates in ``data/currency.yaml``: when it meets ``minimum`` at the lowest rate (or misses it at
the highest), the outcome holds at every rate and the bound that shows it is given, marked
``by_range``; otherwise the outcome depends on the rate and no figure is given (``undecided``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from assistant.conversation.question import CNY, USD, StatedAmount
from assistant.language import Language
from index.yaml_data import read_yaml

CURRENCY_PATH = Path(__file__).resolve().parent.parent / "data" / "currency.yaml"


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
