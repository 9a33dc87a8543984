"""The toolbar and the canvas's right-click menu, driven through the real
window: buttons are clicked, menus are popped by a right-click or built for
a scene point, their entries triggered, and the map and undo agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from test_canvas_helpers import assert_agrees, centre, click, vp
from test_window import shown_window
from ui_support import type_text

from journeymapper.io import jmap
from journeymapper.model.elements import Kind
from journeymapper.ui.toolbar import link_hint
from journeymapper.ui.window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, laptop_path: Path) -> MainWindow:
    """The window on the laptop example at 100%, removals confirmed by script."""
    folder = tmp_path / "settings"
    folder.mkdir()
    win = shown_window(qtbot, folder, (1500, 950))
    win.set_document(jmap.load(laptop_path).document, laptop_path)
    win.view.reset_zoom()
    yield win
    win.undo_stack.setClean()
    win.close()


def cell_point(window: MainWindow, stage_index: int, kind: Kind) -> tuple[str, str, QPointF]:
    """A free point in the cell (stage, lane of ``kind``): in the middle of the
    room below its last card (clear of the cards, and of the links that run
    along the lane boundary under it)."""
    doc = window.document
    stage, lane = doc.stage_order[stage_index], doc.lane_for_kind(kind).id
    geo = window.scene.live.geo
    x, y, w, h = geo.cell_rect(stage, lane)
    cards = [geo.cards[e.id] for e in doc.cell(stage, lane)]
    top = max((r[1] + r[3] for r in cards), default=y)
    assert y + h - top >= 60, "a cell with room below its cards"
    return stage, lane, QPointF(x + w / 2, (top + y + h) / 2)


def menu_action(menu: QMenu, name: str) -> QAction:
    action = menu.findChild(QAction, name)
    assert action is not None, f"no {name} in the menu"
    return action


def built(window: MainWindow, point: QPointF) -> QMenu:
    menu = window.canvas_menu.build(point)
    QTimer.singleShot(0, menu.deleteLater)
    return menu


def right_click(window: MainWindow, point: QPointF) -> None:
    """A right-click as the platform delivers it: the press and release, then
    the context menu event (which QTest does not make by itself)."""
    viewport = window.view.viewport()
    pos = vp(window.view, point)
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)


def when_popup(action) -> None:
    """Call ``action(menu)`` once the popup menu is up and has been shown for a
    moment (it opens in a nested event loop, and a busy machine is slow to show it)."""
    seen: list[QMenu] = []

    def poll() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.isVisible() and menu in seen:
            action(menu)
            return
        if isinstance(menu, QMenu) and menu.isVisible():
            seen.append(menu)
        QTimer.singleShot(30, poll)

    QTimer.singleShot(30, poll)


def names(menu: QMenu) -> list[str]:
    return [a.objectName() for a in menu.actions() if a.objectName()]


def test_right_click_on_a_cell_pops_the_menu_and_adds_a_card_of_the_lane(qtbot, window):
    doc, scene, stack = window.document, window.scene, window.undo_stack
    stage, lane, point = cell_point(window, 0, Kind.TOUCHPOINT)
    before = len(doc.cell(stage, lane))
    seen: list[list[str]] = []

    def choose(menu: QMenu) -> None:
        seen.append([a.text() for a in menu.actions()])
        action = menu_action(menu, "menu_add_here")
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    when_popup(choose)
    right_click(window, point)
    qtbot.waitUntil(lambda: scene.editor.is_editing(), timeout=3000)
    assert seen and seen[0][0] == "Add touchpoint here"
    type_text(window.view, "카카오톡 상담")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    cell = doc.cell(stage, lane)
    assert len(cell) == before + 1 and cell[-1].text == "카카오톡 상담"
    assert cell[-1].kind is Kind.TOUCHPOINT and stack.count() == 1
    assert_agrees(scene, doc)
    stack.undo()
    assert len(doc.cell(stage, lane)) == before
    assert_agrees(scene, doc)


def test_cell_menu_adds_a_card_of_a_chosen_kind_and_pastes(qtbot, window):
    doc, scene, stack = window.document, window.scene, window.undo_stack
    stage, lane, point = cell_point(window, 0, Kind.ACTION)
    menu = built(window, point)
    assert names(menu)[:1] == ["menu_add_here"]
    kinds = menu.findChild(QMenu, "menu_kinds")
    assert "Persona" not in [a.text() for a in kinds.actions()]
    menu_action(kinds, "menu_add_opportunity").trigger()
    assert scene.editor.is_editing()
    QTest.keyClicks(window.view, "Price match badge")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    card = doc.cell(stage, lane)[-1]
    assert (card.kind, card.text) == (Kind.OPPORTUNITY, "Price match badge")
    assert scene.selected_ids() == [card.id]

    menu = built(window, centre(scene.cards[card.id]))
    menu_action(menu, "menu_copy").trigger()
    _, lane2, point2 = cell_point(window, 3, Kind.NOTE) if doc.lane_for_kind(Kind.NOTE) \
        else cell_point(window, 3, Kind.ACTION)
    menu = built(window, point2)
    paste = menu_action(menu, "menu_paste")
    assert paste.isEnabled()
    paste.trigger()
    pasted = scene.selected_ids()
    assert len(pasted) == 1 and doc.element(pasted[0]).text == "Price match badge"
    assert doc.element(pasted[0]).placement.stage == doc.stage_order[3]
    assert stack.count() == 2
    assert_agrees(scene, doc)


def test_card_menu_duplicate_delete_inspector_and_link_hint(qtbot, window):
    doc, scene, stack = window.document, window.scene, window.undo_stack
    card = "pain-point-34"
    window.view.center_on_id(card)
    menu = built(window, centre(scene.cards[card]))
    assert scene.selected_ids() == [card], "right-click selects the card"
    assert names(menu) == ["menu_edit_text", "menu_duplicate", "menu_copy", "menu_cut",
                           "menu_delete", "menu_link_to", "menu_inspector", "menu_lock"]
    assert any(a.menu() is window.capture.kind_menu for a in menu.actions())
    menu_action(menu, "menu_duplicate").trigger()
    copy = scene.selected_ids()[0]
    assert copy != card and doc.element(copy).text == doc.element(card).text
    menu = built(window, centre(scene.cards[copy]))
    menu_action(menu, "menu_delete").trigger()
    assert copy not in doc and stack.count() == 2
    window.inspector_dock.hide()
    menu = built(window, centre(scene.cards[card]))
    menu_action(menu, "menu_inspector").trigger()
    assert window.inspector_dock.isVisible() and window.inspector.current == card
    menu = built(window, centre(scene.cards[card]))
    menu_action(menu, "menu_edit_text").trigger()
    assert scene.editor.is_editing()
    type_text(window.view, "배송비")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert doc.element(card).text == "배송비"
    stack.undo()
    stack.undo()
    assert copy in doc
    assert_agrees(scene, doc)


def test_stage_header_menu(qtbot, window):
    doc, scene, stack = window.document, window.scene, window.undo_stack
    first, second = doc.stage_order[:2]
    menu = built(window, centre(scene.stages[first]))
    assert not menu_action(menu, "menu_stage_left").isEnabled()
    menu_action(menu, "menu_stage_right").trigger()
    assert doc.stage_order[:2] == (second, first)
    window.dialogs.script("ask_text", "고려 전")
    menu = built(window, centre(scene.stages[first]))
    menu_action(menu, "menu_stage_before").trigger()
    assert doc.element(doc.stage_order[1]).text == "고려 전"
    added = doc.stage_order[1]
    menu = built(window, centre(scene.stages[added]))
    menu_action(menu, "menu_rename_stage").trigger()
    QTest.keyClicks(window.view, "Compare")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert doc.element(added).text == "Compare"
    window.dialogs.script("confirm", True)
    menu = built(window, centre(scene.stages[second]))
    menu_action(menu, "menu_stage_remove").trigger()
    assert second not in doc
    assert stack.count() == 4
    assert_agrees(scene, doc)
    for _ in range(4):
        stack.undo()
    assert doc.stage_order[:2] == (first, second)
    assert_agrees(scene, doc)


def test_lane_header_menu(qtbot, window):
    doc, scene, stack = window.document, window.scene, window.undo_stack
    lanes = [lane.id for lane in doc.lanes]
    thoughts = doc.lane_for_kind(Kind.THOUGHT).id
    menu = built(window, centre(scene.lane_items[thoughts]))
    assert scene.selected_lane() == thoughts
    menu_action(menu, "menu_lane_down").trigger()
    assert [lane.id for lane in doc.lanes].index(thoughts) == lanes.index(thoughts) + 1
    window.dialogs.script("ask_lane", ("Backstage", Kind.NOTE))
    menu = built(window, centre(scene.lane_items[thoughts]))
    menu_action(menu, "menu_lane_above").trigger()
    order = [lane.id for lane in doc.lanes]
    assert doc.lanes[order.index(thoughts) - 1].name == "Backstage"
    menu = built(window, centre(scene.lane_items[thoughts]))
    menu_action(menu, "menu_rename_lane").trigger()
    type_text(window.view, "생각")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert doc.lane(thoughts).name == "생각"
    first = doc.lanes[0].id
    menu = built(window, centre(scene.lane_items[first]))
    assert not menu_action(menu, "menu_lane_up").isEnabled()
    assert stack.count() == 3
    assert_agrees(scene, doc)


def test_link_menu_deletes_the_link(qtbot, window):
    doc, scene, stack = window.document, window.scene, window.undo_stack
    key = next(k for k, item in scene.links.items() if not hasattr(item, "setSelected"))
    route = scene.link_layer.routes[key]
    x1, y1, x2, y2 = max(route.lines, key=lambda ln: abs(ln[3] - ln[1]) + abs(ln[2] - ln[0]))
    point = QPointF((x1 + x2) / 2, (y1 + y2) / 2)
    window.view.centerOn(point)
    menu = built(window, point)
    assert names(menu) == ["menu_delete_link"]
    menu_action(menu, "menu_delete_link").trigger()
    assert not doc.has_link(*key)
    stack.undo()
    assert doc.has_link(*key)
    assert_agrees(scene, doc)


def test_toolbar_buttons(qtbot, window):
    doc, scene, bar = window.document, window.scene, window.toolbar
    labels = [a.iconText() for a in bar.actions() if not a.isSeparator()]
    assert labels == ["New", "Open", "Save", "Undo", "Redo", "Add card", "Add stage",
                      "Add lane", "Link", "Fit map", "Selection", "Find", "Import survey",
                      "Export PDF"]
    export = next(a for a in window.menu_file.actions() if a.text() == "Export &PDF…")
    assert export in bar.actions(), "the toolbar shows the File menu's own action"

    stages = len(doc.stage_order)
    window.dialogs.script("ask_text", "Advocacy 2")
    qtbot.mouseClick(bar.button(window.map_actions.add_stage), Qt.MouseButton.LeftButton)
    assert len(doc.stage_order) == stages + 1
    assert doc.element(doc.stage_order[-1]).text == "Advocacy 2"
    qtbot.mouseClick(bar.button(window.action_undo), Qt.MouseButton.LeftButton)
    assert len(doc.stage_order) == stages
    qtbot.mouseClick(bar.button(window.action_redo), Qt.MouseButton.LeftButton)
    assert len(doc.stage_order) == stages + 1
    assert_agrees(scene, doc)

    # Add card drop-down: a pain point in the selected card's stage, in the pain point lane
    window.view.center_on_id("action-14")
    scene.select_ids(["action-14"])
    stage = doc.element("action-14").placement.stage
    lane = doc.lane_for_kind(Kind.PAIN_POINT).id
    before = len(doc.cell(stage, lane))
    assert bar.card_button.menu() is window.map_actions.kind_menu
    window.map_actions.kind_actions[Kind.PAIN_POINT].trigger()
    assert scene.editor.is_editing()
    QTest.keyClicks(window.view, "Too many tabs")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    cell = doc.cell(stage, lane)
    assert len(cell) == before + 1 and cell[-1].kind is Kind.PAIN_POINT

    qtbot.mouseClick(bar.button(bar.action_link), Qt.MouseButton.LeftButton)
    assert "Click the card to link" in window.statusBar().currentMessage()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    scene.clearSelection()
    qtbot.mouseClick(bar.button(bar.action_link), Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == link_hint()
    window.view.set_zoom(2.0)
    qtbot.mouseClick(bar.button(window.action_fit), Qt.MouseButton.LeftButton)
    assert window.view.zoom() < 1.0
    qtbot.mouseClick(bar.button(window.action_find), Qt.MouseButton.LeftButton)
    assert window.find_bar.isVisible()


def test_the_menu_key_offers_the_menu_of_the_selected_card(qtbot, window):
    scene, card = window.scene, "pain-point-34"
    window.view.center_on_id(card)
    scene.select_ids([card])
    shown: list[list[str]] = []

    def close(menu: QMenu) -> None:
        shown.append(names(menu))
        menu.close()

    when_popup(close)
    viewport = window.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2),
                              viewport.mapToGlobal(QPoint(2, 2)))
    with qtbot.waitSignal(window.view.context_menu_requested) as blocker:
        QApplication.sendEvent(viewport, event)
    assert scene.cards[card].sceneBoundingRect().contains(blocker.args[0])
    assert shown and shown[0][0] == "menu_edit_text"
    assert scene.selected_ids() == [card]


def test_outside_the_grid_the_menu_adds_a_persona(qtbot, window):
    doc = window.document
    geo = window.scene.live.geo
    personas = len(list(doc.elements(Kind.PERSONA)))
    strip_x, strip_y, strip_w, strip_h = geo.strip
    menu = built(window, QPointF(strip_x + strip_w - 20, strip_y + strip_h / 2))
    assert names(menu)[0] == "menu_add_persona"
    assert window.map_actions.add_stage in menu.actions()
    menu_action(menu, "menu_add_persona").trigger()
    assert len(list(doc.elements(Kind.PERSONA))) == personas + 1
    assert window.undo_stack.count() == 1


def test_link_to_from_the_card_menu_then_a_click_on_the_target(qtbot, window):
    """Link to… waits for a click on the other card: linked in one step, a
    refused target says why, Esc or a click on empty map gives up."""
    doc, scene, stack = window.document, window.scene, window.undo_stack
    card, target = "pain-point-34", "touchpoint-31"
    window.view.center_on_id(card)
    menu_action(built(window, centre(scene.cards[card])), "menu_link_to").trigger()
    assert "Click the card to link" in window.statusBar().currentMessage()
    click(window.view, centre(scene.cards[target]))
    assert doc.has_link(card, target) and stack.count() == 1
    assert "Linked" in window.statusBar().currentMessage()
    assert_agrees(scene, doc)

    menu_action(built(window, centre(scene.cards[card])), "menu_link_to").trigger()
    window.view.center_on_id("action-14")
    click(window.view, centre(scene.cards["action-14"]))
    assert "cannot link" in window.statusBar().currentMessage().lower()
    assert stack.count() == 1

    menu_action(built(window, centre(scene.cards[card])), "menu_link_to").trigger()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage() == "Link cancelled"
    window.view.center_on_id("touchpoint-32")
    click(window.view, centre(scene.cards["touchpoint-32"]))
    assert stack.count() == 1 and scene.selected_ids() == ["touchpoint-32"]


def test_add_card_of_kind_on_a_map_just_opened_types_in_that_kinds_lane(qtbot, window):
    """Nothing selected and no cell chosen yet: Map > Add card of kind starts a
    card of that kind in its own lane of the first stage."""
    doc, scene = window.document, window.scene
    scene.clearSelection()
    scene.current_cell = None
    lane = doc.lane_for_kind(Kind.OPPORTUNITY).id
    before = {stage: len(doc.cell(stage, lane)) for stage in doc.stage_order}
    window.map_actions.kind_actions[Kind.OPPORTUNITY].trigger()
    assert scene.editor.is_editing()
    QTest.keyClicks(window.view, "Offer a trade-in")
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    grown = [s for s in doc.stage_order if len(doc.cell(s, lane)) == before[s] + 1]
    assert len(grown) == 1
    card = doc.cell(grown[0], lane)[-1]
    assert card.kind is Kind.OPPORTUNITY and card.text == "Offer a trade-in"
    assert_agrees(scene, doc)
