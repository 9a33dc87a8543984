"""MapScene: the journey map as a QGraphicsScene.

The scene observes a JourneyMap: ``set_document`` builds one item per
element, lane and link once, then keeps them current from the document's
change sets only, moving existing items (the touched cells are laid out
again once per change set, see LiveLayout). What the user does on the
canvas goes to the map editor beside it (``scene.editor``, canvas/editing.py),
which turns it into undo commands; no item writes the model. The scene is
the editor's CanvasHost (canvas/host.py).

Signals: ``selection_ids_changed(list)`` with the selected element ids,
``message(str)`` for the status bar (e.g. why a link was refused),
``current_cell_changed(object)`` with the (stage, lane) where the keyboard
is (marked on the canvas: N types a new card there), or None;
``followed()`` once the items have caught up with a change set.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QPainter, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from journeymapper.canvas import follow
from journeymapper.canvas import style as st
from journeymapper.canvas.editing import MapEditor
from journeymapper.canvas.items.cards import BaseCardItem, EmotionItem, item_class
from journeymapper.canvas.items.emotion import EmotionCurveItem
from journeymapper.canvas.items.headers import LaneHeaderItem, StageHeaderItem
from journeymapper.canvas.items.linklayer import LinkLayer, Route
from journeymapper.canvas.items.links import StageLinkItem
from journeymapper.canvas.items.overlays import CellMarker
from journeymapper.canvas.items.overview import OverviewItem
from journeymapper.canvas.linkrouting import LinkRoutingMixin
from journeymapper.canvas.livelayout import LiveLayout
from journeymapper.layout import geometry as g
from journeymapper.layout.badges import stage_badges
from journeymapper.model import events as ev
from journeymapper.model.analysis import persona_elements
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.model.errors import JourneyError
from journeymapper.model.links import Link, LinkKind

MARGIN = 40.0
OVERVIEW_ITEMS = 400  # maps with fewer cards never need the overview


def ask_first(text: str) -> bool:
    """The default ``MapScene.confirm``: a Yes/No box over the active window."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    answer = QMessageBox.question(QApplication.activeWindow(), "journeymapper", text)
    return answer == QMessageBox.StandardButton.Yes


def _weak(method):
    """A document listener or Qt slot that neither keeps the scene alive nor
    calls into one being freed: the document holding the scene and the scene
    the document would be a cycle, a QGraphicsScene freed by the cycle
    collector can crash the process, and an item destroyed with the scene's
    Python object (a selected card) makes Qt emit selectionChanged to a
    receiver that is already gone."""
    ref = weakref.WeakMethod(method)

    def call(*args) -> None:
        bound = ref()
        if bound is not None and shiboken6.isValid(bound.__self__):
            bound(*args)

    return call


