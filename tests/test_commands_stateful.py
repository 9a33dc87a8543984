"""A stateful property test over the real commands on a real undo stack.

Hypothesis drives random sequences of what a workshop does (add, remove, move
and edit cards, link and unlink, add, move and remove stages and lanes, import
survey waves, rename and delete waves, paste, edit the title). After every
step the map saves and loads again strictly, with no problem and the same
bytes; a step the model refuses changes nothing and is not on the stack.
Every undo and redo (along the way and, at the end, all the way back and
forth) gives exactly the file the map had at that point of the history, so
undo-all gives the first file byte for byte and redo-all the last.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

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
    RemoveLinks,
    SetField,
    SetMeta,
    UndoStack,
    UpdateLane,
    copy_payload,
    plan_paste,
)
from journeymapper.commands.scores import DeleteWave, ImportScores, RenameWave
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.io.survey import ImportOptions, Mapping, inspect_survey, plan_import
from journeymapper.model.elements import CARD_KINDS, Kind, Placement
from journeymapper.model.errors import JourneyError
from journeymapper.templates import new_from_template

TEXTS = st.text(alphabet="abc 가나다-!\n", min_size=0, max_size=12)
SURVEY_DIR = Path(tempfile.mkdtemp(prefix="jm-stateful-"))


def survey_file(answers: list[tuple[int, int]]) -> Path:
    """A small Google-Forms-like export: satisfaction 1-5 and recommendation 0-10."""
    path = SURVEY_DIR / f"wave-{len(list(SURVEY_DIR.iterdir()))}.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "How satisfied were you?", "How likely to recommend us?"])
        for n, (sat, rec) in enumerate(answers):
            writer.writerow([f"2026/10/0{n % 9 + 1} 9:0{n % 10}:00 AM GMT+9", sat, rec])
    return path


class Workshop(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.doc = new_from_template("ecommerce")
        self.stack = UndoStack()
        self.first = dumps(self.doc)
        #: the map's bytes at each index of the undo stack
        self.states = [self.first]

    # ------------------------------------------------------------ helpers
    def cards(self) -> list[str]:
        return sorted(e.id for e in self.doc.elements() if e.kind is not Kind.STAGE)

    def push(self, command) -> None:
        before, count = dumps(self.doc), self.stack.count()
        try:
            self.stack.push(command)
        except JourneyError:
            assert dumps(self.doc) == before, "a refused step changed the map"
            assert self.stack.count() == count, "a refused step landed on the stack"
            return
        index = self.stack.index()  # a merged step (typing) keeps its index
        del self.states[index:]
        self.states.append(dumps(self.doc))
        assert len(self.states) == index + 1

    def check_history(self) -> None:
        assert dumps(self.doc) == self.states[self.stack.index()], \
            f"the map differs from the history at step {self.stack.index()}"

    def pick(self, data, items):
        return data.draw(st.sampled_from(items)) if items else None

    # ------------------------------------------------------------ cards
    @precondition(lambda self: self.doc.stage_order)
    @rule(data=st.data(), text=TEXTS)
    def add_card(self, data, text) -> None:
        stage = self.pick(data, list(self.doc.stage_order))
        lane = self.pick(data, list(self.doc.lanes))
        if lane is not None:
            kind = data.draw(st.sampled_from(CARD_KINDS)) if data.draw(st.booleans()) else None
            self.push(AddCard(self.doc, kind or lane.kind, stage, lane.id, text))

    @precondition(lambda self: any(e.kind is not Kind.STAGE for e in self.doc.elements()))
    @rule(data=st.data())
    def remove_cards(self, data) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.cards()), min_size=1, max_size=3))
        self.push(RemoveElements(self.doc, ids))

    @precondition(lambda self: any(e.kind is not Kind.STAGE for e in self.doc.elements()))
    @rule(data=st.data(), order=st.integers(0, 4))
    def move_card(self, data, order) -> None:
        card = self.pick(data, self.cards())
        stage = self.pick(data, [None, *self.doc.stage_order])
        lane = self.pick(data, list(self.doc.lanes))
        self.push(MoveCards(self.doc, {card: Placement(stage, lane.id, order)}))

    @precondition(lambda self: len(self.doc) > 0)
    @rule(data=st.data(), text=TEXTS, typing=st.booleans())
    def edit_text(self, data, text, typing) -> None:
        element = self.pick(data, sorted(self.doc.elements(), key=lambda e: e.id))
        self.push(SetField(self.doc, element.id, "text", text, typing=typing))

    @precondition(lambda self: any(e.kind is Kind.PAIN_POINT for e in self.doc.elements()))
    @rule(data=st.data(), severity=st.integers(0, 6))
    def edit_severity(self, data, severity) -> None:
        pain = self.pick(data, sorted(e.id for e in self.doc.elements(Kind.PAIN_POINT)))
        self.push(SetField(self.doc, pain, "severity", severity))  # 0 and 6 are refused

    @precondition(lambda self: any(e.kind is not Kind.STAGE for e in self.doc.elements()))
    @rule(data=st.data())
    def paste(self, data) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.cards()), min_size=1, max_size=3))
        stage = self.pick(data, list(self.doc.stage_order))
        try:
            elements, links = plan_paste(self.doc, copy_payload(self.doc, ids), stage)
        except JourneyError:
            return
        self.push(PasteElements(self.doc, elements, links))

    # ------------------------------------------------------------ links
    @precondition(lambda self: len(self.doc) > 1)
    @rule(data=st.data())
    def link(self, data) -> None:
        ids = sorted(e.id for e in self.doc.elements())
        self.push(AddLink(self.doc, self.pick(data, ids), self.pick(data, ids)))

    @precondition(lambda self: self.doc.link_count() > 0)
    @rule(data=st.data())
    def unlink(self, data) -> None:
        links = sorted(self.doc.links(), key=lambda lk: (lk.source, lk.target))
        self.push(RemoveLinks(self.doc, data.draw(st.lists(st.sampled_from(links), min_size=1,
                                                             max_size=2, unique=True))))

    # ------------------------------------------------------------ stages and lanes
    @rule(data=st.data(), name=TEXTS)
    def add_stage(self, data, name) -> None:
        index = data.draw(st.integers(0, len(self.doc.stage_order)))
        self.push(AddStage(self.doc, name or "Stage", index))

    @precondition(lambda self: len(self.doc.stage_order) > 1)
    @rule(data=st.data())
    def move_stage(self, data) -> None:
        stage = self.pick(data, list(self.doc.stage_order))
        self.push(MoveStage(self.doc, stage, data.draw(st.integers(0, len(self.doc.stage_order)))))

    @precondition(lambda self: len(self.doc.stage_order) > 1)
    @rule(data=st.data())
    def remove_stage(self, data) -> None:
        self.push(RemoveElements(self.doc, [self.pick(data, list(self.doc.stage_order))]))

    @rule(name=TEXTS, kind=st.sampled_from(CARD_KINDS))
    def add_lane(self, name, kind) -> None:
        self.push(AddLane(self.doc, name or "Lane", kind))

    @precondition(lambda self: len(self.doc.lanes) > 1)
    @rule(data=st.data())
    def move_lane(self, data) -> None:
        lane = self.pick(data, list(self.doc.lanes))
        self.push(MoveLane(self.doc, lane.id, data.draw(st.integers(0, len(self.doc.lanes)))))

    @precondition(lambda self: len(self.doc.lanes) > 1)
    @rule(data=st.data(), name=TEXTS, kind=st.sampled_from(CARD_KINDS))
    def change_lane(self, data, name, kind) -> None:
        lane = self.pick(data, list(self.doc.lanes))
        self.push(UpdateLane(self.doc, lane.id, name or None,
                             kind if data.draw(st.booleans()) else None))

    @precondition(lambda self: len(self.doc.lanes) > 1)
    @rule(data=st.data())
    def remove_lane(self, data) -> None:
        self.push(RemoveLane(self.doc, self.pick(data, list(self.doc.lanes)).id))

    # ------------------------------------------------------------ scores
    @precondition(lambda self: self.doc.stage_order)
    @rule(data=st.data(), answers=st.lists(st.tuples(st.integers(1, 5), st.integers(0, 10)),
                                           min_size=1, max_size=12))
    def import_wave(self, data, answers) -> None:
        path = survey_file(answers)
        inspection = inspect_survey(path, doc=self.doc)
        stages = list(self.doc.stage_order)
        mappings = [Mapping(1, self.pick(data, stages), "csat"),
                    Mapping(2, self.pick(data, stages), "nps")]
        wave = data.draw(st.sampled_from(["2026-Q1", "2026-Q2", "2026-Q3"]))
        result = plan_import(self.doc, inspection.survey, inspection.layout, mappings,
                             ImportOptions(wave=wave))
        self.push(ImportScores(self.doc, result))

    @precondition(lambda self: self.doc.waves)
    @rule(data=st.data(), new=st.sampled_from(["W1", "W2", "2026-Q1"]))
    def rename_wave(self, data, new) -> None:
        self.push(RenameWave(self.doc, self.pick(data, [w.label for w in self.doc.waves]), new))

    @precondition(lambda self: self.doc.waves)
    @rule(data=st.data())
    def delete_wave(self, data) -> None:
        self.push(DeleteWave(self.doc, self.pick(data, [w.label for w in self.doc.waves])))

    @rule(title=TEXTS)
    def edit_title(self, title) -> None:
        self.push(SetMeta(self.doc, "title", title))

    # ------------------------------------------------------------ undo and redo
    @precondition(lambda self: self.stack.canUndo())
    @rule(times=st.integers(1, 3))
    def undo(self, times) -> None:
        for _ in range(times):
            if self.stack.canUndo():
                self.stack.undo()
                self.check_history()

    @precondition(lambda self: self.stack.canRedo())
    @rule(times=st.integers(1, 3))
    def redo(self, times) -> None:
        for _ in range(times):
            if self.stack.canRedo():
                self.stack.redo()
                self.check_history()

    # ------------------------------------------------------------ the properties
    @invariant()
    def saves_and_loads_strictly(self) -> None:
        data = dumps(self.doc)
        loaded = jmap.loads(data, strict=True)
        assert loaded.problems == []
        assert dumps(loaded.document) == data

    def teardown(self) -> None:
        if not hasattr(self, "stack"):
            return
        while self.stack.canRedo():  # to the newest step first
            self.stack.redo()
            self.check_history()
        last = dumps(self.doc)
        while self.stack.canUndo():
            self.stack.undo()
            self.check_history()
        assert dumps(self.doc) == self.first, "undo all did not give the first file back"
        while self.stack.canRedo():
            self.stack.redo()
            self.check_history()
        assert dumps(self.doc) == last, "redo all did not give the last file back"


Workshop.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None,
                                      suppress_health_check=[HealthCheck.too_slow,
                                                             HealthCheck.filter_too_much])
test_workshop_commands = Workshop.TestCase
