"""Find input documents: text files with optional sidecars, and JSONL collections."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
COLLECTION_SUFFIXES = (".jsonl", ".jsonl.gz")
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = {"title": str, "publisher": str, "date": str, "source_url": str, "license": str}
# Larger files are refused before reading: the biggest government report in the corpus is
# under 1 MB, so 50 MB is room for any real document and a guard against loading junk.
MAX_FILE_BYTES = 50 * 1024 * 1024
# A sidecar holds a handful of short fields; anything this large is not one (and /dev/zero
# behind a symlink would otherwise be read until memory runs out).
MAX_SIDECAR_BYTES = 64 * 1024
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class SourceError(ValueError):
    """An input that cannot be read; the message names the file and the problem."""


@dataclass
class SourceRecord:
    """One document as it arrived: its identity, raw bytes and metadata."""

    source_name: str
    identity: str
    data: bytes
    meta: dict = field(default_factory=dict)
    text: str | None = None  # collections carry text, not bytes

    @property
    def doc_id(self) -> str:
        """Derived from where the document came from, not what it says, so edits keep the id."""
        return hashlib.sha256(self.identity.encode("utf-8")).hexdigest()[:16]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Rejected:
    source_name: str
    reason: str


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict:
    """The document's metadata from ``x.meta.json`` beside it, read by the rules documents obey:
    a regular file (no symlink, FIFO or device), at most MAX_SIDECAR_BYTES, parsed as data only."""
    sidecar = sidecar_path(path)
    try:
        st = sidecar.lstat()
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise SourceError(f"{path.name}: sidecar {sidecar.name} cannot be read: {err.strerror}") from err
    if stat.S_ISLNK(st.st_mode):
        raise SourceError(f"{path.name}: sidecar {sidecar.name} is a symlink; not followed")
    try:
        raw = read_regular(sidecar, MAX_SIDECAR_BYTES)
    except SourceError as err:
        raise SourceError(f"{path.name}: sidecar {sidecar.name} {err}") from err
    except OSError as err:
        raise SourceError(f"{path.name}: sidecar {sidecar.name} cannot be read: {err.strerror}") from err
    try:
        meta = parse_json(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise SourceError(f"{path.name}: sidecar {sidecar.name} is not valid JSON: {err}") from err
    if not isinstance(meta, dict):
        raise SourceError(f"{path.name}: sidecar {sidecar.name} must be a JSON object")
    for key, typ in SIDECAR_FIELDS.items():
        if key in meta and meta[key] is not None and not isinstance(meta[key], typ):
            raise SourceError(f"{path.name}: sidecar {sidecar.name} field {key!r} must be a {typ.__name__}")
        if isinstance(meta.get(key), str) and not is_unicode(meta[key]):
            raise SourceError(f"{path.name}: sidecar {sidecar.name} field {key!r} holds a lone surrogate, not text")
    return {k: meta[k] for k in SIDECAR_FIELDS if meta.get(k)}


def parse_json(text: str | bytes) -> object:
    """JSON as data, with the parser's limits as ValueError: a 5,000-digit number already is one
    (Python's int limit); nesting deep enough to exhaust the C parser's stack raises RecursionError,
    which must not end the build."""
    try:
        return json.loads(text)
    except RecursionError as err:
        raise ValueError("nested too deeply") from err


def is_unicode(text: str) -> bool:
    """False for a str holding lone surrogates (JSON's "\\ud800"): it cannot be written as UTF-8,
    so it would fail only later, in the middle of publishing."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    """A path as it can be shown and stored: bytes that are not UTF-8 (which os.fsdecode keeps as
    lone surrogates) are written as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_fd(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes from an open file, in chunks."""
    chunks, size = [], 0
    while size < limit and (chunk := os.read(fd, min(1 << 20, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``.

    Opened without following a symlink and without blocking (a FIFO would otherwise wait for a
    writer for ever), then checked with fstat on the open descriptor, so the file judged is the
    file read. Raises SourceError saying what is wrong (the caller adds the name), or OSError.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"is not a regular file ({_kind(st.st_mode)}); not read")
        if st.st_size > max_bytes:
            raise SourceError(f"is {st.st_size} bytes, over the {max_bytes} byte limit; not read")
        data = _read_fd(fd, max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise SourceError(f"grew past the {max_bytes} byte limit while being read; not read")
    return data


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory"), (stat.S_ISLNK, "symlink")):
        if test(mode):
            return name
    return "special file"


COLLECTION_META = ("title", "date", "publisher", "source_url", "license")


def _collection_record(line: str, n: int, name: str, rel: str) -> SourceRecord:
    """One line of a collection as a record; ValueError (or TypeError, KeyError) says why not."""
    rec = parse_json(line)
    if not isinstance(rec, dict):
        raise TypeError("not a JSON object")
    rid, text = record_id(rec["id"]), rec["text"]
    if not isinstance(text, str):
        raise TypeError("text is not a string")
    meta = {k: rec[k] for k in COLLECTION_META if isinstance(rec.get(k), str) and rec.get(k)}
    for key, value in [("id", rid), ("text", text), *meta.items()]:
        if not is_unicode(value):
            raise ValueError(f"{key} holds a lone surrogate, not text")
    return SourceRecord(f"{name}#{rid}", f"jsonl:{rel}#{rid}", text.encode("utf-8"), meta, text)


def record_id(value: object) -> str:
    """A record's id as the text its doc_id is made from. Only strings and integers: a float,
    list or bool has no one text form (1.0 or 1? true or True?)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"id must be a string or an integer, not {type(value).__name__}")
    return str(value)


def _collection_records(path: Path, root: Path) -> Iterator[SourceRecord | Rejected]:
    opener = gzip.open if path.name.endswith(".gz") else open
    rel = path.relative_to(root).as_posix()
    first_line: dict[str, int] = {}  # id -> the line it was first seen on
    with opener(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = _collection_record(line, n, path.name, rel)
            except (ValueError, KeyError, TypeError) as err:
                yield Rejected(f"{path.name}:{n}", f"{path.name} line {n}: not a collection record: {err}")
                continue
            rid = record.source_name.removeprefix(f"{path.name}#")
            if rid in first_line:
                # Two records, one id, would be one doc_id: the first keeps it, the second is refused.
                yield Rejected(f"{path.name}:{n}", f"{path.name} line {n}: duplicate id {rid!r} in collection "
                                                   f"{rel} (first on line {first_line[rid]}); not read")
                continue
            first_line[rid] = n
            yield record


def read_stable(path: Path, rel: str) -> bytes:
    """Read a file whole, refusing one that is too large or that changes while being read."""
    for _attempt in range(2):
        before = path.stat()
        if before.st_size > MAX_FILE_BYTES:
            raise SourceError(f"{rel}: {before.st_size} bytes, over the {MAX_FILE_BYTES} byte limit; not read")
        data = path.read_bytes()
        after = path.stat()
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) == (len(data), after.st_mtime_ns):
            return data
    raise SourceError(f"{rel}: changed while being read; try again when it is complete")


class Source:
    """A kind of input. Adding another (an API, a database) is one subclass with ``records``
    and ``fingerprint``; everything downstream sees only SourceRecord and Rejected."""

    def records(self) -> Iterator[SourceRecord | Rejected]:
        raise NotImplementedError

    def fingerprint(self) -> list[tuple]:
        """Cheap signature of the current contents (names, sizes, mtimes), for change sensors."""
        raise NotImplementedError


@dataclass
class DirectorySource(Source):
    """Text files with optional sidecars, and any JSONL collections, under one directory."""

    root: Path

    def records(self) -> Iterator[SourceRecord | Rejected]:
        return read_seeds(self.root)

    def fingerprint(self) -> list[tuple]:
        root = Path(self.root)
        out = []
        for p in sorted(root.rglob("*")) if root.is_dir() else []:
            try:
                st = p.lstat()
            except OSError:
                continue
            out.append((p.relative_to(root).as_posix(), st.st_size, st.st_mtime_ns))
        return out


@dataclass
class JsonlSource(Source):
    """A JSONL collection ({"id","title","date","text"} per line, gzip allowed) anywhere on disk."""

    path: Path

    def records(self) -> Iterator[SourceRecord | Rejected]:
        path = Path(self.path)
        if not path.is_file():
            yield Rejected(str(path), f"{path}: collection file does not exist")
            return
        try:
            yield from _collection_records(path, path.parent)
        except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as err:
            yield Rejected(path.name, f"{path.name}: cannot read collection: {err}")

    def fingerprint(self) -> list[tuple]:
        path = Path(self.path)
        if not path.exists():
            return [(str(path), None, None)]
        st = path.stat()
        return [(str(path), st.st_size, st.st_mtime_ns)]


def read_seeds(root: Path) -> Iterator[SourceRecord | Rejected]:
    """Every input under ``root`` in a stable order, each read or rejected with a reason."""
    root = Path(root)
    if not root.is_dir():
        raise SourceError(f"{root}: seeds directory does not exist")
    real_root = root.resolve()
    for path in sorted(root.rglob("*")):
        name = path.name
        rel = path.relative_to(root).as_posix()
        if not is_unicode(rel):
            if not path.is_dir() or path.is_symlink():
                yield Rejected(printable_name(rel), f"{printable_name(rel)}: file name is not valid UTF-8; not read")
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(real_root):
            if not name.endswith(SIDECAR_SUFFIX):
                yield Rejected(rel, f"{rel}: symlink leading out of the seeds directory; not followed")
            continue
        if not path.is_file() or name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
            continue
        if name.endswith(COLLECTION_SUFFIXES):
            try:
                yield from _collection_records(path, root)
            except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as err:
                yield Rejected(rel, f"{rel}: cannot read collection: {err}")
        elif name.endswith(TEXT_SUFFIXES):
            try:
                yield SourceRecord(rel, f"file:{rel}", read_stable(path, rel), read_sidecar(path))
            except (OSError, SourceError) as err:
                yield Rejected(rel, str(err) if isinstance(err, SourceError) else f"{rel}: {err}")
        else:
            yield Rejected(rel, f"{rel}: not a text file or collection (expected {TEXT_SUFFIXES + COLLECTION_SUFFIXES})")
