"""The Changes panel: what a comparison found, grouped, one row per change.

A click on a row zooms the canvas to the card (or the ghost of a removed
one, or the stage); the panel's button or Esc leaves the comparison. The
panel only shows a MapDiff and emits what the user asked for
(``go_to(id)``, ``leave_requested()``); the window's review extension
(ui/review.py) does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper import words
from journeymapper.canvas.items.compare import COLOURS
from journeymapper.model.diff import MapDiff
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Element, Kind
from journeymapper.model.metrics import format_value

ID_ROLE = Qt.ItemDataRole.UserRole
ROWS_PER_GROUP = 1000  # a comparison with an empty map lists the first thousand cards


translate = QCoreApplication.translate


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
        self.leave_button = QPushButton(translate("ChangesPanel", "Leave comparison (Esc)"))
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
            self.title.setText(translate(
                "ChangesPanel", "Not comparing. Map > Compare with… shows what changed since a "
                "file, the backup, the last review or a git revision."))
            return
        counts = d.counts()
        n = sum(v for k, v in counts.items() if k not in ("done", "overdue"))
        title = translate("ChangesPanel", "Compared with {label}: %n change(s)", None, n)
        self.title.setText(title.format(label=label))
        old, new = d.old, d.new
        stage = translate("ChangesPanel", "stage “{name}”")
        self._group("added", translate("ChangesPanel", "Added"), "added",
                    [(e.id, self._card(new, e)) for e in d.added]
                    + [(s.id, stage.format(name=s.text)) for s in d.stages_added])
        self._group("removed", translate("ChangesPanel", "Removed"), "removed",
                    [(e.id, self._card(old, e)) for e in d.removed]
                    + [(s.id, stage.format(name=s.text)) for s in d.stages_removed])
        field = translate("ChangesPanel", "{field} {old} → {new}")
        changed = translate("ChangesPanel", "{card}: {changes}")
        self._group("changed", translate("ChangesPanel", "Changed"), "changed", [
            (c.id, changed.format(card=self._card(new, c.new), changes="; ".join(
                field.format(field=words.field_label(c.new.kind, name),
                             old=_short(words.coded_value(name, a)),
                             new=_short(words.coded_value(name, b)))
                for name, (a, b) in c.fields.items())))
            for c in d.changed])
        moved = translate("ChangesPanel", "{card}: from {old} to {new}")
        self._group("moved", translate("ChangesPanel", "Moved"), "moved", [
            (m.id, moved.format(card=self._card(new, m.new), old=self._where(old, m.old),
                                new=self._where(new, m.new))) for m in d.moved])
        links = [(lk.source, "+ " + self._link(new, lk)) for lk in d.links_added]
        links += [(lk.source, "− " + self._link(old, lk)) for lk in d.links_removed]
        self._group("links", translate("ChangesPanel", "Links"), "", links)
        self._group("structure", translate("ChangesPanel", "Stages and lanes"), "",
                    self._structure(d))
        scores = []
        line = translate("ChangesPanel", "{stage} {metric} {wave}: {old} → {new}")
        for change in d.scores:
            s = change.score
            doc = new if change.new is not None else old
            before = "–" if change.old is None else format_value(s.metric, change.old.value)
            after = "–" if change.new is None else format_value(s.metric, change.new.value)
            where = doc.get(s.stage).text if s.stage in doc else s.stage
            scores.append((s.stage, line.format(stage=where, metric=words.metric_label(
                s.metric, s.name), wave=s.wave, old=before, new=after)))
        self._group("scores", translate("ChangesPanel", "Scores"), "", scores)
        self._group("done", translate("ChangesPanel", "Done since"), "added",
                    [(e.id, e.text) for e in d.done])
        late = translate("ChangesPanel", "{text} (due {due}, {owner})")
        self._group("overdue", translate("ChangesPanel", "Overdue"), "removed", [
            (e.id, late.format(text=e.text, due=e.fields.get("due"),
                               owner=e.fields.get("owner") or "–")) for e in d.overdue])
        self.tree.expandAll()

    @staticmethod
    def _structure(d: MapDiff) -> list[tuple[str, str]]:
        renamed = translate("ChangesPanel", "“{old}” renamed “{new}”")
        rows = [(c.id, renamed.format(old=c.old.text, new=c.new.text)) for c in d.stages_renamed]
        changed = translate("ChangesPanel", "“{name}”: {fields}")
        rows += [(c.id, changed.format(name=c.new.text, fields=", ".join(
            words.field_label(Kind.STAGE, f) for f in c.fields))) for c in d.stages_changed]
        moved = translate("ChangesPanel", "“{name}” moved to place {n}")
        rows += [(s.id, moved.format(name=s.text, n=d.new.stage_order.index(s.id) + 1))
                 for s in d.stages_reordered]
        for template, lanes in ((translate("ChangesPanel", "lane “{name}” added"), d.lanes_added),
                                (translate("ChangesPanel", "lane “{name}” removed"),
                                 d.lanes_removed),
                                (translate("ChangesPanel", "lane “{name}” moved"),
                                 d.lanes_reordered)):
            rows += [("", template.format(name=ln.name)) for ln in lanes]
        lane_renamed = translate("ChangesPanel", "lane “{old}” renamed “{new}”")
        rows += [("", lane_renamed.format(old=c.old.name, new=c.new.name))
                 for c in d.lanes_renamed]
        return rows

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
            n = len(rows) - ROWS_PER_GROUP
            children.append(QTreeWidgetItem([translate("ChangesPanel", "… and %n more", None, n)]))
        group.addChildren(children)

    @staticmethod
    def _card(doc: JourneyMap, element: Element) -> str:
        text = _short(element.text, 60)
        quoted = text if text[:1] in "“\"'" else f"“{text}”"
        template = translate("ChangesPanel", "{kind} {text}")
        return template.format(kind=words.kind_label(element.kind), text=quoted)

    @staticmethod
    def _where(doc: JourneyMap, element: Element) -> str:
        p = element.placement
        if p is None or p.stage is None or p.stage not in doc:
            return translate("ChangesPanel", "the persona strip")
        lane = doc.lane(p.lane).name if doc.has_lane(p.lane) else ""
        return f"{doc.element(p.stage).text} / {lane}"

    def _link(self, doc: JourneyMap, link) -> str:
        source, target = doc.get(link.source), doc.get(link.target)
        names = [_short(e.text, 30) if e is not None else "?" for e in (source, target)]
        return translate("ChangesPanel", "“{source}” {link} “{target}”").format(
            source=names[0], link=words.link_label(link.kind), target=names[1])

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
