"""Dropping a document in: the sensor fires, only that document is processed, a release appears."""

import json

import dagster as dg
from tests_support import SEED, copy_seed

from pipeline.definitions import defs
from pipeline.defs import automation
from pipeline.defs.resources import PipelineSettings

EXTRA = "某某市统计局局长王小明表示，全市地区生产总值同比增长6.1%，新增城镇就业3.2万人。"


def _run(settings: PipelineSettings, run_config: dict, instance: dg.DagsterInstance):
    job = defs.resolve_job_def("build")
    result = job.execute_in_process(run_config=run_config, instance=instance)
    assert result.success
    extracted = result.asset_materializations_for_node("extracted_tables")[0].metadata
    return extracted["computed"].value, extracted["reused_from_cache"].value


def _sensor(settings: PipelineSettings, instance, cursor=None):
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"settings": settings})
    return defs.get_sensor_def("sources_changed")(context), context


def test_new_document_runs_only_its_own_work_and_publishes(tmp_path):
    seeds = copy_seed(tmp_path / "seeds")
    (seeds / "second.txt").write_text(SEED.read_text(encoding="utf-8")[:600] + "。", encoding="utf-8")
    settings = PipelineSettings(seeds_dir=str(seeds), outputs_dir=str(tmp_path / "out"),
                                cache_dir=str(tmp_path / "cache"))
    with dg.instance_for_test() as instance:
        request, context = _sensor(settings, instance)
        assert isinstance(request, dg.RunRequest)
        assert _run(settings, request.run_config, instance) == (2, 0)

        unchanged, _ = _sensor(settings, instance, cursor=context.cursor)
        assert isinstance(unchanged, dg.SkipReason)

        (seeds / "third.txt").write_text(EXTRA, encoding="utf-8")
        request, _ = _sensor(settings, instance, cursor=context.cursor)
        assert isinstance(request, dg.RunRequest) and request.run_key != context.cursor
        assert _run(settings, request.run_config, instance) == (1, 2)  # only the new document's work

    catalog = json.loads((tmp_path / "out" / "catalog.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in catalog["versions"]] == ["1.1.0", "1.0.0"]
    assert catalog["versions"][0]["rows"]["documents"] == 3


def test_schedule_is_daily_on_beijing_time():
    schedule = defs.get_schedule_def("daily_build")
    assert schedule.execution_timezone == "Asia/Shanghai" and schedule.cron_schedule == "0 6 * * *"


def test_sensor_and_schedule_are_stopped_by_default(monkeypatch):
    # Opening the UI only to look must launch nothing (the tests run without PIPELINE_AUTOMATION).
    assert defs.get_schedule_def("daily_build").default_status == dg.DefaultScheduleStatus.STOPPED
    assert defs.get_sensor_def("sources_changed").default_status == dg.DefaultSensorStatus.STOPPED
    monkeypatch.delenv("PIPELINE_AUTOMATION", raising=False)
    assert automation.schedule_status() == dg.DefaultScheduleStatus.STOPPED
    assert automation.sensor_status() == dg.DefaultSensorStatus.STOPPED


def test_one_setting_turns_automation_on_for_a_deployment(monkeypatch):
    monkeypatch.setenv("PIPELINE_AUTOMATION", "on")
    assert automation.schedule_status() == dg.DefaultScheduleStatus.RUNNING
    assert automation.sensor_status() == dg.DefaultSensorStatus.RUNNING


def test_jsonl_collection_is_a_configurable_source(tmp_path):
    from pipeline.ingest.corpus import ingest_sources

    collection = tmp_path / "c.jsonl"
    collection.write_text(json.dumps({"id": "a1", "title": "t", "date": "2024-01-01", "text": EXTRA},
                                     ensure_ascii=False) + "\n", encoding="utf-8")
    settings = PipelineSettings(seeds_dir=str(copy_seed(tmp_path / "seeds")), collections=[str(collection)],
                                cache_dir="")
    ingested = ingest_sources(settings.sources())
    assert sorted(d.source_name for d in ingested.documents) == ["000_3c2085c3029b20c0.txt", "c.jsonl#a1"]
