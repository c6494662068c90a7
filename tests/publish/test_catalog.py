"""The catalog, its page, the changelog and the datapackage's validity."""

import contextlib
import json
import os
import re
import shutil
import subprocess
import threading

import pytest

from pipeline import cli
from pipeline.build import build_tables
from pipeline.ingest.rows import sources_from_documents
from pipeline.publish import publish_release


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    from tests_support import copy_seed

    root = tmp_path_factory.mktemp("two")
    seeds = copy_seed(root / "seeds")
    # The card quotes the benchmark figures recorded when a release is made: here, made-up ones.
    figures = root / "benchmarks.json"
    figures.write_text(json.dumps({"ner": {"figures": {"msra_f1": 12.3, "pd_f1": 45.6}, "code_version": "old",
                                           "measured": "2026-01-02", "command": "python -m pipeline ner-benchmark"}}),
                       encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIPELINE_BENCHMARKS", str(figures))
        tables, _ = build_tables(seeds)
        publish_release(tables, root / "outputs", sources_from_documents(tables["documents"]), {})
        seed = next(seeds.iterdir())
        seed.write_text(seed.read_text(encoding="utf-8").replace("收获了36项国家级荣誉", "收获了38项国家级荣誉"),
                        encoding="utf-8")
        tables, _ = build_tables(seeds)
        publish_release(tables, root / "outputs", sources_from_documents(tables["documents"]), {})
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
    # In words: what the metric says and what changed, not its key (every key is in changes.json).
    assert metrics["changed"][0]["key"] not in md and "changes.json" in md
    assert "value 36.0 → 38.0" in md and "**38项**" in md
    assert "| metrics | 27 | 27 | 0 | 0 | 1 |" in md


def test_changelog_is_bounded_in_words_and_names_an_entity_document_list_once():
    from pipeline.publish.changes import SAMPLE, changes_markdown, diff_records, sample_rows

    def rows(items):
        return lambda: ((r, json.dumps(r, ensure_ascii=False)) for r in items)

    docs = [{"doc_id": f"d{i}", "title": f"文件{i}", "source_name": f"f{i}.txt"} for i in range(400)]
    metric = {"metric_id": "", "doc_id": "d1", "raw_text": "20%", "value": 20.0, "unit": "%", "kind": "target"}
    old_metrics = [{**metric, "metric_id": f"m{i:040x}"} for i in range(10)]
    new_metrics = old_metrics + [{**metric, "metric_id": f"n{i:040x}", "doc_id": f"d{i}"} for i in range(300)]
    entity = {"entity_id": "E1", "kind": "place", "canonical_name": "呼和浩特", "aliases": ["呼市"],
              "mention_count": 3}
    old = {"documents": rows(docs[:100]), "metrics": rows(old_metrics),
           "entities": rows([{**entity, "doc_ids": [f"d{i}" for i in range(50)]}])}
    new = {"documents": rows(docs), "metrics": rows(new_metrics),
           "entities": rows([{**entity, "doc_ids": [f"d{i}" for i in range(51)], "mention_count": 4}])}
    diff = diff_records(old, new, {}, {})
    md = changes_markdown(diff, "1.0.0", "1.1.0", sample_rows(old, new, diff))
    assert len(md.splitlines()) < 60  # 300 + 300 added rows, a few lines each table
    assert "300 added:" in md and f"… and {300 - SAMPLE} more" in md
    assert "**20%** (value 20.0, unit %, kind target) in 《文件" in md
    assert "m000" not in md and "n000" not in md  # no keys
    entities = md[md.index("## entities"):]
    assert "doc_ids +1 (d50)" in entities and "mention_count 3 → 4" in entities
    assert entities.count("d49") == 0  # the unchanged documents are not listed, let alone twice


def test_dataset_page_embeds_a_short_changes_summary_and_links_the_changelog(two_releases):
    page = (two_releases / "index.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="v1.1.0">'):page.index('<section id="v1.0.0">')]
    assert 'class="changes-summary"' in section and "<td>metrics</td><td>27</td><td>27</td>" in section
    assert 'href="releases/1.1.0/CHANGES.html"' in section and "# Changes in" not in page


def test_cli_diff_prints_the_same_changes(two_releases, capsys):
    assert cli.main(["diff", "1.0.0", "1.1.0", "--outputs", str(two_releases)]) == 0
    out = capsys.readouterr().out
    assert "| metrics | 27 | 27 | 0 | 0 | 1 |" in out


def test_cli_diff_works_on_downloads_urls_and_a_mix(two_releases, tmp_path, capsys):
    from pipeline.publish.download import download

    expected = "| metrics | 27 | 27 | 0 | 0 | 1 |"
    with _static_server(two_releases) as base:
        old = download(base, tmp_path / "dl", "1.0.0", warn=lambda m: None)
        new = download(base, tmp_path / "dl", "1.1.0", warn=lambda m: None)
        runs = {
            "two downloads": [str(old), str(new)],
            "two release URLs": [f"{base}/releases/1.0.0/", f"{base}/releases/1.1.0"],
            "versions at a catalog URL": ["1.0.0", "latest", "--outputs", base],
            "a download and a URL": [str(old), f"{base}/releases/1.1.0/"],
        }
        outputs = {}
        for what, argv in runs.items():
            assert cli.main(["diff", *argv]) == 0, what
            outputs[what] = capsys.readouterr().out
    for what, out in outputs.items():
        assert expected in out and out.startswith("# Changes in 1.1.0\n") and "Compared with 1.0.0" in out, what
    assert len(set(outputs.values())) == 1  # the same changes, wherever the releases are
    assert cli.main(["diff", "1.0.0", "1.1.0", "--outputs", str(two_releases)]) == 0
    assert capsys.readouterr().out == outputs["two downloads"]


def test_cli_diff_compares_a_partial_download_on_its_tables_and_names_the_others(two_releases, tmp_path, capsys):
    from pipeline.publish.download import download

    partial = download(str(two_releases), tmp_path / "dl", "1.0.0", tables=["metrics", "people"])
    assert cli.main(["diff", str(partial), str(two_releases / "releases" / "1.1.0")]) == 0
    out = capsys.readouterr().out
    assert "| metrics | 27 | 27 | 0 | 0 | 1 |" in out and "| documents |" not in out
    assert "Not compared (in only one of the two): defects, documents, entities, mentions, rejected, sections" in out


def test_cli_diff_says_why_it_cannot_find_a_release(two_releases, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert cli.main(["diff", str(tmp_path / "empty"), "1.1.0", "--outputs", str(two_releases)]) == 2
    assert "without datapackage.json" in capsys.readouterr().err
    assert cli.main(["diff", "9.9.9", "1.1.0", "--outputs", str(two_releases)]) == 2
    assert "no release '9.9.9'" in capsys.readouterr().err
    with _static_server(tmp_path) as base:
        assert cli.main(["diff", f"{base}/nothing/", "1.1.0", "--outputs", str(two_releases)]) == 2
    assert "HTTP 404" in capsys.readouterr().err


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


@contextlib.contextmanager
def _static_server(directory):
    """``python -m http.server``, as the README serves outputs/: it sends .md without a charset."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _dump_dom(url: str, profile) -> str:
    return subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=True).stdout


def test_card_and_changelog_links_read_as_utf8_from_a_static_server(two_releases):
    import urllib.request

    with _static_server(two_releases) as base:
        page = urllib.request.urlopen(f"{base}/index.html", timeout=30).read().decode("utf-8")
        links = dict(re.findall(r'<a class="(card|changes)" href="(releases/1\.1\.0/[^"]+)"', page))
        assert links == {"card": "releases/1.1.0/README.html", "changes": "releases/1.1.0/CHANGES.html"}
        fetched = {}
        for kind, href in links.items():
            with urllib.request.urlopen(f"{base}/{href}", timeout=30) as response:
                assert response.headers.get_content_type() == "text/html"
                body = response.read()
            # No charset in the header: the page must declare it in its first bytes, as browsers read it.
            assert b'<meta charset="utf-8">' in body[:1024]
            fetched[kind] = body.decode("utf-8")
    card, changes = fetched["card"], fetched["changes"]
    assert "<th>说明</th>" in card and "<h1>" in card and "<table>" in card  # markdown rendered, Chinese intact
    assert "Changes in 1.1.0" in changes and "<table>" in changes
    for html_page in (card, changes):
        assert "<script" not in html_page and "&amp;#x27;" not in html_page
        assert 'href="../../index.html"' in html_page
    # The markdown stays published beside the pages, unchanged.
    md = (two_releases / "releases" / "1.1.0" / "README.md").read_text(encoding="utf-8")
    assert md.startswith("---\nlicense: cc-by-4.0")


def test_markdown_page_escapes_raw_html():
    from pipeline.publish.pages import markdown_page

    page = markdown_page("# 标题 <script>alert(1)</script>\n\n[x](javascript:alert(1))\n", "<t>")
    assert "<script>" not in page and "href=\"javascript" not in page and "<title>&lt;t&gt;</title>" in page
    assert "标题" in page


def test_catalog_page_links_markdown_of_a_release_without_pages(two_releases, tmp_path):
    from pipeline.publish.catalog_page import render

    outputs = tmp_path / "o"
    shutil.copytree(two_releases, outputs)
    for name in ("README.html", "CHANGES.html"):
        (outputs / "releases" / "1.0.0" / name).unlink()  # as published before the pages existed
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    page = render(outputs, catalog)
    assert 'href="releases/1.0.0/README.md"' in page and 'href="releases/1.1.0/README.html"' in page


@pytest.mark.skipif(not _chromium() and os.environ.get("CI") != "true", reason="chromium not installed")
def test_catalog_page_renders_in_headless_chromium(two_releases, tmp_path):
    with _static_server(two_releases) as base:
        dom = _dump_dom(f"{base}/index.html", tmp_path / "profile")
        card = _dump_dom(f"{base}/releases/1.1.0/README.html", tmp_path / "profile2")
    assert 'class="version" href="#v1.1.0"' in dom and 'class="version" href="#v1.0.0"' in dom
    assert 'href="releases/1.1.0/metrics.parquet"' in dom and 'href="releases/1.1.0/metrics.csv"' in dom
    assert "说明" in card and "æ" not in card and "æ" not in dom  # UTF-8 read as UTF-8, not as Latin-1 mojibake
    # What a reader sees: what the data is, its licence, how to cite it, column meanings, rows, charts.
    assert "从中国政府与政策新闻" in dom and "Creative Commons Attribution 4.0" in dom
    assert "version 1.1.0" in dom and "数值（已乘数量级）" in dom and 'class="preview"' in dom
    assert len(re.findall(r'<img src="[^"]+\.svg" alt="[^"]+"', dom)) >= 3


def test_release_publishes_csv_with_bom_beside_parquet_and_jsonl(two_releases):
    import csv
    import io

    release = two_releases / "releases" / "1.1.0"
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    for table in ("documents", "people", "metrics", "rejected"):
        assert {table, f"{table}-jsonl", f"{table}-csv"} <= set(names)  # the old names kept, CSV added
        raw = (release / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads Chinese as UTF-8
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        jsonl = [json.loads(line) for line in (release / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows[0] == list(jsonl[0]) if jsonl else rows[0]
        assert len(rows) - 1 == len(jsonl)
    people = list(csv.DictReader(io.StringIO((release / "people.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert json.loads(people[0]["titles"])  # a list cell is JSON text
    resource = next(r for r in package["resources"] if r["name"] == "people-csv")
    assert resource["mediatype"] == "text/csv" and resource["encoding"] == "utf-8-sig"


def test_release_ships_citation_cff_and_charts(two_releases):
    release = two_releases / "releases" / "1.1.0"
    cff = (release / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version: 1.2.0" in cff and 'version: "1.1.0"' in cff and "date-released:" in cff
    assert "license: CC-BY-4.0" in cff and "authors:" in cff and "url:" in cff
    charts = json.loads((release / "charts.json").read_text(encoding="utf-8"))
    assert len(charts) >= 3
    for chart in charts:
        svg = (release / chart["file"]).read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "matplotlib" in svg.lower()
        assert chart["alt"] and chart["title"]
    assert "%" in charts[0]["alt"]  # metrics by unit, with the numbers in words


def test_dataset_page_says_what_the_data_is_and_shows_every_table(two_releases):
    from pipeline import schemas
    from pipeline.publish.citation import ABOUT_ZH

    page = (two_releases / "index.html").read_text(encoding="utf-8")
    assert ABOUT_ZH[:20] in page and "Facts extracted from Chinese government" in page
    assert "Creative Commons Attribution 4.0" in page and "CC-BY-4.0" in page
    assert "version 1.1.0" in page and 'href="releases/1.1.0/CITATION.cff"' in page
    positions = [page.index(f'id="t-{t}"') for t in schemas.TABLES]
    assert positions == sorted(positions)  # documents, sections, people, metrics, entities…
    value = schemas.load("metrics").field("value")
    assert escape_html(value.description) in page and value.description_zh in page
    for table in schemas.TABLES:
        assert f'href="releases/1.1.0/{table}.csv"' in page and f'href="releases/1.1.0/{table}.parquet"' in page
    metrics = [json.loads(line) for line in
               (two_releases / "releases" / "1.1.0" / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    section = page[page.index('id="t-metrics"'):page.index('id="t-entities"')]
    preview = section[section.index('class="preview"'):]
    assert f"<td>{escape_html(metrics[0]['raw_text'])}</td>" in preview
    headers = re.findall(r"<th>([a-z_]+)</th>", preview)
    assert headers.index("raw_text") < headers.index("metric_id") and headers[-1] == "code_version"
    assert metrics[0]["metric_id"] in preview  # shown, but last
    assert len(re.findall(r'<img src="releases/1\.1\.0/charts/[a-z_]+\.svg" alt="[^"]+"', page)) >= 3
    assert "<script" not in page


def test_dataset_page_escapes_preview_rows(two_releases, tmp_path):
    from pipeline.publish.catalog_page import render

    outputs = tmp_path / "o"
    shutil.copytree(two_releases, outputs)
    path = outputs / "releases" / "1.1.0" / "metrics.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    row["raw_text"] = "<script>alert(1)</script>"
    path.write_text("\n".join([json.dumps(row, ensure_ascii=False), *lines[1:]]) + "\n", encoding="utf-8")
    page = render(outputs, json.loads((outputs / "catalog.json").read_text(encoding="utf-8")))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def escape_html(text):
    from html import escape

    return escape(text, quote=True)


def test_card_reads_in_table_order_cites_author_url_version_and_points_only_to_shipped_files(two_releases):
    from pipeline import schemas
    from pipeline.publish.citation import AUTHOR, dataset_url
    from pipeline.publish.pages import split_front_matter

    release = two_releases / "releases" / "1.1.0"
    card = (release / "README.md").read_text(encoding="utf-8")
    front, body = split_front_matter(card)
    positions = [body.index(f"### {t} (") for t in schemas.TABLES]
    assert positions == sorted(positions)  # documents first, not defects
    configs = re.findall(r"- config_name: (\w+)", front)
    assert configs == list(schemas.TABLES)
    for entity in ("&#x27;", "&gt;", "&lt;", "&amp;", "&quot;"):
        assert entity not in card
    assert "64万吨/日 -> 640000" in card  # a schema's text as written
    assert AUTHOR in card and dataset_url() in card and "version 1.1.0" in card.lower()
    for name in re.findall(r"`([\w.-]+\.(?:json|md|cff|csv|parquet|jsonl))`", card):
        assert (release / name).exists(), name
    assert "`ANNOTATION.md`" in card  # shipped beside the card as the data's definition
    page = (release / "README.html").read_text(encoding="utf-8")
    assert "&amp;#x27;" not in page and "&amp;gt;" not in page and "64万吨/日 -&gt; 640000" in page


def test_card_has_a_hugging_face_header_an_example_row_per_table_loading_code_and_recorded_figures(two_releases):
    import yaml

    from pipeline.publish.card import annotation_guide
    from pipeline.publish.pages import split_front_matter

    release = two_releases / "releases" / "1.1.0"
    card = (release / "README.md").read_text(encoding="utf-8")
    front, body = split_front_matter(card)
    header = yaml.safe_load(front)
    assert header["license"] == "cc-by-4.0" and header["language"] == ["zh"]
    assert header["size_categories"] == ["n<1K"] and "token-classification" in header["task_categories"]
    assert [c["data_files"][0]["path"] for c in header["configs"]][:2] == ["documents.parquet", "sections.parquet"]
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    metrics = [json.loads(line) for line in (release / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    section = body[body.index("### metrics ("):body.index("### entities (")]
    example = json.loads(section[section.index("```json\n") + 8:section.index("\n```", section.index("```json"))])
    real = next(m for m in metrics if m["metric_id"] == example["metric_id"])  # a real row of the release,
    assert {k: v for k, v in example.items() if not str(v).endswith("…")} == \
        {k: v for k, v in real.items() if not str(example[k]).endswith("…")}  # long text cut, nothing else changed
    assert len(example["sentence"]) <= 81 < len(real["sentence"]) and real["sentence"].startswith(example["sentence"][:-1])
    rows = json.loads((two_releases / "catalog.json").read_text(encoding="utf-8"))["versions"][0]["rows"]
    assert len([r for r in package["resources"] if r["format"] == "parquet"]) == len(rows) == 8
    assert body.count("An example row:") == sum(1 for n in rows.values() if n) >= 5  # every table with rows
    assert 'pd.read_parquet("metrics.parquet")' in body and "load_dataset(" in body
    # Figures as recorded (the fixture's made-up file), said to be older than this release's code.
    assert "msra_f1 12.3, pd_f1 45.6" in body and "older than this release's code" in body
    assert (release / "ANNOTATION.md").read_text(encoding="utf-8") == annotation_guide()
    assert annotation_guide().startswith("# What counts as a metric")


def test_card_without_recorded_figures_quotes_none():
    from pipeline.publish.card import dataset_card

    package = {"title": "T", "version": "1.0.0", "created": "2026-01-01T00:00:00Z", "name": "n",
               "licenses": [{"name": "CC-BY-4.0"}],
               "x_provenance": {"pipeline_version": "0", "code_version": "c", "git_commit": None, "inputs": []}}
    card = dataset_card(package, {"metrics": 0}, {}, {})
    assert "No benchmark figures were recorded" in card and "F1" not in card


def test_readme_shows_both_pictures_and_names_the_script_that_makes_them():
    from tests_support import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "screenshot_asset_graph.py").read_text(encoding="utf-8")
    assert "scripts/screenshot_asset_graph.py" in readme
    for name in ("asset-graph.png", "dataset-page.png"):
        assert f"](docs/{name})" in readme and f'"{name}"' in script
        assert (ROOT / "docs" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_page_charts_documents_by_date_and_rows_per_release_and_shows_four_ways_to_load(two_releases):
    import html

    page = (two_releases / "index.html").read_text(encoding="utf-8")
    assert '<img src="releases/1.1.0/charts/documents_by_date.svg" alt="Documents per period: ' in page
    history = page[page.index('<figure class="chart" id="rows-per-release">'):]
    history = history[:history.index("</figure>")]
    alt = re.search(r'<div role="img" aria-label="([^"]+)">', history).group(1)
    assert html.unescape(alt).startswith("Rows per release, oldest first: 1.0.0: documents 1, people ")
    assert "; 1.1.0: documents 1," in alt and "<svg" in history and "<script" not in history
    load = html.unescape(page[page.index('<pre class="load">'):page.index("</pre>", page.index('<pre class="load">'))])
    for snippet in ("pd.read_parquet('releases/1.1.0/metrics.parquet')", "pl.read_parquet(",
                    "FROM 'releases/1.1.0/metrics.parquet'", 'read_parquet("releases/1.1.0/metrics.parquet")'):
        assert snippet in load, snippet


def test_documents_by_period_counts_months_or_years_and_the_undated():
    import pandas as pd

    from pipeline.publish.charts import MAX_PERIODS, documents_by_period

    assert documents_by_period(pd.Series(["2024-01-02", "2024-01", "2023", None, "2024-03-01"])) == \
        [("2023", 1), ("2024-01", 2), ("2024-03", 1), ("no date", 1)]
    many = pd.Series([f"{2000 + i // 12}-{i % 12 + 1:02d}-01" for i in range(MAX_PERIODS + 1)])
    assert documents_by_period(many) == [("2000", 12), ("2001", 12), ("2002", 1)]
