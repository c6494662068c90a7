"""The asset graph's shape: a change to it shows up here as a reviewed diff."""

import dagster as dg

from pipeline import schemas
from pipeline.definitions import defs


def _graph():
    repo = defs.get_repository_def()
    return repo.asset_graph


def test_graph_runs_from_ingest_to_release():
    graph = _graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    # Every table's asset comes from its schema: the sources, one asset per table, the release.
    assert keys == {"source_documents", *schemas.TABLES, "release"}
    release_parents = {k.to_user_string() for k in graph.get(dg.AssetKey("release")).parent_keys}
    assert release_parents == set(schemas.TABLES)
    assert {k.to_user_string() for k in graph.get(dg.AssetKey("entities")).parent_keys} == {"mentions"}
    assert "source_documents" in {k.to_user_string() for k in graph.get(dg.AssetKey("sections")).parent_keys}


def test_each_table_is_yielded_by_the_asset_of_its_schemas_stage():
    stage_assets = {"ingest": "document_tables", "sections": "sections", "extract": "extracted_tables",
                    "entities": "entities"}
    for table in schemas.TABLES:
        assets_def = defs.resolve_assets_def(table)
        assert assets_def.node_def.name == stage_assets[schemas.load(table).stage], table


def test_every_table_has_a_blocking_expectations_check():
    checks = {}
    for c in defs.asset_checks:
        for spec in c.check_specs:
            if spec.name.endswith("_expectations"):
                checks[spec.asset_key.to_user_string()] = spec.blocking
    assert checks == dict.fromkeys(schemas.TABLES, True)


def test_assets_carry_column_schema_and_code_version():
    graph = _graph()
    for table in schemas.TABLES:
        node = graph.get(dg.AssetKey(table))
        assert "dagster/column_schema" in node.metadata
        assert node.code_version


def test_every_asset_check_has_a_description():
    for c in defs.asset_checks:
        for spec in c.check_specs:
            assert spec.description and ("Blocking" in spec.description) == spec.blocking, spec.key


def test_dg_and_dagster_dev_load_the_same_definitions():
    """`dg dev` reads [tool.dg], `dagster dev` [tool.dagster]: both name pipeline.definitions."""
    import importlib
    import tomllib

    from tests_support import ROOT

    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert tool["dg"]["directory_type"] == "project"
    project = tool["dg"]["project"]
    assert project["root_module"] == "pipeline"
    assert project["code_location_target_module"] == tool["dagster"]["module_name"] == "pipeline.definitions"
    assert project["code_location_name"] == tool["dagster"]["code_location_name"]
    assert importlib.import_module(project["code_location_target_module"]).defs is defs
