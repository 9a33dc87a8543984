"""The core commands: templates, new, validate, info, upgrade; exit codes 0/1/2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper import __version__
from journeymapper.cli import main
from journeymapper.io import jmap

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "journeymapper", "--version"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"journeymapper {__version__}"


def test_templates_lists_the_shipped_stage_models(capsys):
    code, out, _ = run(capsys, "templates")
    assert code == 0
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert lines["ecommerce"] == "Awareness -> Consideration -> Purchase -> Retention -> Advocacy"
    assert lines["buyers-journey"] == "Awareness -> Consideration -> Decision"
    assert lines["ecommerce-ko"] == "인식 -> 고려 -> 구매 -> 유지 -> 옹호"
    assert "flywheel" in lines


@pytest.mark.parametrize("template, stages", [
    ("ecommerce", ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"]),
    ("buyers-journey", ["Awareness", "Consideration", "Decision"]),
    ("ecommerce-ko", ["인식", "고려", "구매", "유지", "옹호"]),
])
def test_new_from_template_then_info(capsys, tmp_path, template, stages):
    out_file = tmp_path / "new.jmap"
    code, out, _ = run(capsys, "new", "--template", template, "--title", "Q4 review",
                       "-o", str(out_file))
    assert code == 0, out
    code, out, _ = run(capsys, "info", str(out_file), "--json")
    info = json.loads(out)
    assert info["title"] == "Q4 review"
    assert info["stages"] == stages
    assert info["format_version"] == 1
    assert info["links"] == len(stages) - 1
    assert info["counts"]["stage"] == len(stages)


def test_flywheel_loops_back_to_the_first_stage(capsys, tmp_path):
    from journeymapper.io import jmap
    from journeymapper.model.analysis import stage_loops

    out_file = tmp_path / "f.jmap"
    assert run(capsys, "new", "--template", "flywheel", "-o", str(out_file))[0] == 0
    doc = jmap.load(out_file).document
    first, last = doc.stage_order[0], doc.stage_order[-1]
    assert stage_loops(doc) == [(last, first)]


def test_new_refuses_to_overwrite_and_unknown_template(capsys, tmp_path):
    target = tmp_path / "m.jmap"
    target.write_text("keep me")
    code, _, err = run(capsys, "new", "-o", str(target))
    assert code == 1 and "exists already" in err
    assert target.read_text() == "keep me"
    code, _, err = run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "x.jmap"))
    assert code == 1
    assert err.strip().startswith("journeymapper: no template named 'nope' (templates: ")


def test_info_of_the_laptop_example(capsys):
    code, out, _ = run(capsys, "info", str(EXAMPLES / "laptop-store.jmap"), "--json")
    info = json.loads(out)
    assert info["counts"]["pain_point"] == 5 and info["counts"]["persona"] == 1
    assert info["links"] == 33


def test_validate_reports_every_problem_and_exits_1(capsys, tmp_path):
    root = json.loads((EXAMPLES / "laptop-store.jmap").read_text(encoding="utf-8"))
    pains = [i for i, e in enumerate(root["elements"]) if e["kind"] == "pain_point"]
    root["elements"][pains[0]]["fields"]["severity"] = 9
    root["links"].append({"source": "ghost", "target": "x", "kind": "addresses"})
    bad = tmp_path / "bad.jmap"
    bad.write_text(json.dumps(root), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}: elements[{pains[0]}].severity: expected an integer 1..5, got 9" in out
    assert "links[33].source: no element with id \"ghost\"" in out
    assert err.strip() == f"journeymapper: {bad}: 2 problems found"
    code, out, _ = run(capsys, "validate", str(EXAMPLES / "laptop-store.jmap"))
    assert code == 0 and "valid" in out


def test_bad_input_is_one_line_without_traceback(tmp_path):
    junk = tmp_path / "junk.jmap"
    junk.write_bytes(b"\x00\x01\x02binary")
    result = subprocess.run([sys.executable, "-m", "journeymapper", "info", str(junk)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(junk) in result.stderr


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["info"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["frobnicate", "x"])
    assert info.value.code == 2


def test_upgrade_leaves_a_current_file_byte_identical(capsys, tmp_path):
    path = tmp_path / "m.jmap"
    original = (EXAMPLES / "laptop-store.jmap").read_bytes()
    path.write_bytes(original)
    before = path.stat().st_mtime_ns
    code, out, _ = run(capsys, "upgrade", str(path))
    assert code == 0 and "nothing changed" in out
    assert path.read_bytes() == original and path.stat().st_mtime_ns == before


def test_upgrade_rewrites_a_hand_edited_file_in_canonical_form(capsys, tmp_path):
    root = json.loads((EXAMPLES / "laptop-store.jmap").read_text(encoding="utf-8"))
    messy = tmp_path / "messy.jmap"
    messy.write_text(json.dumps(root, indent=4, ensure_ascii=True), encoding="utf-8")
    out_file = tmp_path / "clean.jmap"
    code, _, _ = run(capsys, "upgrade", str(messy), "-o", str(out_file))
    assert code == 0
    assert out_file.read_bytes() == (EXAMPLES / "laptop-store.jmap").read_bytes()


def test_opening_the_window_without_a_display_says_so(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "journeymapper", str(EXAMPLES / "laptop-store.jmap")],
                            capture_output=True, text=True, env=env, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux decides on DISPLAY / WAYLAND_DISPLAY")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("journeymapper: no display to open the window on")
    missing = subprocess.run([sys.executable, "-m", "journeymapper", str(tmp_path / "gone.jmap")],
                             capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"journeymapper: {tmp_path / 'gone.jmap'}: no such file"


HELP_COMMANDS = [[], ["templates"], ["new"], ["validate"], ["info"], ["upgrade"], ["export"],
                 ["survey"], ["survey", "inspect"], ["survey", "import"], ["scores"], ["waves"],
                 ["render"]]


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "main")
def test_help_names_files_and_values_as_people_read_them(capsys, command):
    """Placeholders are MAP / FILE / OUT / N, not argparse's QUOTE_CAP or OUTPUT."""
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    for raw in ("OUTPUT", "QUOTE_CAP", "WIDTH", "SHEET", "TEMPLATE", "TITLE", "show program's"):
        assert raw not in text, f"{' '.join(command)} --help shows {raw!r}"
    usage = text.split("\n\n")[0]
    assert usage.startswith(f"usage: journeymapper {' '.join(command)}".rstrip() + " "), usage
    assert not re.search(r"\s(map|file)(\s|$)", usage), usage
    assert not re.search(r"(?m)^  (map|file)\s", text), text
    if not command:
        assert "[FILE | COMMAND ...]" in text and "list, rename, re-date or delete" in text


