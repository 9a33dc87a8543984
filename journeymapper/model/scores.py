"""Survey scores attached to stages (and optionally touchpoints), wave by wave.

A score records the value and everything needed to read it honestly: how
many valid answers (``n``), how many were present but invalid (``skipped``),
the distribution of answers, the scale and formula it was made with, and
where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

METRICS = ("csat", "nps", "ces", "mean")
LOW_CONFIDENCE_N = 30


@dataclass(frozen=True)
class Wave:
    """A survey round, e.g. ``2026-Q3``; ``date`` is ISO (YYYY-MM-DD) or ''."""

    label: str
    date: str = ""


@dataclass
class Score:
    stage: str
    wave: str
    metric: str
    value: float
    n: int
    skipped: int = 0
    touchpoint: str | None = None
    name: str = ""
    distribution: dict[str, int] = field(default_factory=dict)
    scale: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What identifies a score: a re-import of the same key replaces it."""
        return (self.stage, self.touchpoint or "", self.wave, self.metric, self.name)

    @property
    def low_confidence(self) -> bool:
        return self.n < LOW_CONFIDENCE_N

    @property
    def higher_is_better(self) -> bool:
        return self.scale.get("better", "lower" if self.metric == "ces" else "higher") == "higher"

    def copy(self) -> Score:
        return Score(
            self.stage, self.wave, self.metric, self.value, self.n, self.skipped,
            self.touchpoint, self.name, dict(self.distribution), dict(self.scale),
            dict(self.source),
        )
