"""``argmap new``: write a commented starter map that validates and builds as it is.

The starter has a thesis, a reason with a speaker, a source and a quote, an objection and a
rebuttal, plus commented examples of arguments (linked premises) and attributed links. It never
overwrites a file: an existing file is reported as a diagnostic.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path, problems = write_starter(folder / "school-uniforms")
>>> path.name, problems
('school-uniforms.yaml', [])
>>> "title: School uniforms" in path.read_text(encoding="utf-8")
True
>>> write_starter(folder / "school-uniforms")[1][0].code
'file-exists'
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from string import Template

from argmap.format.diagnostics import Diagnostic, Severity
from argmap.output import write_file

__all__ = ["starter_text", "title_from_name", "write_starter"]

_PLAIN_TITLE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.'()?!-]*$")


def title_from_name(name: str) -> str:
    """A readable title from a file name: ``school-uniforms`` -> ``School uniforms``.

    >>> title_from_name("why_negotiate-again")
    'Why negotiate again'
    """
    words = re.sub(r"[-_]+", " ", name).strip()
    return (words[:1].upper() + words[1:]) if words else "New argument map"


def starter_text(title: str, filename: str) -> str:
    """The starter map's YAML with *title* filled in."""
    template = resources.files("argmap.workflow").joinpath("starter.yaml").read_text("utf-8")
    safe = title if _PLAIN_TITLE.match(title) and not title.endswith(":") else None
    return Template(template).substitute(
        title=" ".join(title.split()),
        title_yaml=safe or json.dumps(title, ensure_ascii=False),
        filename=filename,
    )


def write_starter(path: Path, *, title: str | None = None) -> tuple[Path, list[Diagnostic]]:
    """Write the starter map to *path* (``.yaml`` added when it has no suffix).

    Returns the path written (or that would have been) and the problems: ``file-exists`` when
    a file is already there, ``unwritable-file`` when the folder cannot be written.
    """
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    shown = path.as_posix()
    text = starter_text(title or title_from_name(path.stem), path.name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, text, exclusive=True)
    except FileExistsError:
        return path, [_problem(shown, "file-exists", f"{shown} already exists; not overwritten")]
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return path, [_problem(shown, "unwritable-file", f"cannot write {shown}: {reason}")]
    return path, []


def _problem(path: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        severity=Severity.ERROR,
        code=code,
        message=message,
    )
