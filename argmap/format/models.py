"""The map format, version 1, as pydantic models.

Field names are the YAML keys (``from`` is the one alias, being a Python keyword), so a
validation error's ``loc`` is a path of YAML keys. Every model forbids unknown keys: a typo must
never be silently ignored. Each object remembers where it was defined (``span``) and which file
(``group``), so later stages can point back at the YAML, as Argdown's elements do.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from argmap.format.diagnostics import Origin, Span
from argmap.format.language import direction_of

__all__ = [
    "ID_PATTERN",
    "LINT_LEVELS",
    "Argument",
    "ArgumentMap",
    "Claim",
    "ClaimKind",
    "Link",
    "LinkType",
    "LintSettings",
    "Source",
    "SourceKind",
    "Speaker",
    "json_schema",
    "known_keys",
]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _check_id(value: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        msg = "invalid_id"
        raise PydanticCustomError(
            msg,
            "{id} is not a valid id: start with a letter or digit, then use only letters, "
            "digits, '-', '_' and '.'",
            {"id": repr(value)},
        )
    return value


def _check_date(value: str) -> str:
    """A date the calendar has: 2019-02-30 matches the pattern but is no day."""
    if len(value) == len("YYYY-MM-DD"):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            msg = "impossible_date"
            raise PydanticCustomError(msg, "{date} is not a date", {"date": value}) from None
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[float, Field(ge=0.0, le=1.0)]
Date = Annotated[str, StringConstraints(pattern=_DATE_PATTERN), AfterValidator(_check_date)]


class ClaimKind(StrEnum):
    """What a claim is: the position under debate, an ordinary claim, or a piece of evidence."""

    THESIS = "thesis"
    CLAIM = "claim"
    EVIDENCE = "evidence"


class LinkType(StrEnum):
    """The two relations an author writes; undercuts are attacks on an argument."""

    SUPPORT = "support"
    ATTACK = "attack"


class SourceKind(StrEnum):
    """What sort of document a source is."""

    ARTICLE = "article"
    SPEECH = "speech"
    INTERVIEW = "interview"
    REPORT = "report"
    BOOK = "book"
    WEB = "web"
    OTHER = "other"


class _Strict(BaseModel):
    """A part of a map: unknown keys are errors; numbers are accepted where text belongs."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class Source(_Strict):
    """Where claims come from: an article, a speech, a book."""

    title: Text = Field(description="The source's title.")
    author: Text | None = Field(default=None, description="Who wrote or said it.")
    date: Date | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    kind: SourceKind | None = Field(default=None, description="What sort of document it is.")
    url: Text | None = Field(default=None, description="Where to read it (http, https).")
    file: Text | None = Field(
        default=None,
        description="Name of a local text of the source, used by `validate --sources DIR` "
        "to verify quotes.",
    )


class Speaker(_Strict):
    """Who says a claim."""

    name: Text = Field(description="The speaker's name as shown on the page.")
    short: Text | None = Field(
        default=None,
        description="Short name drawn on nodes (default: a short form unambiguous in the map).",
    )
    role: Text | None = Field(default=None, description="Office or role, e.g. 'Foreign minister'.")


class Claim(_Strict):
    """A statement in the debate."""

    text: Text = Field(description="The full statement.")
    label: Text | None = Field(default=None, description="Short label drawn on the map.")
    kind: ClaimKind = Field(default=ClaimKind.CLAIM, description="thesis, claim or evidence.")
    by: str | None = Field(default=None, description="Id of the speaker who makes the claim.")
    source: str | None = Field(default=None, description="Id of the source it comes from.")
    quote: Text | None = Field(default=None, description="Verbatim words from the source.")
    locator: Text | None = Field(default=None, description="Page, paragraph or time in source.")
    tags: list[Text] = Field(default_factory=list, description="Free labels for filtering.")
    note: Text | None = Field(default=None, description="The instructor's remark.")
    weight: Weight | None = Field(
        default=None, description="Base score in [0, 1] for gradual strength (default 0.5)."
    )
    supports: list[str] = Field(
        default_factory=list, description="Ids of claims or arguments this claim supports."
    )
    attacks: list[str] = Field(
        default_factory=list, description="Ids of claims or arguments this claim attacks."
    )


