"""The document is trustworthy: removals take everything that refers to what
they remove, ids are never made twice, commands read what they replace when
they run, a refused change leaves no trace, nothing mutable leaks out, and
changes arrive as one change set per transaction with its origin."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping

import networkx as nx
import pytest

from journeymapper.commands import (
    AddCard,
    MoveCards,
    MoveLane,
    MoveStage,
    RemoveElements,
    RemoveStage,
    SetField,
    UndoStack,
)
from journeymapper.commands.scores import DeleteWave
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind, Placement
from journeymapper.model.errors import FieldError, ModelError
from journeymapper.model.ids import IdAllocator
from journeymapper.model.scores import Score, Wave


def scored_map() -> tuple[JourneyMap, str, str, str]:
    doc = JourneyMap.with_default_lanes("Scores")
    s1, s2 = doc.add_stage("Purchase"), doc.add_stage("Retention")
    tp = doc.add_card(Kind.TOUCHPOINT, s1, doc.lane_for_kind(Kind.TOUCHPOINT).id, "Checkout")
    doc.put_scores([Score(s1, "Q1", "csat", 80.0, 40), Score(s2, "Q1", "nps", 10.0, 40),
                    Score(s1, "Q1", "csat", 70.0, 35, touchpoint=tp, name="tp"),
                    Score(s1, "Q2", "csat", 75.0, 50)],
                   [Wave("Q1", "2026-03-31"), Wave("Q2", "2026-06-30")])
    return doc, s1, s2, tp


def test_removing_a_stage_takes_its_scores_and_undo_brings_them_back():
    doc, s1, _, _ = scored_map()
    stack = UndoStack()
    before = dumps(doc)
    stack.push(RemoveStage(doc, s1))
    assert all(s.stage != s1 for s in doc.scores())
    saved = dumps(doc)
    loaded = jmap.loads(saved, strict=True)  # no "partially loaded: scores[0].stage ..."
    assert loaded.problems == []
    stack.undo()
    assert dumps(doc) == before


def test_removing_a_touchpoint_takes_its_scores():
    doc, s1, _, tp = scored_map()
    stack = UndoStack()
    stack.push(RemoveElements(doc, [tp]))
    assert [s for s in doc.scores() if s.touchpoint == tp] == []
    assert jmap.loads(dumps(doc), strict=True).problems == []
    stack.undo()
    assert doc.score((s1, tp, "Q1", "csat", "tp")) is not None


def test_undo_of_a_wave_delete_after_a_stage_removal_keeps_the_stack_whole():
    doc, s1, _, _ = scored_map()
    stack = UndoStack()
    before = dumps(doc)
    stack.push(DeleteWave(doc, "Q1"))
    stack.push(RemoveStage(doc, s1))
    while stack.canUndo():
        stack.undo()
    assert dumps(doc) == before
    while stack.canRedo():
        stack.redo()
    assert doc.stage_order == tuple(s for s in doc.stage_order if s != s1)
    assert [w.label for w in doc.waves] == ["Q2"]


def test_ids_are_never_made_twice_not_even_after_reopening(tmp_path):
    doc = JourneyMap.with_default_lanes()
    stage = doc.add_stage("A")
    lane = doc.lane_for_kind(Kind.ACTION).id
    gone = doc.add_card(Kind.ACTION, stage, lane, "deleted later")
    doc.remove_element(gone)
    path = tmp_path / "map.jmap"
    jmap.save(doc, path)
    # a new process opens the map and adds a card: it must not get the deleted card's id
    script = ("import sys; from journeymapper.io import jmap; from journeymapper.model import Kind;"
              "d = jmap.load(sys.argv[1]).document; s = d.stage_order[0];"
              "print(d.add_card(Kind.ACTION, s, d.lane_for_kind(Kind.ACTION).id, 'new'))")
    made = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, check=True).stdout.strip()
    assert made != gone and made.startswith("action-")
    # and the same process never hands out an id twice, undo or not
    again = doc.add_card(Kind.ACTION, stage, lane, "new here")
    assert again not in (gone, made)


def test_two_allocators_never_collide():
    a, b = IdAllocator(), IdAllocator()
    assert a.tag != b.tag
    made = {a.allocate("card") for _ in range(1000)} | {b.allocate("card") for _ in range(1000)}
    assert len(made) == 2000


def test_set_field_reads_the_old_value_when_it_runs():
    doc, s1, _, _ = scored_map()
    card = doc.add_card(Kind.ACTION, s1, doc.lane_for_kind(Kind.ACTION).id, "first")
    stack = UndoStack()
    command = SetField(doc, card, "text", "third")  # made now, run later
    doc.set_field(card, "text", "second")           # someone changes it in between
    stack.push(command)
    stack.undo()
    assert doc.element(card).text == "second"


def test_move_stage_lane_and_cards_read_their_old_state_when_they_run():
    doc = JourneyMap.with_default_lanes()
    a, b, c = (doc.add_stage(n) for n in "ABC")
    lane = doc.lane_for_kind(Kind.ACTION).id
    card = doc.add_card(Kind.ACTION, a, lane, "x")
    stack = UndoStack()
    move_stage = MoveStage(doc, c, 0)
    move_lane = MoveLane(doc, lane, 0)
    move_card = MoveCards(doc, {card: Placement(c, lane, 0)})
    doc.move_stage(b, 0)                        # B A C before the commands run
    doc.move_element(card, Placement(b, lane, 0))
    lanes_then = tuple(ln.id for ln in doc.lanes)
    for command in (move_stage, move_lane, move_card):
        stack.push(command)
    for _ in range(3):
        stack.undo()
    assert doc.stage_order == (b, a, c)
    assert tuple(ln.id for ln in doc.lanes) == lanes_then
    assert doc.element(card).placement == Placement(b, lane, 0)


def test_a_refused_change_never_lands_on_the_undo_stack():
    doc = JourneyMap.with_default_lanes()
    stage = doc.add_stage("A")
    pain = doc.add_card(Kind.PAIN_POINT, stage, doc.lane_for_kind(Kind.PAIN_POINT).id, "p")
    stack = UndoStack()
    before = dumps(doc)
    with pytest.raises(FieldError):
        stack.push(SetField(doc, pain, "severity", 9))
    assert stack.count() == 0 and dumps(doc) == before
    stack.push(AddCard(doc, Kind.ACTION, stage, doc.lane_for_kind(Kind.ACTION).id, "ok"))
    assert stack.count() == 1
    stack.undo()
    assert dumps(doc) == before


def test_a_failed_transaction_leaves_the_document_as_it_was():
    doc, s1, s2, tp = scored_map()
    sets: list[ev.ChangeSet] = []
    doc.changes.connect(sets.append)
    before = dumps(doc)
    with pytest.raises(ModelError):
        with doc.transaction():
            doc.set_field(tp, "text", "renamed")
            doc.remove_element(tp)          # with its scores
            doc.remove_element(s1)          # now empty, with its scores
            doc.set_waves([Wave("Q3")])     # drops the other scores
            doc.add_lane("Extra", Kind.NOTE)
            doc.remove_element(s2)          # fine
            doc.move_stage("no-such-stage", 0)
    assert dumps(doc) == before
    assert sets == []  # listeners never heard of it


def test_a_failure_inside_an_outer_transaction_reverts_only_itself():
    doc, s1, _, tp = scored_map()
    with doc.transaction():
        doc.set_field(tp, "text", "kept")
        with pytest.raises(ModelError):
            with doc.transaction():
                doc.set_field(tp, "owner", "reverted")
                doc.link(tp, tp)
    assert doc.element(tp).text == "kept" and doc.element(tp).fields["owner"] == ""


def test_the_model_hands_out_nothing_mutable():
    doc, s1, _, tp = scored_map()
    element = doc.element(tp)
    with pytest.raises((TypeError, AttributeError)):
        element.fields["text"] = "sneaky"  # type: ignore[index]
    with pytest.raises((TypeError, AttributeError)):
        element.placement = None  # type: ignore[misc]
    score = doc.scores()[0]
    with pytest.raises((TypeError, AttributeError)):
        score.value = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        score.distribution["5"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        doc.meta["title"] = "sneaky"  # type: ignore[index]
    with pytest.raises(TypeError):
        doc.settings["emotion_range"] = 3  # type: ignore[index]
    assert not hasattr(doc, "graph")
    view = doc.graph_view()
    with pytest.raises(nx.NetworkXError):  # a frozen view
        view.add_edge(s1, tp)
    assert doc.link_count() == 0


def test_one_change_set_per_command_with_its_origin():
    doc, s1, _, _ = scored_map()
    for lane in doc.lanes:
        for n in range(3):
            doc.add_card(lane.kind, s1, lane.id, f"{lane.name} {n}")
    sets: list[ev.ChangeSet] = []
    doc.changes.connect(sets.append)
    stack = UndoStack()
    stack.push(RemoveStage(doc, s1))
    stack.undo()
    added = sets[1].of(ev.ElementAdded)
    assert added and all(e.element == doc.element(e.id) for e in added)  # events carry it
    stack.redo()
    assert [cs.origin for cs in sets] == ["local", "undo", "redo"]
    removed = sets[0]
    assert len(removed.of(ev.ElementRemoved)) == 1 + 3 * len(doc.lanes) + 1  # cards, tp, stage
    assert removed.of(ev.ScoresChanged)  # the stage's scores went with it


def test_snapshot_is_detached_and_cheap_to_take():
    doc, s1, _, tp = scored_map()
    snap = doc.snapshot()
    doc.set_field(tp, "text", "changed after the snapshot")
    doc.remove_element(tp)
    assert snap.element(tp).text == "Checkout"
    assert [link for link in snap.links_of(tp)] == []
    assert dumps(snap) != dumps(doc)


def test_lanes_and_meta_changes_are_undoable_transactions():
    doc = JourneyMap.with_default_lanes()
    with pytest.raises(ModelError):
        doc.set_setting("emotion_range", 7)
    doc.set_setting("emotion_range", 3)
    assert doc.settings["emotion_range"] == 3


def test_records_join_transactions_cascade_with_their_element_and_round_trip():
    from journeymapper.model.records import Section, register

    register(Section("test_pins", lambda key, value: None if isinstance(value, Mapping) else
                     "expected an object", refers_to=lambda key, value: (key,)))
    doc, s1, _, tp = scored_map()
    stack = UndoStack()
    doc.put_record("test_pins", tp, {"by": "Hana", "at": [1, 2]})
    assert doc.record("test_pins", tp) == {"by": "Hana", "at": (1, 2)}
    with pytest.raises(TypeError):
        doc.record("test_pins", tp)["by"] = "x"  # type: ignore[index]
    with pytest.raises(ModelError, match="expected an object"):
        doc.put_record("test_pins", tp, "not an object")
    with pytest.raises(ModelError):
        doc.put_record("test_pins", "no-such-card", {})
    data = dumps(doc)
    again = jmap.loads(data, strict=True).document
    assert again.record("test_pins", tp) == doc.record("test_pins", tp)
    assert dumps(again) == data
    before = dumps(doc)
    stack.push(RemoveElements(doc, [tp]))
    assert doc.records("test_pins") == {}  # the pin went with its card
    stack.undo()
    assert dumps(doc) == before
    # a section this version does not know is kept as it was
    unknown = data.replace(b'"section": "test_pins"', b'"section": "from_the_future"')
    kept = jmap.loads(unknown, strict=True).document
    assert dumps(kept) == unknown


def test_one_date_rule_for_the_model_the_form_and_the_cli():
    from journeymapper.model.elements import is_date

    doc = JourneyMap.with_default_lanes()
    stage = doc.add_stage("A")
    opp = doc.add_card(Kind.OPPORTUNITY, stage, doc.lane_for_kind(Kind.OPPORTUNITY).id, "o")
    with pytest.raises(FieldError, match="2026-02-30"):
        doc.set_field(opp, "due", "2026-02-30")  # the shape of a date, not a day
    doc.set_field(opp, "due", "2026-02-28")
    assert [is_date(d) for d in ("2026-02-28", "2026-02-30", "26-2-28", "")] == \
        [True, False, False, False]


def test_the_model_itself_refuses_what_the_file_loader_refuses():
    from journeymapper.model.errors import LayoutError

    doc, s1, _, tp = scored_map()
    pain = doc.add_card(Kind.PAIN_POINT, s1, doc.lane_for_kind(Kind.PAIN_POINT).id, "p")
    with pytest.raises(FieldError, match="at most 10000 characters"):
        doc.set_field(pain, "evidence", ["ok", "x" * 10_001])
    with pytest.raises(FieldError, match="at most 1,000 items"):
        doc.set_field(pain, "evidence", ["e"] * 1001)
    with pytest.raises(LayoutError, match="dx"):
        doc.move_element(tp, Placement(s1, doc.element(tp).placement.lane, 0, float("nan")))
    with pytest.raises(LayoutError, match="dy"):
        doc.move_element(tp, Placement(s1, doc.element(tp).placement.lane, 0, 0, 2e6))
    with pytest.raises(ModelError, match="title"):
        doc.set_meta("title", ["not", "text"])
    with pytest.raises(ModelError, match="authors"):
        doc.set_meta("authors", "Hana")
    with pytest.raises(ModelError, match="lane name"):
        doc.add_lane("x" * 10_001, Kind.NOTE)
    with pytest.raises(ModelError, match="date"):
        doc.set_waves([*doc.waves, Wave("Q3", "30.09.2026")])
    with pytest.raises(ModelError, match="name"):
        doc.rename_wave("Q1", "")
    with pytest.raises(ModelError, match="finite number"):
        doc.put_scores([Score(s1, "Q1", "csat", float("inf"), 10)])
    with pytest.raises(ModelError, match="distribution"):
        doc.put_scores([Score(s1, "Q1", "csat", 50.0, 10, distribution={"5": -1})])
    assert jmap.loads(dumps(doc), strict=True).problems == []  # and nothing of it landed


def test_a_bad_wave_date_in_a_file_is_cleared_and_said():
    doc, *_ = scored_map()
    data = dumps(doc).replace(b'"date": "2026-03-31"', b'"date": "31.03.2026"')
    result = jmap.loads(data)
    assert any("waves[0].date" in str(p) and "cleared" in str(p) for p in result.problems)
    assert result.document.waves[0].date == ""
