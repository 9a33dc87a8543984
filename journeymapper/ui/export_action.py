"""File > Export PDF… on the main window. The dialog's module, and reportlab
with it, is imported when the dialog first opens, not when the window starts
(the PDF package is a quarter of a second to import)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def install(window: Any) -> Any:
    """Add File > Export PDF… (Ctrl+Shift+E) to a main window."""

    def show() -> None:
        from journeymapper.ui.export_dialog import show_export_dialog
        show_export_dialog(window)

    return window.add_file_action(translate("ExportDialog", "Export &PDF…"), show,
                                  "Ctrl+Shift+E", position="export",
                                  toolbar=("pdf", translate("ExportDialog", "Export PDF")))
