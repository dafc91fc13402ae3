"""Commands on map files: validate, build, schema, new, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.options import (
    CONTEXT,
    CheckSettings,
    check_options,
    echo_problems,
    input_paths,
    lint_options,
    logger,
    setup_logging,
    use_colour,
    write_output,
)

if TYPE_CHECKING:
    from argmap.format.diagnostics import Diagnostic
    from argmap.lint import LintOptions
    from argmap.pipeline import BuildResult

__all__ = ["build", "check_and_report", "lint", "new", "schema", "serve", "validate"]


def check_and_report(
    paths: tuple[Path, ...], settings: CheckSettings, lint: LintOptions | None = None
) -> tuple[BuildResult, int]:
    """Check the maps in *paths*, print what was found, and return the run and its exit code."""
    result = _check(paths, settings, lint)
    return result, _report(result.diagnostics, result.files, settings)


def _check(
    paths: tuple[Path, ...], settings: CheckSettings, lint: LintOptions | None = None
) -> BuildResult:
    from argmap.pipeline import run

    setup_logging(settings.verbosity)
    result = run(input_paths(paths), sources_dir=settings.sources_dir, lint=lint)
    if not result.maps:
        raise click.UsageError("no .yaml or .yml map files found in " + ", ".join(map(str, paths)))
    return result


def _report(diagnostics: list[Diagnostic], files: int, settings: CheckSettings) -> int:
    """Print *diagnostics* (all of a run, at once) and return the run's exit code."""
    from argmap.format.diagnostics import exit_status
    from argmap.format.reporters import format_diagnostics, summary_line

    output = format_diagnostics(
        diagnostics,
        settings.fmt,
        files=files,
        verbosity=settings.verbose,
        colour=use_colour(settings.colour),
    )
    click.echo(output, nl=False)
    if not settings.quiet and settings.fmt != "json":
        click.echo(summary_line(diagnostics, files), err=True)
    return exit_status(diagnostics, strict=settings.strict)


def _lint_choice(enable: tuple[str, ...], disable: tuple[str, ...]) -> LintOptions:
    from argmap.lint import LintOptions

    return LintOptions(enable=frozenset(enable), disable=frozenset(disable) - set(enable))


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--lint", "with_lint", is_flag=True, help="Run the map-quality checks of `argmap lint` too."
)
@lint_options
@check_options
def validate(
    paths: tuple[Path, ...],
    with_lint: bool,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    settings: CheckSettings,
) -> None:
    """Check map files (or every map in folders; default maps/) and report every problem."""
    chosen = _lint_choice(enable, disable) if with_lint or enable or disable else None
    _, status = check_and_report(paths, settings, chosen)
    sys.exit(status)


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@lint_options
@check_options
def lint(
    paths: tuple[Path, ...],
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    settings: CheckSettings,
) -> None:
    """Validate maps and check their quality: one claim per box, restated reasons, the rabbit
    and holding-hands rules, unanswered objections, unsourced claims and evidence.

    Each check can be switched off or set to a severity per map (a `lint:` block, e.g.
    `lint: {bundled-claim: off}`) and for the run (--disable CODE, --enable CODE).
    """
    _, status = check_and_report(paths, settings, _lint_choice(enable, disable))
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
@click.option(
    "--pictures",
    is_flag=True,
    help="Also write each map's SVG picture beside its page, linked from the page.",
)
@check_options
def build(paths: tuple[Path, ...], out_dir: Path, pictures: bool, settings: CheckSettings) -> None:
    """Build one offline HTML page per map, plus index.html, into a folder (default site/)."""
    from argmap.collector import paused_cycle_collection
    from argmap.format.diagnostics import exit_status
    from argmap.page.site import page_collisions, write_site

    result = _check(paths, settings)
    diagnostics = result.diagnostics + page_collisions(
        [(m.display, m.relative) for m in result.maps]
    )
    written: list[Path] = []
    if exit_status(diagnostics, strict=settings.strict) == 0:
        pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
        with paused_cycle_collection():
            written = write_site(
                pages, out_dir, problems=diagnostics, pictures=pictures, plan=result.site
            )
    status = _report(sorted(diagnostics, key=lambda d: d.sort_key), result.files, settings)
    if not written:
        logger.error("nothing built: fix the problems above first")
    elif not settings.quiet:
        built = sum(1 for path in written if path.suffix == ".html")
        drawn = len(written) - built
        logger.info(
            "built %d pages%s into %s",
            built,
            f" and {drawn} pictures" if drawn else "",
            out_dir.as_posix(),
        )
    sys.exit(status)


@click.command(context_settings=CONTEXT)
@click.option(
    "-o",
    "--output",
    default="-",
    help="Write the schema to this file (default: stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def schema(output: str, force: bool) -> None:
    """Print the JSON Schema of the map format, for editors' YAML language servers."""
    from argmap.format.models import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    problem = write_output(text, output, force=force)
    if problem is not None:
        echo_problems([problem])
        sys.exit(1)


def _file_name(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    """NAME must name a file: not empty, not a folder (`.`, `..`, `/`, `maps/`)."""
    if not value.strip() or value.endswith(("/", "\\")) or Path(value).name in ("", ".", ".."):
        message = f"{value!r} names no file; give the map's file name, e.g. 'school-uniforms'"
        raise click.BadParameter(message)
    return value


@click.command(context_settings=CONTEXT)
@click.argument("name", callback=_file_name)
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
