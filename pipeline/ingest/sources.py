"""Find input documents: text files with optional sidecars, and JSONL collections."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
COLLECTION_SUFFIXES = (".jsonl", ".jsonl.gz")
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = {"title": str, "publisher": str, "date": str, "source_url": str, "license": str}


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


def read_sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise SourceError(f"{sidecar.name}: sidecar is not valid JSON: {err}") from err
    if not isinstance(meta, dict):
        raise SourceError(f"{sidecar.name}: sidecar must be a JSON object")
    for key, typ in SIDECAR_FIELDS.items():
        if key in meta and meta[key] is not None and not isinstance(meta[key], typ):
            raise SourceError(f"{sidecar.name}: field {key!r} must be a {typ.__name__}")
    return {k: meta[k] for k in SIDECAR_FIELDS if meta.get(k)}


def _collection_records(path: Path, root: Path) -> Iterator[SourceRecord | Rejected]:
    opener = gzip.open if path.name.endswith(".gz") else open
    rel = path.relative_to(root).as_posix()
    with opener(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                rid, text = str(rec["id"]), rec["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                yield Rejected(f"{path.name}:{n}", f"{path.name} line {n}: not a collection record: {err}")
                continue
            meta = {k: rec[k] for k in ("title", "date", "publisher", "source_url", "license")
                    if isinstance(rec.get(k), str) and rec.get(k)}
            yield SourceRecord(f"{path.name}#{rid}", f"jsonl:{rel}#{rid}", text.encode("utf-8"), meta, text)


def read_seeds(root: Path) -> Iterator[SourceRecord | Rejected]:
    """Every input under ``root`` in a stable order, each read or rejected with a reason."""
    root = Path(root)
    if not root.is_dir():
        raise SourceError(f"{root}: seeds directory does not exist")
    for path in sorted(root.rglob("*")):
        name = path.name
        if not path.is_file() or name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
            continue
        rel = path.relative_to(root).as_posix()
        if name.endswith(COLLECTION_SUFFIXES):
            try:
                yield from _collection_records(path, root)
            except (OSError, UnicodeDecodeError, EOFError) as err:
                yield Rejected(rel, f"{rel}: cannot read collection: {err}")
        elif name.endswith(TEXT_SUFFIXES):
            try:
                yield SourceRecord(name, f"file:{rel}", path.read_bytes(), read_sidecar(path))
            except (OSError, SourceError) as err:
                yield Rejected(rel, str(err) if isinstance(err, SourceError) else f"{rel}: {err}")
        else:
            yield Rejected(rel, f"{rel}: not a text file or collection (expected {TEXT_SUFFIXES + COLLECTION_SUFFIXES})")
