"""Running a workshop in the real window: presentation mode, headers that
stay on screen, dot votes, the timer, locks, silent rounds, Follow me, fast
capture and the shortcuts sheet. Real key and mouse events on the real view;
only modal questions are answered by a script, and the timer's clock is the
test's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QPushButton
from test_canvas_helpers import assert_agrees, centre
from test_window import make_window, settings_dir  # noqa: F401 - fixtures

from journeymapper.canvas.items.overlays import HiddenSheet, LockMark, VoteMark
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model import workshop as ws
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind
from journeymapper.model.links import LinkKind
from journeymapper.model.session import SessionHub
from journeymapper.ui.presentation import READABLE
from journeymapper.ui.voting import VoteSettings
from journeymapper.ui.window import MainWindow

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def open_window(make_window):  # noqa: F811 - test_window's fixture, used here
    """Windows (see test_window.py) showing ``doc`` at 100%."""

    def make(doc: JourneyMap | None = None) -> MainWindow:
        window = make_window()
        window.resize(1400, 900)
        if doc is not None:
            window.set_document(doc, None)
            window.view.reset_zoom()
        window.view.setFocus()
        return window

    return make


@pytest.fixture
def window(open_window, laptop_doc) -> MainWindow:
    return open_window(laptop_doc)


def press(window: MainWindow, key, mods=NONE) -> None:
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view, key, mods)


def viewport_point(window: MainWindow, scene_point: QPointF) -> QPoint:
    view = window.view
    view.ensureVisible(scene_point.x() - 5, scene_point.y() - 5, 10, 10, 120, 120)
    return view.mapFromScene(scene_point)


def click_at(window: MainWindow, scene_point: QPointF, mods=NONE) -> None:
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, mods,
                     viewport_point(window, scene_point))


def drag_to(window: MainWindow, start: QPointF, end: QPointF) -> None:
    vp = window.view.viewport()
    a = viewport_point(window, start)
    b = window.view.mapFromScene(end)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, NONE, a)
    for i in range(1, 9):
        QTest.mouseMove(vp, a + (b - a) * i / 8)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, NONE, b)


def card_point(window: MainWindow, element_id: str) -> QPointF:
    return centre(window.scene.cards[element_id])


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def middle_drag(window: MainWindow, by: QPoint) -> None:
    vp = window.view.viewport()
    start = vp.rect().center()
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, NONE, start)
    for i in range(1, 6):
        QTest.mouseMove(vp, start + by * i / 5)
    QTest.mouseRelease(vp, Qt.MouseButton.MiddleButton, NONE, start + by)


# ---------------------------------------------------------------- presentation
def test_f5_presents_full_screen_with_headers_on_screen_and_esc_leaves(window):
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks and window.menuBar().isVisible()
    press(window, Qt.Key.Key_F5)
    assert window.isFullScreen() and window.presentation.active
    assert not window.menuBar().isVisible() and not any(d.isVisible() for d in docks)
    assert not window.toolbar.isVisible()
    view = window.view
    assert view.zoom() >= READABLE
    press(window, Qt.Key.Key_PageDown)
    stage = window.document.stage_order[1]
    assert window.presentation.spotlight.stage == stage
    middle_drag(window, QPoint(-40, -500))  # pan right and down, past the headers
    sticky = view.sticky
    assert sticky.shown() == (True, True)
    column = window.scene.live.geo.columns[stage]
    x = view.mapFromScene(QPointF(column[0] + column[2] / 2, 0)).x()
    assert sticky.hit("stage", QPointF(x, 10)) == ("stage", stage)
    image = sticky.top.grab().toImage()
    right = view.mapFromScene(QPointF(column[0] + column[2], 0)).x()
    header = window.scene.theme["stage_header"]
    assert image.pixelColor(right - 12, sticky.top.height() - 8) == header  # painted there
    QTest.mouseClick(sticky.top, Qt.MouseButton.LeftButton, NONE, QPoint(x, 10))
    assert window.scene.selected_ids() == [stage]
    press(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and not window.presentation.active
    assert window.menuBar().isVisible() and all(d.isVisible() for d in docks)


def test_page_up_and_down_step_through_the_stages(window):
    press(window, Qt.Key.Key_F5)
    order = window.document.stage_order
    for index in (1, 2, 3):
        press(window, Qt.Key.Key_PageDown)
        assert window.presentation.spotlight.stage == order[index]
        rect = window.presentation.stage_rect()
        seen = window.workshop.visible_rect()
        assert seen.left() <= rect.left() and rect.right() <= seen.right()
    press(window, Qt.Key.Key_PageUp)
    assert window.presentation.spotlight.stage == order[2]
    press(window, Qt.Key.Key_End)
    assert window.presentation.spotlight.stage == order[-1]
    # Esc first cancels what is typed, then leaves
    press(window, Qt.Key.Key_N)
    assert window.scene.editor.is_editing()
    press(window, Qt.Key.Key_Escape)
    assert not window.scene.editor.is_editing() and window.presentation.active
    press(window, Qt.Key.Key_Escape)
    assert not window.presentation.active


def test_headers_stay_on_screen_in_the_normal_view_and_select_on_click(window):
    view = window.view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    assert view.sticky.shown() == (False, False)
    card = window.scene.cards[next(window.document.elements(Kind.PAIN_POINT)).id]

    def on_screen() -> QPoint:  # where the card is in the view, bands included
        return view.viewport().mapTo(view, view.mapFromScene(card.scenePos()))

    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    before, h0, v0 = on_screen(), h.value(), v.value()
    h.setValue(h0 + 100)
    v.setValue(v0 + 500)
    assert view.sticky.shown() == (True, True)
    # the bands came without the map jumping: the card moved by the scroll only
    assert on_screen() == before - QPoint(100, 500)
    lane = window.document.lanes[3]
    _, y, _, h = window.scene.live.geo.lane_headers[lane.id]
    at = view.mapFromScene(QPointF(0, y + h / 2))
    QTest.mouseClick(view.sticky.left, Qt.MouseButton.LeftButton, NONE, QPoint(20, at.y()))
    assert window.scene.selected_lane() == lane.id
    window.presentation.action_sticky.trigger()  # View > Keep Headers on Screen, off
    assert view.sticky.shown() == (False, False)


# ---------------------------------------------------------------- dot voting
def test_a_vote_with_two_voters_revealed_stored_and_undone(window, tmp_path):
    doc = window.document
    pains = [e.id for e in doc.elements(Kind.PAIN_POINT)][:3]
    opportunity = next(doc.elements(Kind.OPPORTUNITY)).id
    votes_before = doc.element(opportunity).fields["votes"]
    window.dialogs.script("ask_vote", VoteSettings(
        "What should we fix first?", (Kind.PAIN_POINT, Kind.OPPORTUNITY), 3, 2,
        anonymous=False, hidden=True))
    window.voting.action_start.trigger()
    vote = ws.current_vote(doc)
    assert vote is not None and vote.question == "What should we fix first?"
    panel = window.votes_panel
    window.dialogs.script("ask_text", "Hana")
    QTest.mouseClick(panel.add_who, Qt.MouseButton.LeftButton)
    for card in (pains[0], pains[1], pains[1]):
        click_at(window, card_point(window, card))
    assert "Hana: 0 dots left" in status(window)
    click_at(window, card_point(window, opportunity))  # none left
    assert "placed all 3 dots" in status(window)
    click_at(window, card_point(window, pains[1]), SHIFT)  # takes one back
    click_at(window, card_point(window, opportunity))
    window.dialogs.script("ask_text", "Minjun")
    QTest.mouseClick(panel.add_who, Qt.MouseButton.LeftButton)
    mark = window.workshop.marks["vote"]
    assert set(mark) == set()  # a hidden vote: Minjun sees none of Hana's dots
    click_at(window, card_point(window, pains[1]))
    window.scene.select_ids([pains[2]])
    press(window, Qt.Key.Key_V)  # V puts a dot on the selected card
    press(window, Qt.Key.Key_V)
    assert isinstance(mark[pains[2]], VoteMark) and mark[pains[2]].mine == 2
    assert mark[pains[2]].total is None
    assert ws.counts(doc, vote.id) == {pains[0]: 1, pains[1]: 2, pains[2]: 2, opportunity: 1}
    before_reveal = dumps(doc)
    QTest.mouseClick(panel.reveal, Qt.MouseButton.LeftButton)
    revealed = ws.vote(doc, vote.id)
    assert revealed.revealed is not None
    assert doc.element(opportunity).fields["votes"] == 1
    assert mark[pains[1]].total == 2 and mark[pains[0]].total == 1
    assert panel.list.count() == 4 and panel.list.item(0).text().startswith("1. 2")
    # stored in the map, with who voted
    path = tmp_path / "voted.jmap"
    jmap.save(doc, path)
    again = jmap.load(path, strict=True).document
    assert ws.counts(again, vote.id) == ws.counts(doc, vote.id)
    assert sorted(ws.voter_names(again, vote.id).values()) == ["Hana", "Minjun"]
    # the reveal is one undo step
    window.undo_stack.undo()
    assert dumps(doc) == before_reveal
    assert doc.element(opportunity).fields["votes"] == votes_before
    assert ws.vote(doc, vote.id).revealed is None and mark[pains[1]].total is None


def test_an_anonymous_vote_keeps_no_names_and_clicks_toggle_one_dot(window):
    doc = window.document
    pain = next(doc.elements(Kind.PAIN_POINT)).id
    window.dialogs.script("ask_vote", VoteSettings("?", (Kind.PAIN_POINT,), 2, 1, True, False))
    window.voting.start()
    window.voting.set_name("Hana")
    click_at(window, card_point(window, pain))
    vote = ws.current_vote(doc)
    assert ws.counts(doc, vote.id) == {pain: 1} and not doc.records(ws.VOTERS)
    assert window.workshop.marks["vote"][pain].total == 1  # an open vote shows its counts
    click_at(window, card_point(window, pain))  # the one dot allowed: a click takes it back
    assert ws.counts(doc, vote.id) == {}
    thought = next(doc.elements(Kind.THOUGHT)).id
    click_at(window, card_point(window, thought))  # not a card this vote takes: selected
    assert window.scene.selected_ids() == [thought] and ws.counts(doc, vote.id) == {}


# ---------------------------------------------------------------- the timer
class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def test_the_timer_counts_down_pauses_and_ends_with_a_mocked_clock(window):
    clock = Clock()
    window.workshop.clock = clock
    timer = window.timer
    timer.menu.findChild(type(timer.action_pause), "action_timer_2").trigger()
    assert timer.text() == "2:00"
    clock.advance(30)
    timer.tick()
    assert timer.text() == "1:30"
    box = timer.banner.box(window.view).center().toPoint()
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, NONE, box)  # pause
    assert "paused" in timer.text()
    clock.advance(600)
    timer.tick()
    assert timer.text().startswith("1:30")
    press(window, Qt.Key.Key_P, CTRL | SHIFT)  # resume
    clock.advance(89.5)
    timer.tick()
    assert timer.text() == "0:01"
    clock.advance(1)
    timer.tick()
    assert timer.text() == "Time's up" and timer.banner.colour is not None
    clock.advance(16 * 60)  # long after the end (a map opened the next day): nothing shows
    timer.tick()
    assert timer.text() == "" and ws.timer(window.document) is not None
    press(window, Qt.Key.Key_M, CTRL | SHIFT)  # +1 minute
    assert timer.text() == "1:00"
    # on everyone's screen: the timer is the map's, saved with it
    assert ws.timer(window.document).running
    timer.action_reset.trigger()
    assert timer.text() == "" and ws.timer(window.document) is None


def test_presentation_shows_the_timer_large(window):
    window.workshop.clock = Clock()
    window.timer.start(300)
    small = window.timer.banner.box(window.view).height()
    press(window, Qt.Key.Key_F5)
    assert window.timer.banner.box(window.view).height() > 1.8 * small


# ---------------------------------------------------------------- locks
def test_locks_refuse_moves_edits_and_deletes_with_the_reason(window):
    doc, scene = window.document, window.scene
    card = next(doc.elements(Kind.THOUGHT))
    click_at(window, card_point(window, card.id))
    press(window, Qt.Key.Key_L, CTRL)
    assert ws.lock_of(doc, card.id) is not None
    assert isinstance(window.workshop.marks["lock"][card.id], LockMark)
    steps = window.undo_stack.count()
    before = dumps(doc)
    target = next(s for s in doc.stage_order if s != card.placement.stage)
    cell = QPointF(scene.live.geo.columns[target][0] + 60,
                   scene.live.geo.lanes[card.placement.lane][1] + 40)
    drag_to(window, card_point(window, card.id), cell)
    assert "locked by" in status(window)
    assert scene.cards[card.id].scenePos() == QPointF(*scene.live.rect(card.id)[:2])
    press(window, Qt.Key.Key_Return)  # edit its text
    assert not scene.editor.is_editing() and "Locked by" in status(window)
    window.edit_field(card.id, "text", "changed from the inspector")
    assert "locked by" in status(window)
    press(window, Qt.Key.Key_Delete)
    assert card.id in doc and dumps(doc) == before and window.undo_stack.count() == steps
    window.workshop.action_facilitator.trigger()  # facilitator mode: the lock gives way
    drag_to(window, card_point(window, card.id), cell)
    assert doc.element(card.id).placement.stage == target
    window.workshop.action_facilitator.trigger()
    scene.select_ids([card.id])
    press(window, Qt.Key.Key_L, CTRL)  # unlock
    assert ws.lock_of(doc, card.id) is None and card.id not in window.workshop.marks["lock"]


def test_a_locked_stage_keeps_its_name(window):
    doc = window.document
    stage = doc.stage_order[2]
    window.scene.select_ids([stage])
    press(window, Qt.Key.Key_L, CTRL)
    press(window, Qt.Key.Key_F2)
    assert not window.scene.editor.is_editing()
    window.dialogs.script("ask_text", "Checkout")
    window.map_actions.do_rename_stage()
    assert doc.element(stage).text == "Purchase" and "locked" in status(window)


# ---------------------------------------------------------------- silent brainstorm
def test_a_silent_round_hides_cards_until_the_reveal(window):
    doc, scene = window.document, window.scene
    window.workshop.action_round.trigger()
    assert ws.open_round(doc) is not None
    click_at(window, card_point(window, next(doc.elements(Kind.ACTION)).id))
    press(window, Qt.Key.Key_N)
    QTest.keyClicks(window.view, "A secret idea")
    press(window, Qt.Key.Key_Return)
    card = scene.selected_ids()[0]
    assert doc.element(card).text == "A secret idea" and card in ws.hidden(doc)
    assert isinstance(window.workshop.marks["hidden"][card], HiddenSheet)
    press(window, Qt.Key.Key_Return)
    assert not scene.editor.is_editing() and "hidden" in status(window)
    assert "Hidden" in window.inspector.header.text()
    window.find_bar.open_bar()
    window.find_bar.search("secret")
    assert window.find_bar.matches == []
    window.find_bar.close_bar()
    window.workshop.action_reveal_round.trigger()
    assert not ws.hidden(doc) and not window.workshop.marks["hidden"]
    assert ws.open_round(doc) is None
    window.undo_stack.undo()  # the reveal is one step: face down again
    assert card in ws.hidden(doc)


# ---------------------------------------------------------------- follow me
def test_follow_me_brings_everyones_view_to_the_facilitators(open_window, laptop_path):
    hub = SessionHub()
    lead = open_window(jmap.load(laptop_path, strict=True).document)
    follower = open_window(jmap.load(laptop_path, strict=True).document)
    lead.workshop.set_session(hub.join("Hana", facilitator=True))
    follower.workshop.set_session(hub.join("Minjun"))
    assert lead.workshop.action_follow_me.isEnabled()
    assert not follower.workshop.action_follow_me.isEnabled()
    follower.view.reset_zoom()
    lead.workshop.action_follow_me.trigger()
    lead.view.set_zoom(0.8)
    lead.view.centerOn(QPointF(900, 700))
    lead.workshop._send_view()  # the throttled send, now
    seen, shown = lead.workshop.visible_rect(), follower.workshop.visible_rect()
    assert abs(shown.center().x() - seen.center().x()) < 60
    assert abs(shown.center().y() - seen.center().y()) < 60
    follower.workshop.action_follow.trigger()  # stop following
    lead.view.centerOn(QPointF(200, 200))
    lead.workshop._send_view()
    assert abs(follower.workshop.visible_rect().center().y() - shown.center().y()) < 1


# ---------------------------------------------------------------- fast capture
def test_arrows_reach_an_empty_lane_and_n_types_a_card_there(open_window):
    doc = JourneyMap.with_default_lanes("Empty lanes")
    for name in ("Awareness", "Purchase"):
        doc.add_stage(name)
    actions = doc.lane_for_kind(Kind.ACTION).id
    doc.add_card(Kind.ACTION, doc.stage_order[0], actions, "Looks around")
    window = open_window(doc)
    scene = window.scene
    click_at(window, card_point(window, next(doc.elements(Kind.ACTION)).id))
    goal_lane = doc.lane_for_kind(Kind.PAIN_POINT).id
    while scene.current_cell != (doc.stage_order[0], goal_lane):
        press(window, Qt.Key.Key_Down)
    press(window, Qt.Key.Key_Right)
    cell = (doc.stage_order[1], goal_lane)
    assert scene.current_cell == cell and scene.selected_ids() == []
    marker = scene.cell_marker
    assert marker.isVisible()
    assert marker.box.contains(QRectF(*scene.live.geo.cell_rect(*cell)).center())
    press(window, Qt.Key.Key_N)
    QTest.keyClicks(window.view, "Hidden fees")
    press(window, Qt.Key.Key_Return)
    made = doc.element(scene.selected_ids()[0])
    assert made.text == "Hidden fees" and made.kind is Kind.PAIN_POINT
    assert made.placement.cell == cell
    assert window.undo_stack.undoText().endswith("“Hidden fees”")  # the history names it


def test_a_kind_change_moves_to_its_lane_and_undoes_exactly(window):
    doc = window.document
    thought = next(e for e in doc.elements(Kind.THOUGHT) if not doc.links_of(e.id))
    before = dumps(doc)
    click_at(window, card_point(window, thought.id))
    press(window, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)  # Alt+6: opportunity
    now = doc.element(thought.id)
    assert now.kind is Kind.OPPORTUNITY and now.text == thought.text
    assert doc.lane(now.placement.lane).kind is Kind.OPPORTUNITY
    assert now.placement.stage == thought.placement.stage
    assert window.scene.cards[thought.id].kind is Kind.OPPORTUNITY  # the card shows it
    assert_agrees(window.scene, doc)
    assert "Opportunity" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert dumps(doc) == before
    assert window.scene.cards[thought.id].kind is Kind.THOUGHT
    assert_agrees(window.scene, doc)
    window.undo_stack.redo()
    assert doc.element(thought.id).kind is Kind.OPPORTUNITY


def test_a_drop_into_another_kinds_lane_asks_once(window):
    doc, scene = window.document, window.scene
    thoughts = [e for e in doc.elements(Kind.THOUGHT) if not doc.links_of(e.id)][:2]
    pains = doc.lane_for_kind(Kind.PAIN_POINT).id
    window.dialogs.script("confirm", True)
    for thought in thoughts:
        stage = thought.placement.stage
        x = scene.live.geo.columns[stage][0] + 60
        y = scene.live.geo.lanes[pains][1] + scene.live.geo.lanes[pains][3] - 30
        drag_to(window, card_point(window, thought.id), QPointF(x, y))
        moved = doc.element(thought.id)
        assert moved.placement.lane == pains and moved.kind is Kind.PAIN_POINT
    assert [a for a in window.dialogs.asked if a[0] == "confirm"].__len__() == 1
    assert window.capture.action_follow.isChecked()
    window.undo_stack.undo()  # the move and the kind: one step
    assert doc.element(thoughts[1].id) == thoughts[1]


def test_a_thought_dropped_on_the_emotion_curve_becomes_a_point_of_it(window):
    doc, scene = window.document, window.scene
    window.settings.qsettings.setValue("workshop/kind_follows_lane", "yes")
    thought = next(e for e in doc.elements(Kind.THOUGHT) if not doc.links_of(e.id))
    emotions = doc.lane_for_kind(Kind.EMOTION).id
    x = scene.live.geo.columns[thought.placement.stage][0] + 100
    y = scene.live.geo.lanes[emotions][1] + 40
    drag_to(window, card_point(window, thought.id), QPointF(x, y))
    now = doc.element(thought.id)
    assert now.kind is Kind.EMOTION and now.fields["score"] == 0
    assert type(scene.cards[thought.id]).__name__ == "EmotionItem"
    assert_agrees(scene, doc)


def test_a_stage_put_between_linked_stages_joins_the_flow(window):
    doc = window.document
    a, b = doc.stage_order[1], doc.stage_order[2]
    assert doc.link_kind(a, b) is LinkKind.LEADS_TO
    before = dumps(doc)
    window.scene.select_ids([a])
    window.dialogs.script("ask_text", "Compare offers")
    window.map_actions.add_stage.trigger()
    new = doc.stage_order[2]
    assert doc.element(new).text == "Compare offers"
    assert doc.link_kind(a, new) is LinkKind.LEADS_TO and doc.link_kind(new, b) is LinkKind.LEADS_TO
    assert not doc.has_link(a, b)
    window.undo_stack.undo()
    assert dumps(doc) == before


def test_paste_a_list_into_a_chosen_lane(window):
    doc = window.document
    QApplication.clipboard().setText("Free delivery\n\n배송 추적\n")
    stage = doc.stage_order[3]
    window.scene.current_cell = (stage, doc.lane_for_kind(Kind.ACTION).id)
    lane = doc.lane_for_kind(Kind.OPPORTUNITY)
    window.dialogs.script("ask_choice", lane.name)
    press(window, Qt.Key.Key_V, CTRL | SHIFT)
    made = [doc.element(i) for i in window.scene.selected_ids()]
    assert sorted(e.text for e in made) == sorted(["Free delivery", "배송 추적"])
    assert all(e.kind is Kind.OPPORTUNITY and e.placement.cell == (stage, lane.id)
               for e in made)
    assert window.undo_stack.count() == 1


def test_import_cards_from_a_csv_in_one_step(window, tmp_path):
    doc = window.document
    path = tmp_path / "workshop.csv"
    path.write_text("stage,kind,text\nPurchase,pain point,Slow page\nLoyalty,thought,Ask later\n",
                    encoding="utf-8-sig")
    before = dumps(doc)
    window.dialogs.script("open_file", str(path))
    window.dialogs.script("confirm", True)
    assert window.capture.import_cards()
    assert doc.stages()[-1].text == "Loyalty"
    assert {doc.element(i).text for i in window.scene.selected_ids()} == {"Slow page",
                                                                          "Ask later"}
    window.undo_stack.undo()
    assert dumps(doc) == before
    bad = tmp_path / "bad.csv"
    bad.write_text("Purchase,nonsense,x\n", encoding="utf-8")
    window.dialogs.script("open_file", str(bad))
    assert not window.capture.import_cards()
    assert "row 1: lane: 'nonsense'" in window.dialogs.shown[-1][2]
    assert dumps(doc) == before


# ---------------------------------------------------------------- readable cards, help
def test_opportunity_cards_show_owner_due_and_votes_and_tooltips_wrap(window):
    doc = window.document
    opportunity = next(e for e in doc.elements(Kind.OPPORTUNITY) if e.fields["owner"])
    item = window.scene.cards[opportunity.id]
    assert opportunity.fields["owner"] in item.footer
    window.edit_field(opportunity.id, "text", "A long idea " * 30)
    assert item.block.cut  # laid out as when painted: the text does not fit
    assert "<div style='width:" in item.toolTip() and opportunity.fields["owner"] in item.toolTip()


def test_f1_lists_the_shortcuts_of_the_menus(window):
    press(window, Qt.Key.Key_F1)
    dialog = window.help.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    for words in ("Present", "F5", "Lock or Unlock Selection", "Ctrl+L", "Alt+6",
                  "New card in the current cell"):
        assert words in text
    dialog.filter.setText("vote")
    assert "Present" not in dialog.text() and "Next Voter" in dialog.text()
    dialog.close()


def test_an_empty_map_shows_a_hint_until_it_is_put_away(open_window):
    doc = JourneyMap.with_default_lanes("New")
    doc.add_stage("Awareness")
    window = open_window(doc)
    hint = window.help.hint
    assert hint.visible and "Press N" in hint.lines[0]
    press(window, Qt.Key.Key_N)
    QTest.keyClicks(window.view, "First card")
    press(window, Qt.Key.Key_Return)
    assert not hint.visible
    window.undo_stack.undo()
    assert hint.visible
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, NONE,
                     hint.box(window.view).center().toPoint())
    assert not hint.visible and window.help.dismissed()


def test_the_votes_panel_buttons_follow_the_vote(window):
    panel = window.votes_panel
    assert panel.start.isEnabled() and not panel.reveal.isEnabled()
    assert isinstance(panel.findChild(QPushButton, "vote_start"), QPushButton)


def test_a_vote_with_a_time_limit_closes_when_the_timer_ends(window):
    clock = Clock()
    window.workshop.clock = clock
    doc = window.document
    pain = next(doc.elements(Kind.PAIN_POINT)).id
    window.dialogs.script("ask_vote", VoteSettings("Quick one", (Kind.PAIN_POINT,), 2, 1,
                                                   minutes=1))
    window.voting.start()
    assert window.timer.text().startswith("1:00")  # the time limit runs on the timer
    window.voting.set_name("Hana")
    assert window.voting.dot(pain)
    clock.advance(61)
    window.timer.tick()
    assert window.timer.text().startswith("Time's up")
    assert not window.voting.dot(pain) and "closed" in status(window)
    assert "Time is up" in window.votes_panel.state.text()
    window.voting.reveal()
    press(window, Qt.Key.Key_F5)  # presenting: the ranking shows in a corner
    assert window.voting.results.visible and window.voting.results.lines[0] == "Quick one"
    window.voting.action_hide.trigger()
    assert not window.workshop.marks["vote"] and not window.voting.results.visible
    window.voting.action_last.trigger()  # the results again, as long as the map keeps them
    assert window.workshop.marks["vote"][pain].total == 1


def test_stage_badges_that_do_not_fit_show_every_metric_compactly(open_window, tmp_path):
    from journeymapper.canvas.items.badgefit import _compact_width, full_width
    from journeymapper.layout.badges import stage_badges

    doc = jmap.load(Path(__file__).resolve().parent.parent / "examples"
                    / "laptop-store-reviewed.jmap", strict=True).document
    window = open_window(doc)
    crowded = {s: b for s, b in stage_badges(doc).items() if len(b) >= 2}
    assert crowded
    for stage, badges in crowded.items():
        header = window.scene.stages[stage]
        room = header.rect().width() - 14
        assert full_width(badges) > room  # the full badges would not fit ...
        assert _compact_width(badges, 9, True) <= room + 16  # ... the compact strip does
