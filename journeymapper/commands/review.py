"""Undoable review steps: marking a review, moving an action to another status."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import DocCommand, card_name, translate
from journeymapper.io.reviews import mark_review
from journeymapper.model.document import JourneyMap
from journeymapper.model.reviews import SECTION
from journeymapper.words import status_label


class MarkReview(DocCommand):
    """Record a review (date, who, note) with the map as it is now as its
    baseline; undo puts the review records back as they were."""

    def __init__(self, doc: JourneyMap, date: str, by: str, note: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Mark review of {date}").format(date=date),
                         parent)
        self.date, self.by, self.note = date, by, note
        self.key = ""
        self._before: dict[str, Any] = {}
        self._after: dict[str, Any] | None = None

    def do(self) -> None:
        self._before = dict(self.doc.records(SECTION))
        if self._after is None:  # the first run marks; a redo puts back the same records
            self.key = mark_review(self.doc, self.date, self.by, self.note)
            self._after = dict(self.doc.records(SECTION))
        else:
            self._put(self._after)

    def revert(self) -> None:
        self._put(self._before)

    def _put(self, records: dict[str, Any]) -> None:
        for key in list(self.doc.records(SECTION)):
            if key not in records:
                self.doc.drop_record(SECTION, key)
        for key, value in records.items():
            self.doc.put_record(SECTION, key, value)


class SetStatus(DocCommand):
    """Move an action (an opportunity) to another status: one board drag."""

    def __init__(self, doc: JourneyMap, element_id: str, status: str,
                 parent: QUndoCommand | None = None) -> None:
        element = doc.element(element_id)
        super().__init__(doc, translate("Commands", "Move {card} to {status}").format(
            card=card_name(element), status=status_label(status)), parent)
        self.element_id, self.status = element_id, status
        self.old = ""

    def do(self) -> None:
        self.old = str(self.doc.element(self.element_id).fields.get("status", "idea"))
        self.doc.set_field(self.element_id, "status", self.status)

    def revert(self) -> None:
        self.doc.set_field(self.element_id, "status", self.old)
