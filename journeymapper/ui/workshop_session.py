"""The workshop in a co-editing session: the participants, the facilitator
and the passing state they share, over the session's presence (Yjs
awareness, ``window.collab``; see docs/collaboration.md).

:class:`CollabPresence` is a :class:`~journeymapper.model.session.Session`
for the workshop: each peer's presence carries a ``workshop`` key
(``{"id": participant id, "facilitator": bool}``) beside the session's own
``user``, and one key per shared topic (``follow``: the facilitator's view
while Follow me is on). The participant id is the peer's (its client id in
the room; it holds through a reconnection, not through leaving and joining
again: a card typed face down in a silent round then shows to its author only
once the round is revealed). The window that hosts the session
facilitates; in a room served without a window, a participant takes the
role with Workshop > Facilitate This Session (the first id wins when two
do), and while nobody has it everyone may lead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from journeymapper.model.session import Listeners, Participant

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

KEY = "workshop"
TOPICS = ("follow",)


def participant_id(session: Any) -> str:
    """The workshop's id of a peer of the room."""
    return f"c{session.client_id}"


class CollabPresence(Listeners):
    """The workshop's Session over one co-editing session (see the module docstring)."""

    live = True

    def __init__(self, controller: Any, me: str, facilitating: bool) -> None:
        super().__init__()
        self.controller = controller
        self.session = controller.session
        self._me = me
        self.facilitating = facilitating
        self._seen: dict[tuple[str, str], Any] = {}  # (participant, topic) -> value
        self._local: dict[str, Any] = {}
        self._announce()
        controller.presence_changed.connect(self._presence)

    # ------------------------------------------------------------ who
    def me(self) -> Participant:
        return Participant(self._me, str(self.controller.name))

    def _others(self) -> dict[str, dict[str, Any]]:
        """participant id -> presence state, for the others who run the workshop."""
        out = {}
        for state in self.session.states().values():
            info = state.get(KEY) if isinstance(state, dict) else None
            if isinstance(info, dict) and isinstance(info.get("id"), str) and info["id"] != self._me:
                out[info["id"][:64]] = state
        return out

    def participants(self) -> tuple[Participant, ...]:
        people = [self.me()]
        for pid, state in sorted(self._others().items()):
            user = state.get("user") if isinstance(state.get("user"), dict) else {}
            people.append(Participant(pid, str(user.get("name", "?"))[:200]))
        return tuple(people)

    def facilitator(self) -> str | None:
        claims = [pid for pid, state in self._others().items() if state[KEY].get("facilitator") is True]
        if self.facilitating:
            claims.append(self._me)
        return min(claims) if claims else None

    def set_facilitating(self, on: bool) -> None:
        self.facilitating = on
        self._announce()

    def _announce(self) -> None:
        self.session.set_local_state(KEY, {"id": self._me, "facilitator": self.facilitating})

    # ------------------------------------------------------------ passing state
    def broadcast(self, topic: str, value: Any) -> None:
        if value is None:
            self._local.pop(topic, None)
        else:
            self._local[topic] = value
        self.session.set_local_state(topic, value)
        self.tell(topic, self._me, value)

    def shared(self, topic: str) -> dict[str, Any]:
        out = {pid: state[topic] for pid, state in self._others().items() if state.get(topic) is not None}
        if topic in self._local:
            out[self._me] = self._local[topic]
        return out

    def _presence(self, _states: Any) -> None:
        """Tell the listeners what changed in the others' shared topics."""
        now = {
            (pid, topic): state.get(topic)
            for pid, state in self._others().items()
            for topic in TOPICS
            if state.get(topic) is not None
        }
        for key in set(self._seen) | set(now):
            if self._seen.get(key) != now.get(key):
                self.tell(key[1], key[0], now.get(key))
        self._seen = now

    def close(self) -> None:
        try:
            self.controller.presence_changed.disconnect(self._presence)
        except (RuntimeError, TypeError):
            pass


def follow_collab(window: MainWindow, switch: Callable[[Any], None]) -> None:
    """Give the workshop a CollabPresence while the window is in a co-editing
    session, and its own LocalSession again when it leaves."""
    controller = getattr(window, "collab", None)
    if controller is None:
        return
    current: dict[str, Any] = {"session": None, "presence": None}

    def check(*_args: object) -> None:
        session = controller.session
        if session is current["session"]:
            return
        if session is not None and not session.link.client_id:
            return  # not started yet: its id comes with its link
        if current["presence"] is not None:
            current["presence"].close()
        current["session"] = session
        if session is None:
            current["presence"] = None
            switch(None)
            return
        presence = CollabPresence(controller, participant_id(session), controller.server is not None)
        current["presence"] = presence
        switch(presence)

    controller.status_changed.connect(check)
    controller.presence_changed.connect(check)
    controller.action_leave.changed.connect(check)  # leaving says nothing else at once
