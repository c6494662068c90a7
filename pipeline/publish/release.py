"""Publish a release: write to a temporary directory, then rename into place.

A release directory is never rewritten. ``catalog.json`` is replaced atomically and
only after the release directory is complete, so a run killed at any point leaves
the previous release and catalog intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pandas as pd

from pipeline import __version__, schemas
from pipeline.code_versions import all_stage_versions, build_version
from pipeline.frames import iter_records
from pipeline.publish import benchmarks, catalog_page
from pipeline.publish.card import ANNOTATION, annotation_guide, dataset_card, example_rows
from pipeline.publish.changes import changes_markdown, diff_records, release_rows, sample_rows
from pipeline.publish.charts import write_charts
from pipeline.publish.citation import citation_cff
from pipeline.publish.files import content_hash, sha256_file, write_table
from pipeline.publish.locks import directory_lock
from pipeline.publish.pages import markdown_page
from pipeline.publish.versioning import bump
from pipeline.validate.vocabularies import published_schema

DATASET_NAME = "cn-policy-text-facts"
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
RELEASES_DIR = "releases"
MEDIATYPES = {"parquet": "application/vnd.apache.parquet", "jsonl": "application/jsonl", "csv": "text/csv"}
DEPENDENCIES = ("dagster", "great-expectations", "pandas", "pyarrow", "jieba")


class PublishError(RuntimeError):
    pass


@dataclass
class PublishResult:
    version: str
    path: Path
    created_new: bool
    row_counts: dict[str, int]


LOCK_WAIT_S = float(os.environ.get("PIPELINE_LOCK_WAIT_S", "120"))


@contextmanager
def outputs_lock(outputs: Path, wait_s: float | None = None):
    """One publisher at a time per outputs directory: a second one waits, then fails clearly."""
    def busy() -> PublishError:
        return PublishError(f"{outputs}: another build is publishing here; try again when it ends")

    with directory_lock(outputs, ".lock", LOCK_WAIT_S if wait_s is None else wait_s, busy, poll_s=0.2):
        _remove_stale_temporaries(outputs)
        yield


def _remove_stale_temporaries(outputs: Path) -> None:
    """Leftovers of a run killed mid-publish; safe to remove while we hold the lock."""
    for leftover in outputs.glob(".tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in outputs.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def _fault_point(step: str) -> None:
    """Test hook: pause at PIPELINE_FAULT_POINT (a step name, or * for every step) for
    PIPELINE_FAULT_DELAY_S seconds, so that a test can kill the run exactly there."""
    point = os.environ.get("PIPELINE_FAULT_POINT")
    if point in (step, "*"):
        print(f"fault point: {step}", flush=True)
        time.sleep(float(os.environ.get("PIPELINE_FAULT_DELAY_S", "60")))


def read_catalog(outputs: Path) -> dict:
    path = outputs / "catalog.json"
    if not path.exists():
        return {"latest": None, "versions": []}
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)


def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5,
                             cwd=Path(__file__).resolve().parent)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def content_fingerprint(frames: dict[str, pd.DataFrame]) -> str:
    """sha256 over every table's canonical JSONL: equal data, equal fingerprint."""
    h = hashlib.sha256()
    for table in sorted(frames):
        h.update(f"{table}:{content_hash(table, frames[table])}\n".encode())
    return h.hexdigest()


def _provenance(sources: list[dict]) -> dict:
    versions = {}
    for dist in DEPENDENCIES:
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    return {"pipeline_version": __version__, "code_version": build_version(),
            "stage_code_versions": all_stage_versions(), "git_commit": git_commit(),
            "dependencies": versions, "inputs": sources}


