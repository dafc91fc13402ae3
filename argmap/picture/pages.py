"""PDF and PNG from the SVG picture, through cairosvg (on Debian's cairo), imported on demand.

Why cairosvg: it draws SVG with cairo, the library that already draws Firefox's and GTK's
text and shapes, writes real PDF text (selectable, fonts embedded) and PNG, needs only
``libcairo2`` from Debian, and is small and maintained (CourtBouillon, also behind WeasyPrint);
browser printing would need Chromium at export time, and ReportLab's svglib reads less SVG.

On a page (``--page a4|letter``, ``--landscape``) the picture is fitted, never enlarged beyond
its natural size nor shrunk below :data:`MIN_TEXT_PT` for a claim's text; a map too large for that
is cut into tiles, one per page, which overlap by :data:`OVERLAP_PT` and carry marks where the
next page's part begins, so the pages can be trimmed and glued. A PNG is always one image.

Examples
--------
>>> plan = plan_pages(600, 400, "a4", landscape=False)
>>> len(plan.tiles), plan.scale
(1, 0.75)
>>> big = plan_pages(6000, 3000, "a4", landscape=True)
>>> len(big.tiles) > 1 and big.scale == MIN_TEXT_PT / CLAIM_TEXT_PX
True
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import networkx as nx

from argmap.exchange.xmltext import xml_safe

from .geometry import number
from .style import FONT_FAMILY, font_for
from .svg import Drawing, draw

__all__ = [
    "CLAIM_TEXT_PX",
    "MIN_TEXT_PT",
    "PAGE_SIZES",
    "PagePlan",
    "PictureUnavailable",
    "export_pdf",
    "export_png",
    "plan_pages",
]

PAGE_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
"""Portrait page sizes in points."""
MIN_TEXT_PT = 8.0
"""The smallest a claim's text is printed, in points."""
CLAIM_TEXT_PX = font_for("claim").size
NATURAL = 0.75
"""Points per pixel at the picture's own size (96 pixels to the inch); never enlarged beyond."""
MARGIN_PT = 28.35
"""One centimetre of margin round the page."""
FOOTER_PT = 14.0
OVERLAP_PT = 36.0
"""Half an inch that two neighbouring tiles both show."""
PNG_DPI = 150
PNG_MAX_PIXELS = 40_000_000


class PictureUnavailable(Exception):
    """PDF or PNG was asked for and the library that draws them is missing; says what to install."""


def _cairosvg() -> Any:
    """The cairosvg module, or :class:`PictureUnavailable` naming what to install."""
    try:
        import cairosvg  # type: ignore[import-untyped]
    except ModuleNotFoundError as error:
        message = (
            f"PDF and PNG need the Python package cairosvg ({error.name} is missing): "
            "pip install cairosvg (SVG needs nothing more: --to svg)"
        )
        raise PictureUnavailable(message) from None
    except OSError:  # cairocffi found no libcairo
        message = (
            "PDF and PNG need the cairo library: install Debian's libcairo2 "
            "(apt-get install libcairo2; on macOS brew install cairo); "
            "SVG needs nothing more: --to svg"
        )
        raise PictureUnavailable(message) from None
    return cairosvg


@dataclass(frozen=True)
class PagePlan:
    """How a drawing goes onto pages: the page size (points), points per pixel, and each
    page's tile as (x, y) of its top-left corner in the drawing's pixels."""

    page: tuple[float, float]
    scale: float
    tile: tuple[float, float]
    tiles: list[tuple[float, float]]
    grid: tuple[int, int]


def plan_pages(width: float, height: float, page: str, *, landscape: bool) -> PagePlan:
    """Fit a *width* x *height* pixel drawing on *page*, or tile it across several."""
    page_w, page_h = PAGE_SIZES[page]
    if landscape:
        page_w, page_h = page_h, page_w
    room_w, room_h = page_w - 2 * MARGIN_PT, page_h - 2 * MARGIN_PT - FOOTER_PT
    fit = min(room_w / width, room_h / height, NATURAL)
    least = MIN_TEXT_PT / CLAIM_TEXT_PX
    if fit >= least:
        return PagePlan((page_w, page_h), fit, (width, height), [(0.0, 0.0)], (1, 1))
    tile_w, tile_h = room_w / least, room_h / least
    overlap = OVERLAP_PT / least
    columns = max(1, math.ceil((width - overlap) / (tile_w - overlap)))
    rows = max(1, math.ceil((height - overlap) / (tile_h - overlap)))
    tiles = [
        (c * (tile_w - overlap), r * (tile_h - overlap))
        for r in range(rows)
        for c in range(columns)
    ]
    return PagePlan((page_w, page_h), least, (tile_w, tile_h), tiles, (rows, columns))


