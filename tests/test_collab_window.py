"""Two windows in one process, in one session through a real room on
loopback: a card typed in one appears in the other, Ctrl+Z undoes only my
own change, a colleague's selection is outlined in their colour, and two
people typing into one card both keep their letters."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_window import (  # noqa: F401
    activate,
    click_item,
    laptop_copy,
    make_window,
    settings_dir,
)

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
    room = host.collab.server.server.room_name
    assert f"in the session “{room}”" in guest.windowTitle()
    assert "hosting" in host.windowTitle()
    assert "hosting" in host.collab.status.text()
    qtbot.waitUntil(lambda: "connected)" in guest.windowTitle(), timeout=10000)
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


def open_editor(qtbot, window, card: str) -> None:
    """Click the card, F2: its text editor opens, the cursor at the end."""
    activate(window)
    click_item(qtbot, window, card)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert window.scene.editor.editing_id() == card
    qtbot.keyClick(window.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_two_people_typing_into_one_card_both_keep_their_letters(qtbot, make_window, laptop_copy):
    host, guest = in_session(qtbot, make_window, laptop_copy)
    card = next(e.id for e in host.document.elements() if e.kind is Kind.PAIN_POINT)
    opened = host.document.element(card).text
    open_editor(qtbot, guest, card)                       # Minho starts typing at the end
    QTest.keyClicks(guest.view, " (Minho)")
    open_editor(qtbot, host, card)                        # Hana, at the start, and commits
    qtbot.keyClick(host.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(host.view, "Hana: ")
    qtbot.keyClick(host.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: guest.document.element(card).text == "Hana: " + opened,
                    timeout=10000)
    box = guest.scene.editor.text_box                    # Minho's open editor shows it
    assert box is not None and box.text() == "Hana: " + opened + " (Minho)"
    activate(guest)
    QTest.keyClicks(guest.view, "!")                      # his cursor is where he left it
    qtbot.keyClick(guest.view, Qt.Key.Key_Return)
    both = "Hana: " + opened + " (Minho)!"
    qtbot.waitUntil(lambda: host.document.element(card).text == both, timeout=10000)
    assert guest.document.element(card).text == both
    assert host.scene.cards[card].fields["text"] == both
    host.collab.leave()
    guest.collab.leave()


def test_an_open_editor_shows_a_colleagues_letters_around_an_emoji(qtbot, make_window,
                                                                    laptop_copy):
    """Positions in the editor count UTF-16 units: an emoji before my cursor
    does not shift a colleague's letters (a change of origin remote, as the
    session makes it)."""
    window = make_window()
    assert window.open_path(laptop_copy)
    doc = window.document
    card = next(e.id for e in doc.elements() if e.kind is Kind.PAIN_POINT)
    doc.set_field(card, "text", "😀 결제")
    open_editor(qtbot, window, card)
    QTest.keyClicks(window.view, " slow")  # QTest types ASCII only
    with doc.transaction("remote"):
        doc.set_field(card, "text", "😀😀 결제")
    box = window.scene.editor.text_box
    assert box is not None and box.text() == "😀😀 결제 slow"
    QTest.keyClicks(window.view, "!")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert doc.element(card).text == "😀😀 결제 slow!"
    window.undo_stack.undo()  # my typing goes, the colleague's emoji stays
    assert doc.element(card).text == "😀😀 결제"
