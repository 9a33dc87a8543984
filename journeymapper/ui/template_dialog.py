"""The New Map dialog: pick one of the shipped templates and give the map a title."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.templates import Template, list_templates
from journeymapper.words import language_name

translate = QCoreApplication.translate


class TemplateDialog(QDialog):
    """Lists ``list_templates()`` with their stages; ``choice()`` gives
    (template name, title) once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TemplateDialog", "New journey map"))
        self.templates: list[Template] = list_templates()
        self.list = QListWidget()
        self.list.setObjectName("templates")
        self.list.setSpacing(3)
        for template in self.templates:
            stages = " → ".join(template.stages) + ("  ↺" if template.loops else "")
            item = QListWidgetItem(translate("TemplateDialog", "{title} ({language})\n    {stages}")
                                   .format(title=template.title, stages=stages,
                                           language=language_name(template.language)))
            item.setToolTip(template.description)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            self.list.addItem(item)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(translate("TemplateDialog", "the template's title"))
        form = QFormLayout()
        form.addRow(translate("TemplateDialog", "Map title:"), self.title_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("TemplateDialog", "Start from a template:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show_template)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.templates:
            self.list.setCurrentRow(0)
        self.resize(460, 420)

    def _show_template(self, row: int) -> None:
        ok = 0 <= row < len(self.templates)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if ok:
            template = self.templates[row]
            self.description.setText(template.description)
            self.title_edit.setPlaceholderText(template.title)

    def choice(self) -> tuple[str, str | None] | None:
        """The chosen template name and title (None: the template's own title)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.templates):
            return None
        title = self.title_edit.text().strip() or None
        return self.templates[row].name, title
