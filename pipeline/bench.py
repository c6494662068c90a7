"""Benchmark: ``python -m pipeline.bench [--corpus PATH] [--limit N]``.

Prints jieba's own throughput as the reference, the extraction core's, a whole build
through Dagster, the incremental cost of adding one document, and a cold seed-only
build; each phase runs in its own process so its peak memory is its own. The last
line is machine-readable.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "bench.jsonl.gz"


def _records(corpus: Path, limit: int | None) -> list[dict]:
    out = []
    with gzip.open(corpus, "rt", encoding="utf-8") if corpus.suffix == ".gz" else corpus.open(encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_jieba(corpus: Path, limit: int | None) -> dict:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [r["text"] for r in _records(corpus, limit)]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    t = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    cut_s = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        for _ in jieba.posseg.cut(text):
            pass
    pos_s = time.perf_counter() - t
    return {"kb": kb, "cut_kb_s": kb / cut_s, "posseg_kb_s": kb / pos_s, "peak_mb": _peak_mb()}


def phase_core(corpus: Path, limit: int | None) -> dict:
    from pipeline.extract import extract_metrics, extract_people
    from pipeline.extract.mentions import find_mentions
    from pipeline.extract.ner import load_tagger
    from pipeline.extract.subjects import jieba as _jieba  # initialise jieba outside the timing
    from pipeline.extract.tagger import analyse
    from pipeline.ingest import ingest_record
    from pipeline.ingest.sources import SourceRecord
    from pipeline.sections import split_sections

    _jieba.initialize()
    load_tagger()
    records = _records(corpus, limit)
    kb = sum(len(r["text"].encode("utf-8")) for r in records) / 1024
    t = time.perf_counter()
    metrics = people = mentions = 0
    ner_s = 0.0
    for r in records:
        doc = ingest_record(SourceRecord(r["id"], f"jsonl:{r['id']}", b"", {}, r["text"]))
        split_sections(doc.text)
        metrics += len(extract_metrics(doc.text))
        t_ner = time.perf_counter()
        analysis = analyse(doc.text)  # once, shared by people and mentions, as build._extract_one does
        ner_s += time.perf_counter() - t_ner
        found = extract_people(doc.text, analysis)
        people += len(found)
        t_ner = time.perf_counter()
        mentions += len(find_mentions(doc.text, found, analysis))
        ner_s += time.perf_counter() - t_ner
    seconds = time.perf_counter() - t
    return {"kb": kb, "seconds": seconds, "kb_s": kb / seconds, "metrics": metrics, "people": people,
            "mentions": mentions, "mentions_kb_s": kb / max(ner_s, 1e-9), "peak_mb": _peak_mb()}


def phase_build(seeds: str, outputs: str, cache: str) -> dict:
    from pipeline import cli

    t = time.perf_counter()
    code = cli.main(["build", "--seeds", seeds, "--outputs", outputs] + (["--cache", cache] if cache else ["--no-cache"]))
    return {"code": code, "seconds": time.perf_counter() - t, "peak_mb": _peak_mb()}


def _child(*args: str) -> dict:
    """Run one phase in a fresh interpreter; its JSON answer is the last line it prints."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "pipeline.bench", "--phase", *args], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, env=dict(os.environ, PIPELINE_LOG_LEVEL="ERROR"))
    if out.returncode != 0:
        raise SystemExit(f"benchmark phase {args[0]} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - t
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        name, *rest = args.phase
        if name == "build":
            result = phase_build(*rest)
        else:
            limit = int(rest[1]) if len(rest) > 1 and rest[1] != "None" else None
            result = {"jieba": phase_jieba, "core": phase_core}[name](Path(rest[0]), limit)
        print(json.dumps(result))
        return 0

    corpus, limit = str(args.corpus), str(args.limit)
    jieba_r = _child("jieba", corpus, limit)
    print(f"jieba.cut          {jieba_r['cut_kb_s']:9.0f} KB/s   peak {jieba_r['peak_mb']:6.0f} MB")
    print(f"jieba.posseg.cut   {jieba_r['posseg_kb_s']:9.0f} KB/s   peak {jieba_r['peak_mb']:6.0f} MB")
    core = _child("core", corpus, limit)
    ratio = core["kb_s"] / jieba_r["posseg_kb_s"]
    print(f"extraction core    {core['kb_s']:9.0f} KB/s   peak {core['peak_mb']:6.0f} MB   "
          f"({ratio:.2f}x posseg; {core['metrics']} metrics, {core['people']} people, {core['mentions']} mentions; "
          f"mentions alone {core['mentions_kb_s']:.0f} KB/s)")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds = tmp / "seeds"
        seeds.mkdir()
        records = _records(args.corpus, args.limit)
        last = records.pop()
        with (seeds / "corpus.jsonl").open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        kb = sum(len(r["text"].encode("utf-8")) for r in records) / 1024
        full = _child("build", str(seeds), str(tmp / "out"), str(tmp / "cache"))
        print(f"full build         {full['wall_s']:9.1f} s      peak {full['peak_mb']:6.0f} MB   "
              f"({kb / full['wall_s']:.0f} KB/s, {len(records)} documents through Dagster, checks and publishing)")
        (seeds / "one-more.txt").write_text(last["text"], encoding="utf-8")
        one = _child("build", str(seeds), str(tmp / "out"), str(tmp / "cache"))
        print(f"add one document   {one['wall_s']:9.1f} s      peak {one['peak_mb']:6.0f} MB   "
              f"({one['wall_s'] / full['wall_s']:.3f} of the full build)")
        seed = _child("build", str(PROJECT_ROOT / "seeds"), str(tmp / "seed-out"), "")
        print(f"seed-only build    {seed['wall_s']:9.1f} s      peak {seed['peak_mb']:6.0f} MB   (cold process start)")
    peak = max(full["peak_mb"], one["peak_mb"], core["peak_mb"])
    print(f"bench: core_vs_posseg={ratio:.2f} full_build_s={full['wall_s']:.1f} peak_rss_mb={peak:.0f} "
          f"incremental_ratio={one['wall_s'] / full['wall_s']:.3f} seed_build_s={seed['wall_s']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