def page_svg(drawing: Drawing, plan: PagePlan, index: int) -> str:
    """One page of *plan* as an SVG document sized in points."""
    page_w, page_h = plan.page
    s = plan.scale
    x0, y0 = plan.tiles[index]
    shown_w = min(plan.tile[0], drawing.width - x0) * s
    shown_h = min(plan.tile[1], drawing.height - y0) * s
    left = MARGIN_PT + (page_w - 2 * MARGIN_PT - shown_w) / 2 if len(plan.tiles) == 1 else MARGIN_PT
    top = MARGIN_PT
    rows, columns = plan.grid
    window = (x0, y0, x0 + shown_w / s, y0 + shown_h / s)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{number(page_w)}pt" '
        f'height="{number(page_h)}pt" viewBox="0 0 {number(page_w)} {number(page_h)}" '
        f'font-family="{FONT_FAMILY}">\n'
        f'<defs><clipPath id="tile"><rect x="{number(left)}" y="{number(top)}" '
        f'width="{number(shown_w)}" height="{number(shown_h)}"/></clipPath></defs>\n'
        f'<g clip-path="url(#tile)"><g transform="translate({number(left - x0 * s)},'
        f'{number(top - y0 * s)}) scale({s:.4f})">\n{drawing.body(window)}</g></g>\n'
    ]
    if len(plan.tiles) > 1:
        parts.append(_overlap_marks(plan, index, left, top, shown_w, shown_h))
        row, column = divmod(index, columns)
        footer = (
            f"{drawing.title} \u2014 page {index + 1} of {len(plan.tiles)} "
            f"(row {row + 1} of {rows}, column {column + 1} of {columns}); "
            "pages overlap: trim at the marks and glue"
        )
    else:
        footer = drawing.title
    parts.append(
        f'<text x="{number(MARGIN_PT)}" y="{number(page_h - MARGIN_PT + 4)}" font-size="8" '
        f'fill="#5B6570">{_escape(footer)}</text>\n</svg>\n'
    )
    return "".join(parts)


def _escape(text: str) -> str:
    return escape(xml_safe(text))


def _overlap_marks(
    plan: PagePlan, index: int, left: float, top: float, width: float, height: float
) -> str:
    """Ticks in the margins where the part shared with a neighbouring page begins and ends."""
    rows, columns = plan.grid
    row, column = divmod(index, columns)
    overlap = OVERLAP_PT
    xs = []
    if column > 0:
        xs.append(left + overlap)
    if column < columns - 1:
        xs.append(left + width - overlap)
    ys = []
    if row > 0:
        ys.append(top + overlap)
    if row < rows - 1:
        ys.append(top + height - overlap)
    tick = 'stroke="#1B1F24" stroke-width="0.6" stroke-dasharray="3 2"'
    bottom, right = top + height, left + width
    marks = [
        f'<path d="M{number(x)},{number(top - 14)} L{number(x)},{number(top - 2)} '
        f'M{number(x)},{number(bottom + 2)} L{number(x)},{number(bottom + 14)}" {tick}/>'
        for x in xs
    ]
    marks += [
        f'<path d="M{number(left - 14)},{number(y)} L{number(left - 2)},{number(y)} '
        f'M{number(right + 2)},{number(y)} L{number(right + 14)},{number(y)}" {tick}/>'
        for y in ys
    ]
    return "".join(marks) + "\n"


def export_pdf(
    graph: nx.MultiDiGraph[str],
    *,
    tree: str | None = None,
    level: str = "all",
    page: str | None = None,
    landscape: bool = False,
) -> bytes:
    """*graph* as PDF: one page the picture's size, or fitted to or tiled across *page*s."""
    cairosvg = _cairosvg()
    drawing = draw(graph, tree=tree, level=level)
    if page is None:
        data: bytes = cairosvg.svg2pdf(bytestring=drawing.document().encode("utf-8"))
        return data
    plan = plan_pages(drawing.width, drawing.height, page, landscape=landscape)
    pages = [page_svg(drawing, plan, i) for i in range(len(plan.tiles))]
    return _pdf_of_pages(cairosvg, pages, plan.page, drawing.title)


def _pdf_of_pages(cairosvg: Any, pages: list[str], size: tuple[float, float], title: str) -> bytes:
    """One PDF with a page per SVG document: cairosvg draws each onto the same cairo surface
    (its documented way to target a surface of one's own is a Surface subclass)."""
    import cairocffi  # type: ignore[import-untyped]

    output = io.BytesIO()
    target = cairocffi.PDFSurface(output, *size)
    if hasattr(target, "set_metadata"):
        target.set_metadata(cairocffi.PDF_METADATA_TITLE, title)
        target.set_metadata(cairocffi.PDF_METADATA_CREATOR, "argmap")

    class OnePage(cairosvg.surface.PDFSurface):  # type: ignore[misc]
        def _create_surface(self, width: float, height: float) -> tuple[Any, float, float]:
            return target, width, height

    for number_, document in enumerate(pages):
        if number_:  # finish() emits the last page itself
            target.show_page()
        OnePage(cairosvg.parser.Tree(bytestring=document.encode("utf-8")), None, 96)
    target.finish()
    return output.getvalue()


def export_png(
    graph: nx.MultiDiGraph[str],
    *,
    tree: str | None = None,
    level: str = "all",
    page: str | None = None,
    landscape: bool = False,
) -> bytes:
    """*graph* as one PNG image: at twice its natural size (a large map less, so the image
    stays under :data:`PNG_MAX_PIXELS`), or (with *page*) fitted to the page at 150 dots per
    inch, and larger than the page only where a readable text needs it."""
    cairosvg = _cairosvg()
    drawing = draw(graph, tree=tree, level=level)
    if page is None:
        scale = 2.0
    else:
        plan = plan_pages(drawing.width, drawing.height, page, landscape=landscape)
        scale = plan.scale * PNG_DPI / 72
    # cairo's image surfaces stop at 32767 pixels a side; viewers and Pillow balk at ~90 MP
    scale = min(
        scale,
        32000 / max(drawing.width, drawing.height),
        math.sqrt(PNG_MAX_PIXELS / (drawing.width * drawing.height)),
    )
    data: bytes = cairosvg.svg2png(
        bytestring=drawing.document().encode("utf-8"), scale=scale, background_color="#FFFFFF"
    )
    return data
