"""``journeymapper scores --trend``: per stage x metric, the waves in order,
each change against the previous wave and whether it is real at 95%
(model/confidence.py; the same decision the badges show, layout/badges.py)."""

from __future__ import annotations

import json
from typing import Any

from journeymapper.i18n import _
from journeymapper.layout.badges import Reading, delta_text, interval_text, metric_label, readings
from journeymapper.model import metrics
from journeymapper.model.document import JourneyMap
from journeymapper.model.scores import Score


def interval_dict(score: Score) -> dict[str, Any]:
    """``interval: [low, high]`` and ``interval_method`` (None when the score has none)."""
    found = score.interval
    return {"interval": None if found is None else found.as_list(),
            "interval_method": None if found is None else found.method}


def wave_entry(doc: JourneyMap, reading: Reading) -> dict[str, Any]:
    score = reading.score
    dates = {w.label: w.date for w in doc.waves}
    change = reading.change
    return {
        "wave": score.wave, "date": dates.get(score.wave, ""), "value": score.value,
        "n": score.n, "low_confidence": score.low_confidence, **interval_dict(score),
        "change": reading.delta,
        "p_value": None if change is None else change.p_value,
        "test": None if change is None else change.method,
        "significant": reading.significant,
        "trend": reading.trend,
    }


def trend_series(doc: JourneyMap, wave: str | None = None) -> list[dict[str, Any]]:
    """One entry per stage x touchpoint x metric x name, its waves oldest first
    (up to ``wave`` when given)."""
    waves = None
    if wave is not None:
        labels = [w.label for w in doc.waves]
        waves = labels[:labels.index(wave) + 1]
    series: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for reading in readings(doc, waves):
        s = reading.score
        key = (s.stage, s.touchpoint or "", s.metric, s.name)
        entry = series.get(key)
        if entry is None:
            entry = series[key] = {
                "stage": doc.element(s.stage).text, "stage_id": s.stage,
                "touchpoint": s.touchpoint,
                "touchpoint_name": doc.element(s.touchpoint).text
                if s.touchpoint is not None and s.touchpoint in doc else None,
                "metric": s.metric, "name": s.name,
                "better": "higher" if s.higher_is_better else "lower", "waves": [],
            }
        entry["waves"].append(wave_entry(doc, reading))
    return list(series.values())


def verdict(reading: Reading) -> str:
    change = reading.change
    if reading.previous is None:
        return _("first wave")
    if not reading.delta:
        return _("no change")
    if change is None:
        return _("not testable (no answer distribution)")
    word = _("real") if change.significant else _("may be noise")
    p = "<0.001" if change.p_value < 0.001 else "=" + metrics.fixed(change.p_value, 3)
    return _("{verdict} (p{p})").format(verdict=word, p=p)


def print_trend(doc: JourneyMap, name: str, wave: str | None, as_json: bool) -> int:
    from journeymapper.cli.survey import pad, text_width

    series = trend_series(doc, wave)
    if as_json:
        print(json.dumps(series, ensure_ascii=False, indent=2))
        return 0
    if not series:
        print(_("{file}: no survey scores yet (import some with 'journeymapper survey import')")
              .format(file=name))
        return 0
    rows: list[tuple[str, ...]] = []
    waves = None if wave is None else [w.label for w in doc.waves][
        :[w.label for w in doc.waves].index(wave) + 1]
    last_key = None
    for reading in readings(doc, waves):
        s = reading.score
        key = (s.stage, s.touchpoint, s.metric, s.name)
        where = doc.element(s.stage).text
        if s.touchpoint is not None and s.touchpoint in doc:
            where += f" / {doc.element(s.touchpoint).text}"
        head = (where, metric_label(s)) if key != last_key else ("", "")
        last_key = key
        change = delta_text(s, reading.delta) if reading.delta else ""
        rows.append((*head, s.wave, metrics.format_value(s.metric, s.value), interval_text(s),
                     f"n={s.n}" + ("*" if s.low_confidence else ""), change, verdict(reading)))
    widths = [max(text_width(r[i]) for r in rows) for i in range(7)]
    for r in rows:
        cells = [pad(r[i], widths[i]) if i not in (3,) else r[i].rjust(widths[i])
                 for i in range(7)]
        print("  " + "  ".join([*cells, r[7]]).rstrip())
    if any(s.low_confidence for s in doc.scores()):
        print(_("* fewer than 30 answers: low confidence"))
    return 0
