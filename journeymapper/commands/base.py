"""What every undo step has in common.

A :class:`DocCommand` changes one document. ``redo()`` runs ``do()`` and
``undo()`` runs ``revert()``, each in one transaction of the document, with
the origin ``local`` (the first run), ``redo`` or ``undo``, so listeners get
one change set per step and know where it came from. A command reads the
state it replaces when it runs, never when it is made.

:class:`UndoStack` runs a command before it keeps it: a change the model
refuses raises its JourneyError, leaves the document as it was (the
transaction is rolled back) and never lands on the stack.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from journeymapper.i18n import _
from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.qt_i18n import tr as qt_tr


def tr(text: str) -> str:
    return qt_tr("Commands", text)


def tr_n(text: str, n: int) -> str:
    """A plural: ``%n`` in ``text`` is ``n``."""
    return qt_tr("Commands", text, n)


def kind_name(kind: Kind) -> str:
    """The kind's name as the History panel shows it."""
    return _(kind.label)


def card_name(element: Element, limit: int = 24) -> str:
    """A card's text, short, in quotes: how the History names a card."""
    text = " ".join(element.text.split())
    if not text:
        return kind_name(element.kind)
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


class DocCommand(QUndoCommand):
    """One undo step on one document: subclasses implement do() and revert()."""

    def __init__(self, doc: JourneyMap, text: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.doc = doc
        self.runs = 0
        self._ran_before_push = False

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._ran_before_push:  # UndoStack.push ran it already
            self._ran_before_push = False
            return
        with self.doc.transaction(ev.LOCAL if self.runs == 0 else ev.REDO):
            self.do()
        self.runs += 1

    def undo(self) -> None:
        with self.doc.transaction(ev.UNDO):
            self.revert()


class Composite(DocCommand):
    """A command made of child steps, run in order and undone in reverse, in
    one transaction. ``plan()`` makes the steps when the command runs.

    The steps are plain Python-owned commands (no Qt parent), so their
    lifetime never depends on which side deletes the parent first."""

    def __init__(self, doc: JourneyMap, text: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text, parent)
        self.steps: list[DocCommand] = []

    def plan(self) -> list[DocCommand]:
        return self.steps

    def do(self) -> None:
        self.steps = self.plan()
        for step in self.steps:
            step.redo()

    def revert(self) -> None:
        for step in reversed(self.steps):
            step.undo()


class UndoStack(QUndoStack):
    """A QUndoStack whose ``push`` runs the command first and keeps it only
    when the model accepted it (a JourneyError propagates, nothing is kept)."""

    def push(self, command: QUndoCommand) -> None:  # noqa: D102 - Qt API
        if isinstance(command, DocCommand):
            command.redo()
            command._ran_before_push = True
        super().push(command)
