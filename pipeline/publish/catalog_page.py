"""outputs/index.html: a static catalog page, readable from any static file server.

Every string that came from a document, a sidecar or the catalog is escaped.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path


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


def render(outputs: Path, catalog: dict) -> str:
    e = lambda v: escape(str(v if v is not None else ""), quote=True)  # noqa: E731
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{e(catalog.get('name', 'releases'))} releases</title>",
             "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
             "code{font-size:.85em}.deprecated{color:#a00}</style></head><body>",
             f"<h1>{e(catalog.get('name', ''))}</h1>",
             f'<p>Latest: <a id="latest" href="#v{e(catalog.get("latest"))}">{e(catalog.get("latest"))}</a>'
             f' · <a href="catalog.json">catalog.json</a></p>',
             '<h2>Versions</h2><ul id="versions">']
    for v in catalog.get("versions", []):
        flag = f' <span class="deprecated">deprecated: {e(v.get("deprecated_reason"))}</span>' if v.get("deprecated") else ""
        parts.append(f'<li><a class="version" href="#v{e(v["version"])}">{e(v["version"])}</a> '
                     f'({e(v.get("created"))}){flag}</li>')
    parts.append("</ul>")
    for v in catalog.get("versions", []):
        path = outputs / v["path"]
        package_file = path / "datapackage.json"
        if not package_file.exists():
            continue
        package = json.loads(package_file.read_text(encoding="utf-8"))
        base = e(v["path"])
        card, changes_page = _readable(path, "README"), _readable(path, "CHANGES")
        parts += [f'<section id="v{e(v["version"])}"><h2>{e(v["version"])}</h2>',
                  f'<p>Created {e(v.get("created"))} · <a href="{base}/datapackage.json">datapackage.json</a> '
                  f'(sha256 <code>{e(v.get("datapackage_sha256"))}</code>) · '
                  f'<a class="card" href="{base}/{card}">dataset card</a>'
                  f' · <a class="changes" href="{base}/{changes_page}">changes</a>'
                  f' · <a href="{base}/validation.json">validation</a></p>',
                  "<table><tr><th>resource</th><th>format</th><th>rows</th><th>size</th><th>sha256</th></tr>"]
        rows = v.get("rows", {})
        for r in package["resources"]:
            table = r["name"].removesuffix("-jsonl")
            parts.append(f'<tr><td><a class="file" href="{base}/{e(r["path"])}">{e(r["path"])}</a></td>'
                         f'<td>{e(r["format"])}</td><td>{e(rows.get(table, ""))}</td><td>{e(_size(r["bytes"]))}</td>'
                         f'<td><code>{e(r["hash"].removeprefix("sha256:"))}</code></td></tr>')
        parts.append("</table>")
        changes = path / "CHANGES.md"
        if changes.exists():
            parts.append(f"<details><summary>Changelog</summary><pre>{e(changes.read_text(encoding='utf-8'))}</pre></details>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
