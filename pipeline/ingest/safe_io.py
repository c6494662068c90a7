"""Reading inputs that may fight back: special files, symlinks, huge or changing files,
names that are not UTF-8, JSON at the parser's limits.

Every function here either returns data or raises ``InputError`` (a ValueError) saying what
is wrong, without the file's name: the caller knows how the file is to be named.
"""

from __future__ import annotations

import json
import os
import stat
from typing import BinaryIO

# O_NOFOLLOW: the file judged is the file read, never what a symlink put in its place.
# O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer for ever.
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class InputError(ValueError):
    """An input that is not what it must be; the message says why (not which file)."""


def kind(mode: int) -> str:
    """What a file is, in words, from its st_mode."""
    for test, name in ((stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"), (stat.S_ISLNK, "symlink"),
                       (stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def open_regular(path: os.PathLike | str, max_bytes: int) -> tuple[int, os.stat_result]:
    """An open descriptor of a regular file of at most ``max_bytes``, and its fstat."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as err:
        if err.errno == 40:  # ELOOP: the last component is a symlink
            raise InputError("is a symlink; not followed") from err
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise InputError(f"not a regular file ({kind(st.st_mode)}); not read")
    if st.st_size > max_bytes:
        os.close(fd)
        raise InputError(f"{st.st_size} bytes, over the {max_bytes} byte limit; not read")
    return fd, st


def read_fd(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes from an open file, in chunks."""
    chunks, size = [], 0
    while size < limit and (chunk := os.read(fd, min(1 << 20, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_regular(path: os.PathLike | str, max_bytes: int) -> tuple[bytes, os.stat_result, os.stat_result]:
    """The bytes of a regular file of at most ``max_bytes``, with its fstat before and after
    reading (so that the caller can tell a file that changed while it was read)."""
    fd, before = open_regular(path, max_bytes)
    try:
        data = read_fd(fd, max_bytes + 1)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(f"grew past the {max_bytes} byte limit while being read; not read")
    return data, before, after


def open_regular_stream(path: os.PathLike | str, max_bytes: int) -> BinaryIO:
    """A binary stream over a regular file (same checks as ``read_regular``)."""
    fd, _ = open_regular(path, max_bytes)
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def parse_json(text: str | bytes) -> object:
    """JSON as data, with the parser's limits as ValueError: a 5,000-digit number already is one
    (Python's int limit); nesting deep enough to exhaust the parser's stack raises RecursionError,
    which must not end the build."""
    try:
        return json.loads(text)
    except RecursionError as err:
        raise ValueError("nested too deeply") from err


def is_unicode(text: str) -> bool:
    """False for a str holding lone surrogates (JSON's "\\ud800", or a file name that is not
    UTF-8): it cannot be written as UTF-8, so it would fail only later, while publishing."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    """A path as it can be shown and stored: bytes that are not UTF-8 (which os.fsdecode keeps as
    lone surrogates) are written as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
