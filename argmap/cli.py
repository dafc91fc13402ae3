"""The command line: thin click commands over the pipeline.

Each command parses its options, calls one stage, hands the diagnostics to a reporter and sets
the exit code: 0 clean, 1 problems in a map (warnings too under ``--strict``), 2 misuse,
3 unreadable input or a failure of argmap itself. stdout carries the product (diagnostics,
JSON); stderr carries the summary and logs. Heavy modules are imported inside the commands.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from argmap import __version__
from argmap.diagnostics import Diagnostic, exit_status
from argmap.report import FORMATS, format_diagnostics, summary_line

__all__ = ["cli", "main"]

logger = logging.getLogger("argmap")

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
EXIT_INTERNAL = 3


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def reporting_options(command: F) -> F:
    """The options every checking command shares, defined once (mkdocs' habit)."""
    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default=_default_format,
            show_default="text; github when GITHUB_ACTIONS is set",
            help="How to print diagnostics.",
        ),
        click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1)."),
        click.option("-v", "--verbose", count=True, help="Show the source line and a hint."),
        click.option("-q", "--quiet", count=True, help="No summary line on stderr."),
        click.option(
            "--color/--no-color",
            "colour",
            default=None,
            help="Colour the output (default: when stdout is a terminal and NO_COLOR is unset).",
        ),
        click.option(
            "--sources",
            "sources_dir",
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            help="Folder of source texts: check that every quote appears in its source's file.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _use_colour(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _setup_logging(verbosity: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(
        logging.DEBUG if verbosity > 0 else logging.INFO if verbosity == 0 else logging.WARNING
    )


def _input_paths(paths: tuple[Path, ...]) -> list[Path]:
    if paths:
        return list(paths)
    default = Path("maps")
    if not default.is_dir():
        message = "no PATHS given and there is no maps/ folder here"
        raise click.UsageError(message)
    return [default]


def _report(
    diagnostics: list[Diagnostic],
    files: int,
    *,
    fmt: str,
    verbose: int,
    quiet: int,
    colour: bool | None,
) -> None:
    output = format_diagnostics(
        diagnostics, fmt, files=files, verbosity=verbose, colour=_use_colour(colour)
    )
    click.echo(output, nl=False)
    if not quiet and fmt != "json":
        click.echo(summary_line(diagnostics, files), err=True)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def cli() -> None:
    """Check argument maps written in YAML and build them into offline HTML pages."""


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@reporting_options
def validate(
    paths: tuple[Path, ...],
    fmt: str,
    strict: bool,
    verbose: int,
    quiet: int,
    colour: bool | None,
    sources_dir: Path | None,
) -> None:
    """Check map files (or every map in folders; default maps/) and report every problem."""
    from argmap.pipeline import run

    _setup_logging(verbose - quiet)
    result = run(_input_paths(paths), sources_dir=sources_dir)
    if not result.maps:
        raise click.UsageError("no .yaml or .yml map files found in " + ", ".join(map(str, paths)))
    _report(result.diagnostics, result.files, fmt=fmt, verbose=verbose, quiet=quiet, colour=colour)
    sys.exit(exit_status(result.diagnostics, strict=strict))


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the pages and index.html into.",
)
@reporting_options
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    fmt: str,
    strict: bool,
    verbose: int,
    quiet: int,
    colour: bool | None,
    sources_dir: Path | None,
) -> None:
    """Build one offline HTML page per map, plus index.html, into a folder (default site/)."""
    from argmap.pipeline import run

    _setup_logging(verbose - quiet)
    result = run(_input_paths(paths), sources_dir=sources_dir)
    if not result.maps:
        raise click.UsageError("no .yaml or .yml map files found in " + ", ".join(map(str, paths)))
    _report(result.diagnostics, result.files, fmt=fmt, verbose=verbose, quiet=quiet, colour=colour)
    status = exit_status(result.diagnostics, strict=strict)
    if status != 0:
        logger.error("nothing built: fix the problems above first")
        sys.exit(status)
    from argmap.render import write_site

    pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
    written = write_site(pages, out_dir)
    if not quiet:
        logger.info("built %d pages into %s", len(written), out_dir.as_posix())
    sys.exit(0)


@cli.command(context_settings=CONTEXT)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write the schema to this file (default: stdout).",
)
def schema(output: Any) -> None:
    """Print the JSON Schema of the map format, for editors' YAML language servers."""
    from argmap.schema import json_schema

    output.write(json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    """Entry point of the ``argmap`` script: a failure of argmap itself exits 3, never 1."""
    try:
        cli.main(prog_name="argmap")
    except Exception as error:  # a bug, not a user's mistake: say so, and how to report it
        if "-v" in sys.argv or "--verbose" in sys.argv:
            traceback.print_exc()
        click.echo(
            f"argmap: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in argmap, not in your map; please report it (run with -v for details).",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
