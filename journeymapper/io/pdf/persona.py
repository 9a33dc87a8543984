"""Persona pages: who the persona is (avatar, name, role, quote) and what
drives them, as the four boxes researchers expect: goals, motivations,
frustrations, behaviours."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from journeymapper.i18n import _
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import Anchor, TextBlock, TextStyle
from journeymapper.io.pdf.styles import Styles
from journeymapper.io.pdf.text import measure_with, single_line
from journeymapper.layout.palette import KIND_STYLE, persona_initials
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import FIELDS, Element, Kind
from journeymapper.words import field_label, kind_tag

BOXES = (("goals", "#e9f6ea"), ("motivations", "#e6f1fd"), ("frustrations", "#ffebee"),
         ("behaviours", "#fffbe3"))


class PersonaHeader(Flowable):
    """The avatar circle with initials, the name, and role, segment and age group."""

    def __init__(self, persona: Element, st: Styles) -> None:
        super().__init__()
        self.persona, self.st = persona, st
        self.width, self.height = 0.0, 56.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        st, f = self.st, self.persona.fields
        style = KIND_STYLE[Kind.PERSONA]
        c.setFillColor(shapes.colour(style.border))
        c.circle(26, 28, 26, stroke=0, fill=1)
        c.setFillColor(shapes.colour("#ffffff"))
        c.setFont(st.bold, 17)
        c.drawCentredString(26, 22, persona_initials(f))
        room = self.width - 70
        c.setFillColor(shapes.colour("#1f2328"))
        c.setFont(st.bold, st.h1.size)
        c.drawString(66, 30, single_line(self.persona.text or _("Unnamed persona"), room,
                                         measure_with(st.bold, st.h1.size)))
        info = " \u00b7 ".join(str(f[k]) for k in ("role", "segment", "age_group") if f.get(k))
        if info:
            c.setFillColor(shapes.colour("#5f6b7a"))
            c.setFont(st.regular, 10.5)
            c.drawString(66, 12, single_line(info, room, measure_with(st.regular, 10.5)))


def persona_pages(doc: JourneyMap, st: Styles, width: float) -> list[Flowable]:
    """One page per persona, under a "Personas" outline entry."""
    personas = list(doc.elements(Kind.PERSONA))
    out: list[Flowable] = []
    for i, persona in enumerate(personas):
        out.append(PageBreak())
        if i == 0:
            out.append(Anchor("personas", [(_("Personas"), "personas", 0)]))
        key = f"persona-{persona.id}"
        out.append(Anchor(key, [(persona.text or field_label(Kind.PERSONA, "text"), key, 1)]))
        out += persona_block(persona, st, width)
    return out


def persona_block(persona: Element, st: Styles, width: float) -> list[Flowable]:
    f = persona.fields
    labels = {spec.name: field_label(Kind.PERSONA, spec.name).upper() for spec in FIELDS[Kind.PERSONA]}
    out: list[Flowable] = [TextBlock(kind_tag(Kind.PERSONA), st.label), Spacer(1, 8),
                           PersonaHeader(persona, st), Spacer(1, 12)]
    if f.get("quote"):
        out += [TextBlock(f"\u201c{f['quote']}\u201d", TextStyle(st.regular, 15, "#5e35b1", 20)),
                Spacer(1, 16)]
    half = width * 0.85 / 2
    text = TextStyle(st.regular, 11.5, "#1f2328", 16)
    empty = TextStyle(st.regular, 11.5, "#5f6b7a", 16)
    cells = [[TextBlock(labels[name], st.label), Spacer(1, 5),
              TextBlock(str(f.get(name) or _("not recorded")), text if f.get(name) else empty)]
             for name, _ in BOXES]
    grid = Table([cells[:2], cells[2:]], colWidths=[half, half], hAlign="LEFT", splitInRow=1,
                 minRowHeights=[72, 72])
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
             ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
             ("LINEAFTER", (0, 0), (0, -1), 6, shapes.colour("#ffffff")),
             ("LINEBELOW", (0, 0), (-1, 0), 6, shapes.colour("#ffffff"))]
    for i, (_name, fill) in enumerate(BOXES):
        style.append(("BACKGROUND", (i % 2, i // 2), (i % 2, i // 2), shapes.colour(fill)))
    grid.setStyle(TableStyle([*style, ("FONTNAME", (0, 0), (-1, -1), st.regular)]))
    out.append(grid)
    return out
