"""Are two releases the same data? ``python scripts/compare_releases.py OLD_RELEASE_DIR NEW_RELEASE_DIR``

Compares every table file byte for byte after blanking the ``code_version`` cells (which change
with the code by design), and ``datapackage.json`` without the fields that follow from them
(bytes, hashes, creation time, provenance). Prints one line per difference and exits 1 if any;
under a datapackage.json that differs, each key added, removed or changed, by its path (a list of
named items, such as resources and fields, by their names). Used to show that a refactor of the
build keeps the published rows.
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


def _named(items: list) -> dict | None:
    """A list of dicts that all have distinct names, by name (resources, fields); else None."""
    names = [i.get("name") if isinstance(i, dict) else None for i in items]
    return dict(zip(names, items, strict=True)) if None not in names and len(set(names)) == len(names) else None


def _shown(value: object) -> str:
    if isinstance(value, list) and len(value) > 5:
        return f"a list of {len(value)}"
    return json.dumps(value, ensure_ascii=False)


def differences(old: object, new: object, path: str = "") -> list[str]:
    """Where two JSON values differ: ``path: added <value>``, ``removed``, or ``<old> -> <new>``."""
    named = isinstance(old, list) and isinstance(new, list) and None not in (_named(old), _named(new))
    if named:
        old, new = _named(old), _named(new)
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in list(old) + [k for k in new if k not in old]:
            at = f"{path}[{key}]" if named else f"{path}.{key}" if path else str(key)
            if key not in new:
                out.append(f"{at}: removed")
            elif key not in old:
                out.append(f"{at}: added {_shown(new[key])}")
            else:
                out += differences(old[key], new[key], at)
        return out
    return [] if old == new else [f"{path}: {_shown(old)} -> {_shown(new)}"]


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
    before, after = _package(old / "datapackage.json"), _package(new / "datapackage.json")
    if before != after:
        problems.append("datapackage.json: differs beyond hashes, sizes, times and provenance")
        problems += [f"  {d}" for d in differences(before, after)]
    return problems


def main(argv: list[str]) -> int:
    old, new = Path(argv[0]), Path(argv[1])
    problems = compare(old, new)
    for p in problems:
        print(p)
    tables = len([p for p in old.iterdir() if p.suffix in READERS])
    files = [p for p in problems if not p.startswith(" ")]
    print(f"compared {tables} table files and datapackage.json: "
          + ("identical except code_version" if not files else f"{len(files)} difference(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
