"""The dataset card (README.md) of a release, in the Hugging Face style."""

from __future__ import annotations

import html

from pipeline import schemas


def _cell(text: str) -> str:
    return html.escape(str(text or "")).replace("|", "\\|").replace("\n", " ")


def dataset_card(package: dict, counts: dict[str, int]) -> str:
    tables = sorted(counts)
    lines = ["---", "license: cc-by-4.0", "language:", "- zh", "pretty_name: " + package["title"], "configs:"]
    for t in tables:
        lines += [f"- config_name: {t}", "  data_files:", "  - split: train", f"    path: {t}.parquet"]
    lines += ["---", "", f"# {package['title']} {package['version']}", "",
              "Facts extracted from Chinese government and policy text: people and their offices, "
              "reported and promised metrics, document sections, named entities (persons, organisations, "
              "places, meetings, plans, documents, programmes) with every mention, and every ingest repair "
              "and source defect. "
              "Every row carries its document, character offsets into `documents.text` and the code version.",
              "", "## Tables", ""]
    for t in tables:
        meta = schemas.load(t)
        lines += [f"### {t} ({counts[t]} rows)", "", _cell(meta.description), "",
                  "| column | type | required | description | 说明 |", "|---|---|---|---|---|"]
        for f in meta.fields:
            lines.append(f"| {f.name} | {f.type} | {'yes' if f.required else ''} | {_cell(f.description)} | "
                         f"{_cell(f.description_zh)} |")
        lines.append("")
    prov = package["x_provenance"]
    lines += ["## How it was made", "",
              f"Pipeline {prov['pipeline_version']} (code version {prov['code_version']}, "
              f"commit {prov['git_commit'] or 'unknown'}), from {len(prov['inputs'])} input document(s). "
              "Each table passed its Great Expectations suite (see `validation.json`) before publication. "
              "Checksums of every file are in `datapackage.json`.", "",
              "## Known limits", "",
              "Metrics and people are rule-based (lexicons in `pipeline/lexicon`); subjects are the text's own "
              "words and may be longer or shorter than a human would choose. Metrics meaning follows ANNOTATION.md. "
              "Persons, organisations and places come from a statistical tagger (a character CRF, about 64 F1 on "
              "the MSRA news benchmark): expect missed and spurious names; mentions found by the people extractor "
              "(`source` = people) and by patterns (`source` = pattern) are more reliable than `source` = ner.", "",
              "## Citation", "", "```", f"{package['name']}, version {package['version']} ({package['created'][:10]}).",
              "```", ""]
    return "\n".join(lines)
