"""Synthetic maps of any size for benchmarks: a debate-shaped tree with every feature.

Deterministic for a given size and seed. Shape: one thesis; each further claim supports or
attacks an earlier claim (branching like a real debate: most claims answer recent ones), with
speakers, sources, quotes, tags, linked-premise arguments and undercuts sprinkled in.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import yaml


def make_map(claims: int, seed: int = 1, theses: int = 1) -> dict:
    """A map of *claims* claims; with *theses* > 1, that many cases, and links between them.

    The first *theses* claims are theses; each later claim answers a recent claim, so the cases
    grow side by side, and every 40th claim also attacks a claim of another case (the links
    between cases that a combined map has). With ``theses=1`` the map is exactly the benchmark
    map the figures in docs/performance.md were measured on.
    """
    rng = random.Random(seed)
    speakers = {f"speaker-{i}": {"name": f"Speaker {i}", "role": "Debater"} for i in range(20)}
    sources = {
        f"source-{i}": {"title": f"Article {i}", "author": f"Author {i}", "date": "2021-03-04"}
        for i in range(20)
    }
    body: dict[str, dict] = {}
    arguments: dict[str, dict] = {}
    links: list[dict] = []
    ids = [f"c{i}" for i in range(claims)]
    for index, key in enumerate(ids):
        claim: dict = {
            "text": f"Claim number {index}: a statement of moderate length as real maps have.",
            "by": f"speaker-{index % 20}",
            "source": f"source-{index % 20}",
        }
        if index < theses:
            claim["kind"] = "thesis"
        elif theses > 1 and index < theses * 4:
            claim["supports" if index % 2 else "attacks"] = [ids[index % theses]]
        else:
            # Prefer recent claims as targets, so depth grows like a real exchange.
            target = ids[max(0, index - 1 - int(rng.expovariate(0.3)))]
            claim["supports" if rng.random() < 0.6 else "attacks"] = [target]
        if index % 7 == 0:
            claim["quote"] = "a statement of moderate length"
            claim["tags"] = [f"tag-{index % 5}"]
        body[key] = claim
    if theses > 1:
        _link_cases(body, ids, theses, rng)
    # Every 50th claim gets a linked argument from two fresh premises, and an undercut on it.
    for index in range(50, claims - 2, 50):
        name = f"a{index}"
        premise_a, premise_b = f"p{index}a", f"p{index}b"
        body[premise_a] = {"text": f"First premise {index}."}
        body[premise_b] = {"text": f"Second premise {index}."}
        arguments[name] = {"premises": [premise_a, premise_b], "conclusion": ids[index]}
        links.append({"from": ids[index + 1], "to": name, "type": "attack", "note": "Undercut."})
        body[ids[index + 1]].pop("attacks", None)
        body[ids[index + 1]].pop("supports", None)
    return {
        "argmap": 1,
        "title": f"Synthetic map of {claims} claims",
        "summary": "Generated for benchmarks.",
        "speakers": speakers,
        "sources": sources,
        "claims": body,
        "arguments": arguments,
        "links": links,
    }


def _link_cases(body: dict[str, dict], ids: list[str], theses: int, rng: random.Random) -> None:
    """Every 40th claim also attacks a claim of another case (its case: the thesis it reaches)."""
    case: dict[str, str] = {}
    for key in ids:
        targets = body[key].get("supports", []) + body[key].get("attacks", [])
        case[key] = case[targets[0]] if targets else key
    for index in range(theses * 4, len(ids), 40):
        key = ids[index]
        for _ in range(20):
            other = ids[rng.randrange(index)]
            if case[other] != case[key] and other not in body[key].get("supports", []):
                body[key].setdefault("attacks", []).append(other)
                break


def synthetic_file(size: int, folder: Path, theses: int = 1) -> Path:
    """The synthetic map of *size* claims in *theses* cases, written as YAML in *folder*."""
    source = folder / f"synthetic-{size}-{theses}.yaml"
    source.write_text(yaml.safe_dump(make_map(size, theses=theses), sort_keys=False), "utf-8")
    return source


def graph_of(source: Path) -> Any:
    """The argument graph of a map file, loaded as argmap loads any map."""
    from argmap.pipeline import run

    graph = run([source]).maps[0].graph
    assert graph is not None, source
    return graph


def synthetic_page(size: int, folder: Path, theses: int = 1) -> Path:
    """The page of the synthetic map of *size* claims in *theses* cases, written in *folder*."""
    from argmap.page.rendering import render_html

    page = folder / f"synthetic-{size}-{theses}.html"
    graph = graph_of(synthetic_file(size, folder, theses))
    page.write_text(render_html(graph), encoding="utf-8")
    return page


def open_ready_page(browser: Any, page_path: Path) -> tuple[Any, Any]:
    """A fresh 1366x800 browser context on *page_path*, once the map has drawn its first frame."""
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    page = context.new_page()
    page.goto(page_path.as_uri())
    page.wait_for_function("() => window.argmapReady === true", timeout=120_000)
    return context, page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("claims", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--theses", type=int, default=1, help="how many cases (default 1)")
    arguments = parser.parse_args()
    data = make_map(arguments.claims, arguments.seed, arguments.theses)
    yaml.safe_dump(data, sys.stdout, sort_keys=False)


if __name__ == "__main__":
    main()
