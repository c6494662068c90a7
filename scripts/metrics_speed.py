"""Throughput of extract_metrics on the bench corpus: ``python scripts/metrics_speed.py [--limit N]``.

Why a script of its own: ``pipeline.bench`` times the whole extraction core, where a change to the
metrics scanner is lost among jieba and NER; this times the metrics extractor alone, per character,
so that a before/after comparison of a scanner change is a fair one. It reports the best of
``--repeat`` runs, in wall and in CPU seconds (the CPU figure is the one to compare on a shared
machine, where other work stretches the wall clock). Takes every ``--step``-th
document so that every source (news, work reports, transcripts) is in the sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bench.jsonl.gz"


def sample(corpus: Path, limit: int, step: int) -> list[str]:
    """Every ``step``-th text of the corpus, at most ``limit`` of them."""
    texts = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % step == 0:
                texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def _clear_text_caches(*modules: object) -> None:
    """Empty the extractors' memo caches (functools lru_cache with a size bound) before each
    repeat: otherwise the second pass over the same texts only measures dictionary lookups."""
    for module in modules:
        for value in vars(module).values():
            info = getattr(value, "cache_parameters", None)
            if info and info()["maxsize"] is not None:
                value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--step", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from pipeline.extract import metrics, subjects
    from pipeline.extract.metrics import extract_metrics

    texts = sample(args.corpus, args.limit, args.step)
    chars = sum(len(t) for t in texts)
    for t in texts[:5]:
        extract_metrics(t)  # warm jieba and the lexicon caches
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.repeat):
        _clear_text_caches(metrics, subjects)
        start, start_cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract_metrics(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(f"docs={len(texts)} chars={chars} metrics={found} seconds={best:.2f} kchars_per_s={chars / best / 1000:.1f} "
          f"cpu_seconds={best_cpu:.2f} kchars_per_cpu_s={chars / best_cpu / 1000:.1f}")


if __name__ == "__main__":
    main()
