"""Scores for the report: which waves count, the value as printed and the
scale a score was made with. Readings (a score with its previous wave) and
stage badges are layout.badges' decisions, shared with the canvas."""

from __future__ import annotations

from journeymapper.i18n import N_, Message, _
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import ExportError
from journeymapper.model.scores import Score


def scale_note(score: Score) -> str:
    """The scale and formula a score was made with, in a few words."""
    scale = score.scale
    default = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 7)}.get(score.metric, ("", ""))
    lo, hi = scale.get("min", default[0]), scale.get("max", default[1])
    parts = [_("{lo}-{hi} scale").format(lo=lo, hi=hi)] if lo != "" and hi != "" else []
    formula = scale.get("formula")
    if formula:
        parts.append(str(formula))
    elif score.metric == "csat":
        parts.append(_("% answering 4-5"))
    elif score.metric == "nps":
        parts.append(_("% 9-10 minus % 0-6"))
    elif score.metric in ("ces", "mean"):
        parts.append(_("mean") if score.higher_is_better else _("mean, lower is better"))
    return ", ".join(parts)


def wave_labels(doc: JourneyMap, until: str | None = None) -> list[str]:
    """Wave labels in order, up to and including ``until``; ExportError if unknown."""
    labels = [w.label for w in doc.waves]
    if until is None:
        return labels
    if until not in labels:
        known = ", ".join(labels) if labels else Message(N_("this map has no survey waves"))
        raise ExportError(N_("unknown wave {wave!r} (known: {known})"), wave=until, known=known)
    return labels[: labels.index(until) + 1]
