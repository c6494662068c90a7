"""Hand-labelled NER sentences for training (scripts/ner_train.py --gold), from public training splits.

THULAC's silver labels teach the tagger our corpus's contexts, but they carry THULAC's own errors
and its idea of an organisation, which is narrower than the field's: a few thousand sentences that
people labelled by hand correct both. Only training and development splits are read, never a test
set, and any sentence that also occurs in a benchmark test set (short datelines repeat across
splits) is dropped, so that the benchmark in ``pipeline.ner_benchmark`` stays a measurement.

Usage::

    python scripts/ner_gold.py OUT.jsonl --pairs SENTENCES.txt TAGS.txt --bio FILE.bio \
        --exclude ../shared/benchmarks/ner/msra_test_bio.txt ../shared/benchmarks/ner/pd_example.test

``--pairs``: one sentence per line, characters separated by spaces, with a parallel file of tags
(the MSRA validation split of lemonhu/NER-BERT-pytorch, ``data/msra/val/``, cut from MSRA's training
set). ``--bio``: one character and its tag per line, a blank line between sentences (the People's
Daily 1998 development split of zjy-ucas/ChineseNER, ``data/example.dev``). Tags are BIO over PER,
LOC and ORG; anything else is dropped to O.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

KINDS = {"PER", "LOC", "ORG"}


def read_pairs(sentences: Path, tags: Path) -> Iterator[tuple[str, list[str]]]:
    with sentences.open(encoding="utf-8") as s, tags.open(encoding="utf-8") as t:
        for chars, labels in zip(s, t, strict=True):
            yield "".join(chars.split()), labels.split()


def read_bio(path: Path) -> Iterator[tuple[str, list[str]]]:
    chars: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if chars:
                    yield "".join(chars), labels
                chars, labels = [], []
                continue
            # a line with only a tag is a space in the sentence
            chars.append(parts[0] if len(parts) > 1 else " ")
            labels.append(parts[-1])
    if chars:
        yield "".join(chars), labels


def clean(labels: list[str]) -> list[str]:
    """BIO over the three kinds, an I- without its B- opening the entity."""
    out, previous = [], "O"
    for label in labels:
        kind = label[2:] if label[:2] in ("B-", "I-") else ""
        if kind not in KINDS:
            label = "O"
        elif label.startswith("I-") and previous[2:] != kind:
            label = "B-" + kind
        out.append(label)
        previous = label
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pairs", nargs=2, action="append", default=[], metavar=("SENTENCES", "TAGS"))
    ap.add_argument("--bio", nargs="*", default=[])
    ap.add_argument("--exclude", nargs="*", default=[], help="test sets whose sentences must not be trained on")
    args = ap.parse_args()
    excluded = {text for path in args.exclude for text, _ in read_bio(Path(path))}
    sources = [read_pairs(Path(s), Path(t)) for s, t in args.pairs] + [read_bio(Path(p)) for p in args.bio]
    kept = dropped = 0
    with Path(args.out).open("w", encoding="utf-8") as out:
        for source in sources:
            for text, labels in source:
                if len(text) != len(labels) or text in excluded or not text.strip():
                    dropped += 1
                    continue
                out.write(json.dumps({"text": text, "tags": clean(labels)}, ensure_ascii=False) + "\n")
                kept += 1
    print(f"{kept} sentences -> {args.out}; {dropped} dropped (in a test set, empty or misaligned)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