@pytest.mark.parametrize("name, message", [
    (None, "is a folder; give a file name such as {folder}/map.png"),
    ("picture", "expected a .png or .svg file name (such as {folder}/picture.png)"),
    ("map.jpg", "expected a .png or .svg file name (such as {folder}/map.png)"),
])
def test_render_names_a_usable_output(capsys, tmp_path, name, message):
    out = tmp_path if name is None else tmp_path / name
    code, _, err = run(capsys, "render", str(EXAMPLES / "laptop-store.jmap"), "-o", str(out))
    assert code == 1
    assert err.strip() == f"journeymapper: {out}: " + message.format(folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_template_names_ignore_case_like_page_sizes(capsys, tmp_path):
    out_file = tmp_path / "m.jmap"
    code, out, err = run(capsys, "new", "--template", "ECommerce-KO", "-o", str(out_file))
    assert code == 0, err
    assert "from template 'ecommerce-ko'" in out
    assert jmap.load(out_file).document.stage_names()[0] == "인식"


def test_every_command_is_known_by_name_and_opening_the_window_imports_none():
    """The names main() tells commands from a file by are the commands the modules
    register, and `journeymapper FILE` does not import the commands (the PDF's
    reportlab) before the window opens."""
    import argparse
    import importlib

    from journeymapper.cli import COMMAND_MODULES, COMMANDS

    for module in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        assert {n: module for n in sub.choices} == {n: m for n, m in COMMANDS.items()
                                                     if m == module}
    code = ("import sys; from journeymapper.cli import main; "
            "code = main(['nowhere.jmap']); print(code, 'reportlab' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.split() == ["1", "False"]
    assert "nowhere.jmap: no such file" in done.stderr
