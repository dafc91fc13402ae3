"""Exporters: every format is well-formed and escapes every string for its own syntax."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from argmap.exchange import EXPORTERS, export_map
from argmap.exchange.dot import dot_string
from argmap.exchange.mermaid import mermaid_label
from argmap.graph.building import build_graph
from argmap.pipeline import load

FIXTURES = Path(__file__).parent / "fixtures" / "exchange"
SAMPLE = FIXTURES / "sample-map.yaml"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    argument_map, diagnostics = load(SAMPLE)
    assert argument_map is not None, diagnostics
    return build_graph(argument_map)


def _named_nodes(fmt: str, out: str) -> set[str]:
    """The node ids (or, where a format keeps no ids, the claim texts) a format's output holds,
    read the way that format's own reader would, not by substring."""
    if fmt == "json":
        return {node["id"] for node in json.loads(out)["nodes"]}
    if fmt in ("graphml", "gexf"):
        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        return set(reader(io.BytesIO(out.encode("utf-8"))).nodes)
    if fmt == "dot":
        return set(re.findall(r'^  "([^"]+)" \[', out, re.M))
    if fmt == "mermaid":
        return set(re.findall(r"%% (\S+)", out))
    if fmt == "aif":
        return {node["text"] for node in json.loads(out)["nodes"] if node["type"] == "I"}
    if fmt == "argdown":
        return set(re.findall(r"\[([^\]]+)\]:", out)) | set(re.findall(r"<([^>]+)>:", out))
    if fmt == "outline":  # one list item per claim or argument, each with its own text
        return set(re.findall(r"^ *- \*\*[A-Za-z ]+:\*\* (.+?)(?: —|$)", out, re.M))
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", sorted(n for n, f in EXPORTERS.items() if not f.binary))
def test_every_format_names_every_node(graph: nx.MultiDiGraph, fmt: str) -> None:
    out = export_map(graph, fmt)
    assert out.endswith("\n")
    named = _named_nodes(fmt, out)
    claims = [n for n, attrs in graph.nodes(data=True) if attrs["type"] == "claim"]
    if fmt == "aif":  # AIF keeps texts, not ids: every claim's text is an I-node
        assert {graph.nodes[n]["text"] for n in claims} <= named
    elif fmt == "outline":  # every claim and argument once, as an item of its own
        assert len(named) == graph.number_of_nodes()
    elif fmt == "argdown":  # statements by id; linked arguments are drawn as premise lists
        assert set(claims) <= named
    else:
        assert named == set(graph)


def test_unknown_format_is_a_value_error(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="unknown export format 'docx'"):
        export_map(graph, "docx")


def test_json_is_versioned_node_link(graph: nx.MultiDiGraph) -> None:
    data = json.loads(export_map(graph, "json"))
    assert (data["format"], data["version"]) == ("argmap-graph", 1)
    back = nx.node_link_graph(data, edges="links")
    assert set(back) == set(graph)
    assert back.number_of_edges() == graph.number_of_edges()
    node = next(n for n in data["nodes"] if n["id"] == "cost")
    assert node["span"]["line"] > 1
    assert data["graph"]["title"] == 'School uniforms: "yes" & <no>?'


def test_json_lists_premises_in_written_order(graph: nx.MultiDiGraph) -> None:
    data = json.loads(export_map(graph, "json"))
    premises = [e["source"] for e in data["links"] if e["key"] == "premise"]
    assert premises == ["equality", "bullying"]


def test_graphml_reads_back_in_networkx(graph: nx.MultiDiGraph) -> None:
    out = export_map(graph, "graphml")
    back = nx.read_graphml(io.BytesIO(out.encode("utf-8")))
    assert set(back) == set(graph)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["cost"]["text"] == "Uniforms cost < $100 & last two years."
    assert back.nodes["bullying"]["tags"] == "wellbeing, a,b"
    assert back.graph["title"] == 'School uniforms: "yes" & <no>?'
    undercut = [d for _, _, d in back.edges(data=True) if d.get("undercut")]
    assert len(undercut) == 1


def test_graphml_carries_yed_labels(graph: nx.MultiDiGraph) -> None:
    root = ET.fromstring(export_map(graph, "graphml"))
    labels = [e.text for e in root.iter("{http://www.yworks.com/xml/graphml}NodeLabel")]
    assert "Require uniforms" in labels


def test_gexf_is_well_formed_and_escaped(graph: nx.MultiDiGraph) -> None:
    out = export_map(graph, "gexf")
    assert "&lt; $100 &amp;" in out
    root = ET.fromstring(out)
    ns = "{http://gexf.net/1.3}"
    assert len(list(root.iter(f"{ns}node"))) == graph.number_of_nodes()
    assert len(list(root.iter(f"{ns}edge"))) == graph.number_of_edges()
    back = nx.read_gexf(io.BytesIO(out.encode("utf-8")))
    assert back.number_of_nodes() == graph.number_of_nodes()


