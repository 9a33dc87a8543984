"""The executive summary: one page after the cover that says what is wrong
and what is being done. The worst and the most changed scores (with n and
how far to trust them), the most severe pain points with their evidence,
what nothing addresses yet, the opportunities on an impact x effort matrix
with the quick wins marked and ranked by priority
(model.analysis.priority_score), and each owner's next due date.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from journeymapper.i18n import _, ngettext
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import Anchor, TextBlock
from journeymapper.io.pdf.styles import Styles
from journeymapper.io.pdf.text import fit_lines, measure_with
from journeymapper.layout.badges import Reading, delta_text, interval_text, stage_badges
from journeymapper.layout.palette import score_fraction
from journeymapper.model import analysis
from journeymapper.model.document import JourneyMap
from journeymapper.model.scores import Score

SHOWN = 4           # lines per list
RANKED = 6          # opportunities in the ranking beside the matrix
GREEN = "#2e7d32"
QUICK_FILL = "#e3f4e5"


def confidence(score: Score) -> str:
    """How far to trust a score: n with its 95% interval when the score has
    one (layout.badges.interval_text), and a low-confidence mark under 30 answers."""
    span = interval_text(score)
    if span and score.low_confidence:
        return _("n={n}, 95% {interval}, low confidence").format(n=score.n, interval=span)
    if span:
        return _("n={n}, 95% {interval}").format(n=score.n, interval=span)
    if score.low_confidence:
        return _("n={n}, low confidence").format(n=score.n)
    return _("n={n}").format(n=score.n)


def latest_readings(doc: JourneyMap, waves: Sequence[str]) -> list[Reading]:
    """The latest stage-level reading of every metric of every stage."""
    return [r for items in stage_badges(doc, waves=waves).values() for r in items]


def worst(readings: list[Reading], count: int = SHOWN) -> list[Reading]:
    return sorted(readings, key=lambda r: (score_fraction(r.score), r.score.stage))[:count]


def most_changed(readings: list[Reading], count: int = SHOWN) -> list[Reading]:
    """Readings that moved, the largest move (as a share of the scale) first."""
    moved = [r for r in readings if r.delta]
    return sorted(moved, key=lambda r: (-abs(score_fraction(r.score)
                                            - score_fraction(r.previous)), r.score.stage)
                  )[:count]


def _stage_name(doc: JourneyMap, score: Score) -> str:
    return doc.element(score.stage).text if score.stage in doc else score.stage


def _block(title: str, lines: list[str], st: Styles, width: float, empty: str) -> list[Flowable]:
    """A list under a small heading, two lines an item (the sections have it in full)."""
    style = st.cell
    measure = measure_with(style.font, style.size)
    out: list[Flowable] = [TextBlock(title, st.label), Spacer(1, 3)]
    for line in lines or [empty]:
        shown, _cut = fit_lines(line, width - 2, 2, measure)
        out += [TextBlock(line, style, shown), Spacer(1, 2)]
    return out


def score_lines(doc: JourneyMap, waves: Sequence[str]) -> tuple[list[str], list[str]]:
    readings = latest_readings(doc, waves)
    bad = [_("{stage}: {metric} {value} ({confidence})").format(
        stage=_stage_name(doc, r.score), metric=r.label, value=r.value,
        confidence=confidence(r.score)) for r in worst(readings)]
    moved = []
    for r in most_changed(readings):
        way = _("better") if r.improved else _("worse")
        moved.append(_("{stage}: {metric} {value}, {change} since {wave}, {way} ({confidence})")
                     .format(stage=_stage_name(doc, r.score), metric=r.label, value=r.value,
                             change=delta_text(r.score, r.delta), wave=r.previous.wave,
                             way=way, confidence=confidence(r.score)))
    return bad, moved


def pain_lines(doc: JourneyMap) -> tuple[list[str], list[str], int]:
    severe = []
    for pain in analysis.pain_points_by_severity(doc)[:SHOWN]:
        stage = analysis.stage_of(doc, pain)
        evidence = len(pain.fields.get("evidence") or ())
        proof = ngettext("{n} piece of evidence", "{n} pieces of evidence", evidence).format(
            n=evidence)
        where = stage.text if stage is not None else _("persona strip")
        severe.append(_("{severity}/5 {text} ({stage}; {evidence})").format(
            severity=pain.fields["severity"], text=pain.text, stage=where, evidence=proof))
    open_pains = analysis.unaddressed_pain_points(doc)
    unaddressed = [_("{severity}/5 {text}").format(severity=p.fields["severity"], text=p.text)
                   for p in open_pains[:SHOWN]]
    return severe, unaddressed, len(open_pains)


class PriorityMatrix(Flowable):
    """Impact (up) against effort (across), 1 to 5: each open opportunity a
    numbered dot (its place in the ranking), the quick-win corner shaded."""

    def __init__(self, ranked: list[analysis.Priority], st: Styles, size: float) -> None:
        super().__init__()
        self.ranked, self.st, self.size = ranked, st, size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.height = min(self.size, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        st = self.st
        size = self.width
        left, bottom = 26.0, 24.0
        cell = (size - left - 6) / 5
        d = Drawing(size, size)
        d.initialFontName = st.regular  # not the base-14 default: every font embedded
        muted = shapes.colour("#5f6b7a")
        qi, qe = analysis.QUICK_WIN_IMPACT, analysis.QUICK_WIN_EFFORT
        d.add(Rect(left, bottom + (qi - 1) * cell, qe * cell, (6 - qi) * cell,
                   fillColor=shapes.colour(QUICK_FILL), strokeColor=None))
        d.add(String(left + qe * cell / 2, bottom + 5 * cell + 3, _("quick wins"),
                     fontName=st.bold, fontSize=7, fillColor=shapes.colour(GREEN),
                     textAnchor="middle"))
        grid = shapes.colour("#dde1e6")
        for i in range(6):
            d.add(Line(left + i * cell, bottom, left + i * cell, bottom + 5 * cell,
                       strokeColor=grid, strokeWidth=0.5))
            d.add(Line(left, bottom + i * cell, left + 5 * cell, bottom + i * cell,
                       strokeColor=grid, strokeWidth=0.5))
        for i in range(5):
            d.add(String(left + (i + 0.5) * cell, bottom - 9, str(i + 1), fontName=st.regular,
                         fontSize=6.5, fillColor=muted, textAnchor="middle"))
            d.add(String(left - 5, bottom + (i + 0.5) * cell - 2, str(i + 1), fontName=st.regular,
                         fontSize=6.5, fillColor=muted, textAnchor="end"))
        d.add(String(left + 2.5 * cell, 3, _("effort"), fontName=st.bold, fontSize=7,
                     fillColor=muted, textAnchor="middle"))
        d.add(String(left + 5 * cell, bottom + 5 * cell + 3, _("impact"), fontName=st.bold,
                     fontSize=7, fillColor=muted, textAnchor="end"))
        placed: dict[tuple[int, int], int] = {}
        for rank, item in enumerate(self.ranked, start=1):
            spot = (item.effort, item.impact)
            k = placed.get(spot, 0)
            placed[spot] = k + 1
            if k >= 4:
                continue  # the ranking beside lists them all
            cx = left + (item.effort - 0.5) * cell + (k % 2 - 0.5) * cell * 0.42
            cy = bottom + (item.impact - 0.5) * cell + (0.5 - k // 2) * cell * 0.42 - 0.2 * cell
            colour = shapes.colour(GREEN if item.quick_win else "#00897b")
            d.add(Circle(cx, cy, min(6.0, cell * 0.2), fillColor=colour, strokeColor=None))
            d.add(String(cx, cy - 2.3, str(rank), fontName=st.bold, fontSize=6.2,
                         fillColor=shapes.colour("#ffffff"), textAnchor="middle"))
        d.drawOn(self.canv, 0, 0)


def ranking(ranked: list[analysis.Priority], st: Styles, width: float) -> list[Flowable]:
    """Each opportunity on one line, what its priority is made of on a second."""
    measure = measure_with(st.cell.font, st.cell.size)
    out: list[Flowable] = [TextBlock(_("OPPORTUNITIES BY PRIORITY"), st.label), Spacer(1, 3)]
    if not ranked:
        return out + [TextBlock(_("no open opportunities"), st.cell)]
    for rank, item in enumerate(ranked, start=1):
        votes = ngettext("{n} vote", "{n} votes", item.votes).format(n=item.votes)
        line = f"{rank}. {item.opportunity.text}"
        facts = _("priority {score}: impact {impact}, effort {effort}, {votes}, "
                  "severity addressed {need}").format(
            score=f"{item.score:.1f}", impact=item.impact, effort=item.effort, votes=votes,
            need=item.need)
        if item.quick_win:
            facts = _("{facts}; a quick win").format(facts=facts)
        out += [TextBlock(line, st.cell, fit_lines(line, width - 2, 1, measure)[0]),
                TextBlock(facts, st.note, fit_lines(facts, width - 2, 2,
                                                    measure_with(st.note.font, st.note.size))[0]),
                Spacer(1, 2)]
    return out


def due_lines(doc: JourneyMap) -> list[str]:
    return [_("{date} {owner}: {text}").format(date=opp.fields["due"], owner=owner, text=opp.text)
            for owner, opp in analysis.next_due_by_owner(doc)[:SHOWN + 2]]


def summary_page(doc: JourneyMap, waves: Sequence[str], st: Styles, width: float
                 ) -> list[Flowable]:
    """The summary's flowables (its heading bookmarked)."""
    title = _("Executive summary")
    half = (width - 18) / 2
    bad, moved = score_lines(doc, waves)
    severe, unaddressed, open_count = pain_lines(doc)
    left = _block(_("WORST SCORES"), bad, st, half, _("no survey scores yet"))
    left += [Spacer(1, 6)] + _block(_("MOST CHANGED SINCE THE WAVE BEFORE"), moved, st, half,
                                    _("no change between waves yet"))
    right = _block(_("MOST SEVERE PAIN POINTS"), severe, st, half, _("no pain points yet"))
    heading = _("NOT ADDRESSED BY ANY OPPORTUNITY ({n})").format(n=open_count)
    right += [Spacer(1, 6)] + _block(heading, unaddressed, st, half,
                                     _("every pain point is addressed"))
    opportunities = [p for p in analysis.opportunity_priorities(doc) if not p.done]
    ranked = opportunities[:RANKED]
    matrix_w = min(170.0, half * 0.45)
    lower_left = Table([[PriorityMatrix(ranked, st, matrix_w),
                         ranking(ranked, st, half - matrix_w - 8)]],
                       colWidths=[matrix_w + 8, half - matrix_w - 8], hAlign="LEFT")
    lower_left.setStyle(_cells(st, padding=0))
    lower_right = _block(_("NEXT DUE, BY OWNER"), due_lines(doc), st, half,
                         _("no open opportunity has an owner and a due date"))
    grid = Table([[left, right], [lower_left, lower_right]], colWidths=[half + 18, half],
                 hAlign="LEFT")
    grid.setStyle(_cells(st, padding=0, bottom=14))
    note = _("Priority = (2 \u00d7 impact + summed severity of the pain points it addresses "
             "+ log2(1 + votes)) \u00f7 effort; impact and effort run 1 to 5. Quick wins: "
             "impact {impact} or more for effort {effort} or less. Scores from fewer than 30 "
             "answers are marked low confidence.").format(
        impact=analysis.QUICK_WIN_IMPACT, effort=analysis.QUICK_WIN_EFFORT)
    return [Anchor("summary", [(title, "summary", 0)]), TextBlock(title, st.h1), Spacer(1, 8),
            grid, TextBlock(note, st.note)]


def _cells(st: Styles, padding: float, bottom: float = 0.0) -> TableStyle:
    return TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), st.regular),
                       ("LEFTPADDING", (0, 0), (-1, -1), padding),
                       ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), bottom)])
