"""Write a file whole or not at all: every file argmap writes goes through :func:`write_file`.

The text goes to a temporary file in the target's own folder, is flushed to disk, and then
takes the target's name in one ``os.replace``, so a build or export interrupted at any moment
leaves the old file or the new one, never half of either; the temporary file is removed when
anything fails. Replacing a name never follows a symbolic link: a link at the target is itself
replaced. With ``exclusive=True`` an existing file is never replaced (``FileExistsError``):
the new file takes its name with ``os.link``, which fails if the name is taken, even if another
program creates it in the meantime.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_file(folder / "a.txt", "one\\n")
>>> write_file(folder / "a.txt", "two\\n")
>>> (folder / "a.txt").read_text()
'two\\n'
>>> write_file(folder / "a.txt", "three\\n", exclusive=True)
Traceback (most recent call last):
...
FileExistsError: ...
>>> sorted(p.name for p in folder.iterdir())
['a.txt']
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["same_file", "write_file"]


def _new_file_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give: 0o666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_file(path: Path, content: str | bytes, *, exclusive: bool = False) -> None:
    """Write *content* (text as UTF-8 with ``\\n`` line ends) to *path* atomically.

    Raises ``FileExistsError`` when *exclusive* and *path* exists, and ``OSError`` when the
    folder cannot take the file; *path* is then as it was.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if exclusive and os.path.lexists(path):
        raise FileExistsError(17, "File exists", str(path))
    try:
        mode = os.stat(path, follow_symlinks=False).st_mode & 0o777
    except OSError:
        mode = _new_file_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:64]}.", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if exclusive:
            _link_new(temporary, path)
        else:
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _link_new(temporary: str, path: Path) -> None:
    """Give *temporary* the name *path* only if no file holds it."""
    try:
        os.link(temporary, path)  # fails if the name was taken meanwhile
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then replace
        if os.path.lexists(path):
            raise FileExistsError(17, "File exists", str(path)) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def same_file(one: Path, other: Path) -> bool:
    """Whether *one* and *other* name the same existing file (links and ``..`` resolved)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
