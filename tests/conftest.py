import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
SEED = ROOT / "seeds" / "000_3c2085c3029b20c0.txt"


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
