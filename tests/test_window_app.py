"""`journeymapper FILE` end to end, and the light / dark palettes following
the system's colour scheme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from ui_support import ScriptedDialogs, temp_settings

from journeymapper.cli import main
from journeymapper.io import jmap
from journeymapper.ui.window import MainWindow


@pytest.fixture
def app_state(tmp_path: Path):
    """Keep the shared QApplication's palette, names and colour scheme as they were."""
    app = QApplication.instance()
    palette = QPalette(app.palette())
    names = app.organizationName(), app.applicationName()
    temp_settings(tmp_path)
    yield app
    app.setPalette(palette)
    app.setOrganizationName(names[0])
    app.setApplicationName(names[1])


def test_command_line_opens_the_window_on_a_file(app_state, korean_path, qtbot):
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        window = windows[0]
        seen["title"] = window.windowTitle()
        seen["stages"] = window.document.stage_names()
        seen["cards"] = len(window.scene.cards)
        seen["modified"] = window.isWindowModified()
        window.close()

    cards = sum(1 for e in jmap.load(korean_path).document.elements() if e.kind.value != "stage")
    QTimer.singleShot(300, look_and_close)
    assert main([str(korean_path)]) == 0
    assert seen == {"title": "dawn-delivery-ko.jmap[*] — journeymapper",
                    "stages": ["인식", "고려", "구매", "유지", "옹호"],
                    "cards": cards, "modified": False}


def test_a_broken_file_on_the_command_line_still_opens_a_window(app_state, tmp_path, qtbot):
    broken = tmp_path / "깨진.jmap"
    broken.write_bytes(b"\x00\x01 not a map")
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = window.windowTitle()
        window.close()

    # the error is shown in a message box; answer it, then look at the window
    def dismiss_error() -> None:
        box = QApplication.activeModalWidget()
        seen["error"] = box.text() if box is not None else None
        if box is not None:
            box.close()
        QTimer.singleShot(100, look_and_close)

    QTimer.singleShot(300, dismiss_error)
    assert main([str(broken)]) == 0
    assert seen["error"] == f"{broken}: not a .jmap file (binary data)"
    assert seen["title"] == "Untitled[*] — journeymapper"


def test_palette_and_canvas_follow_the_system_colour_scheme(app_state, qtbot, tmp_path):
    window = MainWindow(temp_settings(tmp_path))
    window.dialogs = ScriptedDialogs()
    qtbot.addWidget(window)
    window.show()
    # the platform reports the switch (offscreen cannot switch itself)
    hints = app_state.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.scene.dark
    assert app_state.palette().color(QPalette.ColorRole.Window).lightness() < 80
    qtbot.waitUntil(
        lambda: window.inspector.palette().color(QPalette.ColorRole.Base).lightness() < 80)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not window.scene.dark
    assert app_state.palette().color(QPalette.ColorRole.Window).lightness() > 200


QUIT_AFTER_COPY = r"""
import os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from journeymapper.ui import app as jm_app
from journeymapper.ui.window import MainWindow

def copy_and_quit():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.scene.select_ids([sys.argv[2]])
    assert window.scene.editor.copy_selection()
    window.close()

jm_app.make_app()
QTimer.singleShot(300, copy_and_quit)
sys.exit(jm_app.run(sys.argv[1]))
"""


def test_quitting_after_copying_cards_exits_cleanly(laptop_path, tmp_path):
    """The clipboard still holds the copied cards when the app quits; the
    process must end normally, with the text left on the clipboard."""
    import subprocess
    import sys

    from journeymapper.io import jmap

    doc = jmap.load(laptop_path).document
    card = next(e.id for e in doc.elements() if e.kind.value == "pain_point")
    result = subprocess.run([sys.executable, "-c", QUIT_AFTER_COPY, str(laptop_path), card],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
