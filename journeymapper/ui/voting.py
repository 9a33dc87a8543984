"""Dot voting: the facilitator starts a vote, participants place dots by
clicking cards, the reveal shows the counts and a ranked list.

On one machine the Votes panel picks who is voting now (names are kept
for the next workshop); in a session each participant votes on their own
laptop. A click on a card that the vote takes places one of the voter's
dots; Shift+click (or a click when the card holds the one dot allowed)
takes one back; V and Shift+V do the same to the selected card. A hidden
vote shows each voter only their own dots until the reveal; the reveal (one
undo step) shows every count, ranks the cards and writes the opportunities'
``votes``. Everything is kept in the map (model/workshop.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymapper.canvas.decor import Banner
from journeymapper.canvas.items.cards import BaseCardItem
from journeymapper.commands.base import kind_name
from journeymapper.commands.workshop import RevealVote, StartVote, delete_vote, place_dot
from journeymapper.model import workshop as ws
from journeymapper.model.analysis import ranked_by_votes
from journeymapper.model.elements import Kind
from journeymapper.model.ids import random_tag

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

#: what the dialog offers for "cards that take dots"
KIND_CHOICES: tuple[tuple[str, tuple[Kind, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Voting", "Pain points"), (Kind.PAIN_POINT,)),
    (QT_TRANSLATE_NOOP("Voting", "Opportunities"), (Kind.OPPORTUNITY,)),
    (QT_TRANSLATE_NOOP("Voting", "Pain points and opportunities"), (Kind.PAIN_POINT, Kind.OPPORTUNITY)),
    (QT_TRANSLATE_NOOP("Voting", "Any card"), ()),
)


@dataclass
class VoteSettings:
    """What the facilitator chose for a new vote."""

    question: str = ""
    kinds: tuple[Kind, ...] = (Kind.PAIN_POINT,)
    dots: int = 3
    per_card: int = 1
    anonymous: bool = True
    hidden: bool = True
    minutes: int = 0  # a time limit (0: none)


class StartVoteDialog(QDialog):
    """The question and the rules of a new vote."""

    def __init__(self, settings: VoteSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Voting", "Start a dot vote"))
        self.question = QLineEdit(settings.question)
        self.question.setPlaceholderText(translate("Voting", "Which pain points hurt our customers most?"))
        self.kinds = QComboBox()
        for label, kinds in KIND_CHOICES:
            self.kinds.addItem(translate("Voting", label), [k.value for k in kinds])
        current = [k.value for k in settings.kinds]
        self.kinds.setCurrentIndex(max(0, self.kinds.findData(current)))
        self.dots = QSpinBox()
        self.dots.setRange(1, ws.MAX_DOTS)
        self.dots.setValue(settings.dots)
        self.per_card = QSpinBox()
        self.per_card.setRange(1, ws.MAX_DOTS)
        self.per_card.setValue(settings.per_card)
        self.anonymous = QCheckBox(translate("Voting", "Anonymous: no names are kept with the dots"))
        self.anonymous.setChecked(settings.anonymous)
        self.hidden = QCheckBox(
            translate("Voting", "Hidden: each voter sees only their own dots until the reveal")
        )
        self.hidden.setChecked(settings.hidden)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 120)
        self.minutes.setSpecialValueText(translate("Voting", "no time limit"))
        self.minutes.setSuffix(translate("Voting", " min"))
        self.minutes.setValue(settings.minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Voting", "Start vote"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Voting", "Question:"), self.question)
        form.addRow(translate("Voting", "Cards that take dots:"), self.kinds)
        form.addRow(translate("Voting", "Dots per person:"), self.dots)
        form.addRow(translate("Voting", "At most on one card:"), self.per_card)
        form.addRow(self.anonymous)
        form.addRow(self.hidden)
        form.addRow(translate("Voting", "Time limit:"), self.minutes)
        form.addRow(buttons)

    def value(self) -> VoteSettings:
        kinds = tuple(Kind(k) for k in self.kinds.currentData())
        return VoteSettings(
            self.question.text().strip()[: ws.MAX_QUESTION],
            kinds,
            self.dots.value(),
            min(self.per_card.value(), self.dots.value()),
            self.anonymous.isChecked(),
            self.hidden.isChecked(),
            self.minutes.value(),
        )


def ask_vote(parent: QWidget, settings: VoteSettings) -> VoteSettings | None:
    dialog = StartVoteDialog(settings, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class Voting(QObject):
    """Dot voting in one window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workshop = window.workshop
        self.roster: list[str] = [
            n for n in _as_list(window.settings.qsettings.value("workshop/roster")) if n
        ][:200]
        self.name: str | None = None  # who votes now, on one machine
        self._anonymous: dict[tuple[str, str], str] = {}  # (vote, name) -> token, never saved
        self.last = VoteSettings()
        self.results = Banner("bottom-right", 22)
        self.results.visible = False
        window.view.add_decoration(self.results)
        self.workshop.voter = self.voter
        self._build_actions()
        window.view.viewport().installEventFilter(self)
        window.view.installEventFilter(self)
        self.workshop.changed.connect(self._refresh)

    # ------------------------------------------------------------ who votes
    def voter(self) -> tuple[str, str] | None:
        """(token, name) of whoever places dots now in the vote shown, or None."""
        vote = self.shown()
        if vote is None:
            return None
        session = self.workshop.session
        if session.live:
            name, seed = session.me().name, session.me().id
        elif self.name:
            name, seed = self.name, self.name
        else:
            return None
        if vote.anonymous:
            token = self._anonymous.setdefault((vote.id, seed), f"a{random_tag(12)}")
        else:
            token = "v" + hashlib.sha1(f"{vote.id}\0{seed}".encode()).hexdigest()[:12]
        return token, name

    def set_name(self, name: str | None) -> None:
        """Who votes now, on one machine (added to the names kept)."""
        name = " ".join(name.split())[: ws.MAX_NAME] if name else None
        self.name = name or None
        if self.name and self.name not in self.roster:
            self.roster.append(self.name)
            self.window.settings.qsettings.setValue("workshop/roster", self.roster)
        self.workshop.sync()
        if self.name:
            self._say_left()

    def next_voter(self) -> None:
        """The next name in the list votes now (one machine passed around)."""
        if not self.roster:
            self.ask_name()
            return
        at = self.roster.index(self.name) + 1 if self.name in self.roster else 0
        self.set_name(self.roster[at % len(self.roster)])

    def ask_name(self) -> None:
        name = self.window.dialogs.ask_text(
            translate("Voting", "Who is voting?"), translate("Voting", "Name of the person voting now:"), ""
        )
        if name:
            self.set_name(name)

    # ------------------------------------------------------------ actions
    def _build_actions(self) -> None:
        add, anchor = self.workshop.add_action, self.workshop.vote_anchor
        self.action_start = add(anchor, translate("Voting", "Start Dot &Vote…"), self.start, name="vote")
        self.action_reveal = add(anchor, translate("Voting", "&Reveal Vote"), self.reveal, name="reveal")
        self.action_next = add(
            anchor, translate("Voting", "Next Voter"), self.next_voter, "Ctrl+Shift+N", name="next_voter"
        )
        self.action_dot = add(
            anchor, translate("Voting", "Place a Dot\tV"), lambda: self.dot_selected(1), name="dot"
        )
        self.action_undot = add(
            anchor,
            translate("Voting", "Take a Dot Back\tShift+V"),
            lambda: self.dot_selected(-1),
            name="undot",
        )
        self.action_last = add(
            anchor, translate("Voting", "Show the Last Results"), self.show_last, name="last_results"
        )
        self.action_hide = add(
            anchor, translate("Voting", "Hide Vote Results"), lambda: self.show(None), name="hide_results"
        )
        self.action_delete = add(anchor, translate("Voting", "Delete Vote"), self.delete, name="delete_vote")

    def _refresh(self) -> None:
        doc = self.workshop.doc
        vote = self.shown()
        leading = self.workshop.leading()
        open_vote = vote is not None and vote.revealed is None
        self.action_start.setEnabled(leading and doc is not None)
        self.action_reveal.setEnabled(leading and open_vote)
        self.action_delete.setEnabled(leading and vote is not None)
        self.action_hide.setEnabled(vote is not None)
        self.action_last.setEnabled(vote is None and doc is not None and bool(doc.records(ws.VOTES)))
        for action in (self.action_dot, self.action_undot):
            action.setEnabled(open_vote)
        self.action_next.setEnabled(open_vote and not self.workshop.session.live)
        self._show_results(vote)

    def shown(self) -> ws.Vote | None:
        doc, vote_id = self.workshop.doc, self.workshop.shown_vote
        return ws.vote(doc, vote_id) if doc is not None and vote_id else None

    def show(self, vote_id: str | None) -> None:
        self.workshop.show_vote(vote_id)

    def show_last(self) -> None:
        """Show the latest vote again (its counts and ranking once revealed)."""
        doc = self.workshop.doc
        votes = ws.votes(doc) if doc is not None else []
        if votes:
            self.show(votes[-1].id)

    def start(self) -> None:
        """Ask the question and rules, then start the vote (and its time limit)."""
        doc = self.workshop.doc
        if doc is None:
            return
        settings = self.window.dialogs.ask_vote(self.last)
        if settings is None:
            return
        self.last = settings
        now = self.workshop.clock()
        ends = None
        timer = None
        if settings.minutes:
            timer = ws.Timer(
                settings.minutes * 60, None, settings.minutes * 60.0, settings.question[: ws.MAX_NAME]
            ).started(now)
            ends = timer.ends
        vote = ws.Vote(
            doc.new_id("vote"),
            settings.question,
            settings.kinds,
            settings.dots,
            settings.per_card,
            settings.anonymous,
            settings.hidden,
            now,
            ends,
        )
        if not self.window.push(StartVote(doc, vote, timer)):
            return
        self.show(vote.id)
        if not self.workshop.session.live and not self.name:
            self.window.show_message(
                translate(
                    "Voting",
                    "Vote started: pick who is voting in the Votes panel "
                    "(Ctrl+Shift+N: next voter), then click cards",
                )
            )
        else:
            self._say_left()

    def reveal(self) -> None:
        vote, doc = self.shown(), self.workshop.doc
        if vote is None or doc is None or vote.revealed is not None:
            return
        if self.window.push(RevealVote(doc, vote, self.workshop.clock())):
            ranking = ranked_by_votes(doc, vote.id)
            if ranking:
                top, n = ranking[0]
                self.window.show_message(
                    translate("Voting", "Revealed: most dots on {card} ({n})").format(
                        card=ws.quoted(top.text), n=n
                    )
                )

    def delete(self) -> None:
        vote, doc = self.shown(), self.workshop.doc
        if vote is None or doc is None:
            return
        if self.window.push(delete_vote(doc, vote.id)):
            self.show(None)

    # ------------------------------------------------------------ dots
    def can_take(self, card: str) -> bool:
        vote, doc = self.shown(), self.workshop.doc
        return (
            vote is not None
            and doc is not None
            and card in doc
            and vote.is_open(self.workshop.clock())
            and vote.takes(doc.element(card).kind)
        )

    def dot(self, card: str, take_back: bool = False) -> bool:
        """A click on ``card``: place one of the voter's dots, or take one back."""
        vote, doc = self.shown(), self.workshop.doc
        if vote is None or doc is None or card not in doc:
            return False
        if not vote.is_open(self.workshop.clock()):
            self.window.show_message(
                translate("Voting", "This vote is closed: the facilitator can reveal it")
            )
            return False
        if not vote.takes(doc.element(card).kind):
            kinds = ", ".join(kind_name(k) for k in vote.kinds)
            self.window.show_message(translate("Voting", "This vote takes: {kinds}").format(kinds=kinds))
            return False
        voter = self.voter()
        if voter is None:
            self.window.show_message(
                translate("Voting", "Pick who is voting first (Votes panel, or Ctrl+Shift+N)")
            )
            return False
        mine = ws.ballot(doc, vote.id, voter[0])
        here, used = mine.get(card, 0), sum(mine.values())
        delta = 1
        if take_back or (here >= vote.per_card and vote.per_card == 1):
            if not here:
                return False
            delta = -1
        elif here >= vote.per_card:
            n = vote.per_card
            self.window.show_message(
                translate("Voting", "At most %n dot(s) on one card; Shift+click takes one back", None, n)
            )
            return False
        elif used >= vote.dots:
            n = vote.dots
            self.window.show_message(
                translate(
                    "Voting", "{name} has placed all %n dot(s); Shift+click a card to take one back", None, n
                ).format(name=voter[1])
            )
            return False
        if self.window.push(place_dot(doc, vote, voter[0], voter[1], card, delta)):
            self._say_left()
            return True
        return False

    def dot_selected(self, delta: int) -> bool:
        cards = [i for i in self.window.scene.selected_ids() if i in self.window.scene.cards]
        if not cards:
            self.window.show_message(translate("Voting", "Select a card to put a dot on"))
            return False
        return self.dot(cards[0], take_back=delta < 0)

    def _say_left(self) -> None:
        vote, voter, left = self.shown(), self.voter(), self.dots_left()
        if vote is None or voter is None or left is None or vote.revealed is not None:
            return
        self.window.show_message(
            translate("Voting", "{name}: %n dot(s) left", None, left).format(name=voter[1])
        )

    def dots_left(self) -> int | None:
        vote, doc, voter = self.shown(), self.workshop.doc, self.voter()
        if vote is None or doc is None or voter is None:
            return None
        return vote.dots - sum(ws.ballot(doc, vote.id, voter[0]).values())

    # ------------------------------------------------------------ clicks and keys
    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self.window.view:
            return self._key(event)
        if (
            kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
            or watched is not self.window.view.viewport()
        ):
            return False
        assert isinstance(event, QMouseEvent)
        if event.button() != Qt.MouseButton.LeftButton or self.shown() is None:
            return False
        scene = self.window.scene
        if scene.editor.is_editing():
            return False
        pos = self.window.view.mapToScene(event.position().toPoint())
        item = scene.editor.gestures.hit(pos)
        if not isinstance(item, BaseCardItem) or not self.can_take(item.element_id):
            return False
        if kind == QEvent.Type.MouseButtonPress:
            scene.select_ids([item.element_id])
            self.dot(item.element_id, take_back=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        return True

    def _key(self, event: QEvent) -> bool:
        assert isinstance(event, QKeyEvent)
        if event.key() != Qt.Key.Key_V or self.window.scene.editor.is_editing():
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        vote = self.shown()
        if vote is None or vote.revealed is not None:
            return False
        self.dot_selected(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
        return True

    # ------------------------------------------------------------ results
    def ranking(self) -> list[tuple[Any, int]]:
        vote, doc = self.shown(), self.workshop.doc
        if vote is None or doc is None or not vote.shows_counts():
            return []
        return ranked_by_votes(doc, vote.id)

    def _show_results(self, vote: ws.Vote | None) -> None:
        presenting = getattr(self.workshop, "presenting", False)
        lines = []
        # the ranking only shows on the projector: not worked out at every change otherwise
        if presenting and vote is not None and vote.revealed is not None:
            lines.append(vote.question or translate("Voting", "Dot vote"))
            for rank, (element, n) in enumerate(self.ranking()[:5], 1):
                lines.append(f"{rank}. {ws.quoted(element.text, 40)} — {n}")
        self.results.set_lines(lines)
        self.results.visible = bool(lines)
        self.window.view.refresh_decoration(self.results)


class VotesPanel(QWidget):
    """The Votes panel: the vote shown, who votes now, dots left, the ranking."""

    def __init__(self, voting: Voting) -> None:
        super().__init__()
        self.voting = voting
        self.setObjectName("votes_panel")
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setObjectName("vote_question")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("vote_state")
        self.who = QComboBox()
        self.who.setObjectName("vote_who")
        self.who.setEditable(False)
        self.add_who = QPushButton(translate("Voting", "Add…"))
        self.add_who.setObjectName("vote_add_who")
        self.left = QLabel()
        self.left.setObjectName("vote_left")
        self.start = QPushButton(translate("Voting", "Start vote…"))
        self.start.setObjectName("vote_start")
        self.reveal = QPushButton(translate("Voting", "Reveal"))
        self.reveal.setObjectName("vote_reveal")
        self.list = QListWidget()
        self.list.setObjectName("vote_results")
        self.list.setWordWrap(True)
        who_row = QHBoxLayout()
        who_row.addWidget(self.who, 1)
        who_row.addWidget(self.add_who)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.reveal)
        column = QVBoxLayout(self)
        column.addWidget(self.question)
        column.addWidget(self.state)
        self.who_label = QLabel(translate("Voting", "Voting now:"))
        column.addWidget(self.who_label)
        column.addLayout(who_row)
        column.addWidget(self.left)
        column.addLayout(buttons)
        column.addWidget(self.list, 1)
        self.start.clicked.connect(voting.start)
        self.reveal.clicked.connect(voting.reveal)
        self.add_who.clicked.connect(voting.ask_name)
        self.who.activated.connect(self._picked)
        self.list.itemActivated.connect(self._go_to)
        self.list.itemClicked.connect(self._go_to)
        voting.workshop.changed.connect(self.refresh)
        self.refresh()

    def _picked(self, index: int) -> None:
        self.voting.set_name(self.who.itemText(index) if index >= 0 else None)

    def _go_to(self, item: QListWidgetItem) -> None:
        card = item.data(Qt.ItemDataRole.UserRole)
        window = self.voting.window
        if card and card in window.scene.cards:
            window.scene.select_ids([card])
            window.view.center_on_id(card)

    def refresh(self) -> None:
        voting = self.voting
        vote = voting.shown()
        live = voting.workshop.session.live
        self.start.setEnabled(voting.action_start.isEnabled())
        self.reveal.setEnabled(voting.action_reveal.isEnabled())
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItems(voting.roster)
        self.who.setCurrentIndex(voting.roster.index(voting.name) if voting.name in voting.roster else -1)
        self.who.blockSignals(False)
        for widget in (self.who, self.add_who, self.who_label):
            widget.setVisible(not live)
        if vote is None:
            self.question.setText(
                translate("Voting", "No vote running. The facilitator starts one: Workshop > Start Dot Vote…")
            )
            self.state.clear()
            self.left.clear()
            self.list.clear()
            return
        self.question.setText(vote.question or translate("Voting", "Dot vote"))
        doc = voting.workshop.doc
        assert doc is not None
        voters = len(ws.voters_of(doc, vote.id))
        if vote.revealed is not None:
            state = translate("Voting", "Revealed: %n voter(s)", None, voters)
            names = sorted(set(ws.voter_names(doc, vote.id).values()))
            if names and not vote.anonymous:
                state += " · " + ", ".join(names)
        elif not vote.is_open(voting.workshop.clock()):
            state = translate("Voting", "Time is up: %n voter(s); waiting for the reveal", None, voters)
        else:
            state = translate("Voting", "Open: %n voter(s) so far", None, voters)
            if vote.hidden:
                state += " · " + translate("Voting", "dots hidden until the reveal")
        self.state.setText(state)
        left = voting.dots_left()
        self.left.setText(
            translate("Voting", "%n dot(s) left", None, left)
            if left is not None and vote.revealed is None
            else ""
        )
        self.list.clear()
        for rank, (element, n) in enumerate(voting.ranking(), 1):
            item = QListWidgetItem(f"{rank}. {n} · {ws.quoted(element.text, 48)} ({kind_name(element.kind)})")
            item.setData(Qt.ItemDataRole.UserRole, element.id)
            self.list.addItem(item)


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, str)]
    return []


def install(window: MainWindow) -> None:
    window.voting = Voting(window)
    panel = VotesPanel(window.voting)
    window.votes_dock = window.add_panel(panel, translate("Voting", "Votes"), "votes")
    window.votes_panel = panel
