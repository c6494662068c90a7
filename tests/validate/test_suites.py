import pytest

from pipeline.build import build_tables
from pipeline.validate import validate_table


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    from tests_support import copy_seed

    return build_tables(copy_seed(tmp_path_factory.mktemp("seeds")))[0]


def test_all_seed_tables_pass(tables):
    for name, df in tables.items():
        report = validate_table(name, df, tables["documents"])
        assert report.success, (name, [f.__dict__ for f in report.failures])


def test_wrong_offsets_fail_the_span_expectation(tables):
    bad = tables["metrics"].copy()
    bad.loc[0, "char_start"] = bad.loc[0, "char_start"] + 1
    report = validate_table("metrics", bad, tables["documents"])
    assert not report.success
    assert any(f.column == "_text_matches_span" for f in report.failures)


def test_a_failed_span_names_the_row_not_false(tables):
    bad = tables["metrics"].copy()
    bad.loc[0, "char_start"] = bad.loc[0, "char_start"] + 1
    [failure] = [f for f in validate_table("metrics", bad, tables["documents"]).failures
                 if f.column == "_text_matches_span"]
    assert failure.examples == []  # was ['False']
    [row] = failure.rows
    first = bad.iloc[0]
    assert row == {"metric_id": first["metric_id"], "doc_id": first["doc_id"], "char_start": int(first["char_start"]),
                   "char_end": int(first["char_end"]), "raw_text": first["raw_text"]}
    assert failure.description == "the document's text at the row's offsets is the row's text"


def test_a_failed_vocabulary_names_the_row_and_the_value(tables):
    bad = tables["metrics"].copy()
    bad.loc[3, "unit"] = "furlong"
    [failure] = [f for f in validate_table("metrics", bad, tables["documents"]).failures if f.column == "unit"]
    assert failure.examples == ["furlong"]
    assert [(r["metric_id"], r["unit"]) for r in failure.rows] == [(bad.loc[3, "metric_id"], "furlong")]


def test_unknown_unit_and_duplicate_key_fail(tables):
    bad = tables["metrics"].copy()
    bad.loc[0, "unit"] = "furlong"
    bad.loc[1, "metric_id"] = bad.loc[2, "metric_id"]
    failed = {(f.expectation, f.column) for f in validate_table("metrics", bad, tables["documents"]).failures}
    assert ("expect_column_values_to_be_in_set", "unit") in failed
    assert ("expect_column_values_to_be_unique", "metric_id") in failed


def test_out_of_vocabulary_enum_and_infinite_value_fail(tables):
    bad = tables["metrics"].copy()
    bad.loc[0, "qualifier"] = "roughly"
    bad.loc[1, "value"] = float("inf")
    failed = {f.column for f in validate_table("metrics", bad, tables["documents"]).failures}
    assert {"qualifier", "value"} <= failed


def test_missing_required_value_fails(tables):
    bad = tables["documents"].copy()
    bad.loc[0, "sha256"] = None
    assert not validate_table("documents", bad).success


def test_documents_fields_beyond_the_schemas_length_or_form_fail(tables):
    bad = tables["documents"].copy()
    bad.loc[0, "title"] = "题" * 501
    bad.loc[0, "date"] = "not a date"
    bad.loc[0, "source_url"] = "javascript:alert(1)"
    failed = {(f.expectation, f.column) for f in validate_table("documents", bad).failures}
    assert failed == {("expect_column_value_lengths_to_be_between", "title"),
                      ("expect_column_values_to_match_regex", "date"),
                      ("expect_column_values_to_match_regex", "source_url")}