def publish_release(frames: dict[str, pd.DataFrame], outputs: Path, sources: list[dict],
                    validation: dict[str, dict]) -> PublishResult:
    """Write a new release if the data or schemas changed; otherwise return the latest."""
    outputs = Path(outputs)
    # The schemas as published: the constraints the suites checked, each vocabulary as an enum.
    table_schemas = {t.name: published_schema(t.name) for t in schemas.all_tables() if t.name in frames}
    fingerprint = content_fingerprint(frames)
    with outputs_lock(outputs):
        catalog = read_catalog(outputs)
        latest = next((v for v in catalog["versions"] if v["version"] == catalog.get("latest")), None)
        old_schemas = {}
        if latest:
            old_pkg = json.loads((outputs / latest["path"] / "datapackage.json").read_text(encoding="utf-8"))
            old_schemas = {r["name"]: r["schema"] for r in old_pkg["resources"] if r["format"] == "parquet"}
        changed = latest is None or latest.get("content_sha256") != fingerprint
        version = bump(latest["version"] if latest else None, old_schemas, table_schemas, changed)
        counts = {t: len(df) for t, df in frames.items()}
        if version is None:
            return PublishResult(latest["version"], outputs / latest["path"], False, latest.get("rows", counts))
        rel_path = f"{RELEASES_DIR}/{version}"
        final = outputs / rel_path
        if final.exists():
            if any(v["version"] == version for v in catalog["versions"]):
                raise PublishError(f"{final}: release {version} is published; releases are never rewritten")
            # Renamed into place by a run killed before it updated the catalog: never published.
            shutil.rmtree(final)
        created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        tmp = outputs / f".tmp-{uuid.uuid4().hex}"
        tmp.mkdir(parents=True)
        try:
            index: dict[str, dict[str, str]] = {}
            package = _write_files(frames, tmp, version, created, table_schemas, sources, validation,
                                   fingerprint, index)
            new_rows = {t: (lambda df=df: ((r, json.dumps(r, ensure_ascii=False, separators=(",", ":")))
                                           for r in iter_records(df))) for t, df in frames.items()}
            old_rows = release_rows(outputs / latest["path"]) if latest else {}
            diff = diff_records(old_rows, new_rows, old_schemas, table_schemas, index)
            diff.update({"from": latest["version"] if latest else None, "to": version})
            (tmp / "changes.json").write_text(json.dumps(diff, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            changes = changes_markdown(diff, diff["from"], version, sample_rows(old_rows, new_rows, diff))
            (tmp / "CHANGES.md").write_text(changes, encoding="utf-8")
            (tmp / "CHANGES.html").write_text(markdown_page(changes, f"{DATASET_NAME} {version}: changes",
                                                            back="../../index.html"), encoding="utf-8")
            _fault_point("release files written")
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
            _fault_point("release directory in place")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        entry = {"version": version, "path": rel_path, "created": created, "rows": counts,
                 "datapackage_sha256": sha256_file(final / "datapackage.json"),
                 "content_sha256": fingerprint, "code_version": build_version()}
        versions = [entry] + [v for v in catalog["versions"] if v["version"] != version]
        write_catalog(outputs, versions)
        del package
        return PublishResult(version, final, True, counts)


def write_catalog(outputs: Path, versions: list[dict]) -> dict:
    """catalog.json (replaced atomically) and index.html, both derived from the version list.

    ``latest`` is the newest release; ``stable`` the newest that is not deprecated.
    """
    stable = next((v["version"] for v in versions if not v.get("deprecated")), None)
    catalog = {"name": DATASET_NAME, "latest": versions[0]["version"] if versions else None, "stable": stable,
               "versions": versions}
    _write_json_atomic(outputs / "catalog.json", catalog)
    page = outputs / f".index.{uuid.uuid4().hex}.tmp"
    page.write_text(catalog_page.render(outputs, catalog), encoding="utf-8")
    os.replace(page, outputs / "index.html")  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
    return catalog


def deprecate(outputs: Path, version: str, reason: str) -> dict:
    """Mark a release deprecated in the catalog; its files are never touched."""
    outputs = Path(outputs)
    with outputs_lock(outputs):
        catalog = read_catalog(outputs)
        entry = next((v for v in catalog["versions"] if v["version"] == version), None)
        if entry is None:
            raise PublishError(f"{outputs / 'catalog.json'}: no release {version!r} to deprecate")
        entry["deprecated"], entry["deprecated_reason"] = True, reason
        return write_catalog(outputs, catalog["versions"])


def _write_files(frames, directory: Path, version: str, created: str, table_schemas: dict,
                 sources: list[dict], validation: dict[str, dict], fingerprint: str,
                 index: dict[str, dict[str, str]]) -> dict:
    resources = []
    for table in sorted(frames):
        written = write_table(table, frames[table], directory, index.setdefault(table, {}))
        _fault_point(f"{table} written")
        meta = schemas.load(table)
        for fmt, path in written.items():
            # Rows are checked through the JSONL twin: frictionless reads Parquet list cells as numpy
            # arrays and cannot count Parquet bytes, and its JSONL reader fails on an empty file. Those
            # resources are typed "file", which still has frictionless check their bytes and hash.
            # The CSV (for spreadsheets; list cells as JSON text) is a "file" resource too: its list
            # cells are not Table Schema lists. It comes after the two resources it copies, whose
            # names stay as they were.
            tabular = fmt == "jsonl" and len(frames[table]) > 0
            resources.append({
                "name": table if fmt == "parquet" else f"{table}-{fmt}",
                "type": "table" if tabular else "file", "path": path.name, "format": fmt,
                "mediatype": MEDIATYPES[fmt], "encoding": "utf-8-sig" if fmt == "csv" else "utf-8",
                "bytes": path.stat().st_size, "hash": f"sha256:{sha256_file(path)}",
                "title": meta.title, "description": meta.description, "schema": table_schemas[table],
            })
    (directory / "validation.json").write_text(
        json.dumps(validation, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATASET_NAME, "title": "Facts from Chinese government and policy text",
        "version": version, "created": created, "licenses": [LICENSE],
        "sources": [{"title": s["source_name"], "sha256": s["sha256"], **{k: v for k, v in s.items()
                     if k in ("path", "publisher", "date") and v}} for s in sources],
        "resources": resources,
        "x_provenance": _provenance(sources), "x_content_sha256": fingerprint,
    }
    (directory / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                                                encoding="utf-8")
    (directory / "CITATION.cff").write_text(citation_cff(package["title"], version, created, LICENSE["name"]),
                                            encoding="utf-8")
    write_charts(frames, directory)
    (directory / ANNOTATION).write_text(annotation_guide(), encoding="utf-8")  # the data's definition
    card = dataset_card(package, {t: len(df) for t, df in frames.items()}, example_rows(frames), benchmarks.load(),
                        annotation=True)
    (directory / "README.md").write_text(card, encoding="utf-8")
    # The same card as a page that declares its charset: static servers send .md without one.
    (directory / "README.html").write_text(markdown_page(card, f"{package['title']} {version}",
                                                         back="../../index.html"), encoding="utf-8")
    return package
