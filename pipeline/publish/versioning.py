"""Semantic versions for data, computed from what changed since the previous release.

MAJOR: a field removed, renamed or retyped. MINOR: rows added, changed or removed,
or a field added. PATCH: only descriptive metadata changed.
"""

from __future__ import annotations


def _fields(schema: dict) -> dict[str, str]:
    return {f["name"]: f["type"] for f in schema.get("fields", [])}


def bump(previous: str | None, old_schemas: dict[str, dict], new_schemas: dict[str, dict],
         data_changed: bool) -> str | None:
    """The next version, or None when nothing at all changed."""
    if previous is None:
        return "1.0.0"
    major, minor, patch = (int(x) for x in previous.split("."))
    breaking = additive = False
    for table in set(old_schemas) | set(new_schemas):
        old, new = _fields(old_schemas.get(table, {})), _fields(new_schemas.get(table, {}))
        if table not in new_schemas or any(name not in new or new[name] != typ for name, typ in old.items()):
            breaking = True
        elif table not in old_schemas or set(new) - set(old):
            additive = True
    if breaking:
        return f"{major + 1}.0.0"
    if additive or data_changed:
        return f"{major}.{minor + 1}.0"
    if old_schemas != new_schemas:
        return f"{major}.{minor}.{patch + 1}"
    return None
