"""Survey metric formulas, exactly as the project defines them.

Every function takes a *distribution*: a mapping from a valid answer value
to how many respondents gave it (invalid and blank answers are not in it).
Keeping the formulas on counts, not on rows, lets an import of a million
responses aggregate in one streaming pass and still compute exact values.

| metric | scale | formula | better |
| --- | --- | --- | --- |
| csat | 1..5 | 100 x (answers 4 or 5) / valid answers | higher |
| nps  | 0..10 | % answers 9-10 minus % answers 0-6 | higher |
| ces  | 1..7 | mean of answers (1 = very easy by default) | lower (``low-is-easy``) |
| mean | stated LO..HI (any number in it) | mean of answers | higher |

CES may also be collected with 7 = very easy (``high-is-easy``). Such a score
keeps its values as answered; its scale records the direction and that higher
is better, so nobody reads a 6.1 as "hard".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

Distribution = Mapping[float, int]

CES_LOW_IS_EASY = "low-is-easy"
CES_HIGH_IS_EASY = "high-is-easy"
CES_DIRECTIONS = (CES_LOW_IS_EASY, CES_HIGH_IS_EASY)


@dataclass(frozen=True)
class MetricScale:
    """The scale answers of a metric must lie on, and what the formula is."""

    metric: str
    low: float
    high: float
    integer: bool
    formula: str
    better: str  # "higher" or "lower"
    direction: str = ""

    def as_dict(self) -> dict[str, object]:
        """The plain form stored in ``Score.scale``."""
        out: dict[str, object] = {
            "min": _plain(self.low), "max": _plain(self.high), "integer": self.integer,
            "formula": self.formula, "better": self.better,
        }
        if self.direction:
            out["direction"] = self.direction
        return out

    def accepts(self, value: float) -> bool:
        """True when ``value`` is a valid answer on this scale."""
        if not (self.low <= value <= self.high) or math.isnan(value):
            return False
        return not self.integer or value == int(value)

    def describe(self) -> str:
        kind = "a whole number" if self.integer else "a number"
        return f"{kind} {_plain(self.low)}..{_plain(self.high)}"


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


CSAT_FORMULA = "100 x answers 4-5 / valid answers"
NPS_FORMULA = "% answers 9-10 - % answers 0-6"
MEAN_FORMULA = "mean of answers"


def scale_for(metric: str, ces_direction: str = CES_LOW_IS_EASY,
              mean_range: tuple[float, float] | None = None) -> MetricScale:
    """The scale and formula of ``metric``; raises ValueError for an unknown one."""
    if metric == "csat":
        return MetricScale("csat", 1, 5, True, CSAT_FORMULA, "higher")
    if metric == "nps":
        return MetricScale("nps", 0, 10, True, NPS_FORMULA, "higher")
    if metric == "ces":
        if ces_direction not in CES_DIRECTIONS:
            raise ValueError(f"CES direction {ces_direction!r}: expected "
                             f"{' or '.join(CES_DIRECTIONS)}")
        better = "lower" if ces_direction == CES_LOW_IS_EASY else "higher"
        return MetricScale("ces", 1, 7, True, MEAN_FORMULA, better, ces_direction)
    if metric == "mean":
        if mean_range is None:
            raise ValueError("a mean needs its scale, e.g. mean:1-10")
        low, high = mean_range
        if not low < high:
            raise ValueError(f"a mean's scale must run low to high, got {low}-{high}")
        # A stated range, not a set of points: 7.5 on 1-10 is a valid answer.
        return MetricScale("mean", low, high, False, MEAN_FORMULA, "higher")
    raise ValueError(f"no metric {metric!r}")


def valid_count(dist: Distribution) -> int:
    return sum(dist.values())


def csat(dist: Distribution) -> float:
    """Percent of valid answers that are 4 or 5 (on 1..5)."""
    n = valid_count(dist)
    if n == 0:
        raise ZeroDivisionError("CSAT of no answers")
    return 100.0 * sum(c for v, c in dist.items() if v >= 4) / n


@dataclass(frozen=True)
class NpsSplit:
    promoters: int
    passives: int
    detractors: int

    @property
    def n(self) -> int:
        return self.promoters + self.passives + self.detractors

    def as_dict(self) -> dict[str, int]:
        return {"promoters": self.promoters, "passives": self.passives,
                "detractors": self.detractors}


def nps_split(dist: Distribution) -> NpsSplit:
    """Promoters (9-10), passives (7-8) and detractors (0-6)."""
    promoters = sum(c for v, c in dist.items() if v >= 9)
    detractors = sum(c for v, c in dist.items() if v <= 6)
    return NpsSplit(promoters, valid_count(dist) - promoters - detractors, detractors)


def nps(dist: Distribution) -> float:
    """Percent promoters minus percent detractors, -100..+100."""
    split = nps_split(dist)
    if split.n == 0:
        raise ZeroDivisionError("NPS of no answers")
    return 100.0 * (split.promoters - split.detractors) / split.n


def mean(dist: Distribution) -> float:
    """The mean answer (CES and custom means)."""
    n = valid_count(dist)
    if n == 0:
        raise ZeroDivisionError("mean of no answers")
    return math.fsum(v * c for v, c in dist.items()) / n


def compute(metric: str, dist: Distribution) -> float:
    """The value of ``metric`` for ``dist`` (which must not be empty)."""
    if metric == "csat":
        return csat(dist)
    if metric == "nps":
        return nps(dist)
    if metric in ("ces", "mean"):
        return mean(dist)
    raise ValueError(f"no metric {metric!r}")


def fixed(value: float, places: int, sign: bool = False) -> str:
    """``value`` with ``places`` decimals, halves rounded away from zero and never
    ``-0``: 62.5 -> 63 as a reader or a spreadsheet rounds it (Python's format
    rounds halves to even, so 62.5 gave 62 while 87.5 gave 88)."""
    if not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)
    return f"{exact:+f}" if sign else f"{exact:f}"


def format_value(metric: str, value: float) -> str:
    """A score as people read it: CSAT ``57.1%``, NPS ``+14.3``, means ``2.43``."""
    if metric == "csat":
        return f"{fixed(value, 1)}%"
    if metric == "nps":
        return fixed(value, 1, sign=True)
    return fixed(value, 2)
