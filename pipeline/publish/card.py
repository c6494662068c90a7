"""The dataset card (README.md) of a release, in the Hugging Face style.

Everything on it comes from the release itself (its manifest, its rows, its schemas) or from files
the project writes (the recorded benchmark figures, the annotation guide shipped beside it): a card
never carries a figure or a file name typed into this template.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pandas as pd

from pipeline import CODE_VERSION, schemas
from pipeline.frames import iter_records
from pipeline.publish import benchmarks, citation

ANNOTATION = "ANNOTATION.md"  # the annotation guide: what every published value means
# Markdown's own escapes, only where a character would start markup (a tag, an entity, emphasis,
# a link, a cell border), never HTML entities: the raw card reads `64万吨/日 -> 640000`, not `-&gt;`.
_SPECIAL = re.compile(r"([\\|*`\[\]])|<(?=[A-Za-z/!?])|&(?=#|[A-Za-z]+;)")
EXAMPLE_CHARS = 80  # a long text cell of an example row is cut here
EXAMPLE_SCAN = 200  # rows looked at to choose the example of a table
# Hugging Face's size categories, by the number of rows of the largest table (the unit a user loads).
SIZES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
         (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"))


def _cell(text: str) -> str:
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), str(text or "")).replace("\n", " ")


def annotation_guide() -> str:
    """The annotation guide as shipped in the package (pipeline/publish/data/ANNOTATION.md)."""
    return resources.files("pipeline.publish").joinpath("data", ANNOTATION).read_text(encoding="utf-8")


def size_category(counts: dict[str, int]) -> str:
    largest = max(counts.values(), default=0)
    return next((label for bound, label in SIZES if largest < bound), "n>100M")


def _short(value: object) -> object:
    if isinstance(value, str) and len(value) > EXAMPLE_CHARS:
        return value[:EXAMPLE_CHARS] + "…"
    if isinstance(value, list) and len(value) > 5:
        return [*value[:5], f"… {len(value) - 5} more"]
    return value


def example_rows(frames: dict[str, pd.DataFrame]) -> dict[str, dict]:
    """One real row per table, the one with the most filled-in columns among its first rows (an
    example with empty cells shows little), long text cut."""
    out = {}
    for table, df in frames.items():
        best, best_filled = None, -1
        for i, row in enumerate(iter_records(df)):
            if i >= EXAMPLE_SCAN:
                break
            filled = sum(v not in (None, "", []) for v in row.values())
            if filled > best_filled:
                best, best_filled = row, filled
        if best is not None:
            out[table] = {k: _short(v) for k, v in best.items()}
    return out


def _fenced(text: str, lang: str) -> list[str]:
    fence = "````" if "```" in text else "```"
    return [fence + lang, text, fence]


def _front_matter(package: dict, tables: list[str], counts: dict[str, int]) -> list[str]:
    lines = ["---", "license: cc-by-4.0", "language:", "- zh", "pretty_name: " + json.dumps(package["title"]),
             "size_categories:", f"- {size_category(counts)}",
             "task_categories:", "- token-classification",
             "task_ids:", "- named-entity-recognition",
             "annotations_creators:", "- machine-generated", "language_creators:", "- found",
             "multilinguality:", "- monolingual", "source_datasets:", "- original",
             "tags:", "- government", "- policy", "- information-extraction", "- chinese", "configs:"]
    for t in tables:
        lines += [f"- config_name: {t}", "  data_files:", "  - split: train", f"    path: {t}.parquet"]
    return lines + ["---", ""]


def _loading(tables: list[str]) -> list[str]:
    first = "metrics" if "metrics" in tables else tables[0]
    code = "\n".join([
        "import pandas as pd",
        f'{first} = pd.read_parquet("{first}.parquet")',
        "",
        "# Hugging Face datasets, one config per table",
        "from datasets import load_dataset",
        f'{first} = load_dataset("parquet", data_files="{first}.parquet", split="train")',
        "",
        "import duckdb",
        f"duckdb.sql(\"SELECT d.title, m.raw_text, m.value, m.unit FROM '{first}.parquet' m "
        "JOIN 'documents.parquet' d USING (doc_id) LIMIT 10\")" if first == "metrics" and "documents" in tables
        else f"duckdb.sql(\"SELECT * FROM '{first}.parquet' LIMIT 10\")",
    ])
    return (["## Loading", "", "Each table is one Parquet file (also JSONL, and CSV with a BOM for Excel):", ""]
            + _fenced(code, "python") + ["", "In R: `arrow::read_parquet(\"documents.parquet\")`.", ""])


def _figures(recorded: dict) -> list[str]:
    lines = ["## Measured quality", ""]
    if not recorded:
        return lines + ["No benchmark figures were recorded when this release was made (the project's "
                        "benchmark commands record them); see the project's README.", ""]
    lines += ["As recorded by the project's benchmark commands when this release was made:", "",
              "| what | figures | measured | code version | command |", "|---|---|---|---|---|"]
    for name in sorted(recorded):
        entry = recorded[name]
        figures = ", ".join(f"{k} {v:g}" for k, v in entry["figures"].items())
        stale = "" if entry.get("code_version") == CODE_VERSION else " (older than this release's code)"
        lines.append(f"| {_cell(benchmarks.LABELS[name][0])} | {_cell(figures)} | {_cell(entry.get('measured'))} | "
                     f"{_cell(entry.get('code_version'))}{stale} | `{_cell(entry.get('command'))}` |")
    return lines + [""]


def dataset_card(package: dict, counts: dict[str, int], examples: dict[str, dict] | None = None,
                 recorded: dict | None = None, annotation: bool = False) -> str:
    """The card of one release. ``examples`` is one row per table (``example_rows``), ``recorded``
    the benchmark figures (``benchmarks.load()``), ``annotation`` whether ANNOTATION.md ships beside it."""
    tables = [t for t in schemas.TABLES if t in counts] + sorted(set(counts) - set(schemas.TABLES))
    examples = examples or {}
    lines = _front_matter(package, tables, counts)
    lines += [f"# {package['title']} {package['version']}", "", citation.TITLE_ZH, "",
              citation.ABOUT_EN, "", citation.ABOUT_ZH, "",
              "Every row carries its document, character offsets into `documents.text` and the code version."]
    if annotation:
        lines += ["", f"What each value means (what counts as a metric, a person's office, a section, an entity) "
                      f"is defined in `{ANNOTATION}`, shipped with this release: it is the data's definition."]
    lines += ["", "## Tables", ""]
    for t in tables:
        meta = schemas.load(t) if t in schemas.TABLES else None
        lines += [f"### {t} ({counts[t]} rows)", ""]
        if meta is None:
            continue
        lines += [_cell(meta.description), "",
                  "| column | type | required | values | description | 说明 |", "|---|---|---|---|---|---|"]
        for f in meta.fields:
            lines.append(f"| {f.name} | {f.type} | {'yes' if f.required else ''} | {_cell('; '.join(f.notes()))} | "
                         f"{_cell(f.description)} | {_cell(f.description_zh)} |")
        lines.append("")
        if t in examples:
            lines += ["An example row:", ""]
            lines += _fenced(json.dumps(examples[t], ensure_ascii=False, indent=1, default=str), "json") + [""]
    lines += _loading(tables)
    prov = package["x_provenance"]
    lines += ["## How it was made", "",
              f"Pipeline {prov['pipeline_version']} (code version {prov['code_version']}, "
              f"commit {prov['git_commit'] or 'unknown'}), from {len(prov['inputs'])} input document(s): "
              "each document is decoded and normalised (repairs and source defects go to `defects`, unreadable "
              "inputs to `rejected`), split into sections, then people, metrics and named entities are "
              "extracted with character offsets. "
              "Each table passed its Great Expectations suite (see `validation.json`) before publication. "
              "Checksums of every file are in `datapackage.json`; what changed since the previous release is "
              "in `CHANGES.md` and `changes.json`.", ""]
    lines += _figures(recorded or {})
    lines += ["## Known limits", "",
              "Metrics and people are rule-based (lexicons in `pipeline/lexicon`); subjects are the text's own "
              "words and may be longer or shorter than a human would choose. Persons, organisations and places "
              "also come from a statistical tagger (a character CRF): expect missed and spurious names; mentions "
              "found by the people extractor (`source` = people) and by patterns (`source` = pattern) are more "
              "reliable than `source` = ner.", "",
              "## Citation", "",
              f"Author: {citation.AUTHOR}. URL: {citation.dataset_url()}. Version {package['version']}, "
              f"released {package['created'][:10]}. Licence: {package['licenses'][0]['name']}. "
              "`CITATION.cff` beside this card says the same for citation tools.", "",
              "```", citation.citation_text(package["title"], package["version"], package["created"]), "```", "",
              "```bibtex", citation.bibtex(package["name"], package["title"], package["version"], package["created"]),
              "```", ""]
    return "\n".join(lines)

