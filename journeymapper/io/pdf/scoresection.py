"""The scores section: one table of every stage x metric x wave with n,
skipped answers and the change against the previous wave, and one chart
per metric across waves (reportlab.graphics). Scores from fewer than 30
answers are marked as low-confidence in both.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from journeymapper import words
from journeymapper.i18n import _
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import TextBlock
from journeymapper.io.pdf.scoring import scale_note
from journeymapper.io.pdf.styles import Styles, data_table
from journeymapper.io.pdf.text import measure_with, single_line
from journeymapper.layout.badges import Reading, delta_text, interval_text, metric_label, readings
from journeymapper.layout.palette import score_text
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind
from journeymapper.model.metrics import fixed
from journeymapper.model.scores import LOW_CONFIDENCE_N, Score
from journeymapper.words import metric_label as metric_word

SERIES_COLOURS = ("#1e88e5", "#e53935", "#43a047", "#8e24aa", "#f9a825", "#00897b",
                  "#6d4c41", "#d81b60", "#3949ab", "#7cb342")
LOW_NOTE = (f"* fewer than {LOW_CONFIDENCE_N} valid answers: low confidence "
            "(dashed badge on the map, hollow point in the charts)")


def nps_split(score: Score) -> str:
    """Promoters / passives / detractors from an NPS answer distribution, if present."""
    counts: dict[int, int] = {}
    for key, value in score.distribution.items():
        try:
            counts[int(key)] = int(value)
        except (TypeError, ValueError):
            return ""
    total = sum(counts.values())
    if score.metric != "nps" or not total:
        return ""
    pro = sum(v for k, v in counts.items() if k >= 9)
    det = sum(v for k, v in counts.items() if k <= 6)
    pas = total - pro - det
    return _("promoters {promoters}%, passives {passives}%, detractors {detractors}%").format(
        promoters=fixed(100 * pro / total, 0), passives=fixed(100 * pas / total, 0),
        detractors=fixed(100 * det / total, 0))


def _stage_name(doc: JourneyMap, score: Score) -> str:
    name = doc.element(score.stage).text
    if score.touchpoint and score.touchpoint in doc:
        name = f"{name} / {doc.element(score.touchpoint).text}"
    return name


def score_table(doc: JourneyMap, items: list[Reading], st: Styles, width: float) -> Flowable:
    head = [words.kind_label(Kind.STAGE), _("Metric"), _("Wave"), _("Score"), _("95% interval"),
            "n", _("Skipped"), _("Change"), _("Scale / formula")]
    fractions = (0.16, 0.08, 0.09, 0.08, 0.1, 0.06, 0.07, 0.15, 0.21)
    rows = []
    low_rows = []
    stage_breaks = []
    last_stage = None
    for i, reading in enumerate(items):
        s = reading.score
        stage = _stage_name(doc, s)
        if stage != last_stage and i:
            stage_breaks.append(i + 1)
        delta = reading.delta
        if delta is None:
            change = _("first wave") if reading.previous is None else ""
        elif delta:
            word = _("better") if reading.improved else _("worse")
            change = _("{change} ({better_or_worse})").format(change=delta_text(s, delta),
                                                              better_or_worse=word)
            if reading.verdict:
                change += f"\n{reading.verdict}"
        else:
            change = _("no change")
        note = scale_note(s)
        split = nps_split(s)
        rows.append([
            stage if stage != last_stage else "",
            metric_label(s), s.wave, score_text(s), interval_text(s),
            f"{s.n}*" if s.low_confidence else str(s.n), str(s.skipped), change,
            f"{note}\n{split}" if split else note,
        ])
        if s.low_confidence:
            low_rows.append(i + 1)
        last_stage = stage
    return data_table(head, rows, [f * width for f in fractions], st,
                      highlight=low_rows, rules=stage_breaks, numeric=(3, 5, 6))


def stage_colour(doc: JourneyMap, stage: str) -> str:
    """One colour per stage, the same in every chart (by the stage's place)."""
    order = doc.stage_order
    index = order.index(stage) if stage in order else len(order)
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def _value_text(metric: str, value: float) -> str:
    return fixed(value, 0, sign=metric == "nps") + ("%" if metric == "csat" else "") \
        if metric in ("csat", "nps") else fixed(value, 1)


class MetricChart(Drawing):
    """One metric across waves, a line per stage in that stage's colour (the
    same in every chart), each point labelled with its value and n; the axis
    fits the values shown. Hollow points are low-confidence."""

    def __init__(self, doc: JourneyMap, metric: str, waves: list[str], items: list[Reading],
                 st: Styles, width: float, height: float = 200.0) -> None:
        super().__init__(width, height)
        self.initialFontName = st.regular  # not the base-14 default: every font embedded
        legend_w = min(170.0, width * 0.28)
        left, bottom, top = 42.0, 26.0, height - 30.0
        right = width - legend_w - 12
        series: dict[tuple[str, str], list[Score]] = {}
        for r in items:
            s = r.score
            if s.metric == metric and s.touchpoint is None:
                series.setdefault((s.stage, s.name), []).append(s)
        values = [s.value for ss in series.values() for s in ss]
        lo, hi = axis_range(metric, values)
        label = metric_word(metric)
        better = _("lower is better") if metric == "ces" and not any(
            s.higher_is_better for ss in series.values() for s in ss) else _("higher is better")
        self.add(String(0, height - 12, _("{metric} by wave ({better})").format(
            metric=label, better=better), fontName=st.bold, fontSize=10.5,
            fillColor=shapes.colour("#1f2328")))
        grid = shapes.colour("#dde1e6")
        muted = shapes.colour("#5f6b7a")
        for i in range(5):
            v = lo + (hi - lo) * i / 4
            y = bottom + (top - bottom) * i / 4
            self.add(Line(left, y, right, y, strokeColor=grid, strokeWidth=0.6))
            self.add(String(left - 5, y - 3, fixed(v, 0 if hi - lo >= 8 else 1),
                            fontName=st.regular, fontSize=7.5, fillColor=muted, textAnchor="end"))
        step = (right - left) / max(1, len(waves))
        xs = {w: left + (i + 0.5) * step for i, w in enumerate(waves)}
        for w, x in xs.items():
            self.add(String(x, bottom - 14, single_line(w, max(30.0, step - 4),
                     measure_with(st.regular, 7.5)), fontName=st.regular, fontSize=7.5,
                     fillColor=muted, textAnchor="middle"))
        small = measure_with(st.regular, 6.5)
        stacked: dict[str, list[float]] = {}
        ordered = sorted(series.items(), key=lambda item: (doc.stage_order.index(item[0][0])
                                                           if item[0][0] in doc.stage_order
                                                           else 0, item[0][1]))
        for n, ((stage, name), scores) in enumerate(ordered):
            colour = shapes.colour(stage_colour(doc, stage))
            shown = [s for s in scores if s.wave in xs]
            pts = [(xs[s.wave], bottom + (top - bottom) * (s.value - lo) / (hi - lo))
                   for s in shown]
            if len(pts) > 1:
                self.add(PolyLine([v for p in pts for v in p], strokeColor=colour,
                                  strokeWidth=1.8))
            for (x, y), s in zip(pts, shown):
                self.add(Circle(x, y, 3.2, strokeColor=colour, strokeWidth=1.4,
                                fillColor=shapes.colour("#ffffff") if s.low_confidence else colour))
                # the value and n beside each point, moved off the labels near it
                used = stacked.setdefault(s.wave, [])
                ty = y + 4
                while any(abs(ty - u) < 7.5 for u in used):
                    ty -= 7.5
                used.append(ty)
                mark = "*" if s.low_confidence else ""
                text = f"{_value_text(metric, s.value)} n={s.n}{mark}"
                self.add(String(x + 5, ty, single_line(text, step / 2 + 10, small),
                                fontName=st.regular, fontSize=6.5, fillColor=colour))
            ly = top - n * 13
            if ly < bottom - 4:
                continue
            self.add(Rect(right + 14, ly - 1, 10, 6, fillColor=colour, strokeColor=None))
            legend = doc.element(stage).text + (f" ({name})" if name else "")
            self.add(String(right + 28, ly - 1, single_line(legend, legend_w - 20,
                            measure_with(st.regular, 8)), fontName=st.regular, fontSize=8,
                            fillColor=shapes.colour("#1f2328")))


def axis_range(metric: str, values: list[float]) -> tuple[float, float]:
    """An axis that fits the values shown, on round numbers, within the scale."""
    if not values:
        return (0.0, 100.0) if metric == "csat" else (-100.0, 100.0) if metric == "nps" \
            else (1.0, 7.0)
    low, high = min(values), max(values)
    span = max(high - low, 1.0 if metric not in ("csat", "nps") else 10.0)
    pad = span * 0.15
    step = 10.0 if metric in ("csat", "nps") else 0.5
    lo = math.floor((low - pad) / step) * step
    hi = math.ceil((high + pad) / step) * step
    if metric == "csat":
        lo, hi = max(0.0, lo), min(100.0, hi)
    elif metric == "nps":
        lo, hi = max(-100.0, lo), min(100.0, hi)
    if hi <= lo:
        hi = lo + step
    return lo, hi


def score_section(doc: JourneyMap, waves: list[str], st: Styles, width: float) -> list[Flowable]:
    """Flowables of the scores section (empty list when the map has no scores)."""
    items = readings(doc, waves)
    if not items:
        return []
    out: list[Flowable] = [
        TextBlock(_("Survey waves: {waves}. Change is against the previous wave that has the "
                    "same score; whether it is real is tested at 95% (CSAT: two-proportion test, "
                    "NPS: the difference with its variance, CES and means: Welch's t). "
                    "Intervals: CSAT Wilson, NPS adjusted-Wald, means t.").format(
                        waves=", ".join(waves)), st.body),
        Spacer(1, 6),
        score_table(doc, items, st, width),
        Spacer(1, 4),
        TextBlock(LOW_NOTE, st.note),
        Spacer(1, 12),
    ]
    metrics = list(dict.fromkeys(r.score.metric for r in items))
    half = (width - 24) / 2
    charts = [MetricChart(doc, m, waves, items, st, half) for m in metrics]
    rows = [charts[i:i + 2] + [""] * (2 - len(charts[i:i + 2])) for i in range(0, len(charts), 2)]
    grid = Table(rows, colWidths=[half + 24, half], hAlign="LEFT")
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("FONTNAME", (0, 0), (-1, -1), st.regular),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    out.append(grid)
    return out
