"""What a survey import maps, as two tables of the import dialog: each column
of the file to a metric and a stage (or a touchpoint of it), suggested from
the file and changed with a combo box, and each answer label the readers do
not know to a number the user types.

Both tables hold their editors in their cells, keep what the user chose and
emit ``changed`` when a choice changes, so the dialog recomputes its preview.
Their strings keep the context of the dialog they belong to
(``SurveyImportDialog``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from journeymapper.io.survey import QUOTES, Inspection, Mapping
from journeymapper.io.survey.labels import normalise_label, parse_number
from journeymapper.io.survey.layouts import META
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import Kind

translate = QCoreApplication.translate

#: (label, metric, mean range) choices of the metric combo boxes.
METRIC_CHOICES: tuple[tuple[str, str, tuple[float, float] | None], ...] = (
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "— not imported —"), "", None),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "CSAT (1-5)"), "csat", None),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "NPS (0-10)"), "nps", None),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "CES (1-7)"), "ces", None),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "Mean 1-5"), "mean", (1.0, 5.0)),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "Mean 1-10"), "mean", (1.0, 10.0)),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "Mean 0-10"), "mean", (0.0, 10.0)),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "Quotes (open answers)"), QUOTES, None),
)


def read_only_table(table: QTableWidget, name: str, headers: list[str],
                    stretch: int) -> QTableWidget:
    """Make ``table`` read-only with column headers; column ``stretch`` takes the spare width."""
    table.setObjectName(name)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def stage_and_touchpoint(stage: str, touchpoint: str) -> str:
    """How a touchpoint of a stage is named in the import's tables."""
    return translate("SurveyImportDialog", "{stage} › {touchpoint}").format(
        stage=stage, touchpoint=touchpoint)


def targets(doc: JourneyMap) -> list[tuple[tuple[str, str | None], str]]:
    """Every stage, each followed by the touchpoints in its column."""
    out: list[tuple[tuple[str, str | None], str]] = []
    for element in doc.stages():
        out.append(((element.id, None), element.text))
        for lane in doc.lanes:
            for card in doc.cell(element.id, lane.id):
                if card.kind is Kind.TOUCHPOINT:
                    out.append(((element.id, card.id), stage_and_touchpoint(element.text, card.text)))
    return out


class ColumnMapping(QTableWidget):
    """One row per column that is not metadata: its text, a metric and a
    stage (or touchpoint) to import it to. Emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        read_only_table(self, "mapping_table", [
            translate("SurveyImportDialog", "Column"), translate("SurveyImportDialog", "Metric"),
            translate("SurveyImportDialog", "Stage")], 0)
        self.columns: list[int] = []
        self.metric_combos: list[QComboBox] = []
        self.stage_combos: list[QComboBox] = []
        self.targets: list[tuple[tuple[str, str | None], str]] = []

    def fill(self, inspection: Inspection, doc: JourneyMap) -> None:
        """A row per column of ``inspection``, with the metric and stage it suggests."""
        infos = [i for i in inspection.columns if i.column.role != META]
        self.setRowCount(len(infos))
        self.metric_combos = []
        self.stage_combos = []
        self.columns = [i.column.index for i in infos]
        self.targets = targets(doc)
        for row, info in enumerate(infos):
            item = QTableWidgetItem(f"{info.column.ref}  {info.column.label(60)}")
            item.setToolTip(info.column.header)
            self.setItem(row, 0, item)
            metric = QComboBox()
            metric.setObjectName(f"metric_{info.column.index + 1}")
            for text, value, rng in METRIC_CHOICES:
                metric.addItem(translate("SurveyImportDialog", text), (value, rng))
            suggested = next((i for i, (_, v, _r) in enumerate(METRIC_CHOICES)
                              if v == (info.metric or "")), 0)
            metric.setCurrentIndex(suggested)
            stage = QComboBox()
            stage.setObjectName(f"stage_{info.column.index + 1}")
            stage.addItem(translate("SurveyImportDialog", "— choose a stage —"), None)
            for target, text in self.targets:
                stage.addItem(text, target)
                if target == (info.stage, None):
                    stage.setCurrentIndex(stage.count() - 1)
            metric.currentIndexChanged.connect(self._chosen)
            stage.currentIndexChanged.connect(self._chosen)
            self.setCellWidget(row, 1, metric)
            self.setCellWidget(row, 2, stage)
            self.metric_combos.append(metric)
            self.stage_combos.append(stage)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _chosen(self, _index: int) -> None:
        self.changed.emit()

    def combos(self, column_ref: str) -> tuple[QComboBox, QComboBox]:
        """The metric and stage combo boxes of a column (``#7``)."""
        index = self.columns.index(int(column_ref.lstrip("#")) - 1)
        return self.metric_combos[index], self.stage_combos[index]

    def mappings(self) -> list[Mapping]:
        """The columns given both a metric and a stage, as the importer takes them."""
        out = []
        for column, metric, stage in zip(self.columns, self.metric_combos, self.stage_combos):
            value, rng = metric.currentData()
            target = stage.currentData()
            if value and target:
                touchpoint = target[1] if value != QUOTES else None
                out.append(Mapping(column, target[0], value, rng, touchpoint))
        return out


class AnswerNumbers(QTableWidget):
    """The answers the readers do not know, how often each came, and a
    number for each (``values``, by normalised label); an answer given a
    number stays listed. Emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        read_only_table(self, "labels_table", [
            translate("SurveyImportDialog", "Unknown answer"),
            translate("SurveyImportDialog", "Count"), translate("SurveyImportDialog", "Number")], 0)
        self.values: dict[str, float] = {}   # normalised label -> number
        self.texts: dict[str, str] = {}      # normalised label -> as answered
        self.edits: dict[str, QLineEdit] = {}

    def forget(self) -> None:
        """Another file: no number given yet."""
        self.values.clear()
        self.texts.clear()

    def fill(self, unknown: dict[str, int]) -> None:
        """List unknown answers, keeping those already given a number."""
        shown = dict(unknown)
        for key, text in self.texts.items():
            if key in self.values:
                shown.setdefault(text, 0)
        self.setRowCount(len(shown))
        self.edits = {}
        for row, (text, count) in enumerate(sorted(shown.items())):
            self.setItem(row, 0, QTableWidgetItem(text))
            self.setItem(row, 1, QTableWidgetItem(
                str(count) if count else translate("SurveyImportDialog", "mapped")))
            edit = QLineEdit()
            edit.setObjectName(f"label_{row}")
            edit.setValidator(QDoubleValidator(edit))
            key = normalise_label(text)
            if key in self.values:
                edit.setText(f"{self.values[key]:g}")
            edit.editingFinished.connect(lambda t=text, e=edit: self._entered(t, e))
            self.setCellWidget(row, 2, edit)
            self.edits[text] = edit

    def _entered(self, text: str, edit: QLineEdit) -> None:
        key = normalise_label(text)
        self.texts[key] = text
        value = parse_number(edit.text())
        if value is None:
            if self.values.pop(key, None) is not None:
                self.changed.emit()
            return
        if self.values.get(key) != value:
            self.values[key] = value
            self.changed.emit()
