"""Light and dark palettes that follow the system's colour scheme.

The widgets use the Fusion style with a palette built from the map colours
in :mod:`journeymapper.layout.palette`, so panels and canvas agree; when the
system switches scheme the palette and the canvas
switch with it (the window connects ``colorSchemeChanged``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from journeymapper.layout.palette import palette as map_palette


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def build_palette(dark: bool) -> QPalette:
    """A widget palette matching the map's light or dark colours."""
    colours = map_palette(dark)
    pal = QPalette()
    text = QColor(colours["text"])
    if dark:
        window, base, alt, button = "#2b2f36", "#1f2329", "#262a31", "#343942"
    else:
        window, base, alt, button = "#f0f2f5", "#ffffff", "#f5f6f8", "#e9ecf0"
    roles = {
        QPalette.ColorRole.Window: QColor(window),
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: QColor(base),
        QPalette.ColorRole.AlternateBase: QColor(alt),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(button),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: QColor(base),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(colours["muted"]),
        QPalette.ColorRole.Highlight: QColor(colours["selection"]),
        QPalette.ColorRole.HighlightedText: QColor("#000000" if dark else "#ffffff"),
        QPalette.ColorRole.Link: QColor(colours["selection"]),
        QPalette.ColorRole.BrightText: QColor("#ff5252"),
    }
    for role, colour in roles.items():
        pal.setColor(role, colour)
    muted = QColor(colours["muted"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return pal


def apply_theme(app: QApplication, dark: bool | None = None) -> bool:
    """Set Fusion and the palette for ``dark`` (None: follow the system); returns dark."""
    dark = system_is_dark() if dark is None else dark
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(build_palette(dark))
    return dark

