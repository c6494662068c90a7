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
from pipeline.extract.units import unit_vocabulary
from pipeline.validate.audit import SPANS, audit_columns

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
logging.getLogger("great_expectations").setLevel(logging.ERROR)

# Values beyond this are parse errors, not facts (the largest budgets are ~1e14 元).
MAX_ABS_VALUE = 1e16


@dataclass
class ExpectationResult:
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int = 0
    examples: list = field(default_factory=list)


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
    """The expectations a table must meet, read off its schema."""
    import great_expectations as gx

    E = gx.expectations
    schema = schemas.load(table)
    audit = ["_span_in_document", "_text_matches_span"] if table in SPANS else []
    out: list = [E.ExpectTableColumnsToMatchOrderedList(column_list=schema.columns + audit)]
    if len(schema.primary_key) == 1:
        out.append(E.ExpectColumnValuesToBeUnique(column=schema.primary_key[0]))
    else:
        out.append(E.ExpectCompoundColumnsToBeUnique(column_list=list(schema.primary_key)))
    for f in schema.fields:
        if f.required:
            out.append(E.ExpectColumnValuesToNotBeNull(column=f.name))
        if f.enum:
            out.append(E.ExpectColumnValuesToBeInSet(column=f.name, value_set=list(f.enum)))
        if f.max_length is not None:
            out.append(E.ExpectColumnValueLengthsToBeBetween(column=f.name, max_value=f.max_length))
        if f.pattern:
            out.append(E.ExpectColumnValuesToMatchRegex(column=f.name, regex=f"^(?:{f.pattern})$"))
        if f.type in ("integer",) and f.name.startswith(("char_", "body_")):
            out.append(E.ExpectColumnValuesToBeBetween(column=f.name, min_value=0))
    if table == "metrics":
        out.append(E.ExpectColumnValuesToBeInSet(column="unit", value_set=sorted(unit_vocabulary())))
        for col in ("value", "value_high"):
            out.append(E.ExpectColumnValuesToBeBetween(column=col, min_value=-MAX_ABS_VALUE,
                                                       max_value=MAX_ABS_VALUE))
    if table in SPANS:
        out.append(E.ExpectColumnValuesToBeInSet(column="_span_in_document", value_set=[True]))
        out.append(E.ExpectColumnValuesToBeInSet(column="_text_matches_span", value_set=[True]))
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
    if table in SPANS and df.empty:
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
    result = batch.validate(suite)
    results = []
    for r in result.results:
        cfg = r.expectation_config
        res = r.result or {}
        results.append(ExpectationResult(
            expectation=cfg.type, column=cfg.kwargs.get("column"), success=bool(r.success),
            unexpected_count=int(res.get("unexpected_count") or 0),
            examples=[str(x) for x in (res.get("partial_unexpected_list") or [])[:5]],
        ))
    return ValidationReport(table, bool(result.success), results)
