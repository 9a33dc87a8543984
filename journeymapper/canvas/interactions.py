"""Mouse gestures on the map, each turned into one undo command on release.

A gesture (drag cards, draw a link, drag an emotion point, reorder a stage
or a lane) lives from press to release; Esc cancels it and puts the items
back. Items never change the model: only ``finish`` pushes a command.
:class:`MouseGestures` (owned by the map editor) turns the canvas's mouse
events into gestures; both see the canvas as a
:class:`~journeymapper.canvas.host.CanvasHost`.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
)

from journeymapper.canvas.dropplan import plan_drop
from journeymapper.canvas.host import CanvasHost
from journeymapper.canvas.items.cards import BaseCardItem, EmotionItem
from journeymapper.canvas.items.headers import LaneHeaderItem, StageHeaderItem
from journeymapper.commands import AddLink, MoveCards, MoveLane, MoveStage, SetField, link_refusal
from journeymapper.commands.capture import MoveAndRetype, retyped
from journeymapper.layout import geometry as g
from journeymapper.words import link_label

DRAG_START = 5.0


translate = QCoreApplication.translate


class Gesture:
    """One press-drag-release; subclasses move items and push one command."""

    def __init__(self, scene: CanvasHost, item: QGraphicsItem, pos: QPointF) -> None:
        self.scene, self.item, self.start = scene, item, QPointF(pos)
        self.dragging = False

    def move(self, pos: QPointF) -> None:
        if not self.dragging and QLineF(self.start, pos).length() < DRAG_START:
            return
        self.dragging = True
        self.drag(pos)

    def drag(self, pos: QPointF) -> None: ...

    def finish(self, pos: QPointF) -> None: ...

    def cancel(self) -> None: ...


class CardDrag(Gesture):
    """Drag the selected cards; they snap into the cell under the mouse."""

    def __init__(self, scene, item: BaseCardItem, pos: QPointF) -> None:
        super().__init__(scene, item, pos)
        self.items = [i for i in scene.selectedItems() if isinstance(i, BaseCardItem)] or [item]
        if item not in self.items:
            self.items.append(item)
        self.origins = {i: QPointF(i.pos()) for i in self.items}
        self.marker = QGraphicsRectItem()
        self.marker.setZValue(3)
        self.marker.setPen(QPen(scene.theme["selection"], 2, Qt.PenStyle.DashLine))
        self.marker.setVisible(False)
        scene.addItem(self.marker)

    def drag(self, pos: QPointF) -> None:
        delta = pos - self.start
        for i in self.items:
            i.setPos(self.origins[i] + delta)
            i.setZValue(40)
        target = self.target()
        self.marker.setVisible(target is not None)
        if target is not None:
            self.marker.setRect(QRectF(*self.scene.live.geo.cell_rect(*target)).adjusted(3, 3, -3, -3))
        self.follow(target[0] if target is not None else None)

    def follow(self, stage: str | None) -> None:
        """The links of the dragged cards follow them (routed from where they
        are now, through the column under the mouse)."""
        moving = {}
        for i in self.items:
            p = i.scenePos()
            moving[i.element_id] = ((p.x(), p.y(), i.w, i.h), stage)
        self.scene.route_links_of(moving, moving)

    def target(self) -> tuple[str, str] | None:
        centre = self.item.sceneBoundingRect().center()
        return self.scene.live.geo.cell_at(centre.x(), centre.y())

    def finish(self, pos: QPointF) -> None:
        self.marker.scene() and self.scene.removeItem(self.marker)
        target = self.target() if self.dragging else None
        ids = [i.element_id for i in self.items]
        moves = {}
        if target is not None:
            doc = self.scene.doc
            centre = self.item.sceneBoundingRect().center()
            others = [e.id for e in doc.cell(*target) if e.id not in ids]
            rects = [self.scene.live.rect(o) for o in others]
            at = sum(1 for r in rects if r is not None and r[1] + r[3] / 2 < centre.y())
            moves = plan_drop(doc, ids, self.item.element_id, target, at)
        if moves:
            self.scene.push(drop_command(self.scene, moves))
        self.put_back()

    def put_back(self) -> None:
        for i in self.items:
            i.setZValue(i.Z)
            rect = self.scene.live.rect(i.element_id) if i.scene() else None
            if rect is not None:
                i.setPos(rect[0], rect[1])
        if self.dragging and self.scene.doc is not None:
            self.scene.route_links_of([i.element_id for i in self.items])

    def cancel(self) -> None:
        if self.marker.scene():
            self.scene.removeItem(self.marker)
        self.put_back()


class LinkDrag(Gesture):
    """Drag from a card's link handle to another card (or a stage header)."""

    def __init__(self, scene, item: BaseCardItem, pos: QPointF) -> None:
        super().__init__(scene, item, pos)
        self.dragging = True
        self.line = QGraphicsPathItem()
        pen = QPen(scene.theme["selection"], 2.2, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(40)
        scene.addItem(self.line)
        self.hover: QGraphicsItem | None = None

    def drag(self, pos: QPointF) -> None:
        start = self.item.mapToScene(self.item.handle_centre())
        path = QPainterPath(start)
        mid = (start.x() + pos.x()) / 2
        path.cubicTo(QPointF(mid, start.y()), QPointF(mid, pos.y()), pos)
        self.line.setPath(path)
        target = self.target(pos)
        if target is not self.hover:
            for it in (self.hover, target):
                if it is not None and hasattr(it, "set_highlighted"):
                    it.set_highlighted(it is target)
            self.hover = target

    def target(self, pos: QPointF) -> QGraphicsItem | None:
        for it in self.scene.items(pos):
            if it is self.item or it is self.line:
                continue
            if isinstance(it, (BaseCardItem, StageHeaderItem)):
                return it
        return None

    def _clear(self) -> None:
        if self.hover is not None and hasattr(self.hover, "set_highlighted"):
            self.hover.set_highlighted(self.hover.element_id in self.scene.highlighted)
        if self.line.scene():
            self.scene.removeItem(self.line)

    def finish(self, pos: QPointF) -> None:
        target = self.target(pos)
        self._clear()
        if target is None:
            self.scene.say(translate("MouseGestures", "Drop the link on a card to connect it"))
            return
        link_or_explain(self.scene, self.item.element_id, target.element_id)

    def cancel(self) -> None:
        self._clear()


class EmotionDrag(Gesture):
    """Drag an emotion point up or down: the curve follows, release sets the score."""

    def __init__(self, scene, item: EmotionItem, pos: QPointF) -> None:
        super().__init__(scene, item, pos)
        self.origin = QPointF(item.pos())
        element = scene.doc.element(item.element_id)
        self.lane = element.placement.lane
        self.old_score = int(element.fields.get("score", 0))
        self.score = self.old_score

    def score_at(self, centre_y: float) -> int:
        _, ly, _, _ = self.scene.live.geo.lanes[self.lane]
        rng = max(1, int(self.scene.doc.settings.get("emotion_range", 2)))
        half = g.EMOTION_LANE_H / 2 - g.EMOTION_H / 2 - g.PAD / 2
        value = (ly + g.EMOTION_LANE_H / 2 - centre_y) / half * rng
        return max(-rng, min(rng, round(value)))

    def drag(self, pos: QPointF) -> None:
        _, ly, _, _ = self.scene.live.geo.lanes[self.lane]
        y = self.origin.y() + pos.y() - self.start.y()
        y = max(ly + 2, min(ly + g.EMOTION_LANE_H - self.item.h - 2, y))
        self.item.setPos(self.origin.x(), y)
        centre = (self.origin.x() + self.item.w / 2, y + self.item.h / 2)
        self.scene.curves[self.lane].move_point(self.item.element_id, centre)
        self.score = self.score_at(centre[1])
        self.item.preview_score(self.score)

    def finish(self, pos: QPointF) -> None:
        if self.dragging and self.score != self.old_score:
            self.scene.push(SetField(self.scene.doc, self.item.element_id, "score", self.score))
        else:
            self.cancel()

    def cancel(self) -> None:
        self.item.preview_score(self.old_score)
        self.item.setPos(self.origin)
        curve = self.scene.curves.get(self.lane)
        if curve is not None:
            curve.set_points(self.scene.curve_points(self.lane))


class HeaderDrag(Gesture):
    """Drag a stage header sideways (or a lane header up/down) to reorder."""

    def __init__(self, scene, item: QGraphicsItem, pos: QPointF) -> None:
        super().__init__(scene, item, pos)
        self.origin = QPointF(item.pos())
        self.stage = isinstance(item, StageHeaderItem)

    def drag(self, pos: QPointF) -> None:
        delta = pos - self.start
        if self.stage:
            self.item.setPos(self.origin.x() + delta.x(), self.origin.y())
        else:
            self.item.setPos(self.origin.x(), self.origin.y() + delta.y())
        self.item.setZValue(30)

    def index(self) -> int:
        centre = self.item.sceneBoundingRect().center()
        geo = self.scene.live.geo
        if self.stage:
            others = [s for s in self.scene.doc.stage_order if s != self.item.element_id]
            return sum(1 for s in others if geo.columns[s][0] + geo.columns[s][2] / 2 < centre.x())
        others = [ln.id for ln in self.scene.doc.lanes if ln.id != self.item.lane_id]
        return sum(1 for ln in others if geo.lanes[ln][1] + geo.lanes[ln][3] / 2 < centre.y())

    def finish(self, pos: QPointF) -> None:
        doc = self.scene.doc
        if self.dragging:
            index = self.index()
            if self.stage and doc.stage_order.index(self.item.element_id) != index:
                self.cancel()
                self.scene.push(MoveStage(doc, self.item.element_id, index))
                return
            lanes = [ln.id for ln in doc.lanes]
            if not self.stage and lanes.index(self.item.lane_id) != index:
                self.cancel()
                self.scene.push(MoveLane(doc, self.item.lane_id, index))
                return
        self.cancel()

    def cancel(self) -> None:
        self.item.setZValue(9)
        self.item.setPos(self.origin)


def drop_command(host: CanvasHost, moves: dict) -> MoveCards | MoveAndRetype:
    """The step a drop makes: the move, and when cards land in lanes of other
    kinds and ``host.kind_follows_lane`` agrees, their kinds follow the lanes."""
    assert host.doc is not None
    retype = retyped(host.doc, moves)
    if retype and host.kind_follows_lane(retype):
        return MoveAndRetype(host.doc, moves)
    return MoveCards(host.doc, moves)


def link_or_explain(scene: CanvasHost, source: str, target: str) -> bool:
    """Link ``source`` to ``target`` as one undo step, or say in the status bar why not."""
    assert scene.doc is not None
    reason = link_refusal(scene.doc, source, target)
    if reason:
        scene.say(reason)
        return False
    command = AddLink(scene.doc, source, target)
    if not scene.push(command) or command.link is None:
        return False
    scene.say(translate("MouseGestures", "Linked: {link}").format(
        link=link_sentence(scene.doc, command.link)))
    return True


def _short(doc, element_id: str) -> str:
    text = " ".join(doc.element(element_id).text.split())
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def link_sentence(doc, link) -> str:
    """'“Ads push…” occurs at “Search results…”'."""
    return translate("MouseGestures", "{source} {link} {target}").format(
        source=_short(doc, link.source), link=link_label(link.kind), target=_short(doc, link.target))


def describe_link(doc, link) -> str:
    """The link and what to do with it, for the status bar."""
    return translate("MouseGestures", "{link} — Delete removes the link").format(
        link=link_sentence(doc, link))


def _scale(event: QGraphicsSceneMouseEvent) -> float:
    """The zoom of the view the event came from (1.0 when unknown)."""
    widget = event.widget()
    view = widget.parentWidget() if widget is not None else None
    return view.transform().m11() if hasattr(view, "transform") else 1.0


class MouseGestures:
    """Mouse handling of a canvas: selection, then one gesture per drag.

    Each handler returns True when it used the event; otherwise the scene
    passes it on to QGraphicsScene (the rubber band, item hover)."""

    def __init__(self, host: CanvasHost) -> None:
        self._host = weakref.ref(host)  # the scene holds us: no cycle through a QGraphicsScene
        self.gesture: Gesture | None = None
        self._press_item: QGraphicsItem | None = None
        self._link_from: str | None = None  # Link to…: waiting for a click on the target

    @property
    def host(self) -> CanvasHost:
        host = self._host()
        assert host is not None, "the canvas of these gestures is gone"
        return host

    def start_link_pick(self, source: str) -> None:
        """Link to…: the next click on a card or stage header links ``source`` to it."""
        assert self.host.doc is not None
        self._link_from = source
        for view in self.host.views():
            view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.host.say(translate("MouseGestures",
                                "Click the card to link {card} to (Esc cancels)").format(
            card=_short(self.host.doc, source)))

    def _end_link_pick(self) -> str | None:
        source, self._link_from = self._link_from, None
        if source is not None:
            for view in self.host.views():
                view.viewport().unsetCursor()
        return source

    def hit(self, pos: QPointF) -> QGraphicsItem | None:
        for it in self.host.items(pos):
            if isinstance(it, (BaseCardItem, StageHeaderItem, LaneHeaderItem)):
                return it
            if it.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
                return it
        return None

    def cancel(self) -> bool:
        if self._end_link_pick() is not None:
            self.host.say(translate("MouseGestures", "Link cancelled"))
            return True
        if self.gesture is None:
            return False
        gesture, self.gesture = self.gesture, None
        gesture.cancel()
        return True

    def cancel_on(self, element_id: str) -> None:
        if self.gesture is not None and getattr(self.gesture.item, "element_id", None) == element_id:
            self.cancel()

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:  # noqa: C901 - one branch per target
        host = self.host
        if host.doc is None or host.live is None:
            return False
        pos = event.scenePos()
        cell = host.live.geo.cell_at(pos.x(), pos.y())
        if cell is not None:
            host.current_cell = cell
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        item = self.hit(pos)
        source = self._end_link_pick()
        if source is not None:
            event.accept()
            target = getattr(item, "element_id", None)
            if target is None or source not in host.doc:
                host.say(translate("MouseGestures",
                                   "Link cancelled: click a card or a stage header to link to"))
            else:
                link_or_explain(host, source, target)
            return True
        toggle = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                           | Qt.KeyboardModifier.ShiftModifier))
        if item is None:
            link = None if host.overview_on else \
                host.link_layer.link_at(pos, 5.0 / max(0.05, _scale(event)))  # hidden links
            if link is None:
                host.link_layer.select(set())
                if host.kept_selection and not toggle:  # a click on the overview deselects
                    host.kept_selection = []
                    host.overview.update()
                    host.emit_selection()
                return False  # empty: the view starts a rubber band
            if not toggle:
                host.clearSelection()
            host.link_layer.select(host.link_layer.selected ^ {link} if toggle else {link})
            host.say(describe_link(host.doc, host.links[link].link))
            event.accept()
            return True
        event.accept()
        if isinstance(item, BaseCardItem) and item.handle_contains(item.mapFromScene(pos)) \
                and not toggle:
            self.gesture = LinkDrag(host, item, pos)
            return True
        if toggle:
            item.setSelected(not item.isSelected())
            self._press_item = None
            return True
        if not item.isSelected():
            host.clearSelection()
            item.setSelected(True)
        self._press_item = item
        if isinstance(item, EmotionItem):
            self.gesture = EmotionDrag(host, item, pos)
        elif isinstance(item, BaseCardItem):
            self.gesture = CardDrag(host, item, pos)
        elif isinstance(item, (StageHeaderItem, LaneHeaderItem)):
            self.gesture = HeaderDrag(host, item, pos)
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.gesture is None:
            return False
        self.gesture.move(event.scenePos())
        event.accept()
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        gesture, self.gesture = self.gesture, None
        if gesture is None:
            return False
        event.accept()
        if not gesture.dragging and self._press_item is not None:
            # a plain click on one of several selected items selects just that one
            self.host.blockSignals(True)
            self.host.clearSelection()
            self.host.blockSignals(False)
            self._press_item.setSelected(True)
        gesture.finish(event.scenePos())
        self._press_item = None
        return True
