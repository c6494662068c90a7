"""Run the pure core over sources: ingest, sections, extract -> table rows.

The Dagster assets call these same functions; this module lets the whole core run
(and be tested or benchmarked) from a Python prompt with no orchestration. Each
document's work goes through a DocumentCache, so unchanged documents cost a lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from pipeline import tables
from pipeline.cache import DocumentCache
from pipeline.code_versions import stage_version
from pipeline.extract import extract_metrics, extract_people
from pipeline.extract.mentions import find_mentions
from pipeline.extract.script import as_written_metric, as_written_person, as_written_section, reading_text
from pipeline.extract.tagger import analyse
from pipeline.ingest import IngestedDocument, ingest_record
from pipeline.ingest.decode import DecodeError
from pipeline.ingest.documents import defect_rows, document_row
from pipeline.ingest.sources import DirectorySource, Rejected, Source, SourceError, SourceRecord
from pipeline.sections import split_sections
from pipeline.sections.split import Section


class DocumentFailed(RuntimeError):
    """A stage raised on one document; the message names it."""


@dataclass
class Ingested:
    documents: list[IngestedDocument] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Identity and content of every input: the data version of the ingest asset."""
        import hashlib

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


def _per_document(stage: str, doc: IngestedDocument, cache: DocumentCache, compute):
    try:
        return cache.get_or_compute(stage, doc.doc_id, doc.sha256, doc.source_name, compute)
    except Exception as err:  # noqa: BLE001 - re-raised with the document named
        raise DocumentFailed(f"{stage} failed on {doc.source_name} (doc_id {doc.doc_id}): {err!r}") from err


def document_tables(docs: list[IngestedDocument]) -> dict[str, pd.DataFrame]:
    return {
        "documents": tables.frame("documents", [document_row(d, stage_version("ingest")) for d in docs]),
        "defects": tables.frame("defects", [r for d in docs for r in defect_rows(d, stage_version("ingest"))]),
    }


def section_table(docs: list[IngestedDocument], cache: DocumentCache | None = None) -> pd.DataFrame:
    cache = cache or DocumentCache(None)
    rows = []
    for d in docs:
        rows += _per_document("sections", d, cache,
                              lambda d=d: tables.section_rows(d.doc_id, d.text, sections_of(d.text),
                                                                        stage_version("sections")))
    return tables.frame("sections", rows)


def sections_of(text: str) -> list[Section]:
    """Sections found in the reading text (simplified, for traditional documents), with their
    strings in the document's own script."""
    reading = reading_text(text)
    return [as_written_section(s, reading, text) for s in split_sections(reading)]


def _extract_one(d: IngestedDocument) -> tuple[list[dict], list[dict], list[dict]]:
    text, reading = d.text, reading_text(d.text)
    sections = sections_of(text)
    analysis = analyse(reading)  # the tagger runs once, for the people and the other names
    people = extract_people(reading, analysis)
    mentions = find_mentions(reading, people, analysis)
    metrics = extract_metrics(reading)
    if reading is not text:
        people = [as_written_person(p, reading, text) for p in people]
        mentions = [replace(m, text=text[m.char_start:m.char_end]) for m in mentions]
        metrics = [as_written_metric(m, reading, text) for m in metrics]
    version = stage_version("extract")
    return (tables.metric_rows(d.doc_id, metrics, sections, version),
            tables.people_rows(d.doc_id, text, sections, people, version),
            tables.mention_rows(d.doc_id, text, sections, mentions, version))


def extraction_tables(docs: list[IngestedDocument], cache: DocumentCache | None = None) -> dict[str, pd.DataFrame]:
    """Metrics, people and mentions, one document at a time (cached)."""
    cache = cache or DocumentCache(None)
    builders = {t: tables.FrameBuilder(t) for t in ("metrics", "people", "mentions")}
    for d in docs:
        rows = _per_document("extract", d, cache, lambda d=d: _extract_one(d))
        for builder, table_rows in zip(builders.values(), rows, strict=True):
            builder.extend(table_rows)
    return {t: b.frame() for t, b in builders.items()}


def entity_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Entities across all documents: needs every document's mentions, so it is never cached per document."""
    return tables.entity_frame(mentions, stage_version("entities"))


def rejected_table(ingested: Ingested) -> pd.DataFrame:
    return tables.frame("rejected", [{"source_name": r.source_name, "reason": r.reason,
                                      "code_version": stage_version("ingest")}
                                     for r in ingested.rejected])


def build_tables(seeds: Path, cache: DocumentCache | None = None) -> tuple[dict[str, pd.DataFrame], Ingested]:
    ingested = ingest_all(seeds, cache)
    out = document_tables(ingested.documents)
    out["sections"] = section_table(ingested.documents, cache)
    out.update(extraction_tables(ingested.documents, cache))
    out["entities"] = entity_table(out["mentions"])
    out["rejected"] = rejected_table(ingested)
    return out, ingested


def source_list(docs: list[IngestedDocument]) -> list[dict]:
    """What went in, for the release's provenance."""
    return [{"source_name": d.source_name, "doc_id": d.doc_id, "sha256": d.sha256, "encoding": d.encoding,
             "duplicate_sources": d.duplicate_sources,
             **{k: d.meta.get(k) for k in ("publisher", "date", "source_url", "license") if d.meta.get(k)}}
            for d in docs]


def sources_from_documents(documents: pd.DataFrame) -> list[dict]:
    """The same provenance list, read off the documents table (so the release needs nothing else)."""
    keys = ("source_name", "doc_id", "sha256", "encoding", "duplicate_sources", "publisher", "date",
            "source_url", "license")
    return [{k: v for k, v in row.items() if k in keys and v not in (None, [])}
            for row in tables.iter_records(documents[[c for c in keys if c in documents.columns]])]
