"""The inspector, personas panel, find bar, template chooser and settings,
driven with real keyboard and mouse events against a real document and
undo stack (no canvas needed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from ui_support import temp_settings, type_text

from journeymapper.commands.elements import SetField
from journeymapper.model.elements import FIELDS, Kind, check_field
from journeymapper.ui.fieldform import EDITORS, editor_for
from journeymapper.ui.find import FindBar, find_matches
from journeymapper.ui.inspector import Inspector
from journeymapper.ui.personas import PersonasPanel
from journeymapper.ui.settings import MAX_RECENT, AppSettings
from journeymapper.ui.template_dialog import TemplateDialog


def no_colour(_current: str) -> str | None:
    return None


@pytest.fixture
def editing(qtbot, laptop_doc):
    """An inspector wired to SetField commands on a real undo stack."""
    stack = QUndoStack()
    inspector = Inspector(no_colour)
    qtbot.addWidget(inspector)
    inspector.set_document(laptop_doc)

    def push(element_id, name, value, typing):
        stack.push(SetField(laptop_doc, element_id, name, value, typing=typing))

    inspector.field_edited.connect(push)
    inspector.show()
    yield inspector, laptop_doc, stack
    inspector.set_document(None)


def editor(widget, name, cls):
    found = widget.findChild(cls, f"field_{name}")
    assert found is not None, f"no {cls.__name__} for {name}"
    return found


def test_every_field_of_every_kind_gets_a_fitting_editor():
    for kind, specs in FIELDS.items():
        for spec in specs:
            hint = editor_for(kind, spec.name)
            if hint.widget == "int":
                assert check_field(kind, spec.name, hint.lo) is None
                assert check_field(kind, spec.name, hint.hi) is None
                assert check_field(kind, spec.name, hint.lo - 1) is not None
                assert check_field(kind, spec.name, hint.hi + 1) is not None
            elif hint.widget == "choice":
                assert all(check_field(kind, spec.name, o) is None for o in hint.options)
            elif hint.widget == "list":
                assert isinstance(spec.default, list)
            else:
                assert isinstance(spec.default, str), (kind, spec.name)
    assert set(EDITORS) - {s.name for specs in FIELDS.values() for s in specs} == {"authors"}


def test_typing_in_the_inspector_edits_the_card_in_one_undo_step(qtbot, editing):
    inspector, doc, stack = editing
    inspector.show_ids(["pain-point-34"])
    text = editor(inspector, "text", QPlainTextEdit)
    assert text.toPlainText() == "Shipping cost appears only at the last step"
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(text, " (배송비!)")
    assert doc.element("pain-point-34").text == "Shipping cost appears only at the last step (배송비!)"
    assert stack.count() == 1
    # the model's echo did not move the cursor: the typed text is in order at the end
    assert text.toPlainText().endswith(" (배송비!)")
    stack.undo()
    assert doc.element("pain-point-34").text == "Shipping cost appears only at the last step"
    assert text.toPlainText() == "Shipping cost appears only at the last step"
    stack.redo()
    assert text.toPlainText().endswith("(배송비!)")


def test_severity_channel_and_due_date_edits(qtbot, editing):
    inspector, doc, stack = editing
    inspector.show_ids(["pain-point-34"])
    severity = editor(inspector, "severity", QSpinBox)
    assert severity.value() == 4
    severity.setFocus()
    severity.selectAll()
    qtbot.keyClicks(severity, "1")
    qtbot.keyClick(severity, Qt.Key.Key_Return)
    assert doc.element("pain-point-34").fields["severity"] == 1
    qtbot.keyClick(severity, Qt.Key.Key_Up)
    assert doc.element("pain-point-34").fields["severity"] == 2

    touchpoint = next(e.id for e in doc.elements(Kind.TOUCHPOINT))
    inspector.show_ids([touchpoint])
    channel = editor(inspector, "channel", QComboBox)
    before = channel.currentText()
    qtbot.keyClick(channel, Qt.Key.Key_Down)
    assert doc.element(touchpoint).fields["channel"] == channel.currentText() != before

    opportunity = next(e.id for e in doc.elements(Kind.OPPORTUNITY))
    inspector.show_ids([opportunity])
    due = editor(inspector, "due", QLineEdit)
    old_due = doc.element(opportunity).fields["due"]
    problems = []
    inspector.problem.connect(problems.append)
    due.setFocus()
    due.selectAll()
    qtbot.keyClicks(due, "2026-02-30")
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert doc.element(opportunity).fields["due"] == old_due
    assert problems and "2026-02-30" in problems[-1] and "YYYY-MM-DD" in problems[-1]
    due.selectAll()
    qtbot.keyClicks(due, "2027-01-15")
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert doc.element(opportunity).fields["due"] == "2027-01-15"


def test_evidence_list_add_and_remove(qtbot, editing):
    inspector, doc, stack = editing
    inspector.show_ids(["pain-point-33"])
    items = inspector.findChild(QListWidget, "field_evidence_list")
    assert items.count() == 2
    qtbot.mouseClick(inspector.findChild(QPushButton, "field_evidence_add"),
                     Qt.MouseButton.LeftButton)
    line = items.findChild(QLineEdit)
    assert line is not None, "the new evidence item opens for editing"
    type_text(line, "설문 응답 #12: 쿠폰 오류")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the item delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: doc.element("pain-point-33").fields["evidence"][-1]
                    == "설문 응답 #12: 쿠폰 오류")
    items.setCurrentRow(0)
    qtbot.mouseClick(inspector.findChild(QPushButton, "field_evidence_remove"),
                     Qt.MouseButton.LeftButton)
    assert doc.element("pain-point-33").fields["evidence"] == (
        '"I almost left for another store"', "설문 응답 #12: 쿠폰 오류")
    stack.undo()
    assert items.count() == 3


def test_inspector_follows_model_and_shows_map_properties(qtbot, editing):
    inspector, doc, stack = editing
    inspector.show_ids(["pain-point-34"])
    stack.push(SetField(doc, "pain-point-34", "severity", 5))
    assert editor(inspector, "severity", QSpinBox).value() == 5
    assert "Purchase / Pain points" in inspector.header.text()
    doc.remove_element("pain-point-34")
    assert inspector.current is None
    assert inspector.header.text() == "Map properties"
    meta = []
    inspector.meta_edited.connect(lambda key, value: meta.append((key, value)))
    title = editor(inspector, "title", QLineEdit)
    assert title.text() == doc.title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " 2")
    assert meta[-1] == ("title", doc.title + " 2")
    inspector.show_ids(["pain-point-33", "pain-point-18"])
    assert inspector.header.text() == "2 elements selected"


def test_emotion_score_range_follows_the_map_setting(qtbot, editing):
    inspector, doc, _ = editing
    emotion = next(e.id for e in doc.elements(Kind.EMOTION))
    inspector.show_ids([emotion])
    score = editor(inspector, "score", QSpinBox)
    assert (score.minimum(), score.maximum()) == (-2, 2)
    doc.set_setting("emotion_range", 3)
    inspector.show_ids([emotion])
    assert (score.minimum(), score.maximum()) == (-3, 3)


def test_personas_panel_lists_edits_and_filters(qtbot, korean_doc):
    panel = PersonasPanel(no_colour)
    qtbot.addWidget(panel)
    panel.set_document(korean_doc)
    panel.show()
    assert panel.list.count() == 1
    assert panel.list.item(0).text() == "김지은 — 맞벌이 직장인, 5살 아이 엄마, 새벽배송 신규 고객"
    edits = []
    panel.field_edited.connect(lambda *args: edits.append(args))
    quote = panel.form.findChild(QPlainTextEdit, "field_quote")
    assert quote.toPlainText() == "퇴근하고 장 볼 시간이 없어요."
    name = panel.form.findChild(QLineEdit, "field_text")
    name.setFocus()
    name.end(False)
    type_text(name, "님")
    assert edits[-1] == ("persona-13", "text", "김지은님", True)
    korean_doc.set_field("persona-13", "text", "김지은님")
    assert panel.list.item(0).text().startswith("김지은님 — ")

    filters = []
    panel.filter_changed.connect(filters.append)
    assert panel.filter.count() == 2
    panel.filter.setFocus()
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    assert filters == ["persona-13"]
    removed = []
    panel.remove_requested.connect(removed.append)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert removed == ["persona-13"]
    korean_doc.remove_element("persona-13")
    assert panel.list.count() == 0
    assert filters[-1] is None, "the filter is lifted when its persona goes"
    assert not panel.remove_button.isEnabled()
    panel.set_document(None)


def test_find_ignores_case_and_finds_korean(laptop_doc, korean_doc):
    matches = find_matches(laptop_doc, "COUPON")
    assert matches and all("coupon" in " ".join(
        str(v) for v in laptop_doc.element(i).fields.values()).lower() for i in matches)
    stages = list(laptop_doc.stage_order)
    places = [laptop_doc.element(i).placement for i in matches]
    columns = [-1 if p.stage is None else stages.index(p.stage) for p in places]
    assert columns[0] == -1, "the persona (hunts for coupons) sits in the strip, read first"
    assert columns == sorted(columns), "matches come in reading order"
    korean = find_matches(korean_doc, "배송비")
    assert korean[0] == "persona-13", "the persona strip is read first"
    assert "pain-point-22" in korean
    # decomposed Hangul (as some input methods and file systems give it) still matches
    import unicodedata

    assert find_matches(korean_doc, unicodedata.normalize("NFD", "배송비")) == \
        find_matches(korean_doc, "배송비")
    assert find_matches(korean_doc, "   ") == []


def test_find_bar_steps_with_enter_and_closes_with_escape(qtbot, laptop_doc):
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.set_document(laptop_doc)
    went, lit = [], []
    bar.go_to.connect(went.append)
    bar.highlight.connect(lit.append)
    bar.open_bar()
    qtbot.keyClicks(bar.edit, "coupon")
    matches = find_matches(laptop_doc, "coupon")
    assert lit[-1] == matches and len(matches) >= 3
    assert went[-1] == matches[0]
    assert bar.count.text() == f"1 of {len(matches)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert went[-1] == matches[1]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert went[-1] == matches[-1], "Shift+Enter wraps around backwards"
    qtbot.keyClicks(bar.edit, "zzz")
    assert bar.count.text() == "no matches" and lit[-1] == []
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and lit[-1] == []
    bar.set_document(None)


def test_template_dialog_makes_a_choice(qtbot):
    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    names = [t.name for t in dialog.templates]
    assert "ecommerce-ko" in names
    row = names.index("ecommerce-ko")
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "인식 → 고려 → 구매" in dialog.list.item(row).text()
    type_text(dialog.title_edit, "새벽배송 리뷰")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.choice() == ("ecommerce-ko", "새벽배송 리뷰")


def test_settings_remember_recent_files_and_window_geometry(qtbot, tmp_path):
    settings = AppSettings(temp_settings(tmp_path))
    files = [tmp_path / f"지도-{i}.jmap" for i in range(MAX_RECENT + 3)]
    for path in files:
        settings.add_recent(path)
    settings.add_recent(files[3])
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(files[3].resolve()) and recent[1] == str(files[-1].resolve())
    assert len(set(recent)) == MAX_RECENT
    again = AppSettings(temp_settings(tmp_path))
    assert again.recent_files() == recent
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(40, 50, 700, 500)
    settings.save_window(window)
    other = QMainWindow()
    qtbot.addWidget(other)
    assert again.restore_window(other)
    assert other.size() == window.size()
    settings.clear_recent()
    assert again.recent_files() == []
    assert (tmp_path / "journeymapper-test.ini").is_file()


def test_long_one_line_fields_show_their_beginning(qtbot, editing):
    """A long title or owner in a narrow inspector reads from its first word,
    not from the middle of the text."""
    inspector, doc, _ = editing
    inspector.resize(260, 400)
    inspector.show_ids([])
    title = editor(inspector, "title", QLineEdit)
    assert title.text() == doc.title and len(doc.title) > 30
    assert title.cursorPosition() == 0
    doc.set_field("opportunity-43", "owner", "웹팀과 고객경험팀이 함께 맡는 장기 과제")
    inspector.show_ids(["opportunity-43"])
    owner = editor(inspector, "owner", QLineEdit)
    assert owner.text().startswith("웹팀") and owner.cursorPosition() == 0
