"""Write one table as deterministic Parquet and JSONL, and checksum files.

Rows are streamed: a table is never turned into one big list of dicts or one big byte
string, so publishing a large corpus costs little more memory than the DataFrame itself.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schemas


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def content_hash(table: str, df: pd.DataFrame) -> str:
    """sha256 of the table as Arrow IPC with the schema's types: equal data, equal hash.

    Serialised in C++ rather than row by row. (Not cached in ``df.attrs``: pandas copies attrs
    onto derived frames, so a slice would carry its parent's hash.)
    """
    arrow = pa.Table.from_pandas(df, schema=schemas.load(table).arrow_schema(), preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, arrow.schema.remove_metadata()) as writer:
        writer.write_table(arrow.replace_schema_metadata(None))
    return hashlib.sha256(sink.getvalue()).hexdigest()


# Changes with every release of new code: reported once, not as a change of every row.
UNDIFFED_COLUMNS = ("code_version",)


def row_digest(row: dict) -> str:
    """Hash of one row without its code_version, wherever that column stands: the row as JSON
    (as the JSONL writes it) with that key left out."""
    kept = {k: v for k, v in row.items() if k not in UNDIFFED_COLUMNS}
    return hashlib.sha1(json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def write_table(table: str, df: pd.DataFrame, directory: Path,
                index: dict[str, str] | None = None) -> dict[str, Path]:
    """Parquet with the schema's Arrow types (no pandas index, no timestamps), JSONL and CSV.

    With ``index``, also fills primary key -> row digest while the JSONL is written (for diffs).
    """
    schema = schemas.load(table).arrow_schema()
    arrow = pa.Table.from_pandas(df, schema=schema, preserve_index=False).replace_schema_metadata(None)
    parquet = directory / f"{table}.parquet"
    pq.write_table(arrow, parquet, compression="zstd")
    jsonl = directory / f"{table}.jsonl"
    pk = list(schemas.load(table).primary_key)
    with jsonl.open("w", encoding="utf-8", newline="\n") as f:
        # Rows come from the Arrow table in batches (converted in C++), not from pandas row by row.
        for batch in arrow.to_batches(max_chunksize=20_000):
            for row in batch.to_pylist():
                line = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
                f.write(line)
                f.write("\n")
                if index is not None:
                    index[row_key(row, pk)] = row_digest(row)
    return {"parquet": parquet, "jsonl": jsonl, "csv": write_csv(arrow, directory / f"{table}.csv")}


def csv_cell(value: object) -> object:
    """A list cell as JSON (``["市委","书记"]``), a missing value as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(arrow: pa.Table, path: Path) -> Path:
    """CSV for spreadsheets: UTF-8 with a byte-order mark, which is what makes Excel read Chinese
    as UTF-8 rather than as the system's code page; a header row, CRLF line ends (RFC 4180)."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(arrow.column_names)
        for batch in arrow.to_batches(max_chunksize=20_000):
            for row in batch.to_pylist():
                writer.writerow([csv_cell(v) for v in row.values()])
    return path


def row_key(row: dict, primary_key: list[str]) -> str:
    return "|".join(str(row.get(k)) for k in primary_key)
