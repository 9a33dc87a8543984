"""`journeymapper render`: the map as PNG / SVG without a window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from journeymapper.cli import main


def test_render_png_at_width(tmp_path, laptop_path, capsys):
    out = tmp_path / "map.png"
    assert main(["render", str(laptop_path), "-o", str(out), "--width", "1200"]) == 0
    image = QImage(str(out))
    assert image.width() == 1200 and image.height() > 1000
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 37)
               for y in range(0, image.height(), 41)}
    assert len(colours) > 20  # a drawn map, not a blank page
    assert "1200x" in capsys.readouterr().out


def test_render_dark_png(tmp_path, laptop_path):
    out = tmp_path / "dark.png"
    assert main(["render", str(laptop_path), "-o", str(out), "--width", "600", "--dark"]) == 0
    corner = QImage(str(out)).pixelColor(3, 3)
    assert corner.lightness() < QColor("#404040").lightness()


def test_render_korean_svg_keeps_text(tmp_path, korean_path):
    out = tmp_path / "map.svg"
    assert main(["render", str(korean_path), "-o", str(out), "--width", "1600"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "인식" in text and "새벽배송" in text


@pytest.mark.parametrize("args, message", [
    (["missing.jmap", "-o", "{tmp}/x.png"], "no such file"),
    (["{laptop}", "-o", "{tmp}/x.gif"], "expected a .png or .svg"),
    (["{laptop}", "-o", "{tmp}/x.png", "--width", "50"], "--width"),
    (["{laptop}", "-o", "{tmp}/nofolder/x.png"], "does not exist"),
])
def test_render_bad_input_is_one_line_and_writes_nothing(tmp_path, laptop_path, capsys,
                                                         args, message):
    argv = [a.format(tmp=tmp_path, laptop=laptop_path) for a in args]
    assert main(["render", *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("journeymapper: ") and "\n" not in err and message in err
    assert list(tmp_path.iterdir()) == []


def test_render_keeps_old_file_on_failure(tmp_path, laptop_path):
    out = tmp_path / "map.png"
    out.write_bytes(b"old")
    bad = tmp_path / "bad.jmap"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["render", str(bad), "-o", str(out)]) == 1
    assert out.read_bytes() == b"old"


def test_a_very_tall_map_is_capped_at_16384_pixels_a_side(tmp_path, capsys):
    """A PNG of a huge map stops at 16,384 px per side (and says so) instead of
    failing or writing an image no viewer opens."""
    import sys
    from pathlib import Path

    from journeymapper.io import jmap

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_file import generate

    path = tmp_path / "tall.jmap"
    jmap.save(generate(cards=1500, links=300, stages=3), path)
    out = tmp_path / "tall.png"
    assert main(["render", str(path), "-o", str(out), "--width", "4000"]) == 0
    image = QImage(str(out))
    assert max(image.width(), image.height()) == 16384 and image.width() < 4000
    said = capsys.readouterr().out
    assert f"({image.width()}x{image.height()})" in said and "16,384 pixels" in said


def test_dark_stage_headers_are_not_glaring(tmp_path, laptop_path):
    from journeymapper.io import jmap
    from journeymapper.layout.geometry import layout_map
    from journeymapper.layout.palette import palette

    out = tmp_path / "dark.png"
    assert main(["render", str(laptop_path), "-o", str(out), "--width", "1270", "--dark"]) == 0
    image = QImage(str(out))
    doc = jmap.load(laptop_path).document
    geo = layout_map(doc)
    scale = image.width() / (geo.width + 64)  # the render's border is 32 each side
    x, y, w, h = geo.stage_headers[doc.stage_order[0]]
    # a point inside the first header, away from its text (border 32, title band 92)
    px = round((32 + x + w - 14) * scale)
    py = round((32 + 92 + y + h - 10) * scale)
    header = image.pixelColor(px, py)
    assert header.name() == palette(True)["stage_header"]
    assert header.lightness() < 110, header.name()  # a dark slate, not a light grey bar
