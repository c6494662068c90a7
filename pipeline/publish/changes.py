"""The diff between two releases, table by table, by primary key."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pipeline import schemas
from pipeline.publish.files import row_digest, row_key

IGNORED_COLUMNS = ("code_version",)  # reported once in the summary, not as a change of every row
MAX_LISTED = 200


def iter_jsonl(path: Path) -> Iterator[tuple[dict, str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                yield json.loads(line), line


def release_rows(path: Path) -> dict[str, Callable[[], Iterable[tuple[dict, str]]]]:
    """For each table of a published release, a function giving a fresh iterator of (row, line)."""
    package = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"].removesuffix("-jsonl"): (lambda p=path / r["path"]: iter_jsonl(p))
            for r in package["resources"] if r["format"] == "jsonl"}


def release_schemas(path: Path) -> dict[str, dict]:
    package = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r["schema"] for r in package["resources"] if r["format"] == "parquet"}


def _index(rows: Iterable[tuple[dict, str]], pk: list[str]) -> dict[str, str]:
    return {row_key(r, pk): row_digest(line) for r, line in rows}


def diff_records(old: dict[str, Callable[[], Iterable[tuple[dict, str]]]],
                 new: dict[str, Callable[[], Iterable[tuple[dict, str]]]],
                 old_schemas: dict[str, dict], new_schemas: dict[str, dict],
                 new_index: dict[str, dict[str, str]] | None = None) -> dict:
    """Diff by primary key. Rows are compared by digest; only the rows that changed are read
    again for their contents, so memory holds keys and digests, not tables. ``new_index``
    (key -> digest per table, made while writing) spares a pass over the new rows."""
    tables: dict[str, dict] = {}
    schema_changes: dict[str, dict] = {}
    for table in sorted(set(old) | set(new)):
        schema = new_schemas.get(table) or old_schemas.get(table) or schemas.load(table).table_schema()
        pk = schema["primaryKey"]
        before = _index(old[table](), pk) if table in old else {}
        if new_index is not None and table in new_index:
            after = new_index[table]
        else:
            after = _index(new[table](), pk) if table in new else {}
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        changed_keys = {k for k in set(before) & set(after) if before[k] != after[k]}
        old_rows = {row_key(r, pk): r for r, _ in old[table]() if row_key(r, pk) in changed_keys} if changed_keys else {}
        new_rows = {row_key(r, pk): r for r, _ in new[table]() if row_key(r, pk) in changed_keys} if changed_keys else {}
        changed = []
        for k in sorted(changed_keys):
            b, a = old_rows[k], new_rows[k]
            cols = sorted(c for c in set(b) | set(a) if c not in IGNORED_COLUMNS and b.get(c) != a.get(c))
            changed.append({"key": k, "columns": cols,
                            "before": {c: b.get(c) for c in cols if c != "text"},
                            "after": {c: a.get(c) for c in cols if c != "text"}})
        tables[table] = {"rows_before": len(before), "rows_after": len(after), "added": added,
                         "removed": removed, "changed": changed}
        old_fields = {f["name"]: f["type"] for f in old_schemas.get(table, {}).get("fields", [])}
        new_fields = {f["name"]: f["type"] for f in new_schemas.get(table, {}).get("fields", [])}
        if old_fields != new_fields:
            schema_changes[table] = {
                "added_fields": sorted(set(new_fields) - set(old_fields)),
                "removed_fields": sorted(set(old_fields) - set(new_fields)),
                "retyped_fields": sorted(f for f in set(old_fields) & set(new_fields) if old_fields[f] != new_fields[f]),
            }
    return {"tables": tables, "schema": schema_changes}


def changes_markdown(diff: dict, previous: str | None, version: str) -> str:
    lines = [f"# Changes in {version}", ""]
    if previous is None:
        lines += ["First release.", ""]
        for table, d in diff["tables"].items():
            lines.append(f"- `{table}`: {d['rows_after']} rows")
        return "\n".join(lines) + "\n"
    lines += [f"Compared with {previous}, by primary key.", ""]
    for table, change in diff["schema"].items():
        lines.append(f"- schema of `{table}`: added {change['added_fields'] or 'none'}, removed "
                     f"{change['removed_fields'] or 'none'}, retyped {change['retyped_fields'] or 'none'}")
    if diff["schema"]:
        lines.append("")
    lines += ["| table | rows before | rows after | added | removed | changed |", "|---|---|---|---|---|---|"]
    for table, d in diff["tables"].items():
        lines.append(f"| {table} | {d['rows_before']} | {d['rows_after']} | {len(d['added'])} | "
                     f"{len(d['removed'])} | {len(d['changed'])} |")
    for table, d in diff["tables"].items():
        if not (d["added"] or d["removed"] or d["changed"]):
            continue
        lines += ["", f"## {table}", ""]
        for label in ("added", "removed"):
            for k in d[label][:MAX_LISTED]:
                lines.append(f"- {label}: `{k}`")
            if len(d[label]) > MAX_LISTED:
                lines.append(f"- … and {len(d[label]) - MAX_LISTED} more {label} (all in changes.json)")
        for c in d["changed"][:MAX_LISTED]:
            detail = "; ".join(f"{col}: {json.dumps(c['before'].get(col), ensure_ascii=False)} → "
                               f"{json.dumps(c['after'].get(col), ensure_ascii=False)}" for col in c["columns"]
                               if col in c["before"])
            lines.append(f"- changed: `{c['key']}` ({', '.join(c['columns'])}){': ' + detail if detail else ''}")
        if len(d["changed"]) > MAX_LISTED:
            lines.append(f"- … and {len(d['changed']) - MAX_LISTED} more changed (all in changes.json)")
    return "\n".join(lines) + "\n"
