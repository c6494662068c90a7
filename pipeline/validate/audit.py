"""Columns that say whether each row's offsets point at what the row claims.

Great Expectations checks columns; whether ``text[char_start:char_end] == raw_text``
needs the document text, so these derived columns carry that answer into the suite.
Which columns are offsets, and which column must equal the slice, is the schema's ``spans``.
"""

from __future__ import annotations

import pandas as pd

from pipeline import schemas

AUDIT_COLUMNS = ("_span_in_document", "_text_matches_span")
SPAN_TEXT = "documents.text"  # the one text a span may point into today


def span(table: str) -> schemas.Span | None:
    """The table's span (its schema's ``spans``), or None for a table without offsets."""
    spans = schemas.load(table).spans
    if not spans:
        return None
    if spans[0].of != SPAN_TEXT:
        raise ValueError(f"{table}: a span into {spans[0].of}; the audit reads {SPAN_TEXT} only")
    return spans[0]


def audit_columns(table: str, df: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``df`` plus ``_span_in_document`` and ``_text_matches_span`` (True where all is well)."""
    found = span(table)
    if found is None or df.empty:
        return df
    start_col, end_col, slice_col = found.start, found.end, found.text
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    in_doc, matches = [], []
    for row in df[["doc_id", start_col, end_col] + ([slice_col] if slice_col else [])].itertuples(index=False):
        text = texts.get(row[0])
        start, end = row[1], row[2]
        ok = text is not None and pd.notna(start) and pd.notna(end) and 0 <= start <= end <= len(text)
        in_doc.append(bool(ok))
        matches.append(bool(ok and (slice_col is None or text[int(start):int(end)] == row[3])))
    out = df.copy()
    out["_span_in_document"] = in_doc
    out["_text_matches_span"] = matches
    return out
