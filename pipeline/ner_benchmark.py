"""``python -m pipeline ner-benchmark [--data DIR]``: score ner_mentions on public NER test sets.

Entity-level exact match, micro precision/recall/F1 per type (PER, LOC, ORG) and overall.
The test sets are only read here, never used to build word lists or rules.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from pipeline.extract.ner import bio_spans, ner_mentions

TYPES = ("PER", "LOC", "ORG")
SETS = {"msra": "msra_test_bio.txt", "pd": "pd_example.test"}


def read_bio(path: Path) -> list[tuple[str, set[tuple[str, int, int]]]]:
    """Sentences as (text, {(type, start, end)}) from one-character-per-line BIO files."""
    sentences, chars, tags = [], [], []

    def flush():
        if chars:
            sentences.append(("".join(chars), spans(tags)))
        chars.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            flush()
            continue
        chars.append(parts[0] if len(parts) > 1 or parts[0] not in ("O",) else " ")
        tags.append(parts[-1] if len(parts) > 1 else "O")
    flush()
    return sentences


def spans(tags: list[str]) -> set[tuple[str, int, int]]:
    """Gold entities of the scored types."""
    return {s for s in bio_spans(tags) if s[0] in TYPES}


def score(sentences) -> tuple[dict[str, Counter], int, float]:
    counts = {t: Counter() for t in TYPES}
    chars, t0 = 0, time.perf_counter()
    for text, gold in sentences:
        predicted = {(m.kind, m.start, m.end) for m in ner_mentions(text)}
        chars += len(text)
        for kind in TYPES:
            g = {s for s in gold if s[0] == kind}
            p = {s for s in predicted if s[0] == kind}
            counts[kind].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))
    return counts, chars, time.perf_counter() - t0


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    return 100 * p, 100 * r, 100 * (2 * p * r / max(1e-9, p + r))


def run(data: Path) -> int:
    results, total_chars, total_s = {}, 0, 0.0
    print(f"{'set':<6}{'type':<8}{'P':>7}{'R':>7}{'F1':>7}")
    for name, filename in SETS.items():
        path = data / filename
        if not path.exists():
            print(f"{name}: {path} not found")
            return 2
        counts, chars, seconds = score(read_bio(path))
        total_chars, total_s = total_chars + chars, total_s + seconds
        for kind in TYPES:
            print(f"{name:<6}{kind:<8}" + "".join(f"{v:7.1f}" for v in prf(counts[kind])))
        overall = sum(counts.values(), Counter())
        results[name] = prf(overall)[2]
        print(f"{name:<6}{'all':<8}" + "".join(f"{v:7.1f}" for v in prf(overall)))
    print(f"ner: msra_f1={results['msra']:.1f} pd_f1={results['pd']:.1f} "
          f"kchars_per_s={total_chars / max(total_s, 1e-9) / 1000:.0f}")
    return 0
