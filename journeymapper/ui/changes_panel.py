"""The Changes panel: what a comparison found, grouped, one row per change.

A click on a row zooms the canvas to the card (or the ghost of a removed
one, or the stage); the panel's button or Esc leaves the comparison. The
panel only shows a MapDiff and emits what the user asked for
(``go_to(id)``, ``leave_requested()``); the window's review extension
(ui/review.py) does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.canvas.items.compare import COLOURS
from journeymapper.i18n import _
from journeymapper.model.diff import MapDiff
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element
from journeymapper.model.metrics import format_value
from journeymapper.qt_i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
ROWS_PER_GROUP = 1000  # a comparison with an empty map lists the first thousand cards


def _tr(text: str, n: int = -1) -> str:
    return tr("ChangesPanel", text, n)


def _short(value: object, limit: int = 40) -> str:
    text = " ".join(str(value).split()) if not isinstance(value, (list, tuple)) \
        else ", ".join(str(v) for v in value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


class ChangesPanel(QWidget):
    """The rows of a comparison (see the module docstring)."""

    go_to = Signal(str)
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changes_panel")
        self.title = QLabel()
        self.title.setObjectName("changes_title")
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("changes_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.leave_button = QPushButton(_tr("Leave comparison (Esc)"))
        self.leave_button.setObjectName("leave_comparison")
        self.leave_button.clicked.connect(self.leave_requested)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.tree, 1)
        column.addWidget(self.leave_button)
        self.groups: dict[str, QTreeWidgetItem] = {}
        self.show_diff(None, "")

    # ------------------------------------------------------------ showing
    def show_diff(self, d: MapDiff | None, label: str) -> None:
        self.tree.clear()
        self.groups = {}
        self.leave_button.setEnabled(d is not None)
        if d is None:
            self.title.setText(_tr("Not comparing. Map > Compare with… shows what changed "
                                   "since a file, the backup, the last review or a git "
                                   "revision."))
            return
        counts = d.counts()
        self.title.setText(_tr("Compared with {label}: %n change(s)", sum(
            v for k, v in counts.items() if k not in ("done", "overdue"))).format(label=label))
        old, new = d.old, d.new
        self._group("added", _tr("Added"), "added",
                    [(e.id, self._card(new, e)) for e in d.added]
                    + [(s.id, _tr("stage “{name}”").format(name=s.text)) for s in d.stages_added])
        self._group("removed", _tr("Removed"), "removed",
                    [(e.id, self._card(old, e)) for e in d.removed]
                    + [(s.id, _tr("stage “{name}”").format(name=s.text))
                       for s in d.stages_removed])
        self._group("changed", _tr("Changed"), "changed", [
            (c.id, self._card(new, c.new) + ": " + "; ".join(
                f"{name} {_short(a)} → {_short(b)}" for name, (a, b) in c.fields.items()))
            for c in d.changed])
        self._group("moved", _tr("Moved"), "moved", [
            (m.id, self._card(new, m.new) + ": " + _tr("from {old} to {new}").format(
                old=self._where(old, m.old), new=self._where(new, m.new))) for m in d.moved])
        links = [(lk.source, "+ " + self._link(new, lk)) for lk in d.links_added]
        links += [(lk.source, "− " + self._link(old, lk)) for lk in d.links_removed]
        self._group("links", _tr("Links"), "", links)
        stages = [(c.id, _tr("“{old}” renamed “{new}”").format(old=c.old.text, new=c.new.text))
                  for c in d.stages_renamed]
        stages += [(c.id, _tr("“{name}”: {fields}").format(name=c.new.text, fields=", ".join(
            c.fields))) for c in d.stages_changed]
        stages += [(s.id, _tr("“{name}” moved to place {n}").format(
            name=s.text, n=new.stage_order.index(s.id) + 1)) for s in d.stages_reordered]
        stages += [("", _tr("lane “{name}” added").format(name=ln.name)) for ln in d.lanes_added]
        stages += [("", _tr("lane “{name}” removed").format(name=ln.name))
                   for ln in d.lanes_removed]
        stages += [("", _tr("lane “{old}” renamed “{new}”").format(old=c.old.name, new=c.new.name))
                   for c in d.lanes_renamed]
        stages += [("", _tr("lane “{name}” moved").format(name=ln.name))
                   for ln in d.lanes_reordered]
        self._group("structure", _tr("Stages and lanes"), "", stages)
        scores = []
        for change in d.scores:
            s = change.score
            doc = new if change.new is not None else old
            before = "–" if change.old is None else format_value(s.metric, change.old.value)
            after = "–" if change.new is None else format_value(s.metric, change.new.value)
            where = doc.get(s.stage).text if s.stage in doc else s.stage
            scores.append((s.stage, f"{where} {s.metric.upper()} {s.wave}: {before} → {after}"))
        self._group("scores", _tr("Scores"), "", scores)
        self._group("done", _tr("Done since"), "added",
                    [(e.id, e.text) for e in d.done])
        self._group("overdue", _tr("Overdue"), "removed", [
            (e.id, _tr("{text} (due {due}, {owner})").format(
                text=e.text, due=e.fields.get("due"), owner=e.fields.get("owner") or "–"))
            for e in d.overdue])
        self.tree.expandAll()

    def _group(self, key: str, title: str, colour: str, rows: list[tuple[str, str]]) -> None:
        if not rows:
            return
        group = QTreeWidgetItem([f"{title} ({len(rows)})"])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        if colour:
            group.setForeground(0, QBrush(QColor(COLOURS[colour])))
        self.tree.addTopLevelItem(group)
        self.groups[key] = group
        children = []
        for element_id, text in rows[:ROWS_PER_GROUP]:
            item = QTreeWidgetItem([text])
            item.setData(0, ID_ROLE, element_id)
            item.setToolTip(0, text)
            children.append(item)
        if len(rows) > ROWS_PER_GROUP:
            children.append(QTreeWidgetItem([_tr("… and %n more", len(rows) - ROWS_PER_GROUP)]))
        group.addChildren(children)

    @staticmethod
    def _card(doc: JourneyMap, element: Element) -> str:
        text = _short(element.text, 60)
        return f"{_(element.kind.label)} " + (text if text[:1] in "“\"'" else f"“{text}”")

    @staticmethod
    def _where(doc: JourneyMap, element: Element) -> str:
        p = element.placement
        if p is None or p.stage is None or p.stage not in doc:
            return _tr("the persona strip")
        lane = doc.lane(p.lane).name if doc.has_lane(p.lane) else ""
        return f"{doc.element(p.stage).text} / {lane}"

    def _link(self, doc: JourneyMap, link) -> str:
        source, target = doc.get(link.source), doc.get(link.target)
        names = [_short(e.text, 30) if e is not None else "?" for e in (source, target)]
        return f"“{names[0]}” {_(link.kind.value)} “{names[1]}”"

    def rows(self, group: str) -> list[QTreeWidgetItem]:
        item = self.groups.get(group)
        return [] if item is None else [item.child(i) for i in range(item.childCount())]

    # ------------------------------------------------------------ input
    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        element_id = item.data(0, ID_ROLE)
        if element_id:
            self.go_to.emit(str(element_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and self.leave_button.isEnabled():
            self.leave_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
