"""Commands over built maps for the instructor: diff and stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from argmap.cli.options import CONTEXT, MAP_FILE, format_option, graph_or_exit

__all__ = ["diff", "stats"]


@click.command(context_settings=CONTEXT)
@click.argument("old", type=MAP_FILE)
@click.argument("new_map", metavar="NEW", type=MAP_FILE)
@format_option()
@click.option("--exit-code", is_flag=True, help="Exit 1 when the maps differ (as `git diff`).")
def diff(old: Path, new_map: Path, fmt: str, exit_code: bool) -> None:
    """Claims and links added, removed or changed from OLD to NEW, and a similarity score."""
    from argmap.workflow.diff import diff_graphs, format_diff

    result = diff_graphs(graph_or_exit(old), graph_or_exit(new_map))
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_diff(result, old.as_posix(), new_map.as_posix()), nl=False)
    sys.exit(1 if exit_code and not result.identical else 0)


@click.command(context_settings=CONTEXT)
@click.argument("map_path", metavar="MAP", type=MAP_FILE)
@format_option()
@click.option("--top", default=5, show_default=True, help="How many load-bearing claims to list.")
def stats(map_path: Path, fmt: str, top: int) -> None:
    """Counts by kind and role, depth, speakers, sources, open objections, load-bearing claims."""
    from argmap.workflow.stats import format_stats, map_stats

    figures = map_stats(graph_or_exit(map_path), top=top)
    if fmt == "json":
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        click.echo(format_stats(figures), nl=False)
