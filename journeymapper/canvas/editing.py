"""The map editor: what the user does on the canvas, turned into undo commands.

MapEditor lives beside the scene (``scene.editor``) and sees it only as a
:class:`~journeymapper.canvas.host.CanvasHost`. It handles the keyboard and
the clipboard (inline text editing, new cards, delete, duplicate, copy, cut,
paste, select all, undo/redo) and owns the mouse gestures
(:class:`~journeymapper.canvas.interactions.MouseGestures`); the scene hands
it its events.

Every change goes through one undo command. A card typed into an empty
slot is created only when the text is committed, so Esc leaves nothing
behind and the new card is a single undo step.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journeymapper.canvas import style as st
from journeymapper.canvas.editor import InlineEditor
from journeymapper.canvas.host import CanvasHost
from journeymapper.canvas.interactions import MouseGestures
from journeymapper.canvas.items.cards import BaseCardItem, EmotionItem
from journeymapper.collab.textmerge import merge_text
from journeymapper.commands import (
    MIME_TYPE,
    AddCard,
    PasteElements,
    RemoveElements,
    RemoveLane,
    RemoveLinks,
    SetField,
    UpdateLane,
    copy_payload,
    parse_payload,
    payload_bytes,
    payload_text,
    plan_paste,
)
from journeymapper.layout import geometry as g
from journeymapper.model.elements import Kind
from journeymapper.model.errors import JourneyError

MAX_TEXT_LINES = 200

#: the keys the canvas itself handles (MapEditor.key_press, the view, the gestures),
#: as Help > Keyboard Shortcuts lists them beside the menus' own shortcuts
CANVAS_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "N, Insert"),
     QT_TRANSLATE_NOOP("Shortcuts", "New card in the current cell (marked on the canvas)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Arrow keys"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move through the cells and their cards, empty cells included")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Enter, F2"),
     QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected card, stage or lane")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Enter / Shift+Enter"),
     QT_TRANSLATE_NOOP("Shortcuts", "While typing: commit / new line")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Tab, Shift+Tab"),
     QT_TRANSLATE_NOOP("Shortcuts", "While typing: commit and type in the next / previous cell")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Esc"),
     QT_TRANSLATE_NOOP("Shortcuts", "Cancel typing, a drag or a link; clear the selection")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Delete, Backspace"),
     QT_TRANSLATE_NOOP("Shortcuts", "Remove the selection")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Space + drag, middle button"),
     QT_TRANSLATE_NOOP("Shortcuts", "Pan")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl + wheel, pinch"), QT_TRANSLATE_NOOP("Shortcuts", "Zoom")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Double-click"),
     QT_TRANSLATE_NOOP("Shortcuts", "Edit a card, or type a new one in an empty spot")),
)


translate = QCoreApplication.translate


class MapEditor:
    """Keyboard, clipboard and mouse editing of one canvas (see the module docstring)."""

    def __init__(self, host: CanvasHost) -> None:
        # a weak reference: the scene holds the editor, and a QGraphicsScene freed by
        # the cycle collector can crash the process
        self._host = weakref.ref(host)
        self.gestures = MouseGestures(host)
        #: the inline text box while something is typed, else None
        self.text_box: InlineEditor | None = None
        self._edit_target: tuple = ()
        #: the field's text as the open editor last took it from the map
        self._edit_base = ""
        #: why an element's text may not be typed into now (a lock), or None;
        #: asked before the editor opens, so nothing typed is lost to a refusal
        self.refuse_edit: Callable[[str], str | None] = lambda element_id: None

    @property
    def host(self) -> CanvasHost:
        host = self._host()
        assert host is not None, "the canvas of this editor is gone"
        return host

    # ------------------------------------------------------------ inline editing
    def editing_id(self) -> str | None:
        """The element (or lane) whose text is being typed, if any."""
        if self._edit_target and self._edit_target[0] in ("field", "lane"):
            return self._edit_target[1]
        return None

    def start_editing(self, element_id: str | None) -> bool:
        """Edit a card's text, a stage's name or a lane's name in place."""
        host = self.host
        if host.doc is None or element_id is None:
            return False
        self.finish_editing()
        refusal = self.refuse_edit(element_id)
        if refusal:
            host.say(refusal)
            return False
        if element_id in host.lane_items:
            item = host.lane_items[element_id]
            rect = item.sceneBoundingRect().adjusted(6, 6, -8, 0)
            rect.setHeight(40)
            self._open_editor(("lane", element_id), rect, host.doc.lane(element_id).name,
                              st.LANE_PX, multiline=False)
            return True
        item = host.cards.get(element_id) or host.stages.get(element_id)
        if item is None:
            return False
        element = host.doc.element(element_id)
        rect = item.sceneBoundingRect()
        if isinstance(item, BaseCardItem):
            rect = QRectF(item.scenePos(), item.rect().size())
        multiline = element.kind is not Kind.STAGE
        if isinstance(item, EmotionItem):
            rect.setWidth(max(rect.width(), g.CARD_W))
            multiline = False
        self._open_editor(("field", element_id, "text"), rect, element.text,
                          st.HEADER_PX if element.kind is Kind.STAGE else st.CARD_PX, multiline)
        return True

    def start_new_card(self, stage: str, lane: str, kind: Kind | None = None) -> bool:
        """Open the editor on the next free slot of a cell; Enter creates the
        card, of ``kind`` or else of the lane's kind."""
        host = self.host
        if host.doc is None or host.live is None:
            return False
        self.finish_editing()
        host.current_cell = (stage, lane)
        emotional = host.doc.lane(lane).kind is Kind.EMOTION
        if not emotional and host.live.reserve((stage, lane)):
            host.place_all()  # the lane opens a slot: the editor covers no card
        x, y, _, h = host.live.geo.cell_rect(stage, lane)
        count = host.live.count((stage, lane))
        slot_y = y + g.PAD + count * (g.CARD_H + g.GAP)
        if emotional:
            slot_y = y + max(g.PAD, h / 2 - g.CARD_H / 2)
        rect = QRectF(x + g.PAD, slot_y, g.CARD_W, g.CARD_H)
        self._open_editor(("new", stage, lane, kind), rect, "", st.CARD_PX, True)
        return True

    def _open_editor(self, target: tuple, rect: QRectF, text: str, px: int,
                     multiline: bool) -> None:
        host = self.host
        self._edit_target = target
        self._edit_base = text
        self.text_box = InlineEditor(rect, text, px, host.theme, self._editor_done, multiline)
        host.addItem(self.text_box)
        for view in host.views():
            view.ensureVisible(rect, 40, 40)
            view.setFocus()
        host.setFocus()
        self.text_box.begin()

    def follow_text(self, element_id: str, field: str, text: str) -> None:
        """The map's ``field`` of ``element_id`` is now ``text`` (a colleague typed,
        an undo): an editor open on it shows the change among my own, so
        that committing applies only what I typed."""
        box, target = self.text_box, self._edit_target
        if box is None or target[:3] != ("field", element_id, field) \
                or text == self._edit_base:
            return
        box.rebase(merge_text(self._edit_base, box.text(), text))
        self._edit_base = text

    def finish_editing(self) -> None:
        """Commit an open editor (as if the user clicked elsewhere)."""
        if self.text_box is not None:
            self.text_box.finish("focus")

    def cancel_editing(self) -> None:
        if self.text_box is not None:
            self.text_box.finish("cancel")

    def is_editing(self) -> bool:
        return self.text_box is not None

    def _editor_done(self, text: str, how: str) -> None:
        host = self.host
        box, target = self.text_box, self._edit_target
        self.text_box, self._edit_target = None, ()
        if box is not None and box.scene() is host:
            box.clearFocus()
            host.removeItem(box)
        released = host.live is not None and host.live.reserve(None)
        doc = host.doc
        if how == "cancel" or doc is None:
            if released and doc is not None:
                host.place_all()
            return
        text = text.strip() if target[0] != "field" else text.rstrip()
        if target[0] == "new":
            _, stage, lane, kind = target
            still_there = stage in doc.stage_order and lane in host.lane_items
            if text and still_there:
                command = AddCard(doc, kind or doc.lane(lane).kind, stage, lane, text)
                if host.push(command):
                    host.select_ids([command.element_id])
            elif released:
                host.place_all()
        elif target[0] == "field":
            _, element_id, field = target
            element = doc.get(element_id)
            current = element.fields.get(field) if element is not None else None
            if isinstance(current, str) and current != self._edit_base:
                text = merge_text(self._edit_base, text, current)  # keep what came meanwhile
            if element is not None and current != text:
                if text or element.kind is not Kind.STAGE:
                    host.push(SetField(doc, element_id, field, text))
        elif target[0] == "lane":
            if text and target[1] in host.lane_items and text != doc.lane(target[1]).name:
                host.push(UpdateLane(doc, target[1], name=text))
        if how in ("tab", "backtab"):
            self._edit_next_cell(forward=how == "tab", target=target)

    def _edit_next_cell(self, forward: bool, target: tuple) -> None:
        """Tab: a new card in the next column of the lane (then the next lane)."""
        doc = self.host.doc
        assert doc is not None
        cell = self.host.current_cell
        if target and target[0] == "field" and target[1] in doc:
            p = doc.element(target[1]).placement
            if p is not None and p.stage is not None:
                cell = (p.stage, p.lane)
        if cell is None:
            return
        cells = [(s, ln.id) for ln in doc.lanes for s in doc.stage_order]
        if not cells:
            return
        index = cells.index(cell) if cell in cells else 0
        self.start_new_card(*cells[(index + (1 if forward else -1)) % len(cells)])

    # ------------------------------------------------------------ actions
    def new_card(self) -> bool:
        """A new card in the current cell, ready to type into."""
        cell = self.host.current_cell or self.host.default_cell()
        return cell is not None and self.start_new_card(*cell)

    def delete_selection(self) -> bool:
        """Remove the selected cards, stages, links or lane (asking first
        when a stage or lane would take cards with it)."""
        host = self.host
        doc = host.doc
        if doc is None or host.stack is None:
            return False
        lane = host.selected_lane()
        ids = host.selected_ids()
        if lane is not None and not ids:
            count = doc.cards_in_lane(lane)
            question = translate("MapEditor", "Remove lane “{name}” and its %n card(s)?", None,
                                 count).format(
                name=doc.lane(lane).name)
            if count and not host.confirm(question):
                return False
            return host.push(RemoveLane(doc, lane))
        links = host.selected_links()
        if not ids and links:
            return host.push(RemoveLinks(doc, links))
        if not ids:
            return False
        stages = [s for s in doc.stage_order if s in ids]  # named left to right
        held = sum(doc.cards_in_stage(s) for s in stages)
        if held:
            names = ", ".join(f"“{doc.element(s).text}”" for s in stages)
            if len(stages) == 1:
                question = translate("MapEditor", "Remove stage {names} and its %n card(s)?",
                                     None, held)
            else:
                question = translate("MapEditor", "Remove stages {names} and their %n card(s)?",
                                     None, held)
            if not host.confirm(question.format(names=names)):
                return False
        return host.push(RemoveElements(doc, ids))

    def _selected_cards(self) -> list[str]:
        return [i for i in self.host.selected_ids() if i in self.host.cards]

    def copy_selection(self) -> bool:
        """Put the selected cards (and links among them) on the clipboard."""
        doc = self.host.doc
        ids = self._selected_cards()
        if doc is None or not ids:
            return False
        data = QMimeData()
        data.setData(MIME_TYPE, payload_bytes(copy_payload(doc, ids)))
        data.setText(payload_text(doc, ids))
        QGuiApplication.clipboard().setMimeData(data)
        copied = len(ids)
        self.host.say(translate("MapEditor", "Copied %n card(s)", None, copied))
        return True

    def cut_selection(self) -> bool:
        if not self.copy_selection():
            return False
        assert self.host.doc is not None
        return self.host.push(RemoveElements(self.host.doc, self._selected_cards()))

    def paste(self) -> bool:
        """Paste cards from the clipboard into the current cell's column;
        plain text becomes one card per line in the current cell."""
        host = self.host
        doc = host.doc
        if doc is None:
            return False
        data = QGuiApplication.clipboard().mimeData()
        cell = host.current_cell or host.default_cell()
        try:
            if data is not None and data.hasFormat(MIME_TYPE):
                payload = parse_payload(bytes(data.data(MIME_TYPE)))
            elif data is not None and data.hasText() and cell is not None:
                payload = self._text_payload(data.text(), cell[1])
            else:
                host.say(translate("MapEditor", "Nothing to paste"))
                return False
            elements, links = plan_paste(doc, payload, cell[0] if cell else None,
                                         cell[1] if cell else None)
        except JourneyError as exc:
            host.say(str(exc))
            return False
        return self._insert(elements, links, "paste")

    def paste_text_into(self, stage: str, lane: str, text: str | None = None) -> bool:
        """One card per line of ``text`` (default: the clipboard's text) in the
        cell (stage, lane), whatever else the clipboard holds."""
        host = self.host
        doc = host.doc
        if doc is None or stage not in doc.stage_order or not doc.has_lane(lane):
            return False
        if text is None:
            data = QGuiApplication.clipboard().mimeData()
            text = data.text() if data is not None and data.hasText() else ""
        try:
            elements, links = plan_paste(doc, self._text_payload(text, lane), stage, lane)
        except JourneyError as exc:
            host.say(str(exc))
            return False
        host.current_cell = (stage, lane)
        return self._insert(elements, links, "paste")

    def duplicate_selection(self) -> bool:
        """Copies of the selected cards next to the originals (Ctrl+D)."""
        doc = self.host.doc
        ids = self._selected_cards()
        if doc is None or not ids:
            return False
        elements, links = plan_paste(doc, copy_payload(doc, ids), None)
        return self._insert(elements, links, "duplicate")

    def _insert(self, elements, links, verb: str) -> bool:
        if not elements:
            self.host.say(translate("MapEditor", "Nothing to paste"))
            return False
        assert self.host.doc is not None
        command = PasteElements(self.host.doc, elements, links, verb)
        if not self.host.push(command):
            return False
        self.host.select_ids(command.ids)
        return True

    def _text_payload(self, text: str, lane: str) -> dict:
        assert self.host.doc is not None
        kind = self.host.doc.lane(lane).kind
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:MAX_TEXT_LINES]
        cards = [{"id": f"t{n}", "kind": kind.value, "fields": {"text": ln}, "stage_index": 0,
                  "lane": lane, "lane_kind": kind.value} for n, ln in enumerate(lines)]
        return {"cards": cards, "links": []}

    def select_all(self) -> None:
        self.host.select_ids(self.host.cards)

    # ------------------------------------------------------------ gestures
    def start_link_pick(self, source: str) -> None:
        """Link to…: the next click on a card or stage header links ``source`` to it."""
        self.gestures.start_link_pick(source)

    def cancel_gesture(self) -> bool:
        return self.gestures.cancel()

    def cancel_gesture_on(self, element_id: str) -> None:
        self.gestures.cancel_on(element_id)

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.finish_editing()
        return self.gestures.press(event)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return self.gestures.move(event)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return self.gestures.release(event)

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Double-click: edit the item under the mouse, or type a new card in the cell."""
        host = self.host
        if host.doc is None or host.live is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        self.gestures.cancel()
        pos = event.scenePos()
        item = self.gestures.hit(pos)
        event.accept()
        if item is not None and host.id_for(item) is not None:
            self.start_editing(host.id_for(item))
            return True
        cell = host.live.geo.cell_at(pos.x(), pos.y())
        if cell is not None:
            self.start_new_card(*cell)
        return True

    # ------------------------------------------------------------ keys
    def focus_next(self, forward: bool) -> bool:
        """Tab while typing moves to the next cell instead of the next item."""
        if self.text_box is not None:
            self.text_box.finish("tab" if forward else "backtab")
            return True
        return False

    def key_press(self, event: QKeyEvent) -> bool:  # noqa: C901 - a key table
        """Handle a key the canvas got; True when it was used."""
        host = self.host
        if host.doc is None:
            return False
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if key == Qt.Key.Key_Escape:
            if not self.cancel_gesture():
                host.clearSelection()
            return True
        if plain and key in (Qt.Key.Key_N, Qt.Key.Key_Insert):
            return self.new_card()
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            lane = host.selected_lane()
            ids = host.selected_ids() or ([lane] if lane else [])
            return bool(ids) and self.start_editing(ids[0])
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return self.delete_selection()
        if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            return self._step_selection(key)
        stack = host.stack
        table = {
            QKeySequence.StandardKey.Copy: self.copy_selection,
            QKeySequence.StandardKey.Cut: self.cut_selection,
            QKeySequence.StandardKey.Paste: self.paste,
            QKeySequence.StandardKey.SelectAll: self.select_all,
            QKeySequence.StandardKey.Undo: lambda: stack is not None and stack.undo(),
            QKeySequence.StandardKey.Redo: lambda: stack is not None and stack.redo(),
        }
        for sequence, action in table.items():
            if event.matches(sequence):
                action()
                return True
        if key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            return self.duplicate_selection()
        return False

    def _step_selection(self, key: int) -> bool:
        """Arrow keys walk the grid: Left / Right to the same lane of the next
        stage, Up / Down through the cards of a cell and on to the next lane.
        An empty cell is a stop too (the marker shows it; N types there)."""
        host = self.host
        doc = host.doc
        assert doc is not None
        ids = self._selected_cards()
        card = doc.element(ids[0]) if ids else None
        if card is not None and card.placement is not None and card.placement.stage is None:
            return self._step_geometric(key, ids[0])  # the persona strip: card to card
        cell = card.placement.cell if card is not None else host.current_cell
        stages, lanes = list(doc.stage_order), [lane.id for lane in doc.lanes]
        if cell is None or cell[0] not in stages or cell[1] not in lanes:
            cell = host.default_cell()
            if cell is None:
                return False
            self._go_to(cell, None)
            return True
        stage, lane = cell
        here = [e.id for e in doc.cell(stage, lane)]
        index = here.index(card.id) if card is not None and card.id in here else None
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            at = stages.index(stage) + step
            if not 0 <= at < len(stages):
                return True
            there = [e.id for e in doc.cell(stages[at], lane)]
            pick = there[min(index or 0, len(there) - 1)] if there and index is not None \
                else None
            self._go_to((stages[at], lane), pick)
            return True
        step = -1 if key == Qt.Key.Key_Up else 1
        start = index if index is not None else (-1 if step > 0 else len(here))
        if 0 <= start + step < len(here):
            self._go_to(cell, here[start + step])
            return True
        at = lanes.index(lane) + step
        if not 0 <= at < len(lanes):
            return True
        there = [e.id for e in doc.cell(stage, lanes[at])]
        self._go_to((stage, lanes[at]), (there[0] if step > 0 else there[-1]) if there else None)
        return True

    def _go_to(self, cell: tuple[str, str], card: str | None) -> None:
        """Make ``cell`` current, with ``card`` selected (None: nothing)."""
        host = self.host
        if card is not None:
            host.select_ids([card])
            rect = host.cards[card].sceneBoundingRect() if card in host.cards else None
        else:
            host.select_ids([])
            rect = QRectF(*host.live.geo.cell_rect(*cell)) if host.live is not None else None
        host.current_cell = cell
        if rect is not None:
            for view in host.views():
                view.ensureVisible(rect, 40, 40)

    def _step_geometric(self, key: int, start: str) -> bool:
        """From card to the nearest card in the arrow's direction."""
        host = self.host
        here = host.cards[start].sceneBoundingRect().center()
        dx = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(key, 0)
        dy = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(key, 0)
        best, best_d = None, float("inf")
        for element_id, item in host.cards.items():
            c = item.sceneBoundingRect().center()
            along = (c.x() - here.x()) * dx + (c.y() - here.y()) * dy
            if along <= 1:
                continue
            across = abs((c.y() - here.y()) * dx) + abs((c.x() - here.x()) * dy)
            d = along + 2 * across
            if d < best_d:
                best, best_d = element_id, d
        if best is not None:
            host.select_ids([best])
            for view in host.views():
                view.ensureVisible(host.cards[best].sceneBoundingRect(), 40, 40)
        return True


def hand_over_clipboard() -> None:
    """Before the application quits, replace cards this process put on the
    clipboard by a plain-text copy that Qt owns.

    Qt deletes the clipboard's data after Python has shut down; when that data
    is a QMimeData made from Python, PySide6 crashes the process on exit. The
    text stays on the clipboard (a clipboard manager can keep it); the card
    format is only needed while a journeymapper window is open."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        clipboard.setText(data.text())
