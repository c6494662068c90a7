"""outputs/index.html: the dataset's page, static HTML readable from any static file server.

What a reader needs first comes first: what the data is (in Chinese and English), its licence, how to
cite it, the charts, then each table in reading order with its columns' meanings, a few real rows and
its CSV / Parquet / JSONL files; the versions with their files, checksums and a short summary of
their changes come last. No JavaScript. Every string that came from a document, a sidecar or the
catalog is escaped.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from pipeline import schemas
from pipeline.publish import citation
from pipeline.publish.charts import rows_per_release_svg

PREVIEW_ROWS = 5
CELL_CHARS = 60
FORMATS = ("csv", "parquet", "jsonl")
FORMAT_LABELS = {"csv": "CSV (Excel)", "parquet": "Parquet", "jsonl": "JSONL"}
# Columns a person does not read: ids and hashes go to the end of a preview.
LONG = ' class="long"'
MACHINE_COLUMNS = {"sha256", "offset_map", "code_version", "doc_ids", "raw_offset"}

STYLE = ("body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em;line-height:1.45;color:#222}"
         "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
         "text-align:left;vertical-align:top}th{background:#f4f4f4}code,pre{font-size:.85em}"
         "pre{background:#f6f6f6;padding:.5em;overflow-x:auto}.scroll{overflow-x:auto}"
         ".preview td{max-width:22em;min-width:3em;font-size:.9em}.preview td.long{min-width:14em}.deprecated{color:#a00}.lead{font-size:1.1em}"
         ".charts{display:flex;flex-wrap:wrap;gap:1em}.charts figure{flex:1 1 30em;margin:0}"
         "figure img,figure svg{max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:.9em;color:#444}"
         ".columns td:last-child{min-width:9em}.files a{margin-right:1em}details{margin:.5em 0}")


def _e(value: object) -> str:
    return escape(str(value if value is not None else ""), quote=True)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def _readable(release: Path, stem: str) -> str:
    """The HTML rendering of a release's markdown file (UTF-8 from any server), or, in a release
    published before there were renderings, the markdown itself."""
    return f"{stem}.html" if (release / f"{stem}.html").exists() else f"{stem}.md"


def _table_name(resource: dict) -> str:
    name = resource["name"]
    for suffix in ("-jsonl", "-csv"):
        name = name.removesuffix(suffix)
    return name


def reading_order(names: set[str]) -> list[str]:
    """documents, sections, people, metrics, entities, mentions, defects, rejected; others after."""
    return [t for t in schemas.TABLES if t in names] + sorted(names - set(schemas.TABLES))


def preview_columns(fields: list[dict], primary_key: list[str]) -> list[str]:
    """The schema's columns, with what a person reads first and keys and hashes last."""
    def machine(name: str) -> bool:
        return name in primary_key or name.endswith("_id") or name in MACHINE_COLUMNS
    names = [f["name"] for f in fields]
    return [n for n in names if not machine(n)] + [n for n in names if machine(n)]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "、".join(value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS] + "…"


def _preview_rows(path: Path, n: int = PREVIEW_ROWS) -> list[dict]:
    rows = []
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rows.append(json.loads(line))
                if len(rows) >= n:
                    break
    return rows


def _changes_summary(release: Path) -> list[str]:
    """A few lines: which tables changed and by how much, linking to the full changelog."""
    changes_file = release / "changes.json"
    if not changes_file.exists():
        return []
    diff = json.loads(changes_file.read_text(encoding="utf-8"))
    if diff.get("from") is None:
        return ["<p>First release.</p>"]
    rows = [(t, d) for t, d in diff.get("tables", {}).items() if d.get("added") or d.get("removed") or d.get("changed")]
    out = [f"<p>Compared with {_e(diff['from'])}: "
           + (f"{len(rows)} table(s) changed." if rows else "no rows changed.") + "</p>"]
    if rows:
        out.append('<table class="changes-summary"><tr><th>table</th><th>rows before</th><th>rows after</th>'
                   "<th>added</th><th>removed</th><th>changed</th></tr>")
        for t, d in rows:
            out.append(f"<tr><td>{_e(t)}</td><td>{_e(d.get('rows_before'))}</td><td>{_e(d.get('rows_after'))}</td>"
                       f"<td>{len(d.get('added', []))}</td><td>{len(d.get('removed', []))}</td>"
                       f"<td>{len(d.get('changed', []))}</td></tr>")
        out.append("</table>")
    if diff.get("schema"):
        out.append(f"<p>Schema changed in: {_e(', '.join(diff['schema']))}.</p>")
    return out


def _dataset_section(outputs: Path, entry: dict, package: dict, catalog: dict) -> list[str]:
    release = outputs / entry["path"]
    base = _e(entry["path"])
    return (_about_and_citation(release, base, entry, package, catalog) + _charts(release, base, catalog)
            + _tables(release, base, entry, package) + _load_it(entry))


