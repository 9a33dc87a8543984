"""Transactions of a document: change sets with an origin, and rollback.

Every change the document makes happens inside a transaction. The change
records its event and a function that reverts it; when the outermost
transaction ends, the events go to the listeners as one ChangeSet with the
transaction's origin. When a change inside fails (a rule refuses it), the
document is put back as it was before that change, and the listeners never
hear of it: nothing is half done.

Transactions nest: an inner one joins the outer one (and its origin), and
an inner failure reverts only the inner part, so a caller that catches the
error and goes on (the file loader dropping a bad link) keeps a consistent
document.

Features add *rules* (:meth:`Journal.add_rule`): ``rule(transaction)`` runs
when an outermost transaction that changed something ends, before its change
set goes out. A rule may refuse the whole transaction (it raises a
ModelError: everything is reverted, nobody hears of it) or make further
changes, which join the same transaction (so they are undone with it). A
lock on a card is such a rule; it is asked once per transaction, whatever
made the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from journeymapper.model.errors import ModelError
from journeymapper.model.events import LOCAL, ORIGINS, ChangeHub, ChangeSet

Rule = Callable[["Transaction"], None]


class Transaction:
    """What one transaction has done so far."""

    __slots__ = ("origin", "events", "reverts")

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.events: list[Any] = []
        self.reverts: list[Callable[[], None]] = []


class Journal:
    """Runs the transactions of one document and delivers their change sets."""

    def __init__(self, hub: ChangeHub) -> None:
        self.hub = hub
        self.current: Transaction | None = None
        self.rules: list[Rule] = []

    def add_rule(self, rule: Rule) -> None:
        if rule not in self.rules:
            self.rules.append(rule)

    def remove_rule(self, rule: Rule) -> None:
        if rule in self.rules:
            self.rules.remove(rule)

    @contextmanager
    def transaction(self, origin: str = LOCAL) -> Iterator[Transaction]:
        if origin not in ORIGINS:
            raise ModelError(f"unknown change origin {origin!r}")
        outer = self.current
        txn = outer if outer is not None else Transaction(origin)
        self.current = txn
        marks = (len(txn.events), len(txn.reverts))
        try:
            yield txn
            if outer is None and txn.events:
                for rule in list(self.rules):
                    rule(txn)
        except BaseException:
            for revert in reversed(txn.reverts[marks[1]:]):
                revert()
            del txn.events[marks[0]:]
            del txn.reverts[marks[1]:]
            if outer is None:
                self.current = None
            raise
        if outer is None:
            self.current = None
            if txn.events:
                self.hub.emit(ChangeSet(txn.origin, tuple(txn.events)))

    def record(self, event: Any, revert: Callable[[], None]) -> None:
        """Note a change that has happened (inside a transaction)."""
        assert self.current is not None, "a change outside a transaction"
        self.current.events.append(event)
        self.current.reverts.append(revert)
