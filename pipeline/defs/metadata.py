"""Dagster metadata derived from ``pipeline/schemas/``: column schema and lineage, row counts, previews."""

from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline import schemas

PREVIEW_ROWS = 5
PREVIEW_CELL = 40


def column_schema(table: str) -> dg.TableSchema:
    meta = schemas.load(table)
    return dg.TableSchema(columns=[
        dg.TableColumn(
            name=f.name, type=f.type if f.type != "list" else f"list<{f.item_type}>",
            description=f"{f.description} / {f.description_zh}",
            constraints=dg.TableColumnConstraints(nullable=not f.required, unique=(f.name,) == meta.primary_key,
                                                  other=f.notes()),
        ) for f in meta.fields
    ])


def column_lineage(table: str) -> dg.TableColumnLineage | None:
    """Which columns of other tables each column is computed from, as its schema's ``lineage`` says
    (stored; the OSS UI does not draw it). None for a table read from the sources (documents, rejected)."""
    deps = {}
    for f in schemas.load(table).fields:
        if f.lineage:
            deps[f.name] = [dg.TableColumnDep(asset_key=dg.AssetKey(source.split(".")[0]),
                                              column_name=source.split(".", 1)[1]) for source in f.lineage]
    return dg.TableColumnLineage(deps_by_column=deps) if deps else None


def description(table: str) -> str:
    """The table asset's description: its schema's."""
    return schemas.load(table).description


def definition_metadata(table: str) -> dict:
    out = {"dagster/column_schema": column_schema(table), "dagster/table_name": table}
    lineage = column_lineage(table)
    if lineage is not None:
        out["dagster/column_lineage"] = lineage
    return out


# What a person reads of a row, first in a preview (the changelog names rows by the same columns).
READ_FIRST = {
    "documents": ("title", "date", "publisher", "source_name"),
    "sections": ("headline", "kind", "person", "organization"),
    "people": ("person", "organization", "titles"),
    "metrics": ("raw_text", "value", "unit", "subject", "kind"),
    "entities": ("canonical_name", "kind", "mention_count", "aliases"),
    "mentions": ("raw_text", "canonical_name", "kind"),
    "defects": ("kind", "action", "detail"),
    "rejected": ("source_name", "reason"),
}
# Keys, hashes and maps: a reader skips them, so they come last.
MACHINE = {"sha256", "offset_map", "code_version", "doc_ids", "raw_offset", "text"}


def preview_columns(table: str, columns: list[str]) -> list[str]:
    """The table's columns, what a person reads first (raw text, value, unit, subject, title),
    then the other values, then ids, hashes and the document text."""
    first = [c for c in READ_FIRST.get(table, ()) if c in columns]
    machine = [c for c in columns if c not in first and (c.endswith("_id") or c in MACHINE)]
    return first + [c for c in columns if c not in first and c not in machine] + machine


def _preview(df: pd.DataFrame, table: str = "") -> str:
    """A small markdown table; long text cells are cut so the UI stays readable."""
    cols = preview_columns(table, list(df.columns))
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df[cols].head(PREVIEW_ROWS).itertuples(index=False):
        cells = []
        for v in row:
            s = str(v if not isinstance(v, float) or v == v else "")
            s = s.replace("\n", " ").replace("|", "\\|")
            cells.append(s[:PREVIEW_CELL] + ("…" if len(s) > PREVIEW_CELL else ""))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def release_metadata(release: Path, outputs: Path, tables: list[str]) -> dict:
    """Where a release went, as paths to what was published: the release directory (``path``), the
    dataset page, the card, and each table's Parquet file."""
    out = {"path": dg.MetadataValue.path(str(release)),
           "page": dg.MetadataValue.path(str(outputs / "index.html")),
           "card": dg.MetadataValue.path(str(release / "README.html"))}
    for table in tables:
        out[f"file/{table}"] = dg.MetadataValue.path(str(release / f"{table}.parquet"))
    return out


def table_metadata(table: str, df: pd.DataFrame) -> dict:
    return {"dagster/row_count": len(df), "dagster/column_schema": column_schema(table),
            "preview": dg.MetadataValue.md(_preview(df, table))}
