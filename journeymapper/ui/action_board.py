"""The action board: the map's opportunities in four columns, idea / planned /
in progress / done, each with its owner, due date (overdue in red), votes,
impact, effort and the pain points it addresses.

Drag a card to another column to change its status (one undo step: the
panel emits ``status_requested(id, status)`` and the window pushes a
SetStatus); click a card to find it on the canvas (``selected(id)``). The
filter shows one owner's or one team's actions. The board is painted in one
widget (like the Scores chart), so a drag is plain mouse events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journeymapper import words
from journeymapper.layout.palette import KIND_STYLE, palette
from journeymapper.model.actions import Action, actions, owners, teams
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import STATUSES, Kind
from journeymapper.model.events import ChangeSet
from journeymapper.ui.observe import follow

COLUMN_W, CARD_H, GAP, HEAD_H, PAD = 230.0, 104.0, 8.0, 30.0, 8.0
DRAG_START = 6
OVERDUE = "#c62828"
_WATCHED = {"ElementAdded", "ElementRemoved", "FieldChanged", "Linked", "Unlinked"}


translate = QCoreApplication.translate


@dataclass
class Placed:
    action: Action
    rect: QRectF


class BoardCanvas(QWidget):
    """The columns and cards; ``placed`` is what paintEvent draws and the mouse hits."""

    status_requested = Signal(str, str)
    selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_board_canvas")
        self.items: list[Action] = []
        self.placed: list[Placed] = []
        self.columns: dict[str, QRectF] = {}
        self.dragging: Placed | None = None
        self._press: QPointF | None = None
        self._drag_at = QPointF()
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_items(self, items: list[Action]) -> None:
        self.items = items
        self.placed = []
        self.columns = {}
        tallest = 0
        for c, status in enumerate(STATUSES):
            x = PAD + c * (COLUMN_W + GAP)
            group = [i for i in items if i.status == status]
            tallest = max(tallest, len(group))
            for r, item in enumerate(group):
                self.placed.append(Placed(item, QRectF(x + 6, HEAD_H + PAD + r * (CARD_H + GAP),
                                                       COLUMN_W - 12, CARD_H)))
            self.columns[status] = QRectF(x, 0, COLUMN_W, 0)
        height = HEAD_H + PAD + tallest * (CARD_H + GAP) + CARD_H
        for rect in self.columns.values():
            rect.setHeight(height)
        self._height = height
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(int(2 * PAD + len(STATUSES) * (COLUMN_W + GAP)),
                     int(getattr(self, "_height", HEAD_H + CARD_H)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    def card_at(self, point: QPointF) -> Placed | None:
        return next((p for p in self.placed if p.rect.contains(point)), None)

    def card_rect(self, element_id: str) -> QRectF | None:
        return next((p.rect for p in self.placed if p.action.id == element_id), None)

    def status_at(self, point: QPointF) -> str | None:
        return next((s for s, r in self.columns.items()
                     if r.left() <= point.x() <= r.right()), None)

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self.dragging = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._press is None:
            return
        if self.dragging is None and (event.position() - self._press).manhattanLength() \
                >= DRAG_START:
            self.dragging = self.card_at(self._press)
        if self.dragging is not None:
            self._drag_at = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        press, dragged = self._press, self.dragging
        self._press, self.dragging = None, None
        self.update()
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if dragged is None:
            hit = self.card_at(press)
            if hit is not None:
                self.selected.emit(hit.action.id)
            return
        status = self.status_at(event.position())
        if status is not None and status != dragged.action.status:
            self.status_requested.emit(dragged.action.id, status)

    # ------------------------------------------------------------ drawing
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        colours = palette(dark)
        p.fillRect(self.rect(), QColor(colours["lane_band_alt"]))
        bold = QFont(self.font())
        bold.setBold(True)
        head = translate("ActionBoard", "{status}  ({n})")
        for status, rect in self.columns.items():
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colours["lane_header"]))
            p.drawRoundedRect(rect, 6, 6)
            count = sum(1 for i in self.items if i.status == status)
            p.setPen(QColor(colours["text"]))
            p.setFont(bold)
            p.drawText(QRectF(rect.left() + 10, 0, rect.width() - 20, HEAD_H),
                       Qt.AlignmentFlag.AlignVCenter,
                       head.format(status=words.status_label(status), n=count))
        for placed in self.placed:
            if self.dragging is not None and placed is self.dragging:
                self._card(p, placed.action, placed.rect, colours, 0.35)
            else:
                self._card(p, placed.action, placed.rect, colours)
        if self.dragging is not None:
            rect = QRectF(self.dragging.rect)
            rect.moveCenter(self._drag_at)
            self._card(p, self.dragging.action, rect, colours, 0.9)
        p.end()

    def _card(self, p: QPainter, item: Action, rect: QRectF, colours: dict[str, str],
              opacity: float = 1.0) -> None:
        p.setOpacity(opacity)
        style = KIND_STYLE[Kind.OPPORTUNITY]
        p.setPen(QPen(QColor(OVERDUE if item.overdue else style.border),
                      2.0 if item.overdue else 1.0))
        p.setBrush(QColor(colours["background"] if not item.overdue else "#fdecea"))
        p.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(8, 5, -8, -5)
        metrics = p.fontMetrics()
        line = metrics.height()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor("#1f2328"))
        title_h = 2 * QFontMetrics(bold).lineSpacing() + 2
        title = QRectF(inner.left(), inner.top(), inner.width(), title_h)
        p.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                   _two_lines(p, " ".join(item.text.split()), inner.width()))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        y = inner.top() + title_h + 2
        due = ""
        if item.due:
            due = translate("ActionBoard", "due {date}").format(date=item.due)
            if item.overdue:
                due = translate("ActionBoard", "due {date} · OVERDUE").format(date=item.due)
        due_w = p.fontMetrics().horizontalAdvance(due) + 8 if due else 0
        who = p.fontMetrics().elidedText(item.owner or translate("ActionBoard", "no owner"),
                                         Qt.TextElideMode.ElideRight, int(inner.width() - due_w))
        p.setPen(QColor("#5f6b7a"))
        p.drawText(QRectF(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft, who)
        if due:
            p.setPen(QColor(OVERDUE if item.overdue else "#5f6b7a"))
            p.drawText(QRectF(inner.left(), y, inner.width(), line),
                       Qt.AlignmentFlag.AlignRight, due)
        p.setPen(QColor("#5f6b7a"))
        facts = translate("ActionBoard", "▲ {votes} · impact {impact} · effort {effort}").format(
            votes=item.field("votes"), impact=item.field("impact"), effort=item.field("effort"))
        p.drawText(QRectF(inner.left(), y + line + 2, inner.width(), line),
                   Qt.AlignmentFlag.AlignLeft, facts)
        if item.addresses:
            pains = ", ".join(" ".join(pain.text.split()) for pain in item.addresses)
            text = translate("ActionBoard", "addresses: {pains}").format(pains=pains)
            p.setPen(QColor(KIND_STYLE[Kind.PAIN_POINT].accent))
            p.drawText(QRectF(inner.left(), y + 2 * line + 4, inner.width(), line),
                       Qt.AlignmentFlag.AlignLeft,
                       p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                  int(inner.width())))
        p.setOpacity(1.0)


def _two_lines(p: QPainter, text: str, width: float) -> str:
    """``text`` cut to what two wrapped lines of ``width`` hold (with an ellipsis)."""
    metrics = p.fontMetrics()
    if metrics.horizontalAdvance(text) <= width * 1.9:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width * 1.85))


class ActionBoard(QWidget):
    """The board panel with its owner / team filter. Signals: ``status_requested(id,
    status)`` (a drag to another column), ``selected(id)`` (a click on a card)."""

    status_requested = Signal(str, str)
    selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_board")
        self.doc: JourneyMap | None = None
        self.today: dt.date | None = None  # None: the real today (tests pin it)
        self.filter = QComboBox()
        self.filter.setObjectName("action_filter")
        self.filter.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("action_summary")
        self.board = BoardCanvas()
        self.board.status_requested.connect(self.status_requested)
        self.board.selected.connect(self.selected)
        scroll = QScrollArea()
        scroll.setWidget(self.board)
        scroll.setWidgetResizable(False)
        self.scroll = scroll
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ActionBoard", "Show:")))
        top.addWidget(self.filter, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(scroll, 1)
        self._fill_filter([])
        self.refresh()

    def set_document(self, doc: JourneyMap | None) -> None:
        self.doc = follow(self.doc, doc, self._on_changes, each=False)
        self.refresh()

    def _on_changes(self, changes: ChangeSet) -> None:
        if any(type(e).__name__ in _WATCHED for e in changes.events):
            self.refresh()

    def _fill_filter(self, items: list[Action]) -> None:
        current = self.filter.currentData()
        choices = [(translate("ActionBoard", "All actions"), "")]
        owner = translate("ActionBoard", "Owner: {name}")
        team = translate("ActionBoard", "Team: {name}")
        choices += [(owner.format(name=o), "owner:" + o) for o in owners(items)]
        choices += [(team.format(name=t), "team:" + t) for t in teams(items)]
        self.filter.blockSignals(True)
        self.filter.clear()
        for text, data in choices:
            self.filter.addItem(text, data)
        index = max(0, self.filter.findData(current)) if current else 0
        self.filter.setCurrentIndex(index)
        self.filter.blockSignals(False)

    def refresh(self) -> None:
        every = actions(self.doc, self.today) if self.doc is not None else []
        self._fill_filter(every)
        chosen = self.filter.currentData()
        shown = every
        if chosen and self.doc is not None:
            what, name = str(chosen).split(":", 1)
            shown = actions(self.doc, self.today, owner=name if what == "owner" else None,
                            team=name if what == "team" else None)
        late = sum(1 for i in shown if i.overdue)
        n = len(shown)
        text = translate("ActionBoard", "%n action(s)", None, n)
        if late:
            text = translate("ActionBoard", "{actions} · {overdue}").format(
                actions=text, overdue=translate("ActionBoard", "%n overdue", None, late))
        self.summary.setText(text)
        self.board.set_items(shown)

    def choose_filter(self, text: str) -> bool:
        index = self.filter.findText(text)
        if index >= 0:
            self.filter.setCurrentIndex(index)
        return index >= 0
