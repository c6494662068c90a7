"""Load the table schemas beside this module (``pipeline/schemas/*.json``), the one place a
published column is defined. They ship inside the package, so an installed wheel has them too.

Everything else is derived from what this module returns: the Arrow schemas of the writers, the
expectation suites (``pipeline/validate``), the Dagster asset descriptions, column metadata and
lineage (``pipeline/defs/metadata.py``), the published ``datapackage.json`` and the dataset card.

Each file is a Frictionless Table Schema (v2) with a name, title and description. A field has
``name``, ``type`` (``list`` with an ``itemType``), ``description`` and ``constraints``, which
mean what Table Schema says and are checked as written: ``required``, ``enum``, ``minimum``,
``maximum``, ``maxLength`` and ``pattern`` (the whole value must match). What is unique is the
table's ``primaryKey`` (no other column is). A few keys are this project's own, where Table Schema
has none:

- ``description_zh`` (table and field): the description in Chinese.
- ``vocabulary`` (field): the values allowed are a word list of the lexicon, named here (after
  the lexicon file it is read from) instead of copied into the file. ``"units"`` is every
  normalised unit of ``pipeline/lexicon/units.tsv`` and ``%``, each also per denominator
  (``吨/日``), and their traditional spellings (``pipeline/extract/units.py`` builds it). Resolved
  by ``pipeline/validate/vocabularies.py``, it is a Table Schema ``enum``: the suite checks it
  and the published datapackage carries it as ``enum``.
- ``lineage`` (field): the columns of other tables, as ``table.column``, that the value is
  computed from (``documents.text`` for anything read from the text). Dagster's column lineage.
- ``stage`` (table): the stage that builds the table's rows and whose asset yields it (``ingest``,
  ``sections``, ``extract``, ``entities``: the stages of ``pipeline/code_versions.py``). The Dagster
  layer makes each stage asset's outputs, and the release's inputs, from it and ``TABLES``.
- ``spans`` (table): which columns hold character offsets into which text, as a list of
  ``{"start", "end", "text", "of"}``: ``of`` is the text (``documents.text``, found by the row's
  ``doc_id``); ``start`` and ``end`` must lie inside it, and the row's ``text`` column, when named,
  must equal the slice. The suite audits each table's one span (the audit's two columns speak for
  one span per table).

Nothing is published from the custom keys but ``description_zh`` and the resolved vocabulary.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa

SCHEMA_DIR = Path(__file__).resolve().parent  # the JSON files ship inside the package
# Every published table, in the order it is published: adding a table is its schema file, its row
# builder in the stage that owns it, and its name here.
TABLES = ("documents", "sections", "people", "metrics", "entities", "mentions", "defects", "rejected")

_ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}
# The constraints a field may carry, in the order they are published.
CONSTRAINTS = ("required", "enum", "maxLength", "pattern", "minimum", "maximum")
FIELD_KEYS = {"name", "type", "itemType", "constraints", "vocabulary", "lineage", "description", "description_zh"}
TABLE_KEYS = {"name", "title", "description", "description_zh", "stage", "primaryKey", "spans", "fields"}
SPAN_KEYS = {"start", "end", "text", "of"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str
    description_zh: str
    enum: tuple[str, ...] | None = None
    item_type: str | None = None
    max_length: int | None = None  # characters
    pattern: str | None = None  # the whole value must match (Table Schema's implicit anchoring)
    minimum: int | float | None = None
    maximum: int | float | None = None
    vocabulary: str | None = None  # a lexicon word list, resolved by pipeline/validate/vocabularies.py
    lineage: tuple[str, ...] = ()  # "table.column" the value is computed from

    @property
    def arrow_type(self) -> pa.DataType:
        if self.type == "list":
            return pa.list_(_ARROW_TYPES[self.item_type or "string"])
        return _ARROW_TYPES[self.type]

    def constraints(self, vocabularies: Mapping[str, Iterable[str]] | None = None) -> dict:
        """The field's Table Schema constraints; with ``vocabularies``, its vocabulary as an ``enum``."""
        enum = list(self.enum) if self.enum else None
        if self.vocabulary and vocabularies is not None:
            enum = sorted(vocabularies[self.vocabulary])
        values = {"required": self.required or None, "enum": enum,
                  "maxLength": self.max_length, "pattern": self.pattern, "minimum": self.minimum,
                  "maximum": self.maximum}
        return {k: values[k] for k in CONSTRAINTS if values[k] is not None}

    def table_schema(self, vocabularies: Mapping[str, Iterable[str]] | None = None) -> dict:
        """This field as a Frictionless Table Schema v2 field descriptor."""
        out: dict = {"name": self.name, "type": self.type, "description": self.description,
                     "description_zh": self.description_zh}
        if self.item_type:
            out["itemType"] = self.item_type
        constraints = self.constraints(vocabularies)
        if constraints:
            out["constraints"] = constraints
        return out

    def notes(self) -> list[str]:
        """The constraints beyond presence, in words (Dagster's column metadata, the dataset card)."""
        out = []
        if self.enum:
            out.append(f"one of {', '.join(self.enum)}")
        if self.vocabulary:
            out.append(f"in the {self.vocabulary} vocabulary (pipeline/lexicon/{self.vocabulary}.tsv; "
                       "listed in datapackage.json)")
        if self.minimum is not None:
            out.append(f">= {self.minimum:g}")
        if self.maximum is not None:
            out.append(f"<= {self.maximum:g}")
        if self.max_length is not None:
            out.append(f"at most {self.max_length} characters")
        if self.pattern:
            out.append(f"matches {self.pattern}")
        return out


