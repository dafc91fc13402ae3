"""Shared test helpers: a CLI runner and golden files of expected diagnostics."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from argmap.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "maps"

# CI machines are shared and slow: a property is judged by what it finds, never by how long
# one example took, so no per-example deadline and no "too slow" health check anywhere.
settings.register_profile(
    "argmap", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("argmap")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite the .expected files of tests/fixtures/maps/invalid from the current output.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli() -> Callable[..., CliResult]:
    """Run the CLI in-process; exceptions propagate so a crash fails the test loudly."""

    def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
        runner = CliRunner()
        base_env = {"GITHUB_ACTIONS": "", "NO_COLOR": "1"}
        result = runner.invoke(cli, list(args), catch_exceptions=False, env=base_env | (env or {}))
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a dedented YAML map into the test's folder and return its path."""

    def write(text: str, name: str = "map.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write
