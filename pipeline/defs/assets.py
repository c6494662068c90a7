"""Assets, one per stage output, grouped by stage: ingest -> sections -> extract -> publish."""


import dagster as dg
import pandas as pd

from pipeline import CODE_VERSION, build
from pipeline.defs.metadata import definition_metadata, table_metadata
from pipeline.defs.resources import PipelineSettings
from pipeline.publish import publish_release
from pipeline.validate import validate_table

OWNERS = ["team:data-pipeline"]


def _table_output(table: str, df: pd.DataFrame, multi: bool = True) -> dg.Output:
    """An output of a multi-asset is named after its table; a single asset's is not."""
    if multi:
        return dg.Output(df, output_name=table, metadata=table_metadata(table, df))
    return dg.Output(df, metadata=table_metadata(table, df))


@dg.asset(group_name="ingest", code_version=CODE_VERSION, owners=OWNERS, kinds={"python"})
def source_documents(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.Output:
    """Every input under the seeds directory, decoded, normalised and repaired (or rejected with a reason)."""
    ingested = build.ingest_all(settings.seeds)
    for r in ingested.rejected:
        context.log.warning(f"rejected {r.reason}")
    if not ingested.documents:
        raise dg.Failure(f"no input could be read from {settings.seeds} "
                         f"({len(ingested.rejected)} rejected)", allow_retries=False)
    return dg.Output(ingested, metadata={
        "documents": len(ingested.documents), "rejected": len(ingested.rejected),
        "seeds_dir": dg.MetadataValue.path(str(settings.seeds)),
        "sources": dg.MetadataValue.md("\n".join(f"- {d.source_name} ({d.encoding}, {len(d.text)} chars)"
                                                 for d in ingested.documents[:50])),
    })


@dg.multi_asset(
    group_name="ingest", code_version=CODE_VERSION,
    outs={
        "documents": dg.AssetOut(description="One row per document, with its normalised text.",
                                 metadata=definition_metadata("documents"), owners=OWNERS, kinds={"pandas"}),
        "defects": dg.AssetOut(description="Ingest repairs (page-break joins) and source defects.",
                               metadata=definition_metadata("defects"), owners=OWNERS, kinds={"pandas"}),
        "rejected": dg.AssetOut(description="Inputs that could not be read, with the reason.",
                                metadata=definition_metadata("rejected"), owners=OWNERS, kinds={"pandas"}),
    },
)
def document_tables(source_documents: build.Ingested):
    """Tables of documents, repairs/defects and rejected inputs."""
    tables = build.document_tables(source_documents.documents)
    yield _table_output("documents", tables["documents"])
    yield _table_output("defects", tables["defects"])
    yield _table_output("rejected", build.rejected_table(source_documents))


@dg.asset(group_name="sections", code_version=CODE_VERSION, owners=OWNERS, kinds={"pandas"},
          metadata=definition_metadata("sections"))
def sections(source_documents: build.Ingested) -> dg.Output:
    """Documents split into lead, interview, article and banner rows."""
    return _table_output("sections", build.section_table(source_documents.documents), multi=False)


@dg.multi_asset(
    group_name="extract", code_version=CODE_VERSION, deps=["sections"],
    outs={
        "people": dg.AssetOut(description="People with their offices, from interviewee lines and sentences.",
                              metadata=definition_metadata("people"), owners=OWNERS, kinds={"pandas"}),
        "metrics": dg.AssetOut(description="Metrics with value, unit, qualifier, change, period and subject.",
                               metadata=definition_metadata("metrics"), owners=OWNERS, kinds={"pandas"}),
    },
)
def extracted_tables(source_documents: build.Ingested):
    """People and metrics, each row tied to its character offsets."""
    tables = build.extraction_tables(source_documents.documents)
    yield _table_output("people", tables["people"])
    yield _table_output("metrics", tables["metrics"])


PUBLISHED = ("documents", "sections", "people", "metrics", "defects", "rejected")


@dg.asset(group_name="publish", code_version=CODE_VERSION, owners=OWNERS, kinds={"parquet", "json"})
def release(context: dg.AssetExecutionContext, settings: PipelineSettings, source_documents: build.Ingested,
            documents: pd.DataFrame, sections: pd.DataFrame, people: pd.DataFrame, metrics: pd.DataFrame,
            defects: pd.DataFrame, rejected: pd.DataFrame) -> dg.MaterializeResult:
    """A versioned release under the outputs directory; runs only when every blocking check passed."""
    frames = {"documents": documents, "sections": sections, "people": people, "metrics": metrics,
              "defects": defects, "rejected": rejected}
    # The checks already gated this run; the release re-runs the suites on exactly the frames it
    # writes so that its validation report travels with it (the "audit" of write-audit-publish).
    validation = {table: validate_table(table, df, documents).as_dict() for table, df in frames.items()}
    failed = [t for t, report in validation.items() if not report["success"]]
    if failed:
        raise dg.Failure(f"validation failed at publish time for {', '.join(failed)}; nothing was published")
    result = publish_release(frames, settings.outputs, build.source_list(source_documents.documents), validation)
    context.log.info(f"release {result.version} at {result.path} ({'new' if result.created_new else 'unchanged'})")
    return dg.MaterializeResult(metadata={
        "version": result.version, "path": dg.MetadataValue.path(str(result.path)),
        "new_release": result.created_new, **{f"rows/{t}": n for t, n in result.row_counts.items()},
    })
