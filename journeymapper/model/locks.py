"""The workshop's rules, asked of every change to a map (a journal rule,
see :mod:`journeymapper.model.journal`), whatever made it.

- A locked card or stage refuses to be edited, moved (to another cell or
  place in the stage order) or removed; a locked lane refuses to be renamed,
  given another kind, moved or removed. Cards can still be added to a
  locked stage or lane: a lock guards what is there. Links are not edits.
- While a silent-brainstorm round is open, every card typed is marked
  hidden (by its author) in the same step; a hidden card its viewer may not
  see refuses to be edited or removed.
- Locks, votes, the timer and rounds are the facilitator's.

Who may do what is asked of a :class:`Policy` (the window's: facilitator
mode on one machine, the session's facilitator across machines). Only the
user's own changes (origin ``local``) are checked: an undo puts back what
was, and a colleague's change was checked on their machine. A refusal
raises LockedError: the change is reverted, nothing lands on the undo stack.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from journeymapper.i18n import N_, Message
from journeymapper.model import events as ev
from journeymapper.model import workshop as ws
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.model.errors import LockedError
from journeymapper.model.journal import Transaction

#: sections only the facilitator changes
LEADERS_SECTIONS = frozenset({ws.LOCKS, ws.VOTES, ws.WORKSHOP})


class Policy(Protocol):
    """Who is acting, and what they may do."""

    def overrides_locks(self) -> bool:
        """Locked things may be changed (the facilitator)."""

    def may_lead(self) -> bool:
        """Locks, votes, the timer and rounds may be changed."""

    def sees_hidden(self, author: str) -> bool:
        """A card hidden by ``author`` (a participant id) shows to this viewer."""

    def author(self) -> tuple[str, str]:
        """(participant id, name) of whoever types a card now."""


class WorkshopRule:
    """The journal rule of one map (see the module docstring)."""

    def __init__(self, doc: JourneyMap, policy: Policy) -> None:
        self.doc = doc
        self.policy = policy

    def install(self) -> WorkshopRule:
        self.doc.add_rule(self)
        return self

    def uninstall(self) -> None:
        self.doc.remove_rule(self)

    def __call__(self, txn: Transaction) -> None:
        if txn.origin in (ev.LOCAL, ev.REDO):
            self._hide_new_cards(txn.events)
        if txn.origin == ev.LOCAL:
            reason = refusal(self.doc, txn.events, self.policy)
            if reason is not None:
                raise LockedError(reason)

    def _hide_new_cards(self, events: Sequence[Any]) -> None:
        if ws.open_round(self.doc) is None:
            return
        author, name = self.policy.author()
        for event in list(events):
            if isinstance(event, ev.ElementAdded) and event.element.kind not in (
                    Kind.STAGE, Kind.PERSONA) and event.id in self.doc \
                    and self.doc.record(ws.HIDDEN, event.id) is None:
                self.doc.put_record(ws.HIDDEN, event.id, {"author": author, "name": name})


def _before(doc: JourneyMap, section: str, events: Sequence[Any]) -> dict[str, Any]:
    """A section's records as they were when the transaction began."""
    state = dict(doc.records(section))
    for event in reversed(events):
        if isinstance(event, ev.RecordChanged) and event.section == section:
            if event.old is None:
                state.pop(event.key, None)
            else:
                state[event.key] = event.old
    return state


