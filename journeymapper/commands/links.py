"""Undoable link commands and the check the canvas makes before linking."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.model.document import JourneyMap
from journeymapper.model.links import Link, LinkKind, explain_refusal, infer_link
from journeymapper.words import link_label


def link_refusal(doc: JourneyMap, source: str, target: str) -> str | None:
    """Why a drag from ``source`` to ``target`` cannot make a link, or None.

    The same rules JourneyMap.link enforces, asked before pushing a command
    so a refused drag becomes a status message instead of an error."""
    if source not in doc or target not in doc:
        return "one end of the link no longer exists"
    if source == target:
        return "a card cannot link to itself"
    s_kind, t_kind = doc.element(source).kind, doc.element(target).kind
    inferred = infer_link(s_kind, t_kind)
    if inferred is None:
        return "Cannot link: " + str(explain_refusal(s_kind, t_kind))
    _, swap = inferred
    a, b = (target, source) if swap else (source, target)
    if doc.has_link(a, b):
        return "These two are already linked"
    return None


class AddLink(QUndoCommand):
    """Link two elements; the kind (and direction) follows from their kinds."""

    def __init__(self, doc: JourneyMap, source: str, target: str,
                 kind: LinkKind | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__("Add link", parent)
        self.doc, self.source, self.target, self.kind = doc, source, target, kind
        self.link: Link | None = None

    def redo(self) -> None:
        self.link = self.doc.link(self.source, self.target, self.kind)
        self.setText(f"Link: {link_label(self.link.kind)}")

    def undo(self) -> None:
        assert self.link is not None
        self.doc.unlink(self.link.source, self.link.target)


class RemoveLink(QUndoCommand):
    """Remove one link; undo puts back the same kind."""

    def __init__(self, doc: JourneyMap, source: str, target: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__("Remove link", parent)
        self.doc, self.source, self.target = doc, source, target
        self.link: Link | None = None

    def redo(self) -> None:
        self.link = self.doc.unlink(self.source, self.target)

    def undo(self) -> None:
        assert self.link is not None
        self.doc.link(self.link.source, self.link.target, self.link.kind)
