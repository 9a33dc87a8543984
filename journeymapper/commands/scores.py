"""Undoable survey-score changes: a whole import, renaming a wave, deleting one.

An import is one undo step: its scores, its wave and its quote cards go in
together and come out together, and undo puts back exactly the scores and
wave list that were there before (re-importing a wave replaces scores).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.io.survey.plan import ImportResult
from journeymapper.model.document import JourneyMap
from journeymapper.model.scores import Score, Wave


def _copies(scores: list[Score]) -> list[Score]:
    return [s.copy() for s in scores]


class ImportScores(QUndoCommand):
    """Put an import's scores, wave and quote cards into the map."""

    def __init__(self, doc: JourneyMap, result: ImportResult,
                 parent: QUndoCommand | None = None) -> None:
        wave = result.waves[0].label if result.waves else ""
        super().__init__(f"Import survey into wave {wave}", parent)
        self.doc = doc
        self.scores, self.waves = _copies(result.scores), list(result.waves)
        self.cards = [card.copy() for card in result.cards]
        self._old_waves: list[Wave] = []
        self._replaced: list[Score] = []

    def redo(self) -> None:
        self._old_waves = list(self.doc.waves)
        self._replaced = _copies(self.doc.put_scores(_copies(self.scores), self.waves))
        for card in self.cards:
            self.doc.insert_element(card.copy())

    def undo(self) -> None:
        for card in reversed(self.cards):
            self.doc.remove_element(card.id)
        self.doc.remove_scores([s.key for s in self.scores])
        if self._replaced:
            self.doc.put_scores(_copies(self._replaced))
        self.doc.set_waves(self._old_waves)


class RenameWave(QUndoCommand):
    def __init__(self, doc: JourneyMap, old: str, new: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Rename wave {old} to {new}", parent)
        self.doc, self.old, self.new = doc, old, new

    def redo(self) -> None:
        self.doc.rename_wave(self.old, self.new)

    def undo(self) -> None:
        self.doc.rename_wave(self.new, self.old)


class DeleteWave(QUndoCommand):
    """Remove a wave and its scores; undo restores both and the wave's place."""

    def __init__(self, doc: JourneyMap, label: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Delete wave {label}", parent)
        self.doc, self.label = doc, label
        self._old_waves: list[Wave] = []
        self._removed: list[Score] = []

    def redo(self) -> None:
        self._old_waves = list(self.doc.waves)
        self._removed = _copies(self.doc.scores(wave=self.label))
        self.doc.set_waves([w for w in self._old_waves if w.label != self.label])

    def undo(self) -> None:
        self.doc.set_waves(self._old_waves)
        self.doc.put_scores(_copies(self._removed))
