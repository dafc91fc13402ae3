"""Every export read back by a real reader of its format, whatever the map's texts hold.

networkx reads GraphML and GEXF, Graphviz's ``dot`` lays out DOT (its SVG is what a reader
sees), @argdown/core reads Argdown and mermaid's own parser reads Mermaid (both in node, from
the npm devDependencies: tests/readers/), markdown-it (CommonMark) renders the outline. Texts,
ids and links must come back; nothing may come back as markup.

A missing reader skips its tests on a developer's machine; under ``CI`` it fails them, so CI
always checks (``.ci/run`` installs Graphviz and the npm packages before pytest).
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.exchange import EXPORTERS, export_map
from argmap.exchange.contract import wrap_label
from tests.strategies import SYNTAX_PIECES, bipolar_maps, graph_of, hostile_texts

ROOT = Path(__file__).parent.parent
READERS = Path(__file__).parent / "readers"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

# Fixed hostile texts, each in a map of its own beside the drawn ones
HOSTILE = [
    "nul\x00 bell\x07 esc\x1b[31m red del\x7f c1\x85\x9b end",
    "a // comment? /* and */ this",
    "-- inference -- and --> arrow -> <- +> <+ _> <_",
    "[title]: <argument>: [x](http://e.org) @[mention] #tag #(two words)",
    '<script>alert("x")</script> <img src=x onerror=alert(1)> <b>bold</b>',
    "back\\slash \\n \\N \\G \\l \\\\ double and lone \\",
    "quotes \"double\" 'single' `tick` ```fence```",
    "#quot; #35; &lt; &amp; &#92; &#128512; & alone",
    "%% not a comment %%{init: {'theme': 'dark'}}%% 100%",
    "line one\nline two\r\nline three\rline four",
    "עברית עם English ومعها عربي \u202eevil\u202c \u200f",
    "emoji 😀 family 👩‍👩‍👧 flag 🇺🇳 zwj\u200d",
    "\\",
    "$$x^2$$ fa:fa-car fab:fa-github ﬂ°°35¶ß",
    "1. numbered - dash + plus = eq > quote *em* _u_ ~s~ |pipe|",
    "end",
    "subgraph",
    "{data: 1} ===",
    "shortcodes .A. x :happy: .<. e.g. 1.5 a:b:c",
]


def require(available: bool, reason: str) -> None:
    """Skip when *reason*'s reader is missing, but fail under CI, which must check."""
    if available:
        return
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{reason}, and CI is set: CI must read every export back")
    pytest.skip(reason)


def hostile_graph(text: str) -> nx.MultiDiGraph[str]:
    """A small map whose title, texts, labels and an argument label are all *text*, with an
    undercut and an attack on a premise."""
    document = {
        "argmap": 1,
        "title": text,
        "claims": {
            "t": {"text": text, "kind": "thesis"},
            "r.1": {"text": text, "supports": ["t"]},
            "o_2": {"text": f"{text} objection", "attacks": ["t"], "label": text},
            "p-3": {"text": "Premise", "kind": "evidence"},
        },
        "arguments": {"a": {"premises": ["r.1", "p-3"], "conclusion": "t", "label": text}},
        "links": [
            {"from": "o_2", "to": "a", "type": "attack", "note": text},
            {"from": "o_2", "to": "p-3", "type": "attack"},
        ],
    }
    return graph_of(document)


def graphs_of_hostile_texts() -> list[nx.MultiDiGraph[str]]:
    return [hostile_graph(text) for text in HOSTILE]


hostile_maps = bipolar_maps(max_claims=6, text=hostile_texts)
# small maps (up to 6 claims), 100 per reader: each is one dot run or one line to a node reader
drawn = settings(max_examples=100)


