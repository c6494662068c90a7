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
