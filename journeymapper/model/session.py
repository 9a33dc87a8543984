"""Who is at the map: the participant this window speaks for, who the
facilitator is, and the passing state participants share (where the
facilitator is looking while "Follow me" is on).

Workshop features are written against :class:`Session` only. Passing state
is not part of the map: it is not saved, not undone, and a participant who
leaves takes theirs along. What belongs to the map (votes, locks, the
timer) is kept in records instead and shared with the map itself.

- :class:`LocalSession`: one machine. The person at it is the facilitator;
  what it broadcasts comes straight back to its own listeners.
- :class:`SessionHub` / :class:`HubSession`: participants in one process
  (two windows side by side), each seeing the others' passing state. A
  co-editing session across machines provides the same interface over its
  network awareness channel.

Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from journeymapper.model.ids import random_tag

#: listener(topic, participant id, value): a participant's passing state
#: changed (value None: they cleared it, or left)
Listener = Callable[[str, str, Any], None]


@dataclass(frozen=True)
class Participant:
    id: str
    name: str


class Session(Protocol):
    """The participants of a workshop, as one window sees them."""

    #: True when other machines (or windows) share this map live
    live: bool

    def me(self) -> Participant: ...
    def facilitator(self) -> str | None: ...
    def participants(self) -> tuple[Participant, ...]: ...
    def broadcast(self, topic: str, value: Any) -> None:
        """Share a JSON-like passing value under ``topic`` (None clears it)."""
    def shared(self, topic: str) -> dict[str, Any]:
        """participant id -> their current value of ``topic``."""
    def watch(self, listener: Listener) -> None: ...
    def unwatch(self, listener: Listener) -> None: ...


class Listeners:
    """The listeners of a session's passing state (for an implementation of Session)."""

    def __init__(self) -> None:
        self.listeners: list[Listener] = []

    def watch(self, listener: Listener) -> None:
        if listener not in self.listeners:
            self.listeners.append(listener)

    def unwatch(self, listener: Listener) -> None:
        if listener in self.listeners:
            self.listeners.remove(listener)

    def tell(self, topic: str, who: str, value: Any) -> None:
        for listener in list(self.listeners):
            listener(topic, who, value)


class LocalSession(Listeners):
    """One machine: its user is the facilitator and the only participant."""

    live = False

    def __init__(self, name: str = "Facilitator") -> None:
        super().__init__()
        self._me = Participant("local", name)
        self._state: dict[str, Any] = {}

    def me(self) -> Participant:
        return self._me

    def rename(self, name: str) -> None:
        self._me = Participant(self._me.id, name)

    def facilitator(self) -> str | None:
        return self._me.id

    def participants(self) -> tuple[Participant, ...]:
        return (self._me,)

    def broadcast(self, topic: str, value: Any) -> None:
        if value is None:
            self._state.pop(topic, None)
        else:
            self._state[topic] = value
        self.tell(topic, self._me.id, value)

    def shared(self, topic: str) -> dict[str, Any]:
        return {self._me.id: self._state[topic]} if topic in self._state else {}


class SessionHub:
    """Participants in one process sharing passing state; the first to join
    facilitates unless another is named."""

    def __init__(self) -> None:
        self.members: list[HubSession] = []
        self.leader: str | None = None

    def join(self, name: str, facilitator: bool = False) -> HubSession:
        member = HubSession(self, Participant(f"p-{random_tag()}", name))
        self.members.append(member)
        if facilitator or self.leader is None:
            self.leader = member.me().id
        return member

    def leave(self, member: HubSession) -> None:
        if member in self.members:
            self.members.remove(member)
            for topic in list(member.state):
                self._send(member.me().id, topic, None)
            if self.leader == member.me().id:
                self.leader = self.members[0].me().id if self.members else None

    def _send(self, who: str, topic: str, value: Any) -> None:
        for member in list(self.members):
            member.tell(topic, who, value)


class HubSession(Listeners):
    """One participant of a :class:`SessionHub`."""

    live = True

    def __init__(self, hub: SessionHub, me: Participant) -> None:
        super().__init__()
        self.hub = hub
        self._me = me
        self.state: dict[str, Any] = {}

    def me(self) -> Participant:
        return self._me

    def facilitator(self) -> str | None:
        return self.hub.leader

    def participants(self) -> tuple[Participant, ...]:
        return tuple(m.me() for m in self.hub.members)

    def broadcast(self, topic: str, value: Any) -> None:
        if value is None:
            self.state.pop(topic, None)
        else:
            self.state[topic] = value
        self.hub._send(self._me.id, topic, value)

    def shared(self, topic: str) -> dict[str, Any]:
        return {m.me().id: m.state[topic] for m in self.hub.members if topic in m.state}

    def leave(self) -> None:
        self.hub.leave(self)
