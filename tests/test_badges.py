"""Every badge on every page means what the legend says (issue 10, section 3).

The legend: a reason supports the claim above it, an objection attacks it, a rebuttal attacks an
objection. These tests build every map in maps/ and examples/ with the real pipeline and check
each node's badge against the link it is drawn along, and each link's role against its two ends;
the rule is restated here on its own, not imported from argmap/page/badges.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.page.view import build_view_model
from argmap.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
ATTACKS = {"objection", "rebuttal", "undercut"}


def _models() -> list[tuple[str, dict[str, Any]]]:
    result = run([ROOT / "maps", ROOT / "examples"])
    return [(r.display, build_view_model(r.graph)) for r in result.maps if r.graph is not None]


MODELS = _models()


def expected_link_role(edge: dict[str, Any], source: dict[str, Any], target: dict[str, Any]) -> str:
    """What the legend calls this link, from what its ends are where they are drawn."""
    if edge["relation"] == "support":
        return "evidence" if source["kind"] == "evidence" else "reason"
    if edge["relation"] == "attack":
        if target["type"] == "argument":
            return "undercut"
        return "rebuttal" if target["badge"] in ATTACKS else "objection"
    return str(edge["relation"])


def expected_badge(role: str, node: dict[str, Any]) -> str:
    if role == "premise":
        return "evidence" if node["kind"] == "evidence" else "reason"
    return "argument" if role == "conclusion" else role


def test_the_maps_and_examples_are_all_there() -> None:
    names = [name for name, _ in MODELS]
    assert any(name.endswith("iran-us-negotiation.yaml") for name in names)
    assert len(MODELS) >= 14


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[name for name, _ in MODELS])
def test_every_badge_is_the_role_of_the_link_it_is_drawn_along(
    name: str, model: dict[str, Any]
) -> None:
    by_id = {n["id"]: n for n in model["nodes"]}
    for node in model["nodes"]:
        if "parent" not in node:
            assert node["badge"] in ("thesis", "claim", "evidence", "argument")
            if node["kind"] == "thesis":
                assert node["badge"] == "thesis", node["id"]
            continue
        parent = by_id[node["parent"]]
        ups = [e for e in model["edges"] if e["from"] == node["id"] and e["to"] == parent["id"]]
        assert ups, f"{name}: {node['id']} is drawn under {parent['id']} without a link"
        role = expected_link_role(ups[0], node, parent)
        assert node["badge"] == expected_badge(role, node), (name, node["id"], parent["id"])


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[name for name, _ in MODELS])
def test_every_link_has_the_same_role_wherever_it_is_listed(
    name: str, model: dict[str, Any]
) -> None:
    by_id = {n["id"]: n for n in model["nodes"]}
    for edge in model["edges"]:
        source, target = by_id[edge["from"]], by_id[edge["to"]]
        assert edge["role"] == expected_link_role(edge, source, target), (name, edge)
        # The legend's words: an attack on a thesis or a reason is never a rebuttal.
        if edge["relation"] == "attack" and target["badge"] in ("thesis", "reason", "evidence"):
            assert edge["role"] == "objection", (name, edge)


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[name for name, _ in MODELS])
def test_sides_follow_the_drawn_links(name: str, model: dict[str, Any]) -> None:
    """A reason is on its parent's side, an objection or rebuttal on the other."""
    by_id = {n["id"]: n for n in model["nodes"]}
    for node in model["nodes"]:
        parent = by_id.get(node.get("parent", ""))
        if parent is None or parent.get("side") not in ("pro", "con"):
            continue
        same = node["badge"] not in ATTACKS
        assert (node["side"] == parent["side"]) == same, (name, node["id"])


def test_the_same_link_gets_the_same_badge_on_every_page() -> None:
    """The combined map includes the article maps: a link they share reads the same in both."""
    roles: dict[tuple[str, str, str], set[str]] = {}
    for _name, model in MODELS:
        for edge in model["edges"]:
            roles.setdefault((edge["from"], edge["to"], edge["relation"]), set()).add(edge["role"])
    differing = {key: found for key, found in roles.items() if len(found) > 1}
    assert not differing
