import json

import pytest

from pipeline import schemas
from pipeline.build import build_tables
from pipeline.ingest.rows import sources_from_documents
from pipeline.publish import publish_release
from pipeline.publish.files import sha256_file
from pipeline.publish.release import PublishError, outputs_lock
from pipeline.publish.versioning import bump


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests_support import copy_seed

    tables, _ = build_tables(copy_seed(tmp_path_factory.mktemp("seeds")))
    return tables, sources_from_documents(tables["documents"])


def _snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_release_files_checksums_and_catalog(built, tmp_path):
    tables, sources = built
    result = publish_release(tables, tmp_path, sources, {})
    assert result.created_new and result.version == "1.0.0"
    catalog = json.loads((tmp_path / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["latest"] == "1.0.0" and catalog["versions"][0]["path"] == "releases/1.0.0"
    package = json.loads((result.path / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "version", "created", "licenses", "sources", "resources"):
        assert key in package
    for resource in package["resources"]:
        path = result.path / resource["path"]
        assert resource["bytes"] == path.stat().st_size
        assert resource["hash"] == f"sha256:{sha256_file(path)}"
    for table in schemas.TABLES:
        assert (result.path / f"{table}.parquet").exists() and (result.path / f"{table}.jsonl").exists()


def test_unchanged_inputs_publish_nothing_and_leave_files_identical(built, tmp_path):
    tables, sources = built
    publish_release(tables, tmp_path, sources, {})
    before = _snapshot(tmp_path)
    again = publish_release(tables, tmp_path, sources, {})
    assert not again.created_new and again.version == "1.0.0"
    assert _snapshot(tmp_path) == before


def test_changed_rows_make_a_minor_release(built, tmp_path):
    tables, sources = built
    publish_release(tables, tmp_path, sources, {})
    changed = dict(tables)
    changed["metrics"] = tables["metrics"].iloc[1:].reset_index(drop=True)
    result = publish_release(changed, tmp_path, sources, {})
    assert result.version == "1.1.0"
    catalog = json.loads((tmp_path / "catalog.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in catalog["versions"]] == ["1.1.0", "1.0.0"]
    assert (tmp_path / "releases" / "1.0.0" / "metrics.parquet").exists()


def test_parquet_is_byte_identical_across_writes(built, tmp_path):
    tables, sources = built
    a = publish_release(tables, tmp_path / "a", sources, {})
    b = publish_release(tables, tmp_path / "b", sources, {})
    for table in tables:
        assert (a.path / f"{table}.parquet").read_bytes() == (b.path / f"{table}.parquet").read_bytes()


def test_semver_rules():
    old = {"t": {"fields": [{"name": "a", "type": "string"}]}}
    added = {"t": {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "integer"}]}}
    retyped = {"t": {"fields": [{"name": "a", "type": "integer"}]}}
    described = {"t": {"fields": [{"name": "a", "type": "string", "description": "x"}]}}
    assert bump(None, {}, old, True) == "1.0.0"
    assert bump("1.2.3", old, old, False) is None
    assert bump("1.2.3", old, old, True) == "1.3.0"
    assert bump("1.2.3", old, added, False) == "1.3.0"
    assert bump("1.2.3", old, retyped, False) == "2.0.0"
    assert bump("1.2.3", old, described, False) == "1.2.4"


def test_second_publisher_is_refused_while_one_holds_the_lock(tmp_path):
    with outputs_lock(tmp_path), pytest.raises(PublishError, match="another build"), outputs_lock(tmp_path, 0.5):
        pass


def test_failure_while_writing_leaves_previous_release_and_catalog(built, tmp_path, monkeypatch):
    tables, sources = built
    publish_release(tables, tmp_path, sources, {})
    before = _snapshot(tmp_path)
    import pipeline.publish.release as release

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(release, "dataset_card", boom)
    changed = dict(tables)
    changed["metrics"] = tables["metrics"].iloc[1:].reset_index(drop=True)
    with pytest.raises(OSError):
        publish_release(changed, tmp_path, sources, {})
    assert _snapshot(tmp_path) == before


def test_frictionless_checks_the_constraints_the_suites_check(built, tmp_path):
    """A consumer's ``frictionless validate`` finds a row that breaks a schema constraint: a unit
    outside the vocabulary, an offset below zero, a value beyond bounds."""
    from frictionless import validate

    tables, sources = built
    result = publish_release(tables, tmp_path, sources, {})
    package = json.loads((result.path / "datapackage.json").read_text(encoding="utf-8"))
    [metrics] = [r for r in package["resources"] if r["name"] == "metrics-jsonl"]
    fields = {f["name"]: f.get("constraints", {}) for f in metrics["schema"]["fields"]}
    assert fields["char_start"]["minimum"] == 0 and fields["value"]["maximum"] == 1e16
    assert "吨/日" in fields["unit"]["enum"]
    assert validate(str(result.path / "datapackage.json")).valid
    path = result.path / "metrics.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[0]["unit"], rows[1]["char_start"], rows[2]["value"] = "furlong", -1, 1e17
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report = validate(str(result.path / "datapackage.json"))
    errors = {(e[0], e[1]) for e in report.flatten(["type", "fieldName"]) if e[0] == "constraint-error"}
    assert errors == {("constraint-error", "unit"), ("constraint-error", "char_start"),
                      ("constraint-error", "value")}