class MapScene(LinkRoutingMixin, QGraphicsScene):
    """The canvas of one journey map (see the module docstring)."""

    selection_ids_changed = Signal(list)
    message = Signal(str)
    current_cell_changed = Signal(object)
    #: the items have caught up with a change set of the document
    followed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: JourneyMap | None = None
        self.stack: QUndoStack | None = None
        self.dark = st.system_is_dark()  # the window keeps it in step with the system
        self.theme = st.theme(self.dark)
        self.live: LiveLayout | None = None
        self.cards: dict[str, BaseCardItem] = {}
        self.stages: dict[str, StageHeaderItem] = {}
        self.lane_items: dict[str, LaneHeaderItem] = {}
        #: drawn links: a Route in the link layer, or a StageLinkItem above the headers
        self.links: dict[tuple[str, str], Route | StageLinkItem] = {}
        self.curves: dict[str, EmotionCurveItem] = {}
        self.link_layer = LinkLayer(self.theme)
        self.overview = OverviewItem()
        self.cell_marker = CellMarker(self.theme)
        self._current_cell: tuple[str, str] | None = None
        for item in (self.link_layer, self.overview, self.cell_marker):
            self.addItem(item)
        self.overview_on = False
        #: cards selected when the overview hid them (hidden items cannot stay selected)
        self.kept_selection: list[str] = []
        self.persona_filter: str | None = None
        self.highlighted: set[str] = set()
        #: asks before a removal that takes cards with it; tests replace it
        self.confirm: Callable[[str], bool] = ask_first
        #: cards dropped into lanes of other kinds ({id: the lane's kind}): do they take
        #: those kinds? (the window asks once; a bare canvas keeps the kinds)
        self.kind_follows_lane: Callable[[dict], bool] = lambda retyped: False
        self._pending_routes: list[tuple[str, str]] = []
        self._listener = _weak(self._on_changes)
        self.editor = MapEditor(self)
        self.selectionChanged.connect(_weak(self.emit_selection))

    # ------------------------------------------------------------ document
    def set_document(self, doc: JourneyMap, undo_stack: QUndoStack) -> None:
        """Show ``doc``; gestures push commands on ``undo_stack``."""
        self.clear_document()
        self.doc, self.stack = doc, undo_stack
        self.live = LiveLayout(doc)
        self.blockSignals(True)
        for stage in doc.stages():
            self._add_stage_item(stage)
        for lane in doc.lanes:
            self._add_lane_item(lane)
        lane_kinds = {lane.id: lane.kind for lane in doc.lanes}
        for element in doc.elements():
            if element.kind is not Kind.STAGE:
                self._add_card_item(element, lane_kinds)
        for link in doc.links():
            self._add_link_item(link)
        self.blockSignals(False)
        self.place_all(cards=False)
        doc.changes.connect(self._listener)
        self.current_cell = self.default_cell()

    def clear_document(self) -> None:
        """Stop observing the document and drop its items."""
        self.editor.cancel_gesture()
        self.editor.cancel_editing()
        if self.doc is not None:
            self.doc.changes.disconnect(self._listener)
        for key in list(self.links):
            self._remove_link(key)
        for group in (self.cards, self.stages, self.lane_items, self.curves):
            for item in group.values():
                self.removeItem(item)
            group.clear()
        self.doc, self.stack, self.live = None, None, None
        self._pending_routes = []
        self.highlighted.clear()
        self.persona_filter = None
        self.current_cell = None
        self.overview.invalidate()

    @property
    def current_cell(self) -> tuple[str, str] | None:
        """The (stage, lane) cell the keyboard works in (N adds a card there)."""
        return self._current_cell

    @current_cell.setter
    def current_cell(self, cell: tuple[str, str] | None) -> None:
        if cell != self._current_cell:
            self._current_cell = cell
            self._mark_cell()
            self.current_cell_changed.emit(cell)

    def _mark_cell(self) -> None:
        cell, live = self._current_cell, self.live
        if cell is None or live is None or cell[0] not in live.geo.columns \
                or cell[1] not in live.geo.lanes:
            self.cell_marker.show_rect(None)
        else:
            self.cell_marker.show_rect(QRectF(*live.geo.cell_rect(*cell)))

    def push(self, command: QUndoCommand) -> bool:
        """Run a command through the undo stack (the one way gestures change the
        map); a change the model refuses is said in the status bar instead."""
        assert self.stack is not None
        try:
            self.stack.push(command)
        except JourneyError as exc:
            self.say(str(exc))
            return False
        return True

    def say(self, text: str) -> None:
        """A line for the status bar."""
        self.message.emit(text)

    # ------------------------------------------------------------ lookups
    def item_for(self, element_id: str) -> QGraphicsItem | None:
        return self.cards.get(element_id) or self.stages.get(element_id) \
            or self.lane_items.get(element_id)

    @staticmethod
    def id_for(item: QGraphicsItem | None) -> str | None:
        if isinstance(item, (BaseCardItem, StageHeaderItem)):
            return item.element_id
        if isinstance(item, LaneHeaderItem):
            return item.lane_id
        return None

    def selected_ids(self) -> list[str]:
        """Selected cards and stages, in a stable order (map order)."""
        ids = [self.id_for(i) for i in self.selectedItems()
               if isinstance(i, (BaseCardItem, StageHeaderItem))]
        if self.overview_on:
            ids += [i for i in self.kept_selection if i in self.cards]
        return sorted({i for i in ids if i is not None})

    def selected_links(self) -> list[Link]:
        chosen = [self.links[k].link for k in sorted(self.link_layer.selected) if k in self.links]
        return chosen + [i.link for i in self.selectedItems() if isinstance(i, StageLinkItem)]

    def selected_lane(self) -> str | None:
        lanes = [i.lane_id for i in self.selectedItems() if isinstance(i, LaneHeaderItem)]
        return lanes[0] if lanes else None

    def select_ids(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        self.kept_selection = [i for i in wanted if i in self.cards] if self.overview_on else []
        self.overview.update()
        self.clearSelection()
        for i in wanted:
            item = self.item_for(i)
            if item is not None:
                item.setSelected(True)
        self.blockSignals(False)
        self.emit_selection()

    def select_area(self, rect: QRectF) -> None:
        """Select the cards whose place meets ``rect`` (the overview's rubber band:
        its cards are hidden, so Qt's own band cannot select them)."""
        if self.live is None:
            return
        cards = self.live.geo.cards
        self.select_ids(i for i in self.cards
                        if i in cards and rect.intersects(QRectF(*cards[i])))

    def emit_selection(self) -> None:
        ids = self.selected_ids()
        if self.selectedItems():
            self.link_layer.select(set())
        cards = [i for i in ids if i in self.cards]
        if cards and self.doc is not None:
            p = self.doc.element(cards[0]).placement
            if p is not None and p.stage is not None:
                self.current_cell = (p.stage, p.lane)
        self.selection_ids_changed.emit(ids)

    def map_rect(self) -> QRectF:
        """The map's area, with room for stage arcs above the headers (the
        layout leaves that band below the persona strip when there is one)."""
        if self.live is None:
            return QRectF()
        geo = self.live.geo
        top = 0.0 if geo.strip is not None else g.ARC_ROOM
        return QRectF(-MARGIN, -top, geo.width + 2 * MARGIN, geo.height + top + MARGIN)

    # ------------------------------------------------------------ look
    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.theme = st.theme(dark)
        for group in (self.cards, self.stages, self.lane_items, self.curves):
            for item in group.values():
                item.set_theme(self.theme)
        for link_item in self.links.values():
            if isinstance(link_item, StageLinkItem):
                link_item.set_theme(self.theme)
        self.link_layer.set_theme(self.theme)
        self.cell_marker.set_theme(self.theme)
        self.overview.invalidate()
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)
        for view in self.views():
            view.resetCachedContent()
            view.viewport().update()

    def highlight_ids(self, ids: Iterable[str]) -> None:
        """Mark find results (an empty list clears the marks)."""
        new = set(ids)
        for i in self.highlighted ^ new:
            item = self.cards.get(i) or self.stages.get(i)
            if item is not None:
                item.set_highlighted(i in new)
        self.highlighted = new

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Dim the cards the persona does not walk (None shows everyone's)."""
        self.persona_filter = persona_id
        self._apply_persona_filter()

    def _apply_persona_filter(self) -> None:
        if self.doc is None:
            return
        keep = None
        if self.persona_filter is not None and self.persona_filter in self.doc:
            keep = persona_elements(self.doc, self.persona_filter)
        for element_id, item in self.cards.items():
            item.setOpacity(1.0 if keep is None or element_id in keep else 0.18)

    def set_overview(self, on: bool) -> None:
        """Zoomed far out: paint every card and link in one batched item."""
        on = on and len(self.cards) >= OVERVIEW_ITEMS
        if on == self.overview_on:
            return
        kept = self.selected_ids()
        self.overview_on = on
        # hiding a card deselects it: the selection is kept aside instead, and
        # the panels are not told about a change the user did not make
        self.blockSignals(True)
        self.kept_selection = [i for i in kept if i in self.cards] if on else []
        for item in self.cards.values():  # top-level items: a parent would defeat culling
            item.setVisible(not on)
            if not on and item.element_id in kept:
                item.setSelected(True)
        self.blockSignals(False)
        self.link_layer.setVisible(not on)
        self.overview.setVisible(on)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        painter.fillRect(rect, self.theme["background"])
        if self.live is None:
            return
        geo = self.live.geo
        for n, (_, ly, lw, lh) in enumerate(geo.lanes.values()):
            band = QRectF(0, ly, lw, lh)
            if band.intersects(rect):
                painter.fillRect(band, self.theme["lane_band" if n % 2 == 0 else "lane_band_alt"])
        if geo.strip is not None:
            painter.fillRect(QRectF(*geo.strip), self.theme["lane_header"])
        grid = self.theme["grid"]
        painter.setPen(grid)
        bottom = geo.height
        for cx, cy, _, _ in geo.columns.values():
            painter.drawLine(QPointF(cx, cy), QPointF(cx, bottom))
        for _, ly, lw, _ in geo.lanes.values():
            painter.drawLine(QPointF(0, ly), QPointF(lw, ly))
        painter.drawLine(QPointF(0, bottom), QPointF(geo.width, bottom))

    # ------------------------------------------------------------ items
    def _add_stage_item(self, stage: Element) -> None:
        assert self.doc is not None
        item = StageHeaderItem(stage, self.theme)
        item.set_badges(stage_badges(self.doc, stage.id).get(stage.id, []))
        self.stages[stage.id] = item
        self.addItem(item)

    def _add_lane_item(self, lane) -> None:
        item = LaneHeaderItem(lane, self.theme)
        self.lane_items[lane.id] = item
        self.addItem(item)
        if lane.kind is Kind.EMOTION:
            curve = EmotionCurveItem(self.theme)
            self.curves[lane.id] = curve
            self.addItem(curve)

    def _add_card_item(self, element: Element, lane_kinds: dict[str, Kind] | None = None) -> None:
        """An item for a card (``lane_kinds``: each lane's kind, when many are added)."""
        assert self.doc is not None
        element_id = element.id
        p = element.placement
        assert p is not None
        if lane_kinds is None:
            lane_kinds = {p.lane: self.doc.lane(p.lane).kind} if self.doc.has_lane(p.lane) else {}
        lane_kind = lane_kinds.get(p.lane, element.kind)
        cls = item_class(element.kind, lane_kind, p.stage is None)
        item = cls(element, self.theme)
        if self.overview_on:
            item.setVisible(False)
        rect = self.live.rect(element_id) if self.live is not None else None
        if rect is not None:  # placed before it is in the scene: cheaper than after
            item.set_geometry(*rect)
        self.addItem(item)
        if element_id in self.highlighted:
            item.set_highlighted(True)
        self.cards[element_id] = item

    def _drawn(self, link: Link) -> bool:
        """Persona 'walks' links are shown by the persona filter, not as arrows."""
        return link.kind is not LinkKind.WALKS

    def _add_link_item(self, link: Link) -> None:
        if not self._drawn(link):
            return
        if link.kind is LinkKind.LEADS_TO:
            item = StageLinkItem(link, self.theme)
            self.addItem(item)
            self.links[(link.source, link.target)] = item
        else:
            self.links[(link.source, link.target)] = self.link_layer.add(link)

    def _remove_link(self, key: tuple[str, str]) -> None:
        item = self.links.pop(key, None)
        if isinstance(item, StageLinkItem):
            item.setSelected(False)
            self.removeItem(item)
        elif item is not None:
            self.link_layer.remove(key)

    def _remove_item(self, group: dict, key) -> None:
        item = group.pop(key, None)
        if item is not None:
            if item.isSelected():
                item.setSelected(False)
            self.removeItem(item)

    # ------------------------------------------------------------ placing
    def place_all(self, cards: bool = True) -> None:
        """Put every item where the layout says (after a full layout; ``cards=False``:
        the cards are already there, placed as their items were made)."""
        assert self.live is not None and self.doc is not None
        geo = self.live.geo
        for stage_id, item in self.stages.items():
            item.set_geometry(*geo.stage_headers[stage_id])
        for lane_id, item in self.lane_items.items():
            item.set_geometry(*geo.lane_headers[lane_id])
        if cards:
            for element_id, item in self.cards.items():
                item.set_geometry(*geo.cards[element_id])
        for lane_id, curve in self.curves.items():
            curve.set_lane(QRectF(*geo.lanes[lane_id]).adjusted(150, 0, 0, 0))
            curve.set_points(self.curve_points(lane_id))
        self.link_layer.set_bounds(self.map_rect())
        with self.link_layer.batch():
            self._route_all()
        self.setSceneRect(self.map_rect())
        self._mark_cell()
        self.overview.invalidate()
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def curve_points(self, lane_id: str) -> dict[str, tuple[float, float]]:
        assert self.doc is not None and self.live is not None
        points = self.live.geo.emotion_points
        return {e.id: points[e.id] for stage in self.doc.stage_order
                for e in self.doc.cell(stage, lane_id) if e.id in points}

    def _place_cards(self, ids: Iterable[str]) -> None:
        """Move the items of ``ids`` to their layout rects and re-route their links."""
        assert self.live is not None and self.doc is not None
        placed: list[str] = []
        curves: set[str] = set()
        for element_id in ids:
            item = self.cards.get(element_id)
            rect = self.live.rect(element_id)
            if item is None or rect is None:
                continue
            item.set_geometry(*rect)
            placed.append(element_id)
            if isinstance(item, EmotionItem):
                curves.add(self.doc.element(element_id).placement.lane)
        self.route_links_of(placed)
        for lane_id in curves:
            if lane_id in self.curves:
                self.curves[lane_id].set_points(self.curve_points(lane_id))
        self._mark_cell()
        self.overview.invalidate()

    # ------------------------------------------------------------ events
    def _on_changes(self, changes: ev.ChangeSet) -> None:
        follow.on_changes(self, changes)
        self.followed.emit()

    # ------------------------------------------------------------ input: the editor's
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.editor.mouse_press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.editor.mouse_move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.editor.mouse_release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.editor.mouse_double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.focusItem() is None and self.editor.key_press(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return self.editor.focus_next(next)

    # ------------------------------------------------------------ helpers
    def default_cell(self) -> tuple[str, str] | None:
        if self.doc is None or not self.doc.stage_order or not self.doc.lanes:
            return None
        lanes = [ln for ln in self.doc.lanes if ln.kind is not Kind.PERSONA] or list(self.doc.lanes)
        return (self.doc.stage_order[0], lanes[0].id)

