"""Generic table plumbing: rows into a DataFrame shaped by ``pipeline/schemas/`` (its columns, in
order, sorted by key), and back out as plain Python values. Each stage builds its own rows
(``ingest/rows.py``, ``sections/rows.py``, ``extract/rows.py``, ``extract/people_rows.py``,
``extract/entities.py``); this module knows no table in particular.
"""

from __future__ import annotations

import math

import pandas as pd

from pipeline import schemas


class FrameBuilder:
    """Rows in, one table out, without ever holding the whole table as Python dicts: rows
    become a DataFrame chunk (compact, Arrow-backed strings) every ``chunk`` rows."""

    def __init__(self, table: str, chunk: int = 50_000):
        self.table, self.chunk = table, chunk
        self.columns = schemas.load(table).columns
        self.rows: list[dict] = []
        self.parts: list[pd.DataFrame] = []

    def extend(self, rows: list[dict]) -> None:
        self.rows += rows
        if len(self.rows) >= self.chunk:
            self.parts.append(pd.DataFrame(self.rows, columns=self.columns))
            self.rows = []

    def frame(self) -> pd.DataFrame:
        parts = [p for p in [*self.parts, pd.DataFrame(self.rows, columns=self.columns)] if len(p)]
        return frame(self.table, pd.concat(parts, ignore_index=True) if parts else [])


def frame(table: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns, in order, sorted by primary key."""
    schema = schemas.load(table)
    df = rows[schema.columns] if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=schema.columns)
    if len(df):
        order = [c for c in ("doc_id", "char_start", "char_end", "kind") if c in df.columns] + list(schema.primary_key)
        df = df.sort_values(order, kind="stable").reset_index(drop=True)
    return df


def concat_frames(table: str, parts) -> pd.DataFrame:
    """One table from parts of it (units of documents), shaped and ordered as if built whole."""
    parts = [p for p in parts if len(p)]
    if len(parts) > 1:
        # A column empty in one part is of object dtype there: infer again, as one frame of all rows would.
        return frame(table, pd.concat(parts, ignore_index=True).infer_objects())
    return frame(table, parts[0] if parts else [])


def iter_records(df: pd.DataFrame):
    """Rows one at a time as plain Python values (NaN back to None, arrays to lists)."""
    columns = list(df.columns)
    for values in df.itertuples(index=False, name=None):
        row = dict(zip(columns, values, strict=True))
        clean = {}
        for k, v in row.items():
            if isinstance(v, float) and math.isnan(v) or v is pd.NA or v is pd.NaT:
                v = None
            elif hasattr(v, "tolist"):
                v = v.tolist()
            elif hasattr(v, "item"):
                v = v.item()
            clean[k] = v
        yield clean