class Argument(_Strict):
    """Premises that support a conclusion only together (linked premises)."""

    premises: list[str] = Field(min_length=2, description="Two or more claim ids.")
    conclusion: str = Field(description="The claim the premises support together.")
    label: Text | None = Field(default=None, description="Short label for the argument.")
    scheme: Text | None = Field(default=None, description="Argument scheme, free text.")
    note: Text | None = Field(default=None, description="The instructor's remark.")


class Link(_Strict):
    """A support or attack that needs attributes (a note, a weight)."""

    from_: str = Field(alias="from", description="Id of the claim (or argument) that links.")
    to: str = Field(description="Id of the target; an attack on an argument is an undercut.")
    type: LinkType = Field(description="support or attack.")
    note: Text | None = Field(default=None, description="Why the link holds.")
    weight: Weight | None = Field(default=None, description="Strength in [0, 1].")


class TourStep(_Strict):
    """One step of a guided tour: the claims it shows, what it says, a question to stop on."""

    show: list[str] = Field(min_length=1, description="Ids of the claims this step shows.")
    say: Text = Field(description="What the guide says at this step.")
    ask: Text | None = Field(
        default=None, description="A question the student answers before the next step."
    )
    title: Text | None = Field(default=None, description="A short heading for the step.")


#: What a map's ``lint:`` block may set a check to: off, on (its default severity), or a severity.
#: YAML reads a bare ``off``/``on`` as false/true, so both spellings are accepted.
LINT_LEVELS = ("off", "on", "info", "warning", "error")
LintLevel = bool | Literal["off", "on", "info", "warning", "error"] | None


class LintSettings(_Strict):
    """The map's ``lint:`` block: each lint check by its code, ``off`` or a severity.

    One field per code of ``argmap lint`` (tests check the list against the lint registry), so
    a misspelt code is an unknown key with a suggestion, like any other typo.
    """

    bundled_claim: LintLevel = Field(
        default=None, alias="bundled-claim", description="One claim per box: off, on or a severity."
    )
    restated_support: LintLevel = Field(
        default=None,
        alias="restated-support",
        description="A support that restates its target: off, on or a severity.",
    )
    rabbit_rule: LintLevel = Field(
        default=None,
        alias="rabbit-rule",
        description="A conclusion's word in no premise: off, on or a severity.",
    )
    holding_hands: LintLevel = Field(
        default=None,
        alias="holding-hands",
        description="A premise's word nowhere else in its argument: off, on or a severity.",
    )
    unanswered_objection: LintLevel = Field(
        default=None,
        alias="unanswered-objection",
        description="An objection to a thesis nothing answers: off, on or a severity.",
    )
    unsourced_claim: LintLevel = Field(
        default=None,
        alias="unsourced-claim",
        description="A claim of a sourced map without source or quote: off, on or a severity.",
    )
    evidence_without_quote: LintLevel = Field(
        default=None,
        alias="evidence-without-quote",
        description="Evidence without quote or locator: off, on or a severity.",
    )
    lint_language: LintLevel = Field(
        default=None,
        alias="lint-language",
        description="The note that a language is not checked: off, on or a severity.",
    )

    def levels(self) -> dict[str, str]:
        """Code -> level for the codes the block sets (``on``/``off`` for true/false)."""
        levels: dict[str, str] = {}
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if value is not None:
                levels[info.alias or name] = (
                    ("on" if value else "off") if isinstance(value, bool) else value
                )
        return levels


