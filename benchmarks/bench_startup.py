"""Start-up: from process start to the first paint of the main window showing
examples/laptop-store.jmap, against an empty PySide6 QMainWindow shown the
same way. Both run in a fresh Python process (offscreen), so the figures
include the interpreter and Qt start-up a user waits for.

Also: File > Open of a generated 5,000-card map in a running window, until
it is painted, against reading the same file without a window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import Row, median_ms  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "laptop-store.jmap"

# Runs in the child: report the wall-clock time once the first paint of a
# main window has finished, then quit.
CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([sys.argv[0]])

class FirstPaint(QObject):
    seen = False

    def eventFilter(self, obj, event):
        if (not self.seen and event.type() == QEvent.Type.Paint
                and hasattr(obj, "window") and isinstance(obj.window(), QMainWindow)):
            self.seen = True
            QTimer.singleShot(0, self.done)
        return False

    def done(self):
        print(f"PAINTED {time.time():.6f}", flush=True)
        app.quit()

watcher = FirstPaint()
app.installEventFilter(watcher)
if sys.argv[1] == "app":
    from journeymapper.cli import main
    sys.exit(main([sys.argv[2]]))
window = QMainWindow()
window.setWindowTitle("baseline")
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def first_paint_ms(args: list[str], config: str, language: str = "en") -> float:
    """Milliseconds from just before the process starts to its first paint, with the
    system locale speaking ``language`` (the window follows it)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config,
               PYTHONPATH=str(ROOT), LANGUAGE=language,
               LANG="ko_KR.UTF-8" if language == "ko" else "C.UTF-8")
    # an installed app starts from compiled bytecode (pip writes it); the warm-up
    # runs write it here, where the environment may have turned that off
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED "):
            return (float(line.split()[1]) - start) * 1000
    raise RuntimeError(f"the window was never painted: {done.stderr.strip()[-400:]}")


def open_big_map(quick: bool) -> Row:
    """Open a 5k-card / 5k-link map in a shown window and paint it once."""
    from bench_file import generate
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journeymapper.io import jmap
    from journeymapper.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-open-"))
    path = folder / "big.jmap"
    jmap.save(generate(), path)
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()

    def open_and_paint() -> None:
        window.open_path(path, ask=False)
        window.view.viewport().repaint()

    repeat = 3 if quick else 5
    value = median_ms(open_and_paint, repeat)
    baseline = median_ms(lambda: jmap.load(path), repeat)
    window.close()
    window.deleteLater()
    app.processEvents()
    return Row("window: open a 5k-card map and paint it", value, None, "jmap.load alone",
               baseline, note="cards, links, panels, undo history reset")


def rows(quick: bool) -> list[Row]:
    repeat = 3 if quick else 5
    config = tempfile.mkdtemp(prefix="jm-bench-config-")
    app_times, base_times, korean_times = [], [], []
    first_paint_ms(["baseline"], config)  # warm the OS file cache for all three
    first_paint_ms(["app", str(EXAMPLE)], config, "ko")
    for _ in range(repeat):
        base_times.append(first_paint_ms(["baseline"], config))
        app_times.append(first_paint_ms(["app", str(EXAMPLE)], config))
        korean_times.append(first_paint_ms(["app", str(EXAMPLE)], config, "ko"))
    english = statistics.median(app_times)
    return [Row("startup: window with laptop-store.jmap painted", english, 1500,
                "empty QMainWindow", statistics.median(base_times),
                note=f"median of {repeat} fresh processes"),
            Row("startup: the same, the window in Korean",
                statistics.median(korean_times), 1500, "the English start above", english,
                note="LANG=ko_KR: Qt, qtbase and gettext catalogues, Hangul UI font"),
            open_big_map(quick)]
