"""Dagster metadata derived from ``schemas/``: column schema, row counts, previews."""

from __future__ import annotations

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
                                                  other=[f"one of {', '.join(f.enum)}"] if f.enum else []),
        ) for f in meta.fields
    ])


def definition_metadata(table: str) -> dict:
    return {"dagster/column_schema": column_schema(table), "dagster/table_name": table}


def _preview(df: pd.DataFrame) -> str:
    """A small markdown table; long text cells are cut so the UI stays readable."""
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.head(PREVIEW_ROWS).itertuples(index=False):
        cells = []
        for v in row:
            s = str(v if not isinstance(v, float) or v == v else "")
            s = s.replace("\n", " ").replace("|", "\\|")
            cells.append(s[:PREVIEW_CELL] + ("…" if len(s) > PREVIEW_CELL else ""))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table_metadata(table: str, df: pd.DataFrame) -> dict:
    return {"dagster/row_count": len(df), "dagster/column_schema": column_schema(table),
            "preview": dg.MetadataValue.md(_preview(df))}
