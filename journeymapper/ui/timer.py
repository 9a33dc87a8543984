"""The workshop timer: a countdown in the corner of the canvas (large in
presentation mode), started, paused, given a minute more or reset from the
Workshop menu, or paused and resumed by a click on it.

The timer's state is a record of the map (model/workshop.py ``Timer``: the
moment it ends, or the seconds left while paused), so in a session it runs
on everyone's screen, and every window counts down from the same moment.
When it reaches zero it says so: "Time's up" flashing in red, and a beep
when Workshop > Timer > Sound at the End is on. The clock is the
workshop's (``window.workshop.clock``), so a test can move time on.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from journeymapper.canvas.decor import Banner
from journeymapper.commands.workshop import SetTimer
from journeymapper.model import workshop as ws

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

PRESETS = (1, 2, 3, 5, 10, 15)
TICK_MS = 250
FLASH_SECONDS = 12.0
STALE_SECONDS = 15 * 60.0  # "Time's up" shows this long after the end, then goes
END_COLOUR = QColor("#d9480f")


def clock_text(seconds: float) -> str:
    """'4:05', '12:00', '1:02:03' (rounded up: 0:01 until the very end)."""
    whole = int(-(-seconds // 1))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class WorkshopTimer(QObject):
    """The timer of one window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workshop = window.workshop
        self.banner = Banner("top-right", 30)
        self.banner.on_click = self.toggle
        window.view.add_decoration(self.banner)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.announced: str | None = None  # the end already announced (its moment)
        self._build_menu()
        self.workshop.changed.connect(self.tick)

    # ------------------------------------------------------------ menu
    def _build_menu(self) -> None:
        menu = QMenu(translate("Timer", "&Timer"), self.window)
        menu.setObjectName("menu_timer")
        self.workshop.menu.insertMenu(self.workshop.timer_anchor, menu)
        self.menu = menu
        self.start_actions: list[QAction] = []
        for minutes in PRESETS:
            action = menu.addAction(translate("Timer", "Start %n Minute(s)", None, minutes))
            action.setObjectName(f"action_timer_{minutes}")
            action.triggered.connect(lambda _=False, m=minutes: self.start(m * 60))
            self.start_actions.append(action)
        custom = menu.addAction(translate("Timer", "Start…"))
        custom.setObjectName("action_timer_custom")
        custom.triggered.connect(self.ask_start)
        self.start_actions.append(custom)
        menu.addSeparator()
        self.action_pause = menu.addAction(translate("Timer", "Pause"))
        self.action_pause.setObjectName("action_timer_pause")
        self.action_pause.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action_pause.triggered.connect(self.toggle)
        self.action_more = menu.addAction(translate("Timer", "+1 Minute"))
        self.action_more.setObjectName("action_timer_more")
        self.action_more.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.action_more.triggered.connect(lambda _=False: self.extend(60))
        self.action_reset = menu.addAction(translate("Timer", "Reset"))
        self.action_reset.setObjectName("action_timer_reset")
        self.action_reset.triggered.connect(self.reset)
        menu.addSeparator()
        self.action_sound = menu.addAction(translate("Timer", "Sound at the End"))
        self.action_sound.setObjectName("action_timer_sound")
        self.action_sound.setCheckable(True)
        self.action_sound.setChecked(
            str(self.window.settings.qsettings.value("workshop/timer_sound", "false")).lower() == "true"
        )
        self.action_sound.toggled.connect(
            lambda on: self.window.settings.qsettings.setValue("workshop/timer_sound", on)
        )

    # ------------------------------------------------------------ state
    def state(self) -> ws.Timer | None:
        doc = self.workshop.doc
        return ws.timer(doc) if doc is not None else None

    def now(self) -> dt.datetime:
        return self.workshop.clock()

    def remaining(self) -> float | None:
        timer = self.state()
        return None if timer is None else timer.remaining(self.now())

    def _push(self, timer: ws.Timer | None, text: str) -> bool:
        doc = self.workshop.doc
        if doc is None:
            return False
        ok = self.window.push(SetTimer(doc, timer, text))
        self.tick()
        return ok

    def start(self, seconds: int, label: str = "") -> bool:
        seconds = max(1, min(ws.MAX_TIMER, int(seconds)))
        timer = ws.Timer(seconds, None, float(seconds), label).started(self.now())
        return self._push(timer, translate("Timer", "Start timer {time}").format(time=clock_text(seconds)))

    def ask_start(self) -> None:
        answer = self.window.dialogs.ask_text(
            translate("Timer", "Start the timer"), translate("Timer", "Minutes (or m:ss):"), "5"
        )
        seconds = parse_duration(answer or "")
        if seconds is None:
            if answer:
                self.window.show_message(
                    translate("Timer", "Timer: expected minutes such as 5 or 2:30, got {value}").format(
                        value=answer[:20]
                    )
                )
            return
        self.start(seconds)

    def toggle(self) -> bool:
        """Pause a running timer, resume a paused one."""
        timer = self.state()
        if timer is None or not self.workshop.leading():
            return False
        now = self.now()
        if timer.running:
            if timer.remaining(now) <= 0:
                return False
            return self._push(timer.paused(now), translate("Timer", "Pause timer"))
        return self._push(timer.resumed(now), translate("Timer", "Resume timer"))

    def extend(self, seconds: int) -> bool:
        timer = self.state()
        if timer is None:
            return self.start(seconds)
        return self._push(timer.extended(self.now(), seconds), translate("Timer", "Timer +1 minute"))

    def reset(self) -> bool:
        if self.state() is None:
            return False
        return self._push(None, translate("Timer", "Reset timer"))

    # ------------------------------------------------------------ showing it
    def tick(self) -> None:
        timer = self.state()
        presenting = getattr(self.workshop, "presenting", False)
        self.banner.size = 64 if presenting else 30
        leading = self.workshop.leading()
        for action in self.start_actions:
            action.setEnabled(leading and self.workshop.doc is not None)
        for action in (self.action_pause, self.action_more, self.action_reset):
            action.setEnabled(leading and timer is not None)
        if timer is None:
            self.ticker.stop()
            self.announced = None
            self._show([])
            return
        left = timer.remaining(self.now())
        self.action_pause.setText(
            translate("Timer", "Pause") if timer.running else translate("Timer", "Resume")
        )
        label = [timer.label] if timer.label else []
        if timer.running and left <= 0:
            self._ended(timer, label)
            return
        self.banner.colour = None
        self.banner.text_colour = None
        if timer.running:
            self._keep_ticking()
            self._show([clock_text(left), *label])
        else:
            self.ticker.stop()
            self._show([clock_text(left), *label, translate("Timer", "paused")])

    def _ended(self, timer: ws.Timer, label: list[str]) -> None:
        moment = ws.stamp(timer.ends) if timer.ends else ""
        since = (self.now() - timer.ends).total_seconds() if timer.ends else FLASH_SECONDS
        if since > STALE_SECONDS:  # a map opened long after its timer ended: nothing to say
            self.ticker.stop()
            self._show([])
            return
        flashing = since < FLASH_SECONDS
        # red for three quarters of each second while it flashes, then red for good
        on = not flashing or since % 1.0 < 0.75
        self.banner.colour = END_COLOUR if on else None
        self.banner.text_colour = QColor("#ffffff") if on else END_COLOUR
        self._show([translate("Timer", "Time's up"), *label])
        if flashing:
            self._keep_ticking()
        else:
            self.ticker.stop()
        if self.announced != moment:
            self.announced = moment
            if flashing:  # it ended while we watched: say it
                if self.action_sound.isChecked():
                    QApplication.beep()
                self.workshop.sync()  # a vote with this time limit has closed

    def _keep_ticking(self) -> None:
        if not self.ticker.isActive():
            self.ticker.start()

    def _show(self, lines: list[str]) -> None:
        view = self.window.view
        self.banner.set_lines(lines)
        self.banner.visible = bool(lines)
        view.refresh_decoration(self.banner)

    def text(self) -> str:
        """What the timer shows now (for tests and the status bar)."""
        return " · ".join(self.banner.lines) if self.banner.visible else ""


def parse_duration(text: str) -> int | None:
    """'5' -> 300, '2:30' -> 150, '90s' -> 90; None when it is not a duration."""
    text = text.strip().lower().replace(" ", "")
    try:
        if text.endswith("s") and text[:-1].isdigit():
            seconds = int(text[:-1])
        elif ":" in text:
            minutes, _, secs = text.partition(":")
            seconds = int(minutes) * 60 + int(secs)
        else:
            seconds = round(float(text.removesuffix("min").removesuffix("m")) * 60)
    except ValueError:
        return None
    return seconds if 0 < seconds <= ws.MAX_TIMER else None


def install(window: MainWindow) -> None:
    window.timer = WorkshopTimer(window)