def _about_and_citation(release: Path, base: str, entry: dict, package: dict, catalog: dict) -> list[str]:
    """What the dataset is, its licence, this release against stable and latest, and how to cite it."""
    version, created = entry["version"], str(entry.get("created") or package.get("created") or "")
    licence = (package.get("licenses") or [{}])[0]
    title = package.get("title") or catalog.get("name", "")
    parts = [f'<p class="lead" lang="zh-Hans">{_e(citation.ABOUT_ZH)}</p>',
             f'<p class="lead" lang="en">{_e(citation.ABOUT_EN)}</p>',
             f'<p id="licence"><strong>Licence / 许可</strong>: <a href="{_e(licence.get("path"))}">'
             f'{_e(licence.get("title") or licence.get("name"))}</a> ({_e(licence.get("name"))}). '
             "Use, share and adapt with attribution.</p>",
             f'<p>This page describes release <strong>{_e(version)}</strong> ({_e(created[:10])}). '
             f'Stable: <a id="stable" href="#v{_e(catalog.get("stable"))}">{_e(catalog.get("stable"))}</a> · '
             f'latest: <a id="latest" href="#v{_e(catalog.get("latest"))}">{_e(catalog.get("latest"))}</a> · '
             f'<a class="card" href="{base}/{_readable(release, "README")}">dataset card</a> · '
             '<a href="catalog.json">catalog.json</a></p>',
             '<h2 id="cite">Cite / 引用</h2>',
             f'<p class="citation">{_e(citation.citation_text(title, version, created))}</p>',
             f"<pre>{_e(citation.bibtex(package.get('name', 'dataset'), title, version, created))}</pre>"]
    if (release / "CITATION.cff").exists():
        parts.append(f'<p><a class="cff" href="{base}/CITATION.cff">CITATION.cff</a></p>')
    return parts


def _charts(release: Path, base: str, catalog: dict) -> list[str]:
    """The release's charts, then the rows per release drawn from the catalog; nothing without charts."""
    parts: list[str] = []
    charts_file = release / "charts.json"
    charts = json.loads(charts_file.read_text(encoding="utf-8")) if charts_file.exists() else []
    if charts:
        parts.append('<h2 id="charts">Charts / 图表</h2><div class="charts">')
        for c in charts:
            parts.append(f'<figure class="chart"><img src="{base}/{_e(c["file"])}" alt="{_e(c["alt"])}">'
                         f'<figcaption><strong>{_e(c["title"])}.</strong> {_e(c["alt"])}</figcaption></figure>')
        history = rows_per_release_svg(catalog.get("versions", []))
        if history is not None:  # drawn from the catalog, so inline: no release holds the history
            svg, alt = history
            parts.append(f'<figure class="chart" id="rows-per-release"><div role="img" aria-label="{_e(alt)}">'
                         f'{svg}</div><figcaption><strong>Rows per release.</strong> {_e(alt)}</figcaption></figure>')
        parts.append("</div>")
    return parts


def _tables(release: Path, base: str, entry: dict, package: dict) -> list[str]:
    """The list of tables, then one section per table in reading order."""
    by_table: dict[str, dict[str, dict]] = {}
    for r in package.get("resources", []):
        by_table.setdefault(_table_name(r), {})[r.get("format")] = r
    rows = entry.get("rows", {})
    parts = ['<h2 id="tables">Tables / 数据表</h2>',
             "<p>Every offset indexes <code>documents.text</code>; join tables on <code>doc_id</code>. "
             "Each table downloads as CSV (UTF-8 with BOM, opens in Excel), Parquet or JSONL.</p>",
             "<ul>" + "".join(f'<li><a href="#t-{_e(t)}">{_e(t)}</a> ({_e(rows.get(t, ""))} rows)</li>'
                              for t in reading_order(set(by_table))) + "</ul>"]
    for t in reading_order(set(by_table)):
        parts += _table_section(release, base, t, by_table[t], rows)
    return parts


def _table_section(release: Path, base: str, t: str, files: dict[str, dict], rows: dict) -> list[str]:
    """One table: its descriptions, download links, columns and first rows."""
    main = files.get("parquet") or next(iter(files.values()))
    schema = main.get("schema", {})
    fields = schema.get("fields", [])
    try:
        meta = schemas.load(t)
        zh = meta.description_zh
    except (FileNotFoundError, KeyError):
        zh = ""
    parts = [f'<section class="table" id="t-{_e(t)}"><h3>{_e(t)} <small>({_e(rows.get(t, ""))} rows)</small></h3>',
             f'<p>{_e(main.get("description"))}' + (f' <span lang="zh-Hans">{_e(zh)}</span>' if zh else "") + "</p>",
             '<p class="files">' + "".join(
                 f'<a class="download {fmt}" href="{base}/{_e(files[fmt]["path"])}">{FORMAT_LABELS[fmt]}</a>'
                 for fmt in FORMATS if fmt in files) + "</p>",
             '<table class="columns"><tr><th>column</th><th>type</th><th>meaning</th><th>说明</th></tr>']
    for f in fields:
        typ = f.get("type", "") + (f" of {f['itemType']}" if f.get("itemType") else "")
        parts.append(f"<tr><td><code>{_e(f['name'])}</code></td><td>{_e(typ)}</td>"
                     f"<td>{_e(f.get('description'))}</td><td>{_e(f.get('description_zh'))}</td></tr>")
    parts.append("</table>")
    parts += _preview(release, t, fields, schema)
    parts.append("</section>")
    return parts


