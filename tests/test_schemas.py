"""pipeline/schemas/*.json is the one source of every column fact: each check, each piece of Dagster
metadata and each published constraint is derived from it, and nothing is checked that it does not say.

The expected values are read from the JSON files themselves (not through ``pipeline.schemas``), so
a fact added in code, or dropped on the way from a schema, fails here.
"""

from __future__ import annotations

import json

import dagster as dg
import pytest

from pipeline import schemas
from pipeline.definitions import defs
from pipeline.validate import vocabularies
from pipeline.validate.audit import AUDIT_COLUMNS
from pipeline.validate.suites import expectations_for


def _raw(table: str) -> dict:
    return json.loads((schemas.SCHEMA_DIR / f"{table}.json").read_text(encoding="utf-8"))


def _expected_expectations(raw: dict) -> list[tuple[str, dict]]:
    """What the schema file says a table must meet, as (expectation, arguments)."""
    words = vocabularies.resolved()
    audit = list(AUDIT_COLUMNS) if raw.get("spans") else []
    out = [("expect_table_columns_to_match_ordered_list", {"column_list": [f["name"] for f in raw["fields"]] + audit})]
    pk = raw["primaryKey"]
    out.append(("expect_column_values_to_be_unique", {"column": pk[0]}) if len(pk) == 1
               else ("expect_compound_columns_to_be_unique", {"column_list": pk}))
    for f in raw["fields"]:
        c, name = f.get("constraints", {}), f["name"]
        if c.get("required"):
            out.append(("expect_column_values_to_not_be_null", {"column": name}))
        if "enum" in c:
            out.append(("expect_column_values_to_be_in_set", {"column": name, "value_set": c["enum"]}))
        if "vocabulary" in f:
            out.append(("expect_column_values_to_be_in_set", {"column": name,
                                                               "value_set": sorted(words[f["vocabulary"]])}))
        if "maxLength" in c:
            out.append(("expect_column_value_lengths_to_be_between", {"column": name, "max_value": c["maxLength"]}))
        if "pattern" in c:
            out.append(("expect_column_values_to_match_regex", {"column": name, "regex": f"^(?:{c['pattern']})$"}))
        bounds = {k: c[key] for k, key in (("min_value", "minimum"), ("max_value", "maximum")) if key in c}
        if bounds:
            out.append(("expect_column_values_to_be_between", {"column": name, **bounds}))
    out += [("expect_column_values_to_be_in_set", {"column": col, "value_set": [True]}) for col in audit]
    return out


@pytest.mark.parametrize("table", schemas.TABLES)
def test_every_schema_constraint_is_an_expectation_and_every_expectation_a_schema_constraint(table):
    actual = [(e.expectation_type, dict(e.configuration.kwargs)) for e in expectations_for(table)]
    expected = _expected_expectations(_raw(table))
    unmatched = list(actual)
    missing = []
    for item in expected:
        if item in unmatched:
            unmatched.remove(item)
        else:
            missing.append(item)
    assert not missing, f"{table}: schema constraints without an expectation: {missing}"
    assert not unmatched, f"{table}: expectations no schema constraint asks for: {unmatched}"


@pytest.mark.parametrize("table", schemas.TABLES)
def test_the_published_schema_carries_the_constraints_the_suite_checks(table):
    raw, words = _raw(table), vocabularies.resolved()
    published = vocabularies.published_schema(table)
    assert published["primaryKey"] == raw["primaryKey"]
    assert [f["name"] for f in published["fields"]] == [f["name"] for f in raw["fields"]]
    for field, source in zip(published["fields"], raw["fields"], strict=True):
        want = dict(source.get("constraints", {}))
        if "vocabulary" in source:
            want["enum"] = sorted(words[source["vocabulary"]])
        assert field.get("constraints", {}) == want, (table, field["name"])
        assert (field["type"], field.get("itemType")) == (source["type"], source.get("itemType"))
        assert (field["description"], field["description_zh"]) == (source["description"], source["description_zh"])
        assert not {"vocabulary", "lineage"} & set(field)  # the project's own keys stay home


def test_the_unit_vocabulary_is_named_not_copied():
    unit = next(f for f in _raw("metrics")["fields"] if f["name"] == "unit")
    assert unit["vocabulary"] == "units" and "enum" not in unit.get("constraints", {})
    assert {"%", "元", "吨/日", "個"} <= vocabularies.resolved()["units"]


def _graph():
    return defs.get_repository_def().asset_graph


@pytest.mark.parametrize("table", schemas.TABLES)
def test_each_table_asset_is_described_by_its_schema(table):
    raw = _raw(table)
    node = _graph().get(dg.AssetKey(table))
    assert node.description == raw["description"]
    columns = node.metadata["dagster/column_schema"].columns
    assert [(c.name, c.type, c.description, c.constraints.nullable) for c in columns] == [
        (f["name"], f["type"] if f["type"] != "list" else f"list<{f['itemType']}>",
         f"{f['description']} / {f['description_zh']}", not f.get("constraints", {}).get("required"))
        for f in raw["fields"]]
    assert [c.name for c in columns if c.constraints.unique] == (raw["primaryKey"] if len(raw["primaryKey"]) == 1
                                                                 else [])
    for column, field in zip(columns, schemas.load(table).fields, strict=True):
        assert column.constraints.other == field.notes()


@pytest.mark.parametrize("table", schemas.TABLES)
def test_each_table_assets_column_lineage_is_its_schemas(table):
    want = {f["name"]: f["lineage"] for f in _raw(table)["fields"] if f.get("lineage")}
    lineage = _graph().get(dg.AssetKey(table)).metadata.get("dagster/column_lineage")
    got = {} if lineage is None else {
        column: [f"{d.asset_key.to_user_string()}.{d.column_name}" for d in deps]
        for column, deps in lineage.deps_by_column.items()}
    assert got == want
    for sources in want.values():  # a lineage names real columns of real tables
        for source in sources:
            other, column = source.split(".")
            assert column in schemas.load(other).columns, source


def test_the_checks_that_read_the_text_are_the_tables_with_spans():
    for table in schemas.TABLES:
        [spec] = [s for c in defs.asset_checks for s in c.check_specs if s.name == f"{table}_expectations"]
        assert ("offsets and text spans" in spec.description) == bool(_raw(table).get("spans")), table
    for table in schemas.TABLES:
        for span in _raw(table).get("spans", []):
            columns = schemas.load(table).columns
            assert {span["start"], span["end"]} <= set(columns) and span.get("text", "doc_id") in columns
            assert span["of"] == "documents.text"


def test_the_card_lists_each_columns_constraints():
    from pipeline.publish.card import dataset_card

    package = {"title": "t", "version": "1.0.0", "created": "2026-12-01T00:00:00Z", "name": "n",
               "licenses": [{"name": "CC-BY-4.0"}],
               "x_provenance": {"pipeline_version": "0", "code_version": "x", "git_commit": None, "inputs": []}}
    card = dataset_card(package, {"metrics": 1})
    assert "| char_start | integer | yes | >= 0 |" in card
    assert "| unit | string | yes | in the units vocabulary (pipeline/lexicon/units.tsv" in card


def test_a_schema_key_nobody_reads_is_an_error():
    with pytest.raises(ValueError, match="unknown keys"):
        schemas._field("metrics", {"name": "x", "type": "integer", "description": "", "minimum": 0})
    with pytest.raises(ValueError, match="unknown keys"):
        schemas._field("metrics", {"name": "x", "type": "integer", "description": "",
                                   "constraints": {"minimun": 0}})
