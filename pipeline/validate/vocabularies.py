"""The word lists a schema names as a column's ``vocabulary`` (see ``pipeline/schemas``), by name.

A schema names a vocabulary instead of copying it; the suite checks it and the published
datapackage carries it as an ``enum``, both through this table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pipeline import schemas
from pipeline.extract.units import unit_vocabulary

VOCABULARIES: dict[str, Callable[[], Iterable[str]]] = {
    "units": unit_vocabulary,  # pipeline/lexicon/units.tsv, per denominator, in traditional spellings too
}


def resolved() -> dict[str, frozenset[str]]:
    """Every vocabulary a schema names, by name."""
    named = {f.vocabulary for t in schemas.all_tables() for f in t.fields if f.vocabulary}
    unknown = named - set(VOCABULARIES)
    if unknown:
        raise KeyError(f"pipeline/schemas names vocabularies nobody defines: {sorted(unknown)}")
    return {name: frozenset(VOCABULARIES[name]()) for name in sorted(named)}


def published_schema(table: str) -> dict:
    """The table's Table Schema as published: its constraints, each vocabulary as an enum."""
    return schemas.load(table).table_schema(resolved())
