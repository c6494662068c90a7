"""The dataset card (README.md) of a release, in the Hugging Face style."""

from __future__ import annotations

import re

from pipeline import schemas
from pipeline.publish import citation

# Markdown's own escapes, only where a character would start markup (a tag, an entity, emphasis,
# a link, a cell border), never HTML entities: the raw card reads `64万吨/日 -> 640000`, not `-&gt;`.
_SPECIAL = re.compile(r"([\\|*`\[\]])|<(?=[A-Za-z/!?])|&(?=#|[A-Za-z]+;)")


def _cell(text: str) -> str:
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), str(text or "")).replace("\n", " ")


def dataset_card(package: dict, counts: dict[str, int]) -> str:
    tables = [t for t in schemas.TABLES if t in counts] + sorted(set(counts) - set(schemas.TABLES))
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
              "words and may be longer or shorter than a human would choose. Persons, organisations and places "
              "also come from a statistical tagger (a character CRF): expect missed and spurious names; mentions "
              "found by the people extractor (`source` = people) and by patterns (`source` = pattern) are more "
              "reliable than `source` = ner. The project's README gives the measured figures of each extractor.", "",
              "## Citation", "",
              f"Author: {citation.AUTHOR}. URL: {citation.dataset_url()}. Version {package['version']}, "
              f"released {package['created'][:10]}. Licence: {package['licenses'][0]['name']}. "
              "`CITATION.cff` beside this card says the same for citation tools.", "",
              "```", citation.citation_text(package["title"], package["version"], package["created"]), "```", "",
              "```bibtex", citation.bibtex(package["name"], package["title"], package["version"], package["created"]),
              "```", ""]
    return "\n".join(lines)
