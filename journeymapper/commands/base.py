"""What every undo step has in common.

A :class:`DocCommand` changes one document. ``redo()`` runs ``do()`` and
``undo()`` runs ``revert()``, each in one transaction of the document, with
the origin ``local`` (the first run), ``redo`` or ``undo``, so listeners get
one change set per step and know where it came from. A command reads the
state it replaces when it runs, never when it is made.

:class:`UndoStack` runs a command before it keeps it: a change the model
refuses raises its JourneyError, leaves the document as it was (the
transaction is rolled back) and never lands on the stack.

A document can have a *runner* (:func:`set_runner`): then ``redo()`` and
``undo()`` ask it to run the step. A co-editing session installs one so that
Ctrl+Z undoes only this person's own changes (collab/history.py); the runner
calls :meth:`DocCommand.apply_redo` / :meth:`DocCommand.apply_undo` for the
plain model step.
"""

from __future__ import annotations

import weakref
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from journeymapper.model import events as ev
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.words import kind_label

translate = QCoreApplication.translate


def tr(text: str) -> str:
    """A text marked elsewhere (QT_TRANSLATE_NOOP("Commands", ...)), translated now."""
    return QCoreApplication.translate("Commands", text)


def tr_n(text: str, n: int) -> str:
    """A plural marked elsewhere: ``%n`` in ``text`` is ``n``."""
    return QCoreApplication.translate("Commands", text, None, n)


def kind_name(kind: Kind) -> str:
    """The kind's name as the History panel shows it."""
    return kind_label(kind)


def card_name(element: Element, limit: int = 24) -> str:
    """A card's text, short, in quotes: how the History names a card."""
    text = " ".join(element.text.split())
    if not text:
        return kind_name(element.kind)
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


class Runner(Protocol):
    """Runs the steps of the commands of one document (see the module docstring)."""

    def redo(self, command: DocCommand) -> None: ...
    def undo(self, command: DocCommand) -> None: ...
    def merged(self, into: DocCommand, command: DocCommand) -> None: ...


_RUNNERS: weakref.WeakKeyDictionary[JourneyMap, Runner] = weakref.WeakKeyDictionary()


def set_runner(doc: JourneyMap, runner: Runner | None) -> None:
    """Run the commands of ``doc`` through ``runner`` (None: plainly)."""
    if runner is None:
        _RUNNERS.pop(doc, None)
    else:
        _RUNNERS[doc] = runner


def runner_for(doc: JourneyMap) -> Runner | None:
    return _RUNNERS.get(doc)


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
        runner = _RUNNERS.get(self.doc)
        if runner is not None:
            runner.redo(self)
        else:
            self.apply_redo()

    def undo(self) -> None:
        runner = _RUNNERS.get(self.doc)
        if runner is not None:
            runner.undo(self)
        else:
            self.apply_undo()

    def apply_redo(self) -> None:
        """The step itself: ``do()`` in one transaction (origin local, then redo)."""
        with self.doc.transaction(ev.LOCAL if self.runs == 0 else ev.REDO):
            self.do()
        self.runs += 1

    def apply_undo(self) -> None:
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

    _macros = 0

    def push(self, command: QUndoCommand) -> None:  # noqa: D102 - Qt API
        if isinstance(command, DocCommand):
            command.redo()
            command._ran_before_push = True
        index = self.index()
        top = self.command(index - 1) if index > 0 and not self._macros else None
        super().push(command)
        runner = _RUNNERS.get(command.doc) if isinstance(command, DocCommand) else None
        if runner is not None and isinstance(top, DocCommand) and self.index() <= index:
            runner.merged(top, command)  # Qt merged the command into the one before

    def beginMacro(self, text: str) -> None:  # noqa: N802 - Qt API
        self._macros += 1
        super().beginMacro(text)

    def endMacro(self) -> None:  # noqa: N802 - Qt API
        super().endMacro()
        self._macros -= 1
