"""Validation reports handed from the checks to the release within one run.

The checks validate every table anyway; saving their reports under the instance's storage,
keyed by run, spares the release a second pass over the corpus.
"""

import json
from pathlib import Path

import dagster as dg


def _path(instance: dg.DagsterInstance, run_id: str, table: str) -> Path:
    return Path(instance.storage_directory()) / "validation" / run_id / f"{table}.json"


def save(instance: dg.DagsterInstance, run_id: str, table: str, report: dict) -> None:
    path = _path(instance, run_id, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def load(instance: dg.DagsterInstance, run_id: str, table: str) -> dict | None:
    path = _path(instance, run_id, table)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
