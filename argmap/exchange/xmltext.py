"""Text that is safe inside XML 1.0, shared by the GraphML and GEXF exporters.

ElementTree escapes ``&``, ``<``, ``>`` and quotes, but writes control characters as they are,
which makes the file unreadable; XML 1.0 cannot carry them at all, so they are dropped here.
Line breaks are written as line feeds: an XML reader turns a CR in element text into one, and
the same text must read back the same whether it is an element or an attribute.

>>> xml_safe("a\\x00b\\x1bc\\td\\r\\ne\\rf")
'abc\\td\\ne\\nf'
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

__all__ = ["qualified", "serialise", "xml_safe", "xml_value"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def qualified(namespace: str, tag: str) -> str:
    """ElementTree's name for *tag* in *namespace*: ``{namespace}tag``."""
    return f"{{{namespace}}}{tag}"


def xml_safe(text: str) -> str:
    """*text* without the characters XML 1.0 forbids, line breaks as line feeds."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def xml_value(value: Any) -> str:
    """An attribute value as XML text: lists joined with ', ', booleans in lower case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(xml_safe(str(v)) for v in value)
    return xml_safe(str(value))


def serialise(root: ET.Element) -> str:
    """The document of *root*, indented, with an XML declaration."""
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
