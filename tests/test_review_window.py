"""The review in the real window: Compare with… (a file, the backup, the last
review, a git revision) draws the overlay and fills the Changes panel; a
click on a row zooms to the card; Esc or the panel's button leaves; Mark
review… is one undo step; the Actions board moves an action by a drag."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from test_canvas_helpers import centre, click
from test_window import shown_window

from journeymapper.canvas.items.compare import ADDED, CHANGED, MOVED, REMOVED
from journeymapper.io import jmap
from journeymapper.model.elements import Kind
from journeymapper.model.reviews import reviews
from journeymapper.ui.window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, laptop_path: Path) -> MainWindow:
    folder = tmp_path / "settings"
    folder.mkdir()
    path = tmp_path / "map.jmap"
    shutil.copy(laptop_path, path)
    win = shown_window(qtbot, folder, (1500, 950))
    win.set_document(jmap.load(path).document, path)
    win.view.reset_zoom()
    yield win
    win.undo_stack.setClean()
    win.close()


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def edited_copy(window: MainWindow, tmp_path: Path) -> tuple[Path, dict]:
    """The window's map saved as OLD, then edited in the window: one change of
    each kind the overlay draws."""
    old = tmp_path / "old.jmap"
    jmap.save(window.document, old, backup=False)
    doc = window.document
    thought = next(doc.elements(Kind.THOUGHT))
    pain = next(doc.elements(Kind.PAIN_POINT))
    act = next(doc.elements(Kind.ACTION))
    doc.remove_element(thought.id)
    doc.set_field(pain.id, "severity", 5 if pain.fields["severity"] != 5 else 4)
    target = doc.stage_order[-1] if act.placement.stage != doc.stage_order[-1] else doc.stage_order[0]
    doc.move_element(act.id, act.placement.moved(stage=target))
    added = doc.add_card(Kind.NOTE, doc.stage_order[1], doc.lanes[1].id, "Ask support")
    return old, {"removed": thought.id, "changed": pain.id, "moved": act.id, "added": added}


def row_point(panel, item) -> QPoint:
    rect = panel.tree.visualItemRect(item)
    return rect.center()


def visible(window: MainWindow, rect: tuple[float, float, float, float]) -> bool:
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    return shown.contains(QRectF(*rect).center())


def test_compare_with_a_file_overlay_panel_click_and_esc(qtbot, window, tmp_path) -> None:
    old, ids = edited_copy(window, tmp_path)
    window.dialogs.script("open_path", str(old))
    action(window, "action_compare_file").trigger()
    compare, panel = window.compare, window.review.changes
    assert compare.active and compare.overlay.scene() is window.scene
    kinds = {i: [m.kind for m in compare.overlay.marks_of(i)] for i in ids.values()}
    assert kinds == {ids["removed"]: [REMOVED], ids["changed"]: [CHANGED],
                     ids["moved"]: [MOVED], ids["added"]: [ADDED]}
    geo = window.scene.live.geo
    assert compare.overlay.marks_of(ids["added"])[0].rect == geo.cards[ids["added"]]
    assert "old.jmap" in panel.title.text()
    assert {g for g in panel.groups} >= {"added", "removed", "changed", "moved"}

    # a click on the "Moved" row: the card is selected and brought into view
    window.view.set_zoom(0.3)
    window.view.centerOn(0, 0)
    (row,) = panel.rows("moved")
    window.review.changes_dock.raise_()
    qtbot.waitUntil(lambda: panel.tree.isVisible())
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=row_point(panel, row))
    assert window.scene.selected_ids() == [ids["moved"]]
    assert visible(window, geo.cards[ids["moved"]]) and window.view.zoom() > 0.5
    # the ghost of the removed card is reachable the same way
    (ghost_row,) = panel.rows("removed")
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_point(panel, ghost_row))
    assert visible(window, compare.rect_of(ids["removed"]))

    # Esc on the canvas leaves the comparison
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not compare.active and compare.overlay is None
    assert not any(type(i).__name__ == "CompareOverlay" for i in window.scene.items())
    assert panel.rows("moved") == [] and not panel.leave_button.isEnabled()


def test_the_overlay_follows_edits_and_the_button_leaves(qtbot, window, tmp_path) -> None:
    old, ids = edited_copy(window, tmp_path)
    window.dialogs.script("open_path", str(old))
    action(window, "action_compare_file").trigger()
    card = next(window.document.elements(Kind.TOUCHPOINT))
    click(window.view, centre(window.scene.cards[card.id]))
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)  # a real edit during the comparison
    qtbot.waitUntil(lambda: card.id in [e.id for e in window.compare.diff.removed], timeout=3000)
    assert [m.kind for m in window.compare.overlay.marks_of(card.id)] == [REMOVED]
    panel = window.review.changes
    QTest.mouseClick(panel.leave_button, Qt.MouseButton.LeftButton)
    assert not window.compare.active


def test_compare_with_the_backup(window) -> None:
    window.save()
    doc = window.document
    doc.set_field(doc.stage_order[0], "text", "Discovery")
    window.save()  # map.jmap.bak holds the first save now
    window.review.update_enabled()
    assert window.review.compare_backup.isEnabled()
    action(window, "action_compare_backup").trigger()
    d = window.compare.diff
    assert [c.id for c in d.stages_renamed] == [doc.stage_order[0]]
    assert "map.jmap.bak" in window.review.changes.title.text()


def test_mark_review_then_compare_with_it(window) -> None:
    assert not window.review.compare_review.isEnabled()
    window.dialogs.script("ask_review", ("2026-10-05", "Hana", "Q3 wave in"))
    before = window.undo_stack.count()
    action(window, "action_mark_review").trigger()
    assert window.undo_stack.count() == before + 1
    (mark,) = reviews(window.document)
    assert (mark.date, mark.by, mark.note) == ("2026-10-05", "Hana", "Q3 wave in")
    doc = window.document
    new = doc.add_card(Kind.PAIN_POINT, doc.stage_order[2], doc.lane_for_kind(Kind.PAIN_POINT).id,
                       "Slots sell out")
    window.review.update_enabled()
    action(window, "action_compare_review").trigger()
    assert [e.id for e in window.compare.diff.added] == [new]
    assert "2026-10-05" in window.review.changes.title.text()
    window.review.leave()
    window.undo_stack.undo()  # the card
    window.undo_stack.undo()  # the review
    assert reviews(window.document) == []
    window.undo_stack.redo()
    assert [r.key for r in reviews(window.document)] == [mark.key], "redo brings the same mark"


def test_compare_with_a_git_revision(window, tmp_path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = window.path.parent

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "T")
    git("add", "map.jmap")
    git("commit", "-qm", "first")
    doc = window.document
    pain = next(doc.elements(Kind.PAIN_POINT))
    doc.set_field(pain.id, "text", "Checkout times out")
    window.dialogs.script("ask_text", "HEAD")
    action(window, "action_compare_git").trigger()
    (changed,) = window.compare.diff.changed
    assert changed.id == pain.id and "map.jmap@HEAD" in window.review.changes.title.text()
    window.dialogs.script("ask_text", "no-such-rev")
    action(window, "action_compare_git").trigger()
    (kind, _title, message) = window.dialogs.shown[-1]
    assert kind == "error" and "no-such-rev" in message


def test_showing_another_map_leaves_the_comparison(window, tmp_path, korean_path) -> None:
    old, _ = edited_copy(window, tmp_path)
    window.dialogs.script("open_path", str(old))
    action(window, "action_compare_file").trigger()
    window.undo_stack.setClean()
    window.set_document(jmap.load(korean_path).document, korean_path)
    assert not window.compare.active


# ---------------------------------------------------------------- the board
def board_point(board, rect: QRectF) -> QPoint:
    return board.mapFromGlobal(board.mapToGlobal(rect.center().toPoint()))


def test_board_drag_changes_status_in_one_undo_step(qtbot, window) -> None:
    panel = window.review.board
    window.review.board_dock.show()
    window.review.board_dock.raise_()
    canvas = panel.board
    qtbot.waitUntil(canvas.isVisible)
    idea = next(p for p in canvas.placed if p.action.status == "idea")
    target = canvas.columns["done"]
    before = window.undo_stack.count()
    start = idea.rect.center().toPoint()
    end = QPoint(int(target.center().x()), start.y())
    panel.scroll.ensureVisible(start.x(), start.y())
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        QTest.mouseMove(canvas, start + (end - start) * step / 5)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert window.document.element(idea.action.id).fields["status"] == "done"
    assert window.undo_stack.count() == before + 1
    moved = next(p for p in canvas.placed if p.action.id == idea.action.id)
    assert moved.action.status == "done" and target.contains(moved.rect.center())
    window.undo_stack.undo()
    assert window.document.element(idea.action.id).fields["status"] == "idea"


def test_board_click_finds_the_card_and_filter_by_owner(qtbot, window) -> None:
    panel = window.review.board
    panel.today = dt.date(2026, 12, 31)
    panel.refresh()
    canvas = panel.board
    late = [p for p in canvas.placed if p.action.overdue]
    assert late and all(p.action.status != "done" for p in late)
    first = canvas.placed[0]
    window.review.board_dock.show()
    window.review.board_dock.raise_()
    qtbot.waitUntil(canvas.isVisible)
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=first.rect.center().toPoint())
    assert window.scene.selected_ids() == [first.action.id]
    owner = first.action.owner
    assert panel.choose_filter(f"Owner: {owner}")
    assert {p.action.owner for p in canvas.placed} == {owner}
    team_filters = [panel.filter.itemText(i) for i in range(panel.filter.count())
                    if panel.filter.itemText(i).startswith("Team: ")]
    assert team_filters, "the teams are the owners of the touchpoints of the pain points"
    assert panel.choose_filter(team_filters[0])
    team = team_filters[0].removeprefix("Team: ")
    assert canvas.placed and all(team in p.action.teams for p in canvas.placed)
    assert panel.choose_filter("All actions")
