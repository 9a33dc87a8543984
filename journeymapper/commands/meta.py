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
