"""Helpers for the co-editing tests: peers bound to Y documents in one
process, synced by handing updates across (no network), a registered record
section, and random edits a workshop makes."""

from __future__ import annotations

import random
from collections.abc import Mapping

from pycrdt import Doc

from journeymapper.collab.binding import Binding
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import CARD_KINDS, Kind
from journeymapper.model.errors import JourneyError
from journeymapper.model.records import Section, register

VOTES = register(Section(
    "collab_test_votes",
    lambda key, value: None if isinstance(value, Mapping) and isinstance(value.get("n"), int)
    else "expected {n: int}",
    lambda key, value: (key,)))


class Peer:
    """A map and its Y document, as a laptop in a session has them."""

    def __init__(self, doc: JourneyMap, ydoc: Doc) -> None:
        self.doc = doc
        self.ydoc = ydoc
        self.deferred: list = []
        self.binding = Binding(doc, ydoc, defer=self.deferred.append)

    def settle(self) -> None:
        while self.deferred:
            self.deferred.pop(0)()

    def bytes(self) -> bytes:
        self.settle()
        return dumps(self.doc)


def host(doc: JourneyMap) -> Peer:
    peer = Peer(doc, Doc())
    peer.binding.seed()
    return peer


def join(host_peer: Peer) -> Peer:
    ydoc = Doc()
    ydoc.apply_update(host_peer.ydoc.get_update())
    peer = Peer(JourneyMap(), ydoc)
    peer.binding.load()
    return peer


def read_back(peer: Peer) -> bytes:
    """The map a newcomer reads from ``peer``'s Y document: what ``peer``'s own
    map must be after each step, however it got there."""
    ydoc = Doc()
    ydoc.apply_update(peer.ydoc.get_update())
    fresh = Peer(JourneyMap(), ydoc)
    fresh.binding.load()
    return fresh.bytes()


def sync(a: Peer, b: Peer) -> None:
    """What the room does between two laptops: each gets what it lacks."""
    a.ydoc.apply_update(b.ydoc.get_update(a.ydoc.get_state()))
    b.ydoc.apply_update(a.ydoc.get_update(b.ydoc.get_state()))
    a.settle()
    b.settle()


def sync_all(peers: list[Peer]) -> None:
    for _ in range(2):
        for a in peers:
            for b in peers:
                if a is not b:
                    sync(a, b)


def valid(doc: JourneyMap) -> bool:
    """The map loads back from its bytes without a single repair."""
    return not jmap.loads(dumps(doc)).problems


def random_edit(doc: JourneyMap, rng: random.Random) -> None:
    """One thing a workshop participant does, chosen at random; refusals are
    fine (the map refuses what breaks a rule, as in the window)."""
    cards = [e for e in doc.elements() if e.kind is not Kind.STAGE]
    stages = list(doc.stage_order)
    lanes = list(doc.lanes)
    choice = rng.randrange(12)
    try:
        if choice <= 2 and stages and lanes:
            lane = rng.choice(lanes)
            doc.add_card(rng.choice(CARD_KINDS) if rng.random() < 0.2 else lane.kind,
                         rng.choice(stages), lane.id, rng.choice(["", "결제", "slow", "ok 😀"]))
        elif choice <= 4 and cards:
            card = rng.choice(cards)
            text = card.text
            at = rng.randint(0, len(text))
            cut = rng.randint(0, min(3, len(text) - at))
            doc.set_field(card.id, "text", text[:at] + rng.choice(["a", "결", "xyz", ""]) +
                          text[at + cut:])
        elif choice == 5 and cards and stages and lanes:
            card = rng.choice(cards)
            lane = rng.choice(lanes)
            doc.move_element(card.id, card.placement.moved(
                stage=rng.choice(stages), lane=lane.id, order=rng.randint(0, 3),
                dx=rng.choice([0.0, 12.5])))
        elif choice == 6 and cards:
            doc.remove_element(rng.choice(cards).id)
        elif choice == 7 and len(cards) >= 2:
            a, b = rng.sample(cards, 2)
            if doc.link_refusal(a.id, b.id) is None:
                doc.link(a.id, b.id)
        elif choice == 8 and stages:
            stage = rng.choice(stages)
            with doc.transaction():
                for card in [e for lane in lanes for e in doc.cell(stage, lane.id)]:
                    doc.remove_element(card.id)
                doc.remove_element(stage)
        elif choice == 9:
            doc.add_stage(rng.choice(["New", "새 단계"]), rng.randint(0, len(stages)))
        elif choice == 10 and len(stages) >= 2:
            doc.move_stage(rng.choice(stages), rng.randrange(len(stages)))
        elif choice == 11 and cards:
            card = rng.choice(cards)
            doc.put_record(VOTES.name, card.id, {"n": rng.randint(1, 9)})
    except JourneyError:
        pass
