"""The same build on a real Dask cluster (two local workers) gives the same release."""

import json

import dagster as dg
import pytest
from tests_support import copy_seed

from pipeline.defs.resources import PipelineSettings

distributed = pytest.importorskip("distributed")


def _content(outputs):
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    return catalog["versions"][0]["content_sha256"], catalog["versions"][0]["rows"]


def test_build_on_dask_cluster_matches_default_executor(tmp_path):
    from pipeline import definitions

    seeds = copy_seed(tmp_path / "seeds")
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
            steps = {e.step_key for e in result.all_events if e.is_step_success}
            assert "release" in steps and "extracted_tables" in steps
    assert _content(tmp_path / "dask") == _content(tmp_path / "local")
