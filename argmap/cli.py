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
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap import __version__
from argmap.diagnostics import Diagnostic, exit_status
from argmap.report import FORMATS, format_diagnostics, summary_line

if TYPE_CHECKING:
    from argmap.acceptability import WhatIf
    from argmap.graph import ArgumentGraph
    from argmap.pipeline import BuildResult

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


def _check_and_report(
    paths: tuple[Path, ...],
    *,
    fmt: str,
    strict: bool,
    verbose: int,
    quiet: int,
    colour: bool | None,
    sources_dir: Path | None,
) -> tuple[BuildResult, int]:
    """Check the maps in *paths*, print what was found, and return the run and its exit code."""
    from argmap.pipeline import run

    _setup_logging(verbose - quiet)
    result = run(_input_paths(paths), sources_dir=sources_dir)
    if not result.maps:
        raise click.UsageError("no .yaml or .yml map files found in " + ", ".join(map(str, paths)))
    _report(result.diagnostics, result.files, fmt=fmt, verbose=verbose, quiet=quiet, colour=colour)
    return result, exit_status(result.diagnostics, strict=strict)


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
    _, status = _check_and_report(
        paths,
        fmt=fmt,
        strict=strict,
        verbose=verbose,
        quiet=quiet,
        colour=colour,
        sources_dir=sources_dir,
    )
    sys.exit(status)


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
    result, status = _check_and_report(
        paths,
        fmt=fmt,
        strict=strict,
        verbose=verbose,
        quiet=quiet,
        colour=colour,
        sources_dir=sources_dir,
    )
    if status != 0:
        logger.error("nothing built: fix the problems above first")
        sys.exit(status)
    from argmap.collector import paused_cycle_collection
    from argmap.render import write_site

    pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
    with paused_cycle_collection():
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


# -- authoring workflow and bridges (new, diff, stats, export, import, serve) -------------------

# A missing input is a usage error (exit 2), as for validate and build.
_MAP_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _echo_problems(problems: list[Diagnostic]) -> None:
    """Diagnostics of the workflow commands go to stderr: their stdout is the product."""
    for problem in sorted(problems, key=lambda d: d.sort_key):
        click.echo(str(problem), err=True)


def _graph_or_exit(path: Path) -> ArgumentGraph:
    """The graph of the map at *path*; on errors, print them to stderr and exit 1."""
    from argmap.diagnostics import Severity
    from argmap.pipeline import check_map

    result = check_map(path, path.parent)
    if result.graph is None:
        _echo_problems([d for d in result.diagnostics if d.severity is Severity.ERROR])
        sys.exit(exit_status(result.diagnostics))
    return result.graph


@cli.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("--title", help="The map's title (default: made from NAME).")
def new(name: str, title: str | None) -> None:
    """Write a commented starter map NAME.yaml that validates and builds; never overwrites."""
    from argmap.starter import write_starter

    path, problems = write_starter(Path(name), title=title)
    if problems:
        _echo_problems(problems)
        sys.exit(1)
    click.echo(f"wrote {path.as_posix()}; next: argmap serve {path.as_posix()}", err=True)


