"""One badge decision (layout.badges) for the canvas and the PDF: the latest
wave per metric, the change against the previous wave by the metric's own
direction, and the low-confidence mark."""

from __future__ import annotations

from test_pdf import scored

from journeymapper.layout.badges import readings, stage_badges
from journeymapper.model.scores import Score, Wave


def test_latest_wave_trend_and_low_confidence(laptop_doc):
    doc = scored(laptop_doc)
    awareness, consideration = doc.stage_order[:2]
    badges = stage_badges(doc)
    csat, nps = badges[awareness]
    # 62% of 120 -> 71% of 140: up 9 points, but a two-proportion test gives
    # z = 1.54 (p = 0.12): that may be noise, so no trend arrow, only a muted drift
    assert (csat.label, csat.value, csat.n, csat.drift, csat.low) == ("CSAT", "71%", 140, 1, False)
    assert (csat.trend, csat.significant, csat.noise) == (0, False, True)
    assert csat.delta == 9 and csat.previous.wave == "2026-Q2"
    assert csat.tip == ("CSAT 71% in 2026-Q3 (n=140, 1 skipped), 95% [63%, 78%]; 2026-Q2: 62%, "
                        "+9 pts: may be noise (95%)")
    assert (nps.label, nps.value, nps.trend, nps.previous) == ("NPS", "+22", 0, None)
    (worse,) = badges[consideration]
    assert (worse.value, worse.drift, worse.trend, worse.low) == ("74%", -1, 0, True)
    assert worse.tip.endswith("low confidence: fewer than 30 answers")
    assert set(badges) == {awareness, consideration}
    assert stage_badges(doc, awareness) == {awareness: badges[awareness]}
    assert [b.value for b in stage_badges(doc, waves=["2026-Q2"])[awareness]] == ["62%"]
    assert len(stage_badges(doc, limit=1)[awareness]) == 1


def test_lower_is_better_metrics_and_touchpoint_scores(laptop_doc):
    doc = laptop_doc
    stage = doc.stage_order[2]
    touchpoint = next(e.id for e in doc.cell(stage, doc.lanes[4].id))
    doc.put_scores([Score(stage, "2026-Q2", "ces", 4.1, 40),  # no distributions: untestable
                    Score(stage, "2026-Q3", "ces", 3.5, 45),
                    Score(stage, "2026-Q3", "csat", 50, 45, touchpoint=touchpoint)],
                   [Wave("2026-Q2"), Wave("2026-Q3")])
    (ces,) = stage_badges(doc)[stage]  # the touchpoint's score is no stage badge
    assert (ces.label, ces.value, ces.drift) == ("CES", "3.5", 1), "a lower CES is better"
    assert ces.trend == 0 and ces.significant is None and ces.verdict == "not testable"
    assert any(r.score.touchpoint == touchpoint for r in readings(doc, stage=stage))


def test_the_canvas_shows_the_shared_badges(qapp, laptop_doc):
    from PySide6.QtGui import QUndoStack

    from journeymapper.canvas import MapScene

    scene = MapScene()
    scene.set_document(scored(laptop_doc), QUndoStack())
    shared = stage_badges(laptop_doc)
    assert shared
    for stage_id, item in scene.stages.items():
        assert item.badges == shared.get(stage_id, [])
    scene.clear_document()


def test_badge_prints_n_next_to_the_trend_arrow(qapp, laptop_doc):
    """The number of answers is on every badge, also after a trend arrow."""
    import dataclasses

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from journeymapper.canvas import style as st
    from journeymapper.canvas.items.headers import StageHeaderItem

    doc = scored(laptop_doc)
    awareness = doc.stage_order[0]
    doc.put_scores([doc.scores(stage=awareness)[0].replace(value=50.0, n=400)])
    csat = stage_badges(doc)[awareness][0]
    assert csat.trend == 1 and not csat.low

    def picture(n: int) -> QImage:
        last = dataclasses.replace(csat.score, n=n)
        reading = dataclasses.replace(csat, score=last)
        assert reading.n == n
        item = StageHeaderItem(doc.element(awareness), st.Theme(False))
        item.set_geometry(0, 0, 224, 76)
        item.set_badges([reading])
        image = QImage(224, 76, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        item.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        return image

    # same number of digits, so the badge keeps its size: only the printed n differs
    assert picture(140) != picture(410)
