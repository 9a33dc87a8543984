"""Helpers for the window and panel tests: a settings file under a temporary
folder, and a dialogs object that answers from a script instead of opening
modal dialogs."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a user would: ASCII as key presses,
    anything else (Korean) as the committed text of an input method, which
    is how Hangul reaches a widget. QTest's key clicks only know ASCII."""
    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii():
            run += char
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        if char != "\0":
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget.focusProxy() or widget, event)


def temp_settings(folder: Path) -> QSettings:
    """Settings in ``folder`` only: the default location is redirected there
    too, so nothing can reach the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return QSettings(str(folder / "journeymapper-test.ini"), QSettings.Format.IniFormat)


class ScriptedDialogs:
    """Same methods as journeymapper.ui.dialogs.Dialogs. Each question pops
    the next scripted answer; asking one that was not scripted fails the test.
    Messages shown are recorded in ``shown`` as (kind, title, text)."""

    def __init__(self, **answers: list[Any]) -> None:
        self.answers = {name: deque(values) for name, values in answers.items()}
        self.asked: list[tuple[str, tuple[Any, ...]]] = []
        self.shown: list[tuple[str, str, str]] = []
        self.details: list[list[str]] = []

    def script(self, name: str, *values: Any) -> None:
        self.answers.setdefault(name, deque()).extend(values)

    def _answer(self, name: str, *args: Any) -> Any:
        self.asked.append((name, args))
        queue = self.answers.get(name)
        if not queue:
            raise AssertionError(f"unexpected dialog {name}{args}")
        return queue.popleft()

    def ask_unsaved(self, name: str, action: str) -> str:
        return self._answer("ask_unsaved", name, action)

    def open_path(self, folder: str) -> str | None:
        return self._answer("open_path", folder)

    def save_path(self, suggestion: str) -> str | None:
        return self._answer("save_path", suggestion)

    def choose_template(self) -> tuple[str, str | None] | None:
        return self._answer("choose_template")

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self._answer("ask_text", title, label, text)

    def ask_lane(self, name: str = "", kind: Any = None) -> Any:
        return self._answer("ask_lane", name, kind)

    def pick_colour(self, current: str) -> str | None:
        return self._answer("pick_colour", current)

    def confirm(self, question: str) -> bool:
        return self._answer("confirm", question)

    def open_file(self, title: str, name_filter: str) -> str | None:
        return self._answer("open_file", title, name_filter)

    def ask_vote(self, settings: Any) -> Any:
        return self._answer("ask_vote", settings)

    def ask_choice(self, title: str, label: str, options: list[str], current: int = 0) -> Any:
        return self._answer("ask_choice", title, label, options, current)
    def ask_review(self, date: str, by: str) -> tuple[str, str, str] | None:
        return self._answer("ask_review", date, by)

    def recover(self, entries: list[Any]) -> dict[str, str]:
        """Recover / Discard / Later by record id; the entries offered are kept in ``offered``."""
        self.offered = list(entries)
        return self._answer("recover", entries)

    def error(self, title: str, message: str) -> None:
        self.shown.append(("error", title, message))

    def information(self, title: str, message: str) -> None:
        self.shown.append(("information", title, message))

    def warning(self, title: str, message: str, details: list[str]) -> None:
        self.shown.append(("warning", title, message))
        self.details.append(list(details))