def visible(text: str) -> str:
    """*text* as a format that cannot carry control characters shows it (white ones as spaces)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        (" " if c.isspace() else "") if unicodedata.category(c) == "Cc" and c != "\n" else c
        for c in text
    )


def spaced(text: str) -> str:
    return " ".join(text.split())


def js_trimmed(text: str) -> str:
    """*text* trimmed as JavaScript's String.trim does it (readers in node trim texts): its
    white space is Python's but U+001C-U+001F and U+0085, and U+FEFF."""
    return text.strip(
        " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    )


def claim_label(graph: nx.MultiDiGraph[str], node: str) -> str:
    attrs = graph.nodes[node]
    if attrs.get("type") == "argument":
        return str(attrs.get("label") or "together")
    return str(attrs.get("label") or attrs.get("text") or node)


def edge_pairs(graph: nx.MultiDiGraph[str]) -> Counter[tuple[str, str]]:
    return Counter((str(u), str(v)) for u, v in graph.edges())


# -- GraphML and GEXF: networkx ---------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """*text* as XML 1.0 can carry it: forbidden characters gone, line breaks as LF."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def check_xml_reader(graph: nx.MultiDiGraph[str], fmt: str) -> None:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    back = reader(io.BytesIO(str(export_map(graph, fmt)).encode("utf-8")))
    assert set(back) == set(graph)
    assert Counter((str(u), str(v)) for u, v in back.edges()) == edge_pairs(graph)
    for node, attrs in graph.nodes(data=True):
        got = back.nodes[node]
        if attrs.get("text"):
            assert got["text"] == xml_text(str(attrs["text"])), (fmt, node)
        label = claim_label(graph, node)
        if fmt == "graphml":  # networkx reads yEd's drawn label, which is wrapped
            label = wrap_label(label)
        assert (got.get("label") or "") == xml_text(label), (fmt, node)
    title = xml_text(str(graph.graph["title"]))
    if fmt == "graphml":
        assert back.graph["title"] == title


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_reads_hostile_texts_back(fmt: str) -> None:
    for graph in graphs_of_hostile_texts():
        check_xml_reader(graph, fmt)


@drawn
@given(hostile_maps)
def test_networkx_reads_drawn_maps_back(document: dict[str, Any]) -> None:
    graph = graph_of(document)
    for fmt in ("graphml", "gexf"):
        check_xml_reader(graph, fmt)


# -- DOT: Graphviz ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dot() -> str:
    path = shutil.which("dot")
    require(path is not None, "Graphviz's dot is not installed (Debian: apt-get install graphviz)")
    assert path is not None
    return path


def graphviz_svg(dot: str, source: str) -> ET.Element:
    """*source* laid out by Graphviz as SVG, which must come with no warning. (SVG, not JSON:
    Graphviz 2.43's -Tjson leaves a label's backslashes unescaped, which no JSON reader reads.)"""
    done = subprocess.run(
        [dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stderr == b"", done.stderr.decode("utf-8", "replace")
    return ET.fromstring(done.stdout)


def shown_lines(texts: list[ET.Element]) -> list[str]:
    """The lines Graphviz drew, spacing made even (it writes runs of spaces as no-break spaces),
    empty ones left out (it draws them between lines, not alone)."""
    return [line for line in (spaced("".join(t.itertext())) for t in texts) if line]


def lines_to_show(text: str) -> list[str]:
    """The lines of *text*, as Graphviz draws them (no empty one)."""
    return [spaced(line) for line in text.split("\n") if spaced(line)]


def check_graphviz(dot: str, graph: nx.MultiDiGraph[str]) -> None:
    svg = graphviz_svg(dot, str(export_map(graph, "dot")))
    drawn_graph = svg.find(f"{SVG}g")
    assert drawn_graph is not None
    groups = drawn_graph.findall(f"{SVG}g")
    nodes = {g.findtext(f"{SVG}title", ""): g for g in groups if g.get("class") == "node"}
    assert set(nodes) == set(graph)
    edges = Counter(g.findtext(f"{SVG}title", "") for g in groups if g.get("class") == "edge")
    assert edges == Counter(f"{u}->{v}" for u, v in graph.edges())
    title_lines = lines_to_show(visible(str(graph.graph["title"])))
    assert shown_lines(drawn_graph.findall(f"{SVG}text")) == title_lines
    for node, group in nodes.items():
        label = visible(claim_label(graph, node))
        if graph.nodes[node].get("type") != "argument":
            label = wrap_label(label, 30)
        expected = lines_to_show(label)
        assert shown_lines(list(group.iter(f"{SVG}text"))) == expected, node
        text = graph.nodes[node].get("text") if graph.nodes[node]["type"] == "claim" else None
        # Graphviz 2.43 applies escString rules twice to tooltips (\\N shows the node's name):
        # texts with a backslash are checked in the label only
        if text and "\\" not in str(text) and spaced(visible(str(text))):
            link = group.find(f".//{SVG}a")
            assert link is not None, node
            assert spaced(link.get(f"{XLINK}title") or "") == spaced(visible(str(text))), node


def test_graphviz_reads_hostile_texts(dot: str) -> None:
    for graph in graphs_of_hostile_texts():
        check_graphviz(dot, graph)


@drawn
@given(hostile_maps)
def test_graphviz_reads_drawn_maps(dot: str, document: dict[str, Any]) -> None:
    check_graphviz(dot, graph_of(document))


def test_dot_holds_no_control_character() -> None:
    out = str(export_map(hostile_graph(HOSTILE[0]), "dot"))
    assert not [c for c in out if unicodedata.category(c) == "Cc" and c != "\n"]


# -- Argdown and Mermaid: their own readers in node -------------------------------------------


class NodeReader:
    """A node script of tests/readers/ that reads one document per line, kept running."""

    def __init__(self, script: str) -> None:
        self.process = subprocess.Popen(
            ["node", str(READERS / script)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def read(self, text: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            assert self.process.stderr is not None
            pytest.fail(f"the reader stopped: {self.process.stderr.read()}")
        answer: dict[str, Any] = json.loads(line)
        assert "error" not in answer, answer["error"]
        return answer

    def close(self) -> None:
        self.process.communicate(timeout=30)  # closes stdin: the reader ends


def node_reader(script: str, package: str) -> Iterator[NodeReader]:
    require(shutil.which("node") is not None, "node is not installed")
    require(
        (ROOT / "node_modules" / package / "package.json").is_file(),
        f"the npm package {package} is not installed (npm ci)",
    )
    reader = NodeReader(script)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def argdown() -> Iterator[NodeReader]:
    yield from node_reader("argdown_read.mjs", "@argdown/core")


@pytest.fixture(scope="module")
def mermaid() -> Iterator[NodeReader]:
    yield from node_reader("mermaid_read.mjs", "mermaid")


def check_argdown(argdown: NodeReader, graph: nx.MultiDiGraph[str]) -> None:
    model = argdown.read(str(export_map(graph, "argdown")))
    assert model["errors"] == []
    assert model["title"] == str(graph.graph["title"])
    heading = js_trimmed(spaced(str(graph.graph["title"])))
    assert model["sections"][:1] == [heading]
    claims = [n for n, a in graph.nodes(data=True) if a.get("type") == "claim"]
    assert set(model["statements"]) == set(claims)
    for node in claims:
        text = spaced(str(graph.nodes[node]["text"]))
        assert model["statements"][node][:1] == [text], node
    arguments = {n for n, a in graph.nodes(data=True) if a.get("type") == "argument"}
    assert set(model["arguments"]) == arguments
    relations = {(a, b, kind) for a, b, kind in model["relations"]}
    for u, v, attrs in graph.edges(data=True):
        relation = "undercut" if attrs.get("undercut") else attrs.get("relation")
        if relation in ("support", "attack", "undercut") and u in claims:
            assert (u, v, relation) in relations, (u, v, relation)


def test_argdown_core_reads_hostile_texts(argdown: NodeReader) -> None:
    for graph in graphs_of_hostile_texts():
        check_argdown(argdown, graph)


@drawn
@given(hostile_maps)
def test_argdown_core_reads_drawn_maps(argdown: NodeReader, document: dict[str, Any]) -> None:
    check_argdown(argdown, graph_of(document))


def check_mermaid(mermaid: NodeReader, graph: nx.MultiDiGraph[str]) -> None:
    chart = mermaid.read(str(export_map(graph, "mermaid")))
    assert chart["title"] == str(graph.graph["title"])
    short = {node: f"n{i}" for i, node in enumerate(graph)}  # the export's documented ids
    assert set(chart["nodes"]) == set(short.values())
    for node, sid in short.items():
        label = visible(claim_label(graph, node))
        if graph.nodes[node].get("type") != "argument":
            label = wrap_label(label, 32) or node  # nothing visible: the export shows the id
        seen = chart["nodes"][sid]
        assert seen["elements"] == [], (node, seen)  # no markup came from the text
        assert not seen["maths"], (node, seen)
        assert not seen["icon"], (node, seen)
        # mermaid trims the label, <br> and all (\x00 stands for <br>: the text has none)
        expected = js_trimmed("\x00".join(line.strip() for line in label.splitlines()))
        assert seen["text"] == expected.replace("\x00", "\n"), node
    drawn_as = {"attack": "dotted", "premise": "line"}  # supports and conclusions: arrows
    expected_edges = [
        (short[u], short[v], drawn_as.get(str(attrs.get("relation", key)), "arrow"))
        for u, v, key, attrs in graph.edges(keys=True, data=True)
    ]
    assert [
        (
            start,
            end,
            "dotted" if stroke == "dotted" else "line" if kind == "arrow_open" else "arrow",
        )
        for start, end, kind, stroke, _label in chart["edges"]
    ] == expected_edges


def test_mermaid_reads_hostile_texts(mermaid: NodeReader) -> None:
    for graph in graphs_of_hostile_texts():
        check_mermaid(mermaid, graph)


@drawn
@given(hostile_maps)
def test_mermaid_reads_drawn_maps(mermaid: NodeReader, document: dict[str, Any]) -> None:
    check_mermaid(mermaid, graph_of(document))


# -- the Markdown outline: a CommonMark renderer ----------------------------------------------

_MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "li", "strong", "em", "blockquote", "a"}
_SAFE_SCHEMES = ("http:", "https:", "mailto:")


class _Rendered(HTMLParser):
    """The elements of rendered Markdown, and each list item's own text (not its sublists')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.items: list[list[str]] = []
        self.open_items: list[list[str]] = []
        self.in_sublist = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        if tag == "li":
            self.open_items.append([])
        elif tag == "ul" and self.open_items:
            self.in_sublist += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self.open_items:
            self.items.append(self.open_items.pop())
        elif tag == "ul" and self.in_sublist:
            self.in_sublist -= 1

    def handle_data(self, data: str) -> None:
        if self.open_items:
            self.open_items[-1].append(data)


def rendered_outline(graph: nx.MultiDiGraph[str]) -> _Rendered:
    require(
        importlib.util.find_spec("markdown_it") is not None,
        "markdown-it-py is not installed (pip install -e '.[test]')",
    )
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(str(export_map(graph, "outline")))
    rendered = _Rendered()
    rendered.feed(html)
    rendered.close()
    return rendered


def check_outline(graph: nx.MultiDiGraph[str]) -> None:
    rendered = rendered_outline(graph)
    for tag, attributes in rendered.elements:
        assert tag in _MARKDOWN_TAGS, tag
        for name, value in attributes:
            assert (tag, name) == ("a", "href")
            assert (value or "").lower().startswith(_SAFE_SCHEMES), value
    items = [spaced("".join(parts)) for parts in rendered.items]
    said = [item.partition(":")[2].strip() for item in items]  # "Reason: text — Ana, *Source*"
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "claim":
            continue
        text = spaced(visible(str(attrs["text"])))
        assert any(
            rest == text or rest.startswith((f"{text} — ", f"{text} (see above)")) for rest in said
        ), (node, text)


def test_commonmark_renders_hostile_outlines_as_text() -> None:
    for graph in graphs_of_hostile_texts():
        check_outline(graph)


@drawn
@given(hostile_maps)
def test_commonmark_renders_drawn_outlines_as_text(document: dict[str, Any]) -> None:
    check_outline(graph_of(document))


@settings(max_examples=100)
@given(
    url=st.sampled_from(SYNTAX_PIECES) | st.text(),
    scheme=st.sampled_from(
        ["https://", "http://", "mailto:", "javascript:", " JavaScript:", "data:", "file:///", ""]
    ),
)
def test_outline_links_only_what_the_page_links(url: str, scheme: str) -> None:
    assume((scheme + url).strip())
    document = {
        "argmap": 1,
        "title": "Links",
        "sources": {"s": {"title": "A source", "url": scheme + url}},
        "claims": {"t": {"text": "Thesis", "kind": "thesis", "source": "s"}},
    }
    rendered = rendered_outline(graph_of(document))
    links = [dict(attrs).get("href") for tag, attrs in rendered.elements if tag == "a"]
    assert all((h or "").lower().startswith(_SAFE_SCHEMES) for h in links), links
    assert {tag for tag, _ in rendered.elements} <= _MARKDOWN_TAGS


# -- no path of the building machine ----------------------------------------------------------


def test_no_export_or_page_names_the_machine(
    tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "work"
    (folder / "maps").mkdir(parents=True)
    (folder / "maps" / "map.yaml").write_text(
        "argmap: 1\ntitle: T\nclaims:\n  t: {text: Thesis, kind: thesis}\n"
        "  r: {text: Reason, supports: [t]}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    machine = [str(tmp_path.resolve()), str(Path.home())]
    assert run_cli("build", "maps", "-o", "site").exit_code == 0
    assert run_cli("build", str(folder / "maps"), "-o", str(folder / "site2")).exit_code == 0
    outputs = [p for site in ("site", "site2") for p in (folder / site).rglob("*") if p.is_file()]
    for fmt, exporter in EXPORTERS.items():
        for source in ("maps/map.yaml", str(folder / "maps" / "map.yaml")):
            target = folder / f"out-{fmt}-{len(source)}{exporter.suffix}"
            result = run_cli("export", source, "--to", fmt, "-o", str(target))
            assert result.exit_code == 0, (fmt, result.stdout)
            outputs.append(target)
    assert outputs
    for path in outputs:
        data = path.read_bytes()
        for name in machine:
            assert name.encode("utf-8") not in data, (path.name, name)
