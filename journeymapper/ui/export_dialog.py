"""File > Export PDF: the stakeholder report with the same options as
``journeymapper export``, written on a worker thread with progress, then
opened in the system viewer if the user wants.

The export works on a snapshot of the document (serialised and read back),
so the user can keep editing while the PDF is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.io.jmap import loads
from journeymapper.io.pdf import ORIENTATIONS, PAGE_SIZES, ExportOptions, ExportResult, export_pdf
from journeymapper.io.pdf.fonts import choose_font
from journeymapper.io.pdf.report import document_texts
from journeymapper.io.serialize import dumps
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import JourneyError
from journeymapper.words import language_name, map_language

PDF_FILTER = "PDF documents (*.pdf)"
LATEST = "Latest wave"
#: the poster choices: (setting, option value); the first tiles the page size above
POSTERS = (("tiles", None), ("auto", "auto"), ("A3", "A3"), ("A2", "A2"), ("A1", "A1"),
           ("A0", "A0"))


Opener = Callable[[Path], Any]
translate = QCoreApplication.translate
ORIENTATION_LABELS = {"auto": QT_TRANSLATE_NOOP("ExportDialog", "auto"),
                      "landscape": QT_TRANSLATE_NOOP("ExportDialog", "landscape"),
                      "portrait": QT_TRANSLATE_NOOP("ExportDialog", "portrait")}


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportThread(QThread):
    """Builds and writes one PDF off the GUI thread from a serialised snapshot
    of the document. Signals: ``progressed(done, total)``,
    ``succeeded(ExportResult)``, ``failed(message)``."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, snapshot: bytes, path: Path, options: ExportOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot, self.path, self.options = snapshot, path, options

    def run(self) -> None:
        try:
            doc = loads(self.snapshot).document
            result = export_pdf(doc, self.path, self.options,  # in the map's language
                                progress=lambda done, total: self.progressed.emit(done, total))
        except JourneyError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must not kill the window; say what happened
            self.failed.emit(translate("ExportThread", "could not export the PDF: {error}: {reason}")
                             .format(error=type(exc).__name__, reason=exc))
        else:
            self.succeeded.emit(result)


