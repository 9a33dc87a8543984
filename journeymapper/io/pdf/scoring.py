"""Reading scores for the report: which wave counts, the value as printed,
the change against the previous wave and what goes on a stage badge."""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.layout.palette import score_text
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import ExportError
from journeymapper.model.scores import Score

METRIC_LABELS = {"csat": "CSAT", "nps": "NPS", "ces": "CES", "mean": "Mean"}


def metric_label(score: Score) -> str:
    label = METRIC_LABELS.get(score.metric, score.metric.upper())
    return f"{label} {score.name}" if score.name else label


def format_value(score: Score) -> str:
    return score_text(score)


def format_delta(score: Score, delta: float) -> str:
    if score.metric in ("csat", "nps"):
        return f"{delta:+.0f}" + (" pts" if score.metric == "csat" else "")
    return f"{delta:+.1f}"


def scale_note(score: Score) -> str:
    """The scale and formula a score was made with, in a few words."""
    scale = score.scale
    default = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 7)}.get(score.metric, ("", ""))
    lo, hi = scale.get("min", default[0]), scale.get("max", default[1])
    parts = [f"{lo}-{hi} scale"] if lo != "" and hi != "" else []
    formula = scale.get("formula")
    if formula:
        parts.append(str(formula))
    elif score.metric == "csat":
        parts.append("% answering 4-5")
    elif score.metric == "nps":
        parts.append("% 9-10 minus % 0-6")
    elif score.metric in ("ces", "mean"):
        parts.append("mean" + ("" if score.higher_is_better else ", lower is better"))
    return ", ".join(parts)


def wave_labels(doc: JourneyMap, until: str | None = None) -> list[str]:
    """Wave labels in order, up to and including ``until``; ExportError if unknown."""
    labels = [w.label for w in doc.waves]
    if until is None:
        return labels
    if until not in labels:
        known = ", ".join(labels) if labels else "this map has no survey waves"
        raise ExportError(f"unknown wave {until!r} (known: {known})")
    return labels[: labels.index(until) + 1]


@dataclass
class Reading:
    """One score with its predecessor in the previous wave that has one."""

    score: Score
    previous: Score | None

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.score.value - self.previous.value

    @property
    def improved(self) -> bool | None:
        d = self.delta
        if d is None or d == 0:
            return None
        return (d > 0) == self.score.higher_is_better


def _series_key(score: Score) -> tuple[str, str, str, str]:
    return (score.stage, score.touchpoint or "", score.metric, score.name)


def readings(doc: JourneyMap, waves: list[str]) -> list[Reading]:
    """Every score of ``waves`` with its predecessor, in stage/metric/wave order."""
    allowed = set(waves)
    last: dict[tuple[str, str, str, str], Score] = {}
    out = []
    for score in doc.scores():
        if score.wave not in allowed:
            continue
        key = _series_key(score)
        out.append(Reading(score, last.get(key)))
        last[key] = score
    return out


def badge_readings(doc: JourneyMap, waves: list[str], limit: int = 4) -> dict[str, list[Reading]]:
    """Per stage: the latest stage-level reading of each metric (at most ``limit``)."""
    latest: dict[tuple[str, str, str, str], Reading] = {}
    for reading in readings(doc, waves):
        if reading.score.touchpoint is None:
            latest[_series_key(reading.score)] = reading
    out: dict[str, list[Reading]] = {}
    for (stage, _, _, _), reading in latest.items():
        items = out.setdefault(stage, [])
        if len(items) < limit:
            items.append(reading)
    return out
