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
    "Argument",
    "ArgumentMap",
    "Claim",
    "ClaimKind",
    "Link",
    "LinkType",
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

    # Where each object was defined is kept here, in one table per map, not on the objects:
    # private attributes on 10,000 claims cost more than the rest of validation.
    _origins: dict[tuple[str, str | int], Origin] = PrivateAttr(default_factory=dict)
    _included: list[ArgumentMap] = PrivateAttr(default_factory=list)
    _path: str | None = PrivateAttr(default=None)

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
