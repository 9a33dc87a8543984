"""Survey scores attached to stages (and optionally touchpoints), wave by wave.

A score records the value and everything needed to read it honestly: how
many valid answers (``n``), how many were present but invalid (``skipped``),
the distribution of answers, the scale and formula it was made with, and
where it came from.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from journeymapper.i18n import N_, Message
from journeymapper.model import confidence
from journeymapper.model.elements import freeze

METRICS = ("csat", "nps", "ces", "mean")
LOW_CONFIDENCE_N = 30


@dataclass(frozen=True)
class Wave:
    """A survey round, e.g. ``2026-Q3``; ``date`` is ISO (YYYY-MM-DD) or ''."""

    label: str
    date: str = ""


@dataclass(frozen=True)
class Score:
    """One metric of one stage (or touchpoint) in one wave: an immutable value
    (the dicts are read-only mappings; :meth:`replace` makes a changed copy)."""

    stage: str
    wave: str
    metric: str
    value: float
    n: int
    skipped: int = 0
    touchpoint: str | None = None
    name: str = ""
    distribution: Mapping[str, int] = field(default_factory=dict)
    scale: Mapping[str, Any] = field(default_factory=dict)
    source: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("distribution", "scale", "source"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, freeze(dict(value)))

    __hash__ = None  # type: ignore[assignment]  # compared by value, never used as a key

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What identifies a score: a re-import of the same key replaces it."""
        return (self.stage, self.touchpoint or "", self.wave, self.metric, self.name)

    @property
    def low_confidence(self) -> bool:
        return self.n < LOW_CONFIDENCE_N

    @property
    def interval(self) -> confidence.Interval | None:
        """The 95% interval of the value (model/confidence.py), None when the
        recorded answers do not allow one."""
        return confidence.interval(self)

    @property
    def higher_is_better(self) -> bool:
        return self.scale.get("better", "lower" if self.metric == "ces" else "higher") == "higher"

    @property
    def nps_split(self) -> dict[str, int] | None:
        """{'promoters', 'passives', 'detractors'} counts of an NPS score, when recorded."""
        split = self.source.get("nps_split")
        if self.metric != "nps" or not isinstance(split, Mapping):
            return None
        keys = ("promoters", "passives", "detractors")
        if not all(isinstance(split.get(k), int) for k in keys):
            return None
        return {k: int(split[k]) for k in keys}

    def replace(self, **changes: Any) -> Score:
        return replace(self, **changes)

    def copy(self) -> Score:
        """The score itself: it is immutable, so a copy is never needed."""
        return self


def score_problem(score: Score) -> Message | None:
    """Why a score cannot be kept in a map (a value that is no finite number, a
    count below 0, a distribution that is not counts, ...), or None."""
    if score.metric not in METRICS:
        return Message(N_("metric: expected one of {options}, got {value!r}"),
                       options=", ".join(METRICS), value=score.metric)
    if isinstance(score.value, bool) or not isinstance(score.value, (int, float)) \
            or not math.isfinite(score.value):
        return Message(N_("value: expected a finite number, got {value!r}"), value=score.value)
    for name in ("n", "skipped"):
        count = getattr(score, name)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            return Message(N_("{name}: expected a whole number >= 0, got {value!r}"), name=name,
                           value=count)
    if not isinstance(score.name, str) or not isinstance(score.wave, str) \
            or not isinstance(score.stage, str):
        return Message(N_("stage, wave and name must be texts"))
    if not score.wave:
        return Message(N_("wave: expected the name of a wave, got an empty text"))
    for key, count in score.distribution.items():
        if not isinstance(key, str) or isinstance(count, bool) or not isinstance(count, int) \
                or count < 0:
            return Message(N_("distribution: expected counts by answer, got {key!r}: {value!r}"),
                           key=key, value=count)
    return None
