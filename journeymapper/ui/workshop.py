"""Running the workshop from the window: who is at the map, the
facilitator's locks and rights, and the marks the workshop lays over the
canvas (locks, dots, face-down cards). The Workshop menu starts here;
voting (ui/voting.py), the timer (ui/timer.py) and rounds add to it.

``window.workshop`` is the :class:`Workshop` of a window. It speaks for one
participant of a :class:`~journeymapper.model.session.Session`: on one
machine a LocalSession (its user facilitates; *facilitator mode* lets them
change locked things without unlocking them), in a co-editing session the
session's own. Every change to the map passes the workshop's rule
(model/locks.py), so a locked card refuses a drag, a typed text, the
inspector and a delete alike, and says why in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGraphicsItem, QMenu
from shiboken6 import isValid

from journeymapper.canvas.items.overlays import HiddenSheet, LockMark, VoteMark
from journeymapper.commands.workshop import reveal_round, set_locks, start_round
from journeymapper.model import workshop as ws
from journeymapper.model.document import JourneyMap
from journeymapper.model.locks import WorkshopRule
from journeymapper.model.session import LocalSession, Session

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

FOLLOW_TOPIC = "follow"  # the facilitator's view rectangle while "Follow me" is on


class Policy:
    """What the participant at this window may do (model/locks.py asks).
    Plain Python: the document's rule holds it, and must not hold a widget."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.facilitator_mode = False

    def leading(self) -> bool:
        """This window's participant facilitates (always on one machine; in a
        session the facilitator, or anyone while nobody has the role)."""
        if not self.session.live:
            return True
        facilitator = self.session.facilitator()
        return facilitator is None or facilitator == self.session.me().id

    def overrides_locks(self) -> bool:
        return self.leading() if self.session.live else self.facilitator_mode

    def may_lead(self) -> bool:
        return self.leading()

    def sees_hidden(self, author: str) -> bool:
        # on one machine the screen is everyone's: a face-down card stays face down
        return self.session.live and author == self.session.me().id

    def author(self) -> tuple[str, str]:
        me = self.session.me()
        return me.id, me.name


