"""Undoable survey-score changes: a whole import, renaming a wave, deleting one.

An import is one undo step: its scores, its wave and its quote cards go in
together and come out together, and undo puts back exactly the scores and
wave list that were there before (re-importing a wave replaces scores).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.commands.base import DocCommand, translate
from journeymapper.io.survey.plan import ImportResult, redate
from journeymapper.model.document import JourneyMap
from journeymapper.model.scores import Score, Wave


class ImportScores(DocCommand):
    """Put an import's scores, wave and quote cards into the map."""

    def __init__(self, doc: JourneyMap, result: ImportResult,
                 parent: QUndoCommand | None = None) -> None:
        wave = result.waves[0].label if result.waves else ""
        text = translate("Commands", "Import survey into wave {wave}").format(wave=wave)
        super().__init__(doc, text, parent)
        self.scores, self.waves = list(result.scores), list(result.waves)
        self.cards = list(result.cards)
        self._old_waves: tuple[Wave, ...] = ()
        self._replaced: list[Score] = []

    def do(self) -> None:
        self._old_waves = self.doc.waves
        self._replaced = self.doc.put_scores(self.scores, self.waves)
        redate(self.doc, self.waves)  # a wave the map knew, dated as the import says
        for card in self.cards:
            self.doc.insert_element(card)

    def revert(self) -> None:
        for card in reversed(self.cards):
            self.doc.remove_element(card.id)
        self.doc.remove_scores([s.key for s in self.scores])
        if self._replaced:
            self.doc.put_scores(self._replaced)
        self.doc.set_waves(self._old_waves)


class RenameWave(DocCommand):
    def __init__(self, doc: JourneyMap, old: str, new: str,
                 parent: QUndoCommand | None = None) -> None:
        text = translate("Commands", "Rename wave {old} to {new}").format(old=old, new=new)
        super().__init__(doc, text, parent)
        self.old, self.new = old, new

    def do(self) -> None:
        self.doc.rename_wave(self.old, self.new)

    def revert(self) -> None:
        self.doc.rename_wave(self.new, self.old)


class DeleteWave(DocCommand):
    """Remove a wave and its scores; undo restores both and the wave's place."""

    def __init__(self, doc: JourneyMap, label: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, translate("Commands", "Delete wave {wave}").format(wave=label), parent)
        self.label = label
        self._old_waves: tuple[Wave, ...] = ()
        self._removed: list[Score] = []

    def do(self) -> None:
        self._old_waves = self.doc.waves
        self._removed = self.doc.scores(wave=self.label)
        self.doc.set_waves([w for w in self._old_waves if w.label != self.label])

    def revert(self) -> None:
        self.doc.set_waves(self._old_waves)
        self.doc.put_scores([s for s in self._removed if s.stage in self.doc.stage_order
                             and (s.touchpoint is None or s.touchpoint in self.doc)])
