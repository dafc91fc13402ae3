"""``argmap lint`` and ``validate --lint``: map-quality warnings by line, column and code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.format.models import ArgumentMap
from argmap.lint import CHECKS
from tests.conftest import CliResult
from tests.strategies import graph_of, valid_maps

HEAD = "argmap: 1\ntitle: T\n"


def _lines(result: CliResult) -> list[str]:
    return result.stdout.splitlines()


def _codes(result: CliResult) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in _lines(result)]


@pytest.fixture
def lint(run_cli, write_map) -> Callable[..., CliResult]:
    def run(text: str, *args: str) -> CliResult:
        path = write_map(HEAD + text)
        return run_cli("lint", *args, str(path))

    return run


def test_a_bundled_reason_is_flagged_at_the_claims_text(lint) -> None:
    result = lint("claims:\n  t:\n    kind: thesis\n    text: Tea is best because it calms.\n")
    assert len(_lines(result)) == 1
    assert ":6:11: warning: claim 't' bundles a reason with its conclusion ('because')" in (
        result.stdout
    )
    assert result.exit_code == 0
    assert lint("claims:\n  t: {text: Tea is best because it calms., kind: thesis}\n", "--strict")


@pytest.mark.parametrize(
    "text",
    [
        "Taxes should rise, and spending should fall.",
        "Taxes should rise; spending should fall.",
        "Tea calms the nerves. It is also cheaper than coffee.",
        "Prices rose, so wages must rise too.",
        "Wages rose and therefore prices rose.",
    ],
)
def test_two_claims_in_one_box_are_flagged(lint, text: str) -> None:
    result = lint(f"claims:\n  t: {{text: '{text}', kind: thesis}}\n")
    assert _codes(result) == ["bundled-claim"], text


@pytest.mark.parametrize(
    "text",
    [
        "Tea and coffee are both drinks.",
        "Bread and butter is a good breakfast.",
        "The choice between compromise and negotiation: talks are possible.",
        "In 2020 the US killed Lt. Gen. Qasem Soleimani, commander of the Quds Force.",
        "A side that stops because it is invited to talk has been deceived.",
        "Prices rose because of the war.",
        "Is tea better? Most people think so.",
        "It is true that cats and dogs are pets.",
    ],
)
def test_one_claim_is_not_flagged(lint, text: str) -> None:
    result = lint(f"claims:\n  t: {{text: '{text}', kind: thesis}}\n")
    assert result.stdout == "", text


def test_persian_reason_markers_and_joined_clauses(lint) -> None:
    bundled = (
        "claims:\n  t: {text: مذاکره بی‌فایده است زیرا آمریکا به تعهداتش عمل نمی‌کند., "
        "kind: thesis}\n"
    )
    assert _codes(lint("lang: fa\n" + bundled)) == ["bundled-claim"]
    joined = "claims:\n  t: {text: تمرین در کلاس اثر دارد و تکلیف خانه لازم نیست., kind: thesis}\n"
    assert _codes(lint("lang: fa\n" + joined)) == ["bundled-claim"]
    single = "claims:\n  t: {text: چای و قهوه هر دو نوشیدنی هستند., kind: thesis}\n"
    assert lint("lang: fa\n" + single).stdout == ""


def test_a_reason_that_restates_its_target(lint) -> None:
    result = lint(
        "claims:\n  t: {text: Homework should be banned., kind: thesis}\n"
        "  r: {text: Banning homework is what should happen., supports: [t]}\n"
    )
    assert _lines(result) == [
        f"{result.stdout.split(':')[0]}:5:13: warning: claim 'r' only restates 't', which it "
        "supports: a reason must say something its conclusion does not [restated-support]"
    ]
    different = lint(
        "claims:\n  t: {text: Homework should be banned., kind: thesis}\n"
        "  r: {text: Homework widens the gap between pupils., supports: [t]}\n"
    )
    assert different.stdout == ""


SYLLOGISM = (
    "claims:\n  t: {{text: Socrates is mortal., kind: thesis}}\n  p1: {{text: {p1}}}\n"
    "  p2: {{text: {p2}}}\narguments:\n  a: {{premises: [p1, p2], conclusion: t}}\n"
)


def test_the_rabbit_rule_names_the_conclusions_missing_word(lint) -> None:
    result = lint(SYLLOGISM.format(p1="Socrates is a man.", p2="Every man breathes."))
    assert "rabbit-rule" in _codes(result)
    line = next(x for x in _lines(result) if x.endswith("[rabbit-rule]"))
    assert ":4:13: warning: the conclusion of argument 'a' says 'mortal'" in line


def test_the_holding_hands_rule_names_the_lonely_word(lint) -> None:
    result = lint(SYLLOGISM.format(p1="Socrates is a philosopher.", p2="Every man is mortal."))
    lines = [x for x in _lines(result) if x.endswith("[holding-hands]")]
    assert len(lines) == 2  # 'philosopher' alone in p1, 'man' alone in p2
    assert ":5:14: warning: premise 'p1' of argument 'a' says 'philosopher'" in lines[0]
    assert lint(SYLLOGISM.format(p1="Socrates is a man.", p2="Every man is mortal.")).stdout == ""


def test_stemming_joins_forms_of_one_word(lint) -> None:
    good = SYLLOGISM.format(p1="Socrates negotiated.", p2="Whoever negotiates is mortal.")
    assert lint(good).stdout == ""


def test_an_objection_to_a_thesis_nothing_answers(lint) -> None:
    text = (
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  dear: {text: Good tea is dear., attacks: [t]}\n"
    )
    result = lint(text)
    assert _codes(result) == ["unanswered-objection"]
    assert ":5:16:" in result.stdout
    answered = text + "  bulk: {text: Loose tea bought in bulk is cheap., attacks: [dear]}\n"
    assert lint(answered).stdout == ""


def test_claims_of_a_sourced_map_need_a_source_or_quote(lint) -> None:
    text = (
        "sources:\n  s: {title: A study}\nclaims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  calm: {text: Tea calms., supports: [t]}\n"
        "  cited: {text: Tea is cheap., supports: [t], source: s}\n"
        "  quoted: {text: Tea is warm., supports: [t], quote: tea is warm}\n"
    )
    result = lint(text)
    assert _codes(result) == ["unsourced-claim"]
    assert ":7:16: warning: claim 'calm' has neither a source nor a quote" in result.stdout


def test_evidence_needs_a_quote_or_a_locator(lint) -> None:
    text = (
        "claims:\n  t: {text: Tea is best., kind: thesis}\n"
        "  e1: {text: A trial found tea calms., kind: evidence, supports: [t]}\n"
        "  e2: {text: A survey found tea cheap., kind: evidence, supports: [t], locator: p. 4}\n"
    )
    result = lint(text)
    assert _codes(result) == ["evidence-without-quote"]
    assert ":5:14:" in result.stdout


def test_another_language_is_skipped_with_one_note(lint) -> None:
    result = lint(
        "lang: de\nclaims:\n  t: {text: Tee ist am besten weil er beruhigt., kind: thesis}\n"
    )
    assert _lines(result)[0].endswith("[lint-language]")
    assert ":3:7: info: lang 'de'" in result.stdout
    assert len(_lines(result)) == 1
    assert result.exit_code == 0


BUNDLED = "claims:\n  t: {text: Tea is best because it calms., kind: thesis}\n"


def test_a_lint_block_switches_a_check_off_or_sets_its_severity(lint) -> None:
    assert lint("lint: {bundled-claim: off}\n" + BUNDLED).stdout == ""
    assert lint("lint:\n  bundled-claim: false\n" + BUNDLED).stdout == ""
    result = lint("lint: {bundled-claim: error}\n" + BUNDLED)
    assert ": error: " in result.stdout
    assert result.exit_code == 1


def test_a_misspelt_code_in_the_lint_block_is_an_unknown_key(lint) -> None:
    result = lint("lint: {bundled-claims: off}\n" + BUNDLED)
    assert result.exit_code == 1
    assert (
        ":3:8: error: unknown key 'bundled-claims'; did you mean 'bundled-claim'? [unknown-key]"
        in result.stdout
    )


def test_the_command_line_disables_and_reenables(lint) -> None:
    assert lint(BUNDLED, "--disable", "bundled-claim").stdout == ""
    assert _codes(lint("lint: {bundled-claim: off}\n" + BUNDLED, "--enable", "bundled-claim")) == [
        "bundled-claim"
    ]
    misuse = lint(BUNDLED, "--disable", "bundled")
    assert misuse.exit_code == 2
    assert "'bundled' is not one of" in misuse.stderr


def test_an_included_files_block_governs_its_own_claims(run_cli, tmp_path: Path) -> None:
    (tmp_path / "part.yaml").write_text(
        HEAD + "lint: {bundled-claim: off}\nclaims:\n"
        "  p: {text: Milk is good because it is white., kind: thesis}\n",
        encoding="utf-8",
    )
    (tmp_path / "main.yaml").write_text(
        HEAD + "include: [part.yaml]\nclaims:\n"
        "  t: {text: Tea is best because it calms., kind: thesis, attacks: [p]}\n",
        encoding="utf-8",
    )
    result = run_cli("lint", "--disable", "unanswered-objection", str(tmp_path / "main.yaml"))
    assert _codes(result) == ["bundled-claim"]
    assert "main.yaml:5:" in result.stdout


def test_validate_runs_the_lint_only_when_asked(run_cli, write_map) -> None:
    path = write_map(HEAD + BUNDLED)
    assert run_cli("validate", str(path)).stdout == ""
    assert _codes(run_cli("validate", "--lint", str(path))) == ["bundled-claim"]
    as_json = json.loads(run_cli("validate", "--lint", "--format", "json", str(path)).stdout)
    assert [d["code"] for d in as_json["diagnostics"]] == ["bundled-claim"]


def test_an_invalid_map_gets_its_errors_not_a_lint(run_cli, write_map) -> None:
    path = write_map(HEAD + "claims:\n  t: {txt: Tea is best because it calms.}\n")
    result = run_cli("lint", str(path))
    assert result.exit_code == 1
    assert _codes(result) == ["unknown-key"]


def test_the_registry_of_checks_matches_the_codes_and_the_lint_block() -> None:
    from argmap.format.diagnostics import CODES, LINT_CODES
    from argmap.format.models import LintSettings, known_keys
    from argmap.lint import CHECKS

    assert list(CHECKS) == list(LINT_CODES)
    assert sorted(known_keys(LintSettings)) == sorted(LINT_CODES)
    for code, check in CHECKS.items():
        assert code in CODES
        assert check.doc, f"{code} has no docstring"


def test_the_projects_examples_are_clean_under_strict_lint(run_cli) -> None:
    examples = Path(__file__).parent.parent / "examples"
    result = run_cli("lint", "--strict", str(examples))
    assert (result.exit_code, result.stdout) == (0, "")


@given(valid_maps(), st.sampled_from(["en", "fa", "de"]))
def test_the_lint_reads_any_text_without_failing(document: dict, lang: str) -> None:
    from argmap.lint import lint_map

    document = {**document, "lang": lang}
    found = lint_map(ArgumentMap.model_validate(document), graph_of(document))
    assert all(d.code in CHECKS for d in found)


PERSIAN_ARGUMENT = (
    "lang: fa\nclaims:\n  t: {{text: کتاب خوب است., kind: thesis}}\n"
    "  p1: {{text: {p1}}}\n  p2: {{text: هر چه همه می‌خوانند خوب است.}}\n"
    "arguments:\n  a: {{premises: [p1, p2], conclusion: t}}\n"
)


def test_persian_words_are_split_on_zwnj_and_stemmed(lint) -> None:
    # 'کتاب‌ها' (books, joined by a zero-width non-joiner) is 'کتاب' (book); 'می' is a prefix
    assert lint(PERSIAN_ARGUMENT.format(p1="کتاب‌ها را همه می‌خوانند.")).stdout == ""
    result = lint(PERSIAN_ARGUMENT.format(p1="مجله‌ها را همه می‌خوانند."))
    assert sorted(_codes(result)) == ["holding-hands", "rabbit-rule"]
    assert "says 'کتاب'" in result.stdout
