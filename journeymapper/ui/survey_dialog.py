"""File > Import survey: map a survey export's columns to stages and metrics,
see the resulting scores, and commit them as one undo step.

The dialog shows the detected layout and a preview of the answers, suggests
a metric and stage for every column (each one a combo box the user can
change), lists answer labels it does not know so the user can give them a
number, and recomputes the scores on a worker thread whenever a choice
changes: the window never freezes, a progress bar shows large files and
Cancel stops the pass. Import pushes one ImportScores command. The two
tables of choices (columns to metrics and stages, unknown answers to numbers)
are in ui/survey_mapping.py; the worker thread's task in ui/survey_worker.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.commands.scores import ImportScores
from journeymapper.io.survey import (
    ImportOptions,
    ImportResult,
    Inspection,
    inspect_survey,
    plan_import,
)
from journeymapper.io.survey.plan import require_responses
from journeymapper.model import metrics
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import JourneyError
from journeymapper.ui.survey_mapping import (
    AnswerNumbers,
    ColumnMapping,
    read_only_table,
    stage_and_touchpoint,
)
from journeymapper.ui.survey_worker import PlanTask
from journeymapper.words import metric_label

SURVEY_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
translate = QCoreApplication.translate

CES_CHOICES = (
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "1 = very easy (lower is better)"),
     metrics.CES_LOW_IS_EASY),
    (QT_TRANSLATE_NOOP("SurveyImportDialog", "7 = very easy (higher is better)"),
     metrics.CES_HIGH_IS_EASY))


def survey_filter() -> str:
    return translate("SurveyImportDialog",
                     "Survey exports (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)")


class SurveyImportDialog(QDialog):
    """Map a survey file's columns and import its scores. ``push`` runs a
    command through the window's undo stack. Emits ``imported(result)``."""

    imported = Signal(object)
    preview_ready = Signal()

    def __init__(self, doc: JourneyMap, push: Callable[[QUndoCommand], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey_dialog")
        self.setWindowTitle(translate("SurveyImportDialog", "Import survey"))
        self.doc, self.push = doc, push
        self.inspection: Inspection | None = None
        self.result: ImportResult | None = None
        self.error = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.task: PlanTask | None = None
        self._stale_tasks: list[PlanTask] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.start_preview)
        self._build()
        self.resize(1000, 760)

    # ------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.file_label = QLabel(translate("SurveyImportDialog", "No file chosen."))
        self.file_label.setObjectName("file_label")
        self.file_label.setWordWrap(True)
        choose = QPushButton(translate("SurveyImportDialog", "Choose file…"))
        choose.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.sheet_combo.setVisible(False)
        self.sheet_combo.currentTextChanged.connect(self._sheet_changed)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.sheet_combo)
        top.addWidget(choose)

        self.preview_table = QTableWidget()
        self.preview_table.setObjectName("preview_table")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.mapping_table = ColumnMapping()
        self.mapping_table.changed.connect(self.schedule_preview)

        self.wave_edit = QLineEdit(dt.date.today().isoformat())
        self.wave_edit.setObjectName("wave_edit")
        self.wave_edit.textChanged.connect(self.schedule_preview)
        self.wave_edit.textChanged.connect(self._wave_named)
        # the date of the survey (not of the import): what a trend's time axis reads
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("wave_date")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.dateChanged.connect(self.schedule_preview)
        self.ces_combo = QComboBox()
        self.ces_combo.setObjectName("ces_combo")
        for text, value in CES_CHOICES:
            self.ces_combo.addItem(translate("SurveyImportDialog", text), value)
        self.ces_combo.currentIndexChanged.connect(self.schedule_preview)
        options = QFormLayout()
        options.addRow(translate("SurveyImportDialog", "Wave label:"), self.wave_edit)
        options.addRow(translate("SurveyImportDialog", "Survey date:"), self.date_edit)
        options.addRow(translate("SurveyImportDialog", "CES scale:"), self.ces_combo)

        self.labels_table = AnswerNumbers()
        self.labels_table.changed.connect(self.schedule_preview)
        labels_box = QGroupBox(translate("SurveyImportDialog", "Answers to map (counted as "
                                         "skipped until given a number)"))
        QVBoxLayout(labels_box).addWidget(self.labels_table)

        self.results_table = read_only_table(QTableWidget(), "results_table", [
            translate("SurveyImportDialog", "Stage"), translate("SurveyImportDialog", "Metric"),
            translate("SurveyImportDialog", "Value"), translate("SurveyImportDialog", "n"),
            translate("SurveyImportDialog", "Skipped"), translate("SurveyImportDialog", "Note")], 5)
        self.status = QLabel()
        self.status.setObjectName("status_label")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(translate("SurveyImportDialog", "Cancel reading"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_by_user)

        self.import_button = QPushButton(translate("SurveyImportDialog", "Import"))
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.commit)
        close = QPushButton(translate("SurveyImportDialog", "Close"))
        close.setObjectName("close_button")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch()
        bottom.addWidget(close)
        bottom.addWidget(self.import_button)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(QLabel(translate(
            "SurveyImportDialog", "Columns: choose a metric and a stage for each to import")))
        left_column.addWidget(self.mapping_table, 2)
        left_column.addLayout(options)
        left_column.addWidget(labels_box, 1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(QLabel(translate("SurveyImportDialog", "Scores this import makes:")))
        right_column.addWidget(self.results_table, 1)
        status_scroll = QScrollArea()
        status_scroll.setWidgetResizable(True)
        status_scroll.setFixedHeight(120)
        status_scroll.setWidget(self.status)
        right_column.addWidget(status_scroll)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(left)
        middle.addWidget(right)
        outer = QSplitter(Qt.Orientation.Vertical)
        preview_box = QGroupBox(translate("SurveyImportDialog", "Answers (first rows)"))
        QVBoxLayout(preview_box).addWidget(self.preview_table)
        outer.addWidget(preview_box)
        outer.addWidget(middle)
        outer.setSizes([220, 520])
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(outer, 1)
        column.addLayout(bottom)

    # ------------------------------------------------------------ file
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("SurveyImportDialog", "Import survey"),
                                              "", survey_filter())
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path, sheet: str | None = None) -> bool:
        """Inspect ``path`` and fill the dialog; False (with the reason shown) if unreadable."""
        self.cancel_preview()
        try:
            inspection = inspect_survey(path, sheet, self.doc)
        except JourneyError as exc:
            self.inspection = None
            self._show_error(str(exc))
            self.file_label.setText(translate("SurveyImportDialog", "{name}: cannot be read.")
                                    .format(name=Path(path).name))
            self.mapping_table.setRowCount(0)
            self.preview_table.clear()
            return False
        if not inspection.preview:
            try:
                require_responses(inspection.survey.name, inspection.layout.header_rows, 0)
            except JourneyError as exc:
                self._show_error(str(exc))
            self.inspection = None
            self.mapping_table.setRowCount(0)
            self.results_table.setRowCount(0)
            return False
        self.inspection = inspection
        self.labels_table.forget()
        survey, layout = inspection.survey, inspection.layout
        encoding = survey.encoding_label if survey.format == "csv" else translate(
            "SurveyImportDialog", "sheet “{sheet}”").format(sheet=survey.sheet)
        header_rows = layout.header_rows
        rows = translate("SurveyImportDialog", "%n header row(s)", None, header_rows)
        self.file_label.setText(translate("SurveyImportDialog",
                                          "<b>{file}</b> — {layout}, {rows}, {encoding}").format(
            file=survey.name, layout=layout.label, rows=rows, encoding=encoding))
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(survey.sheets))
        self.sheet_combo.setCurrentText(survey.sheet)
        self.sheet_combo.setVisible(len(survey.sheets) > 1)
        self.sheet_combo.blockSignals(False)
        self._fill_preview()
        self.mapping_table.fill(inspection, self.doc)
        self.labels_table.fill({})
        self.start_preview()
        return True

    def _sheet_changed(self, sheet: str) -> None:
        if self.inspection is not None and sheet and sheet != self.inspection.survey.sheet:
            self.load_file(self.inspection.survey.path, sheet)

    def _fill_preview(self) -> None:
        assert self.inspection is not None
        columns = self.inspection.layout.columns
        rows = self.inspection.preview
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(columns))
        self.preview_table.setRowCount(len(rows))
        for index, column in enumerate(columns):
            # a matrix row is told apart by its row label, even in a narrow column
            header = QTableWidgetItem(f"{column.ref} {column.row}" if column.row
                                      else f"{column.ref} {column.label(40)}")
            header.setToolTip(column.header)
            self.preview_table.setHorizontalHeaderItem(index, header)
        for r, row in enumerate(rows):
            for c in range(len(columns)):
                text = row[c] if c < len(row) else ""
                self.preview_table.setItem(r, c, QTableWidgetItem(" ".join(text.split())))

    # ------------------------------------------------------------ choices
    def mapping_combos(self, column_ref: str) -> tuple[QComboBox, QComboBox]:
        """The metric and stage combo boxes of a column (``#7``)."""
        return self.mapping_table.combos(column_ref)

    @property
    def label_edits(self) -> dict[str, QLineEdit]:
        """The number fields of the unknown answers, by the answer's text."""
        return self.labels_table.edits

    def _wave_named(self, label: str) -> None:
        """A wave the map has: show its date (the import keeps it unless changed)."""
        known = next((w for w in self.doc.waves if w.label == label.strip()), None)
        if known is not None and known.date:
            self.date_edit.setDate(QDate.fromString(known.date, "yyyy-MM-dd"))

    def options(self) -> ImportOptions:
        return ImportOptions(wave=self.wave_edit.text().strip(),
                             wave_date=self.date_edit.date().toString("yyyy-MM-dd"),
                             ces_direction=self.ces_combo.currentData(),
                             labels=dict(self.labels_table.values),
                             unknown_hint=translate("SurveyImportDialog",
                                                    "give them a number under “Answers to map”"))

    # ------------------------------------------------------------ preview
    def schedule_preview(self, *_args: object) -> None:
        """Recompute shortly after the last change (typing does not start a pass per key)."""
        self.import_button.setEnabled(False)
        self._timer.start()

    def start_preview(self) -> None:
        """Count the file on the worker thread with the current choices."""
        self._timer.stop()
        self.cancel_preview()
        self.result, self.error = None, ""
        self.import_button.setEnabled(False)
        if self.inspection is None:
            return
        mappings = self.mapping_table.mappings()
        if not mappings:
            self.results_table.setRowCount(0)
            self._show_status(translate("SurveyImportDialog",
                                        "Choose a metric and a stage for at least one column."))
            self.preview_ready.emit()
            return
        inspection, options, doc = self.inspection, self.options(), self.doc
        task = PlanTask(lambda progress: plan_import(doc, inspection.survey, inspection.layout,
                                                     mappings, options, progress))
        task.signals.progress.connect(self.progress.setValue)
        task.signals.finished.connect(lambda result, t=task: self._finished(t, result))
        task.signals.failed.connect(lambda message, t=task: self._failed(t, message))
        task.signals.cancelled.connect(lambda t=task: self._cancelled(t))
        self.task = task
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._show_status(translate("SurveyImportDialog", "Reading answers…"))
        self.pool.start(task)

    def cancel_preview(self) -> None:
        if self.task is not None:
            self.task.stop.set()
            self._stale_tasks.append(self.task)
            self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def cancel_by_user(self) -> None:
        """The Cancel button: stop reading; the choices stay as they are."""
        self.cancel_preview()
        self._show_status(translate("SurveyImportDialog",
                                    "Reading cancelled; change a choice to read again."))
        self.preview_ready.emit()

    def _done(self, task: PlanTask) -> bool:
        if task in self._stale_tasks:
            self._stale_tasks.remove(task)
            return False
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        return True

    def _finished(self, task: PlanTask, result: ImportResult) -> None:
        if not self._done(task):
            return
        self.result = result
        self._fill_results(result)
        merged: dict[str, int] = {}
        for counts in result.unknown.values():
            for text, count in counts.items():
                merged[text] = merged.get(text, 0) + count
        self.labels_table.fill(merged)
        self.import_button.setEnabled(bool(result.scores or result.cards))
        self.preview_ready.emit()

    def _failed(self, task: PlanTask, message: str) -> None:
        if not self._done(task):
            return
        self.results_table.setRowCount(0)
        self._show_error(message)
        self.preview_ready.emit()

    def _cancelled(self, task: PlanTask) -> None:
        self._done(task)

    def _fill_results(self, result: ImportResult) -> None:
        self.results_table.setRowCount(len(result.scores))
        for row, score in enumerate(result.scores):
            note = []
            if score.metric == "ces":
                note.append(translate("SurveyImportDialog", "lower is better")
                            if not score.higher_is_better
                            else translate("SurveyImportDialog", "higher is better"))
            split = score.nps_split
            if split is not None:
                note.append(translate("SurveyImportDialog", "{promoters} promoters, {passives} "
                                      "passives, {detractors} detractors").format(
                    promoters=split["promoters"], passives=split["passives"],
                    detractors=split["detractors"]))
            if score.low_confidence:
                note.append(translate("SurveyImportDialog", "low confidence (n < 30)"))
            metric = metric_label(score.metric, score.name)
            where = self.doc.element(score.stage).text
            if score.touchpoint is not None:
                where = stage_and_touchpoint(where, self.doc.element(score.touchpoint).text)
            cells = [where, metric,
                     metrics.format_value(score.metric, score.value), str(score.n),
                     str(score.skipped), translate("SurveyImportDialog", "; ").join(note)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5 and score.low_confidence:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.results_table.setItem(row, column, item)
        for column in range(5):
            self.results_table.resizeColumnToContents(column)
        wave = result.waves[0].label if result.waves else ""
        responses, quotes = result.responses, len(result.cards)
        lines = [translate("SurveyImportDialog", "%n response(s) → wave “{wave}”.", None,
                           responses).format(wave=wave)]
        if any(w.label == wave for w in self.doc.waves):
            lines.append(translate("SurveyImportDialog", "This wave exists: scores of the same "
                                   "stage and metric are replaced."))
        if result.cards:
            lines.append(translate("SurveyImportDialog", "%n quote(s) will be added to the "
                                   "thought lane.", None, quotes))
        lines += [str(note) for note in result.notes]
        self._show_status("\n".join(lines))

    def _show_status(self, text: str) -> None:
        self.error = ""
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _show_error(self, message: str) -> None:
        self.error = message
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(message)

    # ------------------------------------------------------------ commit
    def commit(self) -> None:
        """Push the previewed import as one undo step and close."""
        if self.result is None:
            return
        self.push(ImportScores(self.doc, self.result))
        self.imported.emit(self.result)
        self.accept()

    def done(self, code: int) -> None:
        """Closing stops any pass still reading."""
        self._timer.stop()
        self.cancel_preview()
        self.pool.waitForDone(5000)
        super().done(code)


def is_survey_file(path: str) -> bool:
    return path.lower().endswith(SURVEY_SUFFIXES)


def open_dialog(window: object, path: str | None = None) -> SurveyImportDialog:
    """Open the dialog (window-modal, not blocking) over a main window."""
    dialog = SurveyImportDialog(window.document, window.push, window)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if path:
        dialog.load_file(path)
    dialog.open()
    if not path:
        QTimer.singleShot(0, dialog.choose_file)
    return dialog


def install(window: object) -> None:
    """File > Import survey… and dropping a CSV/XLSX on the window."""
    window.add_file_action(  # type: ignore[attr-defined]
        translate("SurveyImportDialog", "Import &survey…"), lambda: open_dialog(window),
        position="import", toolbar=("survey", translate("SurveyImportDialog", "Import survey")))

    def on_drop(path: str) -> bool:
        if not is_survey_file(path):
            return False
        open_dialog(window, path)
        return True

    window.drop_handlers.append(on_drop)  # type: ignore[attr-defined]
