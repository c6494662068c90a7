"""Helpers shared by tests (imported by name: tests/ is on sys.path via conftest)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3c2085c3029b20c0.txt"


def copy_seed(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / SEED.name).write_bytes(SEED.read_bytes())
    return directory


def corpus_in_units(directory: Path, units: int, count: int, distinct_units: int = 2) -> Path:
    """``count`` documents (the seed with a numbered closing line each, so distinct bytes) named so
    that they fall in at least ``distinct_units`` of ``units`` units."""
    from pipeline.ingest.corpus import unit_of
    from pipeline.ingest.sources import SourceRecord

    directory.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    used: set[int] = set()
    n = made = 0
    while made < count and n < 10_000:
        name = f"doc_{n:03d}.txt"
        n += 1
        unit = unit_of(SourceRecord(name, f"file:{name}", b"").doc_id, units)
        if unit in used and len(used) < distinct_units:
            continue
        used.add(unit)
        (directory / name).write_text(f"{text}\n（第{made + 1}份）\n", encoding="utf-8")
        made += 1
    return directory
