"""Validate one map file's data against the format, keeping what passes when something fails.

Checks run in layers, as in mkdocs: here the schema of a file (pydantic collects every field
error at once); :mod:`argmap.format.includes` loads the included files and merges them;
:mod:`argmap.format.references` checks the ids the map names, :mod:`argmap.format.quotes` the
quotes. A file that fails the schema is not dropped: :mod:`argmap.format.salvage` keeps every
object that passes, so the later layers still report their problems in the same run.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from argmap.format.diagnostics import Diagnostic, Origin
from argmap.format.models import ArgumentMap
from argmap.format.reading import SourceDocument
from argmap.format.salvage import Damage, salvage
from argmap.format.schema_messages import describe, schema_diagnostics

__all__ = ["CheckedDocument", "check_document", "validate_document"]


@dataclass
class CheckedDocument:
    """One file's map as validated: the part that passed (or None), its damage, its problems."""

    map: ArgumentMap | None
    damage: Damage
    diagnostics: list[Diagnostic]


def validate_document(document: SourceDocument) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Check one file's data against the format and locate every object it defines.

    Returns the map, or None when the file has a schema error, and the errors.

    Examples
    --------
    >>> from argmap.format.reading import parse_source
    >>> document, _ = parse_source("argmap: 1\\ntitle: T\\nclaims:\\n  a: {txt: A}\\n", "m.yaml")
    >>> [str(d) for d in validate_document(document)[1]]
    ["m.yaml:4:7: error: unknown key 'txt'; did you mean 'text'? [unknown-key]"]
    """
    checked = check_document(document)
    return (checked.map if not checked.diagnostics else None), checked.diagnostics


def check_document(document: SourceDocument) -> CheckedDocument:
    """Like :func:`validate_document`, but a file with schema errors keeps what passed.

    The map is None only when the file is not a mapping at all.
    """
    damage = Damage()
    for dropped in document.dropped:  # the second of two duplicate keys, which reading left out
        damage.touch(dropped)
    if not isinstance(document.data, dict):
        got = describe(document.data)
        message = f"a map file must be a mapping of keys (argmap, title, claims, ...), got {got}"
        return CheckedDocument(
            None, damage, [Diagnostic.at(document.value_span(()), "wrong-type", message)]
        )
    positions: dict[str, list[int]] | None = None
    try:
        argument_map = ArgumentMap.model_validate(document.data)
        diagnostics: list[Diagnostic] = []
    except ValidationError as error:
        diagnostics = schema_diagnostics(error, document)
        salvaged = salvage(document.data, error)
        argument_map, positions = salvaged.map, salvaged.positions
        damage.merge(salvaged.damage)
    _locate(argument_map, document, positions)
    return CheckedDocument(argument_map, damage, diagnostics)


def _locate(
    argument_map: ArgumentMap, document: SourceDocument, positions: dict[str, list[int]] | None
) -> None:
    """Record where each object of the file stands, in the map's origin table.

    *positions* maps a list item's index in a salvaged map to its index in the file.
    """
    group = argument_map.title
    argument_map._path = document.path
    origins = argument_map._origins
    for section in ("claims", "arguments", "sources", "speakers"):
        for key in getattr(argument_map, section):
            origins[(section, key)] = Origin(
                document.key_span((section, key)), group, (section, key)
            )
    for section in ("links", "tour"):
        count = len(getattr(argument_map, section))
        written = positions[section] if positions is not None else range(count)
        for index, place in zip(range(count), written, strict=True):
            origins[(section, index)] = Origin(
                document.key_span((section, place)), group, (section, place)
            )
