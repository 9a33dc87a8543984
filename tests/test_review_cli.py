"""The review commands: diff (two files, --since-review, --git on a temporary
repository, git's external driver), actions and review marks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper.cli import main
from journeymapper.io import jmap
from journeymapper.io.serialize import dumps
from journeymapper.model.elements import Kind
from journeymapper.model.reviews import reviews

CARD_KEYS = {"id", "kind", "text", "stage_id", "stage", "lane_id", "lane"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pair(tmp_path: Path, laptop_path: Path) -> tuple[Path, Path, dict]:
    """OLD (the example) and NEW with one change of each kind."""
    old = tmp_path / "old.jmap"
    shutil.copy(laptop_path, old)
    doc = jmap.load(old).document
    stages = doc.stage_order
    pain = next(doc.elements(Kind.PAIN_POINT))
    thought = next(doc.elements(Kind.THOUGHT))
    action = next(doc.elements(Kind.ACTION))
    opportunity = next(e for e in doc.elements(Kind.OPPORTUNITY) if e.fields["status"] != "done")
    doc.set_field(pain.id, "severity", 1 if pain.fields["severity"] != 1 else 2)
    doc.remove_element(thought.id)
    target = stages[-1] if action.placement.stage != stages[-1] else stages[0]
    doc.move_element(action.id, action.placement.moved(stage=target))
    added = doc.add_card(Kind.NOTE, stages[0], doc.lanes[1].id, "Ask support about this")
    doc.set_field(opportunity.id, "status", "done")
    doc.set_field(stages[1], "text", "Compare")
    new = tmp_path / "new.jmap"
    jmap.save(doc, new, backup=False)
    return old, new, {"pain": pain.id, "thought": thought.id, "action": action.id,
                      "added": added, "opportunity": opportunity.id, "stage": stages[1]}


def test_diff_json_has_the_shape_the_docs_give(capsys, pair) -> None:
    old, new, ids = pair
    code, out, err = run(capsys, "diff", str(old), str(new), "--json", "--today", "2026-01-01")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"added", "removed", "changed", "moved", "links", "stages", "lanes",
                         "scores", "opportunities"}
    assert set(data["links"]) == {"added", "removed"}
    assert set(data["stages"]) == {"added", "removed", "renamed", "changed", "reordered"}
    assert set(data["opportunities"]) == {"status", "done", "overdue"}
    (added,) = data["added"]
    assert set(added) == CARD_KEYS and added["id"] == ids["added"] and added["kind"] == "note"
    assert [r["id"] for r in data["removed"]] == [ids["thought"]]
    changed = {c["id"]: c for c in data["changed"]}
    assert set(changed) == {ids["pain"], ids["opportunity"]}
    assert set(changed[ids["pain"]]) == CARD_KEYS | {"fields"}
    (old_sev, new_sev) = changed[ids["pain"]]["fields"]["severity"]
    assert old_sev != new_sev and isinstance(new_sev, int)
    assert changed[ids["opportunity"]]["fields"]["status"][1] == "done"
    (moved,) = data["moved"]
    assert moved["id"] == ids["action"] and moved["from"]["stage_id"] != moved["to"]["stage_id"]
    assert data["stages"]["renamed"] == [{"id": ids["stage"], "old": "Consideration",
                                          "new": "Compare"}]
    assert [o["id"] for o in data["opportunities"]["done"]] == [ids["opportunity"]]
    assert data["links"]["removed"] == [], "the links of the removed thought went with it"


def test_diff_text_and_exit_code(capsys, pair) -> None:
    old, new, _ = pair
    code, out, _ = run(capsys, "diff", str(old), str(new), "--exit-code")
    assert code == 1
    assert "1 card added, 1 removed, 2 changed, 1 moved" in out
    assert "+ Note “Ask support about this”" in out
    assert "stage “Consideration” renamed “Compare”" in out
    code, out, _ = run(capsys, "diff", str(old), str(old), "--exit-code")
    assert code == 0 and "no changes" in out


def test_since_review_uses_the_mark_in_the_file(capsys, tmp_path, laptop_path) -> None:
    path = tmp_path / "map.jmap"
    shutil.copy(laptop_path, path)
    code, _, err = run(capsys, "diff", str(path), "--since-review")
    assert code == 1 and "no review marked yet" in err and "\n" not in err.strip()
    code, out, _ = run(capsys, "review", str(path), "--by", "Hana", "--note", "Q3 in",
                       "--date", "2026-10-05")
    assert code == 0 and "review of 2026-10-05 marked" in out
    doc = jmap.load(path).document
    doc.add_card(Kind.PAIN_POINT, doc.stage_order[2], doc.lane_for_kind(Kind.PAIN_POINT).id,
                 "Delivery slots sell out")
    jmap.save(doc, path)
    code, out, _ = run(capsys, "diff", str(path), "--since-review", "--json")
    assert [a["text"] for a in json.loads(out)["added"]] == ["Delivery slots sell out"]
    # a second review: the first keeps its summary, only the second its baseline
    code, out, _ = run(capsys, "review", str(path), "--by", "Min", "--date", "2026-11-05")
    marks = reviews(jmap.load(path).document)
    assert [(r.by, r.baseline is not None) for r in marks] == [("Hana", False), ("Min", True)]
    assert marks[1].summary["added"] == 1
    code, out, _ = run(capsys, "diff", str(path), "--since-review", "--exit-code")
    assert code == 0
    code, out, _ = run(capsys, "review", str(path), "--list", "--json")
    listed = json.loads(out)
    assert [r["note"] for r in listed] == ["Q3 in", ""] and listed[1]["baseline"] is True


def test_years_of_reviews_keep_one_baseline(tmp_path, laptop_path) -> None:
    """40 quarterly reviews: the file grows by the summaries only, not 40 copies."""
    from journeymapper.io.reviews import mark_review

    doc = jmap.load(laptop_path).document
    plain = len(dumps(doc))
    mark_review(doc, "2020-01-01", "A")
    one = len(dumps(doc))
    for quarter in range(39):
        doc.set_field(doc.stage_order[0], "description", f"quarter {quarter}")
        mark_review(doc, f"{2020 + quarter // 4}-{1 + 3 * (quarter % 4):02d}-02", "A", "note")
    forty = len(dumps(doc))
    assert len(reviews(doc)) == 40
    assert sum(r.baseline is not None for r in reviews(doc)) == 1
    assert one - plain < plain, "the baseline is compressed"
    assert forty - one < 40 * 400, "each further review costs a summary, not a map"


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, laptop_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q")
    git(folder, "config", "user.email", "test@example.org")
    git(folder, "config", "user.name", "Test")
    shutil.copy(laptop_path, folder / "map.jmap")
    git(folder, "add", "map.jmap")
    git(folder, "commit", "-qm", "first")
    doc = jmap.load(folder / "map.jmap").document
    pain = next(doc.elements(Kind.PAIN_POINT))
    doc.set_field(pain.id, "text", "Checkout times out")
    jmap.save(doc, folder / "map.jmap", backup=False)
    git(folder, "commit", "-qam", "second")
    return folder


def test_diff_git_rev_reads_the_file_at_that_revision(capsys, repo) -> None:
    code, out, _ = run(capsys, "diff", "--git", "HEAD~1", str(repo / "map.jmap"), "--json")
    assert code == 0
    (changed,) = json.loads(out)["changed"]
    assert changed["fields"]["text"][1] == "Checkout times out"
    code, out, _ = run(capsys, "diff", "--git", "HEAD", str(repo / "map.jmap"), "--exit-code")
    assert code == 0 and "no changes" in out
    code, _, err = run(capsys, "diff", "--git", "nosuchrev", str(repo / "map.jmap"))
    assert code == 1 and "no version at git revision 'nosuchrev'" in err


def test_git_diff_through_the_driver_prints_the_summary(repo) -> None:
    """The set-up docs/review.md gives, run by a real git."""
    (repo / ".gitattributes").write_text("*.jmap diff=jmap\n")
    command = f"{sys.executable} -m journeymapper git-diff"
    git(repo, "config", "diff.jmap.command", command)
    out = git(repo, "diff", "HEAD~1", "HEAD", "--", "map.jmap")
    assert "diff --journeymapper a/map.jmap b/map.jmap" in out
    assert "~ Pain point “Checkout times out”: Text:" in out
    assert "0 cards added, 0 removed, 1 changed" in out


def test_actions_filters_and_json(capsys, laptop_path) -> None:
    code, out, _ = run(capsys, "actions", str(laptop_path), "--json", "--today", "2026-12-31")
    items = json.loads(out)
    assert items and set(items[0]) == {"id", "text", "status", "owner", "due", "overdue",
                                       "votes", "impact", "effort", "addresses"}
    statuses = [i["status"] for i in items]
    assert statuses == sorted(statuses, key=["idea", "planned", "in progress", "done"].index)
    overdue = [i for i in items if i["overdue"]]
    assert overdue and all(i["status"] != "done" and i["due"] < "2026-12-31" for i in overdue)
    code, out, _ = run(capsys, "actions", str(laptop_path), "--json", "--overdue",
                       "--today", "2026-12-31")
    assert json.loads(out) == overdue
    owner = items[0]["owner"]
    code, out, _ = run(capsys, "actions", str(laptop_path), "--json", "--owner", owner.upper())
    assert {i["owner"] for i in json.loads(out)} == {owner}
    code, out, _ = run(capsys, "actions", str(laptop_path), "--json", "--status", "done")
    assert {i["status"] for i in json.loads(out)} == {"done"}
    code, out, _ = run(capsys, "actions", str(laptop_path), "--today", "2026-12-31")
    assert "OVERDUE" in out and "addresses “" in out


def test_bad_dates_and_arguments_are_one_line(capsys, laptop_path) -> None:
    code, _, err = run(capsys, "actions", str(laptop_path), "--today", "2026-13-01")
    assert code == 1 and "--today: expected a date YYYY-MM-DD, got '2026-13-01'" in err
    code, _, err = run(capsys, "diff", str(laptop_path))
    assert code == 1 and "give OLD and NEW" in err


def test_a_damaged_or_exploding_baseline_is_one_line(capsys, tmp_path, laptop_path) -> None:
    import base64
    import zlib

    from journeymapper.io.jmap import MAX_FILE_BYTES
    from journeymapper.model.reviews import SECTION, record_value

    doc = jmap.load(laptop_path).document
    path = tmp_path / "map.jmap"
    bomb = base64.b64encode(zlib.compress(b" " * (MAX_FILE_BYTES + 10), 9)).decode("ascii")
    for name, text in (("junk", "not base64 at all!"), ("bomb", bomb)):
        doc.put_record(SECTION, "review-1", record_value("2026-10-05", "", "", "", {}, text))
        jmap.save(doc, path, backup=False)
        code, out, err = run(capsys, "diff", str(path), "--since-review")
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, name
        assert "review baseline" in err and str(path) in err
    # marking a new review replaces a damaged baseline
    code, _, _ = run(capsys, "review", str(path), "--date", "2026-11-01")
    assert code == 0
    code, out, _ = run(capsys, "diff", str(path), "--since-review", "--exit-code")
    assert code == 0 and "no changes" in out
