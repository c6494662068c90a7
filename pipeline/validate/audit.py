"""Columns that say whether each row's offsets point at what the row claims.

Great Expectations checks columns; whether ``text[char_start:char_end] == raw_text``
needs the document text, so these derived columns carry that answer into the suite.
"""

from __future__ import annotations

import pandas as pd

# table -> (start column, end column, column that must equal the slice, or None)
SPANS = {
    "sections": ("body_start", "char_end", "text"),
    "people": ("char_start", "char_end", "raw_text"),
    "metrics": ("char_start", "char_end", "raw_text"),
    "mentions": ("char_start", "char_end", "raw_text"),
    "defects": ("char_start", "char_end", None),
}


def audit_columns(table: str, df: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``df`` plus ``_span_in_document`` and ``_text_matches_span`` (True where all is well)."""
    if table not in SPANS or df.empty:
        return df
    start_col, end_col, slice_col = SPANS[table]
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
