"""Load the table schemas beside this module (``pipeline/schemas/*.json``), the one place a
published column is defined. They ship inside the package, so an installed wheel has them too.

Everything else (Arrow schemas for the writers, expectation suites, Dagster column
metadata, the datapackage) is derived from what this module returns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa

SCHEMA_DIR = Path(__file__).resolve().parent  # the JSON files ship inside the package
TABLES = ("documents", "sections", "people", "metrics", "entities", "mentions", "defects", "rejected")

_ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}


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

    @property
    def arrow_type(self) -> pa.DataType:
        if self.type == "list":
            return pa.list_(_ARROW_TYPES[self.item_type or "string"])
        return _ARROW_TYPES[self.type]

    def table_schema(self) -> dict:
        """This field as a Frictionless Table Schema v2 field descriptor."""
        out: dict = {"name": self.name, "type": self.type, "description": self.description,
                     "description_zh": self.description_zh}
        if self.item_type:
            out["itemType"] = self.item_type
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.max_length is not None:
            constraints["maxLength"] = self.max_length
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    description_zh: str
    primary_key: tuple[str, ...]
    fields: tuple[Field, ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(f.name, f.arrow_type, nullable=not f.required) for f in self.fields])

    def table_schema(self) -> dict:
        # JSON carries real nulls, so an empty string is a value (a banner's empty body), not a missing one.
        return {"fields": [f.table_schema() for f in self.fields], "primaryKey": list(self.primary_key),
                "missingValues": []}


@cache
def load(name: str) -> TableSchema:
    raw = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    fields = tuple(
        Field(
            name=f["name"], type=f["type"], required=bool(f.get("required")),
            description=f["description"], description_zh=f.get("description_zh", ""),
            enum=tuple(f["enum"]) if f.get("enum") else None, item_type=f.get("itemType"),
            max_length=f.get("maxLength"), pattern=f.get("pattern"),
        )
        for f in raw["fields"]
    )
    return TableSchema(raw["name"], raw.get("title", raw["name"]), raw["description"],
                       raw.get("description_zh", ""), tuple(raw["primaryKey"]), fields)


def all_tables() -> list[TableSchema]:
    return [load(t) for t in TABLES]
