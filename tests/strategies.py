"""Hypothesis strategies: random maps that are valid by construction, as YAML-ready dicts."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda t: t.strip() != "")


@st.composite
def valid_maps(draw: st.DrawFn, max_claims: int = 12) -> dict[str, Any]:
    """A map whose ids exist, links are distinct and never self-links or support+attack pairs.

    Each claim after the first links to one earlier claim, so the map is a tree rooted at the
    thesis (no orphans), plus some extra attacks between distinct pairs.
    """
    claim_ids = draw(st.lists(ids, min_size=1, max_size=max_claims, unique=True))
    claims: dict[str, dict[str, Any]] = {}
    linked: set[tuple[str, str]] = set()
    for index, key in enumerate(claim_ids):
        claim: dict[str, Any] = {"text": draw(texts)}
        if index == 0:
            claim["kind"] = "thesis"
        else:
            target = claim_ids[draw(st.integers(0, index - 1))]
            relation = draw(st.sampled_from(["supports", "attacks"]))
            claim[relation] = [target]
            linked.add((key, target))
        if draw(st.booleans()):
            claim["label"] = draw(texts)
        if draw(st.booleans()):
            claim["weight"] = draw(st.floats(0, 1))
        if draw(st.booleans()):
            claim["tags"] = draw(st.lists(ids, max_size=3))
        claims[key] = claim
    links = []
    for _ in range(draw(st.integers(0, 3))):
        source, target = draw(st.sampled_from(claim_ids)), draw(st.sampled_from(claim_ids))
        if source != target and (source, target) not in linked:
            linked.add((source, target))
            links.append({"from": source, "to": target, "type": "attack", "note": draw(texts)})
    document: dict[str, Any] = {"argmap": 1, "title": draw(texts), "claims": claims}
    if links:
        document["links"] = links
    return document
