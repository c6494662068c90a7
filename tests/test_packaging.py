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
