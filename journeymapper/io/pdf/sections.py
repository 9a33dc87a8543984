"""The text sections of the report: cover, personas, pain points,
opportunities and stage details. Each function returns platypus flowables;
all user text goes through TextBlock (plain text, never markup) and is
printed in full here, even where the map had to elide it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from journeymapper import words
from journeymapper.i18n import _, format_date, ngettext, pgettext
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import Anchor, TextBlock
from journeymapper.io.pdf.legend import Legend
from journeymapper.io.pdf.styles import Styles, data_table
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


def heading(title: str, key: str, st: Styles, entries: list[tuple[str, str, int]] | None = None,
            level: int = 0) -> list[Flowable]:
    """A section heading with its bookmark and outline entry (plus ``entries`` below it)."""
    return [Anchor(key, [(title, key, level), *(entries or [])]), TextBlock(title, st.h1),
            Spacer(1, 8)]


def facts_table(rows: list[tuple[str, str]], st: Styles, width: float) -> Table:
    data = [[TextBlock(k, st.label), TextBlock(v, st.body)] for k, v in rows if v]
    if not data:
        data = [[TextBlock("", st.label), TextBlock("", st.body)]]
    table = Table(data, colWidths=[width * 0.22, width * 0.78], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, shapes.colour("#dde1e6")),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def cover(doc: JourneyMap, facts: CoverFacts, st: Styles, width: float) -> list[Flowable]:
    personas = [p for p in doc.elements(Kind.PERSONA)]
    pains = list(doc.elements(Kind.PAIN_POINT))
    open_pains = analysis.unaddressed_pain_points(doc)
    counts = doc.counts()
    cards = sum(v for k, v in counts.items() if k != Kind.STAGE.value)
    pain_text = words.kind_count(Kind.PAIN_POINT, len(pains))
    if open_pains:
        pain_text = ngettext("{pains}, {n} not addressed", "{pains}, {n} not addressed",
                             len(open_pains)).format(pains=pain_text, n=len(open_pains))
    contents = [words.kind_count(Kind.STAGE, len(doc.stage_order)), words.cards(cards), pain_text,
                words.kind_count(Kind.OPPORTUNITY, counts[Kind.OPPORTUNITY.value])]
    if doc.waves:
        count = len(doc.waves)
        contents.append(ngettext("{n} survey wave: {waves}", "{n} survey waves: {waves}",
                                 count).format(n=count, waves=", ".join(w.label for w in doc.waves)))
    version = _("format version {version}").format(version=facts.format_version)
    if doc.meta.get("version_note"):
        version += f"; {doc.meta['version_note']}"
    persona_text = "\n".join(
        p.text + (f" ({p.fields.get('role')})" if p.fields.get("role") else "") for p in personas)
    not_recorded = _("not recorded")
    rows = [
        (_("Persona(s)"), persona_text or _("none on this map")),
        (_("Stages"), f" {facts.arrow} ".join(doc.stage_names()) if doc.stage_order
         else _("none yet")),
        (_("Date"), format_date(doc.meta.get("created") or "") or not_recorded),
        (_("Exported"), format_date(facts.exported)),
        (_("File version"), version),
        (_("Teams / authors"), ", ".join(doc.meta.get("authors") or []) or not_recorded),
        (_("Contents"), pgettext("list separator", "; ").join(contents)),
        (_("Typeface"), facts.font_label),
    ]
    out: list[Flowable] = [
        Anchor("cover", [(_("Cover"), "cover", 0)]),
        Spacer(1, 8),
        TextBlock(_("CUSTOMER JOURNEY MAP"), st.label),
        Spacer(1, 6),
        TextBlock(doc.title or _("Untitled journey"), st.title),
        Spacer(1, 10),
    ]
    if doc.meta.get("description"):
        out += [TextBlock(doc.meta["description"], st.subtitle), Spacer(1, 18)]
    out += [facts_table(rows, st, width * 0.8), Spacer(1, 12)]
    out += at_a_glance(doc, st, width)
    if doc.stage_order:
        out += [Spacer(1, 12), Legend(st.regular, st.bold)]
    return out


def at_a_glance(doc: JourneyMap, st: Styles, width: float, count: int = 3) -> list[Flowable]:
    """The most severe pain points and the strongest opportunities, side by side."""
    pains = analysis.pain_points_by_severity(doc)[:count]
    opportunities = [o for o, _ in analysis.ranked_opportunities(doc)][:count]
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
                    column(_("STRONGEST OPPORTUNITIES"), opp_lines)]],
                  colWidths=[half, half], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
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
        for pain in unaddressed:  # two lines each: the table above has the full text
            line = _("severity {n}: {text}").format(n=pain.fields["severity"], text=pain.text)
            items.append(TextBlock(line, st.body, fit_lines(line, width, 2, measure)[0]))
        out += [Spacer(1, 12), KeepTogether(items)]
    else:
        out += [Spacer(1, 10), TextBlock(_("Every pain point is addressed by at least one "
                                           "opportunity."), st.body)]
    return out


def opportunity_section(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    ranked = analysis.ranked_opportunities(doc)
    if not ranked:
        return []
    rows = []
    for opp, _weight in ranked:
        f = opp.fields
        pains = "\n".join(_("{text} (sev. {n})").format(text=p.text, n=p.fields["severity"])
                          for p in analysis.addressed_pains(doc, opp.id))
        stage = analysis.stage_of(doc, opp)
        rows.append([opp.text, stage.text if stage else "", words.status_label(f["status"]),
                     f["owner"], format_date(f["due"]) if f["due"] else "", str(f["votes"]),
                     f"{f['impact']} / {f['effort']}", pains or _("none")])
    fractions = (0.25, 0.1, 0.08, 0.1, 0.09, 0.06, 0.08, 0.24)
    return [PageBreak(), *heading(words.lane_name(Kind.OPPORTUNITY), "opportunities", st),
            TextBlock(_("Ranked by the summed severity of the pain points each one addresses, "
                        "then by votes."), st.note), Spacer(1, 6),
            data_table([words.kind_label(Kind.OPPORTUNITY), words.kind_label(Kind.STAGE),
                        words.field_label(Kind.OPPORTUNITY, "status"),
                        words.field_label(Kind.OPPORTUNITY, "owner"), _("Due"),
                        words.field_label(Kind.OPPORTUNITY, "votes"), _("Impact / effort"),
                        _("Addresses")], rows,
                       [f * width for f in fractions], st, numeric=(5,))]


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


def stage_details(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    """Every card of every stage with its full text: what the map elided is here."""
    stages = doc.stages()
    if not stages:
        return []
    entries = [(s.text or words.kind_label(Kind.STAGE), f"detail-{s.id}", 1) for s in stages]
    out: list[Flowable] = [PageBreak(), *heading(_("Stage details"), "details", st)]
    fractions = (0.16, 0.56, 0.28)
    for stage, entry in zip(stages, entries):
        out += [CondPageBreak(90), Anchor(entry[1], [entry]), TextBlock(stage.text, st.h2)]
        for name in ("goal", "description"):
            if stage.fields.get(name):
                out.append(TextBlock(_("{label}: {text}").format(
                    label=words.field_label(Kind.STAGE, name), text=stage.fields[name]), st.body))
        rows = []
        for lane in doc.lanes:
            for element in doc.cell(stage.id, lane.id):
                rows.append([lane.name or words.kind_tag(element.kind), element.text,
                             _card_details(element)])
        out.append(Spacer(1, 4))
        if rows:
            out.append(data_table([_("Lane"), _("Card"), _("Details")], rows,
                                  [f * width for f in fractions], st))
        else:
            out.append(TextBlock(_("No cards in this stage yet."), st.note))
        out.append(Spacer(1, 14))
    return out
