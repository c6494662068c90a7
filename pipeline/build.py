"""Run the pure core over sources: ingest, sections, extract -> table rows.

The Dagster assets call these same functions; this module lets the whole core run
(and be tested or benchmarked) from a Python prompt with no orchestration. Each
document's work goes through a DocumentCache, so unchanged documents cost a lookup.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pandas as pd

from pipeline import schemas
from pipeline.cache import DocumentCache
from pipeline.code_versions import stage_version
from pipeline.extract import extract_metrics, extract_people
from pipeline.extract.entities import entity_frame
from pipeline.extract.mentions import find_mentions
from pipeline.extract.people_rows import people_rows
from pipeline.extract.rows import mention_rows, metric_rows
from pipeline.extract.script import as_written_metric, as_written_person, as_written_section, reading_text
from pipeline.extract.tagger import analyse
from pipeline.frames import FrameBuilder, frame
from pipeline.ingest import IngestedDocument
from pipeline.ingest.corpus import Ingested, ingest_all
from pipeline.ingest.rows import defect_rows, document_row, rejected_row
from pipeline.sections import split_sections
from pipeline.sections.rows import section_rows
from pipeline.sections.split import Section


class DocumentFailedError(RuntimeError):
    """A stage raised on one document; the message names it."""


def _per_document(stage: str, doc: IngestedDocument, cache: DocumentCache, compute):
    try:
        return cache.get_or_compute(stage, doc.doc_id, doc.sha256, doc.source_name, compute)
    except Exception as err:  # noqa: BLE001 - re-raised with the document named
        raise DocumentFailedError(f"{stage} failed on {doc.source_name} (doc_id {doc.doc_id}): {err!r}") from err


def document_tables(ingested: Ingested) -> dict[str, pd.DataFrame]:
    """The ingest stage's tables (``schemas.tables_of("ingest")``)."""
    docs = ingested.documents
    return {
        "documents": frame("documents", [document_row(d, stage_version("ingest")) for d in docs]),
        "defects": frame("defects", [r for d in docs for r in defect_rows(d, stage_version("ingest"))]),
        "rejected": rejected_table(ingested),
    }


def section_table(docs: list[IngestedDocument], cache: DocumentCache | None = None) -> pd.DataFrame:
    cache = cache or DocumentCache(None)
    rows = []
    for d in docs:
        rows += _per_document("sections", d, cache,
                              lambda d=d: section_rows(d.doc_id, d.text, sections_of(d.text),
                                                                        stage_version("sections")))
    return frame("sections", rows)


def sections_of(text: str) -> list[Section]:
    """Sections found in the reading text (simplified, for traditional documents), with their
    strings in the document's own script."""
    reading = reading_text(text)
    return [as_written_section(s, reading, text) for s in split_sections(reading)]


def _extract_one(d: IngestedDocument) -> dict[str, list[dict]]:
    """One document's rows of each table of the extract stage (``schemas.tables_of("extract")``)."""
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
    return {"metrics": metric_rows(d.doc_id, metrics, sections, version),
            "people": people_rows(d.doc_id, text, sections, people, version),
            "mentions": mention_rows(d.doc_id, text, sections, mentions, version)}


def extraction_tables(docs: list[IngestedDocument], cache: DocumentCache | None = None) -> dict[str, pd.DataFrame]:
    """Metrics, people and mentions, one document at a time (cached)."""
    cache = cache or DocumentCache(None)
    builders = {t: FrameBuilder(t) for t in schemas.tables_of("extract")}
    for d in docs:
        rows = _per_document("extract", d, cache, lambda d=d: _extract_one(d))
        if rows.keys() != builders.keys():
            raise ValueError(f"_extract_one made rows of {sorted(rows)}; the extract stage's schemas say {sorted(builders)}")
        for table, builder in builders.items():
            builder.extend(rows[table])
    return {t: b.frame() for t, b in builders.items()}


def stage_tables(stage: str, docs: list[IngestedDocument], cache: DocumentCache | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a per-document stage (``sections`` or ``extract``) over ``docs``."""
    if stage == "sections":
        return {"sections": section_table(docs, cache)}
    if stage == "extract":
        return extraction_tables(docs, cache)
    raise ValueError(f"{stage} is not a per-document stage")


def unit_key(part: Ingested) -> str:
    """What a unit's tables depend on beside the stage's code (which the cache key adds): its
    documents' identities and bytes, and the code that made their text."""
    h = hashlib.sha256(stage_version("ingest").encode())
    for d in sorted(part.documents, key=lambda d: d.doc_id):
        h.update(f"{d.doc_id}:{d.sha256}\n".encode())
    return h.hexdigest()


def unit_tables(stage: str, part: Ingested, cache: DocumentCache | None = None,
                unit_cache: DocumentCache | None = None) -> dict[str, pd.DataFrame]:
    """A per-document stage's tables of one unit of documents. An unchanged unit is one read from
    ``unit_cache``; a changed one recomputes only its changed documents (``cache``)."""
    unit_cache = unit_cache or DocumentCache(None)
    if not part.documents:
        return {t: frame(t, []) for t in schemas.tables_of(stage)}
    return unit_cache.get_or_compute(stage, "unit", unit_key(part), f"unit of {len(part.documents)} documents",
                                     lambda: stage_tables(stage, part.documents, cache))


def entity_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Entities across all documents: needs every document's mentions, so it is never cached per document."""
    return entity_frame(mentions, stage_version("entities"))


def rejected_table(ingested: Ingested) -> pd.DataFrame:
    return frame("rejected", [rejected_row(r, stage_version("ingest")) for r in ingested.rejected])


def build_tables(seeds: Path, cache: DocumentCache | None = None) -> tuple[dict[str, pd.DataFrame], Ingested]:
    ingested = ingest_all(seeds, cache)
    out = document_tables(ingested)
    out["sections"] = section_table(ingested.documents, cache)
    out.update(extraction_tables(ingested.documents, cache))
    out["entities"] = entity_table(out["mentions"])
    return {t: out[t] for t in schemas.TABLES}, ingested


