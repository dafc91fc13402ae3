"""The course site file (site.yaml) and the index order, as `argmap validate` and `build` see it."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _map(folder: Path, name: str, title: str, extra: str = "") -> None:
    text = (
        f"argmap: 1\ntitle: {title}\n{extra}claims:\n  {name}-t: {{text: {title}, kind: thesis}}\n"
        f"  {name}-r: {{text: A reason., supports: [{name}-t]}}\n"
    )
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def _course(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _map(folder, "b", "Beta")
    _map(folder, "a", "Alpha")
    (folder / "whole.yaml").write_text(
        "argmap: 1\ntitle: Zeta, the whole debate\ninclude: [a.yaml, b.yaml]\n"
        "links:\n  - {from: a-r, to: b-t, type: attack}\n",
        encoding="utf-8",
    )
    return folder


def _site(folder: Path, text: str) -> Path:
    path = folder / "site.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _titles(index: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]*" dir="auto">([^<]*)</a></h3>', index)


def test_without_a_site_file_maps_that_include_others_come_first(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    course = _course(tmp_path / "course")
    result = run_cli("build", str(course), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stdout
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert _titles(index) == ["Zeta, the whole debate", "Alpha", "Beta"]
    assert "combines 2 maps" in index
    assert "2 theses" in index


def test_a_site_file_gives_title_intro_and_order(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    course = _course(tmp_path / "course")
    _site(
        course,
        """
        title: A course <on> homework
        intro: Read the whole debate first.
        sections:
          - title: Start here
            maps: [whole.yaml]
          - title: Then
            intro: One map per text.
            maps: [b.yaml, a.yaml]
        """,
    )
    validated = run_cli("validate", str(course))
    assert (validated.exit_code, validated.stdout) == (0, "")
    assert validated.stderr == "3 files checked, no problems\n"  # site.yaml is not a map
    result = run_cli("build", str(course), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<title>A course &lt;on&gt; homework</title>" in index
    assert "Read the whole debate first." in index
    assert _titles(index) == ["Zeta, the whole debate", "Beta", "Alpha"]
    assert re.findall(r"<h2 dir=\"auto\">([^<]*)</h2>", index) == ["Start here", "Then"]
    assert not (tmp_path / "out" / "site.html").exists()


def test_site_file_mistakes_are_positioned_diagnostics(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    course = _course(tmp_path / "course")
    site = _site(
        course,
        """
        title: A course
        sections:
          - title: Start here
            maps: [whole.yaml, alpha.yaml]
          - title: Again
            maps: [whole.yaml]
        """,
    )
    result = run_cli("validate", str(course))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{site.as_posix()}:2:1: warning: the map 'a.yaml' is in no section; the index lists "
        "it under 'More maps' [site-unlisted-map]",
        f"{site.as_posix()}:2:1: warning: the map 'b.yaml' is in no section; the index lists "
        "it under 'More maps' [site-unlisted-map]",
        f"{site.as_posix()}:4:24: error: 'alpha.yaml' is not a map of this site; did you mean "
        "'a.yaml'? [site-unknown-map]",
        f"{site.as_posix()}:6:12: warning: 'whole.yaml' is already listed at line 4; it stays "
        "there [site-repeated-map]",
    ]
    assert run_cli("build", str(course), "-o", str(tmp_path / "out")).exit_code == 1


def test_site_file_schema_errors_all_at_once(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    site = _site(
        course,
        """
        titel: A course
        sections:
          - maps: whole.yaml
        """,
    )
    result = run_cli("validate", str(course))
    assert result.exit_code == 1
    assert all(line.startswith(site.as_posix()) for line in result.stdout.splitlines())
    lines = [line.removeprefix(site.as_posix() + ":") for line in result.stdout.splitlines()]
    assert lines == [  # the misspelt 'titel' is one mistake: no "missing 'title'" beside it
        "1:1: error: unknown key 'titel'; did you mean 'title'? [unknown-key]",
        "3:5: error: section 1 is missing required key 'title' [missing-key]",
        "3:11: error: 'maps' must be a list [wrong-type]",
    ]


def test_the_seed_maps_site_file_puts_the_whole_debate_first(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    result = run_cli("build", str(ROOT / "maps"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stdout
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<title>Should Iran negotiate with the United States?</title>" in index
    titles = _titles(index)
    assert titles[0] == "Should Iran negotiate with the United States?"
    assert len(titles) == 6


def test_maps_of_another_folder_are_not_forgotten_by_the_site_file(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """`argmap build maps examples`: maps/site.yaml orders maps/, and the examples named on the
    same command line are listed after its sections without a warning."""
    course = _course(tmp_path / "course")
    _site(
        course,
        """
        title: A course
        sections:
          - title: All
            maps: [whole.yaml, a.yaml, b.yaml]
        """,
    )
    other = tmp_path / "other"
    other.mkdir()
    _map(other, "extra.yaml", "Extra")
    result = run_cli("build", str(course), str(other), "-o", str(tmp_path / "out"), "--strict")
    assert result.exit_code == 0, result.stdout
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert _titles(index)[-1] == "Extra"
