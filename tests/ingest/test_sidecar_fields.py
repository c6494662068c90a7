"""Sidecar (and collection) metadata is checked as the documents schema says before it is
published: a real ISO date, a title of bounded length, an http(s) source URL."""

import json

import pytest

from pipeline.ingest.corpus import ingest_all
from pipeline.ingest.documents import infer_title

GOOD = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"

BAD_FIELDS = [
    ({"date": "9999-12-31"}, "field 'date' (9999-12-31) is outside 1900-01-01 to the day of the build"),
    ({"date": "not a date"}, "field 'date' ('not a date') does not have the documents schema's form"),
    ({"date": "2025-02-30"}, "field 'date' ('2025-02-30') is not a real calendar date"),
    ({"date": "1899-12-31"}, "is outside 1900-01-01"),
    ({"title": "题" * 1000}, "field 'title' is 1000 characters, over the 500 the documents schema allows"),
    ({"title": "t" * 100_000}, "over the 65536 byte limit"),
    ({"source_url": "javascript:alert(1)"}, "field 'source_url' ('javascript:alert(1)') does not have"),
    ({"publisher": "局" * 301}, "field 'publisher' is 301 characters"),
]


@pytest.mark.parametrize(("fields", "reason"), BAD_FIELDS)
def test_sidecar_field_against_the_schema_rejects_the_document_naming_the_field(tmp_path, fields, reason):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "doc.txt").write_text("另一篇：" + GOOD, encoding="utf-8")
    (tmp_path / "doc.meta.json").write_text(json.dumps(fields, ensure_ascii=False), encoding="utf-8")
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["good.txt"]
    (rejected,) = out.rejected
    assert rejected.source_name == "doc.txt" and reason in rejected.reason
    assert rejected.reason.startswith("doc.txt: sidecar doc.meta.json")


@pytest.mark.parametrize("date", ["2013", "2013-05", "2020-02-29"])
def test_iso_dates_of_any_precision_are_kept(tmp_path, date):
    (tmp_path / "doc.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "doc.meta.json").write_text(json.dumps({"date": date, "title": "标题"}), encoding="utf-8")
    (doc,) = ingest_all(tmp_path).documents
    assert doc.date == date and doc.title == "标题"


def test_collection_record_with_a_bad_date_is_rejected_naming_line_and_field(tmp_path):
    lines = [{"id": "a", "text": GOOD, "date": "2020-01-06"}, {"id": "b", "text": "另一篇：" + GOOD, "date": "9999-12-31"}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                      encoding="utf-8")
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl#a"]
    assert out.rejected[0].reason.startswith("c.jsonl line 2: not a collection record: field 'date' (9999-12-31)")


def test_heading_longer_than_the_schema_allows_is_no_title():
    assert infer_title("# " + "题" * 600 + "\n正文。") == ""
    assert infer_title("# 标题\n正文。") == "标题"
