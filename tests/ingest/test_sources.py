import gzip
import json

from pipeline.build import ingest_all


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
