"""Rows of the ``documents``, ``defects`` and ``rejected`` tables, and the release's list of what went in,
read back off the documents table."""

from __future__ import annotations

import json

import pandas as pd

from pipeline.frames import iter_records
from pipeline.ingest.documents import IngestedDocument
from pipeline.ingest.normalize import raw_offset
from pipeline.ingest.sources import Rejected
from pipeline.keys import StableKeys


def document_row(doc: IngestedDocument, code_version: str) -> dict:
    return {
        "doc_id": doc.doc_id, "source_name": doc.source_name, "duplicate_sources": list(doc.duplicate_sources),
        "title": doc.title or None,
        "date": doc.date or None, "publisher": doc.meta.get("publisher"),
        "source_url": doc.meta.get("source_url"), "license": doc.meta.get("license"),
        "encoding": doc.encoding, "sha256": doc.sha256, "text": doc.text, "char_count": len(doc.text),
        "offset_map": json.dumps(doc.offset_runs, separators=(",", ":")), "truncated": doc.truncated,
        "page_break_joins": len(doc.joins), "code_version": code_version,
    }


def defect_rows(doc: IngestedDocument, code_version: str) -> list[dict]:
    rows = []
    key = StableKeys(doc.doc_id, "d")
    for d in doc.defects:
        raw = raw_offset(doc.offset_runs, d.start) if doc.offset_runs else 0
        rows.append({
            "defect_id": key(d.kind, d.detail), "doc_id": doc.doc_id, "kind": d.kind,
            "action": "repaired" if d.kind == "page_break_join" else "flagged",
            "char_start": d.start, "char_end": d.end, "raw_offset": raw, "detail": d.detail,
            "code_version": code_version,
        })
    return rows


def rejected_row(rejected: Rejected, code_version: str) -> dict:
    return {"source_name": rejected.source_name, "reason": rejected.reason, "code_version": code_version}


def sources_from_documents(documents: pd.DataFrame) -> list[dict]:
    """What went in, for the release's provenance: read off the documents table, so the release
    needs nothing else (and a test publishes what a build publishes)."""
    keys = ("source_name", "doc_id", "sha256", "encoding", "duplicate_sources", "publisher", "date",
            "source_url", "license")
    return [{k: v for k, v in row.items() if k in keys and v not in (None, [])}
            for row in iter_records(documents[[c for c in keys if c in documents.columns]])]
