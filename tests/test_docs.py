"""The reference docs cannot drift from the code."""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.format.diagnostics import CODES
from argmap.format.models import (
    Argument,
    ArgumentMap,
    Claim,
    Link,
    Source,
    Speaker,
    TourStep,
    known_keys,
)

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("model", [ArgumentMap, Source, Speaker, Claim, Argument, Link, TourStep])
def test_every_key_of_the_format_is_documented(model) -> None:
    text = (DOCS / "format.md").read_text("utf-8")
    undocumented = [key for key in known_keys(model) if f"`{key}`" not in text]
    assert undocumented == []


def test_every_diagnostic_code_is_named_in_the_format_reference() -> None:
    text = (DOCS / "format.md").read_text("utf-8")
    named = set(re.findall(r"`([a-z0-9-]+)`", text))
    assert set(CODES) - named == set()


def test_the_format_example_is_a_real_map(tmp_path: Path) -> None:
    import yaml

    text = (DOCS / "format.md").read_text("utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    assert example is not None
    data = yaml.safe_load(example.group(1))
    ArgumentMap.model_validate({**data, "include": []})


# -- the generated pages: docs/diagnostics.md and the options reference of docs/cli.md -----------


def _load_generator() -> ModuleType:
    """docs/generate.py is a script, not part of the package: load it from its file."""
    spec = importlib.util.spec_from_file_location("argmap_docs_generate", DOCS / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


def _codes_with(snippet: str) -> list[Any]:
    """The codes whose registry entry has a *snippet* ('bad' or 'good'): each must really run."""
    return [pytest.param(code, id=code) for code, info in CODES.items() if getattr(info, snippet)]


@pytest.mark.parametrize("page", ["diagnostics.md", "cli.md"])
def test_generated_pages_are_up_to_date(page: str) -> None:
    expected = generate.expected_pages()[DOCS / page]
    current = (DOCS / page).read_text("utf-8")
    assert current == expected, f"docs/{page} is out of date: run python docs/generate.py"


@pytest.mark.parametrize("code", _codes_with("bad"))
def test_the_wrong_snippet_of_each_code_produces_it(code: str) -> None:
    checked = generate.check_snippet(code, CODES[code].bad)
    assert code in checked.codes(), checked.printed


@pytest.mark.parametrize("code", _codes_with("good"))
def test_the_right_snippet_of_each_code_does_not(code: str) -> None:
    checked = generate.check_snippet(code, CODES[code].good)
    assert code not in checked.codes(), checked.printed


def test_every_code_has_snippets_or_says_why_not() -> None:
    without = {code for code, info in CODES.items() if not (info.bad and info.good)}
    assert without == set(generate.WITHOUT_SNIPPET)


def test_a_file_over_the_size_limit_gives_file_too_large(tmp_path: Path, run_cli: Any) -> None:
    from argmap.format.reading import MAX_FILE_BYTES

    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # sparse: the size is checked before a byte is read
        handle.truncate(MAX_FILE_BYTES + 1)
    result = run_cli("validate", str(huge))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{huge.as_posix()}:1:1: error: ")
    assert result.stdout.rstrip().endswith("[file-too-large]")


def test_the_diagnostics_page_shows_every_code_with_its_real_output() -> None:
    text = (DOCS / "diagnostics.md").read_text("utf-8")
    for code, info in CODES.items():
        assert f"### `{code}`" in text
        if info.bad:
            section = text.split(f"### `{code}`", 1)[1].split("\n### ", 1)[0]
            assert f"[{code}]" in section, f"{code}: no diagnostic of its own shown"


def test_every_command_has_a_section_of_prose_in_the_cli_page() -> None:
    from argmap.cli import cli

    prose = (DOCS / "cli.md").read_text("utf-8").split(generate.BEGIN)[0]
    headings = re.findall(r"^#+ .*$", prose, re.M)
    missing = [name for name in cli.commands if not any(f"`argmap {name}`" in h for h in headings)]
    assert missing == []


# -- the examples in the docs run -----------------------------------------------------------------

PROJECT = DOCS.parent
DOCUMENTED = sorted(p.name for p in DOCS.glob("*.md"))
CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


@dataclass
class Transcript:
    """One ``$ command`` of a console block and the lines shown under it."""

    command: str
    shown: list[str]


def _transcripts(markdown: str) -> list[Transcript]:
    transcripts: list[Transcript] = []
    for block in CONSOLE_BLOCK.findall(markdown):
        for line in block.splitlines():
            if line.startswith("$ "):
                transcripts.append(Transcript(line[2:], []))
            else:
                transcripts[-1].shown.append(line)
    return transcripts


def _shows(shown: list[str], printed: list[str]) -> bool:
    """Whether *printed* is what *shown* shows, where a line '...' stands for any lines."""
    pattern = "".join("(?:.*\n)*?" if line == "..." else re.escape(line) + "\n" for line in shown)
    return re.fullmatch(pattern, "".join(line + "\n" for line in printed)) is not None


def test_transcripts_match_with_elisions() -> None:
    assert _shows(["a", "...", "d"], ["a", "b", "c", "d"])
    assert not _shows(["a", "d"], ["a", "b", "d"])
    assert not _shows(["a"], ["a", "b"])
    assert _shows([], [])


# What a console example may use, copied for each page into a scratch folder that is its cwd.
PROJECT_FILES = ("maps", "examples", "tests/fixtures", "docs", "README.md", "pyproject.toml")


RUNS_UNTIL_STOPPED = {"serve"}


def _copy_project(into: Path) -> None:
    for name in PROJECT_FILES:
        source = PROJECT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy(source, into / name)


def _blocks(markdown: str) -> list[list[Transcript]]:
    return [_transcripts(f"```console\n{block}```\n") for block in CONSOLE_BLOCK.findall(markdown)]


@pytest.mark.parametrize("page", DOCUMENTED)
def test_console_examples_run_as_shown(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``$ argmap ...`` line of a ```console block, run in a copy of the project.

    The lines under a command are what it prints (stdout and stderr together, '...' for lines
    left out); a command must exit 0 unless the next line of the block is ``$ echo $?``. A
    command other than argmap is not run (it may install things or change the machine), nor is
    one that runs until stopped (``argmap serve``); the rest of its block is skipped, since it
    may depend on what that command did.
    """
    from argmap.cli import cli

    _copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()  # in-process: as the installed command, ten times faster
    for block in _blocks((DOCS / page).read_text("utf-8")):
        status = 0
        for index, transcript in enumerate(block):
            following = block[index + 1] if index + 1 < len(block) else None
            if transcript.command == "echo $?":
                assert transcript.shown == [str(status)], transcript
                continue
            args = shlex.split(transcript.command)
            if args[0] != "argmap" or RUNS_UNTIL_STOPPED.intersection(args[1:2]):
                break
            done = runner.invoke(
                cli,
                args[1:],
                prog_name="argmap",
                env={"GITHUB_ACTIONS": None, "NO_COLOR": "1"},
                catch_exceptions=False,
            )
            status = done.exit_code
            # stdout and stderr interleaved, as a terminal shows them
            report = f"$ {transcript.command}\n{done.output}(exit {status})"
            assert _shows(transcript.shown, done.output.splitlines()), report
            if following is None or following.command != "echo $?":
                assert status == 0, report


def test_the_docs_show_console_examples() -> None:
    shown = {page for page in DOCUMENTED if _transcripts((DOCS / page).read_text("utf-8"))}
    assert {"cli.md", "getting-started.md", "teaching.md"} <= shown


# -- links ----------------------------------------------------------------------------------------

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", [*(f"docs/{name}" for name in DOCUMENTED), "README.md"])
def test_relative_links_lead_to_files_that_exist(page: str) -> None:
    path = PROJECT / page
    targets = [t for t in MARKDOWN_LINK.findall(path.read_text("utf-8")) if "://" not in t]
    broken = [
        target
        for target in targets
        if not target.startswith("#") and not (path.parent / target.split("#")[0]).exists()
    ]
    assert broken == []
