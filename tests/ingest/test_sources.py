import gzip
import json

import pytest

from pipeline.ingest.corpus import ingest_all


def test_sidecar_metadata_is_used(tmp_path):
    (tmp_path / "a.txt").write_text("正文第一句。", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "标题", "date": "2025-11-26"}), encoding="utf-8")
    docs = ingest_all(tmp_path).documents
    assert docs[0].title == "标题" and docs[0].date == "2025-11-26"


def test_bad_inputs_are_rejected_with_reason_and_others_survive(tmp_path):
    (tmp_path / "good.txt").write_text("正文第一句。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "bad.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "bad.meta.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["good.txt"]
    reasons = {r.source_name: r.reason for r in out.rejected}
    assert set(reasons) == {"empty.txt", "bin.txt", "bad.txt", "image.png"}
    assert "empty" in reasons["empty.txt"] and "JSON" in reasons["bad.txt"]


def test_jsonl_collection_records_get_their_own_ids(tmp_path):
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(2):
            f.write(json.dumps({"id": f"r{i}", "title": f"t{i}", "date": "2020-01-01", "text": f"第{i}篇。"},
                               ensure_ascii=False) + "\n")
        f.write("not json\n")
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl.gz#r0", "c.jsonl.gz#r1"]
    assert len({d.doc_id for d in out.documents}) == 2
    assert len(out.rejected) == 1


def _collection(path, ids):
    path.write_text("".join(json.dumps({"id": rid, "text": f"第{n}篇正文。"}, ensure_ascii=False) + "\n"
                            for n, rid in enumerate(ids)), encoding="utf-8")


def test_duplicate_id_in_a_collection_rejects_the_second_naming_collection_and_line(tmp_path):
    _collection(tmp_path / "c.jsonl", ["dup", "other", "dup"])
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl#dup", "c.jsonl#other"]
    assert "第0篇" in out.documents[0].text
    (rejected,) = out.rejected
    assert rejected.source_name == "c.jsonl:3"
    assert rejected.reason == "c.jsonl line 3: duplicate id 'dup' in collection c.jsonl (first on line 1); not read"


def test_integer_and_string_ids_of_one_text_form_are_duplicates(tmp_path):
    _collection(tmp_path / "c.jsonl", [1, "1"])
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl#1"]
    assert [r.source_name for r in out.rejected] == ["c.jsonl:2"] and "duplicate id '1'" in out.rejected[0].reason


@pytest.mark.parametrize("rid", [1.0, True, None, [1], {"a": 1}])
def test_id_that_is_not_a_string_or_integer_is_rejected(tmp_path, rid):
    _collection(tmp_path / "c.jsonl", ["ok", rid])
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl#ok"]
    assert "id must be a string or an integer" in out.rejected[0].reason


def test_duplicate_ids_build_a_release(tmp_path, monkeypatch):
    """Before, the two records shared a doc_id and the documents uniqueness check blocked the release."""
    from pipeline import cli

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster-home"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _collection(seeds / "c.jsonl", ["dup", "dup", 1, "1"])
    assert cli.main(["build", "--seeds", str(seeds), "--outputs", str(tmp_path / "out"), "--no-cache"]) == 0
