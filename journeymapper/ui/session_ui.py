"""Co-editing in the window: File > Host session…, Join session…, Leave
session, the Participants panel, colleagues' outlines on the canvas, and the
title and status bar saying whether you are in a session and connected.

:class:`SessionController` (``window.collab``) owns the session
(journeymapper.collab.session) on the window's thread: the network works in
its own thread and comes back through a queued signal, so everything that
touches the map happens here. Ctrl+Z is per person (collab/history.py). A
host runs the room (collab/server.py) in a thread of its own on the current
map's file; the room saves the merged map back to it.

Features reach the session through ``window.collab.session`` (None outside
one): ``set_local_state(key, value)``, ``states()``, and the controller's
``presence_changed(states)`` signal.
"""

from __future__ import annotations

import getpass
import hashlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from journeymapper.canvas.items.presence import Mark, PresenceOverlay
from journeymapper.collab.address import lan_address, parse_address
from journeymapper.collab.client import CONNECTED, CONNECTING, OFFLINE, REFUSED
from journeymapper.collab.history import PersonalHistory
from journeymapper.collab.server import RoomServer, ServerThread
from journeymapper.collab.session import Session
from journeymapper.commands.base import set_runner
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import JourneyError
from journeymapper.ui.participants import ParticipantsPanel

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

