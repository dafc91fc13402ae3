"""Commands that bridge to other tools: export and import (choices from the registries)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.options import (
    CONTEXT,
    MAP_FILE,
    echo_problems,
    file_problem,
    map_or_exit,
    output_problem,
    write_output,
)
from argmap.exchange.formats import EXPORTERS, IMPORTERS, export_names, import_names

__all__ = ["export_command", "import_command"]


def _described(registry: dict[str, object]) -> str:
    return ", ".join(registry)


@click.command("export", context_settings=CONTEXT)
@click.argument("map_path", metavar="MAP", type=MAP_FILE)
@click.option(
    "--to",
    "fmt",
    required=True,
    type=click.Choice(export_names(), case_sensitive=False),
    help=f"The format to write ({_described(dict(EXPORTERS))}).",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or '-'.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def export_command(map_path: Path, fmt: str, output: str, force: bool) -> None:
    """Export a map to another tool's format (Gephi, yEd, Graphviz, Mermaid, OVA, Argdown...)."""
    from argmap.exchange.convert import export_map

    graph, read = map_or_exit(map_path)
    problem = write_output(export_map(graph, fmt), output, force=force, inputs=read)
    if problem is not None:
        echo_problems([problem])
        sys.exit(1)


@click.command("import", context_settings=CONTEXT)
@click.argument("file", type=MAP_FILE)
@click.option(
    "--from",
    "fmt",
    default="auto",
    show_default=True,
    type=click.Choice(import_names(), case_sensitive=False),
    help=f"The file's format ({_described(dict(IMPORTERS))}); 'auto' guesses from its content.",
)
@click.option("-o", "--output", default="-", show_default=True, help="Map file to write, or '-'.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def import_command(file: Path, fmt: str, output: str, force: bool) -> None:
    """Import an AIF (AIFdb, OVA), SADFace, Kialo, Argdown-JSON or argmap-JSON file as a map."""
    from argmap.exchange.convert import import_map
    from argmap.exchange.yamlout import dump_map
    from argmap.format.diagnostics import Severity

    refused = output_problem(output, force=force, inputs=[file])
    if refused is not None:  # before reading: an import can be long
        echo_problems([refused])
        sys.exit(1)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"{file.as_posix()} is not UTF-8 text ({error.reason} at byte {error.start})"
        echo_problems([file_problem(file, "not-utf8", reason)])
        sys.exit(1)
    data, problems = import_map(text, fmt, file.as_posix())
    echo_problems(problems)
    if any(p.severity is Severity.ERROR for p in problems):
        sys.exit(1)
    header = f"Imported from {file.name} by `argmap import`; check it with `argmap validate`."
    unwritten = write_output(dump_map(data, header=header), output, force=force, inputs=[file])
    if unwritten is not None:
        echo_problems([unwritten])
        sys.exit(1)
    if output != "-":
        claims, arguments = len(data["claims"]), len(data.get("arguments", {}))
        click.echo(
            f"wrote {output}: {claims} claim{'s' * (claims != 1)}, "
            f"{arguments} argument{'s' * (arguments != 1)}",
            err=True,
        )
