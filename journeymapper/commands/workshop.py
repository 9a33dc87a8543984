"""Undoable workshop steps: locks, dot votes, the timer, silent-brainstorm
rounds. Each is one undo step that changes records (model/workshop.py), and
a reveal also the opportunities' ``votes`` field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import Composite, DocCommand, card_name
from journeymapper.commands.elements import SetField
from journeymapper.model import workshop as ws
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind

translate = QCoreApplication.translate

Change = tuple[str, str, Any]  # (section, key, value or None to drop)


class SetRecords(DocCommand):
    """Put or drop some records as one step; undo puts back what was there."""

    def __init__(
        self, doc: JourneyMap, changes: Iterable[Change], text: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, text, parent)
        self.changes = list(changes)
        self.old: list[Change] = []

    def do(self) -> None:
        self.old = [(s, k, self.doc.record(s, k)) for s, k, _ in self.changes]
        for section, key, value in self.changes:
            _put(self.doc, section, key, value)

    def revert(self) -> None:
        for section, key, value in reversed(self.old):
            _put(self.doc, section, key, value)


def _put(doc: JourneyMap, section: str, key: str, value: Any) -> None:
    if value is None:
        doc.drop_record(section, key)
    else:
        doc.put_record(section, key, value)


# ---------------------------------------------------------------- locks
def set_locks(
    doc: JourneyMap, ids: Iterable[str], lanes: Iterable[str], by: str, lock: bool
) -> SetRecords | None:
    """Lock (or unlock) cards and stages ``ids`` and lanes ``lanes``; None
    when nothing would change."""
    changes: list[Change] = []
    for some_id in dict.fromkeys(ids):
        if some_id in doc and (doc.record(ws.LOCKS, some_id) is None) == lock:
            changes.append((ws.LOCKS, some_id, {"by": by} if lock else None))
    for lane in dict.fromkeys(lanes):
        if doc.has_lane(lane) and (doc.record(ws.LOCKS, lane) is None) == lock:
            changes.append((ws.LOCKS, lane, {"by": by, "lane": True} if lock else None))
    if not changes:
        return None
    if len(changes) == 1:
        key = changes[0][1]
        name = doc.lane(key).name if doc.has_lane(key) else card_name(doc.element(key))
        text = (
            translate("Commands", "Lock {name}") if lock else translate("Commands", "Unlock {name}")
        ).format(name=name)
    else:
        n = len(changes)
        text = (
            translate("Commands", "Lock %n item(s)", None, n)
            if lock
            else translate("Commands", "Unlock %n item(s)", None, n)
        )
    return SetRecords(doc, changes, text)


# ---------------------------------------------------------------- votes
class StartVote(SetRecords):
    """Start a vote (and, with a time limit, the timer)."""

    def __init__(self, doc: JourneyMap, vote: ws.Vote, timer: ws.Timer | None = None) -> None:
        changes: list[Change] = [(ws.VOTES, vote.id, vote.record())]
        if timer is not None:
            changes.append((ws.WORKSHOP, ws.TIMER_KEY, timer.record()))
        question = vote.question or translate("Commands", "dot vote")
        super().__init__(
            doc, changes, translate("Commands", "Start vote “{question}”").format(question=question[:40])
        )
        self.vote_id = vote.id


def place_dot(
    doc: JourneyMap, vote: ws.Vote, voter: str, name: str | None, card: str, delta: int
) -> SetRecords:
    """One dot more (``delta`` 1) or less (-1) of ``voter`` on ``card``; the
    voter's name is kept the first time when the vote is not anonymous."""
    key = ws.dot_key(vote.id, voter, card)
    now = int(doc.record(ws.DOTS, key) or 0) + delta
    changes: list[Change] = [(ws.DOTS, key, now if now > 0 else None)]
    voter_key = f"{vote.id}|{voter}"
    if name and not vote.anonymous and doc.record(ws.VOTERS, voter_key) is None:
        changes.append((ws.VOTERS, voter_key, {"name": name}))
    element = doc.element(card)
    if delta > 0:
        text = translate("Commands", "Dot on {card}").format(card=card_name(element))
    else:
        text = translate("Commands", "Take a dot off {card}").format(card=card_name(element))
    return SetRecords(doc, changes, text)


class RevealVote(Composite):
    """Reveal a vote: it is marked revealed (when), and each opportunity it
    was about gets its dot count in its ``votes`` field; one undo step."""

    def __init__(self, doc: JourneyMap, vote: ws.Vote, when: Any) -> None:
        super().__init__(
            doc,
            translate("Commands", "Reveal vote “{question}”").format(
                question=(vote.question or translate("Commands", "dot vote"))[:40]
            ),
        )
        self.vote, self.when = vote, when

    def plan(self) -> list[DocCommand]:
        record = {**self.vote.record(), "state": "revealed", "revealed": ws.stamp(self.when)}
        steps: list[DocCommand] = [SetRecords(self.doc, [(ws.VOTES, self.vote.id, record)], "")]
        if self.vote.takes(Kind.OPPORTUNITY):
            counts = ws.counts(self.doc, self.vote.id)
            for opportunity in self.doc.elements(Kind.OPPORTUNITY):
                n = counts.get(opportunity.id, 0)
                if opportunity.fields.get("votes") != n:
                    steps.append(SetField(self.doc, opportunity.id, "votes", n))
        return steps


def delete_vote(doc: JourneyMap, vote_id: str) -> SetRecords:
    """Remove a vote with its dots and voters' names."""
    changes: list[Change] = [(ws.VOTES, vote_id, None)]
    prefix = f"{vote_id}|"
    changes += [(ws.DOTS, k, None) for k in doc.records(ws.DOTS) if k.startswith(prefix)]
    changes += [(ws.VOTERS, k, None) for k in doc.records(ws.VOTERS) if k.startswith(prefix)]
    vote = ws.vote(doc, vote_id)
    question = (vote.question if vote else "") or translate("Commands", "dot vote")
    return SetRecords(
        doc, changes, translate("Commands", "Delete vote “{question}”").format(question=question[:40])
    )


# ---------------------------------------------------------------- the timer
class SetTimer(SetRecords):
    """Start, pause, resume, extend or reset the timer (None). Consecutive
    timer steps merge into one undo step."""

    MERGE_ID = 0x4A4D10

    def __init__(self, doc: JourneyMap, timer: ws.Timer | None, text: str) -> None:
        super().__init__(
            doc, [(ws.WORKSHOP, ws.TIMER_KEY, timer.record() if timer is not None else None)], text
        )

    def id(self) -> int:  # noqa: A003 - Qt API
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetTimer):
            return False
        self.changes = other.changes
        self.setText(other.text())
        return True


# ---------------------------------------------------------------- rounds
def start_round(doc: JourneyMap, round_: ws.Round) -> SetRecords:
    return SetRecords(
        doc, [(ws.WORKSHOP, ws.ROUND_KEY, round_.record())], translate("Commands", "Start silent brainstorm")
    )


def reveal_round(doc: JourneyMap) -> SetRecords:
    """End the round: every hidden card shows."""
    changes: list[Change] = [(ws.HIDDEN, k, None) for k in ws.hidden(doc)]
    n = len(changes)
    changes.append((ws.WORKSHOP, ws.ROUND_KEY, None))
    return SetRecords(doc, changes, translate("Commands", "Reveal the round (%n card(s))", None, n))
