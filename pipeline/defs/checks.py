"""One blocking Great Expectations check per published table.

A failing check does not stop its own asset from being stored, only everything
downstream, and the release is downstream of all of them (write, audit, publish).
"""


import dagster as dg
import pandas as pd

from pipeline import schemas
from pipeline.defs import reports
from pipeline.validate import ValidationReport, validate_table
from pipeline.validate.suites import describe_row

TABLES_NEEDING_TEXT = ("sections", "people", "metrics", "mentions", "defects")


def _result(report: ValidationReport, rows: int) -> dg.AssetCheckResult:
    failures = report.failures
    if failures:
        description = (f"{len(failures)} of {len(report.results)} expectations failed: "
                       + "; ".join(f"{f.description} ({f.column or 'table'}, {f.unexpected_count} rows"
                                   + (f", first {describe_row(f.rows[0])}" if f.rows else "") + ")"
                                   for f in failures))
    else:
        description = f"all {len(report.results)} expectations passed on {rows} rows"
    return dg.AssetCheckResult(
        passed=report.success,
        severity=dg.AssetCheckSeverity.ERROR,
        description=description,
        metadata={
            "rows": rows,
            "expectations": len(report.results),
            "failed_expectations": dg.MetadataValue.json([
                {"expectation": f.expectation, "tests": f.description, "column": f.column,
                 "unexpected": f.unexpected_count, "examples": f.examples, "rows": f.rows} for f in failures
            ]),
            "summary": dg.MetadataValue.md("\n".join(
                f"- {'PASS' if r.success else 'FAIL'} `{r.expectation}` {r.column or ''}: {r.description}"
                + (f" ({r.unexpected_count} unexpected"
                   + (f", e.g. {r.examples[:3]}" if r.examples else "")
                   + "".join(f"\n    - {describe_row(row)}" for row in r.rows) + ")" if not r.success else "")
                for r in report.results)),
        },
    )


def _make_check(table: str) -> dg.AssetChecksDefinition:
    description = (f"Great Expectations suite for {table}, derived from pipeline/schemas/{table}.json: columns, keys, "
                   "required values, vocabularies" + (", offsets and text spans" if table in TABLES_NEEDING_TEXT
                                                     else "")
                   + ". Blocking: a failure stops the release. A failed result names the failing rows "
                   "(key, document, offsets, text).")
    def run(context: dg.AssetCheckExecutionContext, data: pd.DataFrame, documents: pd.DataFrame | None):
        report = validate_table(table, data, documents)
        reports.save(context.instance, context.run.run_id, table, report.as_dict())
        return _result(report, len(data))

    if table == "documents":
        @dg.asset_check(asset=table, name=f"{table}_expectations", blocking=True, description=description)
        def _documents_check(context: dg.AssetCheckExecutionContext, documents: pd.DataFrame) -> dg.AssetCheckResult:
            return run(context, documents, None)

        return _documents_check

    @dg.asset_check(asset=table, name=f"{table}_expectations", blocking=True, description=description,
                    additional_ins={"documents": dg.AssetIn("documents")})
    def _check(context: dg.AssetCheckExecutionContext, data: pd.DataFrame,
               documents: pd.DataFrame) -> dg.AssetCheckResult:
        return run(context, data, documents)

    return _check


TABLE_CHECKS = [_make_check(t) for t in schemas.TABLES]
