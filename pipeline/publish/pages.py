"""HTML renderings of a release's markdown files (the dataset card, the changelog).

A static file server sends ``.md`` as ``text/markdown`` without a charset (``python -m
http.server`` does), and browsers then show UTF-8 Chinese as mojibake. An ``.html`` page that
declares its charset in its first bytes reads correctly from any server, so each release carries
``README.html`` and ``CHANGES.html`` beside the markdown, and the catalog page links to them.
Raw HTML in the markdown is escaped, never passed through (the text comes from documents).
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

STYLE = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.45}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
         "vertical-align:top}code,pre{font-size:.85em}pre{background:#f6f6f6;padding:.5em;overflow-x:auto}")


def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """A Hugging Face card's YAML header (between ``---`` lines at the top) and the rest."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[4:end], text[end + 5:]
    return None, text


def markdown_page(text: str, title: str, back: str | None = None) -> str:
    """A standalone UTF-8 HTML page of ``text`` (markdown); ``back`` links to the catalog page."""
    front, body = split_front_matter(text)
    parts = ["<!doctype html>", '<html lang="zh-Hans"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"]
    if back:
        parts.append(f'<p><a href="{escape(back, quote=True)}">← all releases</a></p>')
    parts.append(_renderer().render(body))
    if front is not None:
        parts.append(f"<details><summary>Dataset card metadata (YAML)</summary><pre>{escape(front)}</pre></details>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
