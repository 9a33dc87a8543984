"""The map canvas driven through the real view with mouse and keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from test_canvas_helpers import (
    assert_agrees,
    assert_one_step,
    centre,
    click,
    double_click,
    drag,
    key,
    make_board,
    type_ime,
)

from journeymapper.io.serialize import dumps
from journeymapper.layout.palette import LINK_STYLE
from journeymapper.model import Kind
from journeymapper.model.scores import Score, Wave

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def board(qtbot, laptop_doc):
    return make_board(qtbot, laptop_doc)


def cell_point(scene, stage_index, kind, dy=0.0):
    doc = scene.doc
    stage = doc.stage_order[stage_index]
    lane = doc.lane_for_kind(kind).id
    x, y, w, h = scene.live.geo.cell_rect(stage, lane)
    return stage, lane, QPointF(x + w / 2, y + h - 20 + dy)


def test_opens_with_one_item_per_element(board, qtbot, korean_doc):
    view, scene, doc, _ = board
    assert_agrees(scene, doc)
    _, scene_ko, doc_ko, _ = make_board(qtbot, korean_doc)
    assert_agrees(scene_ko, doc_ko)


def test_double_click_cell_types_korean_card(board):
    view, scene, doc, stack = board
    stage, lane, point = cell_point(scene, 0, Kind.TOUCHPOINT)  # the cell's lower half is free
    before = len(doc.cell(stage, lane))
    double_click(view, point)
    assert scene.editor.is_editing()
    type_ime(view, "배송이 너무 느려요")
    key(view, Qt.Key.Key_Return)
    assert not scene.editor.is_editing()
    cell = doc.cell(stage, lane)
    assert len(cell) == before + 1 and cell[-1].text == "배송이 너무 느려요"
    assert cell[-1].kind is Kind.TOUCHPOINT and stack.count() == 1
    assert scene.selected_ids() == [cell[-1].id]
    assert_agrees(scene, doc)
    stack.undo()
    assert len(doc.cell(stage, lane)) == before
    assert_agrees(scene, doc)
    stack.redo()
    assert doc.cell(stage, lane)[-1].text == "배송이 너무 느려요"
    assert_agrees(scene, doc)


def test_keyboard_only_new_cards_with_tab(board):
    view, scene, doc, stack = board
    card = doc.cell(doc.stage_order[0], doc.lane_for_kind(Kind.ACTION).id)[0]
    click(view, centre(scene.cards[card.id]))
    key(view, Qt.Key.Key_N)
    QTest.keyClicks(view, "Asks a friend")
    key(view, Qt.Key.Key_Tab)
    assert scene.editor.is_editing()  # Tab moved on to the next column's cell
    QTest.keyClicks(view, "Opens the app")
    key(view, Qt.Key.Key_Escape)
    assert not scene.editor.is_editing()
    lane = doc.lane_for_kind(Kind.ACTION).id
    assert doc.cell(doc.stage_order[0], lane)[-1].text == "Asks a friend"
    assert all(e.text != "Opens the app" for e in doc.elements())
    assert stack.count() == 1
    assert_agrees(scene, doc)


def test_edit_card_text_enter_commits_escape_cancels(board):
    view, scene, doc, stack = board
    item = scene.cards["action-14"]
    double_click(view, centre(item))
    assert scene.editor.is_editing()
    QTest.keyClicks(view, "Searches reviews")
    key(view, Qt.Key.Key_Return)
    assert doc.element("action-14").text == "Searches reviews"
    double_click(view, centre(item))
    QTest.keyClicks(view, "thrown away")
    key(view, Qt.Key.Key_Escape)
    assert doc.element("action-14").text == "Searches reviews"
    assert stack.count() == 1
    stack.undo()
    assert doc.element("action-14").text.startswith("Googles")
    assert scene.cards["action-14"].block.lines  # the item shows the restored text


def test_drag_card_to_another_cell_and_undo(board):
    view, scene, doc, stack = board
    item = scene.cards["pain-point-18"]
    target_stage, lane, point = cell_point(scene, 3, Kind.PAIN_POINT)
    before = dumps(doc)
    drag(view, centre(item), point)
    placement = doc.element("pain-point-18").placement
    assert placement.stage == target_stage and placement.lane == lane
    assert_one_step(scene, doc, stack, before)


def test_links_follow_a_dragged_card_live(board):
    view, scene, doc, stack = board
    card = "pain-point-18"
    keys = [k for k in scene.links if card in k and not hasattr(scene.links[k], "setSelected")]
    assert keys, "the card has links drawn in the link layer"
    resting = {k: scene.link_layer.routes[k].points for k in keys}
    item = scene.cards[card]
    _, _, point = cell_point(scene, 3, Kind.PAIN_POINT)
    drag(view, centre(item), point, release=False)
    now = item.sceneBoundingRect()
    for link in keys:
        points = scene.link_layer.routes[link].points
        assert points != resting[link], "the link moved with the card before the drop"
        end = points[0] if link[0] == card else points[-1]
        assert now.adjusted(-1, -1, 1, 1).contains(QPointF(*end)), "it ends at the card"
    key(view, Qt.Key.Key_Escape)  # cancel: card and links go back
    assert {k: scene.link_layer.routes[k].points for k in keys} == resting
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton)
    assert stack.count() == 0


def test_multi_select_and_drag_is_one_step(board):
    view, scene, doc, stack = board
    ids = ["action-14", "pain-point-18", "touchpoint-17"]  # all in the first column
    click(view, centre(scene.cards[ids[0]]))
    for i in ids[1:]:
        click(view, centre(scene.cards[i]), CTRL)
    assert scene.selected_ids() == sorted(ids)
    before = dumps(doc)
    _, _, point = cell_point(scene, 2, Kind.ACTION)
    drag(view, centre(scene.cards["action-14"]), point)
    third = doc.stage_order[2]
    assert all(doc.element(i).placement.stage == third for i in ids)
    assert_one_step(scene, doc, stack, before)


def test_rubber_band_selects_cards(board):
    view, scene, doc, _ = board
    a, b = scene.cards["action-19"], scene.cards["action-20"]
    start = a.mapToScene(QPointF(-8, -8))
    end = b.mapToScene(QPointF(b.w / 2, b.h / 2))
    drag(view, start, end)
    assert {"action-19", "action-20"} <= set(scene.selected_ids())


def test_link_by_dragging_the_handle(board):
    view, scene, doc, stack = board
    source = scene.cards["pain-point-25"]
    click(view, centre(source))
    handle = source.mapToScene(source.handle_centre())
    target = scene.cards["touchpoint-24"]
    drag(view, handle, centre(target))
    assert doc.has_link("pain-point-25", "touchpoint-24")
    assert ("pain-point-25", "touchpoint-24") in scene.links
    assert_agrees(scene, doc)
    stack.undo()
    assert not doc.has_link("pain-point-25", "touchpoint-24")
    assert_agrees(scene, doc)


def test_refused_link_says_why(board, qtbot):
    view, scene, doc, stack = board
    source = scene.cards["thought-21"]
    click(view, centre(source))
    messages = []
    scene.message.connect(messages.append)
    drag(view, source.mapToScene(source.handle_centre()), centre(scene.cards["touchpoint-17"]))
    assert stack.count() == 0
    assert messages and "cannot link" in messages[-1].lower()
    assert "thought" in messages[-1].lower()


def test_delete_key_removes_cards_and_undo_restores_links(board):
    view, scene, doc, stack = board
    links = sorted((ln.source, ln.target) for ln in doc.links())
    before = dumps(doc)
    click(view, centre(scene.cards["pain-point-25"]))
    key(view, Qt.Key.Key_Delete)
    assert "pain-point-25" not in doc
    assert_agrees(scene, doc)
    stack.undo()
    assert dumps(doc) == before
    assert sorted((ln.source, ln.target) for ln in doc.links()) == links
    assert_agrees(scene, doc)
    stack.redo()
    assert_agrees(scene, doc)


def test_removing_a_stage_with_cards_asks_first(board):
    view, scene, doc, stack = board
    stage = doc.stage_order[1]
    asked = []
    scene.confirm = lambda text: asked.append(text) or False
    click(view, centre(scene.stages[stage]))
    key(view, Qt.Key.Key_Delete)
    held = doc.cards_in_stage(stage)
    assert stage in doc and asked == [f"Remove stage “Consideration” and its {held} cards?"]
    nxt = doc.stage_order[2]
    click(view, centre(scene.stages[nxt]), CTRL)
    key(view, Qt.Key.Key_Delete)
    both = held + doc.cards_in_stage(nxt)
    assert asked[-1] == f"Remove stages “Consideration”, “Purchase” and their {both} cards?"
    click(view, centre(scene.stages[stage]))
    scene.confirm = lambda text: True
    key(view, Qt.Key.Key_Delete)
    assert stage not in doc
    assert_agrees(scene, doc)
    stack.undo()
    assert doc.stage_order[1] == stage
    assert_agrees(scene, doc)


def test_reorder_stage_by_dragging_its_header(board):
    view, scene, doc, stack = board
    order = doc.stage_order
    view.set_zoom(0.6)
    header = scene.stages[order[0]]
    last = scene.stages[order[3]]
    drag(view, centre(header), centre(last) + QPointF(40, 0))
    assert doc.stage_order.index(order[0]) == 3
    assert stack.count() == 1
    assert_agrees(scene, doc)
    stack.undo()
    assert doc.stage_order == order
    assert_agrees(scene, doc)


def test_emotion_drag_sets_score_and_curve_follows(board):
    view, scene, doc, stack = board
    item = scene.cards["emotion-30"]  # score -2
    curve = scene.curves[doc.element("emotion-30").placement.lane]
    start = centre(item)
    drag(view, start, start - QPointF(0, 110), release=False)
    assert curve.points["emotion-30"][1] < start.y() - 60  # the curve followed live
    assert doc.element("emotion-30").fields["score"] == -2  # nothing written yet
    end = view.mapFromScene(start - QPointF(0, 110))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)
    assert doc.element("emotion-30").fields["score"] > 0
    assert stack.count() == 1
    assert_agrees(scene, doc)
    stack.undo()
    assert doc.element("emotion-30").fields["score"] == -2
    assert_agrees(scene, doc)


def test_copy_paste_between_two_windows(board, qtbot, korean_doc):
    view, scene, doc, stack = board
    click(view, centre(scene.cards["opportunity-26"]))
    click(view, centre(scene.cards["pain-point-25"]), CTRL)
    key(view, Qt.Key.Key_C, CTRL)
    view2, scene2, doc2, stack2 = make_board(qtbot, korean_doc)
    target = doc2.stage_order[2]
    cell = scene2.cards[doc2.cell(target, doc2.lane_for_kind(Kind.ACTION).id)[0].id]
    click(view2, centre(cell))
    before = len(doc2)
    key(view2, Qt.Key.Key_V, CTRL)
    assert len(doc2) == before + 2 and stack2.count() == 1
    new = scene2.selected_ids()
    assert len(new) == 2 and not set(new) & {"opportunity-26", "pain-point-25"}
    opp = next(i for i in new if doc2.element(i).kind is Kind.OPPORTUNITY)
    pain = next(i for i in new if doc2.element(i).kind is Kind.PAIN_POINT)
    assert doc2.has_link(opp, pain)
    assert doc2.element(opp).placement.stage == target
    assert_agrees(scene2, doc2)
    stack2.undo()
    assert len(doc2) == before
    assert_agrees(scene2, doc2)


def test_duplicate_with_ctrl_d(board):
    view, scene, doc, stack = board
    click(view, centre(scene.cards["thought-21"]))
    key(view, Qt.Key.Key_D, CTRL)
    copies = scene.selected_ids()
    assert len(copies) == 1 and copies[0] != "thought-21"
    assert doc.element(copies[0]).text == doc.element("thought-21").text
    assert doc.element(copies[0]).placement.cell == doc.element("thought-21").placement.cell
    assert_agrees(scene, doc)


def test_undo_redo_keys_in_the_view(board):
    view, scene, doc, stack = board
    click(view, centre(scene.cards["thought-21"]))
    key(view, Qt.Key.Key_Delete)
    assert "thought-21" not in doc
    key(view, Qt.Key.Key_Z, CTRL)
    assert "thought-21" in doc
    key(view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "thought-21" not in doc
    assert_agrees(scene, doc)


def test_rename_stage_and_lane_by_double_click(board):
    view, scene, doc, stack = board
    stage = doc.stage_order[0]
    double_click(view, centre(scene.stages[stage]))
    type_ime(view, "인식")
    key(view, Qt.Key.Key_Return)
    assert doc.element(stage).text == "인식"
    lane = doc.lanes[1].id
    double_click(view, centre(scene.lane_items[lane]))
    QTest.keyClicks(view, "Doing")
    key(view, Qt.Key.Key_Return)
    assert doc.lane(lane).name == "Doing"
    assert scene.lane_items[lane].lane.name == "Doing"
    assert stack.count() == 2


def test_score_badges_follow_scores(board):
    view, scene, doc, stack = board
    stage = doc.stage_order[2]
    assert scene.stages[stage].badges == []
    doc.put_scores([Score(stage, "2026-Q2", "csat", 64.0, 120),
                    Score(stage, "2026-Q3", "csat", 71.0, 18)],
                   [Wave("2026-Q2"), Wave("2026-Q3")])
    (badge,) = scene.stages[stage].badges
    assert badge.value == "71%" and badge.drift == 1 and badge.low and badge.n == 18
    assert badge.trend == 0, "7 points on 18 answers may be noise: no trend arrow"


def test_persona_filter_highlight_and_dark(board):
    view, scene, doc, stack = board
    scene.set_persona_filter("persona-13")
    assert scene.cards["action-14"].opacity() == 1.0  # the persona walks every stage
    doc2_other = doc.add_card(Kind.PERSONA, None, doc.lanes[0].id, "Other buyer")
    doc.link(doc2_other, "action-14")
    assert scene.cards["action-14"].opacity() < 0.5
    scene.set_persona_filter(None)
    assert scene.cards["action-14"].opacity() == 1.0
    scene.highlight_ids(["thought-21"])
    assert scene.cards["thought-21"].highlighted
    scene.highlight_ids([])
    assert not scene.cards["thought-21"].highlighted
    scene.set_dark(True)
    assert scene.cards["thought-21"].theme.dark
    assert_agrees(scene, doc)


def test_zoom_keys_fit_and_centre(board):
    view, scene, doc, _ = board
    key(view, Qt.Key.Key_Plus, CTRL)
    assert view.zoom() == pytest.approx(1.25)
    key(view, Qt.Key.Key_Minus, CTRL)
    key(view, Qt.Key.Key_Minus, CTRL)
    assert view.zoom() == pytest.approx(0.8)
    key(view, Qt.Key.Key_0, CTRL)
    assert view.zoom() == pytest.approx(1.0)
    view.fit_map()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.map_rect().adjusted(2, 2, -2, -2))
    scene.select_ids(["goal-49"])
    view.zoom_to_selection()
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(
        scene.cards["goal-49"].sceneBoundingRect())
    assert view.center_on_id("stage-10")
    assert view.start_editing("thought-21") and scene.editor.is_editing()


def test_model_changes_from_elsewhere_move_items(board):
    view, scene, doc, stack = board
    stage = doc.stage_order[4]
    lane = doc.lane_for_kind(Kind.PAIN_POINT).id
    for n in range(4):  # grows the lane: everything below moves down
        doc.add_card(Kind.PAIN_POINT, stage, lane, f"new {n}")
    assert_agrees(scene, doc)
    doc.add_lane("Backstage", Kind.NOTE, 2)
    assert_agrees(scene, doc)
    doc.set_stage_order(reversed(doc.stage_order))
    assert_agrees(scene, doc)
    emotions = doc.lane_for_kind(Kind.EMOTION).id
    doc.update_lane(emotions, kind=Kind.NOTE)  # chips become cards, the curve goes
    assert_agrees(scene, doc)
    assert emotions not in scene.curves
    doc.update_lane(emotions, kind=Kind.EMOTION)
    assert_agrees(scene, doc)
    assert scene.curves[emotions].points


def test_reorder_lane_by_dragging_its_header_and_remove_it(board):
    view, scene, doc, stack = board
    lanes = [ln.id for ln in doc.lanes]
    view.set_zoom(0.5)
    thoughts = doc.lane_for_kind(Kind.THOUGHT).id
    target = scene.lane_items[doc.lane_for_kind(Kind.PAIN_POINT).id]
    drag(view, centre(scene.lane_items[thoughts]), centre(target) + QPointF(0, 20))
    assert [ln.id for ln in doc.lanes].index(thoughts) > lanes.index(thoughts)
    assert_agrees(scene, doc)
    asked = []
    scene.confirm = lambda text: asked.append(text) or True
    click(view, centre(scene.lane_items[thoughts]))
    key(view, Qt.Key.Key_Delete)
    assert thoughts not in [ln.id for ln in doc.lanes] and "Thoughts" in asked[0]
    assert_agrees(scene, doc)
    stack.undo()
    stack.undo()
    assert [ln.id for ln in doc.lanes] == lanes
    assert_agrees(scene, doc)


def test_plain_text_paste_makes_one_card_per_line(board):
    from PySide6.QtWidgets import QApplication

    view, scene, doc, stack = board
    QApplication.clipboard().setText("첫 번째 아이디어\n\nSecond idea\n")
    card = scene.cards["opportunity-26"]
    click(view, centre(card))
    key(view, Qt.Key.Key_V, CTRL)
    new = [doc.element(i) for i in scene.selected_ids()]
    assert sorted(e.text for e in new) == sorted(["첫 번째 아이디어", "Second idea"])
    cell = doc.element(card.element_id).placement.cell
    assert all(e.kind is Kind.OPPORTUNITY and e.placement.cell == cell for e in new)
    assert stack.count() == 1
    assert_agrees(scene, doc)


def test_insert_key_and_arrows_walk_the_map(board):
    view, scene, doc, stack = board
    click(view, centre(scene.cards["action-19"]))
    key(view, Qt.Key.Key_Down)
    assert scene.selected_ids() == ["action-20"]
    key(view, Qt.Key.Key_Right)
    assert doc.element(scene.selected_ids()[0]).placement.stage == doc.stage_order[2]
    key(view, Qt.Key.Key_Insert)
    assert scene.editor.is_editing()
    QTest.keyClicks(view, "Compares prices")
    key(view, Qt.Key.Key_Enter)
    made = doc.element(scene.selected_ids()[0])
    assert made.text == "Compares prices" and made.placement.stage == doc.stage_order[2]
    assert_agrees(scene, doc)


def test_click_a_link_to_select_and_delete_it(board):
    view, scene, doc, stack = board
    messages = []
    scene.message.connect(messages.append)
    route = scene.links[("pain-point-18", "touchpoint-17")]
    x1, y1, x2, y2 = max(route.lines, key=lambda ln: abs(ln[3] - ln[1]))  # the long vertical run
    click(view, QPointF((x1 + x2) / 2, (y1 + y2) / 2))
    assert scene.selected_links()[0].target == "touchpoint-17"
    assert "occurs at" in messages[-1]
    key(view, Qt.Key.Key_Delete)
    assert not doc.has_link("pain-point-18", "touchpoint-17")
    assert_agrees(scene, doc)
    stack.undo()
    assert doc.has_link("pain-point-18", "touchpoint-17")
    assert_agrees(scene, doc)


def test_a_link_stays_drawn_after_it_was_selected_while_the_map_changed(board):
    """A selected link is drawn over the others; when the map changes while it
    is selected (here a card is added elsewhere, and routes move), deselecting
    it must draw it in its place again, not leave a gap until the next edit."""
    from PySide6.QtGui import QColor

    from journeymapper.commands import AddCard

    view, scene, doc, stack = board
    route = scene.links[("action-14", "touchpoint-17")]
    x1, y1, x2, y2 = max(route.lines, key=lambda ln: abs(ln[3] - ln[1]) + abs(ln[2] - ln[0]))
    points = [QPointF(x1 + (x2 - x1) * t / 10, y1 + (y2 - y1) * t / 10) for t in range(2, 9)]
    link = QColor(LINK_STYLE[route.link.kind].colour)

    def drawn() -> int:
        """How many of the run's points show the link's colour."""
        image = view.viewport().grab().toImage()
        found = 0
        for point in points:
            at = view.mapFromScene(point)
            colour = image.pixelColor(at.x(), at.y())
            found += abs(colour.red() - link.red()) + abs(colour.green() - link.green()) \
                + abs(colour.blue() - link.blue()) < 60
        return found

    before = drawn()
    assert before >= 5
    click(view, QPointF((x1 + x2) / 2, (y1 + y2) / 2))
    assert [(lk.source, lk.target) for lk in scene.selected_links()] == \
        [("action-14", "touchpoint-17")]
    stack.push(AddCard(doc, Kind.TOUCHPOINT, doc.stage_order[4],
                       doc.lane_for_kind(Kind.TOUCHPOINT).id, "one more"))
    view.viewport().grab()  # a frame while it is selected
    _stage, _lane, empty = cell_point(scene, 4, Kind.ACTION)
    click(view, empty)
    assert not scene.selected_links()
    assert drawn() == before


def test_typing_into_a_column_that_disappears_adds_nothing(board):
    from journeymapper.commands import AddStage

    view, scene, doc, stack = board
    add = AddStage(doc, "Repair", 5)
    stack.push(add)
    lane = doc.lane_for_kind(Kind.ACTION).id
    scene.editor.start_new_card(add.element_id, lane)
    QTest.keyClicks(view, "half typed")
    stack.undo()  # e.g. Edit > Undo from the menu while the editor is open
    key(view, Qt.Key.Key_Return)
    assert not scene.editor.is_editing() and add.element_id not in doc
    assert all(e.text != "half typed" for e in doc.elements())
    assert_agrees(scene, doc)


def test_a_new_card_typed_in_a_full_cell_makes_room_instead_of_covering_the_next_lane(board):
    """The room watches the card being typed: it must not sit on top of the
    thought below it. The lane opens a slot while typing and closes it on Esc."""
    view, scene, doc, stack = board
    stage = doc.stage_order[1]
    lane = doc.lane_for_kind(Kind.ACTION).id
    below = doc.cell(stage, doc.lane_for_kind(Kind.THOUGHT).id)[0].id
    thought_top = scene.cards[below].sceneBoundingRect().top()
    last = doc.cell(stage, lane)[-1].id
    click(view, centre(scene.cards[last]))
    key(view, Qt.Key.Key_N)
    QTest.keyClicks(view, "Asks the shop assistant")
    editor = scene.editor.text_box.sceneBoundingRect()
    thought = scene.cards[below].sceneBoundingRect()
    assert not editor.intersects(thought), "the editor covers the thought below"
    assert thought.top() > thought_top
    key(view, Qt.Key.Key_Escape)
    assert scene.cards[below].sceneBoundingRect().top() == thought_top
    assert_agrees(scene, doc)
    click(view, centre(scene.cards[last]))
    key(view, Qt.Key.Key_N)
    QTest.keyClicks(view, "Asks the shop assistant")
    key(view, Qt.Key.Key_Return)
    added = doc.cell(stage, lane)[-1]
    assert added.text == "Asks the shop assistant" and stack.count() == 1
    assert not scene.cards[added.id].sceneBoundingRect().intersects(
        scene.cards[below].sceneBoundingRect())
    assert_agrees(scene, doc)


def test_select_all_and_drag_a_column_over_keeps_the_persona_and_takes_the_emotions(board):
    """Ctrl+A then a drag one column to the right: the persona stays in its
    strip at the top, and the emotions travel with the rest of their stage."""
    view, scene, doc, stack = board
    before = dumps(doc)
    persona = next(e for e in doc.elements() if e.kind is Kind.PERSONA)
    first, second = doc.stage_order[0], doc.stage_order[1]
    emotion = doc.cell(first, doc.lane_for_kind(Kind.EMOTION).id)[0].id
    card = doc.cell(first, doc.lane_for_kind(Kind.ACTION).id)[0].id
    view.center_on_id(card)
    key(view, Qt.Key.Key_A, CTRL)
    start = centre(scene.cards[card])
    geo = scene.live.geo
    dx = geo.columns[second][0] - geo.columns[first][0]
    drag(view, start, QPointF(start.x() + dx, start.y()))
    assert doc.element(card).placement.stage == second and stack.count() == 1
    assert doc.element(persona.id).placement.stage is None, "the persona left its strip"
    assert doc.element(emotion).placement.stage == second
    assert doc.element(emotion).placement.lane == doc.lane_for_kind(Kind.EMOTION).id
    assert_agrees(scene, doc)
    stack.undo()
    assert dumps(doc) == before
    assert_agrees(scene, doc)