FRAME = 1 / 60  # colleagues' changes reach the canvas at most once a frame, as one change set
COLOURS = ("#e11d48", "#2563eb", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d")


translate = QCoreApplication.translate


def colour_for(name: str) -> str:
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return COLOURS[digest[0] % len(COLOURS)]


class _Deliver(QObject):
    """Runs functions handed over from any thread on the window's thread."""

    run = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.run.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def __call__(self, fn: Any) -> None:
        self.run.emit(fn)

    @staticmethod
    def _call(fn: Any) -> None:
        fn()


class SessionDialogs:
    """The questions hosting and joining ask (tests replace ``window.collab.dialogs``)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def host_options(self, name: str) -> tuple[str, int, str] | None:
        """(listen address, port, your name), or None."""
        dialog, form = self._form(translate("SessionController", "Host session"))
        host = QLineEdit("0.0.0.0")
        port = QSpinBox()
        port.setRange(0, 65535)
        port.setValue(8765)
        you = QLineEdit(name)
        form.addRow(translate("SessionController", "Listen on"), host)
        form.addRow(translate("SessionController", "Port"), port)
        form.addRow(translate("SessionController", "Your name"), you)
        if not self._ask(dialog, form):
            return None
        return host.text().strip() or "0.0.0.0", port.value(), you.text().strip() or name

    def join_options(self, name: str) -> tuple[str, str, str] | None:
        """(address, join code, your name), or None."""
        dialog, form = self._form(translate("SessionController", "Join session"))
        address = QLineEdit()
        address.setPlaceholderText("ws://192.168.1.20:8765/journey?token=…")
        address.setMinimumWidth(380)
        code = QLineEdit()
        code.setPlaceholderText("K7QM-3XPR")
        you = QLineEdit(name)
        form.addRow(translate("SessionController", "Address"), address)
        form.addRow(translate("SessionController", "Join code (with host:port)"), code)
        form.addRow(translate("SessionController", "Your name"), you)
        if not self._ask(dialog, form):
            return None
        return address.text().strip(), code.text().strip(), you.text().strip() or name

    def show_invitation(self, address: str, code: str, viewers: str) -> None:
        """The address and, in letters a projector shows across the room, the
        host and the join code to read out."""
        dialog, form = self._form(translate("SessionController", "Session hosted"))
        for label, value in (
            (translate("SessionController", "Address"), address),
            (translate("SessionController", "Join code"), code),
        ):
            field = QLineEdit(value)
            field.setReadOnly(True)
            field.setMinimumWidth(520)
            field.setCursorPosition(0)
            form.addRow(label, field)
        hint = QLabel(translate("SessionController",
                                "Colleagues choose File > Join session… and type the address, "
                                "or this host and code:"))
        hint.setWordWrap(True)
        form.addRow(hint)
        parsed = parse_address(address)
        for text in (f"{parsed.host}:{parsed.port}", code):
            big = QLabel(text)
            big.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            big.setStyleSheet("font-size: 40px; font-weight: bold; letter-spacing: 4px;")
            form.addRow(big)
        self._ask(dialog, form, ok_only=True)

    def _form(self, title: str) -> tuple[QDialog, QFormLayout]:
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(title)
        return dialog, QFormLayout(dialog)

    @staticmethod
    def _ask(dialog: QDialog, form: QFormLayout, ok_only: bool = False) -> bool:
        """OK (and Cancel) under the fields; True when the dialog was accepted."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            if ok_only
            else QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        return dialog.exec() == QDialog.DialogCode.Accepted


class SessionController(QObject):
    """The window's side of a session (see the module docstring).

    Signals: ``presence_changed(dict)`` with the others' states,
    ``status_changed(str)`` with the connection state."""

    presence_changed = Signal(object)
    status_changed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: Any = SessionDialogs(window)
        self.deliver = _Deliver(self)
        self.session: Session | None = None
        self.server: ServerThread | None = None
        self.history: PersonalHistory | None = None
        self.seen: dict[int, tuple[str, str]] = {}
        self.invitation = ("", "")
        self.overlay = PresenceOverlay()
        self.panel = ParticipantsPanel()
        self.dock = window.add_panel(
            self.panel, translate("SessionController", "Participants"), "participants"
        )
        self.status = QLabel()
        self.status.setObjectName("session_status")
        window.statusBar().addPermanentWidget(self.status)
        self.action_host = window.add_file_action(translate("SessionController", "Host session…"), self.host)
        self.action_join = window.add_file_action(translate("SessionController", "Join session…"), self.join)
        self.action_leave = window.add_file_action(
            translate("SessionController", "Leave session"), self.leave
        )
        self.action_leave.setEnabled(False)
        self._last_local: tuple[tuple[str, ...], str | None] = ((), None)
        self._poll = QTimer(self)
        self._poll.setInterval(150)
        self._poll.timeout.connect(self._follow_me)
        window.scene.selection_ids_changed.connect(lambda _ids: self._follow_me())
        window.document_changed.connect(self._shown)
        window.closed.connect(self.leave)
        self._show_people()

    # ------------------------------------------------------------ settings
    @property
    def name(self) -> str:
        stored = self.window.settings.qsettings.value("session/name", "")
        return str(stored) if stored else getpass.getuser()

    def _remember_name(self, name: str) -> None:
        self.window.settings.qsettings.setValue("session/name", name)

    @property
    def colour(self) -> str:
        stored = self.window.settings.qsettings.value("session/colour", "")
        return str(stored) if stored else colour_for(self.name)

    # ------------------------------------------------------------ host and join
    def host(self, host: str | None = None, port: int | None = None) -> bool:
        """File > Host session…: a room on this map's file, then this window joins it."""
        window = self.window
        if self.session is not None:
            window.show_message(translate("SessionController", "Already in a session: leave it first"))
            return False
        if host is None or port is None:
            options = self.dialogs.host_options(self.name)
            if options is None:
                return False
            host, port, name = options
            self._remember_name(name)
        if window.path is None or window.is_dirty():
            if not window.save():
                return False
        try:
            server = RoomServer(window.path, seed=window.document.snapshot(), host=host, port=port)
            self.server = ServerThread(server).start()
        except (OSError, JourneyError) as exc:
            window.dialogs.error(translate("SessionController", "Could not host the session"), str(exc))
            self.server = None
            return False
        server.room.on_saved = lambda: self.deliver(self._room_saved)
        initial = self.server.call(lambda: server.room.ydoc.get_update())
        shown = host if host not in ("0.0.0.0", "::", "") else lan_address()
        self.invitation = (server.address(shown).url, server.code)
        local = server.address("127.0.0.1")
        self._start(
            Session(
                local, self.deliver, doc=window.document, name=self.name, colour=self.colour,
                initial=initial, pace=FRAME,
            )
        )
        self._bind_history(window.document)
        self.dialogs.show_invitation(self.invitation[0], server.code, "")
        return True

    def join(self, address: str | None = None, code: str = "") -> bool:
        """File > Join session…: the room's map replaces the one shown (after the
        unsaved-changes question)."""
        window = self.window
        if self.session is not None:
            window.show_message(translate("SessionController", "Already in a session: leave it first"))
            return False
        if address is None:
            options = self.dialogs.join_options(self.name)
            if options is None:
                return False
            address, code, name = options
            self._remember_name(name)
        try:
            parsed = parse_address(address, code)
        except JourneyError as exc:
            window.dialogs.error(translate("SessionController", "Could not join the session"), str(exc))
            return False
        if not window.maybe_save("joining a session"):
            return False
        session = Session(parsed, self.deliver, name=self.name, colour=self.colour, pace=FRAME)
        session.on_joined = self._joined
        self._start(session)
        return True

    def _start(self, session: Session) -> None:
        self.session = session
        session.on_status = self._status_changed
        session.on_presence = self._presence
        if self.overlay.scene() is None:
            self.window.scene.addItem(self.overlay)
        session.start()
        self.action_leave.setEnabled(True)
        self.action_host.setEnabled(False)
        self.action_join.setEnabled(False)
        self._poll.start()
        self._status_changed(session.state, "")

    def _joined(self, doc: JourneyMap) -> None:
        window = self.window
        window.set_document(doc, None, partial=True)
        window.show_start()
        self._bind_history(doc)
        self._follow_me()

    def _bind_history(self, doc: JourneyMap) -> None:
        assert self.session is not None
        self.history = PersonalHistory(self.session.binding, self._skipped)
        set_runner(doc, self.history)
        doc.changes.connect(self._map_changed)

    def leave(self) -> None:
        """Leave the session: the map stays in the window, a local copy."""
        session, self.session = self.session, None
        if session is None:
            return
        self._poll.stop()
        session.leave()
        if self.history is not None:
            self.history.detach()
        if session.doc is not None:
            session.doc.changes.disconnect(self._map_changed)
        if self.server is not None:
            self.server.stop()
            self.server = None
        self.overlay.set_marks([])
        self.action_leave.setEnabled(False)
        self.action_host.setEnabled(True)
        self.action_join.setEnabled(True)
        self.window.title_note = ""
        self.window.update_title()
        self.status.setText("")
        self.window.show_message(translate("SessionController", "You left the session; the map stays here"))
        self._show_people()

    def _shown(self, doc: JourneyMap) -> None:
        """Another map in the window: a session on the previous one ends."""
        if self.session is not None and self.session.doc is not None and doc is not self.session.doc:
            self.leave()

    # ------------------------------------------------------------ following
    def _room_saved(self) -> None:
        if self.server is not None:  # the room wrote the merged map to this window's file
            self.window.undo_stack.setClean()

    def _map_changed(self, changes: Any) -> None:
        if changes.origin == "remote" and self.window.undo_stack.isClean() and self.server is None:
            self.window.undo_stack.resetClean()  # a joiner's copy: unsaved here
        self._place_marks()

    def _skipped(self, _command: Any) -> None:
        self.window.show_message(
            translate("SessionController", "Nothing to undo there: a colleague has changed it since")
        )

    def _status_changed(self, state: str, detail: str) -> None:
        words = {
            CONNECTED: translate("SessionController", "connected"),
            CONNECTING: translate("SessionController", "connecting…"),
            OFFLINE: translate("SessionController", "offline: your changes merge when the network is back"),
            REFUSED: translate("SessionController", "refused: {detail}"),
        }
        text = words.get(state, state).format(detail=detail)
        room = self.session.address.room if self.session is not None else ""
        if self.server is not None:
            role = translate("SessionController", "hosting")
        elif room:  # a joiner's copy has no file name: the title says whose map it is
            role = translate("SessionController", "in the session “{room}”").format(room=room)
        else:
            role = translate("SessionController", "in a session")
        self.status.setText(f"{role} · {text}")
        short = {  # the title bar's word for the state, without the explanation
            CONNECTED: words[CONNECTED],
            CONNECTING: words[CONNECTING],
            OFFLINE: translate("SessionController", "offline"),
            REFUSED: translate("SessionController", "refused"),
        }
        self.window.title_note = f" ({role}, {short.get(state, state)})"
        self.window.update_title()
        self.status_changed.emit(state)
        self._show_people()
        if state == REFUSED:
            self.window.dialogs.error(translate("SessionController", "Could not join the session"), text)
            self.leave()

    def _presence(self, states: dict[int, dict[str, Any]]) -> None:
        for client, state in states.items():
            user = state.get("user") if isinstance(state.get("user"), dict) else {}
            self.seen[client] = (str(user.get("name", "?"))[:60], str(user.get("color", "#888888"))[:9])
        self._show_people()
        self._place_marks()
        self.presence_changed.emit(states)

    def _follow_me(self) -> None:
        """My selection and the card I am typing in, for everyone's canvas."""
        session = self.session
        if session is None:
            return
        scene = self.window.scene
        now = (tuple(scene.selected_ids()[:50]), scene.editor.editing_id())
        if now != self._last_local:
            self._last_local = now
            session.set_local_state("selection", list(now[0]))
            session.set_local_state("editing", now[1])

    def _place_marks(self) -> None:
        session = self.session
        if session is None:
            return
        scene = self.window.scene
        marks = []
        for client, state in session.states().items():
            name, colour = self.seen.get(client, ("?", "#888888"))
            editing = state.get("editing")
            selection = state.get("selection") if isinstance(state.get("selection"), list) else []
            for element_id in dict.fromkeys([editing, *selection[:50]]):  # typing wins
                if not isinstance(element_id, str):
                    continue
                item = scene.cards.get(element_id) or scene.stages.get(element_id)
                if item is None:
                    continue
                rect = item.sceneBoundingRect()
                marks.append(
                    Mark(
                        (rect.x(), rect.y(), rect.width(), rect.height()), colour, name, element_id == editing
                    )
                )
        self.overlay.set_marks(marks)

    def _show_people(self) -> None:
        session = self.session
        if session is None:
            self.panel.show_people(
                translate("SessionController", "Not in a session. File > Host session… or Join session…"), []
            )
            return
        present = set(session.states())
        me = (
            translate("SessionController", "{name} (you)").format(name=self.name),
            self.colour,
            translate("SessionController", "connected")
            if session.connected
            else translate("SessionController", "not connected"),
        )
        others = [
            (
                name,
                colour,
                translate("SessionController", "connected")
                if client in present
                else translate("SessionController", "left"),
            )
            for client, (name, colour) in sorted(self.seen.items(), key=lambda kv: kv[1][0].casefold())
        ]
        heading = (
            translate("SessionController", "Hosting: {address}").format(
                address=self.invitation[0].split("?")[0]
            )
            if self.server is not None
            else translate("SessionController", "In a session: {address}").format(
                address=session.address.shown()
            )
        )
        self.panel.show_people(heading, [me, *others])


def install(window: MainWindow) -> None:
    """Give ``window`` its session controller (``window.collab``)."""
    window.collab = SessionController(window)
