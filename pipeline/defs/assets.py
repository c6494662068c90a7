"""Assets, one per stage output, grouped by stage: ingest -> sections -> extract -> publish."""

import os
from dataclasses import dataclass, field

import dagster as dg
import pandas as pd

from pipeline import build, schemas
from pipeline.code_versions import build_version, stage_version
from pipeline.defs import reports
from pipeline.defs.metadata import definition_metadata, description, release_metadata, table_metadata
from pipeline.defs.resources import PipelineSettings
from pipeline.frames import concat_frames
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


# Units of work, fixed when the definitions load because they are the graph's shape: each unit is a
# branch of ops (ingest_u03, sections_u03, extract_u03) that any executor runs beside the others,
# dagster-dask included. Static branches rather than dynamic outputs: dagster-dask does not run dynamic
# map/collect (dagster-io/dagster#9785), and a unit's fixed doc_id range keeps its documents whatever
# is added, so an unchanged unit stays unchanged. Three ops a unit: the graph's size bounds the count.
UNITS = max(1, min(1024, int(os.environ.get("PIPELINE_UNITS", "4"))))
UNIT_NAMES = tuple(f"u{k:02d}" for k in range(UNITS))


@dataclass
class UnitResult:
    """What one unit's op hands on: its value and what it computed, for the asset's metadata."""

    value: object
    computed: list[str] = field(default_factory=list)
    reused: int = 0
    unit_reused: bool = False  # nothing computed: the unit was reused whole, or is empty


def _cache_metadata(results: list[UnitResult]) -> dict:
    names = [n for r in results for n in r.computed]
    return {"computed": len(names), "reused_from_cache": sum(r.reused for r in results),
            "units": len(results), "units_reused": sum(r.unit_reused for r in results),
            "units_computed": [k for k, r in enumerate(results) if not r.unit_reused],
            "computed_documents": dg.MetadataValue.md(
                "\n".join(f"- {n}" for n in names[:50]) + (f"\n- … and {len(names) - 50} more" if len(names) > 50
                                                          else ""))}


def _output(outputs, name: str):
    """One named output of an op's call in a graph (an op with one output returns it bare)."""
    return outputs if UNITS == 1 else getattr(outputs, name)


# Steps that combine units take one named input per unit rather than one fan-in list: dagster-dask runs
# each step in a plan of its own, where a fan-in input finds none of its sources and arrives empty.
UNIT_INS = {name: dg.In(UnitResult) for name in UNIT_NAMES}


@dg.op(out={name: dg.Out(corpus.UnitInput, description=f"The records of unit {name}.") for name in UNIT_NAMES},
       retry_policy=IO_RETRY)
def read_sources(settings: PipelineSettings):
    """Read every source once and put each record in the unit of its doc_id."""
    try:
        plan = corpus.plan_units(settings.sources(), UNITS)
    except OSError:
        raise  # a network disk or a full temp dir: passing, so IO_RETRY tries again
    except Exception as err:
        # Anything else would fail the same way again: fail now instead of retrying it twice.
        raise dg.Failure(f"reading sources failed: {type(err).__name__}: {err}", allow_retries=False) from err
    for name, unit in zip(UNIT_NAMES, plan, strict=True):
        yield dg.Output(unit, output_name=name, metadata={"records": unit.records})


@dg.op(retry_policy=IO_RETRY)
def ingest_unit(context: dg.OpExecutionContext, settings: PipelineSettings, unit: corpus.UnitInput) -> UnitResult:
    """Decode, normalise and repair one unit's records (or reject them with a reason)."""
    cache = settings.cache()
    ingested = corpus.ingest_unit(unit, cache)
    for r in ingested.rejected:
        context.log.warning(f"rejected {r.reason}")
    return UnitResult(ingested, cache.computed_names, cache.reused, unit_reused=cache.computed == 0)


@dg.op(ins=UNIT_INS)
def merge_units(settings: PipelineSettings, **by_unit: UnitResult) -> dg.Output:
    """The units' documents as one collection, in doc_id order, with a data version over every input."""
    units = [by_unit[name] for name in UNIT_NAMES]
    ingested = corpus.merge_ingested(r.value for r in units)
    if not ingested.documents:
        raise dg.Failure(f"no input could be read from {settings.seeds} "
                         f"({len(ingested.rejected)} rejected)", allow_retries=False)
    return dg.Output(ingested, data_version=dg.DataVersion(ingested.fingerprint()[:32]), metadata={
        "documents": len(ingested.documents), "rejected": len(ingested.rejected), **_cache_metadata(units),
        "seeds_dir": dg.MetadataValue.path(str(settings.seeds)),
        "sources": dg.MetadataValue.md("\n".join(f"- {d.source_name} ({d.encoding}, {len(d.text)} chars)"
                                                 for d in ingested.documents[:50])),
    })


@dg.graph_asset(group_name="ingest", code_version=stage_version("ingest"), owners=OWNERS, kinds={"python"})
def source_documents():
    """Every input from the configured sources, decoded, normalised and repaired (or rejected with a reason)."""
    plan = read_sources()
    return merge_units(**{name: ingest_unit.alias(f"ingest_{name}")(_output(plan, name)) for name in UNIT_NAMES})


