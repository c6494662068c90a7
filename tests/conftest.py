import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
SEED = ROOT / "seeds" / "000_3c2085c3029b20c0.txt"


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory):
    """Every test's Dagster runs go to a temporary instance, never the project's ``.dagster``.

    That is the instance the README opens in the UI; tests that fail builds on purpose would
    show there as failed assets. Session-wide (so module-scoped fixtures that build see it too)
    and in the environment (so build subprocesses inherit it); a test may still set its own.
    """
    home = tmp_path_factory.mktemp("dagster_home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(home))
        yield home


@pytest.fixture(scope="session")
def seed_doc():
    from pipeline.ingest import ingest_record
    from pipeline.ingest.sources import SourceRecord

    return ingest_record(SourceRecord(SEED.name, f"file:{SEED.name}", SEED.read_bytes()))


@pytest.fixture
def seeds_dir(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / SEED.name).write_bytes(SEED.read_bytes())
    return d


from hypothesis import HealthCheck, settings  # noqa: E402

# "ci" runs a few thousand examples across the property tests; "fuzz" is the long run:
#   HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest tests/test_properties.py
settings.register_profile("ci", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=50_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "ci"))
