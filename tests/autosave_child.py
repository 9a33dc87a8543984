"""A journeymapper window in a process of its own, for the crash tests
(tests/test_autosave_crash.py): it opens MAP (or starts untitled), types
each TEXT as a new card through the real view, waits until the autosave
has written everything, prints one JSON line and then runs until killed.

    python tests/autosave_child.py SETTINGS_DIR [--map MAP] TEXT...
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from test_canvas_helpers import centre, click, double_click, key  # noqa: E402
from ui_support import ScriptedDialogs, temp_settings, type_text  # noqa: E402

from journeymapper.model.elements import Kind  # noqa: E402
from journeymapper.ui.app import make_app  # noqa: E402


def type_card(window, stage_index: int, text: str) -> None:
    """A new action card in a stage, typed as a facilitator does: select a card
    of the cell and press N, or double-click the empty cell; then Enter."""
    doc = window.document
    stage, lane = doc.stage_order[stage_index], doc.lane_for_kind(Kind.ACTION).id
    cards = doc.cell(stage, lane)
    if cards:
        window.view.center_on_id(cards[0].id)
        click(window.view, centre(window.scene.cards[cards[0].id]))
        key(window.view, Qt.Key.Key_N)
    else:
        x, y, w, h = window.scene.live.geo.cell_rect(stage, lane)
        double_click(window.view, QPointF(x + w / 2, y + h - 12))
    assert window.scene.editor.is_editing(), "no card editor opened"
    type_text(window.view, text)
    key(window.view, Qt.Key.Key_Return)
    assert not window.scene.editor.is_editing()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("settings")
    parser.add_argument("--map")
    parser.add_argument("texts", nargs="+")
    args = parser.parse_args()
    app = make_app()
    from journeymapper.ui.window import MainWindow

    window = MainWindow(temp_settings(Path(args.settings)))
    window.dialogs = ScriptedDialogs()
    window.resize(1500, 950)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    if args.map:
        assert window.open_path(args.map, ask=False)
    window.view.reset_zoom()
    window.view.setFocus()
    for number, text in enumerate(args.texts):
        type_card(window, number % len(window.document.stage_order), text)
    autosave = window.autosave

    def report(record_id: str) -> None:
        if autosave.idle():
            print(json.dumps({"record": record_id, "pid": os.getpid(),
                              "changes": autosave.unsaved_changes()}), flush=True)

    autosave.written.connect(report)
    if autosave.idle() and autosave.on_disk:
        report(autosave.record_id)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
