"""How sure a score is, and whether a change between two waves is real.

Every score has a 95% interval, computed from what it records (n and the
distribution of answers; nothing is stored that these give):

- CSAT: the Wilson score interval of the share of 4-5 answers; a change
  between two waves is tested with the (pooled) two-proportion z test.
- NPS: the adjusted-Wald interval (Rocks 2016): 3/4 added to the promoters
  and to the detractors, 3 to n; a change is the z of the difference of the
  adjusted NPS, its variance the sum of the two adjusted-Wald variances.
- CES and other means: the t interval, mean +- t(0.975, n-1) s / sqrt(n); a
  change is tested with Welch's t (Welch-Satterthwaite degrees of freedom).

Intervals are in the value's own unit (CSAT and NPS in points of 100). A
score without the numbers a method needs (a mean without its distribution,
an NPS without its split, fewer than two answers for a mean) has no
interval and no test: its change is neither called real nor noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeymapper.model import stats
from journeymapper.model.metrics import fixed

if TYPE_CHECKING:
    from journeymapper.model.scores import Score

LEVEL = 0.95
ALPHA = 1.0 - LEVEL
Z = stats.Z_975  # the normal quantile of 1 - ALPHA / 2

WILSON = "wilson"
ADJUSTED_WALD = "adjusted-wald"
T_INTERVAL = "t"
#: the method of each metric's interval, as ``scores --json`` names it
INTERVAL_METHODS = {"csat": WILSON, "nps": ADJUSTED_WALD, "ces": T_INTERVAL, "mean": T_INTERVAL}

TWO_PROPORTION = "two-proportion-z"
NPS_DIFFERENCE = "nps-difference-z"
WELCH = "welch-t"
TEST_METHODS = {"csat": TWO_PROPORTION, "nps": NPS_DIFFERENCE, "ces": WELCH, "mean": WELCH}


@dataclass(frozen=True)
class Interval:
    """A 95% interval ``[low, high]`` of a score's value, and how it was made."""

    low: float
    high: float
    method: str

    def as_list(self) -> list[float]:
        return [self.low, self.high]

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Change:
    """A change between two waves of one series and its test at 95%:
    ``delta`` is new minus old in the value's unit, ``p_value`` two-sided."""

    delta: float
    statistic: float
    p_value: float
    method: str
    df: float | None = None

    @property
    def significant(self) -> bool:
        return self.p_value < ALPHA


# ---------------------------------------------------------------- counts
def _distribution(score: Score) -> dict[float, int] | None:
    """The answers as {value: count}, or None when the score did not record them."""
    out: dict[float, int] = {}
    for key, count in score.distribution.items():
        try:
            value = float(key)
        except (TypeError, ValueError):
            return None
        if isinstance(count, bool) or not isinstance(count, int) or count < 0 \
                or not math.isfinite(value):
            return None
        if count:
            out[value] = out.get(value, 0) + count
    return out if out and sum(out.values()) == score.n else None


def satisfied(score: Score) -> int | None:
    """The number of CSAT answers of 4 or 5 (from the distribution, else the value and n)."""
    if score.metric != "csat" or score.n <= 0:
        return None
    dist = _distribution(score)
    if dist is not None:
        return sum(c for v, c in dist.items() if v >= 4)
    count = round(score.value * score.n / 100.0)
    return count if 0 <= count <= score.n else None


def nps_counts(score: Score) -> tuple[int, int, int] | None:
    """(promoters, detractors, n) of an NPS score: its recorded split, else its distribution."""
    if score.metric != "nps" or score.n <= 0:
        return None
    split = score.nps_split
    if split is not None and sum(split.values()) == score.n:
        return split["promoters"], split["detractors"], score.n
    dist = _distribution(score)
    if dist is None:
        return None
    return (sum(c for v, c in dist.items() if v >= 9), sum(c for v, c in dist.items() if v <= 6),
            score.n)


def moments(score: Score) -> tuple[float, float, int] | None:
    """(mean, sample variance, n) of a mean score's answers (n >= 2), else None."""
    if score.metric not in ("ces", "mean"):
        return None
    dist = _distribution(score)
    if dist is None:
        return None
    n = sum(dist.values())
    if n < 2:
        return None
    mean = math.fsum(v * c for v, c in dist.items()) / n
    variance = math.fsum(c * (v - mean) ** 2 for v, c in dist.items()) / (n - 1)
    return mean, variance, n


