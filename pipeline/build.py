"""Run the pure core over a seeds directory: ingest, sections, extract -> table rows.

The Dagster assets call these same functions; this module lets the whole core run
(and be tested or benchmarked) from a Python prompt with no orchestration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import CODE_VERSION, tables
from pipeline.extract import extract_metrics, extract_people
from pipeline.ingest import IngestedDocument, ingest_record, read_seeds
from pipeline.ingest.decode import DecodeError
from pipeline.ingest.documents import defect_rows, document_row
from pipeline.ingest.sources import Rejected, SourceRecord
from pipeline.sections import split_sections


@dataclass
class Ingested:
    documents: list[IngestedDocument] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def ingest_all(seeds: Path) -> Ingested:
    """Every input becomes a document or a rejected row; byte-identical inputs become one
    document that records every name it arrived under."""
    out = Ingested()
    by_sha: dict[str, IngestedDocument] = {}
    for item in read_seeds(seeds):
        if isinstance(item, Rejected):
            out.rejected.append(item)
            continue
        if item.sha256 in by_sha:
            by_sha[item.sha256].duplicate_sources.append(item.source_name)
            continue
        try:
            doc = ingest_record(item)
        except DecodeError as err:
            out.rejected.append(Rejected(item.source_name, str(err)))
            continue
        by_sha[item.sha256] = doc
        out.documents.append(doc)
    return out


def ingest_one(record: SourceRecord) -> IngestedDocument:
    return ingest_record(record)


def document_tables(docs: list[IngestedDocument]) -> dict[str, pd.DataFrame]:
    return {
        "documents": tables.frame("documents", [document_row(d, CODE_VERSION) for d in docs]),
        "defects": tables.frame("defects", [r for d in docs for r in defect_rows(d, CODE_VERSION)]),
    }


def section_table(docs: list[IngestedDocument]) -> pd.DataFrame:
    rows = []
    for d in docs:
        rows += tables.section_rows(d.doc_id, d.text, split_sections(d.text), CODE_VERSION)
    return tables.frame("sections", rows)


def extraction_tables(docs: list[IngestedDocument]) -> dict[str, pd.DataFrame]:
    metric_rows, people_rows = [], []
    for d in docs:
        sections = split_sections(d.text)
        metric_rows += tables.metric_rows(d.doc_id, extract_metrics(d.text), sections, CODE_VERSION)
        people_rows += tables.people_rows(d.doc_id, d.text, sections, extract_people(d.text), CODE_VERSION)
    return {"metrics": tables.frame("metrics", metric_rows), "people": tables.frame("people", people_rows)}


def build_tables(seeds: Path) -> tuple[dict[str, pd.DataFrame], Ingested]:
    ingested = ingest_all(seeds)
    out = document_tables(ingested.documents)
    out["sections"] = section_table(ingested.documents)
    out.update(extraction_tables(ingested.documents))
    out["rejected"] = rejected_table(ingested)
    return out, ingested


def rejected_table(ingested: Ingested) -> pd.DataFrame:
    return tables.frame("rejected", [{"source_name": r.source_name, "reason": r.reason, "code_version": CODE_VERSION}
                                     for r in ingested.rejected])


def source_list(docs: list[IngestedDocument]) -> list[dict]:
    """What went in, for the release's provenance."""
    return [{"source_name": d.source_name, "doc_id": d.doc_id, "sha256": d.sha256, "encoding": d.encoding,
             **{k: d.meta.get(k) for k in ("publisher", "date", "source_url", "license") if d.meta.get(k)}}
            for d in docs]