class ExportDialog(QDialog):
    """Options, progress and result of one PDF export of ``doc``.

    ``opener`` shows the finished PDF (the system viewer by default; tests
    pass their own). Choices are remembered in ``settings`` under ``pdf/``."""

    def __init__(self, doc: JourneyMap, map_path: Path | None = None,
                 parent: QWidget | None = None, settings: QSettings | None = None,
                 opener: Opener = open_in_viewer) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(translate("ExportDialog", "Export PDF"))
        self.doc = doc
        self.settings = settings if settings is not None else QSettings()
        self.opener = opener
        self.thread: ExportThread | None = None
        self.result: ExportResult | None = None
        self._texts = document_texts(doc)

        self.output_edit = QLineEdit(str(self._default_output(map_path)))
        self.output_edit.setObjectName("output_edit")
        browse = QPushButton(translate("ExportDialog", "Browse…"))
        browse.setObjectName("browse_button")
        browse.setAutoDefault(False)  # Return in a field means Export, not Browse
        browse.clicked.connect(self.browse_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(browse)

        self.page_combo = QComboBox()
        self.page_combo.setObjectName("page_combo")
        self.page_combo.addItems(list(PAGE_SIZES))
        self.page_combo.setCurrentText(str(self.settings.value("pdf/page_size", "A4")))
        self.orientation_combo = QComboBox()
        self.orientation_combo.setObjectName("orientation_combo")
        for orientation in ORIENTATIONS:
            self.orientation_combo.addItem(translate("ExportDialog", ORIENTATION_LABELS.get(
                orientation, orientation)), orientation)
        self.orientation_combo.setCurrentIndex(max(0, self.orientation_combo.findData(
            str(self.settings.value("pdf/orientation", "auto")))))
        self.poster_combo = QComboBox()
        self.poster_combo.setObjectName("poster_combo")
        for key, _value in POSTERS:
            if key == "tiles":
                label = translate("ExportDialog", "Tiles on the page size above")
            elif key == "auto":
                label = translate("ExportDialog", "One poster page, the size the map needs")
            else:
                label = translate("ExportDialog", "One poster page, {size}").format(size=key)
            self.poster_combo.addItem(label, key)
        chosen = str(self.settings.value("pdf/poster", "tiles"))
        self.poster_combo.setCurrentIndex(max(0, self.poster_combo.findData(chosen)))
        self.map_only_check = QCheckBox(translate("ExportDialog",
                                                  "Only the map (no cover, personas, tables)"))
        self.map_only_check.setObjectName("map_only_check")
        self.wave_combo = QComboBox()
        self.wave_combo.setObjectName("wave_combo")
        self.wave_combo.addItem(translate("ExportDialog", "Latest wave"), None)
        for wave in doc.waves:
            self.wave_combo.addItem(wave.label, wave.label)
        self.wave_combo.setEnabled(bool(doc.waves))
        self.wave_combo.setToolTip(translate("ExportDialog", "Stage badges and score tables show "
                                             "waves up to this one"))

        self.font_edit = QLineEdit(str(self.settings.value("pdf/font", "") or ""))
        self.font_edit.setObjectName("font_edit")
        self.font_edit.setPlaceholderText(translate(
            "ExportDialog", "automatic: a font that has every character of the map"))
        self.font_edit.editingFinished.connect(self.update_font_note)
        self._font_timer = QTimer(self)  # re-check a typed font path once typing pauses
        self._font_timer.setSingleShot(True)
        self._font_timer.setInterval(400)
        self._font_timer.timeout.connect(self.update_font_note)
        self.font_edit.textEdited.connect(lambda _text: self._font_timer.start())
        font_button = QPushButton(translate("ExportDialog", "Choose…"))
        font_button.setObjectName("font_button")
        font_button.setAutoDefault(False)
        font_button.clicked.connect(self.browse_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_edit, 1)
        font_row.addWidget(font_button)
        self.font_note = QLabel()
        self.font_note.setObjectName("font_note")
        self.font_note.setWordWrap(True)

        self.open_check = QCheckBox(translate("ExportDialog", "Open the PDF when done"))
        self.open_check.setObjectName("open_check")
        self.open_check.setChecked(self.settings.value("pdf/open_when_done", "true") == "true")

        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Save as"), out_row)
        form.addRow(translate("ExportDialog", "Page size"), self.page_combo)
        form.addRow(translate("ExportDialog", "Orientation"), self.orientation_combo)
        form.addRow(translate("ExportDialog", "Map pages"), self.poster_combo)
        form.addRow(translate("ExportDialog", "Scores"), self.wave_combo)
        form.addRow(translate("ExportDialog", "Font"), font_row)
        self.language_note = QLabel(translate(
            "ExportDialog", "Labelled in {language}, the map's language (Map properties)").format(
                language=language_name(map_language(doc))))
        self.language_note.setObjectName("language_note")
        form.addRow(translate("ExportDialog", "Language"), self.language_note)
        form.addRow("", self.font_note)
        form.addRow("", self.map_only_check)
        form.addRow("", self.open_check)

        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(translate("ExportDialog", "Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addWidget(self.buttons)
        self.inputs: list[QWidget] = [self.output_edit, browse, self.page_combo,
                                      self.orientation_combo, self.poster_combo,
                                      self.map_only_check,
                                      self.wave_combo, self.font_edit, font_button,
                                      self.open_check]
        self.resize(560, self.sizeHint().height())
        self.update_font_note()

    # ------------------------------------------------------------ choices
    def _default_output(self, map_path: Path | None) -> Path:
        if map_path is not None:
            return Path(map_path).with_suffix(".pdf")
        folder = Path(str(self.settings.value("pdf/folder", "") or Path.home()))
        name = "".join(c for c in self.doc.title if c not in '<>:"/\\|?*').strip() or "journey"
        return folder / f"{name}.pdf"

    def browse_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("ExportDialog", "Export PDF"),
                                              self.output_edit.text(),
                                              translate("ExportDialog", "PDF documents (*.pdf)"))
        if path:
            self.output_edit.setText(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("ExportDialog", "Choose a font"),
                                              self.font_edit.text(),
                                              translate("ExportDialog",
                                                        "TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font_edit.setText(path)
            self.update_font_note()

    def update_font_note(self) -> bool:
        """Say which font the report will use; False (and Export off) when the
        chosen font cannot print the map."""
        try:
            choice = choose_font(self._texts, self.font_edit.text().strip() or None)
        except JourneyError as exc:
            self.font_note.setText(f"<span style='color:#c62828'>{_escape(str(exc))}</span>")
            self.export_button.setEnabled(False)
            return False
        if choice.complete:
            self.font_note.setText(translate("ExportDialog", "Set in {font}.").format(
                font=_escape(choice.label)))
        else:
            self.font_note.setText("<span style='color:#c62828'>{}</span>".format(translate(
                "ExportDialog", "No installed font has every character of this map: {font}. "
                "Choose a font that has them.").format(font=_escape(choice.describe()))))
        self.export_button.setEnabled(self.thread is None)
        return True

    def options(self) -> ExportOptions:
        wave = self.wave_combo.currentData()
        return ExportOptions(
            page_size=self.page_combo.currentText(),
            orientation=str(self.orientation_combo.currentData()),
            map_only=self.map_only_check.isChecked(),
            wave=wave if wave and self.doc.waves else None,
            font_path=self.font_edit.text().strip() or None,
            poster=dict(POSTERS)[self.poster_combo.currentData()],
        )

    # ------------------------------------------------------------ export
    def start_export(self) -> None:
        if self.thread is not None or not self.update_font_note():
            return
        text = self.output_edit.text().strip()
        if not text:
            self._fail(translate("ExportDialog", "choose where to save the PDF"))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
            self.output_edit.setText(str(path))
        snapshot = dumps(self.doc)  # the user may edit on while it writes
        self._remember()
        self.result = None
        self.progress.setRange(0, 0)
        self.status.setText(translate("ExportDialog", "Writing {name}…").format(name=path.name))
        self._set_busy(True)
        self.thread = ExportThread(snapshot, path, self.options(), self)
        self.thread.progressed.connect(self._on_progress)
        self.thread.succeeded.connect(self._on_done)
        self.thread.failed.connect(self._fail)
        self.thread.finished.connect(self._on_finished)
        self.thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_done(self, result: ExportResult) -> None:
        self.result = result
        assert self.thread is not None
        path = self.thread.path
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        map_pages = result.map_pages
        layout = (translate("ExportDialog", "the map on %n page(s)", None, map_pages)
                  if result.tiled else translate("ExportDialog", "the map on one page"))
        pages = result.pages
        text = translate("ExportDialog", "Wrote %n page(s) to {path} ({layout}), set in {font}.",
                         None, pages).format(path=path, layout=layout, font=result.font.label)
        if not result.font.complete:
            text += " " + translate("ExportDialog", "Warning: {problem}.").format(
                problem=result.font.describe())
        self.status.setText(text)
        if self.open_check.isChecked():
            self.opener(path)

    def _fail(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText("<span style='color:#c62828'>{}</span>".format(
            translate("ExportDialog", "Not exported: {reason}").format(reason=_escape(message))))

    def _on_finished(self) -> None:
        if self.thread is not None:
            self.thread.deleteLater()
        self.thread = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for widget in self.inputs:
            widget.setEnabled(not busy)
        self.wave_combo.setEnabled(not busy and bool(self.doc.waves))
        self.export_button.setEnabled(not busy)

    def _remember(self) -> None:
        s = self.settings
        s.setValue("pdf/page_size", self.page_combo.currentText())
        s.setValue("pdf/orientation", str(self.orientation_combo.currentData()))
        s.setValue("pdf/poster", self.poster_combo.currentData())
        s.setValue("pdf/font", self.font_edit.text().strip())
        s.setValue("pdf/open_when_done", "true" if self.open_check.isChecked() else "false")
        s.setValue("pdf/folder", str(Path(self.output_edit.text()).expanduser().parent))

    def wait(self) -> None:
        """Block until a running export has finished (closing, tests)."""
        if self.thread is not None:
            self.thread.wait()

    def done(self, code: int) -> None:  # noqa: D401 (Qt API)
        self.wait()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.wait()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_export_dialog(window: Any, settings: QSettings | None = None,
                       opener: Opener = open_in_viewer) -> ExportDialog:
    """Open the dialog for ``window``'s document (its public ``document`` and ``path``)."""
    dialog = ExportDialog(window.document, getattr(window, "path", None), window,
                          settings if settings is not None else getattr(
                              getattr(window, "settings", None), "qsettings", None),
                          opener)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
