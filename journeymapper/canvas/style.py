"""Qt colours, pens and fonts for the canvas, built from the shared layout
palette so the canvas, the headless render and the PDF agree.

Sizes are in canvas units (1 unit = 1 px at 100% zoom); fonts use pixel
sizes so a render at any DPI has the same proportions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication

from journeymapper.layout import geometry as g
from journeymapper.layout.palette import KIND_STYLE, kind_fill, palette
from journeymapper.model.elements import Kind

#: Families tried in order; Korean text falls back to a Hangul font.
FONT_FAMILIES = ["Inter", "Noto Sans", "DejaVu Sans", "NanumGothic", "NanumBarunGothic",
                 "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo", "sans-serif"]

CARD_PX = 14          # card text
TAG_PX = 10           # kind tag / footer
HEADER_PX = 19        # stage name
LANE_PX = 14          # lane name
BADGE_PX = 11


def pt_to_px(points: float) -> int:
    return round(points * 96 / 72)


@lru_cache(maxsize=32)
def font(px: int, bold: bool = False, italic: bool = False) -> QFont:
    """A canvas font of ``px`` pixels with the Korean-capable fallback list."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(px)
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return f


def system_is_dark() -> bool:
    """True when the desktop's colour scheme is dark."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


@dataclass(frozen=True)
class KindColours:
    fill: QColor
    border: QColor
    accent: QColor


class Theme:
    """Every colour the canvas paints with, for the light or the dark palette."""

    def __init__(self, dark: bool = False) -> None:
        self.dark = dark
        self.c = {name: QColor(value) for name, value in palette(dark).items()}
        self.kinds: dict[Kind, KindColours] = {}
        for kind, style in KIND_STYLE.items():
            accent = QColor(style.accent)
            if dark:
                accent = QColor(style.border).lighter(140)
            self.kinds[kind] = KindColours(QColor(kind_fill(kind, dark)), QColor(style.border),
                                           accent)
        self.card_text = self.c["text"]
        self.shadow = QColor(0, 0, 0, 70 if dark else 28)

    def __getitem__(self, name: str) -> QColor:
        return self.c[name]

    def kind(self, kind: Kind) -> KindColours:
        return self.kinds[kind]


LIGHT_THEME = Theme(False)
DARK_THEME = Theme(True)


def theme(dark: bool) -> Theme:
    return DARK_THEME if dark else LIGHT_THEME


TEXT_PAD = 10.0
TAG_H = 22.0
CARD_TEXT_LINES = max(1, int((g.CARD_H - TAG_H - 8) // (CARD_PX * 1.3)))
