"""Charts of one release, drawn with matplotlib as static SVG, each with a text alternative.

Text stays text in the SVG (``svg.fonttype: none``), so the reader's browser draws the Chinese
labels with its own fonts instead of matplotlib needing a CJK font. Written into the release
directory as ``charts/*.svg`` with ``charts.json`` (file, title, alt text) for the catalog page.
Deterministic: no date in the file and a fixed id salt, so equal data draws equal bytes.
"""

from __future__ import annotations

import io
import json
import logging
import warnings
from pathlib import Path

import pandas as pd

TOP = 10


def _figure():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # The font only sizes the labels here (the SVG keeps them as text); a machine without a CJK
    # font would warn once per missing glyph, so the margins are set from label lengths instead.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "cn-policy-text-facts",
                         "font.family": "sans-serif", "font.size": 10,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _save(plt, fig, path: Path) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)


WIDTH_IN = 7.0


def _barh(plt, labels: list[str], series: dict[str, list[int]], xlabel: str, path: Path) -> None:
    height = 0.32 * max(len(labels), 3) + 0.9
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
    # A Han character is about one em (10 pt = 0.14 in) wide in the reader's font.
    label_in = 0.15 * max((len(s) for s in labels), default=1) + 0.2
    fig.subplots_adjust(left=min(0.6, label_in / WIDTH_IN), right=0.97, top=1 - 0.15 / height,
                        bottom=0.55 / height)
    left = [0] * len(labels)
    for name, values in series.items():
        ax.barh(labels, values, left=left, label=name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    if len(series) > 1:
        ax.legend(frameon=False)
    _save(plt, fig, path)


def _words(pairs: list[tuple[str, int]]) -> str:
    return ", ".join(f"{k} {v}" for k, v in pairs)


def write_charts(frames: dict[str, pd.DataFrame], directory: Path) -> list[dict]:
    """Draw the charts the tables allow; returns (and writes to charts.json) what was drawn."""
    plt = _figure()
    out_dir = directory / "charts"
    out_dir.mkdir(exist_ok=True)
    charts: list[dict] = []
    metrics = frames.get("metrics")
    if metrics is not None and len(metrics):
        by = metrics.groupby(["unit", "kind"]).size().unstack(fill_value=0)
        by = by.loc[by.sum(axis=1).sort_values(ascending=False, kind="stable").index[:TOP]]
        kinds = [k for k in ("achievement", "target") if k in by.columns]
        _barh(plt, [str(u) for u in by.index], {k: [int(v) for v in by[k]] for k in kinds},
              "metrics", out_dir / "metrics_by_unit.svg")
        alt = "; ".join(f"{u}: {int(by.loc[u].sum())} ("
                        + ", ".join(f"{k} {int(by.loc[u, k])}" for k in kinds) + ")" for u in by.index)
        charts.append({"file": "charts/metrics_by_unit.svg",
                       "title": f"Metrics by unit, achievements and targets (top {min(TOP, len(by))} units)",
                       "alt": f"Metrics per unit: {alt}."})
    entities = frames.get("entities")
    if entities is not None and len(entities):
        counts = entities["kind"].value_counts()
        pairs = [(str(k), int(v)) for k, v in counts.items()]
        _barh(plt, [k for k, _ in pairs], {"entities": [v for _, v in pairs]}, "entities",
              out_dir / "entities_by_kind.svg")
        charts.append({"file": "charts/entities_by_kind.svg", "title": "Named entities by kind",
                       "alt": f"Entities per kind: {_words(pairs)}."})
        top = entities.sort_values(["mention_count", "canonical_name"], ascending=[False, True]).head(TOP)
        pairs = [(f"{n} ({k})", int(c)) for n, k, c in zip(top["canonical_name"], top["kind"],
                                                             top["mention_count"], strict=True)]
        _barh(plt, [k for k, _ in pairs], {"mentions": [v for _, v in pairs]}, "mentions",
              out_dir / "top_entities.svg")
        charts.append({"file": "charts/top_entities.svg", "title": f"The {len(pairs)} most mentioned entities",
                       "alt": f"Mentions per entity: {_words(pairs)}."})
    documents = frames.get("documents")
    if documents is not None and len(documents) and "date" in documents:
        pairs = documents_by_period(documents["date"])
        if pairs:
            _barh(plt, [k for k, _ in pairs], {"documents": [v for _, v in pairs]}, "documents",
                  out_dir / "documents_by_date.svg")
            charts.append({"file": "charts/documents_by_date.svg", "title": "Documents by publication date",
                           "alt": f"Documents per period: {_words(pairs)}."})
    (directory / "charts.json").write_text(json.dumps(charts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return charts


MAX_PERIODS = 24  # bars of the documents-by-date chart: months while they fit, else years


def documents_by_period(dates: pd.Series) -> list[tuple[str, int]]:
    """Documents per month (YYYY-MM), or per year when the months would not fit one chart; documents
    without a date are counted as "no date". Oldest first."""
    values = [str(d) for d in dates if isinstance(d, str) and d[:4].isdigit()]
    undated = len(dates) - len(values)
    months = sorted({v[:7] for v in values if len(v) >= 7})
    key = (lambda v: v[:7] if len(v) >= 7 else v[:4]) if len(months) <= MAX_PERIODS else (lambda v: v[:4])
    counts: dict[str, int] = {}
    for v in values:
        counts[key(v)] = counts.get(key(v), 0) + 1
    pairs = sorted(counts.items())
    return pairs + ([("no date", undated)] if undated else [])


RELEASE_TABLES = ("documents", "people", "metrics", "entities")  # the rows a reader follows across releases


def rows_per_release_svg(versions: list[dict]) -> tuple[str, str] | None:
    """An inline SVG (the markup from ``<svg`` on) of the rows per release of the main tables, oldest
    release first, and its text alternative; None with fewer than one release."""
    ordered = [v for v in reversed(versions) if isinstance(v.get("rows"), dict)]
    if not ordered:
        return None
    plt = _figure()
    labels = [str(v["version"]) for v in ordered]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 3.2))
    fig.subplots_adjust(left=0.1, right=0.97, top=0.95, bottom=0.2)
    for table in RELEASE_TABLES:
        ax.plot(labels, [int(v["rows"].get(table, 0)) for v in ordered], marker="o", label=table)
    ax.set_xlabel("release")
    ax.set_ylabel("rows")
    ax.set_yscale("symlog")
    ax.legend(frameon=False, ncols=len(RELEASE_TABLES), loc="upper left", fontsize=8)
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    alt = "; ".join(f"{v['version']}: " + ", ".join(f"{t} {int(v['rows'].get(t, 0))}" for t in RELEASE_TABLES)
                    for v in ordered)
    return svg[svg.index("<svg"):], f"Rows per release, oldest first: {alt}."