@dg.multi_asset(group_name="ingest", code_version=stage_version("ingest"), outs=_table_outs("ingest"))
def document_tables(source_documents: corpus.Ingested):
    """Tables of documents, repairs/defects and rejected inputs."""
    tables = build.document_tables(source_documents)
    for table in schemas.tables_of("ingest"):
        yield _table_output(table, tables[table])


@dg.op(out={name: dg.Out(corpus.Ingested, description=f"The documents of unit {name}.") for name in UNIT_NAMES},
       ins={"source_documents": dg.In(corpus.Ingested), "after": dg.In(dg.Nothing)})
def split_units(source_documents: corpus.Ingested):
    """The documents again by unit, one output per branch (``after``: an asset this step waits for)."""
    for name, part in zip(UNIT_NAMES, corpus.split_ingested(source_documents, UNITS), strict=True):
        yield dg.Output(part, output_name=name, metadata={"documents": len(part.documents)})


def _unit_op(stage: str) -> dg.OpDefinition:
    """One unit's tables of ``stage``, or one read of the unit cache when none of its documents changed."""
    @dg.op(name=f"{stage}_unit")
    def run_unit(context: dg.OpExecutionContext, settings: PipelineSettings, part: corpus.Ingested) -> UnitResult:
        cache, unit_cache = settings.cache(), settings.unit_cache()
        try:
            tables = build.unit_tables(stage, part, cache, unit_cache)
        except build.DocumentFailedError as err:
            context.log.error(str(err))
            raise
        computed = cache.computed_names
        return UnitResult(tables, computed, len(part.documents) - len(computed), unit_reused=unit_cache.computed == 0)

    run_unit.__doc__ = f"The {stage} stage's tables of one unit of documents; an unchanged unit is one cache read."
    return run_unit


def _combine_op(stage: str) -> dg.OpDefinition:
    @dg.op(name=f"combine_{stage}", ins=UNIT_INS, out={t: dg.Out(pd.DataFrame) for t in schemas.tables_of(stage)})
    def combine(context: dg.OpExecutionContext, **by_unit: UnitResult):
        """Each table from its units' parts, in the order a whole build gives it."""
        units = [by_unit[name] for name in UNIT_NAMES]
        extra = _cache_metadata(units)
        context.log.info(f"{stage}: computed {extra['computed']} document(s) in {len(extra['units_computed'])} "
                         f"unit(s), reused {extra['units_reused']} unit(s) whole")
        for table in schemas.tables_of(stage):
            yield _table_output(table, concat_frames(table, (r.value[table] for r in units)), extra=extra)

    return combine


def _stage_in_units(stage: str, name: str, docstring: str, after: str | None = None) -> dg.AssetsDefinition:
    """A per-document stage's tables as one graph-backed asset: split the documents into units, make
    each unit's tables in a step of its own, combine the parts. Outputs come from the schema list, with
    what ``_table_outs`` gives an op's; ``after`` is an asset the stage depends on without reading it."""
    unit_op, combine = _unit_op(stage), _combine_op(stage)
    tables = schemas.tables_of(stage)

    def units(parts):
        outs = combine(**{u: unit_op.alias(f"{stage}_{u}")(_output(parts, u)) for u in UNIT_NAMES})
        return {t: getattr(outs, t) for t in tables} if len(tables) > 1 else {tables[0]: outs}

    out = {t: dg.GraphOut() for t in tables}
    if after:
        @dg.graph(name=name, description=docstring, out=out)
        def graph(source_documents, after_asset):
            return units(split_units(source_documents, after_asset))
    else:
        @dg.graph(name=name, description=docstring, out=out)
        def graph(source_documents):
            return units(split_units(source_documents))

    inputs = {"source_documents": dg.AssetKey("source_documents")}
    if after:
        inputs["after_asset"] = dg.AssetKey(after)
    return dg.AssetsDefinition.from_graph(
        graph, keys_by_input_name=inputs, keys_by_output_name={t: dg.AssetKey(t) for t in tables},
        group_names_by_output_name=dict.fromkeys(tables, stage),
        descriptions_by_output_name={t: description(t) for t in tables},
        metadata_by_output_name={t: definition_metadata(t) for t in tables},
        owners_by_output_name=dict.fromkeys(tables, OWNERS),
        code_versions_by_output_name=dict.fromkeys(tables, stage_version(stage)),
        tags_by_output_name=dict.fromkeys(tables, {"dagster/kind/pandas": ""}),
    )


sections = _stage_in_units(
    "sections", "sections",
    "Each document split into lead, interviews, articles and banners, one unit of documents per step; "
    "unchanged units and documents come from the cache.")

extracted_tables = _stage_in_units(
    "extract", "extracted_tables",
    "People, metrics and mentions, each row tied to its character offsets, one unit of documents per step; "
    "unchanged units and documents come from the cache.", after="sections")


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
