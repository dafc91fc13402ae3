"""Every invalid fixture produces exactly its golden diagnostics; every valid one none."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, CliResult

INVALID = sorted(
    list((FIXTURES / "invalid").glob("*.yaml"))
    + [p / "main.yaml" for p in (FIXTURES / "invalid").iterdir() if p.is_dir()]
)
VALID = sorted(p for p in (FIXTURES / "valid").rglob("*.yaml"))


def _golden(path: Path) -> Path:
    return path.with_suffix(".expected")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_invalid_fixture_reports_its_golden_diagnostics(
    path: Path, run_cli, update_goldens: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES.parent.parent.parent)
    shown = os.path.relpath(path)
    result: CliResult = run_cli("validate", "--strict", shown)
    golden = _golden(path)
    if update_goldens:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert result.exit_code == 1
    assert result.stdout, "an invalid fixture must produce at least one diagnostic"


def test_every_error_code_has_an_invalid_fixture() -> None:
    from argmap.format.diagnostics import CODES, LINT_CODES

    reported = "".join(_golden(p).read_text(encoding="utf-8") for p in INVALID)
    untested = {
        code
        for code in CODES
        if f"[{code}]" not in reported
        # these need a 20 MB file, a missing file or a --sources folder:
        # test_source, test_validate and test_reading_limits cover them
        and code not in {"file-too-large", "unreadable-file", "quote-not-found"}
        and not code.startswith("source-text-")
        # written files and imported files, not maps: test_workflow_cli and test_exchange_import
        and not code.startswith("import-")
        and code not in {"file-exists", "unwritable-file"}
        # `argmap lint` and `argmap check`, not `validate`: test_lint and test_check cover them
        and code not in LINT_CODES
        and not code.startswith("check-")
    }
    assert untested == set()


@pytest.mark.parametrize("path", VALID, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_valid_fixture_has_no_problems(path: Path, run_cli) -> None:
    result = run_cli("validate", "--strict", "--sources", str(FIXTURES / "valid"), str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "1 file checked, no problems\n"
