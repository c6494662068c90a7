"""The catalog, its page, the changelog and the datapackage's validity."""

import json
import os
import shutil
import subprocess
import threading

import pytest

from pipeline import cli
from pipeline.build import build_tables, source_list
from pipeline.publish import publish_release


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    from tests_support import copy_seed

    root = tmp_path_factory.mktemp("two")
    seeds = copy_seed(root / "seeds")
    tables, ingested = build_tables(seeds)
    publish_release(tables, root / "outputs", source_list(ingested.documents), {})
    seed = next(seeds.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8").replace("收获了36项国家级荣誉", "收获了38项国家级荣誉"),
                    encoding="utf-8")
    tables, ingested = build_tables(seeds)
    publish_release(tables, root / "outputs", source_list(ingested.documents), {})
    return root / "outputs"


def test_edit_makes_a_minor_release_whose_changes_name_exactly_the_changed_rows(two_releases):
    changes = json.loads((two_releases / "releases" / "1.1.0" / "changes.json").read_text(encoding="utf-8"))
    assert changes["from"] == "1.0.0" and changes["to"] == "1.1.0"
    metrics = changes["tables"]["metrics"]
    assert metrics["added"] == [] and metrics["removed"] == []
    assert len(metrics["changed"]) == 1
    assert metrics["changed"][0]["after"]["value"] == 38 and metrics["changed"][0]["before"]["value"] == 36
    assert [c["columns"] for c in changes["tables"]["documents"]["changed"]] == [["sha256", "text"]]
    for table in ("people", "defects", "rejected"):
        t = changes["tables"][table]
        assert (t["added"], t["removed"], t["changed"]) == ([], [], [])
    md = (two_releases / "releases" / "1.1.0" / "CHANGES.md").read_text(encoding="utf-8")
    assert metrics["changed"][0]["key"] in md


def test_cli_diff_prints_the_same_changes(two_releases, capsys):
    assert cli.main(["diff", "1.0.0", "1.1.0", "--outputs", str(two_releases)]) == 0
    out = capsys.readouterr().out
    assert "| metrics | 27 | 27 | 0 | 0 | 1 |" in out


def test_deprecate_keeps_files_and_moves_stable(two_releases, tmp_path):
    outputs = tmp_path / "o"
    shutil.copytree(two_releases, outputs)
    before = (outputs / "releases" / "1.1.0" / "metrics.parquet").read_bytes()
    assert cli.main(["deprecate", "1.1.0", "--reason", "wrong <b>figure</b>", "--outputs", str(outputs)]) == 0
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["latest"] == "1.1.0" and catalog["stable"] == "1.0.0"
    assert catalog["versions"][0]["deprecated_reason"] == "wrong <b>figure</b>"
    page = (outputs / "index.html").read_text(encoding="utf-8")
    assert "wrong &lt;b&gt;figure&lt;/b&gt;" in page and "<b>figure" not in page
    assert (outputs / "releases" / "1.1.0" / "metrics.parquet").read_bytes() == before


def test_frictionless_validates_the_datapackage(two_releases):
    from frictionless import validate

    report = validate(str(two_releases / "releases" / "1.1.0" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]


def test_catalog_page_escapes_document_strings(tmp_path):
    from pipeline.publish.catalog_page import render

    page = render(tmp_path, {"name": "<script>x</script>", "latest": "1.0.0",
                             "versions": [{"version": "1.0.0\"><i>", "path": "releases/1.0.0", "created": "t"}]})
    assert "<script>" not in page and "<i>" not in page


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not _chromium() and os.environ.get("CI") != "true", reason="chromium not installed")
def test_catalog_page_renders_in_headless_chromium(two_releases, tmp_path):
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(two_releases)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
        dom = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
            capture_output=True, text=True, timeout=120, check=True).stdout
    finally:
        server.shutdown()
        server.server_close()
    assert 'class="version" href="#v1.1.0"' in dom and 'class="version" href="#v1.0.0"' in dom
    assert 'href="releases/1.1.0/metrics.parquet"' in dom
    assert "Changes in 1.1.0" in dom
