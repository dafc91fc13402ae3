"""AIF JSON (Argument Interchange Format) as served by AIFdb and saved by OVA, both ways.

Export: a claim is an I-node; a linked argument is one RA-node with an edge from each premise and
an edge to its conclusion; a plain support is an RA-node of its own, an attack a CA-node (an
undercut is a CA-node pointing at the argument's RA-node). A claim's speaker becomes an L-node
("Name : text") anchored to the I-node by a YA-node ("Asserting"), with a ``locutions`` entry.

Import reads plain ``{nodes, edges, locutions}`` and OVA3's ``{"AIF": {...}, "OVA": {...}}``:

- I-nodes become claims (the node id is kept when it is a readable id, else a slug of the text);
- RA-nodes become arguments: one premise gives a plain support, several a linked argument;
- CA-nodes become attacks; a CA-node pointing at an RA-node is an undercut of that argument;
- MA-nodes (rephrase) become a note on the rephrasing claim;
- L-nodes anchored by YA-nodes give the claim's speaker (the name before " : ");
- TA-nodes (dialogue transitions) carry no argument structure and are skipped;
- any other node type is reported (``import-unsupported``), never dropped silently.

Examples
--------
>>> text = '''{"nodes": [
...   {"nodeID": "1", "text": "Taxes should rise.", "type": "I"},
...   {"nodeID": "2", "text": "Schools need money.", "type": "I"},
...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
...  "edges": [{"edgeID": "a", "fromID": "2", "toID": "3"},
...            {"edgeID": "b", "fromID": "3", "toID": "1"}], "locutions": []}'''
>>> data, problems = import_aif(text)
>>> data["claims"]["schools-need-money"]["supports"]
['taxes-should-rise']
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import PurePath
from typing import Any, TypedDict

import networkx as nx

from argmap.format.diagnostics import Diagnostic, Severity

from .builder import MapBuilder
from .contract import conclusion, link_edges, node_text, premises
from .jsontext import as_list, read_json

__all__ = ["export_aif", "import_aif"]

_DEFAULT_INFERENCE = "Default Inference"
_DEFAULT_CONFLICT = "Default Conflict"
_KNOWN_SKIPPED = {"TA"}
# SADFace scheme names that mean a conflict; any other scheme is an inference (RA)
_SADFACE_CONFLICTS = {"conflict", "attack", "rebuttal", "rebut", "undercut", "undercutter"}
_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_NODE_ID_AT = re.compile(r'"(?:nodeID|id)"\s*:\s*"?([^",}\s]+)')


# -- export ----------------------------------------------------------------------------------


def export_aif(graph: nx.MultiDiGraph[str]) -> str:
    """The graph as AIF JSON (``nodes``, ``edges``, ``locutions``), readable by OVA and AIFdb."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    speakers: dict[str, Any] = graph.graph.get("speakers") or {}

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": f"e{len(edges) + 1}", "fromID": source, "toID": target, "formEdgeID": None}
        )

    for n, attrs in graph.nodes(data=True):
        if attrs.get("type") == "argument":
            scheme = attrs.get("scheme")
            node = {"nodeID": n, "text": scheme or _DEFAULT_INFERENCE, "type": "RA"}
            if scheme:
                node["scheme"] = scheme
            nodes.append(node)
            continue
        nodes.append({"nodeID": n, "text": node_text(graph, n), "type": "I", **_extras(attrs)})
        speaker = attrs.get("speaker")
        if speaker:
            info = speakers.get(speaker) or {}
            name = info.get("name") if isinstance(info, dict) else None
            lid, yid = f"L:{n}", f"YA:{n}"
            nodes.append(
                {"nodeID": lid, "text": f"{name or speaker} : {node_text(graph, n)}", "type": "L"}
            )
            nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA"})
            edge(lid, yid)
            edge(yid, n)
            locutions.append({"nodeID": lid, "personID": speaker})
    for n, attrs in graph.nodes(data=True):
        if attrs.get("type") == "argument":
            for p in premises(graph, n):
                edge(p, n)
            c = conclusion(graph, n)
            if c is not None:
                edge(n, c)
    counts = {"support": 0, "attack": 0}
    for u, v, relation, _attrs in link_edges(graph):
        counts[relation] += 1
        if relation == "support":
            sid = f"RA:{counts[relation]}"
            nodes.append({"nodeID": sid, "text": _DEFAULT_INFERENCE, "type": "RA"})
        else:
            sid = f"CA:{counts[relation]}"
            nodes.append({"nodeID": sid, "text": _DEFAULT_CONFLICT, "type": "CA"})
        edge(u, sid)
        edge(sid, v)
    data = {"nodes": nodes, "edges": edges, "locutions": locutions, **_metadata(graph)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _extras(attrs: dict[str, Any]) -> dict[str, Any]:
    """What AIF has no field for, under a key of argmap's own (AIF tools ignore it): the kind
    (thesis, claim, evidence) and a label that differs from the text."""
    extra: dict[str, Any] = {"kind": str(attrs.get("kind") or "claim")}
    label = attrs.get("label")
    if label and label != attrs.get("text"):
        extra["label"] = str(label)
    return {"argmap": extra}


def _metadata(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """The map's title and summary where SADFace keeps them (``metadata.core``)."""
    core = {"title": str(graph.graph.get("title") or "")}
    if graph.graph.get("summary"):
        core["description"] = str(graph.graph["summary"])
    return {"metadata": {"core": core}} if core["title"] else {}


# -- import ----------------------------------------------------------------------------------


def _node_positions(text: str) -> dict[str, tuple[int, int]]:
    """Line and column of each ``"nodeID": ...`` in the file, for diagnostics."""
    positions: dict[str, tuple[int, int]] = {}
    line, last_nl = 1, -1
    scanned = 0
    for match in _NODE_ID_AT.finditer(text):
        start = match.start()
        line += text.count("\n", scanned, start)
        nl = text.rfind("\n", 0, start)
        last_nl = nl if nl >= 0 else -1
        scanned = start
        positions.setdefault(match.group(1), (line, start - last_nl))
    return positions


def _scalar(value: Any) -> str:
    """A JSON string or number as text; anything else (lists, objects, null) as ''."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _endpoint(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id", value.get("nodeID"))
    return _scalar(value) or None


def _type_and_text(node: dict[str, Any]) -> tuple[str, str]:
    """A node's AIF type and text; SADFace's atoms are I-nodes, its schemes RA- or CA-nodes.

    >>> _type_and_text({"type": "scheme", "name": "conflict"})
    ('CA', 'Default Conflict')
    >>> _type_and_text({"type": "atom", "text": "Tea is best."})
    ('I', 'Tea is best.')
    """
    kind = _scalar(node.get("type")).upper()
    text = _scalar(node.get("text"))
    if kind == "ATOM":
        return "I", text
    if kind == "SCHEME":
        name = _scalar(node.get("name")).strip()
        if name.lower() in _SADFACE_CONFLICTS:
            return "CA", _DEFAULT_CONFLICT
        return "RA", _DEFAULT_INFERENCE if name.lower() in ("", "support") else name
    return kind, text


def _readable_id(node_id: str) -> str | None:
    """AIFdb's numeric ids and SADFace's UUIDs make poor claim ids; readable ones are kept."""
    if node_id.isdigit() or ":" in node_id or _UUID.fullmatch(node_id):
        return None
    return node_id


class _At(TypedDict):
    line: int
    column: int


class _AifReader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.b = MapBuilder(path, title=PurePath(path).stem or "Imported map")
        self.positions: dict[str, tuple[int, int]] = {}
        self.types: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.extras: dict[str, dict[str, Any]] = {}
        self.pred: dict[str, list[str]] = defaultdict(list)
        self.succ: dict[str, list[str]] = defaultdict(list)
        self.ids: dict[str, str] = {}
        self.single: dict[str, tuple[str, str]] = {}

    def at(self, node_id: str) -> _At:
        line, column = self.positions.get(node_id, (1, 1))
        return {"line": line, "column": column}

    def warn(self, code: str, node_id: str, message: str) -> None:
        self.b.report(Severity.WARNING, code, message, **self.at(node_id))

    def parse(self) -> dict[str, Any] | None:
        data = read_json(self.text, self.b)
        if data is None:
            return None
        if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
            ova = data.get("OVA")
            if isinstance(ova, dict) and isinstance(ova.get("title"), str) and ova["title"]:
                self.b.title = ova["title"]
            data = data["AIF"]
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            self.b.report(
                Severity.ERROR,
                "import-format",
                "not AIF JSON: expected an object with 'nodes' and 'edges' "
                "(or OVA's {'AIF': ..., 'OVA': ...})",
            )
            return None
        return data

    def read(self) -> None:
        data = self.parse()
        if data is None:
            return
        self.sadface_metadata(data)
        self.positions = _node_positions(self.text)
        order = self.nodes(data["nodes"])
        self.edges(as_list(data.get("edges"), "edges", self.b))
        persons = {
            str(loc.get("nodeID")): str(loc.get("personID"))
            for loc in as_list(data.get("locutions"), "locutions", self.b)
            if isinstance(loc, dict) and loc.get("personID") is not None
        }
        self.claims(order)
        self.inferences(order)
        self.conflicts(order)
        self.rephrases(order)
        self.anchors(order, persons)
        self.unknown(order)
        self.b.mark_theses()

    def nodes(self, nodes: list[Any]) -> list[str]:
        """Each node's type and text by id; the ids in file order. A repeated id is reported
        and its later nodes skipped: edges name nodes by id, so they cannot be told apart."""
        order: list[str] = []
        for node in nodes:
            nid = _endpoint(node.get("nodeID", node.get("id"))) if isinstance(node, dict) else None
            if nid is None or not isinstance(node, dict):
                self.b.report(
                    Severity.WARNING, "import-dropped", "a node without a nodeID was skipped"
                )
                continue
            kind, text = _type_and_text(node)
            if nid in self.types:
                self.warn(
                    "import-dropped",
                    nid,
                    f"nodeID '{nid}' is used twice; the second node ({kind} {text[:40]!r}) was "
                    "skipped, since edges cannot tell the two apart",
                )
                continue
            self.types[nid], self.texts[nid] = kind, text
            if isinstance(node.get("argmap"), dict):  # argmap's own fields, kept for a round trip
                self.extras[nid] = node["argmap"]
            order.append(nid)
        return order

    def edges(self, edges: list[Any]) -> None:
        for e in edges:
            if not isinstance(e, dict):
                continue
            u = _endpoint(e.get("fromID", e.get("from", e.get("source_id"))))
            v = _endpoint(e.get("toID", e.get("to", e.get("target_id"))))
            if u is not None and v is not None and u in self.types and v in self.types:
                self.succ[u].append(v)
                self.pred[v].append(u)
            else:
                self.b.report(
                    Severity.WARNING,
                    "import-dropped",
                    f"edge {_scalar(e.get('edgeID')) or '?'} joins unknown nodes "
                    f"{_scalar(u)!r} -> {_scalar(v)!r}; skipped",
                )

    def sadface_metadata(self, data: dict[str, Any]) -> None:
        """SADFace keeps the title and description under ``metadata.core``."""
        metadata = data.get("metadata")
        core = metadata.get("core") if isinstance(metadata, dict) else None
        if not isinstance(core, dict):
            return
        if isinstance(core.get("title"), str) and core["title"].strip():
            self.b.title = core["title"].strip()
        if isinstance(core.get("description"), str) and core["description"].strip():
            self.b.summary = core["description"].strip()

    def claims(self, order: list[str]) -> None:
        for nid in order:
            if self.types[nid] != "I":
                continue
            text = self.texts[nid].strip()
            if not text:
                self.warn("import-dropped", nid, f"I-node {nid} has no text; kept as '(no text)'")
                text = "(no text)"
            self.ids[nid] = self.b.add_claim(
                text, preferred_id=_readable_id(nid), **_argmap_fields(self.extras.get(nid, {}))
            )

    def resolve(self, nid: str, *, as_target: bool) -> str | None:
        """The map id an AIF node stands for as a link endpoint."""
        if nid in self.ids:
            return self.ids[nid]
        if nid in self.single:
            premise, concl = self.single[nid]
            role = "attacked or supported" if as_target else "used as a premise"
            self.warn(
                "import-lossy",
                nid,
                f"RA-node {nid} has a single premise, so it is a plain link in argmap and cannot "
                f"be {role}; the link goes to its conclusion '{concl}' instead",
            )
            return concl if as_target else premise
        return None

    def inferences(self, order: list[str]) -> None:
        ras = [n for n in order if self.types[n] == "RA"]
        plans: list[tuple[str, list[str], list[str]]] = []
        for nid in ras:
            prem = [self.ids[p] for p in self.pred[nid] if p in self.ids]
            concl = [c for c in self.succ[nid] if self.types[c] in ("I", "RA", "CA")]
            if not prem or not concl:
                self.warn(
                    "import-dropped",
                    nid,
                    f"RA-node {nid} lacks a premise or a conclusion I-node; skipped",
                )
                continue
            plans.append((nid, prem, concl))
            if len(prem) >= 2:
                scheme = self.texts[nid]
                target = self.ids.get(concl[0])
                if target is None:
                    continue  # concluding to an inference; handled below as a support of it
                aid = self.b.add_argument(
                    prem,
                    target,
                    preferred_id=_readable_id(nid),
                    scheme=scheme if scheme and scheme != _DEFAULT_INFERENCE else None,
                    **self.at(nid),
                )
                if aid is not None:
                    self.ids[nid] = aid
            elif concl[0] in self.ids:
                self.single[nid] = (prem[0], self.ids[concl[0]])
        for nid, prem, concl in plans:
            start = 1 if nid in self.ids else 0
            for c in concl[start:]:
                target = self.resolve(c, as_target=True)
                if target is None:
                    continue
                if nid in self.ids:
                    self.b.add_link(self.ids[nid], target, "support", **self.at(nid))
                else:
                    for p in prem:
                        self.b.add_link(p, target, "support", **self.at(nid))

    def conflicts(self, order: list[str]) -> None:
        for nid in order:
            if self.types[nid] != "CA":
                continue
            sources = [s for s in self.pred[nid] if self.types[s] in ("I", "RA")]
            targets = [t for t in self.succ[nid] if self.types[t] in ("I", "RA")]
            if not sources or not targets:
                self.warn("import-dropped", nid, f"CA-node {nid} lacks an attacker or a target")
                continue
            for s in sources:
                src = self.resolve(s, as_target=False)
                for t in targets:
                    tgt = self.resolve(t, as_target=True)
                    if src is not None and tgt is not None:
                        self.b.add_link(src, tgt, "attack", **self.at(nid))

    def rephrases(self, order: list[str]) -> None:
        for nid in order:
            if self.types[nid] != "MA":
                continue
            sources = [self.ids[s] for s in self.pred[nid] if s in self.ids]
            targets = [self.ids[t] for t in self.succ[nid] if t in self.ids]
            if not sources or not targets:
                self.warn("import-dropped", nid, f"MA-node {nid} lacks its two I-nodes")
                continue
            label = self.texts[nid] or "Rephrase"
            for t in targets:
                claim = self.b.claims[t]
                for s in sources:
                    line = f"{label} of '{s}': {self.b.claims[s]['text']}"
                    claim["note"] = f"{claim['note']}\n{line}" if "note" in claim else line

    def anchors(self, order: list[str], persons: dict[str, str]) -> None:
        for nid in order:
            if self.types[nid] != "YA":
                continue
            for loc in self.pred[nid]:
                if self.types[loc] != "L":
                    continue
                utterance = self.texts[loc]
                name, sep, _rest = utterance.partition(" : ")
                if not sep:
                    name, sep, _rest = utterance.partition(": ")
                if not sep or not name.strip():
                    if loc not in persons:
                        continue
                    name = f"Person {persons[loc]}"
                speaker = self.b.speaker(name.strip())
                for target in self.succ[nid]:
                    cid = self.ids.get(target)
                    if cid is not None and cid in self.b.claims:
                        self.b.claims[cid].setdefault("by", speaker)

    def unknown(self, order: list[str]) -> None:
        known = {"I", "RA", "CA", "MA", "L", "YA", *_KNOWN_SKIPPED}
        unknown: dict[str, list[str]] = defaultdict(list)
        for nid in order:
            if self.types[nid] not in known:
                unknown[self.types[nid]].append(nid)
        for kind, nids in unknown.items():
            shown = ", ".join(nids[:5]) + (", ..." if len(nids) > 5 else "")
            what = "PA (preference)" if kind == "PA" else repr(kind or "(none)")
            self.warn(
                "import-unsupported",
                nids[0],
                f"{len(nids)} node{'s' * (len(nids) != 1)} of type {what} "
                f"{'have' if len(nids) != 1 else 'has'} no argmap equivalent and "
                f"{'were' if len(nids) != 1 else 'was'} not imported: {shown}",
            )


def _argmap_fields(extra: dict[str, Any]) -> dict[str, Any]:
    """The kind and label argmap's own export keeps on an I-node, when they are well formed."""
    fields: dict[str, Any] = {}
    if extra.get("kind") in ("thesis", "claim", "evidence"):
        fields["kind"] = extra["kind"]
    if isinstance(extra.get("label"), str) and extra["label"].strip():
        fields["label"] = extra["label"]
    return fields


def import_aif(text: str, path: str = "<aif>") -> tuple[dict[str, Any], list[Diagnostic]]:
    """A format-v1 map from AIF JSON (AIFdb or OVA), with the problems found in it."""
    reader = _AifReader(text, path)
    reader.read()
    data = reader.b.to_dict()
    return data, reader.b.diagnostics
