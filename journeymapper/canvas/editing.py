"""Keyboard editing on the map: inline text editing, new cards, delete,
duplicate, the clipboard, select all and undo/redo.

Every change goes through one undo command. A card typed into an empty
slot is created only when the text is committed, so Esc leaves nothing
behind and the new card is a single undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

from journeymapper.canvas import style as st
from journeymapper.canvas.editor import InlineEditor
from journeymapper.canvas.items.cards import BaseCardItem, EmotionItem
from journeymapper.commands import (
    MIME_TYPE,
    AddCard,
    PasteElements,
    RemoveElements,
    RemoveLane,
    RemoveLink,
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
from journeymapper.wording import counted

MAX_TEXT_LINES = 200


class EditingMixin:
    """Keyboard and clipboard handling of MapScene."""

    def _init_editing(self) -> None:
        self.editor: InlineEditor | None = None
        self._edit_target: tuple = ()

    # ------------------------------------------------------------ inline editing
    def start_editing(self, element_id: str | None) -> bool:
        """Edit a card's text, a stage's name or a lane's name in place."""
        if self.doc is None or element_id is None:
            return False
        self.finish_editing()
        if element_id in self.lane_items:
            item = self.lane_items[element_id]
            rect = item.sceneBoundingRect().adjusted(6, 6, -8, 0)
            rect.setHeight(40)
            self._open_editor(("lane", element_id), rect, self.doc.lane(element_id).name,
                              st.LANE_PX, multiline=False)
            return True
        item = self.cards.get(element_id) or self.stages.get(element_id)
        if item is None:
            return False
        element = self.doc.element(element_id)
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
        if self.doc is None or self.live is None:
            return False
        self.finish_editing()
        self.current_cell = (stage, lane)
        if self.doc.lane(lane).kind is not Kind.EMOTION and self.live.reserve((stage, lane)):
            self._apply_layout(None)  # the lane opens a slot: the editor covers no card
        x, y, _, h = self.live.geo.cell_rect(stage, lane)
        count = self.live.count((stage, lane))
        slot_y = y + g.PAD + count * (g.CARD_H + g.GAP)
        if self.doc.lane(lane).kind is Kind.EMOTION:
            slot_y = y + max(g.PAD, h / 2 - g.CARD_H / 2)
        rect = QRectF(x + g.PAD, slot_y, g.CARD_W, g.CARD_H)
        self._open_editor(("new", stage, lane, kind), rect, "", st.CARD_PX, True)
        return True

    def _open_editor(self, target: tuple, rect: QRectF, text: str, px: int,
                     multiline: bool) -> None:
        self._edit_target = target
        self.editor = InlineEditor(rect, text, px, self.theme, self._editor_done, multiline)
        self.addItem(self.editor)
        for view in self.views():
            view.ensureVisible(rect, 40, 40)
            view.setFocus()
        self.setFocus()
        self.editor.begin()

    def finish_editing(self) -> None:
        """Commit an open editor (as if the user clicked elsewhere)."""
        if self.editor is not None:
            self.editor.finish("focus")

    def cancel_editing(self) -> None:
        if getattr(self, "editor", None) is not None:
            self.editor.finish("cancel")

    def is_editing(self) -> bool:
        return self.editor is not None

    def _editor_done(self, text: str, how: str) -> None:
        editor, target = self.editor, self._edit_target
        self.editor, self._edit_target = None, ()
        if editor is not None and editor.scene() is self:
            editor.clearFocus()
            self.removeItem(editor)
        released = self.live is not None and self.live.reserve(None)
        if how == "cancel" or self.doc is None:
            if released and self.doc is not None:
                self._apply_layout(None)
            return
        text = text.strip() if target[0] != "field" else text.rstrip()
        if target[0] == "new":
            _, stage, lane, kind = target
            still_there = stage in self.doc.stage_order and lane in self.lane_items
            if text and still_there:
                kind = kind or self.doc.lane(lane).kind
                command = AddCard(self.doc, kind, stage, lane, text)
                self.push(command)
                self.select_ids([command.element_id])
            elif released:
                self._apply_layout(None)
        elif target[0] == "field":
            _, element_id, field = target
            if element_id in self.doc and self.doc.element(element_id).fields.get(field) != text:
                if text or self.doc.element(element_id).kind is not Kind.STAGE:
                    self.push(SetField(self.doc, element_id, field, text))
        elif target[0] == "lane":
            if text and target[1] in self.lane_items and text != self.doc.lane(target[1]).name:
                self.push(UpdateLane(self.doc, target[1], name=text))
        if how in ("tab", "backtab"):
            self._edit_next_cell(forward=how == "tab", target=target)

    def _edit_next_cell(self, forward: bool, target: tuple) -> None:
        """Tab: a new card in the next column of the lane (then the next lane)."""
        assert self.doc is not None
        cell = self.current_cell
        if target and target[0] == "field" and target[1] in self.doc:
            p = self.doc.element(target[1]).placement
            if p is not None and p.stage is not None:
                cell = (p.stage, p.lane)
        if cell is None:
            return
        cells = [(s, ln.id) for ln in self.doc.lanes for s in self.doc.stage_order]
        index = cells.index(cell) if cell in cells else 0
        nxt = cells[(index + (1 if forward else -1)) % len(cells)]
        self.start_new_card(*nxt)

    # ------------------------------------------------------------ actions
    def new_card(self) -> bool:
        """A new card in the current cell, ready to type into."""
        cell = self.current_cell or self._default_cell()
        return cell is not None and self.start_new_card(*cell)

    def delete_selection(self) -> bool:
        """Remove the selected cards, stages, links or lane (asking first
        when a stage or lane would take cards with it)."""
        if self.doc is None or self.stack is None:
            return False
        lane = self.selected_lane()
        ids = self.selected_ids()
        if lane is not None and not ids:
            count = self.doc.cards_in_lane(lane)
            name = self.doc.lane(lane).name
            if count and not self.confirm(
                    f"Remove lane '{name}' and its {counted(count, 'card')}?"):
                return False
            self.push(RemoveLane(self.doc, lane))
            return True
        links = self.selected_links()
        if not ids and links:
            self.stack.beginMacro(f"Remove {counted(len(links), 'link')}")
            for link in links:
                self.push(RemoveLink(self.doc, link.source, link.target))
            self.stack.endMacro()
            return True
        if not ids:
            return False
        stages = [s for s in self.doc.stage_order if s in ids]  # named left to right
        held = sum(self.doc.cards_in_stage(s) for s in stages)
        if held:
            names = ", ".join(repr(self.doc.element(s).text) for s in stages)
            what = f"stage {names} and its" if len(stages) == 1 else f"stages {names} and their"
            if not self.confirm(f"Remove {what} {counted(held, 'card')}?"):
                return False
        self.push(RemoveElements(self.doc, ids))
        return True

    def copy_selection(self) -> bool:
        """Put the selected cards (and links among them) on the clipboard."""
        if self.doc is None:
            return False
        ids = [i for i in self.selected_ids() if i in self.cards]
        if not ids:
            return False
        data = QMimeData()
        data.setData(MIME_TYPE, payload_bytes(copy_payload(self.doc, ids)))
        data.setText(payload_text(self.doc, ids))
        QGuiApplication.clipboard().setMimeData(data)
        self.message.emit(f"Copied {counted(len(ids), 'card')}")
        return True

    def cut_selection(self) -> bool:
        if not self.copy_selection():
            return False
        ids = [i for i in self.selected_ids() if i in self.cards]
        self.push(RemoveElements(self.doc, ids))
        return True

    def paste(self) -> bool:
        """Paste cards from the clipboard into the current cell's column;
        plain text becomes one card per line in the current cell."""
        if self.doc is None:
            return False
        data = QGuiApplication.clipboard().mimeData()
        cell = self.current_cell or self._default_cell()
        try:
            if data is not None and data.hasFormat(MIME_TYPE):
                payload = parse_payload(bytes(data.data(MIME_TYPE)))
            elif data is not None and data.hasText() and cell is not None:
                payload = self._text_payload(data.text(), cell[1])
            else:
                self.message.emit("Nothing to paste")
                return False
            elements, links = plan_paste(self.doc, payload, cell[0] if cell else None,
                                         cell[1] if cell else None)
        except JourneyError as exc:
            self.message.emit(str(exc))
            return False
        return self._insert(elements, links, "Paste")

    def duplicate_selection(self) -> bool:
        """Copies of the selected cards next to the originals (Ctrl+D)."""
        if self.doc is None:
            return False
        ids = [i for i in self.selected_ids() if i in self.cards]
        if not ids:
            return False
        elements, links = plan_paste(self.doc, copy_payload(self.doc, ids), None)
        return self._insert(elements, links, "Duplicate")

    def _insert(self, elements, links, text: str) -> bool:
        if not elements:
            self.message.emit("Nothing to paste")
            return False
        command = PasteElements(self.doc, elements, links, text)
        self.push(command)
        self.select_ids(command.ids)
        return True

    def _text_payload(self, text: str, lane: str) -> dict:
        kind = self.doc.lane(lane).kind
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:MAX_TEXT_LINES]
        cards = [{"id": f"t{n}", "kind": kind.value, "fields": {"text": ln}, "stage_index": 0,
                  "lane": lane, "lane_kind": kind.value} for n, ln in enumerate(lines)]
        return {"cards": cards, "links": []}

    def select_all(self) -> None:
        self.select_ids(self.cards)

    # ------------------------------------------------------------ keys
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        """Tab while typing moves to the next cell instead of the next item."""
        if self.editor is not None:
            self.editor.finish("tab" if next else "backtab")
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.doc is None or self.focusItem() is not None:
            return super().keyPressEvent(event)
        if self._handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:  # noqa: C901 - a key table
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if key == Qt.Key.Key_Escape:
            if not self.cancel_gesture():
                self.clearSelection()
            return True
        if plain and key in (Qt.Key.Key_N, Qt.Key.Key_Insert):
            return self.new_card()
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            ids = self.selected_ids() or ([self.selected_lane()] if self.selected_lane() else [])
            return bool(ids) and self.start_editing(ids[0])
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return self.delete_selection()
        if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            return self._step_selection(key)
        table = {
            QKeySequence.StandardKey.Copy: self.copy_selection,
            QKeySequence.StandardKey.Cut: self.cut_selection,
            QKeySequence.StandardKey.Paste: self.paste,
            QKeySequence.StandardKey.SelectAll: self.select_all,
            QKeySequence.StandardKey.Undo: lambda: self.stack.undo(),
            QKeySequence.StandardKey.Redo: lambda: self.stack.redo(),
        }
        for sequence, action in table.items():
            if event.matches(sequence):
                action()
                return True
        if key == Qt.Key.Key_D and mods & Qt.KeyboardModifier.ControlModifier:
            return self.duplicate_selection()
        return False

    def _step_selection(self, key: int) -> bool:
        """Arrow keys walk the selection from card to card."""
        ids = [i for i in self.selected_ids() if i in self.cards]
        if not ids:
            return False
        here = self.cards[ids[0]].sceneBoundingRect().center()
        dx = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(key, 0)
        dy = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(key, 0)
        best, best_d = None, float("inf")
        for element_id, item in self.cards.items():
            c = item.sceneBoundingRect().center()
            along = (c.x() - here.x()) * dx + (c.y() - here.y()) * dy
            if along <= 1:
                continue
            across = abs((c.y() - here.y()) * dx) + abs((c.x() - here.x()) * dy)
            d = along + 2 * across
            if d < best_d:
                best, best_d = element_id, d
        if best is not None:
            self.select_ids([best])
            for view in self.views():
                view.ensureVisible(self.cards[best].sceneBoundingRect(), 40, 40)
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
