"""`journeymapper cards import` and `journeymapper votes`, and the dot votes
in the stakeholder PDF: the window's workshop results without a window."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeymapper.cli import main
from journeymapper.io import jmap
from journeymapper.io.pdf.report import ExportOptions, build_pdf
from journeymapper.model import workshop as ws
from journeymapper.model.elements import Kind

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
T0 = dt.datetime(2026, 10, 5, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def map_path(tmp_path: Path) -> Path:
    path = tmp_path / "지도.jmap"
    shutil.copy(EXAMPLES / "dawn-delivery-ko.jmap", path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_a_korean_excel_list_with_new_stages(capsys, map_path, tmp_path):
    doc = jmap.load(map_path).document
    stage, lane = doc.stages()[0].text, doc.lanes[1].name
    source = tmp_path / "카드.csv"
    source.write_bytes(f"단계,레인,내용\n{stage},{lane},새벽 배송이 늦다\n재구매,{lane},다시 주문\n"
                       .encode("cp949"))
    before = map_path.read_bytes()
    code, out, err = run(capsys, "cards", "import", str(map_path), str(source))
    assert code == 1 and map_path.read_bytes() == before
    assert err.count("\n") == 1 and "row 3: stage: '재구매' is not a stage" in err
    out_path = tmp_path / "out.jmap"
    code, out, err = run(capsys, "cards", "import", str(map_path), str(source), "--create-stages",
                         "-o", str(out_path))
    assert code == 0 and "2 cards added" in out and map_path.read_bytes() == before
    saved = jmap.load(out_path, strict=True).document
    assert saved.stages()[-1].text == "재구매"
    assert {e.text for e in saved.elements()} >= {"새벽 배송이 늦다", "다시 주문"}


def test_a_bad_row_names_file_row_and_value_and_writes_nothing(capsys, map_path, tmp_path):
    source = tmp_path / "cards.csv"
    stage = jmap.load(map_path).document.stages()[0].text
    source.write_text(f"{stage},action,ok\n{stage},nonsense,bad\n", encoding="utf-8")
    before = map_path.read_bytes()
    code, _, err = run(capsys, "cards", "import", str(map_path), str(source))
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert "cards.csv: row 2: lane: 'nonsense'" in err and map_path.read_bytes() == before
    code, _, err = run(capsys, "cards", "import", str(map_path), str(source), "-o", str(source))
    assert code == 1 and "is the list of cards being read" in err


def revealed_vote(path: Path, anonymous: bool) -> tuple[ws.Vote, list[str]]:
    doc = jmap.load(path).document
    pains = [e.id for e in doc.elements(Kind.PAIN_POINT)][:2]
    vote = ws.Vote("vote-1", "가장 먼저 고칠 것은?", (Kind.PAIN_POINT,), 3, 2, anonymous, True,
                   T0, revealed=T0 + dt.timedelta(minutes=10))
    doc.put_record(ws.VOTES, vote.id, vote.record())
    for voter, name, card, n in (("v1", "가람", pains[0], 2), ("v2", "누리", pains[1], 1),
                                 ("v2", "누리", pains[0], 1)):
        doc.put_record(ws.DOTS, ws.dot_key(vote.id, voter, card), n)
        if not anonymous:
            doc.put_record(ws.VOTERS, f"{vote.id}|{voter}", {"name": name})
    jmap.save(doc, path, backup=False)
    return vote, pains


def test_votes_lists_the_results(capsys, map_path):
    vote, pains = revealed_vote(map_path, anonymous=False)
    code, out, _ = run(capsys, "votes", str(map_path), "--json")
    assert code == 0
    (summary,) = json.loads(out)
    assert summary["question"] == vote.question and summary["voters"] == 2
    assert summary["voter_names"] == sorted(["가람", "누리"])
    assert [r["id"] for r in summary["ranking"]] == pains and summary["ranking"][0]["dots"] == 3
    code, out, _ = run(capsys, "votes", str(map_path))
    assert "2 voters, 4 dots" in out and " 1.   3" in out


def test_the_pdf_holds_the_revealed_votes(map_path):
    vote, pains = revealed_vote(map_path, anonymous=True)
    doc = jmap.load(map_path).document
    data, _ = build_pdf(doc, ExportOptions(exported="2026-10-06"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    # a Korean map: its report is labelled in Korean
    assert "도트 투표" in text and vote.question in text
    assert "투표자 2명 (익명)" in text and "가람" not in text
    assert doc.element(pains[0]).text.split()[0] in text
