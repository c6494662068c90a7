"""What the Dagster UI shows of a table: a preview led by what a person reads, paths to published files."""

import pandas as pd

from pipeline import schemas
from pipeline.defs.metadata import preview_columns, release_metadata, table_metadata


def test_preview_leads_with_what_a_person_reads_and_ends_with_ids_and_hashes():
    for table in schemas.TABLES:
        names = [f.name for f in schemas.load(table).fields]
        cols = preview_columns(table, names)
        assert sorted(cols) == sorted(names)  # every column, once
        machine = [c for c in cols if c.endswith("_id") or c in ("sha256", "offset_map", "text", "code_version", "doc_ids", "raw_offset")]
        assert cols[len(cols) - len(machine):] == machine, table  # ids and hashes last
    metrics = preview_columns("metrics", [f.name for f in schemas.load("metrics").fields])
    assert metrics[:5] == ["raw_text", "value", "unit", "subject", "kind"]
    assert preview_columns("documents", [f.name for f in schemas.load("documents").fields])[0] == "title"


def test_preview_table_in_the_metadata_starts_with_the_readable_columns():
    df = pd.DataFrame([{"metric_id": "abc:m1", "doc_id": "abc", "raw_text": "64万吨/日", "value": 640000.0,
                        "unit": "吨/日", "subject": "城区污水处理能力", "kind": "achievement", "sentence": "x|y\nz"}])
    md = table_metadata("metrics", df)["preview"].value
    header, _, row = md.splitlines()
    assert header.startswith("| raw_text | value | unit | subject | kind | sentence |")
    assert header.endswith("| metric_id | doc_id |")
    assert row.startswith("| 64万吨/日 | 640000.0 | 吨/日 | 城区污水处理能力 | achievement | x\\|y z |")


def test_release_metadata_points_at_the_published_files(tmp_path):
    from tests_support import copy_seed

    from pipeline.build import build_tables
    from pipeline.ingest.rows import sources_from_documents
    from pipeline.publish import publish_release

    tables, _ = build_tables(copy_seed(tmp_path / "seeds"))
    result = publish_release(tables, tmp_path / "outputs", sources_from_documents(tables["documents"]), {})
    meta = release_metadata(result.path, tmp_path / "outputs", list(tables))
    assert meta["path"].value == str(result.path)
    for key in ["page", "card", *(f"file/{t}" for t in tables)]:
        path = meta[key].value
        assert (tmp_path / "outputs").joinpath(path).is_file(), key  # an absolute path, of a published file
    assert meta["file/metrics"].value.endswith("/releases/1.0.0/metrics.parquet")
