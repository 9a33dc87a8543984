"""Undoable change of a map property (title, description, ...)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import DocCommand, tr
from journeymapper.model.document import JourneyMap

_TEXTS = {
    "title": QT_TRANSLATE_NOOP("Commands", "Edit map title"),
    "description": QT_TRANSLATE_NOOP("Commands", "Edit map description"),
    "authors": QT_TRANSLATE_NOOP("Commands", "Edit map authors"),
    "created": QT_TRANSLATE_NOOP("Commands", "Edit map date"),
    "version_note": QT_TRANSLATE_NOOP("Commands", "Edit version note"),
    "language": QT_TRANSLATE_NOOP("Commands", "Edit map language"),
}


class SetMeta(DocCommand):
    """Set one of the map's properties (see model.document.META_KEYS)."""

    def __init__(self, doc: JourneyMap, key: str, value: Any,
                 parent: QUndoCommand | None = None) -> None:
        text = _TEXTS.get(key) or QT_TRANSLATE_NOOP("Commands", "Edit map properties")
        super().__init__(doc, tr(text), parent)
        self.key, self.new = key, value
        self.old: Any = None

    def do(self) -> None:
        self.old = self.doc.meta.get(self.key)
        self.doc.set_meta(self.key, self.new)

    def revert(self) -> None:
        self.doc.set_meta(self.key, self.old)


class MergingSetMeta(SetMeta):
    """SetMeta whose consecutive edits of the same property (typing the
    title) merge into one undo step."""

    MERGE_ID = 0x4A4D02

    def id(self) -> int:  # noqa: A003 - Qt API
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, MergingSetMeta) or other.key != self.key:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True
