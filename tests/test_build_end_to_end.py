"""One in-process materialisation of the whole graph into a temporary directory."""

import json

import pandas as pd
import pytest

from pipeline import cli


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    from tests_support import copy_seed

    root = tmp_path_factory.mktemp("e2e")
    seeds, outputs = copy_seed(root / "seeds"), root / "outputs"
    assert cli.main(["build", "--seeds", str(seeds), "--outputs", str(outputs), "--cache", str(root / "cache")]) == 0
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    return outputs, outputs / catalog["versions"][0]["path"], catalog


def test_release_contents(release):
    _, path, catalog = release
    assert catalog["latest"] == "1.0.0"
    docs = pd.read_parquet(path / "documents.parquet")
    assert list(docs["source_name"]) == ["000_3c2085c3029b20c0.txt"]
    assert bool(docs.loc[0, "truncated"]) and docs.loc[0, "page_break_joins"] == 9
    sections = pd.read_parquet(path / "sections.parquet")
    assert (sections["kind"] == "interview").sum() == 10 and (sections["kind"] == "banner").sum() == 1
    people = pd.read_parquet(path / "people.parquet")
    assert {"刘鹏", "殷树刚", "何妍"} <= set(people["person"])
    metrics = pd.read_parquet(path / "metrics.parquet")
    text = docs.loc[0, "text"]
    assert len(metrics) >= 20
    for row in metrics.itertuples():
        assert text[row.char_start:row.char_end] == row.raw_text
    jsonl = (path / "metrics.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(jsonl) == len(metrics) and json.loads(jsonl[0])["doc_id"] == docs.loc[0, "doc_id"]


def test_rebuild_on_unchanged_inputs_publishes_nothing(release, capsys):
    outputs, path, _ = release
    seeds = outputs.parent / "seeds"
    assert cli.main(["build", "--seeds", str(seeds), "--outputs", str(outputs),
                     "--cache", str(outputs.parent / "cache")]) == 0
    assert "unchanged" in capsys.readouterr().out
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog["versions"]) == 1


def test_failing_blocking_check_stops_publication(tmp_path, monkeypatch, capsys):
    from tests_support import copy_seed

    import pipeline.build as build

    original = build.metric_rows

    def corrupt(*args, **kwargs):
        rows = original(*args, **kwargs)
        rows[0]["char_start"] += 1  # offsets no longer slice raw_text
        return rows

    monkeypatch.setattr(build, "metric_rows", corrupt)
    outputs = tmp_path / "outputs"
    assert cli.main(["build", "--seeds", str(copy_seed(tmp_path / "seeds")), "--outputs", str(outputs),
                     "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "metrics_expectations" in err
    assert "the document's text at the row's offsets is the row's text" in err  # what failed, in words
    assert "['False']" not in err
    assert "_text_matches_span: metric_id=" in err and "raw_text=" in err  # which row
    assert not (outputs / "catalog.json").exists()


def test_no_readable_input_fails_clearly(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    assert cli.main(["build", "--seeds", str(seeds), "--outputs", str(tmp_path / "out"), "--no-cache"]) == 1
    assert "no input could be read" in capsys.readouterr().err
