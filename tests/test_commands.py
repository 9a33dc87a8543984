"""Undo commands against the model, with no QApplication."""

from __future__ import annotations

import pytest

from journeymapper.commands import (
    AddCard,
    AddLane,
    AddLink,
    AddStage,
    MoveCards,
    MoveLane,
    MoveStage,
    PasteElements,
    RemoveElements,
    RemoveLane,
    RemoveLink,
    SetField,
    SetMeta,
    UndoStack,
    UpdateLane,
    copy_payload,
    link_refusal,
    parse_payload,
    payload_bytes,
    plan_paste,
)
from journeymapper.io.serialize import dumps
from journeymapper.model import Kind
from journeymapper.model.errors import ModelError
from journeymapper.model.links import LinkKind


def lane_of(doc, kind):
    return doc.lane_for_kind(kind).id


def test_add_card_undo_redo_restores_same_card(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    stage = doc.stage_order[1]
    before = dumps(doc)
    cmd = AddCard(doc, Kind.PAIN_POINT, stage, lane_of(doc, Kind.PAIN_POINT), "긴 배송 시간",
                  {"severity": 5})
    stack.push(cmd)
    after = dumps(doc)
    assert doc.element(cmd.element_id).fields["severity"] == 5
    stack.undo()
    assert cmd.element_id not in doc and dumps(doc) == before
    stack.redo()
    assert dumps(doc) == after


def test_remove_stage_cascades_and_restores_exactly(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    stage = doc.stage_order[2]
    cards = doc.cards_in_stage(stage)
    assert cards > 3
    before = dumps(doc)
    stack.push(RemoveElements(doc, [stage]))
    assert stage not in doc and len(doc.stage_order) == 4
    removed = dumps(doc)
    stack.undo()
    assert dumps(doc) == before
    assert doc.stage_order[2] == stage and doc.cards_in_stage(stage) == cards
    stack.redo()
    assert dumps(doc) == removed
    stack.undo()
    assert dumps(doc) == before


def test_remove_cards_with_links_between_them_restores_links_and_order(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    ids = ["opportunity-26", "pain-point-25", "thought-21"]
    links_before = sorted((ln.source, ln.target, ln.kind) for ln in doc.links())
    before = dumps(doc)
    stack.push(RemoveElements(doc, ids))
    assert not any(i in doc for i in ids)
    stack.undo()
    assert sorted((ln.source, ln.target, ln.kind) for ln in doc.links()) == links_before
    assert dumps(doc) == before
    stack.redo()
    stack.undo()
    assert dumps(doc) == before


def test_remove_lane_with_cards_is_one_step(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    lane = lane_of(doc, Kind.TOUCHPOINT)
    before = dumps(doc)
    stack.push(RemoveLane(doc, lane))
    assert lane not in [ln.id for ln in doc.lanes] and stack.count() == 1
    assert doc.counts()["touchpoint"] == 0
    stack.undo()
    assert dumps(doc) == before


def test_set_field_merges_consecutive_typing(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    card = "action-14"
    old = doc.element(card).text
    for text in ("검", "검색", "검색한다"):
        stack.push(SetField(doc, card, "text", text, typing=True))
    assert stack.count() == 1 and doc.element(card).text == "검색한다"
    stack.push(SetField(doc, "action-19", "text", "other", typing=True))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert doc.element(card).text == old


def test_set_field_not_typing_does_not_merge(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    stack.push(SetField(doc, "emotion-16", "score", 2))
    stack.push(SetField(doc, "emotion-16", "score", -2))
    assert stack.count() == 2
    stack.undo()
    assert doc.element("emotion-16").fields["score"] == 2


def test_move_many_cards_is_one_step(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    target = doc.stage_order[4]
    lane = lane_of(doc, Kind.ACTION)
    ids = [e.id for e in doc.cell(doc.stage_order[1], lane)]
    before = dumps(doc)
    moves = {i: doc.element(i).placement.moved(stage=target, order=10 + n)
             for n, i in enumerate(ids)}
    stack.push(MoveCards(doc, moves))
    assert stack.count() == 1
    assert [e.id for e in doc.cell(target, lane)][-len(ids):] == ids
    stack.undo()
    assert dumps(doc) == before


def test_links_add_remove_and_refusals(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    # drawn the "wrong" way: touchpoint -> pain point becomes pain point -> touchpoint
    assert link_refusal(doc, "touchpoint-24", "pain-point-25") is None
    cmd = AddLink(doc, "touchpoint-24", "pain-point-25")
    stack.push(cmd)
    assert doc.has_link("pain-point-25", "touchpoint-24")
    assert cmd.link.kind is LinkKind.OCCURS_AT
    stack.undo()
    assert not doc.has_link("pain-point-25", "touchpoint-24")
    assert "cannot link" in link_refusal(doc, "emotion-16", "touchpoint-17").lower()
    assert "already linked" in link_refusal(doc, "touchpoint-17", "pain-point-18")
    stack.push(RemoveLink(doc, "pain-point-18", "touchpoint-17"))
    assert not doc.has_link("pain-point-18", "touchpoint-17")
    stack.undo()
    assert doc.link_kind("pain-point-18", "touchpoint-17") is LinkKind.OCCURS_AT


def test_stage_add_move_and_undo(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    order = doc.stage_order
    add = AddStage(doc, "재구매", 2)
    stack.push(add)
    assert doc.stage_order[2] == add.element_id
    stack.push(MoveStage(doc, order[0], 4))
    assert doc.stage_order[4] == order[0]
    stack.undo()
    stack.undo()
    assert doc.stage_order == order


def test_lane_add_update_move_and_undo(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    lanes = doc.lanes
    add = AddLane(doc, "Backstage", Kind.NOTE, 1)
    stack.push(add)
    stack.push(UpdateLane(doc, add.lane_id, name="무대 뒤"))
    stack.push(MoveLane(doc, add.lane_id, 5))
    assert doc.lanes[5].name == "무대 뒤"
    for _ in range(3):
        stack.undo()
    assert doc.lanes == lanes


def test_copy_paste_new_ids_keeps_links_among_cards(laptop_doc, korean_doc):
    payload = parse_payload(payload_bytes(copy_payload(
        laptop_doc, ["opportunity-26", "pain-point-25", "action-14", "stage-8"])))
    assert len(payload["cards"]) == 3 and payload["links"] == [["opportunity-26", "pain-point-25",
                                                                "addresses"]]
    doc, stack = korean_doc, UndoStack()
    before = dumps(doc)
    target = doc.stage_order[3]
    elements, links = plan_paste(doc, payload, target)
    cmd = PasteElements(doc, elements, links)
    stack.push(cmd)
    assert all(i in doc for i in cmd.ids) and not set(cmd.ids) & {"opportunity-26", "action-14"}
    opp = next(i for i in cmd.ids if i.startswith("opportunity"))
    pain = next(i for i in cmd.ids if i.startswith("pain"))
    assert doc.has_link(opp, pain)
    # the first copied column (stage-8, index 0) lands in the target column
    assert doc.element(next(i for i in cmd.ids if i.startswith("action"))).placement.stage \
        == target
    stack.undo()
    assert dumps(doc) == before


@pytest.mark.parametrize("data", [b"not json", b'{"journeymapper": 99}',
                                  b'{"journeymapper": 1, "cards": [{"kind": "stage"}]}',
                                  b'{"journeymapper": 1, "cards": [{"kind": "emotion", "id": "x",'
                                  b' "fields": {"score": 9}}]}'])
def test_bad_clipboard_payload_is_one_line_error(data):
    with pytest.raises(ModelError) as info:
        parse_payload(data)
    assert "\n" not in str(info.value) and str(info.value).startswith("clipboard:")


def test_set_meta_undo(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    old = doc.title
    stack.push(SetMeta(doc, "title", "새 제목"))
    assert doc.title == "새 제목"
    stack.undo()
    assert doc.title == old


def test_remove_a_stage_together_with_one_of_its_cards(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    stage = doc.stage_order[0]
    card = doc.cell(stage, lane_of(doc, Kind.ACTION))[0].id
    before = dumps(doc)
    command = RemoveElements(doc, [card, stage, "no-such-id"])
    stack.push(command)
    assert stage not in doc and card not in doc
    assert command.text().startswith("Remove 1 stage")
    stack.undo()
    assert dumps(doc) == before


def test_typing_back_to_the_old_text_leaves_no_undo_step(laptop_doc):
    doc, stack = laptop_doc, UndoStack()
    old = doc.element("thought-21").text
    stack.push(SetField(doc, "thought-21", "text", old + "!", typing=True))
    stack.push(SetField(doc, "thought-21", "text", old, typing=True))
    assert stack.count() == 0 and doc.element("thought-21").text == old
