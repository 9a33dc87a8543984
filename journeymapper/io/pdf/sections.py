"""The text sections of the report: cover, pain points, opportunities and
stage details. Each function returns platypus flowables; all user text goes
through TextBlock (plain text, never markup) and is printed in full here,
even where the map had to elide it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from journeymapper import words
from journeymapper.i18n import _, format_date, ngettext, pgettext
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import Anchor, TextBlock
from journeymapper.io.pdf.legend import Legend
from journeymapper.io.pdf.styles import Styles, chunks, data_table
from journeymapper.io.pdf.text import fit_lines, measure_with
from journeymapper.model import analysis
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind


@dataclass
class CoverFacts:
    """What the cover says about the file besides the map's own text."""

    format_version: int
    exported: str
    font_label: str
    arrow: str = ">"
    #: the wave the export shows scores up to (None: the latest)
    wave: str | None = None


def heading(title: str, key: str, st: Styles, entries: list[tuple[str, str, int]] | None = None,
            level: int = 0) -> list[Flowable]:
    """A section heading with its bookmark and outline entry (plus ``entries`` below it)."""
    return [Anchor(key, [(title, key, level), *(entries or [])]), TextBlock(title, st.h1),
            Spacer(1, 8)]


def facts_table(rows: list[tuple[str, str]], st: Styles, width: float) -> Table:
    """Label and value rows; a long value goes on in the rows below its label."""
    data: list[list[object]] = []
    lines: list[int] = []  # the rows that end a fact
    label_w, value_w = width * 0.22, width * 0.78
    for k, v in rows:
        if not v:
            continue
        label = chunks(k, st.label, label_w)
        for i, part in enumerate(chunks(v, st.body, value_w)):
            data.append([label[0] if i == 0 else "", part])
        lines.append(len(data) - 1)
    if not data:
        data = [[TextBlock("", st.label), TextBlock("", st.body)]]
    table = Table(data, colWidths=[label_w, value_w], hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("FONTNAME", (0, 0), (-1, -1), st.regular),  # empty cells too: no base-14 font
             ("TOPPADDING", (0, 0), (-1, -1), 3.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
             ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    style += [("LINEBELOW", (0, row), (-1, row), 0.4, shapes.colour("#dde1e6")) for row in lines]
    table.setStyle(TableStyle(style))
    return table


def contents_line(doc: JourneyMap, waves: list[str]) -> str:
    """'5 stages; 37 cards; 5 pain points, 1 not addressed; 5 opportunities; ...'"""
    counts = doc.counts()
    stages = len(doc.stage_order)
    cards = sum(v for k, v in counts.items() if k != Kind.STAGE.value)
    pains = counts[Kind.PAIN_POINT.value]
    unaddressed = len(analysis.unaddressed_pain_points(doc))
    opportunities = counts[Kind.OPPORTUNITY.value]
    parts = [words.kind_count(Kind.STAGE, stages), words.cards(cards)]
    pain_text = words.kind_count(Kind.PAIN_POINT, pains)
    if unaddressed:
        pain_text = ngettext("{pains}, {n} not addressed", "{pains}, {n} not addressed",
                             unaddressed).format(pains=pain_text, n=unaddressed)
    parts += [pain_text, words.kind_count(Kind.OPPORTUNITY, opportunities)]
    if waves:
        parts.append(ngettext("{n} survey wave: {waves}", "{n} survey waves: {waves}",
                              len(waves)).format(n=len(waves), waves=", ".join(waves)))
    return pgettext("list separator", "; ").join(parts)


def cover(doc: JourneyMap, facts: CoverFacts, st: Styles, width: float) -> list[Flowable]:
    personas = list(doc.elements(Kind.PERSONA))
    labels = [w.label for w in doc.waves]
    waves = labels[:labels.index(facts.wave) + 1] if facts.wave in labels else labels
    version = _("format version {version}").format(version=facts.format_version)
    if doc.meta.get("version_note"):
        version += f"; {doc.meta['version_note']}"
    persona_text = "\n".join(
        p.text + (f" ({p.fields.get('role')})" if p.fields.get("role") else "") for p in personas)
    not_recorded = _("not recorded")
    rows = [
        # A row heading, like "Stages": ngettext("Persona", ...) would clash with
        # the kind name "Persona" in the catalogue.
        (_("Personas"), persona_text or _("none on this map")),
        (_("Stages"), f" {facts.arrow} ".join(doc.stage_names()) if doc.stage_order
         else _("none yet")),
        (_("Date"), format_date(doc.meta.get("created") or "") or not_recorded),
        (_("Exported"), format_date(facts.exported)),
        (_("File version"), version),
        (_("Teams / authors"), ", ".join(doc.meta.get("authors") or []) or not_recorded),
        (_("Contents"), contents_line(doc, waves)),
        (_("Typeface"), facts.font_label),
    ]
    out: list[Flowable] = [
        Anchor("cover", [(_("Cover"), "cover", 0)]),  # first: report.py keeps it outside the frame
        Spacer(1, 8),
        TextBlock(_("CUSTOMER JOURNEY MAP"), st.label),
        Spacer(1, 6),
        TextBlock(doc.title or _("Untitled journey"), st.title),
        Spacer(1, 10),
    ]
    if facts.wave is not None:
        out += [TextBlock(_("Scores as of {wave}").format(wave=facts.wave), st.callout),
                Spacer(1, 6)]
    if doc.meta.get("description"):
        out += [TextBlock(doc.meta["description"], st.subtitle), Spacer(1, 18)]
    out += [facts_table(rows, st, width * 0.8), Spacer(1, 12)]
    out += at_a_glance(doc, st, width)
    if doc.stage_order:
        out += [Spacer(1, 12), Legend(st.regular, st.bold)]
    return out


def at_a_glance(doc: JourneyMap, st: Styles, width: float, count: int = 3) -> list[Flowable]:
    """The most severe pain points and the opportunities most worth doing, side by side."""
    pains = analysis.pain_points_by_severity(doc)[:count]
    opportunities = [p.opportunity for p in analysis.opportunity_priorities(doc)
                     if not p.done][:count]
    if not pains and not opportunities:
        return []

    half = width * 0.8 / 2
    measure = measure_with(st.body.font, st.body.size)

    def column(title: str, lines: list[str]) -> list[Flowable]:
        items: list[Flowable] = [TextBlock(title, st.label), Spacer(1, 4)]
        for line in lines or [_("none yet")]:
            shown, _cut = fit_lines(line, half - 21, 2, measure)  # the tables have it in full
            items += [TextBlock(line, st.body, shown), Spacer(1, 3)]
        return items

    pain_lines = []
    for p in pains:
        stage = analysis.stage_of(doc, p)
        where = f" ({stage.text})" if stage else ""
        pain_lines.append(f"{p.fields['severity']}/5  {p.text}{where}")
    opp_lines = [f"{o.text} ({_status_and_owner(o.fields)})" for o in opportunities]
    table = Table([[column(_("MOST SEVERE PAIN POINTS"), pain_lines),
                    column(_("OPPORTUNITIES MOST WORTH DOING"), opp_lines)]],
                  colWidths=[half, half], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), st.regular),
        ("BACKGROUND", (0, 0), (0, 0), shapes.colour("#ffebee")),
        ("BACKGROUND", (1, 0), (1, 0), shapes.colour("#e0f5f1")),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [table]


def pain_section(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    pains = analysis.pain_points_by_severity(doc)
    if not pains:
        return []
    open_ids = {p.id for p in analysis.unaddressed_pain_points(doc)}
    rows, highlight = [], []
    for i, pain in enumerate(pains):
        stage = analysis.stage_of(doc, pain)
        touch = ", ".join(t.text for t in analysis.touchpoints_of_pain(doc, pain.id))
        fixes = "; ".join(o.text for o in analysis.addressed_by(doc, pain.id))
        evidence = "\n".join(f"- {e}" for e in pain.fields.get("evidence", []))
        rows.append([str(pain.fields["severity"]), pain.text, stage.text if stage else "",
                     touch, evidence, fixes or _("none")])
        if pain.id in open_ids:
            highlight.append(i + 1)
    fractions = (0.05, 0.27, 0.12, 0.16, 0.2, 0.2)
    out = [PageBreak(), *heading(words.lane_name(Kind.PAIN_POINT), "pains", st),
           TextBlock(_("Sorted by severity (5 = most severe). Highlighted rows have no "
                       "opportunity addressing them."), st.note), Spacer(1, 6),
           data_table([_("Sev."), words.kind_label(Kind.PAIN_POINT), words.kind_label(Kind.STAGE),
                       words.lane_name(Kind.TOUCHPOINT), words.field_label(None, "evidence"),
                       _("Addressed by")],
                      rows, [f * width for f in fractions], st, highlight=highlight, numeric=(0,))]
    unaddressed = [p for p in pains if p.id in open_ids]
    if unaddressed:
        measure = measure_with(st.body.font, st.body.size)
        items: list[Flowable] = [
            TextBlock(_("Not addressed by any opportunity ({n})").format(n=len(unaddressed)),
                      st.callout),
            Spacer(1, 3)]
        for pain in unaddressed[:40]:  # two lines each: the table above has the full text
            line = _("severity {n}: {text}").format(n=pain.fields["severity"], text=pain.text)
            items.append(TextBlock(line, st.body, fit_lines(line, width, 2, measure)[0]))
        out += [Spacer(1, 12), KeepTogether(items)]
    else:
        out += [Spacer(1, 10), TextBlock(_("Every pain point is addressed by at least one "
                                           "opportunity."), st.body)]
    return out


def opportunity_section(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    ranked = analysis.opportunity_priorities(doc)
    if not ranked:
        return []
    rows = []
    for item in ranked:
        opp = item.opportunity
        f = opp.fields
        pains = "\n".join(_("{text} (sev. {n})").format(text=p.text, n=p.fields["severity"])
                          for p in analysis.addressed_pains(doc, opp.id))
        stage = analysis.stage_of(doc, opp)
        priority = f"{item.score:.1f}" + ("\n" + _("quick win") if item.quick_win else "")
        rows.append([opp.text, stage.text if stage else "", words.status_label(f["status"]),
                     f["owner"], format_date(f["due"]) if f["due"] else "", str(f["votes"]),
                     f"{f['impact']} / {f['effort']}", priority, pains or _("none")])
    fractions = (0.23, 0.1, 0.08, 0.1, 0.09, 0.06, 0.08, 0.07, 0.19)
    return [PageBreak(), *heading(words.lane_name(Kind.OPPORTUNITY), "opportunities", st),
            TextBlock(_("Ranked by priority: (2 \u00d7 impact + summed severity of the pain "
                        "points addressed + log2(1 + votes)) \u00f7 effort. A quick win has "
                        "impact {impact} or more for effort {effort} or less. Done ones come "
                        "last.")
                      .format(impact=analysis.QUICK_WIN_IMPACT, effort=analysis.QUICK_WIN_EFFORT),
                      st.note), Spacer(1, 6),
            data_table([words.kind_label(Kind.OPPORTUNITY), words.kind_label(Kind.STAGE),
                        words.field_label(Kind.OPPORTUNITY, "status"),
                        words.field_label(Kind.OPPORTUNITY, "owner"), _("Due"),
                        words.field_label(Kind.OPPORTUNITY, "votes"), _("Impact / effort"),
                        _("Priority"), _("Addresses")], rows,
                       [f * width for f in fractions], st, numeric=(5, 7))]


def _status_and_owner(fields) -> str:
    status = words.status_label(str(fields.get("status", "")))
    owner = fields.get("owner")
    return _("{status}, {owner}").format(status=status, owner=owner) if owner else status


def _card_details(element: Element) -> str:
    f = element.fields
    kind = element.kind
    if kind is Kind.EMOTION:
        return _("score {score}").format(score=f"{f.get('score', 0):+d}")
    if kind is Kind.TOUCHPOINT:
        channel = words.channel_label(f["channel"]) if f.get("channel") else ""
        return ", ".join(v for v in (channel, f.get("owner")) if v)
    if kind is Kind.PAIN_POINT:
        return _("severity {n}").format(n=f.get("severity"))
    if kind is Kind.OPPORTUNITY:
        return _status_and_owner(f)
    if kind is Kind.GOAL:
        return f.get("metric", "")
    if kind is Kind.NOTE:
        return f.get("author", "")
    return ""


def _row_label(doc: JourneyMap, lane, element: Element) -> str:
    """The lane's name, or the card's kind when it sits in a lane of another
    kind (a goal in the opportunities lane is listed as a goal)."""
    if element.kind is not lane.kind or not lane.name:
        return words.kind_tag(element.kind)
    return lane.name


def stage_details(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    """Every card of every stage with its full text: what the map elided is
    here. A stage's table repeats the stage's name on every page it runs to."""
    stages = doc.stages()
    if not stages:
        return []
    entries = [(s.text or words.kind_label(Kind.STAGE), f"detail-{s.id}", 1) for s in stages]
    out: list[Flowable] = [PageBreak(), *heading(_("Stage details"), "details", st)]
    fractions = (0.16, 0.56, 0.28)
    widths = [f * width for f in fractions]
    for stage, entry in zip(stages, entries):
        out += [CondPageBreak(90), Anchor(entry[1], [entry])]
        intro = [_("{label}: {text}").format(label=words.field_label(Kind.STAGE, name),
                                             text=stage.fields[name])
                 for name in ("goal", "description") if stage.fields.get(name)]
        rows = []
        for lane in doc.lanes:
            for element in doc.cell(stage.id, lane.id):
                rows.append([_row_label(doc, lane, element), element.text,
                             _card_details(element)])
        if not rows:
            out += [TextBlock(stage.text, st.h2), *(TextBlock(t, st.body) for t in intro),
                    Spacer(1, 4), TextBlock(_("No cards in this stage yet."), st.note),
                    Spacer(1, 14)]
            continue
        out += [data_table([_("Lane"), _("Card"), _("Details")], rows, widths, st,
                           caption=stage.text or words.kind_label(Kind.STAGE), intro=intro),
                Spacer(1, 14)]
    return out
