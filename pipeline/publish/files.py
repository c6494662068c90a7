"""Write one table as deterministic Parquet and JSONL, and checksum files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schemas, tables


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def jsonl_bytes(table: str, df: pd.DataFrame) -> bytes:
    """One UTF-8 JSON object a line, columns in schema order: also the content fingerprint."""
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in tables.records(df)]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def write_table(table: str, df: pd.DataFrame, directory: Path) -> dict[str, Path]:
    """Parquet with the schema's Arrow types (no pandas index, no timestamps) and JSONL."""
    schema = schemas.load(table).arrow_schema()
    arrow = pa.Table.from_pylist(tables.records(df), schema=schema)
    parquet = directory / f"{table}.parquet"
    pq.write_table(arrow, parquet, compression="zstd")
    jsonl = directory / f"{table}.jsonl"
    jsonl.write_bytes(jsonl_bytes(table, df))
    return {"parquet": parquet, "jsonl": jsonl}
