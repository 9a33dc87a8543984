"""Undoable change of a map property (title, description, ...)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from journeymapper.model.document import JourneyMap


class SetMeta(QUndoCommand):
    """Set one of the map's properties (see model.document.META_KEYS)."""

    def __init__(self, doc: JourneyMap, key: str, value: Any,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Edit map {key.replace('_', ' ')}", parent)
        self.doc, self.key, self.new = doc, key, value
        self.old = doc.meta.get(key)

    def redo(self) -> None:
        self.doc.set_meta(self.key, self.new)

    def undo(self) -> None:
        self.doc.set_meta(self.key, self.old)
