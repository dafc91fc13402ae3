"""An ArgumentMap shown in Jupyter as its interactive page (registered by ``argmap/__init__``)."""

from __future__ import annotations

import html

from argmap.format.models import ArgumentMap
from argmap.graph.building import build_graph
from argmap.page.rendering import render_html

__all__ = ["notebook_html"]


def notebook_html(argument_map: ArgumentMap) -> str:
    """The map's page in a sandboxed iframe: its script runs, but cannot reach the notebook."""
    page = render_html(build_graph(argument_map))
    return (
        '<iframe style="width:100%;height:640px;border:0" sandbox="allow-scripts" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )
