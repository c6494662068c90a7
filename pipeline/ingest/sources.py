"""Find input documents: text files with optional sidecars, and JSONL collections.

Every path under a seeds directory ends as exactly one document or one rejected row (a
sidecar goes with its document), and every line of a collection as one record or one
rejected row: nothing is skipped in silence. Files are read by the rules in ``safe_io``:
regular files only, never blocking, never more than a cap.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import re
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import schemas
from pipeline.ingest.safe_io import (
    InputError,
    is_unicode,
    kind,
    open_regular_stream,
    parse_json,
    printable_name,
    read_regular,
)

TEXT_SUFFIXES = (".txt", ".md")
COLLECTION_SUFFIXES = (".jsonl", ".jsonl.gz")
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = {"title": str, "publisher": str, "date": str, "source_url": str, "license": str}
# Larger files are refused before reading: the biggest government report in the corpus is
# under 1 MB, so 50 MB is room for any real document and a guard against loading junk.
# A collection's record is a document, so it has the same cap.
MAX_FILE_BYTES = 50 * 1024 * 1024
# A sidecar holds a handful of short fields; anything this large is not one (and /dev/zero
# behind a symlink would otherwise be read until memory runs out).
MAX_SIDECAR_BYTES = 64 * 1024
# A collection is read line by line, uncompressed bytes counted: the benchmark corpus is 60 MB,
# so 2 GB is room for a large one and a stop for a gzip bomb (1.5 MB -> 1.5 GB of one line).
MAX_COLLECTION_BYTES = 2 * 1024 * 1024 * 1024


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


# Sidecars


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)


def _sidecar_bytes(name: str, sidecar: Path) -> bytes | None:
    """The sidecar's bytes, None when there is none; refused unless a regular file."""
    try:
        st = sidecar.lstat()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise SourceError(f"{name}: sidecar {sidecar.name} cannot be read: {err.strerror}") from err
    if stat.S_ISLNK(st.st_mode):
        raise SourceError(f"{name}: sidecar {sidecar.name} is a symlink; not followed")
    try:
        return read_regular(sidecar, MAX_SIDECAR_BYTES)[0]
    except InputError as err:
        raise SourceError(f"{name}: sidecar {sidecar.name}: {err}") from err
    except OSError as err:
        raise SourceError(f"{name}: sidecar {sidecar.name} cannot be read: {err.strerror}") from err


def read_sidecar(path: Path, rel: str | None = None) -> dict:
    """The document's metadata from ``x.meta.json`` beside it, read by the rules documents obey:
    a regular file (no symlink, FIFO or device), at most MAX_SIDECAR_BYTES, parsed as data only."""
    name = rel or path.name  # how the document is named in its rejected row
    sidecar = sidecar_path(path)
    raw = _sidecar_bytes(name, sidecar)
    if raw is None:
        return {}
    try:
        meta = parse_json(raw.decode("utf-8"))
    except ValueError as err:  # UnicodeDecodeError and JSONDecodeError included
        raise SourceError(f"{name}: sidecar {sidecar.name} is not valid JSON: {str(err)[:200]}") from err
    if not isinstance(meta, dict):
        raise SourceError(f"{name}: sidecar {sidecar.name} must be a JSON object")
    for key, typ in SIDECAR_FIELDS.items():
        if key in meta and meta[key] is not None and not isinstance(meta[key], typ):
            raise SourceError(f"{name}: sidecar {sidecar.name} field {key!r} must be a {typ.__name__}")
        if isinstance(meta.get(key), str) and not is_unicode(meta[key]):
            raise SourceError(f"{name}: sidecar {sidecar.name} field {key!r} holds a lone surrogate, not text")
    fields = {k: meta[k] for k in SIDECAR_FIELDS if meta.get(k)}
    if problem := meta_problem(fields):
        raise SourceError(f"{name}: sidecar {sidecar.name} {problem}")
    return fields


# Dates before this are no publication dates of the sources this pipeline reads.
EARLIEST_DATE = dt.date(1900, 1, 1)


def meta_problem(meta: dict[str, str]) -> str | None:
    """What is wrong with a document's metadata fields, by the documents schema's rules
    (maxLength, pattern), and for a date by the calendar: published unchecked, a title of
    100,000 characters or a date of 9999-12-31 would be in the release as if true."""
    schema = schemas.load("documents")
    for key, value in meta.items():
        f = schema.field(key)
        if f.max_length is not None and len(value) > f.max_length:
            return f"field {key!r} is {len(value)} characters, over the {f.max_length} the documents schema allows"
        if f.pattern and not re.fullmatch(f.pattern, value):
            return f"field {key!r} ({value[:40]!r}) does not have the documents schema's form {f.pattern}"
    return _date_problem(meta["date"]) if "date" in meta else None


def _date_problem(value: str) -> str | None:
    """A date of reduced precision (2013, 2013-05) stands for its first day, to be checked."""
    try:
        date = dt.date.fromisoformat(value + "-01-01"[: 10 - len(value)] if len(value) < 10 else value)
    except ValueError:
        return f"field 'date' ({value!r}) is not a real calendar date"
    latest = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date()  # a day ahead: time zones
    if not EARLIEST_DATE <= date <= latest:
        return f"field 'date' ({value}) is outside {EARLIEST_DATE} to the day of the build"
    return None


# Collections

COLLECTION_META = ("title", "date", "publisher", "source_url", "license")


def record_id(value: object) -> str:
    """A record's id as the text its doc_id is made from. Only strings and integers: a float,
    list or bool has no one text form (1.0 or 1? true or True?)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"id must be a string or an integer, not {type(value).__name__}")
    return str(value)


def _collection_record(line: bytes, n: int, name: str, rel: str) -> SourceRecord:
    """One line of a collection as a record; ValueError (or TypeError, KeyError) says why not."""
    rec = parse_json(line.decode("utf-8-sig" if n == 1 else "utf-8"))
    if not isinstance(rec, dict):
        raise TypeError("not a JSON object")
    rid, text = record_id(rec["id"]), rec["text"]
    if not isinstance(text, str):
        raise TypeError("text is not a string")
    meta = {k: rec[k] for k in COLLECTION_META if isinstance(rec.get(k), str) and rec.get(k)}
    for key, value in [("id", rid), ("text", text), *meta.items()]:
        if not is_unicode(value):
            raise ValueError(f"{key} holds a lone surrogate, not text")
    if problem := meta_problem(meta):
        raise ValueError(problem)
    return SourceRecord(f"{name}#{rid}", f"jsonl:{rel}#{rid}", text.encode("utf-8"), meta, text)


def _skip_line(stream) -> int:
    """Read past the rest of an over-long line without keeping it; the bytes skipped."""
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _lines(stream, name: str) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of every line, streaming; None for a line over MAX_FILE_BYTES (not
    kept). Raises InputError once MAX_COLLECTION_BYTES (uncompressed) have been read."""
    total = 0
    n = 0
    while line := stream.readline(MAX_FILE_BYTES + 1):
        n += 1
        total += len(line)
        too_long = len(line) > MAX_FILE_BYTES and not line.endswith(b"\n")
        if too_long:
            total += _skip_line(stream)
        if total > MAX_COLLECTION_BYTES:
            raise InputError(f"over the {MAX_COLLECTION_BYTES} byte limit (uncompressed) at line {n}")
        yield n, None if too_long else line


@contextmanager
def _open_collection(path: Path):
    """The collection's uncompressed bytes as a stream (its cap is on what it expands to)."""
    with open_regular_stream(path, 1 << 62) as raw:
        if not path.name.endswith(".gz"):
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            yield unzipped


def _collection_lines(path: Path, name: str, rel: str) -> Iterator[SourceRecord | Rejected]:
    """Every line as a record or a rejected row; a repeated id rejects the later record."""
    first_line: dict[str, int] = {}  # id -> the line it was first seen on
    with _open_collection(path) as stream:
        for n, line in _lines(stream, name):
            if line is None:
                yield Rejected(f"{name}:{n}", f"{name} line {n}: over the {MAX_FILE_BYTES} byte limit for one "
                                              "record; not read")
                continue
            if not line.strip():
                continue
            try:
                record = _collection_record(line, n, name, rel)
            except (ValueError, KeyError, TypeError) as err:
                yield Rejected(f"{name}:{n}", f"{name} line {n}: not a collection record: {str(err)[:300]}")
                continue
            rid = record.source_name.removeprefix(f"{name}#")
            if rid in first_line:
                # Two records, one id, would be one doc_id: the first keeps it, the later one is refused.
                yield Rejected(f"{name}:{n}", f"{name} line {n}: duplicate id {rid!r} in collection {rel} "
                                              f"(first on line {first_line[rid]}); not read")
                continue
            first_line[rid] = n
            yield record


def collection_records(path: Path, name: str, rel: str) -> Iterator[SourceRecord | Rejected]:
    """A collection's records and rejected lines. If reading fails part-way (a damaged gzip
    stream, the size cap), the records before stand and the rest is one rejected row."""
    count = 0
    try:
        for item in _collection_lines(path, name, rel):
            count += 1
            yield item
    except (OSError, EOFError, zlib.error, InputError) as err:
        yield Rejected(name, f"{name}: cannot read collection past record {count}: {err}; the rest was not read")
        return
    if count == 0:
        yield Rejected(name, f"{name}: collection holds no records")


# Text files


def read_stable(path: Path, rel: str) -> bytes:
    """Read a file whole, refusing one that is too large, not a regular file, or that changes
    while being read. ``path`` is opened without following a symlink."""
    for _attempt in range(2):
        try:
            data, before, after = read_regular(path, MAX_FILE_BYTES)
        except InputError as err:
            raise SourceError(f"{rel}: {err}") from err
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) and len(data) == after.st_size:
            return data
    raise SourceError(f"{rel}: changed while being read; try again when it is complete")


# Walking a seeds directory


@dataclass(frozen=True)
class Entry:
    """One path under the seeds directory, as found (not following symlinks)."""

    path: Path
    rel: str
    st: os.stat_result
    siblings: frozenset[str]


def _entries(directory: Path, rel: str) -> Iterator[Entry | Rejected]:
    """Every path under ``directory`` in name order, depth first, symlinks not followed. A
    directory that cannot be listed is one rejected row; hidden and non-UTF-8 directories are
    yielded (to be rejected), not entered."""
    try:
        with os.scandir(directory) as listing:
            names = sorted(e.name for e in listing)
    except OSError as err:
        shown = printable_name(rel or ".")
        yield Rejected(f"{shown}/", f"{shown}/: directory cannot be listed ({err.strerror}); nothing in it was read")
        return
    siblings = frozenset(names)
    for name in names:
        path, child = directory / name, f"{rel}/{name}" if rel else name
        try:
            st = path.lstat()
        except OSError as err:
            yield Rejected(printable_name(child), f"{printable_name(child)}: {err.strerror}")
            continue
        yield Entry(path, child, st, siblings)
        if stat.S_ISDIR(st.st_mode) and not name.startswith(".") and is_unicode(name):
            yield from _entries(path, child)


def _has_document(entry: Entry) -> bool:
    stem = entry.path.name.removesuffix(SIDECAR_SUFFIX)
    return any(stem + suffix in entry.siblings for suffix in TEXT_SUFFIXES)


def _refusal(entry: Entry, real_root: Path) -> tuple[str | None, Path]:
    """Why this path is not read (None if it is), and the path to read it from."""
    name, mode = entry.path.name, entry.st.st_mode
    if not is_unicode(entry.rel):
        return f"{'directory' if stat.S_ISDIR(mode) else 'file'} name is not valid UTF-8; not read", entry.path
    if name.startswith("."):
        return f"hidden {'directory' if stat.S_ISDIR(mode) else 'file'}; not read", entry.path
    if not stat.S_ISLNK(mode):
        return (None if stat.S_ISREG(mode) else f"not a regular file ({kind(mode)}); not read"), entry.path
    target = Path(os.path.realpath(entry.path))
    if not target.is_relative_to(real_root):
        return "symlink leading out of the seeds directory; not followed", entry.path
    try:
        target_mode = target.stat().st_mode  # realpath left a symlink only in a loop: stat fails
    except OSError:
        return "dangling symlink (or a loop); nothing to read", entry.path
    if not stat.S_ISREG(target_mode):
        return f"symlink to a {kind(target_mode)}; not followed", entry.path
    return None, target


def _read_entry(entry: Entry, real_root: Path) -> Iterator[SourceRecord | Rejected]:
    """What one path becomes: records, or one rejected row (a sidecar goes with its document)."""
    rel, name = entry.rel, entry.path.name
    if stat.S_ISDIR(entry.st.st_mode) and not name.startswith(".") and is_unicode(rel):
        return  # a plain directory is not an input; what it holds is
    if name.endswith(SIDECAR_SUFFIX) and is_unicode(rel) and not name.startswith("."):
        if not _has_document(entry):
            yield Rejected(rel, f"{rel}: sidecar without a document ({name.removesuffix(SIDECAR_SUFFIX)}.txt "
                                "or .md); not read")
        return
    why, target = _refusal(entry, real_root)
    if why:
        shown = printable_name(rel)
        yield Rejected(shown, f"{shown}: {why}")
    elif name.endswith(COLLECTION_SUFFIXES):
        yield from collection_records(target, rel, rel)
    elif name.endswith(TEXT_SUFFIXES):
        try:
            yield SourceRecord(rel, f"file:{rel}", read_stable(target, rel), read_sidecar(entry.path, rel))
        except (OSError, SourceError) as err:
            yield Rejected(rel, str(err) if isinstance(err, SourceError) else f"{rel}: {err}")
    else:
        yield Rejected(rel, f"{rel}: not a text file or collection (expected {TEXT_SUFFIXES + COLLECTION_SUFFIXES})")


def read_seeds(root: Path) -> Iterator[SourceRecord | Rejected]:
    """Every input under ``root`` in a stable order, each read or rejected with a reason."""
    root = Path(root)
    if not root.is_dir():
        raise SourceError(f"{root}: seeds directory does not exist")
    real_root = root.resolve()
    for entry in _entries(root, ""):
        if isinstance(entry, Rejected):
            yield entry
            continue
        try:
            yield from _read_entry(entry, real_root)
        except Exception as err:  # noqa: BLE001 - one path's defect is its rejected row, never the walk's end
            shown = printable_name(entry.rel)
            yield Rejected(shown, f"{shown}: could not be read: {type(err).__name__}: {str(err)[:300]}")


# Sources


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
            out.append((printable_name(p.relative_to(root).as_posix()), st.st_size, st.st_mtime_ns))
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
        yield from collection_records(path, path.name, path.name)

    def fingerprint(self) -> list[tuple]:
        path = Path(self.path)
        if not path.exists():
            return [(str(path), None, None)]
        st = path.stat()
        return [(str(path), st.st_size, st.st_mtime_ns)]
