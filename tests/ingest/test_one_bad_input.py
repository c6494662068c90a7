"""One bad input never stops the others: each is a rejected row naming the file and the reason."""

import json
import os

import pandas as pd
import pytest

from pipeline import cli
from pipeline.ingest import corpus
from pipeline.ingest.corpus import ingest_all

GOOD = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"


def _huge_number(d):
    (d / "num.txt").write_text("第二篇：" + GOOD, encoding="utf-8")
    (d / "num.meta.json").write_text('{"title": "t", "n": ' + "7" * 5000 + "}", encoding="utf-8")
    return "num.txt", "sidecar num.meta.json is not valid JSON"


def _deep_nesting(d):
    (d / "deep.txt").write_text("第三篇：" + GOOD, encoding="utf-8")
    (d / "deep.meta.json").write_text('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return "deep.txt", "sidecar deep.meta.json"  # over the size cap before it is parsed


def _lone_surrogate(d):
    lines = [json.dumps({"id": "a", "text": "第四篇：" + GOOD}, ensure_ascii=False),
             '{"id": "s", "text": "\\ud800' + GOOD + '"}',
             json.dumps({"id": "b", "text": "第五篇：" + GOOD}, ensure_ascii=False)]
    (d / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "c.jsonl:2", "c.jsonl line 2: not a collection record: text holds a lone surrogate"


def _non_utf8_name(d):
    with open(os.path.join(os.fsencode(d), b"bad\xff\xfename.txt"), "wb") as f:  # noqa: PTH118, PTH123 - a bytes path: the name must be exactly these non-UTF-8 bytes
        f.write(("第六篇：" + GOOD).encode("utf-8"))
    return "bad\\xff\\xfename.txt", "file name is not valid UTF-8"


CASES = {"5,000-digit number in a sidecar": _huge_number, "sidecar nested 100,000 deep": _deep_nesting,
         "JSONL text with a lone surrogate": _lone_surrogate, "file name not UTF-8": _non_utf8_name}


def _seeds(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    return d


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_rejected_row_and_the_others_are_read(tmp_path, case):
    d = _seeds(tmp_path)
    name, reason = CASES[case](d)
    out = ingest_all(d)
    rejected = {r.source_name: r.reason for r in out.rejected}
    assert list(rejected) == [name] and reason in rejected[name] and rejected[name].startswith(name.split(":")[0])
    assert "good.txt" in [doc.source_name for doc in out.documents]


@pytest.fixture
def dagster_home(tmp_path, monkeypatch):
    home = tmp_path / "dagster-home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def _build(tmp_path, seeds):
    return cli.main(["build", "--seeds", str(seeds), "--outputs", str(tmp_path / "outputs"), "--no-cache"])


def test_build_over_every_bad_input_publishes_the_rest(tmp_path, dagster_home, capsys):
    d = _seeds(tmp_path)
    expected = dict(make(d) for make in CASES.values())
    assert _build(tmp_path, d) == 0, capsys.readouterr().err
    catalog = json.loads((tmp_path / "outputs" / "catalog.json").read_text(encoding="utf-8"))
    release = tmp_path / "outputs" / catalog["versions"][0]["path"]
    rejected = pd.read_parquet(release / "rejected.parquet")
    assert sorted(rejected["source_name"]) == sorted(expected)
    for name, reason in zip(rejected["source_name"], rejected["reason"], strict=True):
        assert expected[name] in reason
    documents = pd.read_parquet(release / "documents.parquet")
    assert sorted(documents["source_name"]) == ["c.jsonl#a", "c.jsonl#b", "good.txt"]


@pytest.mark.parametrize("where", ["sidecar", "collection"])
def test_nesting_too_deep_for_the_parser_within_the_size_cap_is_rejected(tmp_path, where):
    d = _seeds(tmp_path)
    deep = "[" * 30_000 + "]" * 30_000
    if where == "sidecar":
        (d / "deep.txt").write_text("第三篇：" + GOOD, encoding="utf-8")
        (d / "deep.meta.json").write_text('{"x": ' + deep + "}", encoding="utf-8")
    else:
        (d / "c.jsonl").write_text('{"id": "x", "text": "t", "x": ' + deep + "}\n", encoding="utf-8")
    (rejected,) = ingest_all(d).rejected
    assert "nested too deeply" in rejected.reason


def test_deterministic_ingest_error_is_not_retried(tmp_path, dagster_home, monkeypatch, capsys):
    calls = []

    def broken(sources, units):
        calls.append(1)
        raise ValueError("a defect that fails the same way every time")

    monkeypatch.setattr(corpus, "plan_units", broken)  # where the build reads the sources
    assert _build(tmp_path, _seeds(tmp_path)) == 1
    err = capsys.readouterr().err
    assert len(calls) == 1 and "max_retries" not in err
    assert "reading sources failed: ValueError: a defect that fails the same way every time" in err
