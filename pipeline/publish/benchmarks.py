"""The project's measured benchmark figures, recorded by the benchmark commands and read by the card.

``python -m pipeline ner-benchmark`` and ``numbers-benchmark`` end with one summary line
(``ner: msra_f1=75.3 pd_f1=71.8 kchars_per_s=34``); the CLI records that line's figures here, with the
code version and date they were measured at. A release's card quotes this file as it is at release
time, so a figure on the card is always one a command printed, never one typed into a template,
and the card says when the figures were measured on older code than the release's.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from pipeline import CODE_VERSION

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = PROJECT_ROOT / "docs" / "benchmarks.json"
MAX_BYTES = 1 << 20
SUMMARY = re.compile(r"^(ner|numbers): ((?:[a-z0-9_]+=[0-9.]+ ?)+)\s*$")
# What each figure is, for a reader of the card.
LABELS = {
    "ner": ("Named entities (person, organisation, place) against public NER test sets, entity-level exact "
            "match, micro F1", "python -m pipeline ner-benchmark"),
    "numbers": ("Numbers, units and percentages against Recognizers-Text's Chinese test cases, share of in-scope "
                "cases with value and unit right", "python -m pipeline numbers-benchmark"),
}


def benchmarks_path() -> Path:
    """``PIPELINE_BENCHMARKS`` names another file (a deployment's, a test's); else docs/benchmarks.json."""
    value = os.environ.get("PIPELINE_BENCHMARKS", "").strip()
    return Path(value) if value else DEFAULT_PATH


def parse_summary(output: str) -> tuple[str, dict[str, float]] | None:
    """The last summary line of a benchmark's output, as (benchmark, figures)."""
    for line in reversed(output.splitlines()):
        m = SUMMARY.match(line.strip())
        if m:
            return m.group(1), {k: float(v) for k, v in (p.split("=") for p in m.group(2).split())}
    return None


def load(path: Path | None = None) -> dict:
    """The recorded figures, or {} when there are none or the file is not a figures file."""
    path = path or benchmarks_path()
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k in LABELS and isinstance(v, dict)
            and isinstance(v.get("figures"), dict)}


def record(name: str, figures: dict[str, float], path: Path | None = None, data_dir: str = "") -> dict:
    """Replace ``name``'s entry with figures measured now, on this code version."""
    path = path or benchmarks_path()
    data = load(path)
    data[name] = {"figures": figures, "code_version": CODE_VERSION,
                  "measured": datetime.now(UTC).strftime("%Y-%m-%d"), "command": LABELS[name][1],
                  **({"data": data_dir} if data_dir else {})}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
    return data
