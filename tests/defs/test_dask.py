"""The distributed job on a real Dask cluster (two worker processes) runs units side by side and
publishes the same release as the default job."""

import json
import re

import dagster as dg
import pytest
from tests_support import corpus_in_units

from pipeline.defs import assets
from pipeline.defs.resources import PipelineSettings

distributed = pytest.importorskip("distributed")


def _content(outputs):
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    return catalog["versions"][0]["content_sha256"], catalog["versions"][0]["rows"]


@pytest.mark.skipif(assets.UNITS < 2, reason="one unit: nothing to run side by side")
def test_build_on_dask_cluster_matches_default_executor(tmp_path):
    from pipeline import definitions

    seeds = corpus_in_units(tmp_path / "seeds", assets.UNITS, 4, distinct_units=4)
    local = PipelineSettings(seeds_dir=str(seeds), outputs_dir=str(tmp_path / "local"), cache_dir="")
    on_dask = PipelineSettings(seeds_dir=str(seeds), outputs_dir=str(tmp_path / "dask"), cache_dir="")
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        assert definitions.defs.resolve_job_def("build").execute_in_process(
            run_config=local.run_config(), instance=instance).success
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster:
            run_config = {**on_dask.run_config(),
                          "execution": {"config": {"cluster": {"existing": {"address": cluster.scheduler_address}}}}}
            result = dg.execute_job(dg.reconstructable(definitions.build_on_dask_job), instance=instance,
                                    run_config=run_config)
            assert result.success
            unit_steps = {e.step_key: e.pid for e in result.all_events
                          if e.is_step_start and re.fullmatch(r"\w+\.(ingest|sections|extract)_u\d+", e.step_key)}
            done = {e.step_key for e in result.all_events if e.is_step_success}
    assert "release" in done and set(unit_steps) <= done and len(unit_steps) == 3 * assets.UNITS
    assert len(set(unit_steps.values())) == 2, unit_steps  # units ran in both worker processes
    assert _content(tmp_path / "dask") == _content(tmp_path / "local")