def _preview(release: Path, t: str, fields: list[dict], schema: dict) -> list[str]:
    """The table's first rows, or a line saying it has none."""
    preview = _preview_rows(release / f"{t}.jsonl")
    if not preview:
        return ["<p>No rows in this release.</p>"]
    cols = preview_columns(fields, schema.get("primaryKey", []))
    parts = [f"<p>The first {len(preview)} rows (long cells cut at {CELL_CHARS} characters):</p>",
             '<div class="scroll"><table class="preview"><tr>'
             + "".join(f"<th>{_e(c)}</th>" for c in cols) + "</tr>"]
    for row in preview:
        cells = [_cell(row.get(c)) for c in cols]
        parts.append("<tr>" + "".join(f"<td{LONG if len(v) > 20 else ''}>{_e(v)}</td>" for v in cells)
                     + "</tr>")
    parts.append("</table></div>")
    return parts


def _load_it(entry: dict) -> list[str]:
    """How to read the release's files from pandas, polars, DuckDB and R."""
    url = f"{citation.dataset_url().rstrip('/')}/{entry['path']}"
    return ['<h2 id="load">Load it / 读取</h2>',
            f"<p>Paths relative to this page, or the same files at <code>{_e(url)}/</code>.</p>",
            '<pre class="load">' + _e(
                "# Python, pandas\nimport pandas as pd\n"
                f"metrics = pd.read_parquet('{entry['path']}/metrics.parquet')\n\n"
                "# Python, polars\nimport polars as pl\n"
                f"metrics = pl.read_parquet('{entry['path']}/metrics.parquet')\n\n"
                "-- DuckDB\n"
                f"SELECT unit, count(*) FROM '{entry['path']}/metrics.parquet' GROUP BY unit;\n\n"
                "# R, arrow\nlibrary(arrow)\n"
                f"metrics <- read_parquet(\"{entry['path']}/metrics.parquet\")")
            + "</pre>"]


def render(outputs: Path, catalog: dict) -> str:
    e = _e
    versions = catalog.get("versions", [])
    shown_version = catalog.get("stable") or catalog.get("latest")
    shown = next((v for v in versions if v.get("version") == shown_version), versions[0] if versions else None)
    package = None
    if shown is not None and (outputs / shown["path"] / "datapackage.json").exists():
        package = json.loads((outputs / shown["path"] / "datapackage.json").read_text(encoding="utf-8"))
    title = (package or {}).get("title") or catalog.get("name", "")
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
             f'<h1>{e(title)}<br><small lang="zh-Hans">{e(citation.TITLE_ZH)}</small></h1>',
             f"<p><code>{e(catalog.get('name', ''))}</code></p>"]
    if package is not None:
        parts += _dataset_section(outputs, shown, package, catalog)
    parts.append('<h2 id="versions-heading">Versions / 版本</h2><ul id="versions">')
    for v in versions:
        flag = f' <span class="deprecated">deprecated: {e(v.get("deprecated_reason"))}</span>' if v.get("deprecated") else ""
        parts.append(f'<li><a class="version" href="#v{e(v["version"])}">{e(v["version"])}</a> '
                     f'({e(v.get("created"))}){flag}</li>')
    parts.append("</ul>")
    for v in versions:
        path = outputs / v["path"]
        package_file = path / "datapackage.json"
        if not package_file.exists():
            continue
        pkg = json.loads(package_file.read_text(encoding="utf-8"))
        base = e(v["path"])
        card, changes_page = _readable(path, "README"), _readable(path, "CHANGES")
        parts += [f'<section id="v{e(v["version"])}"><h3>{e(v["version"])}</h3>',
                  f'<p>Created {e(v.get("created"))} · <a href="{base}/datapackage.json">datapackage.json</a> '
                  f'(sha256 <code>{e(v.get("datapackage_sha256"))}</code>) · '
                  f'<a class="card" href="{base}/{card}">dataset card</a>'
                  f' · <a class="changes" href="{base}/{changes_page}">changes</a>'
                  f' · <a href="{base}/validation.json">validation</a></p>']
        parts += _changes_summary(path)
        parts.append(f"<details><summary>Files and checksums of {e(v['version'])}</summary>"
                     "<table><tr><th>resource</th><th>format</th><th>rows</th><th>size</th><th>sha256</th></tr>")
        rows = v.get("rows", {})
        for r in pkg["resources"]:
            parts.append(f'<tr><td><a class="file" href="{base}/{e(r["path"])}">{e(r["path"])}</a></td>'
                         f'<td>{e(r["format"])}</td><td>{e(rows.get(_table_name(r), ""))}</td>'
                         f'<td>{e(_size(r["bytes"]))}</td><td><code>{e(r["hash"].removeprefix("sha256:"))}</code></td></tr>')
        parts.append("</table></details></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
