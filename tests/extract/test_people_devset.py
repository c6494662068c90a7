"""The people table on the hand-annotated development set (tests/devset/), scored as
../shared/tools/score_release.py scores a release: persons matched by name, a role right when
organisation and titles match one row. The floors sit just under the figures the README reports,
so a change that loses people or roles on real documents fails here, not only in a closing note."""

import json
from pathlib import Path

import pytest

from pipeline.build import build_tables

DEVSET = Path(__file__).resolve().parents[1] / "devset"
F1_FLOOR = 0.97
ROLES_FLOOR = 0.93


@pytest.fixture(scope="module")
def scored() -> dict[str, float]:
    tables, _ = build_tables(DEVSET / "docs")
    docs, people = tables["documents"], tables["people"]
    doc_ids = dict(zip(docs["source_name"], docs["doc_id"], strict=True))
    tp = fp = gold_total = roles = 0
    for path in sorted((DEVSET / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        rows = people[people["doc_id"] == doc_ids[gold["document"]]]
        got: dict[str, list[tuple[str, list[str]]]] = {}
        for r in rows.itertuples():
            org = r.organization if isinstance(r.organization, str) else ""
            got.setdefault(r.person, []).append((org, list(r.titles)))
        want = {g["person"]: g for g in gold["people"]}
        tp += sum(name in got for name in want)
        fp += sum(name not in want for name in got)
        gold_total += len(want)
        roles += sum((g["organization"], g["titles"]) in got.get(name, []) for name, g in want.items())
    precision, recall = tp / max(1, tp + fp), tp / max(1, gold_total)
    return {"f1": 2 * precision * recall / max(1e-9, precision + recall), "roles": roles / max(1, gold_total)}


def test_people_f1_on_the_development_set(scored):
    assert scored["f1"] >= F1_FLOOR, scored


def test_roles_on_the_development_set(scored):
    assert scored["roles"] >= ROLES_FLOOR, scored
