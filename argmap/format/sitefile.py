"""The course site file: ``site.yaml`` beside the maps gives the index a title, an intro, an order.

::

    title: Should Iran negotiate with the United States?
    intro: Start with the whole debate, then read each article on its own.
    sections:
      - title: The whole debate
        maps: [iran-us-negotiation.yaml]
      - title: The articles
        intro: One map per text.
        maps: [000-resistance-negotiation-duality.yaml, 001-deception-of-negotiations.yaml]

It is not a map: ``argmap validate`` and ``argmap build`` never read it as one (see
:data:`SITE_FILE_NAMES`); they check it as a site file, with positioned diagnostics like any
other file. Maps are named by their path relative to the site file. A map not listed is put in a
last section, "More maps", with a warning; a name that is not a map of the run is an error.

Without a site file the index lists maps that include others first (a combined map is where a
course starts), then the rest by title.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from argmap.format.diagnostics import Diagnostic
from argmap.format.reading import Loc, SourceDocument, read_source

__all__ = ["SITE_FILE_NAMES", "IndexSection", "SiteFile", "SitePlan", "plan_site", "read_site"]

#: File names that are a site file, never a map.
SITE_FILE_NAMES = ("site.yaml", "site.yml")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class SiteSection(_Strict):
    """A heading of the index and the maps under it, in order."""

    title: Text = Field(description="The section's heading.")
    intro: Text | None = Field(default=None, description="A paragraph under the heading.")
    maps: list[Text] = Field(min_length=1, description="Map files, relative to the site file.")


class SiteFile(_Strict):
    """The whole site file."""

    title: Text = Field(description="The course site's title, shown on the index.")
    intro: Text | None = Field(default=None, description="A paragraph under the title.")
    sections: list[SiteSection] = Field(
        default_factory=list, description="Sections of the index, in order."
    )


@dataclass
class IndexSection:
    """One section of the index as built: heading, intro and the maps' relative paths."""

    title: str | None
    intro: str | None
    maps: list[Path]


@dataclass
class SitePlan:
    """What the index shows, in order."""

    title: str
    intro: str | None = None
    sections: list[IndexSection] = field(default_factory=list)


_WRONG = {"string_type": "text", "list_type": "a list", "model_type": "a mapping"}


def read_site(
    path: Path, display: str
) -> tuple[SiteFile | None, SourceDocument | None, list[Diagnostic]]:
    """Read and check a site file's shape: the file, its document and every problem found."""
    document, problems = read_source(path, display)
    if document is None:
        return None, None, problems
    if not isinstance(document.data, dict):
        message = "a site file must be a mapping of keys (title, intro, sections)"
        return None, document, [Diagnostic.at(document.value_span(()), "wrong-type", message)]
    try:
        return SiteFile.model_validate(document.data), document, []
    except ValidationError as error:
        problems = [_schema_problem(d, document) for d in error.errors()]
    # 'titel' for 'title' is one mistake: the unknown key says it, so the missing key need not.
    misspelt = {(d.loc[:-1], _closest(d.loc)) for d in problems if d.code == "unknown-key"}
    return (
        None,
        document,
        [
            d
            for d in problems
            if not (d.code == "missing-key" and (d.loc[:-1], d.loc[-1]) in misspelt)
        ],
    )


def _known(loc: Loc) -> list[str]:
    """The keys the mapping at *loc* accepts."""
    return list((SiteSection if len(loc) > 1 else SiteFile).model_fields)


def _closest(loc: Loc) -> str | None:
    close = difflib.get_close_matches(str(loc[-1]), _known(loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _schema_problem(detail: Any, document: SourceDocument) -> Diagnostic:
    loc: Loc = tuple(detail["loc"])
    kind = detail["type"]
    owner = "the site file" if len(loc) < 2 else f"section {int(loc[1]) + 1}"
    if kind == "missing":
        message = f"{owner} is missing required key {loc[-1]!r}"
        return Diagnostic.at(document.key_span(loc[:-1]), "missing-key", message, loc=loc)
    if kind == "extra_forbidden":
        close = _closest(loc)
        message = f"unknown key {loc[-1]!r}" + (f"; did you mean {close!r}?" if close else "")
        hint = "known keys here: " + ", ".join(_known(loc[:-1]))
        return Diagnostic.at(document.key_span(loc), "unknown-key", message, loc=loc, hint=hint)
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "site file")
    if kind in _WRONG:
        message = f"{name!r} must be {_WRONG[kind]}"
    elif kind in {"too_short", "string_too_short"}:
        message = f"{name!r} must not be empty"
    else:
        message = f"{name!r}: {detail['msg']}"
    return Diagnostic.at(document.value_span(loc), "wrong-type", message, loc=loc)


def plan_site(
    site: SiteFile, document: SourceDocument, site_dir: Path, maps: dict[Path, Path]
) -> tuple[SitePlan, list[Diagnostic]]:
    """Order the index as *site* says; check every map it names.

    *maps*: each map of the run, resolved path -> its path relative to the site's root.
    """
    plan = SitePlan(title=site.title, intro=site.intro)
    problems: list[Diagnostic] = []
    placed: dict[Path, Loc] = {}
    by_name = {_relative_name(p, site_dir): p for p in maps}
    for number, section in enumerate(site.sections):
        listed: list[Path] = []
        for position, entry in enumerate(section.maps):
            loc: Loc = ("sections", number, "maps", position)
            resolved = (site_dir / entry).resolve()
            span = document.value_span(loc)
            if resolved not in maps:
                problems.append(_unknown_map(span, entry, by_name, loc))
            elif resolved in placed:
                line = document.value_span(placed[resolved]).line
                message = f"{entry!r} is already listed at line {line}; it stays there"
                problems.append(Diagnostic.at(span, "site-repeated-map", message, loc=loc))
            else:
                placed[resolved] = loc
                listed.append(maps[resolved])
        plan.sections.append(IndexSection(section.title, section.intro, listed))
    unlisted = [p for p in maps if p not in placed]
    # Only a map of the site file's own folder can be forgotten by it; maps of other folders
    # named on the same command line are simply listed after the sections.
    forgotten = [p for p in unlisted if p.is_relative_to(site_dir.resolve())]
    if forgotten and site.sections:
        span = document.key_span(("sections",))
        for path in sorted(forgotten, key=lambda p: maps[p].as_posix()):
            name = _relative_name(path, site_dir)
            message = f"the map {name!r} is in no section; the index lists it under 'More maps'"
            problems.append(Diagnostic.at(span, "site-unlisted-map", message, loc=("sections",)))
    if unlisted:
        title = "More maps" if site.sections else None
        plan.sections.append(IndexSection(title, None, sorted(maps[p] for p in unlisted)))
    return plan, problems


def _relative_name(path: Path, site_dir: Path) -> str:
    try:
        return path.relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _unknown_map(span: Any, entry: str, by_name: dict[str, Path], loc: Loc) -> Diagnostic:
    close = difflib.get_close_matches(entry, list(by_name), n=1, cutoff=0.6)
    message = f"{entry!r} is not a map of this site"
    message += f"; did you mean {close[0]!r}?" if close else " (names are relative to site.yaml)"
    return Diagnostic.at(span, "site-unknown-map", message, loc=loc)
