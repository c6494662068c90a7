"""Helpers shared by tests (imported by name: tests/ is on sys.path via conftest)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3c2085c3029b20c0.txt"


def copy_seed(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / SEED.name).write_bytes(SEED.read_bytes())
    return directory
