"""Two windows in one process, in one session through a real room on
loopback: a card typed in one appears in the other, Ctrl+Z undoes only my
own change, and a colleague's selection is outlined in their colour."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_window import activate, laptop_copy, make_window, settings_dir  # noqa: F401

from journeymapper.model.elements import Kind
from journeymapper.ui.session_ui import colour_for


class Answers:
    """Scripted answers to the session's own questions."""

    def __init__(self) -> None:
        self.invitations: list[tuple[str, str]] = []

    def host_options(self, name: str):
        return ("127.0.0.1", 0, "Hana")

    def join_options(self, name: str):
        return None

    def show_invitation(self, address: str, code: str, viewers: str) -> None:
        self.invitations.append((address, code))


def in_session(qtbot, make_window, path):
    host = make_window()
    assert host.open_path(path)
    host.collab.dialogs = Answers()
    assert host.collab.host()
    address, _code = host.collab.dialogs.invitations[0]
    guest = make_window()
    guest.settings.qsettings.setValue("session/name", "Minho")
    assert guest.collab.join(address)
    qtbot.waitUntil(lambda: guest.collab.session is not None and guest.collab.session.joined
                    and guest.document is guest.collab.session.doc, timeout=20000)
    qtbot.waitUntil(lambda: host.collab.session.connected, timeout=20000)
    return host, guest


def type_card(qtbot, window, text: str) -> str:
    """N on the canvas, type, Enter: the new card's id."""
    activate(window)
    window.view.setFocus()
    before = set(window.document._elements)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    QTest.keyClicks(window.view, text)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    (new,) = set(window.document._elements) - before
    return new


def test_a_card_typed_in_one_window_appears_in_the_other(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    card = type_card(qtbot, host, "Asks about delivery")
    qtbot.waitUntil(lambda: card in guest.scene.cards, timeout=10000)
    assert guest.document.element(card).text == "Asks about delivery"
    assert "in a session" in guest.windowTitle() or "hosting" in guest.windowTitle()
    assert "hosting" in host.collab.status.text()
    names = guest.collab.panel.names()
    qtbot.waitUntil(lambda: "Hana" in guest.collab.panel.names(), timeout=10000)
    assert names[0].startswith("Minho")
    host.collab.leave()
    guest.collab.leave()
    assert card in guest.document  # leaving keeps a local copy


def test_ctrl_z_undoes_my_change_never_a_colleagues(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    mine = type_card(qtbot, host, "Mine")
    theirs = type_card(qtbot, guest, "Theirs")
    qtbot.waitUntil(lambda: theirs in host.document and mine in guest.document, timeout=10000)
    assert host.undo_stack.text(host.undo_stack.index() - 1).startswith("Add")
    activate(host)
    host.view.setFocus()
    qtbot.keyClick(host.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: mine not in guest.document, timeout=10000)
    assert mine not in host.document
    assert theirs in host.document and theirs in guest.document
    # a colleague deletes what I edited: my undo of the edit brings nothing back
    host.undo_stack.redo()
    qtbot.waitUntil(lambda: mine in guest.document, timeout=10000)
    guest.scene.select_ids([mine])
    assert guest.scene.editor.delete_selection()
    qtbot.waitUntil(lambda: mine not in host.document, timeout=10000)
    host.undo_stack.undo()
    QTest.qWait(300)
    assert mine not in host.document and mine not in guest.document
    host.collab.leave()
    guest.collab.leave()


def test_a_colleagues_selection_is_outlined_in_their_colour(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    card = next(e.id for e in host.document.elements() if e.kind is Kind.PAIN_POINT)
    host.scene.select_ids([card])
    overlay = guest.collab.overlay
    qtbot.waitUntil(lambda: any(m.name == "Hana" for m in overlay.marks), timeout=10000)
    mark = next(m for m in overlay.marks if m.name == "Hana")
    rect = guest.scene.cards[card].sceneBoundingRect()
    assert mark.rect == (rect.x(), rect.y(), rect.width(), rect.height())
    assert mark.colour == colour_for("Hana") and not mark.typing
    assert overlay.scene() is guest.scene
    host.collab.leave()
    qtbot.waitUntil(lambda: not overlay.marks, timeout=10000)
    guest.collab.leave()
