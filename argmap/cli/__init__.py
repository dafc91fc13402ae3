"""The command line: thin click commands over the pipeline, one module per area.

Each command parses its options, calls one stage, hands the diagnostics to a reporter and sets
the exit code: 0 clean, 1 problems in a map (warnings too under ``--strict``), 2 misuse,
3 unreadable input or a failure of argmap itself. stdout carries the product (diagnostics,
JSON); stderr carries the summary and logs. Stages are imported inside the commands, so
``argmap --help`` loads neither pydantic nor networkx.

- :mod:`~argmap.cli.options`: shared options, the settings object, helpers
- :mod:`~argmap.cli.maps`: validate, lint, build, schema, new, serve
- :mod:`~argmap.cli.exchange`: export, import
- :mod:`~argmap.cli.workflow`: diff, stats
- :mod:`~argmap.cli.reasoning`: analyze
- :mod:`~argmap.cli.students`: check
"""

from __future__ import annotations

import sys
import traceback

import click

from argmap import __version__
from argmap.cli import exchange, maps, reasoning, students, workflow
from argmap.cli.options import CONTEXT

__all__ = ["cli", "main"]

EXIT_INTERNAL = 3

# Commands whose options include -v (the advice to rerun with -v is given only for these).
_VERBOSE_COMMANDS = {"validate", "build"}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def cli() -> None:
    """Check argument maps written in YAML and build them into offline HTML pages."""


for _command in (
    maps.validate,
    maps.lint,
    maps.build,
    maps.schema,
    maps.new,
    workflow.diff,
    workflow.stats,
    students.check,
    exchange.export_command,
    exchange.import_command,
    maps.serve,
    reasoning.analyze,
):
    cli.add_command(_command)


def _command_name(argv: list[str]) -> str | None:
    return next((word for word in argv[1:] if not word.startswith("-")), None)


def main() -> None:
    """Entry point of the ``argmap`` script: a failure of argmap itself exits 3, never 1."""
    try:
        cli.main(prog_name="argmap")
    except Exception as error:  # a bug, not a user's mistake: say so, and how to report it
        verbose_command = _command_name(sys.argv) in _VERBOSE_COMMANDS
        if verbose_command and ("-v" in sys.argv or "--verbose" in sys.argv):
            traceback.print_exc()
        advice = " (run with -v for details)" if verbose_command else ""
        click.echo(
            f"argmap: internal error: {type(error).__name__}: {error}\n"
            f"This is a bug in argmap, not in your map; please report it{advice}.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
