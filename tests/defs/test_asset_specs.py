"""Every asset's spec against a committed snapshot (``tests/defs/snapshots/asset_specs.json``), as Dagster
Open Platform's tests do: a change to the graph (a key, a dependency, a group, kinds, owners, a
description, a metadata key, a check) shows up as a reviewed diff of that file.

After a deliberate change, regenerate the file and review its diff::

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/defs/test_asset_specs.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.definitions import defs

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "asset_specs.json"


def asset_specs() -> dict[str, dict]:
    """Each asset's spec, as plain JSON: what a reviewer should see change (the code version, a hash of
    the code, and metadata values, which follow from the schemas, are left out)."""
    graph = defs.get_repository_def().asset_graph
    checks: dict[str, list[dict]] = {}
    for check_def in defs.asset_checks or []:
        for spec in check_def.check_specs:
            checks.setdefault(spec.asset_key.to_user_string(), []).append({
                "name": spec.name, "blocking": spec.blocking, "description": spec.description,
                "additional_deps": sorted(d.asset_key.to_user_string() for d in spec.additional_deps),
            })
    out = {}
    for spec in sorted(defs.resolve_all_asset_specs(), key=lambda s: s.key.to_user_string()):
        key = spec.key.to_user_string()
        node = graph.get(spec.key)
        out[key] = {
            "deps": sorted(d.asset_key.to_user_string() for d in spec.deps),
            "group": spec.group_name,
            "kinds": sorted(spec.kinds),
            "owners": list(spec.owners),
            "description": spec.description,
            "metadata_keys": sorted(spec.metadata),
            "tags": {k: v for k, v in sorted(spec.tags.items()) if not k.startswith("dagster/kind/")},
            "has_code_version": bool(node.code_version),
            "checks": sorted(checks.get(key, []), key=lambda c: c["name"]),
        }
    return out


def test_every_asset_spec_matches_the_snapshot():
    got = json.dumps(asset_specs(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(got, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == got, (
        "the asset graph changed: review it, then regenerate with "
        "UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/defs/test_asset_specs.py")
