"""Sources -> documents: every input becomes a document or a rejected row, and byte-identical
inputs become one document (de-duplication), each document's ingest going through the cache."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cache import DocumentCache
from pipeline.code_versions import stage_version
from pipeline.ingest.decode import DecodeError
from pipeline.ingest.documents import IngestedDocument, ingest_record
from pipeline.ingest.sources import DirectorySource, Rejected, Source, SourceError, SourceRecord


@dataclass
class Ingested:
    documents: list[IngestedDocument] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Identity and content of every input: the data version of the ingest asset."""
        h = hashlib.sha256(stage_version("ingest").encode())
        for d in self.documents:
            h.update(f"{d.doc_id}:{d.sha256}:{','.join(d.duplicate_sources)}\n".encode())
        for r in self.rejected:
            h.update(f"rejected:{r.source_name}:{r.reason}\n".encode())
        return h.hexdigest()


def ingest_sources(sources: Iterable[Source], cache: DocumentCache | None = None) -> Ingested:
    """Every input becomes a document or a rejected row; byte-identical inputs become one
    document that records every name it arrived under. No input, however malformed, ends the
    loop: what one raises is that input's rejected row."""
    return ingest_unit(plan_units(sources, 1)[0], cache)


# Units of work: a document falls in one of ``units`` buckets by the leading bits of its doc_id (a
# sha256 of where it came from), so a unit is a contiguous range of doc_ids and a document stays in its
# unit whatever is added. Ingest, sections and extraction of one unit never read another's.
def unit_of(doc_id: str, units: int) -> int:
    """The unit of a document: ``units`` equal ranges of the first 32 bits of its doc_id."""
    return (int(doc_id[:8], 16) * units) >> 32


@dataclass
class UnitInput:
    """One unit's records, as groups of byte-identical inputs in arrival order (the first of a group
    that ingests becomes the document, the rest its duplicate sources), and reading failures."""

    unit: int
    groups: list[list[SourceRecord]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(len(g) for g in self.groups)


def plan_units(sources: Iterable[Source], units: int) -> list[UnitInput]:
    """Every input, read once, in the unit of its doc_id (byte-identical inputs in the unit of the
    first, which is where de-duplication then happens). Reading failures go to unit 0."""
    plan = [UnitInput(u) for u in range(units)]
    group_of: dict[str, list[SourceRecord]] = {}
    for source in sources:
        for item in _records(source):
            if isinstance(item, Rejected):
                plan[0].rejected.append(item)
            elif item.sha256 in group_of:
                group_of[item.sha256].append(item)
            else:
                group_of[item.sha256] = group = [item]
                plan[unit_of(item.doc_id, units)].groups.append(group)
    return plan


def ingest_unit(unit: UnitInput, cache: DocumentCache | None = None) -> Ingested:
    """The unit's documents and rejected inputs: a record that fails to ingest is rejected and the
    next byte-identical one is tried."""
    cache = cache or DocumentCache(None)
    out = Ingested(rejected=list(unit.rejected))
    for group in unit.groups:
        doc: IngestedDocument | None = None
        for item in group:
            if doc is not None:
                doc.duplicate_sources.append(item.source_name)
            elif isinstance(found := _ingest_one(item, cache), Rejected):
                out.rejected.append(found)
            else:
                doc = found
                doc.duplicate_sources = []
                out.documents.append(doc)
    return out


def merge_ingested(parts: Iterable[Ingested]) -> Ingested:
    """The units' documents as one collection, in doc_id order whatever the number of units."""
    out = Ingested()
    for part in parts:
        out.documents += part.documents
        out.rejected += part.rejected
    out.documents.sort(key=lambda d: d.doc_id)
    return out


def split_ingested(ingested: Ingested, units: int) -> list[Ingested]:
    """The documents again by unit (rejected inputs are no unit's work)."""
    parts = [Ingested() for _ in range(units)]
    for d in ingested.documents:
        parts[unit_of(d.doc_id, units)].documents.append(d)
    return parts


def _records(source: Source) -> Iterator[SourceRecord | Rejected]:
    """The source's records; if reading it fails part-way, what it yielded stands and the
    failure is one rejected row naming the source (OSError, a passing fault, is raised to be retried)."""
    try:
        yield from source.records()
    except (OSError, SourceError):
        raise
    except Exception as err:  # noqa: BLE001 - a defect of one source must not end the build
        name = str(getattr(source, "root", None) or getattr(source, "path", None) or type(source).__name__)
        yield Rejected(name, f"{name}: reading stopped: {type(err).__name__}: {str(err)[:300]}")


def _ingest_one(item: SourceRecord, cache: DocumentCache) -> IngestedDocument | Rejected:
    try:
        return cache.get_or_compute("ingest", item.identity, item.sha256, item.source_name,
                                    lambda: ingest_record(item))
    except DecodeError as err:
        return Rejected(item.source_name, str(err))
    except Exception as err:  # noqa: BLE001 - one document's defect is its rejected row, not the build's end
        return Rejected(item.source_name,
                        f"{item.source_name}: could not be ingested: {type(err).__name__}: {str(err)[:300]}")


def ingest_all(seeds: Path, cache: DocumentCache | None = None) -> Ingested:
    return ingest_sources([DirectorySource(Path(seeds))], cache)