def moved(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """The entries of a reordering that moved: those outside the longest run
    kept in order (moving one stage past a locked one does not move it)."""
    if len(old) > 400:  # an unusual map: anything whose place changed
        return {x for i, x in enumerate(new) if i >= len(old) or old[i] != x}
    rank = {x: i for i, x in enumerate(old)}
    seq = [rank[x] for x in new if x in rank]
    # longest increasing subsequence, O(n^2) on a few dozen stages or lanes
    best = [1] * len(seq)
    back = [-1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    keep: set[int] = set()
    i = max(range(len(seq)), key=best.__getitem__, default=-1)
    while i >= 0:
        keep.add(seq[i])
        i = back[i]
    return {x for x in new if rank.get(x) not in keep}


def _card_text(element: Element) -> str:
    return ws.quoted(element.text) if element.text else element.kind.label


def _locked_message(some_id: str, lock: Any, element: Element | None,
                    lane_name: str | None = None) -> Message:
    by = lock.get("by", "") if hasattr(lock, "get") else ""
    if lane_name is not None:
        return Message(N_("lane “{name}” is locked by {by}; the facilitator can unlock it"),
                       name=lane_name, by=by)
    if element is not None and element.kind is Kind.STAGE:
        return Message(N_("stage “{name}” is locked by {by}; the facilitator can unlock it"),
                       name=element.text, by=by)
    what = _card_text(element) if element is not None else some_id
    return Message(N_("{card} is locked by {by}; the facilitator can unlock it"), card=what,
                   by=by)


def refusal(doc: JourneyMap, events: Sequence[Any], policy: Policy) -> Message | None:
    """Why the changes ``events`` (one transaction, already made) are not
    allowed to this policy, or None."""
    touched = _touched(events)
    if not touched.any():
        return None
    if touched.leaders and not policy.may_lead():
        return Message(N_("only the facilitator can lock, run votes, rounds and the timer"))
    if not policy.overrides_locks():
        locks = _before(doc, ws.LOCKS, events)
        for some_id, element in touched.elements:
            if some_id in locks:
                return _locked_message(some_id, locks[some_id], element or doc.get(some_id))
        for lane_id, name in touched.lanes:
            if lane_id in locks:
                if not name:
                    name = doc.lane(lane_id).name if doc.has_lane(lane_id) else lane_id
                return _locked_message(lane_id, locks[lane_id], None, name)
    hidden = _before(doc, ws.HIDDEN, events)
    for some_id, _element in touched.edited:
        mark = hidden.get(some_id)
        if mark is not None and not policy.sees_hidden(mark["author"]):
            return Message(N_("this card is hidden until the facilitator reveals the round"))
    if touched.unhidden and not policy.may_lead():
        return Message(N_("only the facilitator can reveal the round"))
    return None


class _Touched:
    """What one transaction changed, as the rules look at it."""

    def __init__(self) -> None:
        self.elements: list[tuple[str, Element | None]] = []  # edited, moved or removed
        self.edited: list[tuple[str, Element | None]] = []    # edited or removed
        self.lanes: list[tuple[str, str]] = []                # (lane id, name)
        self.leaders = False
        self.unhidden = False

    def any(self) -> bool:
        return bool(self.elements or self.lanes or self.leaders or self.unhidden)


def _touched(events: Iterable[Any]) -> _Touched:  # noqa: C901 - one branch per event type
    out = _Touched()
    removed = set()
    events = list(events)
    for event in events:
        if isinstance(event, ev.ElementRemoved):
            removed.add(event.id)
    for event in events:
        if isinstance(event, (ev.FieldChanged, ev.KindChanged)):
            before = event.old if isinstance(event, ev.KindChanged) \
                else event.element.with_fields(**{event.field: event.old})
            out.elements.append((event.id, before))
            out.edited.append((event.id, before))
        elif isinstance(event, ev.ElementRemoved):
            out.elements.append((event.id, event.element))
            out.edited.append((event.id, event.element))
        elif isinstance(event, ev.ElementMoved):
            old, new = event.old, event.new
            if old is None or new is None or old.moved(order=new.order) != new:
                out.elements.append((event.id, event.element))
        elif isinstance(event, ev.StagesReordered):
            out.elements += [(s, None) for s in sorted(moved(event.old, event.new))]
        elif isinstance(event, ev.LaneChanged):
            out.lanes.append((event.old.id, event.old.name))
        elif isinstance(event, ev.LaneRemoved):
            out.lanes.append((event.lane.id, event.lane.name))
        elif isinstance(event, ev.LanesReordered):
            out.lanes += [(lane, "") for lane in sorted(moved(event.old, event.new))]
        elif isinstance(event, ev.RecordChanged):
            if event.section in LEADERS_SECTIONS:
                cascaded = event.new is None and event.key in removed
                out.leaders = out.leaders or not cascaded
            elif event.section == ws.HIDDEN and event.new is None \
                    and event.key not in removed:
                out.unhidden = True
    return out
