"""The instructor's workflow commands as a user runs them: new, diff, stats, export, import."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

RunCli = Callable[..., CliResult]
WriteMap = Callable[..., Path]

REFERENCE = """
argmap: 1
title: Homework
claims:
  thesis: {text: Schools should drop homework., kind: thesis}
  tired: {text: Pupils are tired after school., supports: [thesis]}
  practice: {text: Practice at home fixes what was learnt., attacks: [thesis]}
  study: {text: A study found no effect of homework in primary school., kind: evidence,
          supports: [tired]}
"""

KIALO = (
    "Discussion Title: Homework\n\n"
    "1. Schools should drop homework.\n"
    "1.1. Pro: Pupils are tired after school.\n"
    "1.2. Con: Practice at home fixes what was learnt.\n"
    "1.2.1. Con: -> See 1.1.\n"
)


# -- new ---------------------------------------------------------------------------------------


def test_new_writes_a_starter_that_validates_strictly_and_builds(
    run_cli: RunCli, tmp_path: Path
) -> None:
    target = tmp_path / "school-uniforms"
    result = run_cli("new", str(target))
    path = tmp_path / "school-uniforms.yaml"
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"wrote {path.as_posix()}" in result.stderr
    assert "title: School uniforms" in path.read_text(encoding="utf-8")

    checked = run_cli("validate", "--strict", str(path))
    assert (checked.exit_code, checked.stdout) == (0, "")

    built = run_cli("build", str(path), "-o", str(tmp_path / "site"))
    assert built.exit_code == 0
    page = (tmp_path / "site" / "school-uniforms.html").read_text(encoding="utf-8")
    assert "An objection that speaks against the thesis." in page


def test_new_never_overwrites(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own work\n", encoding="utf-8")
    result = run_cli("new", str(path))
    assert result.exit_code == 1
    assert f"{path.as_posix()}:1:1: error:" in result.stderr
    assert result.stderr.rstrip().endswith("[file-exists]")
    assert path.read_text(encoding="utf-8") == "my own work\n"


@pytest.mark.parametrize("title", ["Why: a colon", "Économie # not a comment", "'quoted'"])
def test_new_with_awkward_titles_still_validates(
    run_cli: RunCli, tmp_path: Path, title: str
) -> None:
    path = tmp_path / "t.yaml"
    assert run_cli("new", str(path), "--title", title).exit_code == 0
    shown = run_cli("stats", str(path), "--format", "json")
    assert json.loads(shown.stdout)["title"] == title
    assert run_cli("validate", "--strict", str(path)).exit_code == 0


@pytest.mark.parametrize("name", ["", ".", "/", "..", "maps/", "maps/.."])
def test_new_with_a_name_that_is_no_file_name_is_a_usage_error(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    result = run_cli("new", name)
    assert result.exit_code == 2
    assert "Invalid value for 'NAME'" in result.stderr
    assert "internal error" not in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["maps"]


def test_the_starters_rebuttal_is_a_claim_not_evidence(run_cli: RunCli, tmp_path: Path) -> None:
    import yaml

    assert run_cli("new", str(tmp_path / "m")).exit_code == 0
    data = yaml.safe_load((tmp_path / "m.yaml").read_text(encoding="utf-8"))
    rebuttals = [c for c in data["claims"].values() if "first-objection" in c.get("attacks", [])]
    assert len(rebuttals) == 1
    assert rebuttals[0].get("kind", "claim") == "claim"


# -- diff --------------------------------------------------------------------------------------


def test_diff_of_a_map_with_itself_is_identical(run_cli: RunCli, write_map: WriteMap) -> None:
    path = write_map(REFERENCE)
    result = run_cli("diff", str(path), str(path), "--exit-code")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].endswith("similarity 1.00")


def test_diff_matches_renamed_claims_by_text(run_cli: RunCli, write_map: WriteMap) -> None:
    old = write_map(REFERENCE, "reference.yaml")
    student = REFERENCE.replace("tired", "fatigue").replace(
        "Practice at home fixes what was learnt.", "Practice at home fixes what was learned."
    )
    new = write_map(student, "student.yaml")
    result = run_cli("diff", str(old), str(new))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert "= tired -> fatigue (id changed)" in lines
    assert any(line.startswith("~ practice.text:") for line in lines)
    # the links of the renamed claim are the same links, not removed and added
    assert not any(line.startswith(("+ link", "- link")) for line in lines)
    assert "similarity 1.00" not in lines[-1]


def test_diff_reports_added_removed_and_flipped_links_as_json(
    run_cli: RunCli, write_map: WriteMap
) -> None:
    old = write_map(REFERENCE, "a.yaml")
    changed = REFERENCE.replace(
        "  practice: {text: Practice at home fixes what was learnt., attacks: [thesis]}\n",
        "  practice: {text: Practice at home fixes what was learnt., supports: [thesis]}\n"
        "  costs: {text: Tutoring costs parents money., supports: [thesis]}\n",
    ).replace(
        "  study: {text: A study found no effect of homework in primary school., kind: evidence,\n"
        "          supports: [tired]}\n",
        "",
    )
    new = write_map(changed, "b.yaml")
    result = run_cli("diff", str(old), str(new), "--format", "json", "--exit-code")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["identical"] is False
    assert [c["id"] for c in data["added"]] == ["costs"]
    assert [c["id"] for c in data["removed"]] == ["study"]
    assert {"from": "costs", "to": "thesis", "type": "support"} in data["links_added"]
    assert {"from": "study", "to": "tired", "type": "support"} in data["links_removed"]
    flipped = data["links_changed"][0]
    assert (flipped["from"], flipped["to"]) == ("practice", "thesis")
    assert flipped["changes"]["type"] == {"old": "attack", "new": "support"}
    assert 0 < data["similarity"] < 1


def test_diff_of_a_broken_map_prints_its_errors_and_exits_1(
    run_cli: RunCli, write_map: WriteMap
) -> None:
    good = write_map(REFERENCE, "good.yaml")
    broken = write_map(REFERENCE.replace("supports: [thesis]", "supports: [thesys]"), "bad.yaml")
    result = run_cli("diff", str(good), str(broken))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "bad.yaml:5:" in result.stderr
    assert "[unknown-reference]" in result.stderr


def test_diff_of_a_missing_file_is_a_usage_error(run_cli: RunCli, write_map: WriteMap) -> None:
    good = write_map(REFERENCE)
    result = run_cli("diff", str(good), str(good.parent / "nope.yaml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# -- stats -------------------------------------------------------------------------------------


def test_stats_as_text_and_json(run_cli: RunCli, write_map: WriteMap) -> None:
    path = write_map(REFERENCE)
    text = run_cli("stats", str(path))
    assert text.exit_code == 0
    assert "claims:      4 by kind (thesis 1, claim 2, evidence 1)" in text.stdout
    assert "unanswered objections (1): practice" in text.stdout
    data = json.loads(run_cli("stats", str(path), "--format", "json").stdout)
    assert data["claims"] == 4
    assert data["depth"] == 2
    assert data["unanswered_objections"] == ["practice"]
    assert data["load_bearing"][0]["id"] == "tired"


ROOT = Path(__file__).parent.parent
EVERY_MAP = sorted(
    path
    for path in [*ROOT.glob("maps/*.yaml"), *ROOT.glob("examples/*.yaml")]
    if path.name != "site.yaml"  # the course's site file, not a map
)


@pytest.mark.parametrize("path", EVERY_MAP, ids=lambda p: p.name)
def test_every_stats_total_is_the_sum_of_its_parts(run_cli: RunCli, path: Path) -> None:
    """Each "N ... (name a, name b)" line: a + b == N, N being the last number before "("."""
    text = run_cli("stats", str(path)).stdout
    checked = 0
    for line in text.splitlines()[1:]:
        match = re.search(r"(\d+)[^()\d]*\(((?:[a-z]+ \d+(?:, )?)+)[);]", line)
        if match is None:
            continue
        parts = [int(part.rsplit(" ", 1)[1]) for part in match.group(2).split(", ")]
        assert sum(parts) == int(match.group(1)), line
        checked += 1
    assert checked >= 3, text
    figures = json.loads(run_cli("stats", str(path), "--format", "json").stdout)
    assert sum(figures["kinds"].values()) == figures["claims"]
    assert sum(figures["roles"].values()) == figures["claims"]
    assert sum(figures["link_types"].values()) == figures["links"]
    assert figures["undercuts"] <= figures["link_types"]["attack"]


# -- export ------------------------------------------------------------------------------------

FORMATS = ["json", "graphml", "gexf", "dot", "mermaid", "outline", "aif", "argdown"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_stdout_and_to_a_file_give_the_same_text(
    run_cli: RunCli, write_map: WriteMap, tmp_path: Path, fmt: str
) -> None:
    path = write_map(REFERENCE)
    shown = run_cli("export", str(path), "--to", fmt)
    assert shown.exit_code == 0
    assert "Pupils are tired after school." in shown.stdout
    target = tmp_path / f"out.{fmt}"
    written = run_cli("export", str(path), "--to", fmt, "-o", str(target))
    assert (written.exit_code, written.stdout) == (0, "")
    assert target.read_text(encoding="utf-8") == shown.stdout


def test_export_into_a_missing_folder_is_a_diagnostic(
    run_cli: RunCli, write_map: WriteMap, tmp_path: Path
) -> None:
    path = write_map(REFERENCE)
    target = tmp_path / "no" / "such" / "folder.dot"
    result = run_cli("export", str(path), "--to", "dot", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{target.as_posix()}:1:1: error: cannot write")
    assert "[unwritable-file]" in result.stderr


def test_export_unknown_format_is_a_usage_error(run_cli: RunCli, write_map: WriteMap) -> None:
    result = run_cli("export", str(write_map(REFERENCE)), "--to", "docx")
    assert result.exit_code == 2


# -- import ------------------------------------------------------------------------------------


def test_import_kialo_gives_a_map_that_validates(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "homework.txt"
    source.write_text(KIALO, encoding="utf-8")
    target = tmp_path / "homework.yaml"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.exit_code == 0
    # the `-> See 1.1.` line is a link to claim 1.1, not a fourth claim
    assert f"wrote {target.as_posix()}: 3 claims" in result.stderr
    checked = run_cli("validate", str(target))
    assert (checked.exit_code, checked.stdout) == (0, "")
    data = json.loads(run_cli("stats", str(target), "--format", "json").stdout)
    assert data["claims"] == 3


def test_import_never_overwrites_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "homework.txt"
    source.write_text(KIALO, encoding="utf-8")
    target = tmp_path / "homework.yaml"
    target.write_text("my map\n", encoding="utf-8")
    refused = run_cli("import", str(source), "-o", str(target))
    assert refused.exit_code == 1
    assert "[file-exists]" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my map\n"
    forced = run_cli("import", str(source), "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert "Schools should drop homework." in target.read_text(encoding="utf-8")


def test_import_to_stdout_round_trips_through_export(
    run_cli: RunCli, write_map: WriteMap, tmp_path: Path
) -> None:
    aif = tmp_path / "map.json"
    aif.write_text(run_cli("export", str(write_map(REFERENCE)), "--to", "aif").stdout, "utf-8")
    result = run_cli("import", str(aif), "--from", "aif")
    assert result.exit_code == 0
    imported = write_map(result.stdout, "imported.yaml")
    diff = json.loads(
        run_cli("diff", str(write_map(REFERENCE)), str(imported), "--format", "json").stdout
    )
    assert diff["added"] == diff["removed"] == []
    assert diff["links_added"] == diff["links_removed"] == []


def test_import_of_a_file_in_another_format_is_a_diagnostic(
    run_cli: RunCli, tmp_path: Path
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Just some notes.\nNothing numbered.\n", encoding="utf-8")
    result = run_cli("import", str(source), "--from", "kialo", "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1
    assert "[import-format]" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_import_of_broken_json_points_at_the_error(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "broken.json"
    source.write_text('{"nodes": [\n  {"nodeID": "1",\n}', encoding="utf-8")
    result = run_cli("import", str(source), "--from", "aif")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source.as_posix()}:3:1: error: not valid JSON")
    assert "[import-syntax]" in result.stderr


def test_import_of_latin1_text_is_a_diagnostic(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("1. Caf\xe9 thesis.\n".encode("latin-1"))
    result = run_cli("import", str(source), "--from", "kialo")
    assert result.exit_code == 1
    assert "[not-utf8]" in result.stderr
