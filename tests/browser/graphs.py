"""Hand-built graphs that follow the graph contract (docs/architecture.md), for page tests.

They do not depend on the YAML pipeline, so the renderer can be tested on its own.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

CLAIM_FIELDS = ("speaker", "source", "quote", "locator", "note", "weight")


def make_graph(
    title: str,
    claims: list[dict[str, Any]],
    links: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    arguments: list[dict[str, Any]] = (),  # type: ignore[assignment]
    *,
    lang: str = "en",
    summary: str | None = None,
    sources: dict[str, dict[str, Any]] | None = None,
    speakers: dict[str, dict[str, Any]] | None = None,
) -> nx.MultiDiGraph:
    """Build a contract graph. claims: dicts with id, text and optional attributes.

    links: (from, to, "support" | "attack"); arguments: dicts with id, premises, conclusion.
    """
    g: nx.MultiDiGraph = nx.MultiDiGraph(
        title=title,
        summary=summary,
        lang=lang,
        direction="rtl" if lang.split("-")[0] in ("fa", "ar", "he") else "ltr",
        sources=sources or {},
        speakers=speakers or {},
        path="test.yaml",
    )
    for c in claims:
        attrs = {k: c.get(k) for k in CLAIM_FIELDS}
        g.add_node(
            c["id"],
            type="claim",
            kind=c.get("kind", "claim"),
            role=c.get("role", "claim"),
            side=c.get("side"),
            text=c["text"],
            label=c.get("label", c["text"]),
            tags=list(c.get("tags", [])),
            group=title,
            span=None,
            **attrs,
        )
    for a in arguments:
        texts = [g.nodes[p]["label"] for p in a["premises"]]
        g.add_node(
            a["id"],
            type="argument",
            kind="argument",
            role="argument",
            side=a.get("side"),
            text=" and ".join(texts) + " together",
            label=a.get("label", "together"),
            speaker=None,
            source=None,
            quote=None,
            locator=None,
            note=a.get("note"),
            tags=[],
            weight=None,
            scheme=a.get("scheme"),
            group=title,
            span=None,
        )
        for p in a["premises"]:
            g.add_edge(
                p,
                a["id"],
                key="premise",
                relation="premise",
                role="premise",
                undercut=False,
                weight=None,
                note=None,
                span=None,
            )
        g.add_edge(
            a["id"],
            a["conclusion"],
            key="conclusion",
            relation="conclusion",
            role="conclusion",
            undercut=False,
            weight=None,
            note=None,
            span=None,
        )
    attackers = {u for u, _, rel, *_ in links if rel == "attack"}
    for u, v, rel, *rest in links:
        note = rest[0] if rest else None
        undercut = rel == "attack" and g.nodes[v]["type"] == "argument"
        g.add_edge(
            u,
            v,
            key=rel,
            relation=rel,
            role=_edge_role(g, u, v, rel, undercut, attackers),
            undercut=undercut,
            weight=None,
            note=note,
            span=None,
        )
    return g


def _edge_role(
    g: nx.MultiDiGraph, u: str, v: str, rel: str, undercut: bool, attackers: set[str]
) -> str:
    """The per-edge role, by the rules of docs/architecture.md."""
    if rel == "support":
        return "evidence" if g.nodes[u]["kind"] == "evidence" else "reason"
    if undercut:
        return "undercut"
    return "rebuttal" if v in attackers else "objection"


def debate_graph() -> nx.MultiDiGraph:
    """A small real debate: thesis, reasons, objections, rebuttal, evidence, linked premises."""
    speakers = {
        "khamenei": {"name": "Ali Khamenei", "role": "Leader of the Islamic Revolution"},
        "zarif": {"name": "Javad Zarif", "role": "Foreign minister"},
        "analyst": {"name": "A policy analyst", "role": None},
    }
    sources = {
        "deception-speech": {
            "title": "The deception of negotiations",
            "author": "Ali Khamenei",
            "date": "2019-05-29",
            "kind": "speech",
            "url": "https://example.org/deception",
        },
        "duality-analysis": {
            "title": "Resistance and diplomacy",
            "author": "A. Analyst",
            "date": "2021",
            "kind": "article",
            "url": None,
        },
        "jcpoa-report": {
            "title": "IAEA report on the JCPOA",
            "author": "IAEA",
            "date": "2017-11",
            "kind": "report",
            "url": "https://example.org/iaea",
        },
    }
    claims = [
        {
            "id": "negotiation-futile",
            "kind": "thesis",
            "role": "thesis",
            "side": "pro",
            "text": "Negotiating with the US brings no benefit to Iran and does harm.",
            "label": "Negotiation with the US is futile",
            "speaker": "khamenei",
            "source": "deception-speech",
            "quote": "negotiating with the US will be of no use to us",
            "locator": "para. 4",
            "tags": ["futility"],
            "note": "The central claim of the 2019 speech.",
        },
        {
            "id": "pressure-is-strategy",
            "role": "reason",
            "side": "pro",
            "text": "The US strategy towards Iran is maximum pressure.",
            "speaker": "khamenei",
            "source": "deception-speech",
            "tags": ["pressure"],
        },
        {
            "id": "talks-harvest-pressure",
            "role": "reason",
            "side": "pro",
            "text": "For the US, talks are a tactic to collect what pressure has prepared.",
            "label": "Talks harvest the pressure",
            "speaker": "khamenei",
            "source": "deception-speech",
        },
        {
            "id": "us-left-jcpoa",
            "kind": "evidence",
            "role": "evidence",
            "side": "pro",
            "text": "The US left the JCPOA in 2018 although Iran complied.",
            "label": "The US left the JCPOA despite compliance",
            "source": "jcpoa-report",
            "locator": "p. 3",
            "tags": ["jcpoa"],
        },
        {
            "id": "resistance-backs-diplomacy",
            "role": "objection",
            "side": "con",
            "text": "Resistance does not contradict negotiation; internal strength gives diplomacy "
            "its backing.",
            "label": "Strength backs diplomacy",
            "speaker": "analyst",
            "source": "duality-analysis",
            "tags": ["resistance"],
        },
        {
            "id": "jcpoa-brought-relief",
            "role": "objection",
            "side": "con",
            "text": "The JCPOA brought real sanctions relief between 2016 and 2018.",
            "label": "The JCPOA brought relief",
            "speaker": "zarif",
            "tags": ["jcpoa"],
        },
        {
            "id": "relief-was-partial",
            "role": "rebuttal",
            "side": "pro",
            "text": "Banks stayed away, so most of the promised relief never arrived.",
            "label": "The relief never really arrived",
            "speaker": "khamenei",
            "tags": ["jcpoa"],
        },
        {
            "id": "oil-exports-rose",
            "kind": "evidence",
            "role": "evidence",
            "side": "con",
            "text": "Oil exports roughly doubled in 2016.",
            "source": "jcpoa-report",
        },
        {
            "id": "talks-buy-time",
            "role": "reason",
            "side": "con",
            "text": "Talks buy time and split the US from Europe.",
            "speaker": "zarif",
            "tags": ["diplomacy"],
        },
    ]
    arguments = [
        {
            "id": "pressure-then-talks",
            "label": "Talks complete the pressure",
            "premises": ["pressure-is-strategy", "talks-harvest-pressure"],
            "conclusion": "negotiation-futile",
            "scheme": "practical reasoning",
            "side": "pro",
        }
    ]
    links = [
        ("us-left-jcpoa", "negotiation-futile", "support"),
        (
            "resistance-backs-diplomacy",
            "pressure-then-talks",
            "attack",
            "Attacks the step from pressure to futility, not the premises.",
        ),
        ("jcpoa-brought-relief", "negotiation-futile", "attack"),
        ("relief-was-partial", "jcpoa-brought-relief", "attack"),
        ("oil-exports-rose", "jcpoa-brought-relief", "support"),
        ("talks-buy-time", "resistance-backs-diplomacy", "support"),
    ]
    return make_graph(
        "Should Iran negotiate with the United States?",
        claims,
        links,
        arguments,
        summary="Two readings of the same speeches: negotiation as a trap, or as a tool of "
        "resistance.",
        sources=sources,
        speakers=speakers,
    )


def mixed_graph() -> nx.MultiDiGraph:
    """A claim that supports a reason and attacks an objection: a reason in one place, a
    rebuttal in the other (its node role alone would call it a rebuttal everywhere)."""
    claims = [
        {"id": "t", "kind": "thesis", "role": "thesis", "side": "pro", "text": "Talk now."},
        {"id": "r", "role": "reason", "side": "pro", "text": "Talks lower the risk of war."},
        {"id": "o", "role": "objection", "side": "con", "text": "Talks reward pressure."},
        {
            "id": "m",
            "role": "rebuttal",
            "side": "pro",
            "text": "Every past war began after talks broke.",
        },
    ]
    links = [
        ("r", "t", "support"),
        ("o", "t", "attack"),
        ("m", "r", "support"),
        ("m", "o", "attack"),
    ]
    return make_graph("Mixed roles", claims, links)


def rtl_graph() -> nx.MultiDiGraph:
    """A Persian map (right-to-left)."""
    claims = [
        {
            "id": "t",
            "kind": "thesis",
            "role": "thesis",
            "side": "pro",
            "text": "مذاکره با آمریکا سودی ندارد.",
            "speaker": "kh",
        },
        {"id": "r", "role": "reason", "side": "pro", "text": "راهبرد آمریکا فشار حداکثری است."},
        {"id": "o", "role": "objection", "side": "con", "text": "قدرت داخلی پشتوانه دیپلماسی است."},
    ]
    return make_graph(
        "آیا ایران باید با آمریکا مذاکره کند؟",
        claims,
        [("r", "t", "support"), ("o", "t", "attack")],
        lang="fa",
        speakers={"kh": {"name": "علی خامنه‌ای", "role": "رهبر"}},
        summary="دو خوانش از یک سخنرانی.",
    )


def xss_graph(payload: str) -> nx.MultiDiGraph:
    """Every text field carries ``payload``; the source URL is a javascript: URL."""
    sources = {
        "s": {
            "title": payload,
            "author": payload,
            "date": payload,
            "kind": payload,
            "url": "javascript:window.__xss=1",
        },
        "s2": {"title": payload, "url": " JaVaScRiPt:window.__xss=1"},
    }
    speakers = {"p": {"name": payload, "role": payload}}
    claims = [
        {
            "id": "t",
            "kind": "thesis",
            "role": "thesis",
            "side": "pro",
            "text": payload,
            "label": payload,
            "speaker": "p",
            "source": "s",
            "quote": payload,
            "locator": payload,
            "note": payload,
            "tags": [payload],
        },
        {
            "id": "x",
            "role": "objection",
            "side": "con",
            "text": payload,
            "label": payload,
            "source": "s2",
            "speaker": "p",
            "tags": [payload],
            "note": payload,
        },
    ]
    g = make_graph(
        payload,
        claims,
        [("x", "t", "attack", payload)],
        summary=payload,
        sources=sources,
        speakers=speakers,
    )
    g.nodes["t"]["group"] = payload
    return g


def synthetic_graph(n_claims: int, *, seed: int = 7) -> nx.MultiDiGraph:
    """A tree-like debate of n claims (one thesis; reasons, objections, rebuttals; some linked
    premises), deterministic for a seed. Branching about 3-4, like real large maps."""
    import random

    rnd = random.Random(seed)
    words = (
        "the policy",
        "sanctions",
        "talks",
        "trust",
        "pressure",
        "the economy",
        "allies",
        "history",
        "the treaty",
        "inspections",
        "public opinion",
        "security",
        "oil",
        "the region",
        "leaders",
        "reform",
    )
    claims: list[dict[str, Any]] = []
    links: list[tuple[str, str, str]] = []
    arguments: list[dict[str, Any]] = []
    role_of: dict[str, str] = {"c0": "thesis"}
    claims.append(
        {
            "id": "c0",
            "kind": "thesis",
            "role": "thesis",
            "side": "pro",
            "text": "Thesis: " + " and ".join(rnd.sample(words, 2)) + " decide it.",
        }
    )
    queue = ["c0"]
    i = 1
    while i < n_claims:
        target = queue[(i - 1) // 3] if (i - 1) // 3 < len(queue) else "c0"
        cid = f"c{i}"
        attack = rnd.random() < 0.35
        t_role = role_of[target]
        if attack:
            role = "rebuttal" if t_role in ("objection", "rebuttal") else "objection"
        else:
            role = "evidence" if rnd.random() < 0.15 else "reason"
        text = (
            f"Claim {i}: {rnd.choice(words)} "
            f"{'undermines' if attack else 'supports'} {rnd.choice(words)} "
            f"because of {rnd.choice(words)}."
        )
        claims.append(
            {
                "id": cid,
                "kind": "evidence" if role == "evidence" else "claim",
                "role": role,
                "side": rnd.choice(["pro", "con"]),
                "text": text,
                "speaker": f"s{i % 5}",
                "tags": [rnd.choice(words)],
            }
        )
        role_of[cid] = role
        links.append((cid, target, "attack" if attack else "support"))
        queue.append(cid)
        i += 1
    speakers = {f"s{k}": {"name": f"Speaker {k}", "role": None} for k in range(5)}
    return make_graph(
        f"Synthetic debate with {n_claims} claims", claims, links, arguments, speakers=speakers
    )


def xss_yaml(payload: str) -> str:
    """A map file with ``payload`` in every free-text field the format has.

    Ids must match the id pattern, so they cannot carry a payload from YAML; dates and source
    kinds are checked too. Source URLs get ``javascript:`` in several spellings and an https URL
    that tries to break out of its attribute.
    """
    p = json.dumps(payload)
    return f"""\
