"""Write one table as deterministic Parquet and JSONL, and checksum files.

Rows are streamed: a table is never turned into one big list of dicts or one big byte
string, so publishing a large corpus costs little more memory than the DataFrame itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
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


def jsonl_lines(df: pd.DataFrame) -> Iterator[str]:
    """One compact JSON object per row, columns in schema order (the frame's order)."""
    for row in tables.iter_records(df):
        yield json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def content_hash(df: pd.DataFrame) -> str:
    h = hashlib.sha256()
    for line in jsonl_lines(df):
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def jsonl_bytes(table: str, df: pd.DataFrame) -> bytes:
    """The whole JSONL file in memory: for small tables and tests only."""
    return "".join(line + "\n" for line in jsonl_lines(df)).encode("utf-8")


def write_table(table: str, df: pd.DataFrame, directory: Path) -> dict[str, Path]:
    """Parquet with the schema's Arrow types (no pandas index, no timestamps) and JSONL."""
    schema = schemas.load(table).arrow_schema()
    arrow = pa.Table.from_pandas(df, schema=schema, preserve_index=False).replace_schema_metadata(None)
    parquet = directory / f"{table}.parquet"
    pq.write_table(arrow, parquet, compression="zstd")
    del arrow
    jsonl = directory / f"{table}.jsonl"
    with jsonl.open("w", encoding="utf-8", newline="\n") as f:
        for line in jsonl_lines(df):
            f.write(line)
            f.write("\n")
    return {"parquet": parquet, "jsonl": jsonl}
