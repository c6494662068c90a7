"""One blocking Great Expectations check per published table, and warn-level quality signals.

A failing blocking check does not stop its own asset from being stored, only everything
downstream, and the release is downstream of all of them (write, audit, publish). The quality
signals (``QUALITY_CHECKS``) only warn: they compare row counts with the previous release.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline import schemas
from pipeline.defs import reports
from pipeline.defs.resources import PipelineSettings
from pipeline.validate import ValidationReport, validate_table
from pipeline.validate.suites import describe_row


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
                   "required values, vocabularies" + (", offsets and text spans" if schemas.load(table).spans
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


# Warn-level quality signals, beside the blocking suites: the data is valid, but something changed that a
# person should look at before trusting the release. They never stop a release (severity WARN,
# not blocking); they compare this run's row counts with the latest published release's.
PER_DOCUMENT_DROP = 0.30  # metrics (or people) per document falling by more than this share
REJECTED_RISE = 0.05  # the share of inputs rejected rising by more than this (5 points)


@dataclass(frozen=True)
class Signal:
    passed: bool
    description: str
    figures: dict


def per_document_signal(table: str, current: dict[str, int], previous: dict[str, int] | None,
                        max_drop: float = PER_DOCUMENT_DROP) -> Signal:
    """Rows of ``table`` per document now and in the previous release: a sudden drop usually means an
    extractor stopped matching a form the documents use (a lexicon edit, a new source's layout)."""
    docs, rows = current.get("documents", 0), current.get(table, 0)
    now = rows / docs if docs else 0.0
    figures = {f"{table}_per_document": round(now, 3)}
    if not previous or not previous.get("documents"):
        return Signal(True, f"{rows} {table} in {docs} documents ({now:.2f} per document); no previous release "
                            "to compare with", figures)
    before = previous.get(table, 0) / previous["documents"]
    figures[f"previous_{table}_per_document"] = round(before, 3)
    if before > 0 and now < before * (1 - max_drop):
        return Signal(False, f"{table} per document fell from {before:.2f} to {now:.2f} ({1 - now / before:.0%} "
                             f"down, more than {max_drop:.0%}): {rows} {table} in {docs} documents, "
                             f"{previous.get(table, 0)} in {previous['documents']} in the previous release", figures)
    return Signal(True, f"{now:.2f} {table} per document, {before:.2f} in the previous release "
                        f"(a fall of more than {max_drop:.0%} warns)", figures)


def rejected_signal(current: dict[str, int], previous: dict[str, int] | None,
                    max_rise: float = REJECTED_RISE) -> Signal:
    """The share of inputs rejected now and in the previous release: a rise means a source started
    sending what ingest cannot read (a new encoding, truncated files, binary attachments)."""
    def share(counts: dict[str, int]) -> tuple[float, int, int]:
        rejected, total = counts.get("rejected", 0), counts.get("rejected", 0) + counts.get("documents", 0)
        return (rejected / total if total else 0.0), rejected, total

    now, rejected, total = share(current)
    figures = {"rejected_share": round(now, 4)}
    if not previous:
        return Signal(True, f"{rejected} of {total} inputs rejected ({now:.1%}); no previous release to compare with",
                      figures)
    before, old_rejected, old_total = share(previous)
    figures["previous_rejected_share"] = round(before, 4)
    if now > before + max_rise and rejected > old_rejected:
        return Signal(False, f"rejected inputs rose from {old_rejected} of {old_total} ({before:.1%}) to {rejected} "
                             f"of {total} ({now:.1%}), more than {max_rise:.0%} points; see the rejected table's "
                             "reasons", figures)
    return Signal(True, f"{rejected} of {total} inputs rejected ({now:.1%}), {before:.1%} in the previous release "
                        f"(a rise of more than {max_rise:.0%} points warns)", figures)


def previous_counts(outputs: Path) -> dict[str, int] | None:
    """Row counts of the latest published release, from catalog.json; None before the first."""
    path = Path(outputs) / "catalog.json"
    try:
        catalog = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return None
    latest = next((v for v in catalog.get("versions", []) if v.get("version") == catalog.get("latest")), None)
    rows = latest.get("rows") if isinstance(latest, dict) else None
    return {k: v for k, v in rows.items() if isinstance(v, int)} if isinstance(rows, dict) else None


def _row_counts(context: dg.AssetCheckExecutionContext, tables: tuple[str, ...]) -> dict[str, int]:
    """Each table's row count from its materialisation's metadata, this run's if it made one (another
    build on other seeds may materialise the same assets meanwhile), else the latest. The checks
    read counts, not the tables, so they cost nothing on a large corpus."""
    instance = context.instance
    this_run = {}
    for record in instance.all_logs(context.run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION):
        materialization = record.asset_materialization
        if materialization is not None:
            this_run[materialization.asset_key.to_user_string()] = materialization
    counts = {}
    for table in tables:
        materialization = this_run.get(table)
        if materialization is None:
            event = instance.get_latest_materialization_event(dg.AssetKey(table))
            materialization = event.asset_materialization if event else None
        value = materialization.metadata.get("dagster/row_count") if materialization else None
        counts[table] = int(value.value) if value is not None else 0
    return counts


def _signal_result(signal: Signal) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=signal.passed, severity=dg.AssetCheckSeverity.WARN,
                               description=signal.description, metadata=signal.figures)


def _per_document_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name=f"{table}_per_document", blocking=False, additional_deps=["documents"],
                    description=f"Warns (never blocks) when {table} per document fall by more than "
                                f"{PER_DOCUMENT_DROP:.0%} against the latest published release: an extractor "
                                "that stopped matching. Reads row counts only.")
    def _check(context: dg.AssetCheckExecutionContext, settings: PipelineSettings) -> dg.AssetCheckResult:
        current = _row_counts(context, ("documents", table))
        return _signal_result(per_document_signal(table, current, previous_counts(settings.outputs)))

    return _check


@dg.asset_check(asset="rejected", name="rejected_share", blocking=False, additional_deps=["documents"],
                description=f"Warns (never blocks) when the share of inputs rejected rises by more than "
                            f"{REJECTED_RISE:.0%} points against the latest published release: a source sending "
                            "what ingest cannot read. Reads row counts only.")
def rejected_share(context: dg.AssetCheckExecutionContext, settings: PipelineSettings) -> dg.AssetCheckResult:
    current = _row_counts(context, ("documents", "rejected"))
    return _signal_result(rejected_signal(current, previous_counts(settings.outputs)))


QUALITY_CHECKS = [_per_document_check("metrics"), _per_document_check("people"), rejected_share]