@dataclass(frozen=True)
class Span:
    """Columns holding character offsets into a text (``of``, as ``table.column``), and the column that
    must equal the slice (``text``, or None)."""

    start: str
    end: str
    text: str | None
    of: str


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    description_zh: str
    primary_key: tuple[str, ...]
    fields: tuple[Field, ...]
    spans: tuple[Span, ...] = ()
    stage: str = ""  # the stage whose asset yields the table

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(f.name, f.arrow_type, nullable=not f.required) for f in self.fields])

    def table_schema(self, vocabularies: Mapping[str, Iterable[str]] | None = None) -> dict:
        """The published Table Schema; ``vocabularies`` (name -> values) turns each vocabulary into an enum."""
        # JSON carries real nulls, so an empty string is a value (a banner's empty body), not a missing one.
        return {"fields": [f.table_schema(vocabularies) for f in self.fields], "primaryKey": list(self.primary_key),
                "missingValues": []}


def _field(table: str, raw: dict) -> Field:
    unknown = set(raw) - FIELD_KEYS or set(raw.get("constraints", {})) - set(CONSTRAINTS)
    if unknown:
        raise ValueError(f"{SCHEMA_DIR / table}.json: field {raw.get('name')!r} has unknown keys {sorted(unknown)}")
    c = raw.get("constraints", {})
    return Field(
        name=raw["name"], type=raw["type"], required=bool(c.get("required")),
        description=raw["description"], description_zh=raw.get("description_zh", ""),
        enum=tuple(c["enum"]) if c.get("enum") else None, item_type=raw.get("itemType"),
        max_length=c.get("maxLength"), pattern=c.get("pattern"), minimum=c.get("minimum"),
        maximum=c.get("maximum"), vocabulary=raw.get("vocabulary"),
        lineage=tuple(raw.get("lineage", ())),
    )


@cache
def load(name: str) -> TableSchema:
    raw = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    unknown = set(raw) - TABLE_KEYS or {k for s in raw.get("spans", []) for k in s} - SPAN_KEYS
    if unknown:
        raise ValueError(f"{SCHEMA_DIR / name}.json: unknown keys {sorted(unknown)}")
    fields = tuple(_field(name, f) for f in raw["fields"])
    spans = tuple(Span(s["start"], s["end"], s.get("text"), s["of"]) for s in raw.get("spans", []))
    if len(spans) > 1:
        raise ValueError(f"{SCHEMA_DIR / name}.json: the audit checks one span per table, not {len(spans)}")
    return TableSchema(raw["name"], raw.get("title", raw["name"]), raw["description"],
                       raw.get("description_zh", ""), tuple(raw["primaryKey"]), fields, spans, raw["stage"])


def all_tables() -> list[TableSchema]:
    return [load(t) for t in TABLES]


def tables_of(stage: str) -> tuple[str, ...]:
    """The tables a stage's asset yields (their schemas' ``stage``), in the order of ``TABLES``."""
    return tuple(t for t in TABLES if load(t).stage == stage)
