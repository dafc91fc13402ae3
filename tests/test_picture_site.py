"""`argmap build --pictures`: an SVG picture beside each page, and the page links to it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_build_with_pictures_writes_and_links_an_svg_per_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    maps = [str(EXAMPLES / "02-reasons-and-objections.yaml"), str(EXAMPLES / "08-multi-file")]
    result = CliRunner().invoke(cli, ["build", *maps, "--pictures", "-o", str(site)])
    assert result.exit_code == 0, result.output
    pages = sorted(site.rglob("*.html"))
    pages.remove(site / "index.html")
    assert pages
    for page in pages:
        picture = page.with_suffix(".svg")
        assert picture.exists(), picture
        ET.parse(picture)  # a whole SVG document
        assert f'href="{picture.name}"' in page.read_text("utf-8")
        assert "Picture (SVG)" in page.read_text("utf-8")
    assert "pictures" in result.output


def test_build_without_pictures_has_no_picture_or_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(
        cli, ["build", str(EXAMPLES / "02-reasons-and-objections.yaml"), "-o", str(site)]
    )
    assert result.exit_code == 0, result.output
    assert list(site.rglob("*.svg")) == []
    assert "Picture (SVG)" not in (site / "02-reasons-and-objections.html").read_text("utf-8")
