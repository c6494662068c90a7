"""Print, document by document, how a release's people rows differ from hand-annotated gold.

usage: people_diff.py OUTPUTS_DIR GOLD_DIR

For reading errors, beside ../shared/tools/score_release.py's figures: persons missed, persons
found with another office (every row the release has for them), and persons found that the gold
does not list.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd


def main(outputs: Path, gold_dir: Path) -> None:
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    release = next(outputs / v["path"] for v in catalog["versions"] if v["version"] == catalog["latest"])
    docs = pd.read_parquet(release / "documents.parquet")
    people = pd.read_parquet(release / "people.parquet")
    names = dict(zip(docs["source_name"], docs["doc_id"], strict=True))
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        rows = people[people["doc_id"] == names.get(gold["document"])]
        got: dict[str, list[tuple[str, list[str]]]] = {}
        for r in rows.itertuples():
            got.setdefault(r.person, []).append((r.organization if isinstance(r.organization, str) else "", list(r.titles)))
        want = {g["person"]: g for g in gold.get("people", [])}
        lines = []
        for name, g in want.items():
            role = (g["organization"], g["titles"])
            if name not in got:
                lines.append(f"  MISSED {name} {role} @ {g.get('evidence', '')}")
            elif role not in got[name]:
                lines.append(f"  ROLE   {name} want {role} got {got[name]} @ {g.get('evidence', '')}")
        for name in got:
            if name not in want:
                lines.append(f"  EXTRA  {name} {got[name]}")
        if lines:
            print(gold["document"])
            print("\n".join(lines))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
