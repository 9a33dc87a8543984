"""The scores panel: each stage's survey metrics across waves, as small charts
drawn with QPainter, and the wave list (rename, delete).

One chart per (stage, metric): waves left to right, the metric's scale bottom
(worst) to top (best), so a CES where lower is better is drawn upside down
and "up" always means "better". Each point shows its value and n; a score
from fewer than 30 answers is drawn hollow with a dashed line and "n<30",
and the 95% interval (model/confidence.py) is drawn as a whisker. The change
between two waves is printed on the line between them: in the colour of
better or worse when it is real at 95%, grey and dotted when it may be noise
(the decision of layout.badges, which the stage badges and the PDF share).
Wave edits go through commands (RenameWave, DeleteWave), one undo step each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QUndoCommand
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journeymapper.commands.scores import DeleteWave, RenameWave
from journeymapper.layout.badges import Reading, delta_text, readings
from journeymapper.layout.palette import palette, score_colour
from journeymapper.model import metrics
from journeymapper.model.document import JourneyMap
from journeymapper.model.events import ChangeSet
from journeymapper.model.scores import LOW_CONFIDENCE_N, Score
from journeymapper.ui.observe import follow
from journeymapper.words import metric_label

translate = QCoreApplication.translate

CELL_W, CELL_H = 220.0, 150.0
LABEL_W, HEAD_H = 64.0, 34.0
PAD = 12.0
METRIC_ORDER = {"csat": 0, "nps": 1, "ces": 2, "mean": 3}
_STRUCTURE_EVENTS = {"ElementAdded", "ElementRemoved", "FieldChanged", "StagesReordered",
                     "ScoresChanged", "WavesChanged"}


@dataclass
class PlotPoint:
    """One score as drawn: where, with what label, and whether it is trustworthy."""

    wave: str
    x: float
    y: float
    value: float
    n: int
    low_confidence: bool
    colour: str
    whisker: tuple[float, float] | None = None
    reading: Reading | None = None

    @property
    def change(self) -> str:
        """The change from the previous point as printed ('+9 pts'), '' for none."""
        r = self.reading
        return "" if r is None or not r.delta else delta_text(r.score, r.delta)


@dataclass
class ChartCell:
    """The chart of one stage's metric across waves."""

    stage: str
    stage_name: str
    metric: str
    name: str
    rect: QRectF
    points: list[PlotPoint]
    touchpoint_name: str = ""

    @property
    def title(self) -> str:
        label = metric_label(self.metric) if self.metric != "mean" else (
            self.name or metric_label("mean"))
        return translate("ScoresChart", "{metric} · {touchpoint}").format(
            metric=label, touchpoint=self.touchpoint_name) if self.touchpoint_name else label


def scale_range(score: Score) -> tuple[float, float]:
    """The value range a metric's chart spans."""
    if score.metric == "csat":
        return 0.0, 100.0
    if score.metric == "nps":
        return -100.0, 100.0
    low = float(score.scale.get("min", 1))
    high = float(score.scale.get("max", 7 if score.metric == "ces" else 5))
    return (low, high) if high > low else (low, low + 1)