@cli.command(context_settings=CONTEXT)
@click.argument("old", type=_MAP_FILE)
@click.argument("new_map", metavar="NEW", type=_MAP_FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for scripts.",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when the maps differ (as `git diff`).")
def diff(old: Path, new_map: Path, fmt: str, exit_code: bool) -> None:
    """Claims and links added, removed or changed from OLD to NEW, and a similarity score."""
    from argmap.diff import diff_graphs, format_diff

    result = diff_graphs(_graph_or_exit(old), _graph_or_exit(new_map))
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_diff(result, old.as_posix(), new_map.as_posix()), nl=False)
    sys.exit(1 if exit_code and not result.identical else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("map_path", metavar="MAP", type=_MAP_FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for scripts.",
)
@click.option("--top", default=5, show_default=True, help="How many load-bearing claims to list.")
def stats(map_path: Path, fmt: str, top: int) -> None:
    """Counts by kind and role, depth, speakers, sources, open objections, load-bearing claims."""
    from argmap.stats import format_stats, map_stats

    figures = map_stats(_graph_or_exit(map_path), top=top)
    if fmt == "json":
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        click.echo(format_stats(figures), nl=False)


def _write_output(text: str, output: str, *, force: bool = True) -> Diagnostic | None:
    """Write *text* to the file *output* ('-' is stdout); a problem becomes a diagnostic."""
    from argmap.diagnostics import Severity

    if output == "-":
        click.echo(text, nl=False)
        return None
    path = Path(output)
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        message, code = f"{path.as_posix()} already exists; use --force to overwrite", "file-exists"
    except OSError as error:
        message = f"cannot write {path.as_posix()}: {error.strerror or type(error).__name__}"
        code = "unwritable-file"
    else:
        return None
    return Diagnostic(path.as_posix(), 1, 1, 1, 1, Severity.ERROR, code, message)


@cli.command("export", context_settings=CONTEXT)
@click.argument("map_path", metavar="MAP", type=_MAP_FILE)
@click.option(
    "--to",
    "fmt",
    required=True,
    type=click.Choice(
        ["json", "graphml", "gexf", "dot", "mermaid", "outline", "aif", "argdown"],
        case_sensitive=False,
    ),
    help="The format to write.",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or '-'.")
def export_command(map_path: Path, fmt: str, output: str) -> None:
    """Export a map to another tool's format (Gephi, yEd, Graphviz, Mermaid, OVA, Argdown...)."""
    from argmap.exchange import export_map

    text = export_map(_graph_or_exit(map_path), fmt.lower())
    problem = _write_output(text, output)
    if problem is not None:
        _echo_problems([problem])
        sys.exit(1)


@cli.command("import", context_settings=CONTEXT)
@click.argument("file", type=_MAP_FILE)
@click.option(
    "--from",
    "fmt",
    default="auto",
    show_default=True,
    type=click.Choice(
        ["auto", "aif", "ova", "sadface", "kialo", "argdown", "argdown-json", "json"],
        case_sensitive=False,
    ),
    help="The file's format; 'auto' guesses from its content.",
)
@click.option("-o", "--output", default="-", show_default=True, help="Map file to write, or '-'.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def import_command(file: Path, fmt: str, output: str, force: bool) -> None:
    """Import an AIF (AIFdb, OVA), SADFace, Kialo, Argdown-JSON or argmap-JSON file as a map."""
    from argmap.diagnostics import Severity
    from argmap.exchange import dump_map, import_map

    if output != "-" and not force and Path(output).exists():
        message = f"{output} already exists; use --force to overwrite"
        _echo_problems([Diagnostic(output, 1, 1, 1, 1, Severity.ERROR, "file-exists", message)])
        sys.exit(1)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"{file.as_posix()} is not UTF-8 text ({error.reason} at byte {error.start})"
        problem = Diagnostic(file.as_posix(), 1, 1, 1, 1, Severity.ERROR, "not-utf8", reason)
        _echo_problems([problem])
        sys.exit(1)
    data, problems = import_map(text, fmt.lower(), file.as_posix())
    _echo_problems(problems)
    if any(p.severity is Severity.ERROR for p in problems):
        sys.exit(1)
    header = f"Imported from {file.name} by `argmap import`; check it with `argmap validate`."
    unwritten = _write_output(dump_map(data, header=header), output, force=force)
    if unwritten is not None:
        _echo_problems([unwritten])
        sys.exit(1)
    if output != "-":
        claims, arguments = len(data["claims"]), len(data.get("arguments", {}))
        click.echo(
            f"wrote {output}: {claims} claim{'s' * (claims != 1)}, "
            f"{arguments} argument{'s' * (arguments != 1)}",
            err=True,
        )


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--port", default=8000, show_default=True, help="Port to serve on (0: any free).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help="Colour the diagnostics (default: when stderr is a terminal and NO_COLOR is unset).",
)
def serve(paths: tuple[Path, ...], port: int, host: str, colour: bool | None) -> None:
    """Serve the maps (default maps/) on this computer and rebuild them on every save.

    The open page reloads itself after each good save; a save with errors prints them here and
    over the page, which keeps showing the last good map. Ctrl-C stops.
    """
    from argmap.errors import OutputError
    from argmap.serve import serve_forever

    try:
        serve_forever(
            _input_paths(paths),
            host=host,
            port=port,
            echo=lambda line: click.echo(line, err=True),
            colour=colour if colour is not None else _use_colour(None) and sys.stderr.isatty(),
        )
    except OutputError as error:  # the port is taken or the address is not this computer's
        raise click.UsageError(str(error)) from None


# -- acceptability (analyze) --------------------------------------------------------------------


def _what_if_or_fail(
    graph: ArgumentGraph, rejected: tuple[str, ...], accepted: tuple[str, ...]
) -> WhatIf:
    """The what-if of --reject/--accept; an unknown or doubly named id is misuse (exit 2)."""
    from argmap.acceptability import WhatIf
    from argmap.validate import closest_id

    for option, ids in (("--reject", rejected), ("--accept", accepted)):
        for node in ids:
            if node not in graph:
                guess = closest_id(node, list(graph.nodes))
                hint = f"; did you mean {guess!r}?" if guess else ""
                message = f"{node!r} is not a claim or argument id{hint}"
                raise click.BadParameter(message, param_hint=option)
    both = sorted(set(rejected) & set(accepted))
    if both:
        message = f"{', '.join(both)} cannot be both rejected and accepted"
        raise click.UsageError(message)
    return WhatIf.of(rejected, accepted)


@cli.command(context_settings=CONTEXT)
@click.argument("map_path", metavar="MAP", type=_MAP_FILE)
@click.option(
    "--semantics",
    type=click.Choice(["grounded", "preferred", "stable", "complete", "dfquad"]),
    default="grounded",
    show_default=True,
    help="Dung semantics for labels, or dfquad for gradual strengths.",
)
@click.option(
    "--support",
    type=click.Choice(["necessary", "deductive"]),
    default="necessary",
    show_default=True,
    help="How support turns into attacks (see docs/analysis.md).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for scripts.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Stop enumerating extensions after this many (preferred, stable, complete).",
)
@click.option("--reject", multiple=True, metavar="ID", help="What if this claim is rejected.")
@click.option("--accept", multiple=True, metavar="ID", help="What if this claim is accepted.")
def analyze(
    map_path: Path,
    semantics: str,
    support: str,
    fmt: str,
    limit: int,
    reject: tuple[str, ...],
    accept: tuple[str, ...],
) -> None:
    """Which claims stand: labels (IN/OUT/UNDEC) or strengths, and what decides each."""
    from argmap.verdict import analyse_acceptability, analysis_json, format_analysis

    graph = _graph_or_exit(map_path)
    what_if = _what_if_or_fail(graph, reject, accept)
    analysis = analyse_acceptability(
        graph,
        semantics,  # type: ignore[arg-type]  # click.Choice checked it
        support,  # type: ignore[arg-type]
        what_if,
        limit,
    )
    if fmt == "json":
        click.echo(json.dumps(analysis_json(analysis), indent=2, ensure_ascii=False))
    else:
        click.echo(format_analysis(analysis), nl=False)


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
