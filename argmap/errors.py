"""Exceptions, for failures of the tool or the machine only.

A mistake in a map is never an exception (see :mod:`argmap.format.diagnostics`); these are raised
for I/O failures the user must fix outside the map and for bugs.
"""

from __future__ import annotations

__all__ = ["ArgmapError", "InternalError", "OutputError"]


class ArgmapError(Exception):
    """Base class of argmap's own exceptions."""


class OutputError(ArgmapError):
    """An output file or folder cannot be written (permissions, a file where a folder belongs)."""


class InternalError(ArgmapError):
    """A bug in argmap: the CLI reports it with exit status 3 and asks for a report."""
