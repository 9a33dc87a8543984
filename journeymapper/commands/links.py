"""Undoable link commands and the check the canvas makes before linking."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import DocCommand, translate
from journeymapper.model.document import JourneyMap
from journeymapper.model.links import Link, LinkKind
from journeymapper.words import link_label


def link_refusal(doc: JourneyMap, source: str, target: str) -> str | None:
    """Why a drag from ``source`` to ``target`` cannot make a link, or None:
    the document's own rules (JourneyMap.link_refusal), worded for the status bar."""
    reason = doc.link_refusal(source, target)
    if reason is None:
        return None
    return translate("Commands", "Cannot link: {reason}").format(reason=str(reason))


class AddLink(DocCommand):
    """Link two elements; the kind (and direction) follows from their kinds."""

    def __init__(self, doc: JourneyMap, source: str, target: str,
                 kind: LinkKind | None = None, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Add link"), parent)
        self.source, self.target, self.kind = source, target, kind
        self.link: Link | None = None

    def do(self) -> None:
        self.link = self.doc.link(self.source, self.target, self.kind)
        self.setText(translate("Commands", "Link: {kind}").format(kind=link_label(self.link.kind)))

    def revert(self) -> None:
        assert self.link is not None
        self.doc.unlink(self.link.source, self.link.target)


class RemoveLink(DocCommand):
    """Remove one link; undo puts back the same kind."""

    def __init__(self, doc: JourneyMap, source: str, target: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Remove link"), parent)
        self.source, self.target = source, target
        self.link: Link | None = None

    def do(self) -> None:
        self.link = self.doc.unlink(self.source, self.target)

    def revert(self) -> None:
        assert self.link is not None
        self.doc.link(self.link.source, self.link.target, self.link.kind)


class RemoveLinks(DocCommand):
    """Remove several links as one step."""

    def __init__(self, doc: JourneyMap, links: list[Link],
                 parent: QUndoCommand | None = None) -> None:
        count = len(links)
        super().__init__(doc, translate("Commands", "Remove %n link(s)", None, count), parent)
        self.wanted = [(link.source, link.target) for link in links]
        self.removed: list[Link] = []

    def do(self) -> None:
        self.removed = [self.doc.unlink(s, t) for s, t in self.wanted if self.doc.has_link(s, t)]

    def revert(self) -> None:
        for link in reversed(self.removed):
            self.doc.link(link.source, link.target, link.kind)
