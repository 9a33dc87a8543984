"""Score readings and stage badges: one decision for the canvas and the PDF.

A reading is a score with the score of the same series (stage, touchpoint,
metric, name) in the previous wave that has one. A stage badge shows, for
each stage-level metric, the reading of the latest wave: its value, the
change against that previous wave (better or worse by the metric's own
direction), n, and whether n is too small to trust. Plain Python, no Qt.

Whether a change is real is decided here, once, for every view: a change
whose test at 95% (model/confidence.py) says it may be noise has no trend
(:attr:`Reading.trend` is 0, so no arrow is drawn); :attr:`Reading.drift`
still gives its direction, for a view that shows it muted. A change that
cannot be tested (the score lacks the answers a test needs) is treated as
noise too: nothing says it is real.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from journeymapper import words
from journeymapper.i18n import _
from journeymapper.layout.palette import score_colour, score_text
from journeymapper.model import confidence
from journeymapper.model.document import JourneyMap
from journeymapper.model.metrics import fixed
from journeymapper.model.scores import LOW_CONFIDENCE_N, Score


def metric_label(score: Score) -> str:
    """'CSAT', 'NPS', or 'Mean ease' for a named mean (``words.metric_label``)."""
    return words.metric_label(score.metric, score.name)


def delta_text(score: Score, delta: float) -> str:
    """A change as printed: +9 pts (CSAT), -4 (NPS), +0.3 (means)."""
    if score.metric == "csat":
        return _("{change} pts").format(change=fixed(delta, 0, sign=True))
    if score.metric == "nps":
        return fixed(delta, 0, sign=True)
    return fixed(delta, 1, sign=True)


@dataclass(frozen=True)
class Reading:
    """One score with its predecessor in the previous wave that has one."""

    score: Score
    previous: Score | None

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.score.value - self.previous.value

    @property
    def improved(self) -> bool | None:
        """True better, False worse (by the metric's direction), None same or first."""
        d = self.delta
        if d is None or d == 0:
            return None
        return (d > 0) == self.score.higher_is_better

    @cached_property
    def change(self) -> confidence.Change | None:
        """The change against the previous wave with its test, None when untestable."""
        return None if self.previous is None else confidence.change(self.previous, self.score)

    @property
    def significant(self) -> bool | None:
        """True when the change is real at 95%, False when it may be noise, None
        when there is no previous wave or the scores cannot be tested."""
        change = self.change
        return None if change is None else change.significant

    @property
    def drift(self) -> int:
        """+1 better than the previous wave, -1 worse, 0 same or none, real or not."""
        better = self.improved
        return 0 if better is None else (1 if better else -1)

    @property
    def trend(self) -> int:
        """The trend arrow: +1 better, -1 worse, only when the change is real at
        95%; 0 for no change, a first wave, and a change that may be noise."""
        return self.drift if self.significant else 0

    @property
    def noise(self) -> bool:
        """The value moved, but not by more than chance explains (or untestably)."""
        return self.drift != 0 and not self.significant

    @property
    def interval(self) -> confidence.Interval | None:
        return self.score.interval

    # what a badge shows
    @property
    def label(self) -> str:
        return metric_label(self.score)

    @property
    def value(self) -> str:
        return score_text(self.score)

    @property
    def n(self) -> int:
        return self.score.n

    @property
    def low(self) -> bool:
        return self.score.low_confidence

    @property
    def colour(self) -> str:
        return score_colour(self.score)

    @property
    def verdict(self) -> str:
        """'a real change', 'may be noise', 'not testable' or '' (no previous wave / no change)."""
        if self.previous is None or not self.drift:
            return ""
        if self.significant is None:
            return _("not testable")
        return _("a real change (95%)") if self.significant else _("may be noise (95%)")

    @property
    def tip(self) -> str:
        """'CSAT 71% in 2026-Q3 (n=140, 1 skipped), 95% [63%, 78%]; 2026-Q2: 62%, +9 pts:
        may be noise (95%); low confidence ...'"""
        last, prev = self.score, self.previous
        if last.skipped:
            tip = _("{metric} {value} in {wave} (n={n}, {skipped} skipped)").format(
                metric=self.label, value=self.value, wave=last.wave, n=last.n,
                skipped=last.skipped)
        else:
            tip = _("{metric} {value} in {wave} (n={n})").format(
                metric=self.label, value=self.value, wave=last.wave, n=last.n)
        span = interval_text(last)
        if span:
            tip += _(", 95% {interval}").format(interval=span)
        if prev is not None:
            tip += _("; {wave}: {value}").format(wave=prev.wave, value=score_text(prev))
            if self.delta:
                tip += _(", {change}: {verdict}").format(change=delta_text(last, self.delta),
                                                         verdict=self.verdict)
        if last.low_confidence:
            tip += _("; low confidence: fewer than {n} answers").format(n=LOW_CONFIDENCE_N)
        return tip


def interval_text(score: Score) -> str:
    """The 95% interval as the badges and tables print it: CSAT [63%, 78%],
    NPS [+4, +34], means [2.1, 2.9]; '' when the score has none."""
    found = score.interval
    if found is None:
        return ""
    if score.metric == "csat":
        return f"[{fixed(found.low, 0)}%, {fixed(found.high, 0)}%]"
    if score.metric == "nps":
        return f"[{fixed(found.low, 0, sign=True)}, {fixed(found.high, 0, sign=True)}]"
    return f"[{fixed(found.low, 1)}, {fixed(found.high, 1)}]"


def _series(score: Score) -> tuple[str, str, str, str]:
    return (score.stage, score.touchpoint or "", score.metric, score.name)


def readings(doc: JourneyMap, waves: Iterable[str] | None = None,
             stage: str | None = None) -> list[Reading]:
    """Every score (of ``waves``, default all; of ``stage``, default all)
    with its predecessor, in stage / metric / wave order."""
    allowed = None if waves is None else set(waves)
    last: dict[tuple[str, str, str, str], Score] = {}
    out = []
    for score in doc.scores(stage=stage):
        if allowed is not None and score.wave not in allowed:
            continue
        key = _series(score)
        out.append(Reading(score, last.get(key)))
        last[key] = score
    return out


def stage_badges(doc: JourneyMap, stage: str | None = None, waves: Iterable[str] | None = None,
                 limit: int | None = None) -> dict[str, list[Reading]]:
    """Per stage (or just ``stage``): the latest stage-level reading of each
    metric up to the last of ``waves``, at most ``limit`` per stage."""
    latest: dict[tuple[str, str, str, str], Reading] = {}
    for reading in readings(doc, waves, stage):
        if reading.score.touchpoint is None:
            latest[_series(reading.score)] = reading
    out: dict[str, list[Reading]] = {}
    for (stage_id, *_rest), reading in latest.items():
        items = out.setdefault(stage_id, [])
        if limit is None or len(items) < limit:
            items.append(reading)
    return out
