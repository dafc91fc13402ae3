"""Write an imported map (format-v1 plain dicts) as YAML an instructor can go on editing.

Keys keep the order the importer chose (``argmap``, ``title``, ..., ``claims``, ``links``),
multi-line texts become ``|`` blocks, non-ASCII text is written as is, and no anchors or aliases
are ever emitted (argmap's loader bounds them). libyaml's emitter is used when present, which
keeps a 10,000-claim map to about a second.

Examples
--------
>>> print(dump_map({"argmap": 1, "title": "T", "claims": {"a": {"text": "A: yes"}}}), end="")
argmap: 1
title: T
claims:
  a:
    text: 'A: yes'
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["dump_map"]

_Base: type[yaml.SafeDumper]
try:
    _Base = yaml.CSafeDumper  # type: ignore[assignment,misc,unused-ignore]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Base = yaml.SafeDumper


class _MapDumper(_Base):  # type: ignore[valid-type,misc,unused-ignore]
    """A safe dumper without aliases that writes multi-line strings as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_MapDumper.add_representer(str, _represent_str)


def dump_map(data: dict[str, Any], *, header: str | None = None) -> str:
    """The YAML text of *data*, preceded by *header* as ``#`` comment lines."""
    body: str = yaml.dump(
        data,
        Dumper=_MapDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        indent=2,
        default_flow_style=False,
    )
    if header:
        comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        return comment + body
    return body
