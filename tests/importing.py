"""What every import must give: a map that ``argmap validate`` accepts, or errors that say why.

Shared by the importer regression tests and the fuzz suite: the map is written as
``argmap import -o`` writes it and read back as ``argmap validate`` reads it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from argmap.exchange import dump_map, import_map
from argmap.format.diagnostics import Diagnostic, Severity
from argmap.pipeline import load


def imported(text: str, fmt: str, path: str = "input.json") -> list[Diagnostic]:
    """Import *text*; assert the invariant; return the import's diagnostics."""
    data, problems = import_map(text, fmt, path)
    check_import(data, problems)
    return problems


def check_import(data: dict[str, Any], problems: list[Diagnostic]) -> None:
    """No error reported -> the written map validates; every problem has a place and a code."""
    for problem in problems:
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.code
    if any(p.severity is Severity.ERROR for p in problems):
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "imported.yaml"
        path.write_bytes(dump_map(data, header="Imported").encode("utf-8"))
        argument_map, diagnostics = load(path)
    errors = [str(d) for d in diagnostics if d.severity is Severity.ERROR]
    assert errors == [], data
    assert argument_map is not None


def errors(problems: list[Diagnostic]) -> list[str]:
    """The codes of the errors among *problems*."""
    return [p.code for p in problems if p.severity is Severity.ERROR]
