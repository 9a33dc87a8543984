"""Start the desktop app: ``run(path) -> exit code`` (used by ``journeymapper [FILE]``)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journeymapper import __version__

ORGANIZATION = "journeymapper"
APPLICATION = "journeymapper"


def make_app() -> QApplication:
    """The QApplication (created once), named so QSettings finds our settings."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("journeymapper")
    from journeymapper.canvas.editing import hand_over_clipboard

    if not app.property("journeymapper_quit_hooks"):
        app.aboutToQuit.connect(hand_over_clipboard)
        app.setProperty("journeymapper_quit_hooks", True)
    return app


def run(path: str | None = None) -> int:
    """Open the main window (on ``path`` when given) and run until the last window closes."""
    app = make_app()
    from journeymapper.ui import theme
    from journeymapper.ui.startup import start
    from journeymapper.ui.window import MainWindow

    theme.apply_theme(app)

    def open_window() -> MainWindow:
        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    # the file given, else maps a crash left unsaved, else the last map
    first = open_window()
    windows = [first, *start(first, path, new_window=open_window)]  # kept alive while running
    code = app.exec()
    del windows
    return code
