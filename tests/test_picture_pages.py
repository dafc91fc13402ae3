"""`argmap export --to pdf|png`: pages a teacher prints, read back with pypdf and Pillow."""

from __future__ import annotations

import builtins
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.picture.pages import MIN_TEXT_PT, PAGE_SIZES, export_pdf, export_png, plan_pages
from argmap.picture.svg import draw
from argmap.pipeline import check_map

pypdf = pytest.importorskip("pypdf")
Image = pytest.importorskip("PIL.Image")

ROOT = Path(__file__).resolve().parent.parent
COMBINED = ROOT / "maps" / "iran-us-negotiation.yaml"
SMALL = ROOT / "examples" / "02-reasons-and-objections.yaml"


def _graph(path: Path) -> Any:
    result = check_map(path, path.parent)
    assert result.graph is not None
    return result.graph


def _pages(data: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def test_a_small_map_fits_one_a4_page() -> None:
    pages = _pages(export_pdf(_graph(SMALL), page="a4", landscape=True))
    width, height = PAGE_SIZES["a4"]
    assert pages == [pytest.approx((height, width), abs=0.01)]
    # three reasons and objections side by side are too wide for a portrait page at 8 pt
    pages = _pages(export_pdf(_graph(SMALL), page="a4"))
    assert pages == [pytest.approx((width, height), abs=0.01)] * 2


def test_a_large_map_tiles_across_pages_of_the_size_asked() -> None:
    graph = _graph(COMBINED)
    data = export_pdf(graph, page="a4", landscape=True)
    pages = _pages(data)
    width, height = PAGE_SIZES["a4"]
    drawing = draw(graph)
    plan = plan_pages(drawing.width, drawing.height, "a4", landscape=True)
    assert len(pages) == len(plan.tiles) > 1
    assert all(p == pytest.approx((height, width), abs=0.01) for p in pages)
    # the text stays readable: tiles are drawn at the minimum size, not shrunk to one page
    assert plan.scale * 13 == pytest.approx(MIN_TEXT_PT)
    reader = pypdf.PdfReader(io.BytesIO(data))
    footer = reader.pages[1].extract_text()
    assert f"page 2 of {len(pages)}" in footer
    everything = " ".join(page.extract_text() for page in reader.pages)
    assert "Iran" in everything  # the claims are text in the PDF, not pixels


def test_letter_and_portrait_sizes() -> None:
    pages = _pages(
        export_pdf(_graph(ROOT / "examples" / "01-claim-and-reason.yaml"), page="letter")
    )
    assert pages == [pytest.approx((612.0, 792.0), abs=0.01)]


def test_without_a_page_the_pdf_is_one_page_of_the_pictures_size() -> None:
    graph = _graph(SMALL)
    drawing = draw(graph)
    pages = _pages(export_pdf(graph))
    assert pages == [pytest.approx((drawing.width * 0.75, drawing.height * 0.75), abs=0.5)]


def test_png_is_an_image_of_the_picture() -> None:
    graph = _graph(SMALL)
    image = Image.open(io.BytesIO(export_png(graph)))
    drawing = draw(graph)
    assert image.size == (round(drawing.width * 2), round(drawing.height * 2))
    assert image.getpixel((2, 2))[:3] == (255, 255, 255)


def test_cli_writes_pdf_and_png(tmp_path: Path) -> None:
    runner = CliRunner()
    pdf, png = tmp_path / "m.pdf", tmp_path / "m.png"
    result = runner.invoke(
        cli, ["export", str(SMALL), "--to", "pdf", "--page", "a4", "-o", str(pdf)]
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")
    result = runner.invoke(cli, ["export", str(SMALL), "--to", "png", "-o", str(png)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(b"\x89PNG")


def _refuse(name: str, error: type[Exception]) -> Any:
    real_import = builtins.__import__

    def fake(module: str, *args: Any, **kwargs: Any) -> Any:
        if module == name or module.startswith(name + "."):
            raise error("no library called cairo-2 was found")
        return real_import(module, *args, **kwargs)

    return fake


@pytest.mark.parametrize(
    ("error", "advice"),
    [(OSError, "apt-get install libcairo2"), (ModuleNotFoundError, "pip install cairosvg")],
)
def test_a_missing_library_is_named_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: type[Exception], advice: str
) -> None:
    monkeypatch.setattr(builtins, "__import__", _refuse("cairosvg", error))
    result = CliRunner().invoke(
        cli, ["export", str(SMALL), "--to", "pdf", "-o", str(tmp_path / "m.pdf")]
    )
    assert result.exit_code == 2
    assert advice in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "m.pdf").exists()
    # SVG needs none of it
    result = CliRunner().invoke(cli, ["export", str(SMALL), "--to", "svg"])
    assert result.exit_code == 0
    assert result.output.startswith("<?xml")
