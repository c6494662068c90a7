"""One blocking Great Expectations check per published table.

A failing check does not stop its own asset from being stored, only everything
downstream, and the release is downstream of all of them (write, audit, publish).
"""


import dagster as dg
import pandas as pd

from pipeline import schemas
from pipeline.defs import reports
from pipeline.validate import ValidationReport, validate_table

TABLES_NEEDING_TEXT = ("sections", "people", "metrics", "mentions", "defects")


def _result(report: ValidationReport, rows: int) -> dg.AssetCheckResult:
    failures = report.failures
    return dg.AssetCheckResult(
        passed=report.success,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "rows": rows,
            "expectations": len(report.results),
            "failed_expectations": dg.MetadataValue.json([
                {"expectation": f.expectation, "column": f.column, "unexpected": f.unexpected_count,
                 "examples": f.examples} for f in failures
            ]),
            "summary": dg.MetadataValue.md("\n".join(
                f"- {'PASS' if r.success else 'FAIL'} `{r.expectation}` {r.column or ''}"
                + (f" ({r.unexpected_count} unexpected, e.g. {r.examples[:3]})" if not r.success else "")
                for r in report.results)),
        },
    )


def _make_check(table: str) -> dg.AssetChecksDefinition:
    description = (f"Great Expectations suite for {table}, derived from pipeline/schemas/{table}.json: columns, keys, "
                   "required values, vocabularies" + (", offsets and text spans." if table in TABLES_NEEDING_TEXT
                                                     else "."))
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
