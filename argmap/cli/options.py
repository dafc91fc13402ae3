"""What the commands share: click settings, the shared options, one settings object, helpers.

Options are defined once and stacked onto each command (mkdocs' and click's habit); the
checking options collapse into one :class:`CheckSettings` instead of seven keywords.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from argmap.format.diagnostics import Diagnostic
    from argmap.graph.building import ArgumentGraph

__all__ = [
    "CONTEXT",
    "MAP_FILE",
    "CheckSettings",
    "check_options",
    "echo_problems",
    "file_problem",
    "format_option",
    "graph_or_exit",
    "input_paths",
    "lint_options",
    "logger",
    "map_or_exit",
    "output_problem",
    "setup_logging",
    "use_colour",
    "write_output",
]

logger = logging.getLogger("argmap")

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# A missing input is a usage error (exit 2), as for validate and build.
MAP_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)

DIAGNOSTIC_FORMATS = ("text", "json", "github")


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def format_option(
    choices: Sequence[str] = ("text", "json"),
    help_text: str = "A table for people, or JSON for scripts.",
) -> Callable[[F], F]:
    """The one ``--format`` option; commands differ only in the formats they offer."""
    if "github" in choices:
        default: Any = _default_format
        shown: str | bool = "text; github when GITHUB_ACTIONS is set"
    else:
        default, shown = choices[0], True
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=shown,
        help=help_text,
    )


@dataclass(frozen=True)
class CheckSettings:
    """How a checking command (validate, build, lint) reads maps and reports what it finds."""

    fmt: str = "text"
    strict: bool = False
    verbose: int = 0
    quiet: int = 0
    colour: bool | None = None
    sources_dir: Path | None = None

    @property
    def verbosity(self) -> int:
        """-v counts up, -q counts down."""
        return self.verbose - self.quiet


def check_options(command: F) -> F:
    """The options every checking command shares, gathered into one ``settings`` argument."""

    @wraps(command)
    def gathered(*args: Any, **kwargs: Any) -> Any:
        settings = CheckSettings(
            fmt=kwargs.pop("fmt"),
            strict=kwargs.pop("strict"),
            verbose=kwargs.pop("verbose"),
            quiet=kwargs.pop("quiet"),
            colour=kwargs.pop("colour"),
            sources_dir=kwargs.pop("sources_dir"),
        )
        return command(*args, settings=settings, **kwargs)

    options = [
        format_option(DIAGNOSTIC_FORMATS, "How to print diagnostics."),
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
    decorated: Any = gathered
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def lint_options(command: F) -> F:
    """``--enable CODE`` and ``--disable CODE`` of the lint, over every map's ``lint:`` block."""
    from argmap.format.diagnostics import LINT_CODES

    codes = click.Choice(list(LINT_CODES))
    enable = click.option(
        "--enable",
        multiple=True,
        type=codes,
        metavar="CODE",
        help="Run this lint check even where a map's lint: block turns it off (repeatable).",
    )
    disable = click.option(
        "--disable",
        multiple=True,
        type=codes,
        metavar="CODE",
        help="Skip this lint check in every map (repeatable).",
    )
    return enable(disable(command))


def use_colour(choice: bool | None, stream: Any = None) -> bool:
    """Colour when asked, else when *stream* (stdout) is a terminal and NO_COLOR is unset."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool((stream or sys.stdout).isatty())


def setup_logging(verbosity: int) -> None:
    """Logs go to stderr, plain; only the CLI installs a handler."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(
        logging.DEBUG if verbosity > 0 else logging.INFO if verbosity == 0 else logging.WARNING
    )


def input_paths(paths: tuple[Path, ...]) -> list[Path]:
    """The paths given, or maps/ when none are."""
    if paths:
        return list(paths)
    default = Path("maps")
    if not default.is_dir():
        message = "no PATHS given and there is no maps/ folder here"
        raise click.UsageError(message)
    return [default]


def echo_problems(problems: list[Diagnostic]) -> None:
    """Diagnostics of the workflow commands go to stderr: their stdout is the product."""
    from argmap.format.terminal import printable

    for problem in sorted(problems, key=lambda d: d.sort_key):
        click.echo(printable(str(problem)), err=True)


def file_problem(path: str | Path, code: str, message: str) -> Diagnostic:
    """A diagnostic about a whole file (its first character), with the code's severity."""
    from argmap.format.diagnostics import Diagnostic, Span

    name = path.as_posix() if isinstance(path, Path) else path
    return Diagnostic.at(Span.start_of(name), code, message)


def graph_or_exit(path: Path) -> ArgumentGraph:
    """The graph of the map at *path*; on errors, print them to stderr and exit 1."""
    return map_or_exit(path)[0]


def map_or_exit(path: Path) -> tuple[ArgumentGraph, list[Path]]:
    """The graph of the map at *path* and every file it was read from (the map, its includes);
    on errors, print them to stderr and exit 1."""
    from argmap.format.diagnostics import Severity, exit_status
    from argmap.pipeline import check_map

    result = check_map(path, path.parent)
    if result.graph is None or result.map is None:
        echo_problems([d for d in result.diagnostics if d.severity is Severity.ERROR])
        sys.exit(exit_status(result.diagnostics))
    files = [path]
    pending = list(result.map._included)
    while pending:
        part = pending.pop()
        if part.path:
            files.append(Path(part.path))
        pending.extend(part._included)
    return result.graph, files


def output_problem(output: str, *, force: bool, inputs: Sequence[Path] = ()) -> Diagnostic | None:
    """Why *output* may not be written, or None: it is one of *inputs* (the files the command
    reads: never replaced, even with *force*), a folder, or an existing file without *force*."""
    from argmap.output import same_file

    if output == "-":
        return None
    path = Path(output)
    name = path.as_posix()
    read = next((p for p in inputs if same_file(p, path)), None)
    if read is not None:
        message = f"{name} is {read.as_posix()}, which this command reads; write elsewhere"
        return file_problem(path, "output-is-input", message)
    if path.is_dir():
        return file_problem(path, "unwritable-file", f"cannot write {name}: it is a folder")
    if not force and os.path.lexists(path):
        return file_problem(path, "file-exists", f"{name} already exists; use --force to overwrite")
    return None


def write_output(
    content: str | bytes, output: str, *, force: bool = True, inputs: Sequence[Path] = ()
) -> Diagnostic | None:
    """Write *content* to the file *output* ('-' is stdout) whole or not at all.

    An existing file is replaced only with *force*; one of *inputs* (the files the command
    read) never is. A problem becomes a diagnostic on the output file. Bytes (a PDF, a PNG)
    go to stdout only when it is not a terminal.
    """
    from argmap.output import write_file

    if output == "-":
        _to_stdout(content)
        return None
    problem = output_problem(output, force=force, inputs=inputs)
    if problem is not None:
        return problem
    path = Path(output)
    try:
        write_file(path, content, exclusive=not force)
    except FileExistsError:
        message = f"{path.as_posix()} already exists; use --force to overwrite"
        return file_problem(path, "file-exists", message)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return file_problem(path, "unwritable-file", f"cannot write {path.as_posix()}: {reason}")
    return None


def _to_stdout(content: str | bytes) -> None:
    if isinstance(content, str):
        click.echo(content, nl=False)
        return
    if sys.stdout.isatty():
        message = "a PDF or PNG is not for a terminal: write it with -o FILE"
        raise click.UsageError(message)
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
