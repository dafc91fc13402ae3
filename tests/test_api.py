"""The Python API a notebook user meets: load, build_graph, render_html, Jupyter display."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import argmap
from tests.conftest import FIXTURES


def test_load_returns_the_map_and_no_diagnostics_for_a_clean_file() -> None:
    argument_map, diagnostics = argmap.load(FIXTURES / "valid" / "small.yaml")
    assert diagnostics == []
    assert isinstance(argument_map, argmap.ArgumentMap)
    assert argument_map.title == "Should homework be abolished?"


def test_load_returns_none_and_positioned_diagnostics_for_a_broken_file() -> None:
    argument_map, diagnostics = argmap.load(FIXTURES / "invalid" / "references.yaml")
    assert argument_map is None
    first = diagnostics[0]
    assert (first.line, first.column, first.code) == (6, 57, "unknown-reference")


def test_render_html_makes_a_page_with_every_claim() -> None:
    argument_map, _ = argmap.load(FIXTURES / "valid" / "small.yaml")
    assert argument_map is not None
    page = argmap.render_html(argmap.build_graph(argument_map))
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    embedded = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert embedded is not None
    drawn = {node["id"] for node in json.loads(embedded.group(1))["nodes"]}
    assert set(argument_map.claims) <= drawn
    assert drawn - set(argument_map.claims) <= set(argument_map.arguments)


def test_a_map_displays_itself_in_jupyter_as_a_sandboxed_page() -> None:
    # As in a notebook: an IPython shell runs, argmap is imported, and the shell formats a map.
    script = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "import argmap, sys\n"
        "argument_map, _ = argmap.load(sys.argv[1])\n"
        "data, _ = shell.display_formatter.format(argument_map)\n"
        "sys.stdout.write(data['text/html'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(FIXTURES / "valid" / "small.yaml")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    shown = done.stdout
    assert shown.startswith("<iframe ")
    assert 'sandbox="allow-scripts"' in shown
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown)
    assert srcdoc is not None
    assert "Should homework be abolished?" in html.unescape(srcdoc.group(1))
