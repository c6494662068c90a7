"""Assets, one per stage output, grouped by stage: ingest -> sections -> extract -> publish."""

import dagster as dg
import pandas as pd

from pipeline import build, schemas
from pipeline.code_versions import build_version, stage_version
from pipeline.defs import reports
from pipeline.defs.metadata import definition_metadata, description, release_metadata, table_metadata
from pipeline.defs.resources import PipelineSettings
from pipeline.ingest import corpus
from pipeline.ingest.rows import sources_from_documents
from pipeline.publish import publish_release
from pipeline.publish.files import content_hash
from pipeline.validate import validate_table

OWNERS = ["team:data-pipeline"]
# Reading files and writing releases can fail for passing reasons (a network disk, a full
# temp dir); extraction is deterministic, so retrying it would only repeat the failure.
IO_RETRY = dg.RetryPolicy(max_retries=2, delay=2, backoff=dg.Backoff.EXPONENTIAL)


def _table_output(table: str, df: pd.DataFrame, extra: dict | None = None) -> dg.Output:
    """An output with its metadata and a data version that is the hash of its content."""
    version = dg.DataVersion(content_hash(table, df)[:32])
    return dg.Output(df, output_name=table, metadata={**table_metadata(table, df), **(extra or {})},
                     data_version=version)


def _table_outs(stage: str) -> dict[str, dg.AssetOut]:
    """One out per table the stage yields (its schemas' ``stage``): description and column metadata from the schema."""
    return {t: dg.AssetOut(description=description(t), metadata=definition_metadata(t), owners=OWNERS,
                           kinds={"pandas"}) for t in schemas.tables_of(stage)}


def _cache_metadata(cache) -> dict:
    names = cache.computed_names
    return {**cache.stats(), "computed_documents": dg.MetadataValue.md(
        "\n".join(f"- {n}" for n in names[:50]) + (f"\n- … and {len(names) - 50} more" if len(names) > 50 else ""))}


@dg.asset(group_name="ingest", code_version=stage_version("ingest"), owners=OWNERS, kinds={"python"}, retry_policy=IO_RETRY)
def source_documents(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.Output:
    """Every input from the configured sources, decoded, normalised and repaired (or rejected with a reason)."""
    cache = settings.cache()
    try:
        ingested = corpus.ingest_sources(settings.sources(), cache)
    except OSError:
        raise  # a network disk or a full temp dir: passing, so IO_RETRY tries again
    except Exception as err:
        # Anything else would fail the same way again: fail now instead of retrying it twice.
        raise dg.Failure(f"reading sources failed: {type(err).__name__}: {err}", allow_retries=False) from err
    for r in ingested.rejected:
        context.log.warning(f"rejected {r.reason}")
    if not ingested.documents:
        raise dg.Failure(f"no input could be read from {settings.seeds} "
                         f"({len(ingested.rejected)} rejected)", allow_retries=False)
    return dg.Output(ingested, data_version=dg.DataVersion(ingested.fingerprint()[:32]), metadata={
        "documents": len(ingested.documents), "rejected": len(ingested.rejected), **_cache_metadata(cache),
        "seeds_dir": dg.MetadataValue.path(str(settings.seeds)),
        "sources": dg.MetadataValue.md("\n".join(f"- {d.source_name} ({d.encoding}, {len(d.text)} chars)"
                                                 for d in ingested.documents[:50])),
    })


@dg.multi_asset(group_name="ingest", code_version=stage_version("ingest"), outs=_table_outs("ingest"))
def document_tables(source_documents: corpus.Ingested):
    """Tables of documents, repairs/defects and rejected inputs."""
    tables = build.document_tables(source_documents)
    for table in schemas.tables_of("ingest"):
        yield _table_output(table, tables[table])


@dg.multi_asset(group_name="sections", code_version=stage_version("sections"), outs=_table_outs("sections"))
def sections(settings: PipelineSettings, source_documents: corpus.Ingested):
    """Each document split into lead, interviews, articles and banners; unchanged documents come from the cache."""
    cache = settings.cache()
    table = build.section_table(source_documents.documents, cache)
    yield _table_output("sections", table, extra=_cache_metadata(cache))


@dg.multi_asset(group_name="extract", code_version=stage_version("extract"), deps=["sections"],
                outs=_table_outs("extract"))
def extracted_tables(context: dg.AssetExecutionContext, settings: PipelineSettings,
                     source_documents: corpus.Ingested):
    """People, metrics and mentions, each row tied to its character offsets; unchanged documents come from the cache."""
    cache = settings.cache()
    try:
        tables = build.extraction_tables(source_documents.documents, cache)
    except build.DocumentFailedError as err:
        context.log.error(str(err))
        raise
    context.log.info(f"extracted {cache.computed} document(s), reused {cache.reused} from the cache")
    extra = _cache_metadata(cache)
    for table in schemas.tables_of("extract"):
        yield _table_output(table, tables[table], extra=extra)


@dg.multi_asset(group_name="extract", code_version=stage_version("entities"), outs=_table_outs("entities"))
def entities(mentions: pd.DataFrame):
    """Mentions of all documents grouped by kind and canonical name."""
    yield _table_output("entities", build.entity_table(mentions))


@dg.asset(group_name="publish", code_version=build_version(), owners=OWNERS, kinds={"parquet", "json"},
          retry_policy=IO_RETRY, ins={t: dg.AssetIn(t) for t in schemas.TABLES})
def release(context: dg.AssetExecutionContext, settings: PipelineSettings,
            **tables: pd.DataFrame) -> dg.MaterializeResult:
    """A versioned release under the outputs directory; runs only when every blocking check passed."""
    frames = {t: tables[t] for t in schemas.TABLES}  # every published table, in publishing order
    documents = frames["documents"]
    # Write, audit, publish: the blocking checks of this run audited these exact tables and left their
    # reports; a table without one (materialised without its check) is audited here.
    validation = {}
    for table, df in frames.items():
        validation[table] = (reports.load(context.instance, context.run.run_id, table)
                             or validate_table(table, df, documents).as_dict())
    failed = [t for t, report in validation.items() if not report["success"]]
    if failed:
        raise dg.Failure(f"validation failed for {', '.join(failed)}; nothing was published", allow_retries=False)
    result = publish_release(frames, settings.outputs, sources_from_documents(documents), validation)
    context.log.info(f"release {result.version} at {result.path} ({'new' if result.created_new else 'unchanged'})")
    return dg.MaterializeResult(metadata={
        "version": result.version, **release_metadata(result.path, settings.outputs, list(frames)),
        "catalog": dg.MetadataValue.path(str(settings.outputs / "catalog.json")),
        "new_release": result.created_new, **{f"rows/{t}": n for t, n in result.row_counts.items()},
    }, data_version=dg.DataVersion(result.version))
