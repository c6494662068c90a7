"""The warn-level quality signals: pure functions over row counts, then their place in the graph."""

import json

import dagster as dg

from pipeline.definitions import defs
from pipeline.defs.checks import QUALITY_CHECKS, per_document_signal, previous_counts, rejected_signal


def test_a_sudden_drop_in_metrics_per_document_warns_and_a_small_one_does_not():
    previous = {"documents": 100, "metrics": 2000}
    dropped = per_document_signal("metrics", {"documents": 120, "metrics": 1200}, previous)
    assert not dropped.passed and "from 20.00 to 10.00 (50% down" in dropped.description
    assert dropped.figures == {"metrics_per_document": 10.0, "previous_metrics_per_document": 20.0}
    assert per_document_signal("metrics", {"documents": 120, "metrics": 1800}, previous).passed  # 25% down
    assert per_document_signal("metrics", {"documents": 120, "metrics": 5000}, previous).passed  # a rise
    first = per_document_signal("metrics", {"documents": 3, "metrics": 0}, None)
    assert first.passed and "no previous release" in first.description
    assert per_document_signal("metrics", {"documents": 0, "metrics": 0}, {"documents": 0}).passed


def test_a_rise_in_rejected_inputs_warns():
    previous = {"documents": 98, "rejected": 2}
    rose = rejected_signal({"documents": 90, "rejected": 10}, previous)
    assert not rose.passed and "from 2 of 100 (2.0%) to 10 of 100 (10.0%)" in rose.description
    assert rejected_signal({"documents": 95, "rejected": 5}, previous).passed  # +3 points
    assert rejected_signal({"documents": 0, "rejected": 0}, previous).passed
    assert rejected_signal({"documents": 1, "rejected": 1}, None).passed


def test_previous_counts_come_from_the_latest_release_in_the_catalog(tmp_path):
    assert previous_counts(tmp_path) is None
    (tmp_path / "catalog.json").write_text(json.dumps({"latest": "1.1.0", "versions": [
        {"version": "1.1.0", "rows": {"documents": 3, "metrics": 7}},
        {"version": "1.0.0", "rows": {"documents": 1, "metrics": 1}}]}), encoding="utf-8")
    assert previous_counts(tmp_path) == {"documents": 3, "metrics": 7}
    (tmp_path / "catalog.json").write_text("{not json", encoding="utf-8")
    assert previous_counts(tmp_path) is None


def test_quality_checks_warn_never_block_and_say_what_they_test():
    specs = [spec for c in QUALITY_CHECKS for spec in c.check_specs]
    assert {(s.asset_key.to_user_string(), s.name) for s in specs} == {
        ("metrics", "metrics_per_document"), ("people", "people_per_document"), ("rejected", "rejected_share")}
    for spec in specs:
        assert not spec.blocking and "Warns (never blocks)" in spec.description
    in_defs = {spec.key for c in defs.asset_checks for spec in c.check_specs}
    assert {s.key for s in specs} <= in_defs
    assert all(isinstance(s.key, dg.AssetCheckKey) for s in specs)