class ScoresChart(QWidget):
    """Small multiples of the map's scores; ``cells`` is what paintEvent draws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scores_chart")
        self.doc: JourneyMap | None = None
        self.cells: list[ChartCell] = []
        self.waves: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_document(self, doc: JourneyMap | None) -> None:
        self.doc = doc
        self.rebuild()

    def rebuild(self) -> None:
        """Recompute every chart cell from the document's scores."""
        self.cells = []
        doc = self.doc
        self.waves = [w.label for w in doc.waves] if doc is not None else []
        if doc is None:
            self.updateGeometry()
            self.update()
            return
        groups: dict[tuple[str, str, str, str], list[Reading]] = {}
        for reading in readings(doc):
            score = reading.score
            key = (score.stage, score.metric, score.name, score.touchpoint or "")
            groups.setdefault(key, []).append(reading)
        stages = [s for s in doc.stage_order if any(k[0] == s for k in groups)]
        rows = sorted({k[1:] for k in groups},
                      key=lambda m: (METRIC_ORDER.get(m[0], 9), m[2] != "", m[1], m[2]))
        for c, stage in enumerate(stages):
            for r, (metric, name, touchpoint) in enumerate(rows):
                scores = groups.get((stage, metric, name, touchpoint))
                if not scores:
                    continue
                rect = QRectF(LABEL_W + c * CELL_W, HEAD_H + r * CELL_H, CELL_W, CELL_H)
                where = doc.element(touchpoint).text if touchpoint and touchpoint in doc else ""
                self.cells.append(ChartCell(stage, doc.element(stage).text, metric, name, rect,
                                            self._points(scores, rect), where))
        self._columns, self._rows = stages, rows
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def _points(self, series: list[Reading], rect: QRectF) -> list[PlotPoint]:
        plot = self.plot_rect(rect)
        order = {w: i for i, w in enumerate(self.waves)}
        step = plot.width() / max(1, len(self.waves) - 1) if len(self.waves) > 1 else 0.0
        points = []
        for reading in sorted(series, key=lambda r: order.get(r.score.wave, 0)):
            score = reading.score
            low, high = scale_range(score)

            def y_of(value: float, score: Score = score, low: float = low,
                     high: float = high) -> float:
                frac = min(1.0, max(0.0, (value - low) / (high - low)))
                if not score.higher_is_better:
                    frac = 1.0 - frac
                return plot.bottom() - frac * plot.height()

            x = plot.center().x() if len(self.waves) <= 1 else plot.left() + step * order.get(
                score.wave, 0)
            found = score.interval
            whisker = None if found is None else (y_of(found.low), y_of(found.high))
            points.append(PlotPoint(score.wave, x, y_of(score.value), score.value, score.n,
                                    score.low_confidence, score_colour(score), whisker, reading))
        return points

    @staticmethod
    def plot_rect(cell: QRectF) -> QRectF:
        return cell.adjusted(PAD + 28, PAD + 26, -PAD - 28, -PAD - 34)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        columns = len(getattr(self, "_columns", []))
        rows = len(getattr(self, "_rows", []))
        if not self.cells:
            return QSize(320, 80)
        return QSize(int(LABEL_W + columns * CELL_W + PAD), int(HEAD_H + rows * CELL_H + PAD))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    # ------------------------------------------------------------ drawing
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        colours = palette(dark)
        painter.fillRect(self.rect(), QColor(colours["lane_band"]))
        if not self.cells:
            painter.setPen(QColor(colours["muted"]))
            painter.drawText(self.rect().adjusted(12, 0, -12, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                             translate("ScoresChart", "No survey scores yet. Import a survey "
                                       "export with File > Import survey..."))
            painter.end()
            return
        self._draw_headers(painter, colours)
        for cell in self.cells:
            self._draw_cell(painter, cell, colours)
        painter.end()

    def _draw_headers(self, painter: QPainter, colours: dict[str, str]) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(colours["text"]))
        for c, stage in enumerate(self._columns):
            rect = QRectF(LABEL_W + c * CELL_W, 0, CELL_W, HEAD_H)
            name = self.doc.element(stage).text if self.doc is not None else stage
            painter.drawText(rect.adjusted(PAD, 0, -PAD, 0), Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                              int(CELL_W - 2 * PAD)))
        for r, (metric, _name, _touchpoint) in enumerate(self._rows):
            rect = QRectF(0, HEAD_H + r * CELL_H, LABEL_W, CELL_H)
            label = metric_label(metric)
            painter.drawText(rect.adjusted(PAD, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(self.font())

    def _draw_cell(self, painter: QPainter, cell: ChartCell, colours: dict[str, str]) -> None:
        frame = cell.rect.adjusted(4, 4, -4, -4)
        painter.setPen(QPen(QColor(colours["grid"]), 1))
        painter.setBrush(QColor(colours["background"]))
        painter.drawRoundedRect(frame, 6, 6)
        plot = self.plot_rect(cell.rect)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        painter.setPen(QColor(colours["muted"]))
        title = translate("ScoresChart", "{title}  (up = easier)").format(title=cell.title) \
            if cell.metric == "ces" else cell.title
        painter.drawText(QRectF(frame.left() + 8, frame.top() + 2, frame.width() - 16, 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setPen(QPen(QColor(colours["grid"]), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), plot.center().y()),
                         QPointF(plot.right(), plot.center().y()))
        points = cell.points
        for a, b in zip(points, points[1:]):
            real = b.reading is not None and b.reading.trend != 0
            style = Qt.PenStyle.DashLine if (a.low_confidence or b.low_confidence) \
                else Qt.PenStyle.SolidLine
            if b.reading is not None and b.reading.noise:
                style = Qt.PenStyle.DotLine
            painter.setPen(QPen(QColor(colours["link"] if real else colours["grid"]),
                                2.2 if real else 1.6, style))
            painter.drawLine(QPointF(a.x, a.y), QPointF(b.x, b.y))
            if b.change:
                good = b.reading is not None and b.reading.trend > 0
                ink = ("#2e7d32" if good else "#c62828") if real else colours["muted"]
                painter.setPen(QColor(ink))
                mid = QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)
                painter.drawText(QRectF(mid.x() - 40, mid.y() + 2, 80, 14),
                                 Qt.AlignmentFlag.AlignCenter,
                                 b.change if real else "\u2248 " + b.change)
        for point in points:
            colour = QColor(point.colour)
            if point.whisker is not None:
                painter.setPen(QPen(colour, 1.2))
                top, bottom = min(point.whisker), max(point.whisker)
                painter.drawLine(QPointF(point.x, top), QPointF(point.x, bottom))
                painter.drawLine(QPointF(point.x - 3, top), QPointF(point.x + 3, top))
                painter.drawLine(QPointF(point.x - 3, bottom), QPointF(point.x + 3, bottom))
            painter.setPen(QPen(colour, 2.0))
            painter.setBrush(QColor(colours["background"]) if point.low_confidence else colour)
            painter.drawEllipse(QPointF(point.x, point.y), 4.5, 4.5)
            painter.setPen(QColor(colours["text"]))
            label = metrics.format_value(cell.metric, point.value)
            painter.drawText(QRectF(point.x - 40, point.y - 20, 80, 14),
                             Qt.AlignmentFlag.AlignCenter, label)
            painter.setPen(QColor("#c62828" if point.low_confidence else colours["muted"]))
            n_text = translate("ScoresChart", "n={n} <{low}!").format(n=point.n, low=LOW_CONFIDENCE_N) \
                if point.low_confidence else translate("ScoresChart", "n={n}").format(n=point.n)
            painter.drawText(QRectF(point.x - 45, frame.bottom() - 30, 90, 14),
                             Qt.AlignmentFlag.AlignCenter, n_text)
            painter.setPen(QColor(colours["muted"]))
            wave = painter.fontMetrics().elidedText(point.wave, Qt.TextElideMode.ElideMiddle, 84)
            painter.drawText(QRectF(point.x - 45, frame.bottom() - 16, 90, 14),
                             Qt.AlignmentFlag.AlignCenter, wave)
        painter.setFont(self.font())


class ScoresPanel(QWidget):
    """Charts of every stage's scores across waves, and wave rename / delete.

    ``push`` runs a command through the window's undo stack."""

    def __init__(self, push: Callable[[QUndoCommand], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scores_panel")
        self.push = push
        self.doc: JourneyMap | None = None
        self.chart = ScoresChart()
        scroll = QScrollArea()
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(False)
        self.scroll = scroll
        self.waves = QListWidget()
        self.waves.setObjectName("wave_list")
        self.waves.setMaximumHeight(110)
        self.rename_edit = QLineEdit()
        self.rename_edit.setObjectName("wave_name")
        self.rename_edit.setPlaceholderText(translate("ScoresPanel", "new wave label"))
        self.rename_button = QPushButton(translate("ScoresPanel", "Rename"))
        self.rename_button.setObjectName("rename_wave")
        self.delete_button = QPushButton(translate("ScoresPanel", "Delete wave"))
        self.delete_button.setObjectName("delete_wave")
        self.message = QLabel()
        self.message.setObjectName("wave_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_edit, 1)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        column = QVBoxLayout(self)
        column.addWidget(scroll, 1)
        column.addWidget(QLabel(translate("ScoresPanel", "Waves (oldest first):")))
        column.addWidget(self.waves)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self.rename_button.clicked.connect(self.rename_selected)
        self.rename_edit.returnPressed.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.waves.currentTextChanged.connect(self._wave_selected)
        self._refresh_waves()

    def set_document(self, doc: JourneyMap | None) -> None:
        self.doc = follow(self.doc, doc, self._on_changes, each=False)
        self.chart.set_document(doc)
        self._refresh_waves()

    def _on_changes(self, changes: ChangeSet) -> None:
        if any(type(event).__name__ in _STRUCTURE_EVENTS for event in changes.events):
            self.chart.rebuild()
            self._refresh_waves()

    def _refresh_waves(self) -> None:
        current = self.waves.currentItem().text() if self.waves.currentItem() else None
        labels = [w.label for w in self.doc.waves] if self.doc is not None else []
        self.waves.blockSignals(True)
        self.waves.clear()
        self.waves.addItems(labels)
        if current in labels:
            self.waves.setCurrentRow(labels.index(current))
        self.waves.blockSignals(False)
        has = self.waves.currentItem() is not None
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _wave_selected(self, label: str) -> None:
        self.rename_edit.setText(label)
        self.rename_button.setEnabled(bool(label))
        self.delete_button.setEnabled(bool(label))

    def selected_wave(self) -> str | None:
        item = self.waves.currentItem()
        return item.text() if item is not None else None

    def rename_selected(self) -> None:
        old, new = self.selected_wave(), self.rename_edit.text().strip()
        if self.doc is None or old is None or not new or new == old:
            return
        if any(w.label == new for w in self.doc.waves):
            self.message.setText(translate("ScoresPanel", "A wave named “{name}” exists "
                                           "already.").format(name=new))
            return
        self.message.clear()
        self.push(RenameWave(self.doc, old, new))
        self.waves.setCurrentRow([w.label for w in self.doc.waves].index(new))

    def delete_selected(self) -> None:
        label = self.selected_wave()
        if self.doc is None or label is None:
            return
        count = len(self.doc.scores(wave=label))
        self.push(DeleteWave(self.doc, label))
        self.message.setText(translate("ScoresPanel", "Deleted wave “{name}” and its %n score(s) "
                                       "(undo brings them back).", None, count).format(name=label))

