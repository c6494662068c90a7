"""A build launched from the UI or the schedule runs its steps in the run's process by default
(a fresh process per sub-second step made it 5-10 times slower than a shell build); one process
per step stays selectable in run config."""

import dagster as dg
from tests_support import copy_seed

from pipeline import definitions
from pipeline.defs.resources import PipelineSettings


def _resolved_executor(run_config: dict) -> dict:
    job = definitions.defs.resolve_job_def("build")
    [config] = dg.validate_run_config(job, run_config)["execution"].values()
    return config


def test_default_executor_is_in_process(tmp_path):
    settings = PipelineSettings(seeds_dir=str(tmp_path), outputs_dir=str(tmp_path / "out"), cache_dir="")
    # What the sensor and the schedule send, and what the UI's launchpad starts from: no execution key.
    assert set(_resolved_executor(settings.run_config())) == {"in_process"}


def test_multiprocess_is_still_selectable_by_run_config():
    assert set(_resolved_executor({"execution": {"config": {"multiprocess": {"max_concurrent": 2}}}})) == \
        {"multiprocess"}


def test_a_launched_run_with_the_default_executor_runs_in_one_process(tmp_path):
    settings = PipelineSettings(seeds_dir=str(copy_seed(tmp_path / "seeds")), outputs_dir=str(tmp_path / "out"),
                                cache_dir=str(tmp_path / "cache"))
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance, \
            dg.execute_job(dg.reconstructable(definitions.build_job), instance=instance,
                           run_config=settings.run_config()) as result:
        assert result.success
        engine = [e.message for e in result.all_events if e.event_type == dg.DagsterEventType.ENGINE_EVENT]
        assert any(m.startswith("Executing steps in process") for m in engine), engine
        assert not any("multiprocess" in m for m in engine)
        assert not [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_WORKER_STARTING]
        assert result.asset_materializations_for_node("release")
        evaluations = result.get_asset_check_evaluations()
        suites = [e for e in evaluations if e.blocking]  # beside them, the quality signals warn
        assert len(suites) == 8 and all(e.description.startswith("all ") for e in suites)
        assert all(e.passed for e in evaluations)
