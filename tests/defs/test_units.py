"""Documents are worked on in units: each unit's ingest, sections and extraction is a step of its own,
an unchanged unit is reused whole, and the tables are the same whatever the number of units."""

import os
import subprocess
import sys

import dagster as dg
import pytest
from tests_support import SEED, corpus_in_units

from pipeline import build, schemas
from pipeline.defs import assets
from pipeline.defs.resources import PipelineSettings
from pipeline.frames import concat_frames
from pipeline.ingest import corpus
from pipeline.ingest.sources import DirectorySource, SourceRecord


def _inputs(tmp_path):
    d = corpus_in_units(tmp_path / "in", 8, 3)
    (d / "copy.txt").write_bytes((d / "doc_000.txt").read_bytes())  # byte-identical: one document, two sources
    (d / "bad.txt").write_bytes(b"\xff\xfe\x00\x00" * 4 + b"\x00" * 64)  # cannot be decoded
    return d


def _documents(ingested):
    return sorted((x.doc_id, x.sha256, tuple(x.duplicate_sources)) for x in ingested.documents)


@pytest.mark.parametrize("units", [1, 3, 8])
def test_units_ingest_what_the_whole_corpus_ingest_gives(tmp_path, units):
    d = _inputs(tmp_path)
    whole = corpus.ingest_sources([DirectorySource(d)])
    plan = corpus.plan_units([DirectorySource(d)], units)
    by_unit = corpus.merge_ingested(corpus.ingest_unit(u) for u in plan)
    assert _documents(by_unit) == _documents(whole)
    assert sorted((r.source_name, r.reason) for r in by_unit.rejected) == \
        sorted((r.source_name, r.reason) for r in whole.rejected)
    assert any(x.duplicate_sources for x in by_unit.documents)


def test_unit_tables_combined_equal_the_whole_corpus_tables(tmp_path):
    ingested = corpus.ingest_sources([DirectorySource(corpus_in_units(tmp_path / "in", 4, 4, distinct_units=3))])
    parts = corpus.split_ingested(ingested, 4)
    assert sum(1 for p in parts if p.documents) >= 3
    for stage in ("sections", "extract"):
        whole = build.stage_tables(stage, ingested.documents)
        by_unit = [build.unit_tables(stage, p) for p in parts]
        for table in schemas.tables_of(stage):
            combined = concat_frames(table, (u[table] for u in by_unit))
            assert len(combined) > 0
            assert combined.equals(whole[table]), table


def test_a_unit_is_a_range_of_doc_ids():
    ids = [f"{k:016x}" for k in range(0, 2**64, 2**58)]
    units = [corpus.unit_of(i, 8) for i in ids]
    assert units == sorted(units) and set(units) == set(range(8))


def _build(settings: PipelineSettings, instance) -> dg.ExecuteInProcessResult:
    from pipeline import definitions

    result = definitions.defs.resolve_job_def("build").execute_in_process(
        run_config=settings.run_config(), instance=instance)
    assert result.success
    return result


def _metadata(result, node: str, asset: str) -> dict:
    [event] = [e for e in result.asset_materializations_for_node(node) if e.asset_key.path == [asset]]
    return {k: v.value for k, v in event.metadata.items()}


@pytest.mark.skipif(assets.UNITS < 2, reason="one unit: nothing to leave alone")
def test_adding_one_document_recomputes_one_unit_only(tmp_path):
    seeds = corpus_in_units(tmp_path / "seeds", assets.UNITS, 3)
    settings = PipelineSettings(seeds_dir=str(seeds), outputs_dir=str(tmp_path / "out"),
                                cache_dir=str(tmp_path / "cache"))
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        first = _metadata(_build(settings, instance), "extracted_tables", "metrics")
        assert len(first["units_computed"]) >= 2  # the other units are empty
        new = seeds / "one-more.txt"
        new.write_text(SEED.read_text(encoding="utf-8") + "\n（新增）\n", encoding="utf-8")
        second = _build(settings, instance)
        unit = corpus.unit_of(SourceRecord("one-more.txt", "file:one-more.txt", b"").doc_id, assets.UNITS)
        for node, asset in (("sections", "sections"), ("extracted_tables", "metrics")):
            done = _metadata(second, node, asset)
            assert done["units_computed"] == [unit], node
            assert done["units_reused"] == assets.UNITS - 1, node
            assert done["computed"] == 1 and done["reused_from_cache"] == 3, node  # that document only
        ingested = _metadata(second, "source_documents", "source_documents")
        assert ingested["computed"] == 1 and ingested["reused_from_cache"] == 3
    assert _metadata(second, "extracted_tables", "metrics")["dagster/row_count"] > first["dagster/row_count"]


@pytest.mark.parametrize("units", ["1", "3"])
def test_the_graph_loads_with_any_number_of_units(units):
    code = ("from pipeline.definitions import defs; from pipeline.defs import assets; "
            "job = defs.resolve_job_def('build'); "
            "steps = job.graph.node_dict['extracted_tables'].definition.node_dict; "
            "print(assets.UNITS, sum(s.startswith('extract_u') for s in steps))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PIPELINE_UNITS=units))
    assert out.stdout.split() == [units, units]