# ---------------------------------------------------------------- intervals
def wilson(successes: int, n: int, z: float = Z) -> tuple[float, float]:
    """The Wilson score interval of a proportion, as fractions 0..1."""
    p = successes / n
    z2 = z * z
    denominator = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # at 0 or n the bound is exactly 0 or 1 (centre - half would leave a rounding crumb)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def adjusted_wald(promoters: int, detractors: int, n: int) -> tuple[float, float]:
    """(adjusted NPS, its variance) on -1..1: Rocks' adjusted Wald adds 3/4 to the
    promoters and to the detractors and 3 to n (so 3/2 to the passives)."""
    m = n + 3.0
    pro, det = (promoters + 0.75) / m, (detractors + 0.75) / m
    return pro - det, (pro + det - (pro - det) ** 2) / m


def interval(score: Score) -> Interval | None:
    """The 95% interval of ``score`` (see the module docstring), or None."""
    if score.metric == "csat":
        x = satisfied(score)
        if x is None:
            return None
        low, high = wilson(x, score.n)
        return Interval(100.0 * low, 100.0 * high, WILSON)
    if score.metric == "nps":
        counts = nps_counts(score)
        if counts is None:
            return None
        centre, variance = adjusted_wald(*counts)
        half = Z * math.sqrt(max(variance, 0.0))
        return Interval(100.0 * max(-1.0, centre - half), 100.0 * min(1.0, centre + half),
                        ADJUSTED_WALD)
    found = moments(score)
    if found is None:
        return None
    mean, variance, n = found
    half = stats.t_quantile(1.0 - ALPHA / 2.0, n - 1) * math.sqrt(variance / n)
    return Interval(mean - half, mean + half, T_INTERVAL)


# ---------------------------------------------------------------- changes
def change(old: Score, new: Score) -> Change | None:
    """The change from ``old`` to ``new`` (the same series, consecutive waves)
    with its test at 95%, or None when the scores do not allow one."""
    if old.metric != new.metric:
        return None
    delta = new.value - old.value
    if new.metric == "csat":
        x1, x2 = satisfied(old), satisfied(new)
        if x1 is None or x2 is None:
            return None
        n1, n2 = old.n, new.n
        pooled = (x1 + x2) / (n1 + n2)
        se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        return _z_change(delta, (x2 / n2 - x1 / n1), se, TWO_PROPORTION)
    if new.metric == "nps":
        c1, c2 = nps_counts(old), nps_counts(new)
        if c1 is None or c2 is None:
            return None
        (a1, v1), (a2, v2) = adjusted_wald(*c1), adjusted_wald(*c2)
        return _z_change(delta, a2 - a1, math.sqrt(v1 + v2), NPS_DIFFERENCE)
    m1, m2 = moments(old), moments(new)
    if m1 is None or m2 is None:
        return None
    return welch(delta, m1, m2)


def _z_change(delta: float, difference: float, se: float, method: str) -> Change:
    if se == 0.0:
        return Change(delta, 0.0 if difference == 0 else math.copysign(math.inf, difference),
                      1.0 if difference == 0 else 0.0, method)
    z = difference / se
    return Change(delta, z, stats.two_sided_p(z), method)


def welch(delta: float, old: tuple[float, float, int], new: tuple[float, float, int]) -> Change:
    """Welch's t test of two means given (mean, variance, n) of each."""
    (mean1, var1, n1), (mean2, var2, n2) = old, new
    e1, e2 = var1 / n1, var2 / n2
    se2 = e1 + e2
    difference = mean2 - mean1
    if se2 == 0.0:
        return Change(delta, 0.0 if difference == 0 else math.copysign(math.inf, difference),
                      1.0 if difference == 0 else 0.0, WELCH, float(n1 + n2 - 2))
    df = se2 * se2 / (e1 * e1 / (n1 - 1) + e2 * e2 / (n2 - 1))
    t = difference / math.sqrt(se2)
    return Change(delta, t, stats.t_two_sided_p(t, df), WELCH, df)


def describe(interval: Interval | None, places: int) -> str:
    """'[64.1, 78.3]' (the interval printed with ``places`` decimals), '' for None."""
    if interval is None:
        return ""
    return f"[{fixed(interval.low, places)}, {fixed(interval.high, places)}]"