def test_xml_exports_drop_control_characters() -> None:
    g = nx.MultiDiGraph(title="bell\x07")
    g.add_node("a", type="claim", role="thesis", text="nul\x00 here", label="x")
    for fmt in ("graphml", "gexf"):
        ET.fromstring(export_map(g, fmt))  # would raise on a control character


def test_dot_escapes_quotes_backslashes_and_newlines() -> None:
    assert dot_string('say "hi"\\now\nthen') == '"say \\"hi\\"\\\\now\\nthen"'


def test_dot_has_balanced_quotes_on_every_line(graph: nx.MultiDiGraph) -> None:
    out = export_map(graph, "dot")
    assert out.startswith("digraph argmap {")
    for line in out.splitlines():
        unescaped = re.sub(r"\\.", "", line)
        assert unescaped.count('"') % 2 == 0, line
    assert "style=dotted" in out  # the undercut
    assert '"equality" -> "equality-argument" [color="#555555", arrowhead=none]' in out


def test_mermaid_label_escapes_its_syntax() -> None:
    label = mermaid_label('a "b" #c <d> `e` & f\nnext')
    assert label == '"a #quot;b#quot; #35;c #lt;d#gt; #96;e#96; #amp; f<br>next"'


def test_mermaid_lines_are_safe(graph: nx.MultiDiGraph) -> None:
    out = export_map(graph, "mermaid")
    assert "flowchart BT" in out
    for line in out.splitlines():
        if line.strip().startswith("n") and "[" in line:
            inner = line[line.index('"') + 1 : line.rindex('"')]
            assert '"' not in inner, line
            assert "<d" not in inner, line
    assert "-.->|undercuts|" in out


def test_outline_escapes_markdown_and_follows_the_tree(graph: nx.MultiDiGraph) -> None:
    out = export_map(graph, "outline")
    lines = out.splitlines()
    assert lines[0] == '# School uniforms: "yes" & \\<no\\>?'
    assert any(line.startswith("- **Thesis:** Schools should require") for line in lines)
    assert "  - **Objection:** Uniforms suppress self-expression; pupils say so" in out
    assert "    - **Rebuttal:** Pupils can still" in out
    assert "\\#equality \\[1\\]" in out
    assert "## Sources" in out
    assert "*Parents' survey & report*" in out


def test_outline_writes_a_long_chain_without_recursion() -> None:
    g = nx.MultiDiGraph(title="chain")
    g.add_node("c0", type="claim", kind="thesis", role="thesis", text="c0")
    for i in range(1, 5000):
        g.add_node(f"c{i}", type="claim", kind="claim", role="reason", text=f"c{i}")
        g.add_edge(f"c{i}", f"c{i - 1}", key="support", relation="support")
    out = export_map(g, "outline")
    assert out.count("**Reason:**") == 4999


def test_aif_structure(graph: nx.MultiDiGraph) -> None:
    data = json.loads(export_map(graph, "aif"))
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    edges = [(e["fromID"], e["toID"]) for e in data["edges"]]
    # the linked argument is one RA node with both premises
    assert types["equality-argument"] == "RA"
    assert ("equality", "equality-argument") in edges
    assert ("bullying", "equality-argument") in edges
    assert ("equality-argument", "uniforms") in edges
    # the undercut is a CA node pointing at the RA node
    undercuts = [v for u, v in edges if types.get(u) == "CA" and types.get(v) == "RA"]
    assert undercuts == ["equality-argument"]
    # speakers are L nodes anchored by YA nodes, with locutions
    assert {loc["personID"] for loc in data["locutions"]} == {"ana", "ben"}
    l_texts = [n["text"] for n in data["nodes"] if n["type"] == "L"]
    assert 'Ana "the head" Díaz : Schools should require "uniforms" for all pupils.' in l_texts


def test_argdown_text(graph: nx.MultiDiGraph) -> None:
    out = export_map(graph, "argdown")
    assert '[uniforms]: Schools should require "uniforms" for all pupils.' in out
    assert "  - [expression]: Uniforms suppress self-expression; pupils say so" in out
    assert "\\{and\\} bags\\\\backslash" in out
    assert "(1) [equality]: Uniforms hide differences in wealth \\#equality \\[1\\].\n" in out
    assert "(2) [bullying]: Visible" in out
    assert "-- practical reasoning --\n(3) [uniforms]\n" in out
    assert "_ [brands]" in out