argmap: 1
title: {p}
summary: {p}
sources:
  s1: {{title: {p}, author: {p}, date: "2020-01-02", kind: speech,
        url: "javascript:window.__xss=1"}}
  s2: {{title: {p}, url: " JaVaScRiPt:window.__xss=1"}}
  s3: {{title: {p}, url: "https://example.org/?q=\\"><img src=x onerror=window.__xss=1>"}}
  s4: {{title: {p}, url: "data:text/html,<script>window.__xss=1</script>"}}
speakers:
  p1: {{name: {p}, role: {p}}}
claims:
  t: {{kind: thesis, text: {p}, label: {p}, by: p1, source: s1, quote: {p}, locator: {p},
      note: {p}, tags: [{p}, plain]}}
  x: {{text: {p}, label: {p}, by: p1, source: s2, quote: {p}, locator: {p}, note: {p}, tags: [{p}]}}
  a: {{text: {p}, by: p1, source: s3, note: {p}}}
  b: {{kind: evidence, text: {p}, label: {p}, source: s4, quote: {p}}}
  u: {{text: {p}, label: {p}, note: {p}, tags: [{p}]}}
  r: {{text: {p}, label: {p}, by: p1}}
arguments:
  arg: {{premises: [a, b], conclusion: t, label: {p}, scheme: {p}, note: {p}}}
links:
  - {{from: x, to: t, type: attack, note: {p}}}
  - {{from: u, to: arg, type: attack, note: {p}}}
  - {{from: r, to: x, type: attack, note: {p}}}
"""