class Workshop(QObject):
    """The workshop side of one window (see the module docstring).

    Signals: ``changed()`` after the map's workshop state changed (a lock, a
    vote, a round, the timer) or another map is shown."""

    changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: now, in UTC (tests give the timer a clock of their own)
        self.clock: Callable[[], Any] = ws.now_utc
        self.local_session = LocalSession(
            window.settings.qsettings.value("workshop/name", translate("Workshop", "Facilitator"))
            or translate("Workshop", "Facilitator")
        )
        self.session: Session = self.local_session
        self.policy = Policy(self.session)
        self.rule: WorkshopRule | None = None
        self.doc: JourneyMap | None = None
        #: the vote whose dots the canvas shows (None: no vote marks)
        self.shown_vote: str | None = None
        self._votes_seen: set[str] = set()
        #: who places dots on this machine: (voter token, name) or None
        self.voter: Callable[[], tuple[str, str] | None] = lambda: None
        self.marks: dict[str, dict[str, QGraphicsItem]] = {"lock": {}, "vote": {}, "hidden": {}}
        self.following = True  # follow the facilitator's view in a session
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(80)
        self._follow_timer.timeout.connect(self._send_view)
        self.menu = self._build_menu()
        window.scene.followed.connect(self.sync)
        window.document_changed.connect(self.set_document)
        window.scene.editor.refuse_edit = self.refuse_edit
        window.inspector.conceal = self.conceals
        self.session.watch(self._on_shared)
        view = window.view
        view.horizontalScrollBar().valueChanged.connect(self._view_moved)
        view.verticalScrollBar().valueChanged.connect(self._view_moved)
        view.zoom_changed.connect(self._view_moved)
        window.canvas_menu.extras.append(self._canvas_menu)

    # ------------------------------------------------------------ session
    def set_session(self, session: Session | None) -> None:
        """Speak for a participant of ``session`` (a co-editing session); None:
        this machine alone again."""
        session = session if session is not None else self.local_session
        self.session.unwatch(self._on_shared)
        if self.action_follow_me.isChecked():
            self.set_follow_me(False)
        self.session = session
        self.policy.session = session
        session.watch(self._on_shared)
        self.action_facilitate.setChecked(bool(getattr(session, "facilitating", False)))
        self.update_actions()
        self.sync()

    def set_facilitating(self, on: bool) -> None:
        """Take (or give up) the facilitator's role in a session."""
        claim = getattr(self.session, "set_facilitating", None)
        if claim is not None:
            claim(on)
        self.update_actions()
        self.sync()

    def leading(self) -> bool:
        return self.policy.leading()

    def set_facilitator_mode(self, on: bool) -> None:
        self.policy.facilitator_mode = on
        self.action_facilitator.setChecked(on)
        self.window.show_message(
            translate("Workshop", "Facilitator mode: locked cards, stages and lanes can be changed")
            if on
            else translate("Workshop", "Facilitator mode off: locks hold for everyone")
        )

    # ------------------------------------------------------------ document
    def set_document(self, doc: JourneyMap) -> None:
        if self.rule is not None:
            self.rule.uninstall()
        self.doc = doc
        self.rule = WorkshopRule(doc, self.policy).install()
        current = ws.current_vote(doc)
        self.shown_vote = current.id if current is not None else None
        self._votes_seen = set(doc.records(ws.VOTES))
        for group in self.marks.values():
            group.clear()  # the scene dropped its items, and the marks with them
        self.sync()
        self.update_actions()

    def refuse_edit(self, element_id: str) -> str | None:
        """Why the text of ``element_id`` may not be typed into (the editor
        asks before it opens, so nothing typed is lost to a refusal)."""
        doc = self.doc
        if doc is None:
            return None
        lock = ws.lock_of(doc, element_id)
        if lock is not None and not self.policy.overrides_locks():
            return translate("Workshop", "Locked by {by}: the facilitator can unlock it").format(
                by=lock["by"]
            )
        if self.conceals(element_id):
            return translate("Workshop", "This card is hidden until the facilitator reveals the round")
        return None

    def conceals(self, element_id: str) -> bool:
        """A card hidden from this viewer (face down until its round is revealed)."""
        doc = self.doc
        mark = ws.hidden(doc).get(element_id) if doc is not None else None
        return mark is not None and not self.policy.sees_hidden(mark["author"])

    # ------------------------------------------------------------ marks on the canvas
    def sync(self) -> None:
        """Bring the marks on the canvas up to date (after every change set)."""
        doc, scene = self.doc, self.window.scene
        if doc is None or scene.doc is not doc:
            return
        votes = set(doc.records(ws.VOTES))
        started = votes - self._votes_seen
        self._votes_seen = votes
        current = ws.current_vote(doc)
        if current is not None and current.id in started:
            self.shown_vote = current.id  # a vote started (here, or by the facilitator elsewhere)
        self._sync_locks(doc, scene)
        self._sync_hidden(doc, scene)
        self._sync_votes(doc, scene)
        self.update_actions()
        self.changed.emit()

    def _parent_of(self, some_id: str) -> QGraphicsItem | None:
        scene = self.window.scene
        return scene.cards.get(some_id) or scene.stages.get(some_id) or scene.lane_items.get(some_id)

    def _keep(
        self, group: str, wanted: dict[str, Callable[[QGraphicsItem], QGraphicsItem]]
    ) -> dict[str, QGraphicsItem]:
        """Marks of ``group`` on exactly the items in ``wanted`` (id -> maker);
        a mark whose item was made again (a card that changed kind) is made again."""
        marks = self.marks[group]
        for some_id in list(marks):
            mark, parent = marks[some_id], self._parent_of(some_id)
            alive = isValid(mark)
            if not alive or some_id not in wanted or parent is None or mark.parentItem() is not parent:
                if alive and mark.scene() is not None and mark.parentItem() is parent:
                    mark.scene().removeItem(mark)
                del marks[some_id]
        for some_id, make in wanted.items():
            parent = self._parent_of(some_id)
            if some_id not in marks and parent is not None:
                marks[some_id] = make(parent)
        return marks

    def _sync_locks(self, doc: JourneyMap, scene) -> None:
        theme = scene.theme
        wanted = {}
        for some_id, lock in doc.records(ws.LOCKS).items():
            tip = translate("Workshop", "Locked by {by}").format(by=lock["by"])
            wanted[some_id] = lambda parent, tip=tip: LockMark(parent, theme, tip)
        for mark in self._keep("lock", wanted).values():
            mark.place()

    def _sync_hidden(self, doc: JourneyMap, scene) -> None:
        theme = scene.theme
        wanted = {}
        for card, mark in ws.hidden(doc).items():
            if card in scene.cards and not self.policy.sees_hidden(mark["author"]):
                tip = translate(
                    "Workshop",
                    "Typed by {name} during the silent round: hidden until the facilitator reveals it",
                ).format(name=mark["name"])
                wanted[card] = lambda parent, tip=tip: HiddenSheet(
                    parent, theme, translate("Workshop", "Hidden card"), tip
                )
        for mark in self._keep("hidden", wanted).values():
            mark.place()

    def _sync_votes(self, doc: JourneyMap, scene) -> None:
        vote = ws.vote(doc, self.shown_vote) if self.shown_vote else None
        if vote is None:
            self.shown_vote = None
            self._keep("vote", {})
            return
        counts = ws.counts(doc, vote.id)
        voter = self.voter()
        mine = ws.ballot(doc, vote.id, voter[0]) if voter is not None else {}
        show = vote.shows_counts()
        ranks = {}
        if show:
            order = sorted(counts, key=lambda c: -counts[c])
            ranks = {c: 1 + sum(1 for o in order if counts[o] > counts[c]) for c in order}
        ids = {c for c in counts if c in scene.cards} if show else set()
        ids |= {c for c in mine if c in scene.cards}
        theme = scene.theme
        marks = self._keep("vote", {c: (lambda parent: VoteMark(parent, theme)) for c in ids})
        for card, mark in marks.items():
            mark.set_counts(mine.get(card, 0), counts.get(card, 0) if show else None, ranks.get(card))

    def show_vote(self, vote_id: str | None) -> None:
        self.shown_vote = vote_id
        self.sync()

    # ------------------------------------------------------------ the menu
    def _build_menu(self) -> QMenu:
        window = self.window
        menu = QMenu(translate("Workshop", "&Workshop"), window)
        menu.setObjectName("menu_workshop")
        window.menuBar().insertMenu(window.menu_help.menuAction(), menu)
        self.action_facilitator = self._action(
            menu, translate("Workshop", "&Facilitator Mode"), self.set_facilitator_mode, name="facilitator"
        )
        self.action_facilitator.setCheckable(True)
        self.action_facilitator.setToolTip(
            translate("Workshop", "Change locked cards, stages and lanes without unlocking them")
        )
        menu.addSeparator()
        self.action_lock = self._action(
            menu, translate("Workshop", "&Lock or Unlock Selection"), self.toggle_lock, "Ctrl+L", "lock"
        )
        menu.addSeparator()
        self.vote_anchor = menu.addSeparator()  # ui/voting.py puts its actions before it
        self.timer_anchor = menu.addSeparator()  # ui/timer.py
        self.action_round = self._action(
            menu, translate("Workshop", "Start Silent &Brainstorm"), self.start_round, name="round"
        )
        self.action_reveal_round = self._action(
            menu, translate("Workshop", "Reveal the &Round"), self.reveal_round, name="reveal_round"
        )
        menu.addSeparator()
        self.action_follow_me = self._action(
            menu, translate("Workshop", "F&ollow Me"), self.set_follow_me, name="follow_me"
        )
        self.action_follow_me.setCheckable(True)
        self.action_follow = self._action(
            menu, translate("Workshop", "Follow the Facilitator"), self.set_following, name="follow"
        )
        self.action_follow.setCheckable(True)
        self.action_follow.setChecked(True)
        self.action_facilitate = self._action(
            menu, translate("Workshop", "Facilitate This Session"), self.set_facilitating,
            name="facilitate"
        )
        self.action_facilitate.setCheckable(True)
        self.action_facilitate.setToolTip(translate(
            "Workshop", "The hosting window facilitates; in a room served without one, take the role here"))
        menu.addSeparator()
        self._action(menu, translate("Workshop", "Your &Name…"), self.ask_name, name="name")
        return menu

    def _action(
        self, menu: QMenu, text: str, slot: Callable[..., object], shortcut: str | None = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_workshop_{name}" if name else "")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda checked=False: slot(checked) if action.isCheckable() else slot())
        menu.addAction(action)
        return action

    def add_action(
        self,
        anchor: QAction,
        text: str,
        slot: Callable[..., object],
        shortcut: str | None = None,
        name: str = "",
    ) -> QAction:
        """An action of a workshop feature, put before ``anchor`` in the menu."""
        action = self._action(self.menu, text, slot, shortcut, name)
        self.menu.removeAction(action)
        self.menu.insertAction(anchor, action)
        return action

    def update_actions(self) -> None:
        doc = self.doc
        leading = self.leading()
        live = self.session.live
        self.action_facilitator.setEnabled(not live)
        self.action_lock.setEnabled(leading)
        round_open = doc is not None and ws.open_round(doc) is not None
        self.action_round.setEnabled(leading and not round_open)
        self.action_reveal_round.setEnabled(leading and round_open)
        self.action_follow_me.setEnabled(live and leading)
        self.action_follow.setEnabled(live and not leading)
        self.action_facilitate.setEnabled(live and hasattr(self.session, "set_facilitating"))

    def _canvas_menu(self, menu: QMenu, target: tuple[str, Any] | None) -> None:
        if target is None or target[0] not in ("card", "stage", "lane") or not self.leading():
            return
        locked = self.doc is not None and ws.lock_of(self.doc, str(target[1])) is not None
        menu.addSeparator()
        action = menu.addAction(translate("Workshop", "Unlock") if locked else translate("Workshop", "Lock"))
        action.setObjectName("menu_lock")
        action.triggered.connect(lambda _=False: self.toggle_lock())

    # ------------------------------------------------------------ locks
    def toggle_lock(self) -> bool:
        """Lock the selected cards, stages or lane; when all are locked already,
        unlock them."""
        doc, scene = self.doc, self.window.scene
        if doc is None:
            return False
        ids = scene.selected_ids()
        lane = scene.selected_lane()
        lanes = [lane] if lane is not None and not ids else []
        if not ids and not lanes:
            self.window.show_message(translate("Workshop", "Select the cards, stage or lane to lock first"))
            return False
        chosen = ids + lanes
        lock = any(ws.lock_of(doc, i) is None for i in chosen)
        command = set_locks(doc, ids, lanes, self.session.me().name, lock)
        if command is None:
            return False
        if self.window.push(command):
            self.window.show_message(command.text())
            return True
        return False

    # ------------------------------------------------------------ rounds
    def start_round(self) -> None:
        doc = self.doc
        if doc is None or ws.open_round(doc) is not None:
            return
        round_ = ws.Round(self.clock(), self.session.me().name)
        if self.window.push(start_round(doc, round_)):
            self.window.show_message(
                translate(
                    "Workshop",
                    "Silent brainstorm: the cards typed now stay face down until the round is revealed",
                )
            )

    def reveal_round(self) -> None:
        doc = self.doc
        if doc is None or ws.open_round(doc) is None:
            return
        n = len(ws.hidden(doc))
        if self.window.push(reveal_round(doc)):
            self.window.show_message(translate("Workshop", "Round revealed: %n card(s) turned over", None, n))

    # ------------------------------------------------------------ follow me
    def set_follow_me(self, on: bool) -> None:
        self.action_follow_me.setChecked(on)
        if on:
            self._send_view()
        else:
            self.session.broadcast(FOLLOW_TOPIC, None)

    def set_following(self, on: bool) -> None:
        self.following = on
        self.action_follow.setChecked(on)
        if on:
            self._follow_now()

    def _view_moved(self, *_args: object) -> None:
        if self.action_follow_me.isChecked():
            self._follow_timer.start()

    def visible_rect(self) -> QRectF:
        view = self.window.view
        return view.mapToScene(view.viewport().rect()).boundingRect()

    def _send_view(self) -> None:
        if not self.action_follow_me.isChecked():
            return
        r = self.visible_rect()
        self.session.broadcast(
            FOLLOW_TOPIC, [round(r.x(), 1), round(r.y(), 1), round(r.width(), 1), round(r.height(), 1)]
        )

    def _on_shared(self, topic: str, who: str, value: Any) -> None:
        if topic == FOLLOW_TOPIC and who != self.session.me().id and who == self.session.facilitator():
            self._follow_now()

    def _follow_now(self) -> None:
        """Show what the facilitator shows (while they have "Follow me" on)."""
        if not self.following or not self.session.live:
            return
        value = self.session.shared(FOLLOW_TOPIC).get(self.session.facilitator() or "")
        if not _is_rect(value):
            return
        x, y, w, h = (float(v) for v in value)
        view = self.window.view
        view.fit_rect(QRectF(x, y, w, h))
        view.centerOn(QPointF(x + w / 2, y + h / 2))

    # ------------------------------------------------------------ name
    def ask_name(self) -> None:
        name = self.window.dialogs.ask_text(
            translate("Workshop", "Your name"),
            translate("Workshop", "Your name, as the workshop shows it:"),
            self.session.me().name,
        )
        if name and isinstance(self.session, LocalSession):
            self.session.rename(name[: ws.MAX_NAME])
            self.window.settings.qsettings.setValue("workshop/name", name[: ws.MAX_NAME])


def _is_rect(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple))
        and len(value) == 4
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        and value[2] > 0
        and value[3] > 0
        and all(abs(v) < 1e7 for v in value)
    )


def install(window: MainWindow) -> None:
    window.workshop = Workshop(window)
    from journeymapper.ui import timer, voting
    from journeymapper.ui.workshop_session import follow_collab

    voting.install(window)
    timer.install(window)
    follow_collab(window, window.workshop.set_session)
