"""The reference docs cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.diagnostics import CODES
from argmap.schema import Argument, ArgumentMap, Claim, Link, Source, Speaker, known_keys

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("model", [ArgumentMap, Source, Speaker, Claim, Argument, Link])
def test_every_key_of_the_format_is_documented(model) -> None:
    text = (DOCS / "format.md").read_text("utf-8")
    undocumented = [key for key in known_keys(model) if f"`{key}`" not in text]
    assert undocumented == []


def test_every_diagnostic_code_is_named_in_the_format_reference() -> None:
    text = (DOCS / "format.md").read_text("utf-8")
    named = set(re.findall(r"`([a-z0-9-]+)`", text))
    assert set(CODES) - named == set()


def test_the_format_example_is_a_real_map(tmp_path: Path) -> None:
    import yaml

    text = (DOCS / "format.md").read_text("utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    assert example is not None
    data = yaml.safe_load(example.group(1))
    ArgumentMap.model_validate({**data, "include": []})
