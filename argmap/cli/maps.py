"""Commands on map files: validate, build, schema, new, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.cli.options import (
    CONTEXT,
    CheckSettings,
    check_options,
    echo_problems,
    input_paths,
    logger,
    setup_logging,
    use_colour,
)

if TYPE_CHECKING:
    from argmap.pipeline import BuildResult

__all__ = ["build", "check_and_report", "new", "schema", "serve", "validate"]


def check_and_report(paths: tuple[Path, ...], settings: CheckSettings) -> tuple[BuildResult, int]:
    """Check the maps in *paths*, print what was found, and return the run and its exit code."""
    from argmap.format.diagnostics import exit_status
    from argmap.format.reporters import format_diagnostics, summary_line
    from argmap.pipeline import run

    setup_logging(settings.verbosity)
    result = run(input_paths(paths), sources_dir=settings.sources_dir)
    if not result.maps:
        raise click.UsageError("no .yaml or .yml map files found in " + ", ".join(map(str, paths)))
    output = format_diagnostics(
        result.diagnostics,
        settings.fmt,
        files=result.files,
        verbosity=settings.verbose,
        colour=use_colour(settings.colour),
    )
    click.echo(output, nl=False)
    if not settings.quiet and settings.fmt != "json":
        click.echo(summary_line(result.diagnostics, result.files), err=True)
    return result, exit_status(result.diagnostics, strict=settings.strict)


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@check_options
def validate(paths: tuple[Path, ...], settings: CheckSettings) -> None:
    """Check map files (or every map in folders; default maps/) and report every problem."""
    _, status = check_and_report(paths, settings)
    sys.exit(status)


@click.command(context_settings=CONTEXT)
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
@check_options
def build(paths: tuple[Path, ...], out_dir: Path, settings: CheckSettings) -> None:
    """Build one offline HTML page per map, plus index.html, into a folder (default site/)."""
    result, status = check_and_report(paths, settings)
    if status != 0:
        logger.error("nothing built: fix the problems above first")
        sys.exit(status)
    from argmap.collector import paused_cycle_collection
    from argmap.page.site import write_site

    pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
    with paused_cycle_collection():
        written = write_site(pages, out_dir, plan=result.site)
    if not settings.quiet:
        logger.info("built %d pages into %s", len(written), out_dir.as_posix())
    sys.exit(0)


@click.command(context_settings=CONTEXT)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write the schema to this file (default: stdout).",
)
def schema(output: Any) -> None:
    """Print the JSON Schema of the map format, for editors' YAML language servers."""
    from argmap.format.models import json_schema

    output.write(json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n")


@click.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("--title", help="The map's title (default: made from NAME).")
def new(name: str, title: str | None) -> None:
    """Write a commented starter map NAME.yaml that validates and builds; never overwrites."""
    from argmap.workflow.starter import write_starter

    path, problems = write_starter(Path(name), title=title)
    if problems:
        echo_problems(problems)
        sys.exit(1)
    click.echo(f"wrote {path.as_posix()}; next: argmap serve {path.as_posix()}", err=True)


@click.command(context_settings=CONTEXT)
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
    from argmap.workflow.serve import serve_forever

    try:
        serve_forever(
            input_paths(paths),
            host=host,
            port=port,
            echo=lambda line: click.echo(line, err=True),
            colour=use_colour(colour, sys.stderr),
        )
    except OutputError as error:  # the port is taken or the address is not this computer's
        raise click.UsageError(str(error)) from None
