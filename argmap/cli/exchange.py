"""Commands that bridge to other tools: export and import (choices from the registries)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

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
from argmap.exchange.formats import (
    EXPORTERS,
    IMPORTERS,
    ExportFormat,
    export_names,
    import_names,
)

if TYPE_CHECKING:
    pass

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
@click.option("--tree", "tree", metavar="ID", help="Pictures: draw only the tree under this claim.")
@click.option(
    "--level",
    type=click.Choice(["cases", "top", "all"]),
    help="Pictures: one card per case, theses with their direct reasons, or all (the default).",
)
@click.option(
    "--page",
    type=click.Choice(["a4", "letter"]),
    help="PDF, PNG: fit to this page at a readable size, or tile across pages (PDF).",
)
@click.option("--landscape", is_flag=True, help="PDF, PNG: the page turned sideways.")
def export_command(
    map_path: Path,
    fmt: str,
    output: str,
    force: bool,
    tree: str | None,
    level: str | None,
    page: str | None,
    landscape: bool,
) -> None:
    """Export a map to another tool's format (Gephi, yEd, Graphviz, Mermaid, OVA, Argdown...)
    or draw it as a picture (SVG, PDF, PNG) for handouts and slides."""
    from argmap.exchange.convert import export_map
    from argmap.exchange.formats import canonical_export

    entry = EXPORTERS[canonical_export(fmt)]
    options = _picture_options(entry, tree=tree, level=level, page=page, landscape=landscape)
    graph, read = map_or_exit(map_path)
    if tree is not None and tree not in graph:
        roots = [str(n) for n, d in graph.nodes(data=True) if d.get("kind") == "thesis"]
        message = f"{map_path.as_posix()} has no claim {tree!r}; its theses: {', '.join(roots)}"
        raise click.BadParameter(message, param_hint="--tree")
    try:
        result = export_map(graph, fmt, **options)
    except _unavailable() as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    problem = write_output(result, output, force=force, inputs=read)
    if problem is not None:
        echo_problems([problem])
        sys.exit(1)


def _unavailable() -> type[Exception]:
    from argmap.picture.pages import PictureUnavailable

    return PictureUnavailable


def _picture_options(
    entry: ExportFormat, *, tree: str | None, level: str | None, page: str | None, landscape: bool
) -> dict[str, object]:
    """The options a picture format takes; a usage error when they are given to another."""
    given = [name for name, value in (("--tree", tree), ("--level", level)) if value]
    paged = [name for name, value in (("--page", page), ("--landscape", landscape)) if value]
    if (given or paged) and not entry.picture:
        message = f"{', '.join(given + paged)}: only for pictures (--to svg, pdf or png)"
        raise click.UsageError(message)
    if paged and not entry.binary:
        message = f"{', '.join(paged)}: only for --to pdf or png (an SVG has no pages)"
        raise click.UsageError(message)
    if landscape and page is None:
        message = "--landscape turns a page: give --page a4 or --page letter"
        raise click.UsageError(message)
    options: dict[str, object] = {}
    if entry.picture:
        options = {"tree": tree, "level": level or "all"}
    if entry.binary:
        options.update(page=page, landscape=landscape)
    return options


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
    """Import an AIF (AIFdb, OVA), SADFace, Kialo, Argdown (text or JSON), Carneades 4 YAML,
    dsanson/argmap YAML or argmap-JSON file."""
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
