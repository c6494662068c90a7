"""Kind accuracy on hand-labelled documents: ``python scripts/metrics_kind.py [--dir DIR] [--errors]``.

Why a script: there is no gold for ``kind`` outside the seed, so ``tests/metrics_kind/`` holds
figures whose kind (target or achievement) was labelled by reading each clause (its README says
how). This runs the extractor on those documents as the build reads them, matches each figure to
its label by offsets and text, and prints the share of matched figures whose kind is right, per
genre and overall, with the last line ``kind: labelled=<n> matched=<n> right=<n> accuracy=<0-1>``.
Figures found now that carry no label, and labels no longer found, are counted, not guessed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "metrics_kind"


def load_labels(folder: Path) -> dict[str, dict[tuple[int, int, str], str]]:
    """doc_id -> {(char_start, char_end, raw_text): kind}."""
    labels: dict[str, dict[tuple[int, int, str], str]] = {}
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels.setdefault(row["doc_id"], {})[(row["char_start"], row["char_end"], row["raw_text"])] = row["kind"]
    return labels


def found_kinds(doc_id: str, text: str) -> dict[tuple[int, int, str], tuple[str, str]]:
    """The figures the extractor finds in a document, read as the build reads it: (kind, sentence)."""
    from pipeline.extract.metrics import extract_metrics
    from pipeline.extract.script import reading_text
    from pipeline.ingest import ingest_record
    from pipeline.ingest.sources import SourceRecord

    doc = ingest_record(SourceRecord(doc_id, f"jsonl:{doc_id}", b"", {}, text))
    return {(m.char_start, m.char_end, m.raw_text): (m.kind, m.sentence)
            for m in extract_metrics(reading_text(doc.text))}


def measure(folder: Path) -> tuple[Counter, list[str]]:
    """Counts per genre (labelled, matched, right, unlabelled) and one line per wrong kind."""
    counts: Counter = Counter()
    errors = []
    for doc_id, labelled in sorted(load_labels(folder).items()):
        genre = doc_id.split("-")[0]
        found = found_kinds(doc_id, (folder / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8"))
        counts[genre, "labelled"] += len(labelled)
        counts[genre, "unlabelled"] += len(found.keys() - labelled.keys())
        for key, kind in labelled.items():
            if key not in found:
                continue
            counts[genre, "matched"] += 1
            got, sentence = found[key]
            if got == kind:
                counts[genre, "right"] += 1
            else:
                errors.append(f"  {doc_id} {key[0]} {key[2]!r}: labelled {kind}, found {got} | {sentence[:120]}")
    return counts, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", action="store_true", help="list every figure whose kind is wrong")
    args = parser.parse_args()
    counts, errors = measure(args.dir)
    genres = sorted({g for g, _ in counts})
    for g in [*genres, None]:
        pick: Counter = Counter()
        for (genre, k), n in counts.items():
            if g is None or genre == g:
                pick[k] += n
        matched = pick["matched"]
        line = (f"labelled={pick['labelled']} matched={matched} right={pick['right']} "
                f"accuracy={pick['right'] / matched if matched else 0:.3f} unlabelled_found={pick['unlabelled']}")
        print(f"{g}: {line}" if g else f"kind: {line}")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
