"""Comparing the map on the canvas with another version of it.

A :class:`CompareController` sits beside the scene: ``enter(old, label)``
diffs the old map against the scene's document (model/diff.py), puts one
:class:`CompareOverlay` on the scene and keeps it current while the map is
edited (the diff is made again shortly after each change set); ``leave()``
takes it away. The scene itself knows nothing of comparisons: the overlay is
one more item, placed from the layout the scene already keeps.

Signals: ``changed(MapDiff | None)`` after entering, each refresh and leaving.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from journeymapper.canvas.items.compare import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    CompareOverlay,
    Mark,
)
from journeymapper.layout.geometry import CARD_W, PAD, MapLayout, layout_map
from journeymapper.layout.palette import kind_fill
from journeymapper.model.diff import MapDiff, diff
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element

REFRESH_MS = 250
GHOST_H = 24.0  # a removed card: a one-line strip

translate = QCoreApplication.translate


class CompareController(QObject):
    """Shows the differences between ``old`` and the scene's map (see the module docstring)."""

    changed = Signal(object)

    def __init__(self, scene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.old: JourneyMap | None = None
        self.label = ""
        self.diff: MapDiff | None = None
        self.overlay: CompareOverlay | None = None
        self._doc: JourneyMap | None = None
        self._old_layout: MapLayout | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def active(self) -> bool:
        return self.old is not None

    def enter(self, old: JourneyMap, label: str) -> MapDiff:
        """Compare the scene's map with ``old`` (what it was), labelled ``label``."""
        self.leave()
        self.old, self.label = old, label
        self._doc = self.scene.doc
        self._old_layout = None
        self.overlay = CompareOverlay(self.scene.theme)
        self.scene.addItem(self.overlay)
        if self._doc is not None:
            self._doc.changes.connect(self._on_changes)
        return self.refresh()

    def leave(self) -> None:
        if self.old is None:
            return
        self._timer.stop()
        if self._doc is not None:
            self._doc.changes.disconnect(self._on_changes)
        if self.overlay is not None and self.overlay.scene() is self.scene:
            self.scene.removeItem(self.overlay)
        self.old = self._doc = self.diff = self.overlay = self._old_layout = None
        self.label = ""
        self.changed.emit(None)

    def _on_changes(self, _changes) -> None:
        self._timer.start()

    def refresh(self) -> MapDiff:
        """Diff again and redraw the marks (after an edit made during the comparison)."""
        assert self.old is not None and self.overlay is not None
        doc = self.scene.doc
        if doc is None or doc is not self._doc:
            self.leave()
            return MapDiff(JourneyMap(), JourneyMap())
        self.diff = diff(self.old, doc)
        self.overlay.set_theme(self.scene.theme)
        self.overlay.set_marks(self.marks(self.diff))
        self.changed.emit(self.diff)
        return self.diff

    # ------------------------------------------------------------ marks
    def marks(self, d: MapDiff) -> list[Mark]:
        geo = self.scene.live.geo
        out: list[Mark] = []
        moved = {m.id: m for m in d.moved}
        changed = {c.id for c in d.changed}
        new_tag = translate("CompareController", "NEW")
        changed_tag = translate("CompareController", "CHANGED")
        moved_from = translate("CompareController", "MOVED from {place}")
        for element in d.added:
            if element.id in geo.cards:
                out.append(Mark(ADDED, element.id, geo.cards[element.id], new_tag))
        for element_id in changed | set(moved):
            if element_id not in geo.cards:
                continue
            tags = [changed_tag] if element_id in changed else []
            if element_id in moved:
                tags.append(moved_from.format(place=self._place(moved[element_id].old)))
            out.append(Mark(MOVED if element_id in moved else CHANGED, element_id,
                            geo.cards[element_id], ", ".join(tags)))
        headers = geo.stage_headers
        out += [Mark(ADDED, s.id, headers[s.id], new_tag) for s in d.stages_added
                if s.id in headers]
        renamed = translate("CompareController", "RENAMED from {name}")
        for change in [*d.stages_renamed, *d.stages_changed]:
            if change.id in headers:
                tag = renamed.format(name=change.old.text) if "text" in change.fields \
                    else changed_tag
                out.append(Mark(CHANGED, change.id, headers[change.id], tag))
        moved_tag = translate("CompareController", "MOVED")
        out += [Mark(MOVED, s.id, headers[s.id], moved_tag) for s in d.stages_reordered
                if s.id in headers]
        stacked: dict[tuple, float] = {}
        removed_tag = translate("CompareController", "REMOVED")
        for element in d.removed:
            rect = self.ghost_rect(element, geo, stacked)
            if rect is not None:
                out.append(Mark(REMOVED, element.id, rect, removed_tag, element.text,
                                kind_fill(element.kind, self.scene.dark)))
        return out

    def _place(self, element: Element) -> str:
        p = element.placement
        if p is None or p.stage is None or self.old is None or p.stage not in self.old:
            return translate("CompareController", "the persona strip")
        return self.old.element(p.stage).text

    def ghost_rect(self, element: Element, new: MapLayout, stacked: dict[tuple, float]):
        """Where a removed card is drawn: a one-line strip under the last card of
        its cell when the cell is still there (the cards of a cell close up
        when one goes, so its old place is a live card's now), stacked when
        several went; else where it was on the old map. ``stacked`` keeps the
        next free top of each cell."""
        p = element.placement
        if p is None:
            return None
        doc = self.scene.doc
        if p.stage is not None and p.stage in new.columns and p.lane in new.lanes \
                and doc is not None:
            x, y, _, _ = new.cell_rect(p.stage, p.lane)
            top = stacked.get(p.cell)
            if top is None:
                bottoms = [new.cards[e.id][1] + new.cards[e.id][3]
                           for e in doc.cell(p.stage, p.lane) if e.id in new.cards]
                top = max(bottoms) + 6 if bottoms else y + PAD
            stacked[p.cell] = top + GHOST_H + 4
            return (x + PAD, top, CARD_W, GHOST_H)
        if self._old_layout is None and self.old is not None:
            self._old_layout = layout_map(self.old)
        rect = self._old_layout.cards.get(element.id) if self._old_layout else None
        return None if rect is None else (rect[0], rect[1], rect[2], GHOST_H)

    def rect_of(self, element_id: str):
        """The scene rect of a change (a card, a stage header or a ghost), or None."""
        if self.overlay is None:
            return None
        marks = self.overlay.marks_of(element_id)
        return marks[0].rect if marks else None
