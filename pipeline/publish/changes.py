"""The diff between two releases, table by table, by primary key."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pipeline import schemas
from pipeline.publish.files import UNDIFFED_COLUMNS, row_digest, row_key

IGNORED_COLUMNS = UNDIFFED_COLUMNS  # reported once in the summary, not as a change of every row


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
    return {row_key(r, pk): row_digest(r) for r, _ in rows}


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


# What a person reads of a row, per table: the first is the row's name in the changelog.
READABLE = {
    "documents": ("title", "source_name", "date"),
    "sections": ("headline", "kind", "person"),
    "people": ("person", "organization", "titles"),
    "metrics": ("raw_text", "value", "unit", "subject", "kind"),
    "entities": ("canonical_name", "kind", "mention_count"),
    "mentions": ("raw_text", "canonical_name", "kind"),
    "defects": ("kind", "action", "detail"),
    "rejected": ("source_name", "reason"),
}
SAMPLE = 5  # rows described per table and kind of change; every key is in changes.json
LIST_ITEMS = 5  # items of a list column named when it changes
# Columns whose values say nothing to a reader (ids, hashes, offsets maps): named, not printed.
OPAQUE = {"sha256", "offset_map", "text", "code_version"}


def _opaque(column: str) -> bool:
    return column in OPAQUE or column.endswith("_id")


def _short(value: object, n: int = 60) -> str:
    if isinstance(value, list):
        return _short("、".join(str(v) for v in value), n)
    text = "" if value is None else str(value)
    return text if len(text) <= n else text[:n] + "…"


def sample_rows(old: dict[str, Callable[[], Iterable[tuple[dict, str]]]],
                new: dict[str, Callable[[], Iterable[tuple[dict, str]]]], diff: dict,
                n: int = SAMPLE) -> dict:
    """The rows behind the first ``n`` added, removed and changed keys of each table, and every
    document's title, so that the changelog can say in words what changed. Reads only those rows."""
    titles: dict[str, str] = {}
    for rows in (old.get("documents"), new.get("documents")):
        if rows is not None:
            for r, _ in rows():
                titles[r["doc_id"]] = r.get("title") or r.get("source_name") or r["doc_id"]
    samples: dict[str, dict[str, dict[str, dict]]] = {}
    for table, d in diff["tables"].items():
        pk = (schemas.load(table).primary_key if table in schemas.TABLES else ())
        wanted_new = set(d["added"][:n]) | {c["key"] for c in d["changed"][:n]}
        wanted_old = set(d["removed"][:n])
        got: dict[str, dict[str, dict]] = {"new": {}, "old": {}}
        for side, rows, wanted in (("new", new.get(table), wanted_new), ("old", old.get(table), wanted_old)):
            if rows is None or not wanted:
                continue
            for r, _ in rows():
                k = row_key(r, list(pk))
                if k in wanted:
                    got[side][k] = r
        samples[table] = got
    return {"tables": samples, "titles": titles}


def _describe(table: str, row: dict, titles: dict[str, str]) -> str:
    fields = READABLE.get(table, ())
    named = [f for f in fields if row.get(f) not in (None, "", [])]
    if not named:
        text = "a row"
    else:
        head = named[0]
        rest = [f for f in named[1:] if row[f] != row[head]]
        text = f"**{_short(row[head])}**" + (" (" + ", ".join(f"{f} {_short(row[f])}" for f in rest) + ")"
                                               if rest else "")
    doc = row.get("doc_id")
    if table != "documents" and doc in titles:
        text += f" in 《{_short(titles[doc], 40)}》"
    return text


def _change_words(c: dict) -> str:
    words = []
    for col in c["columns"]:
        if _opaque(col) or col not in c["before"]:
            words.append(f"{col} changed")
            continue
        b, a = c["before"].get(col), c["after"].get(col)
        if isinstance(b, list) and isinstance(a, list):
            plus = [x for x in a if x not in b]
            minus = [x for x in b if x not in a]
            part = []
            if plus:
                part.append(f"+{len(plus)} ({_short(plus[:LIST_ITEMS])}{'…' if len(plus) > LIST_ITEMS else ''})")
            if minus:
                part.append(f"−{len(minus)} ({_short(minus[:LIST_ITEMS])}{'…' if len(minus) > LIST_ITEMS else ''})")
            words.append(f"{col} {' '.join(part) or 'reordered'}")
        else:
            words.append(f"{col} {_short(b, 40) or '∅'} → {_short(a, 40) or '∅'}")
    return "; ".join(words)


