"""The package installs whole: a wheel built from this checkout holds every table schema, the
word lists and the NER model, and loads the schemas from where it is installed."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline import schemas

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, timeout=600)
    [built] = out.glob("*.whl")
    return built


def test_a_built_wheel_carries_the_schemas_word_lists_and_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for table in schemas.TABLES:
        assert f"pipeline/schemas/{table}.json" in names
    assert "pipeline/lexicon/titles.txt" in names and "pipeline/lexicon/countries.txt" in names
    assert "pipeline/models/ner_weights.npz" in names  # the compiled model; CRFsuite's file stays in the repository


def test_the_installed_wheel_loads_a_schema(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = "from pipeline import schemas; print(schemas.__file__); print(schemas.load('metrics').columns[0])"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    where, first_column = out.stdout.split()
    assert where.startswith(str(tmp_path / "site")) and first_column


def test_the_installed_wheel_builds_a_release_outside_the_repository(wheel, tmp_path):
    """Issue 18's done-when: the installed package, away from this checkout, runs the main job."""
    import os

    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text("市长王建国3日表示，今年全市地区生产总值增长5.2%。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "DAGSTER_HOME": str(tmp_path / "dagster")}
    out = subprocess.run([sys.executable, "-m", "pipeline", "build", "--seeds", str(seeds), "--outputs",
                          str(tmp_path / "out"), "--quiet"], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert (tmp_path / "out" / "catalog.json").is_file()
    [release] = (tmp_path / "out" / "releases").iterdir()
    assert (release / "people.parquet").is_file() and (release / "metrics.parquet").is_file()