class ArgumentMap(_Strict):
    """A whole map file: metadata, sources, speakers, claims, arguments and links."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        title="argmap map, format version 1",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    argmap: Literal[1] = Field(description="Format version; always 1.")
    title: Text = Field(description="The map's title.")
    summary: Text | None = Field(default=None, description="Plain text shown on the page.")
    lang: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] = Field(
        default="en", description="BCP-47 language tag; fa, ar, he read right to left."
    )
    include: list[Text] = Field(
        default_factory=list, description="Other map files whose claims join this one."
    )
    sources: dict[Id, Source] = Field(default_factory=dict, description="id -> source.")
    speakers: dict[Id, Speaker] = Field(default_factory=dict, description="id -> speaker.")
    claims: dict[Id, Claim] = Field(default_factory=dict, description="id -> claim.")
    arguments: dict[Id, Argument] = Field(default_factory=dict, description="id -> argument.")
    links: list[Link] = Field(default_factory=list, description="Links with attributes.")
    note: Text | None = Field(
        default=None,
        description="The instructor's remark on the whole map (e.g. what was left out and why).",
    )
    tour: list[TourStep] = Field(
        default_factory=list,
        description="A guided tour, step by step; an including map's tour wins over its parts'.",
    )
    lint: LintSettings | None = Field(
        default=None,
        description="`argmap lint` checks switched off (`off`) or set to a severity for the "
        "claims of this file, e.g. {bundled-claim: off}.",
    )

    # Where each object was defined is kept here, in one table per map, not on the objects:
    # private attributes on 10,000 claims cost more than the rest of validation.
    _origins: dict[tuple[str, str | int], Origin] = PrivateAttr(default_factory=dict)
    _included: list[ArgumentMap] = PrivateAttr(default_factory=list)
    _path: str | None = PrivateAttr(default=None)
    # The files as read (display path -> SourceDocument), for spans inside an object (a
    # claim's text) that only the lint asks for; kept lazily, as reading.py keeps its nodes.
    _documents: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> str | None:
        """The file the map was read from, as named in diagnostics."""
        return self._path

    def origin(self, section: str, key: str | int) -> Origin:
        """Where the object ``self.<section>[key]`` was defined (links: by list index).

        For a map read from YAML every object has one; for a map built in Python the start
        of the map's file stands in.
        """
        # Straight to pydantic's private dict: ``self._origins`` goes through
        # BaseModel.__getattr__, which made this the slowest step of building a large graph.
        origins: dict[tuple[str, str | int], Origin] = self.__pydantic_private__["_origins"]  # type: ignore[index]
        found = origins.get((section, key))
        if found is not None:
            return found
        return Origin(Span.start_of(self._path or ""), self.title, (section, key))

    def value_span(self, section: str, key: str, name: str) -> Span:
        """Where the value of field *name* of ``self.<section>[key]`` stands (else its key)."""
        origin = self.origin(section, key)
        documents: dict[str, Any] = self.__pydantic_private__["_documents"]  # type: ignore[index]
        document = documents.get(origin.span.path)
        if document is None:
            return origin.span
        span: Span = document.value_span((section, key, name))
        return span

    def top_span(self, loc: tuple[str | int, ...]) -> Span:
        """Where the value at *loc* stands in this map's own file (e.g. ``("lang",)``)."""
        documents: dict[str, Any] = self.__pydantic_private__["_documents"]  # type: ignore[index]
        document = documents.get(self._path or "")
        if document is None:
            return Span.start_of(self._path or "")
        span: Span = document.value_span(loc)
        return span

    def files(self) -> list[ArgumentMap]:
        """This map and every map it includes, each once, in reading order."""
        found = [self]
        for child in self._included:
            found.extend(m for m in child.files() if all(m is not f for f in found))
        return found

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        """Reading direction implied by ``lang``."""
        return "rtl" if direction_of(self.lang) == "rtl" else "ltr"


def known_keys(model: type[BaseModel]) -> list[str]:
    """The YAML keys a model accepts, for 'did you mean' suggestions."""
    return [field.alias or name for name, field in model.model_fields.items()]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, for editors' YAML language servers."""
    return ArgumentMap.model_json_schema(by_alias=True)
