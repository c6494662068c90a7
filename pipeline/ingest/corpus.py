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
    cache = cache or DocumentCache(None)
    out = Ingested()
    by_sha: dict[str, IngestedDocument] = {}
    for source in sources:
        for item in _records(source):
            if isinstance(item, Rejected):
                out.rejected.append(item)
            elif item.sha256 in by_sha:
                by_sha[item.sha256].duplicate_sources.append(item.source_name)
            elif isinstance(doc := _ingest_one(item, cache), Rejected):
                out.rejected.append(doc)
            else:
                doc.duplicate_sources = []
                by_sha[item.sha256] = doc
                out.documents.append(doc)
    return out


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
