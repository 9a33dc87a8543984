"""The interface language of the window: which one, and putting it in force.

The window follows the system locale unless View > Language chose another,
which is remembered in the settings (``ui/language``). :func:`install` puts a
language in force for the whole app at once: journeymapper's Qt catalogue
(``resources/i18n/journeymapper_<lang>.qm``, with the English plural forms
for English), Qt's own ``qtbase_<lang>.qm`` for the standard dialogs and
buttons, the gettext language of the Qt-free words
(:func:`journeymapper.i18n.set_language`) and the default QLocale, which
formats the numbers and dates widgets show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from journeymapper import i18n
from journeymapper.resources import resource

SETTING = "ui/language"
_installed: list[QTranslator] = []
_current: list[str] = []


def system_language() -> str:
    """The language of the system locale that the app speaks ('en' otherwise)."""
    for name in QLocale.system().uiLanguages():
        code = i18n.normalise(name)
        if code != i18n.DEFAULT or name.lower().startswith("en"):
            return code
    return i18n.DEFAULT


def chosen(qsettings) -> str | None:
    """The language chosen in View > Language, or None to follow the system."""
    value = qsettings.value(SETTING, "")
    return i18n.normalise(value) if isinstance(value, str) and value else None


def remember(qsettings, code: str | None) -> None:
    qsettings.setValue(SETTING, code or "")
    qsettings.sync()


def current() -> str:
    """The language installed last (English before any install)."""
    return _current[-1] if _current else i18n.DEFAULT


def is_installed() -> bool:
    return bool(_current)


def install(code: str | None) -> str:
    """Put ``code`` (normalised; None: the system's) in force for the app."""
    code = i18n.normalise(code or system_language())
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(code)
    QLocale.setDefault(QLocale(code))
    catalogues = [(f"journeymapper_{code}", str(resource("i18n")))]
    if code != i18n.DEFAULT:
        catalogues.append((f"qtbase_{code}",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder) and app is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    _current[:] = [code]
    return code


def build_menu(menu: QMenu, choose: Callable[[str], object]) -> dict[str, QAction]:
    """View > Language: one checkable entry per language, each in its own name."""
    group = QActionGroup(menu)
    actions: dict[str, QAction] = {}
    for code, name in i18n.LANGUAGES.items():
        action = menu.addAction(name)
        action.setObjectName(f"action_language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current())
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=code: choose(c))
        actions[code] = action
    return actions


def ensure_installed(qsettings) -> str:
    """The language in force, installing the chosen (or the system's) the first time."""
    return current() if _current else install(chosen(qsettings))
