"""Hypothesis strategies: random maps that are valid by construction, as YAML-ready dicts.

The one place the suite generates maps:

- :func:`valid_maps`: tree-shaped maps rooted at a thesis (no orphans) with a few extra attacks,
  random texts, labels, weights and tags;
- :func:`bipolar_maps`: maps with attack and support cycles, linked arguments (premises,
  conclusion, undercuts, backing) and link weights, for acceptability and exchange round trips;
- :func:`what_ifs`: rejected and accepted ids for the what-if of acceptability.

Both map generators take the strategy that draws their texts: :data:`texts` and
:data:`multiline_texts` for ordinary ones, :data:`hostile_texts` for texts made of what export
formats and their readers treat as syntax.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.format.models import ArgumentMap
from argmap.graph.building import ArgumentGraph, build_graph

ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda t: t.strip() != "")
# Any printable text, line breaks inside included (Kialo and YAML block texts have them); only
# leading and trailing blanks go, as argmap's loader drops them.
multiline_texts = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), whitelist_characters="\n"
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
# Pieces of syntax of the export formats (DOT, Argdown, Mermaid, Markdown, HTML, XML, YAML) and
# of their renderers (entities, escapes, directives, maths, icons), control characters, line
# breaks, right-to-left text and emoji: texts drawn from them test the escaping, the rest of
# Unicode (but lone surrogates, which no file can hold) tests everything else.
SYNTAX_PIECES = (
    "//", "/*", "--", "-->", "->", "<-", "+>", "<+", "_>", "[", "]", "<", ">", "(", ")", "{", "}",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\\", "\\n", "\\N", "\\l",
    '"', "'", "`", "```", "#", "#quot;", "&", "&lt;", "&amp;", "&#92;", "%%", "%%{init: {}}%%",
    "$$x$$", "fa:fa-car", "\ufb02\u00b0", "\u00b6\u00df", "*", "_", "~", "|", "@", "!", "=",
    "1.", "- ", "+ ", "> ", "---", "===", "...", ":", ";", ".A.", ":happy:", "\n", "\r\n",
    "\r", "\t", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u202e", "\u200f", "\ufeff",
    "שלום", "سلام", "😀", "👩‍🔬", "end", "subgraph", "javascript:", "http://x",
)  # fmt: skip
hostile_texts = (
    st.lists(
        st.sampled_from(SYNTAX_PIECES) | st.text(st.characters(exclude_categories=["Cs"])),
        min_size=1,
        max_size=8,
    )
    .map(lambda pieces: " ".join(pieces).strip())
    .filter(bool)
)
weights = st.sampled_from([0.0, 0.25, 0.5, 0.8, 1.0]) | st.floats(0, 1)


@st.composite
def valid_maps(
    draw: st.DrawFn, max_claims: int = 12, text: st.SearchStrategy[str] = texts
) -> dict[str, Any]:
    """A map whose ids exist, links are distinct and never self-links or support+attack pairs.

    Each claim after the first links to one earlier claim, so the map is a tree rooted at the
    thesis (no orphans), plus some extra attacks between distinct pairs. *text* draws the
    title, texts, labels and link notes.
    """
    claim_ids = draw(st.lists(ids, min_size=1, max_size=max_claims, unique=True))
    claims: dict[str, dict[str, Any]] = {}
    linked: set[tuple[str, str]] = set()
    for index, key in enumerate(claim_ids):
        claim: dict[str, Any] = {"text": draw(text)}
        if index == 0:
            claim["kind"] = "thesis"
        else:
            target = claim_ids[draw(st.integers(0, index - 1))]
            relation = draw(st.sampled_from(["supports", "attacks"]))
            claim[relation] = [target]
            linked.add((key, target))
        if draw(st.booleans()):
            claim["label"] = draw(text)
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
            links.append({"from": source, "to": target, "type": "attack", "note": draw(text)})
    document: dict[str, Any] = {"argmap": 1, "title": draw(text), "claims": claims}
    if links:
        document["links"] = links
    return document


@st.composite
def bipolar_maps(
    draw: st.DrawFn, max_claims: int = 9, text: st.SearchStrategy[str] | None = None
) -> dict[str, Any]:
    """A YAML-ready map dict with random supports, attacks, arguments and weights.

    Claims are "Claim cN." unless *text* draws their texts (and the title); then some claims
    are evidence and some have labels too, as exchange round trips must keep them.
    """
    count = draw(st.integers(1, max_claims))
    claim_ids = [f"c{i}" for i in range(count)]
    claims: dict[str, dict[str, Any]] = {
        c: {
            "text": draw(text) if text is not None else f"Claim {c}.",
            "kind": "thesis" if c == "c0" else "claim",
        }
        for c in claim_ids
    }
    for c in claim_ids:
        if draw(st.booleans()):
            claims[c]["weight"] = draw(weights)
        if text is not None and c != "c0" and draw(st.booleans()):
            claims[c]["kind"] = "evidence"
        if text is not None and draw(st.booleans()):
            claims[c]["label"] = draw(text)
    arguments: dict[str, dict[str, Any]] = {}
    if count >= 3:
        for index in range(draw(st.integers(0, 2))):
            chosen = draw(st.lists(st.sampled_from(claim_ids), min_size=3, max_size=4, unique=True))
            arguments[f"a{index}"] = {"premises": chosen[1:], "conclusion": chosen[0]}
    nodes = claim_ids + list(arguments)
    pairs: set[frozenset[str]] = set()
    links: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 3 * count))):
        source = draw(st.sampled_from(claim_ids))
        target = draw(st.sampled_from(nodes))
        if source == target or frozenset((source, target)) in pairs:
            continue
        if target in arguments and (
            source in arguments[target]["premises"] or source == arguments[target]["conclusion"]
        ):
            continue
        pairs.add(frozenset((source, target)))
        link: dict[str, Any] = {
            "from": source,
            "to": target,
            "type": draw(st.sampled_from(["attack", "attack", "support"])),
        }
        if draw(st.booleans()):
            link["weight"] = draw(weights)
        links.append(link)
    title = draw(text) if text is not None else "Random"
    document: dict[str, Any] = {"argmap": 1, "title": title, "claims": claims}
    if arguments:
        document["arguments"] = arguments
    if links:
        document["links"] = links
    return document


def graph_of(document: dict[str, Any]) -> ArgumentGraph:
    """The graph of a map dict made by :func:`bipolar_maps`."""
    return build_graph(ArgumentMap.model_validate(document))


@st.composite
def what_ifs(draw: st.DrawFn, ids: list[str]) -> tuple[list[str], list[str]]:
    """Rejected and accepted ids, disjoint."""
    rejected = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    rest = [i for i in ids if i not in rejected]
    accepted = draw(st.lists(st.sampled_from(rest), max_size=2, unique=True)) if rest else []
    return rejected, accepted
