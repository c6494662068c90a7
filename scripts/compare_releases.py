"""Are two releases the same data? ``python scripts/compare_releases.py OLD_RELEASE_DIR NEW_RELEASE_DIR``

Compares every table file byte for byte after blanking the ``code_version`` cells (which change
with the code by design), and ``datapackage.json`` without the fields that follow from them
(bytes, hashes, creation time, provenance). Prints one line per difference and exits 1 if any.
Used to show that a refactor of the build keeps the published rows.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pyarrow.parquet as pq

_JSON_CV = re.compile(r'"code_version":"[^"]*"')
VOLATILE = {"created", "bytes", "hash", "x_provenance", "x_content_sha256", "version"}


def _jsonl(path: Path) -> bytes:
    return _JSON_CV.sub('"code_version":""', path.read_text(encoding="utf-8")).encode()


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    at = rows[0].index("code_version") if rows and "code_version" in rows[0] else None
    return [r[:at] + r[at + 1:] if at is not None else r for r in rows]


def _parquet(path: Path) -> object:
    table = pq.read_table(path)
    return table.drop_columns(["code_version"]).to_pylist() if "code_version" in table.column_names else \
        table.to_pylist()


def _package(path: Path) -> object:
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in VOLATILE}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(json.loads(path.read_text(encoding="utf-8")))


READERS = {".jsonl": _jsonl, ".csv": _csv, ".parquet": _parquet}


def compare(old: Path, new: Path) -> list[str]:
    problems = []
    names = sorted({p.name for p in old.iterdir() if p.suffix in READERS}
                   | {p.name for p in new.iterdir() if p.suffix in READERS})
    for name in names:
        a, b = old / name, new / name
        if not a.exists() or not b.exists():
            problems.append(f"{name}: only in {'new' if b.exists() else 'old'}")
        elif READERS[a.suffix](a) != READERS[b.suffix](b):
            problems.append(f"{name}: differs beyond code_version")
    if _package(old / "datapackage.json") != _package(new / "datapackage.json"):
        problems.append("datapackage.json: differs beyond hashes, sizes, times and provenance")
    return problems


def main(argv: list[str]) -> int:
    old, new = Path(argv[0]), Path(argv[1])
    problems = compare(old, new)
    for p in problems:
        print(p)
    tables = len([p for p in old.iterdir() if p.suffix in READERS])
    print(f"compared {tables} table files and datapackage.json: "
          + ("identical except code_version" if not problems else f"{len(problems)} difference(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
