"""The scene's incremental layout stays equal to a full layout through any
sequence of changes, and undoing all of them gives back the first picture."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QUndoStack
from test_canvas_helpers import assert_agrees

from journeymapper.canvas import MapScene
from journeymapper.commands import AddCard, AddLink, MoveCards, RemoveElements, SetField, link_refusal
from journeymapper.layout.geometry import EMPTY_LANE_H, layout_map
from journeymapper.model import Kind


def random_step(rng: random.Random, doc, stack) -> None:
    cards = [e for e in doc.elements() if e.kind not in (Kind.STAGE, Kind.PERSONA)]
    roll = rng.random()
    stage = rng.choice(doc.stage_order)
    if roll < 0.3 or not cards:
        lane = rng.choice([ln for ln in doc.lanes if ln.kind is not Kind.PERSONA])
        stack.push(AddCard(doc, lane.kind, stage, lane.id, f"카드 {rng.randint(0, 99)}"))
    elif roll < 0.45:
        stack.push(RemoveElements(doc, [rng.choice(cards).id]))
    elif roll < 0.75:
        card = rng.choice(cards)
        lane = card.placement.lane if rng.random() < 0.7 else rng.choice(doc.lanes).id
        order = rng.randint(-1, len(doc.cell(stage, lane)) + 1)
        stack.push(MoveCards(doc, {card.id: card.placement.moved(stage=stage, lane=lane,
                                                                  order=order)}))
    elif roll < 0.85:
        emotions = [c for c in cards if c.kind is Kind.EMOTION]
        if emotions:
            stack.push(SetField(doc, rng.choice(emotions).id, "score", rng.randint(-2, 2)))
    else:
        a, b = rng.choice(cards).id, rng.choice(cards).id
        if link_refusal(doc, a, b) is None:
            stack.push(AddLink(doc, a, b))


@pytest.mark.parametrize("seed", range(6))
def test_incremental_layout_equals_full_layout(qapp, laptop_doc, seed):
    rng = random.Random(seed)
    doc, stack, scene = laptop_doc, QUndoStack(), MapScene()
    notes = doc.add_lane("메모", Kind.NOTE, 2)  # empty: compact until a card lands in it
    scene.set_document(doc, stack)
    assert scene.live.geo.lanes[notes.id][3] == EMPTY_LANE_H
    first = {i: item.scenePos() for i, item in scene.cards.items()}
    for _ in range(40):
        random_step(rng, doc, stack)
        assert_agrees(scene, doc)
        assert scene.live.geo == layout_map(doc)
    while stack.canUndo():
        stack.undo()
    assert_agrees(scene, doc)
    assert {i: item.scenePos() for i, item in scene.cards.items()} == first
    scene.clear_document()


def test_removing_a_stage_with_40_cards_is_one_layout(qapp, laptop_doc, monkeypatch):
    from journeymapper.canvas.livelayout import LiveLayout
    from journeymapper.commands import RemoveStage, UndoStack

    doc = laptop_doc
    stage = doc.stage_order[1]
    lanes = [ln for ln in doc.lanes if ln.kind not in (Kind.PERSONA, Kind.EMOTION)]
    while doc.cards_in_stage(stage) < 40:
        lane = lanes[doc.cards_in_stage(stage) % len(lanes)]
        doc.add_card(lane.kind, stage, lane.id, f"card {doc.cards_in_stage(stage)}")
    scene, stack = MapScene(), UndoStack()
    scene.set_document(doc, stack)
    layouts = []
    original = LiveLayout.rebuild
    monkeypatch.setattr(LiveLayout, "rebuild", lambda live: layouts.append(1) or original(live))
    placed = []
    real_place = scene.place_all
    monkeypatch.setattr(scene, "place_all", lambda: placed.append(1) or real_place())
    stack.push(RemoveStage(doc, stage))
    assert (len(layouts), len(placed)) == (1, 1)  # not 41
    assert_agrees(scene, doc)
    stack.undo()
    assert (len(layouts), len(placed)) == (2, 2)
    assert_agrees(scene, doc)
    scene.clear_document()