def changes_markdown(diff: dict, previous: str | None, version: str, samples: dict | None = None) -> str:
    """The changelog a person reads: per table the counts, then a few rows of each kind of change in
    words (what the row says, its document's title), never its key. Bounded whatever the diff:
    at most SAMPLE rows per table and kind; every key and value is in changes.json."""
    lines = [f"# Changes in {version}", ""]
    if previous is None:
        return "\n".join(lines + _first_release(diff)) + "\n"
    order = [t for t in schemas.TABLES if t in diff["tables"]] + sorted(set(diff["tables"]) - set(schemas.TABLES))
    lines += _summary(diff, previous, order)
    tables = (samples or {}).get("tables", {})
    titles = (samples or {}).get("titles", {})
    for table in order:
        d = diff["tables"][table]
        if not (d["added"] or d["removed"] or d["changed"]):
            continue
        got = tables.get(table, {"new": {}, "old": {}})
        lines += ["", f"## {table}", ""] if lines[-1] else [f"## {table}", ""]
        lines += _added_and_removed(table, d, got, titles)
        lines += _changed(table, d, got, titles)
    return "\n".join(lines).rstrip("\n") + "\n"


def _first_release(diff: dict) -> list[str]:
    """A first release has nothing to compare with: its row count per table."""
    lines = ["First release.", ""]
    for table, d in diff["tables"].items():
        lines.append(f"- `{table}`: {d['rows_after']} rows")
    return lines


def _summary(diff: dict, previous: str, order: list[str]) -> list[str]:
    """What was compared, each table whose schema changed, and a table of the counts."""
    lines = [f"Compared with {previous}, by primary key. Every added, removed and changed row, with its "
             "key and its values before and after, is in [`changes.json`](changes.json).", ""]
    for table, change in diff["schema"].items():
        lines.append(f"- schema of `{table}`: added {change['added_fields'] or 'none'}, removed "
                     f"{change['removed_fields'] or 'none'}, retyped {change['retyped_fields'] or 'none'}")
    if diff["schema"]:
        lines.append("")
    lines += ["| table | rows before | rows after | added | removed | changed |", "|---|---|---|---|---|---|"]
    for table in order:
        d = diff["tables"][table]
        lines.append(f"| {table} | {d['rows_before']} | {d['rows_after']} | {len(d['added'])} | "
                     f"{len(d['removed'])} | {len(d['changed'])} |")
    return lines


def _added_and_removed(table: str, d: dict, got: dict, titles: dict) -> list[str]:
    """A table's added and removed rows: how many, and up to SAMPLE of each in words."""
    lines: list[str] = []
    for label, keys, side in (("added", d["added"], "new"), ("removed", d["removed"], "old")):
        if not keys:
            continue
        shown = [got[side][k] for k in keys[:SAMPLE] if k in got[side]]
        lines.append(f"{len(keys)} {label}" + (":" if shown else "."))
        lines += [f"- {_describe(table, r, titles)}" for r in shown]
        if len(keys) > len(shown) and shown:
            lines.append(f"- … and {len(keys) - len(shown)} more")
        lines.append("")
    return lines


def _changed(table: str, d: dict, got: dict, titles: dict) -> list[str]:
    """A table's changed rows: how many, and up to SAMPLE of them with what changed."""
    if not d["changed"]:
        return []
    shown = d["changed"][:SAMPLE]
    lines = [f"{len(d['changed'])} changed:"]
    for c in shown:
        row = got["new"].get(c["key"])
        lines.append(f"- {_describe(table, row, titles) if row else 'a row'}: {_change_words(c)}")
    if len(d["changed"]) > len(shown):
        lines.append(f"- … and {len(d['changed']) - len(shown)} more")
    lines.append("")
    return lines
