"""Build and run one expectation suite per table, all derived from its schema.

GX runs in an ephemeral context: the suites are code, derived on every run, so there
is nothing on disk to drift from ``pipeline/schemas/``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from pipeline import schemas
from pipeline.validate import vocabularies
from pipeline.validate.audit import AUDIT_COLUMNS, audit_columns, span

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
logging.getLogger("great_expectations").setLevel(logging.ERROR)

# A failed expectation names up to this many of its rows, each by these columns where the table has them.
FAILED_ROWS = 5
ROW_COLUMNS = ("doc_id", "char_start", "char_end", "body_start", "raw_text", "source_name")
ROW_TEXT = 80  # characters of a text cell kept in a failed row
# What each expectation tests, in words (check results and the CLI say it beside the expectation's name).
DESCRIPTIONS = {
    "expect_table_columns_to_match_ordered_list": "the table has exactly the schema's columns, in order",
    "expect_column_values_to_be_unique": "the primary key is unique",
    "expect_compound_columns_to_be_unique": "the primary key is unique",
    "expect_column_values_to_not_be_null": "a required value is present",
    "expect_column_values_to_be_in_set": "the value is one the schema allows",
    "expect_column_value_lengths_to_be_between": "the value is no longer than the schema allows",
    "expect_column_values_to_match_regex": "the value has the schema's form",
    "expect_column_values_to_be_between": "the value is within bounds",
}
AUDIT_DESCRIPTIONS = {
    "_span_in_document": "the row's offsets lie inside its document's text",
    "_text_matches_span": "the document's text at the row's offsets is the row's text",
}


@dataclass
class ExpectationResult:
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int = 0
    examples: list = field(default_factory=list)
    # The failing rows (primary key, document, offsets, text) where the expectation is about rows.
    rows: list[dict] = field(default_factory=list)

    @property
    def description(self) -> str:
        return AUDIT_DESCRIPTIONS.get(self.column or "") or DESCRIPTIONS.get(self.expectation, self.expectation)


@dataclass
class ValidationReport:
    table: str
    success: bool
    results: list[ExpectationResult]

    @property
    def failures(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success]

    def as_dict(self) -> dict:
        return {"table": self.table, "success": self.success, "expectations": [r.__dict__ for r in self.results]}


def expectations_for(table: str) -> list:
    """The expectations a table must meet, read off its schema: its columns in order, its primary key,
    each field's constraints (its vocabulary as a value set) and its span."""
    import great_expectations as gx

    gxe = gx.expectations
    schema = schemas.load(table)
    audit = list(AUDIT_COLUMNS) if span(table) else []
    out: list = [gxe.ExpectTableColumnsToMatchOrderedList(column_list=schema.columns + audit)]
    if len(schema.primary_key) == 1:
        out.append(gxe.ExpectColumnValuesToBeUnique(column=schema.primary_key[0]))
    else:
        out.append(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(schema.primary_key)))
    words = vocabularies.resolved()
    for f in schema.fields:
        if f.required:
            out.append(gxe.ExpectColumnValuesToNotBeNull(column=f.name))
        if f.enum:
            out.append(gxe.ExpectColumnValuesToBeInSet(column=f.name, value_set=list(f.enum)))
        if f.vocabulary:
            out.append(gxe.ExpectColumnValuesToBeInSet(column=f.name, value_set=sorted(words[f.vocabulary])))
        if f.max_length is not None:
            out.append(gxe.ExpectColumnValueLengthsToBeBetween(column=f.name, max_value=f.max_length))
        if f.pattern:
            out.append(gxe.ExpectColumnValuesToMatchRegex(column=f.name, regex=f"^(?:{f.pattern})$"))
        bounds = {k: v for k, v in (("min_value", f.minimum), ("max_value", f.maximum)) if v is not None}
        if bounds:
            out.append(gxe.ExpectColumnValuesToBeBetween(column=f.name, **bounds))
    for column in audit:
        out.append(gxe.ExpectColumnValuesToBeInSet(column=column, value_set=[True]))
    return out


@cache
def _context():
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    with contextlib.suppress(Exception):  # progress bars are cosmetic; older GX lacks the setting
        context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    return context


def validate_table(table: str, df: pd.DataFrame, documents: pd.DataFrame | None = None) -> ValidationReport:
    """Run the table's suite on ``df``; ``documents`` supplies texts for the offset audit."""
    import great_expectations as gx

    frame = audit_columns(table, df, documents if documents is not None else df)
    if span(table) and df.empty:
        frame = df.assign(_span_in_document=pd.Series(dtype=bool), _text_matches_span=pd.Series(dtype=bool))
    context = _context()
    name = f"{table}_suite"
    with contextlib.suppress(Exception):  # absent on the first run
        context.suites.delete(name)
    suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations_for(table)))
    source_name = f"{table}_frames"
    try:
        source = context.data_sources.get(source_name)
    except (KeyError, ValueError):
        source = context.data_sources.add_pandas(source_name)
    try:
        asset = source.get_asset(table)
    except LookupError:
        asset = source.add_dataframe_asset(table)
    try:
        batch_def = asset.get_batch_definition("whole")
    except KeyError:
        batch_def = asset.add_batch_definition_whole_dataframe("whole")
    batch = batch_def.get_batch(batch_parameters={"dataframe": frame})
    # GX names each unexpected row by these columns (it adds the column under test).
    schema = schemas.load(table)
    id_columns = [c for c in (*schema.primary_key, *ROW_COLUMNS) if c in frame.columns]
    id_columns = list(dict.fromkeys(id_columns))
    result = batch.validate(suite, result_format={"result_format": "SUMMARY",
                                                  "unexpected_index_column_names": id_columns})
    results = []
    for r in result.results:
        cfg = r.expectation_config
        res = r.result or {}
        column = cfg.kwargs.get("column")
        rows = [_row(x, column) for x in (res.get("partial_unexpected_index_list") or [])[:FAILED_ROWS]
                if isinstance(x, dict)] if not r.success else []
        examples = [] if column in AUDIT_DESCRIPTIONS else \
            [str(x) for x in (res.get("partial_unexpected_list") or [])[:FAILED_ROWS]]
        results.append(ExpectationResult(
            expectation=cfg.type, column=column, success=bool(r.success),
            unexpected_count=int(res.get("unexpected_count") or 0), examples=examples, rows=rows,
        ))
    return ValidationReport(table, bool(result.success), results)


def _row(index_entry: dict, column: str | None) -> dict:
    """One failing row as plain JSON values: its identifying columns, then the value under test
    (left out for the audit columns, whose value is only ``False``)."""
    out = {}
    for key, value in index_entry.items():
        if key == column and column in AUDIT_DESCRIPTIONS:
            continue
        if hasattr(value, "item"):  # numpy scalar
            value = value.item()
        if isinstance(value, float) and value != value:
            value = None
        if isinstance(value, str) and len(value) > ROW_TEXT:
            value = value[:ROW_TEXT] + "…"
        elif not isinstance(value, str | int | float | bool | type(None)):
            value = str(value)[:ROW_TEXT]
        out[key] = value
    return out


def describe_row(row: dict) -> str:
    """``metric_id=… doc_id=… char_start=12 char_end=16 raw_text='30%'``: a failing row in one line."""
    return " ".join(f"{k}={v!r}" if isinstance(v, str) and k in ("raw_text", "text", "title") else f"{k}={v}"
                    for k, v in row.items())
