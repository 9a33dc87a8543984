"""Shared test fixtures: headless Qt, example maps, and a guard that fails a
test which leaves top-level widgets behind."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface follows the system locale: tests speak English unless they switch.
os.environ["LANGUAGE"] = "en"

from journeymapper.io import jmap  # noqa: E402
from journeymapper.model.document import JourneyMap  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session", autouse=True)
def app_data_folder(tmp_path_factory: pytest.TempPathFactory):
    """Recovery files and other app data go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("app-data")
    before = os.environ.get("JOURNEYMAPPER_DATA_DIR")
    os.environ["JOURNEYMAPPER_DATA_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("JOURNEYMAPPER_DATA_DIR", None)
    else:
        os.environ["JOURNEYMAPPER_DATA_DIR"] = before


@pytest.fixture
def laptop_path() -> Path:
    return EXAMPLES / "laptop-store.jmap"


@pytest.fixture
def korean_path() -> Path:
    return EXAMPLES / "dawn-delivery-ko.jmap"


@pytest.fixture
def laptop_doc(laptop_path: Path) -> JourneyMap:
    """A fresh copy of examples/laptop-store.jmap (5 stages, 42 cards, 33 links)."""
    return jmap.load(laptop_path, strict=True).document


@pytest.fixture
def korean_doc(korean_path: Path) -> JourneyMap:
    """A fresh copy of examples/dawn-delivery-ko.jmap (Korean text throughout)."""
    return jmap.load(korean_path, strict=True).document


@pytest.fixture(autouse=True)
def english_again():
    """Widgets speak English (with its plural forms) unless a test switches, and
    a test that switches the language (window, CLI) leaves English behind it."""
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            from journeymapper.ui import language

            if not language.is_installed():
                language.install("en")
    yield
    from journeymapper import i18n

    i18n.set_language("en")
    if "journeymapper.ui.language" in sys.modules:
        from journeymapper.ui import language

        if language.current() != "en":
            language.install("en")


@pytest.fixture(scope="session", autouse=True)
def clipboard_handed_over():
    """What the app does on quit: cards copied to the clipboard are replaced by
    plain text Qt owns, so the process does not crash when Qt frees it at exit."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from journeymapper.canvas.editing import hand_over_clipboard

        hand_over_clipboard()


def _top_level_widgets() -> set[int]:
    if "PySide6.QtWidgets" not in sys.modules:
        return set()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return set()
    return {id(w) for w in app.topLevelWidgets() if not _is_qt_internal(w)}


_STACKS = None


@pytest.fixture(autouse=True)
def undo_stacks_cleared():
    """Every undo stack a test made is cleared when the test ends. A stack and
    its commands freed in one pass of the cycle collector (a board dropped by a
    test) can make PySide delete a command twice and crash the process."""
    global _STACKS
    if _STACKS is None:
        import weakref

        from journeymapper.commands.base import UndoStack

        _STACKS = weakref.WeakSet()
        made = UndoStack.__init__

        def remembered(self, *args, **kwargs):
            made(self, *args, **kwargs)
            _STACKS.add(self)

        UndoStack.__init__ = remembered
    yield
    import shiboken6

    for stack in list(_STACKS):
        if shiboken6.isValid(stack):
            stack.clear()
    _STACKS.clear()


@pytest.fixture(autouse=True)
def no_leaked_widgets():
    """Fail the test when it leaves top-level widgets alive (use qtbot.addWidget)."""
    before = _top_level_widgets()
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    leaked = [w for w in app.topLevelWidgets()
              if id(w) not in before and not _is_qt_internal(w)]
    if leaked:
        names = ", ".join(f"{type(w).__name__}({w.objectName() or w.windowTitle()!r})"
                          for w in leaked)
        for w in leaked:
            w.close()
            w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        pytest.fail(f"test leaked top-level widgets: {names}", pytrace=False)


def _is_qt_internal(widget) -> bool:
    """Tooltips and Qt's own helper windows are not the test's widgets."""
    name = widget.objectName()
    return name.startswith("qt_") or name == "qtooltip_label"
