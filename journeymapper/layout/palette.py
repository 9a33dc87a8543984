"""Colours and kind markers: one decision, used by the canvas and the PDF.

Colours are ``#rrggbb`` strings. Each kind also has a marker shape name
(drawn as a small vector shape, so it never depends on a font's glyphs) and
a short tag printed on the card.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.i18n import N_
from journeymapper.model.elements import Kind
from journeymapper.model.links import LinkKind
from journeymapper.model.metrics import fixed
from journeymapper.model.scores import Score


@dataclass(frozen=True)
class KindStyle:
    fill: str
    border: str
    accent: str
    marker: str  # circle, chevron, bubble, dot, triangle, diamond, flag, square, person
    tag: str


KIND_STYLE: dict[Kind, KindStyle] = {
    Kind.PERSONA: KindStyle("#efe9fb", "#7e57c2", "#5e35b1", "person", N_("PERSONA")),
    Kind.STAGE: KindStyle("#263238", "#263238", "#ffffff", "square", N_("STAGE")),
    Kind.TOUCHPOINT: KindStyle("#e6f1fd", "#1e88e5", "#1565c0", "circle", N_("TOUCHPOINT")),
    Kind.ACTION: KindStyle("#e9f6ea", "#43a047", "#2e7d32", "chevron", N_("ACTION")),
    Kind.THOUGHT: KindStyle("#fffbe3", "#f9a825", "#b07800", "bubble", N_("THOUGHT")),
    Kind.EMOTION: KindStyle("#fde8f0", "#d81b60", "#ad1457", "dot", N_("EMOTION")),
    Kind.PAIN_POINT: KindStyle("#ffebee", "#e53935", "#c62828", "triangle", N_("PAIN POINT")),
    Kind.OPPORTUNITY: KindStyle("#e0f5f1", "#00897b", "#00695c", "diamond", N_("OPPORTUNITY")),
    Kind.GOAL: KindStyle("#f4e8f7", "#8e24aa", "#6a1b9a", "flag", N_("GOAL / KPI")),
    Kind.NOTE: KindStyle("#fff2a8", "#c9b84a", "#7a6a10", "square", N_("NOTE")),
}

_DARK_FILL: dict[Kind, str] = {
    Kind.PERSONA: "#3a3150", Kind.STAGE: "#37474f", Kind.TOUCHPOINT: "#1d3346",
    Kind.ACTION: "#1f3a24", Kind.THOUGHT: "#403716", Kind.EMOTION: "#46202f",
    Kind.PAIN_POINT: "#4a1f22", Kind.OPPORTUNITY: "#143c37", Kind.GOAL: "#3b2145",
    Kind.NOTE: "#4a4420",
}

LIGHT = {
    "background": "#f7f8fa", "grid": "#dde1e6", "lane_header": "#eceff3",
    "lane_band": "#ffffff", "lane_band_alt": "#f2f4f7", "text": "#1f2328",
    "muted": "#5f6b7a", "stage_header": "#263238", "stage_text": "#ffffff",
    "link": "#607d8b", "loop": "#8e24aa", "selection": "#2962ff", "curve": "#d81b60",
    "highlight": "#ffab00",
}
DARK = {
    "background": "#1b1e23", "grid": "#353a42", "lane_header": "#262a31",
    "lane_band": "#20242a", "lane_band_alt": "#252a31", "text": "#e6e9ee",
    # a stage header in the dark palette is a dark slate, not a bright bar
    "muted": "#9aa5b4", "stage_header": "#37474f", "stage_text": "#eceff1",
    "link": "#90a4ae", "loop": "#ce93d8", "selection": "#82b1ff", "curve": "#f48fb1",
    "highlight": "#ffd740",
}


@dataclass(frozen=True)
class LinkStyle:
    """How a kind of link is drawn, so it reads without a label: a colour
    (light and dark theme), a dash pattern in map units (empty: solid) and a
    width. The colour is that of the card the link starts from."""

    colour: str
    dark: str
    dash: tuple[float, ...]
    width: float

    def colour_for(self, dark: bool) -> str:
        return self.dark if dark else self.colour


LINK_STYLE: dict[LinkKind, LinkStyle] = {
    LinkKind.ADDRESSES: LinkStyle("#00897b", "#4db6ac", (), 2.0),            # opportunity -> pain
    LinkKind.OCCURS_AT: LinkStyle("#d32f2f", "#ef9a9a", (6.0, 3.5), 1.6),    # pain -> touchpoint
    LinkKind.USES: LinkStyle("#607d8b", "#90a4ae", (), 1.5),                 # action -> touchpoint
    LinkKind.NEXT: LinkStyle("#2e7d32", "#81c784", (), 2.2),                 # action -> action
    LinkKind.EVIDENCES: LinkStyle("#b07800", "#ffd54f", (1.6, 2.6), 1.8),    # thought -> pain
    LinkKind.MEASURES: LinkStyle("#8e24aa", "#ce93d8", (7.0, 2.5, 1.6, 2.5), 1.6),  # goal ->
}
#: the order the legend lists them in
LINK_ORDER = (LinkKind.NEXT, LinkKind.USES, LinkKind.OCCURS_AT, LinkKind.EVIDENCES,
              LinkKind.ADDRESSES, LinkKind.MEASURES)


def _luminance(hex_value: str) -> float:
    r, g, b = (int(hex_value[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


INK_DARK = "#1f2328"
INK_LIGHT = "#ffffff"


def readable_on(fill: str) -> str:
    """White or near-black, whichever reads better on ``fill`` (WCAG AA, 4.5:1,
    holds for every score colour)."""
    return INK_LIGHT if contrast(fill, INK_LIGHT) >= contrast(fill, INK_DARK) else INK_DARK


def palette(dark: bool = False) -> dict[str, str]:
    """Map-wide colours for the light or dark theme."""
    return dict(DARK if dark else LIGHT)


def kind_fill(kind: Kind, dark: bool = False) -> str:
    return _DARK_FILL[kind] if dark else KIND_STYLE[kind].fill


def score_fraction(score: Score) -> float:
    """Where a score sits between worst (0.0) and best (1.0) on its scale."""
    metric = score.metric
    if metric == "csat":
        lo, hi = 0.0, 100.0
    elif metric == "nps":
        lo, hi = -100.0, 100.0
    else:
        lo = float(score.scale.get("min", 1))
        hi = float(score.scale.get("max", 7 if metric == "ces" else 5))
    if hi <= lo:
        return 0.5
    frac = (score.value - lo) / (hi - lo)
    frac = min(1.0, max(0.0, frac))
    return frac if score.higher_is_better else 1.0 - frac


def score_colour(score: Score) -> str:
    """Red (bad) through amber to green (good), by :func:`score_fraction`."""
    frac = score_fraction(score)
    stops = ((0.0, (211, 47, 47)), (0.5, (245, 166, 35)), (1.0, (46, 160, 67)))
    for (f0, c0), (f1, c1) in zip(stops, stops[1:]):
        if frac <= f1:
            t = (frac - f0) / (f1 - f0)
            r, g, b = (round(a + (b_ - a) * t) for a, b_ in zip(c0, c1))
            return f"#{r:02x}{g:02x}{b:02x}"
    return "#2ea043"


def score_text(score: Score) -> str:
    """A score's value as every view prints it: CSAT 71%, NPS +18, CES 3.4."""
    if score.metric == "csat":
        return f"{fixed(score.value, 0)}%"
    if score.metric == "nps":
        return fixed(score.value, 0, sign=True)
    return fixed(score.value, 1)


def persona_initials(fields: dict) -> str:
    """What a persona's avatar circle shows: the avatar field when it is short
    initials (not an image path), else initials made from the name."""
    avatar = str(fields.get("avatar", "")).strip()
    if avatar and len(avatar) <= 3 and "/" not in avatar and "." not in avatar:
        return avatar.upper()
    words = str(fields.get("text", "?")).split()
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()
