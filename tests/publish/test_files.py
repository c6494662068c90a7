"""Row digests and the diff they drive do not depend on where code_version stands among the columns."""

import json

from pipeline.publish.changes import diff_records
from pipeline.publish.files import row_digest


def test_row_digest_leaves_out_code_version_wherever_it_stands():
    last = {"metric_id": "d:m1", "raw_text": "30%", "code_version": "a"}
    first = {"code_version": "a", "metric_id": "d:m1", "raw_text": "30%"}
    middle = {"metric_id": "d:m1", "code_version": "b", "raw_text": "30%"}
    assert row_digest(last) == row_digest({**last, "code_version": "b"})
    assert row_digest(first) == row_digest({**first, "code_version": "b"})
    assert row_digest(middle) == row_digest({**middle, "code_version": "a"})
    assert row_digest(middle) != row_digest({**middle, "raw_text": "31%"})


def test_diff_with_code_version_before_the_other_columns_reports_only_real_changes():
    def rows(*items):
        return lambda: [(r, json.dumps(r, ensure_ascii=False, separators=(",", ":"))) for r in items]

    schema = {"t": {"fields": [{"name": "code_version", "type": "string"}, {"name": "k", "type": "string"},
                               {"name": "v", "type": "integer"}], "primaryKey": ["k"]}}
    old = {"t": rows({"code_version": "1", "k": "a", "v": 1}, {"code_version": "1", "k": "b", "v": 2})}
    new = {"t": rows({"code_version": "2", "k": "a", "v": 1}, {"code_version": "2", "k": "b", "v": 3})}
    diff = diff_records(old, new, schema, schema)["tables"]["t"]
    assert [c["key"] for c in diff["changed"]] == ["b"]
    assert diff["changed"][0]["columns"] == ["v"]
