"""Benchmark: ``python -m pipeline.bench [--corpus PATH] [--limit N]``.

Prints jieba's own throughput as the reference, the extraction core's, whole builds
through Dagster of the corpus and of its first quarter (memory and incremental cost
should not grow with the corpus), the cost of adding one document to each, the
distributed job on one and on two Dask workers, a cold seed-only build from the shell
and the seed built as the UI and the schedule launch it. Each phase runs in its own
process so its peak memory is its own. The last line is machine-readable.
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


def phase_dask(seeds: str, outputs: str, workers: str) -> dict:
    """The distributed job on a real ``distributed.LocalCluster`` of ``workers`` processes (the cluster's
    start is not timed: a deployment's cluster outlives its runs)."""
    import warnings

    warnings.filterwarnings("ignore")
    import dagster as dg
    import distributed

    from pipeline import definitions
    from pipeline.defs.resources import PipelineSettings

    settings = PipelineSettings(seeds_dir=seeds, outputs_dir=outputs, cache_dir="")
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as home, \
            distributed.LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, \
            dg.instance_for_test(temp_dir=home) as instance:
        run_config = {**settings.run_config(),
                      "execution": {"config": {"cluster": {"existing": {"address": cluster.scheduler_address}}}},
                      "loggers": {"console": {"config": {"log_level": "ERROR"}}}}
        t = time.perf_counter()
        result = dg.execute_job(dg.reconstructable(definitions.build_on_dask_job), instance=instance,
                                run_config=run_config)
        seconds = time.perf_counter() - t
    catalog = json.loads((Path(outputs) / "catalog.json").read_text(encoding="utf-8")) if result.success else {}
    return {"code": 0 if result.success else 1, "seconds": seconds,
            "content_sha256": catalog.get("versions", [{}])[0].get("content_sha256"), "peak_mb": _peak_mb()}


def phase_ui(seeds: str, outputs: str) -> dict:
    """The seed built as the UI, the sensor and the schedule launch it: ``execute_job`` on an instance with
    the job's default executor (no ``execution`` in run config), not ``execute_in_process``."""
    import warnings

    warnings.filterwarnings("ignore")
    import dagster as dg

    from pipeline import definitions
    from pipeline.defs.resources import PipelineSettings

    settings = PipelineSettings(seeds_dir=seeds, outputs_dir=outputs, cache_dir="")
    run_config = {**settings.run_config(), "loggers": {"console": {"config": {"log_level": "ERROR"}}}}
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as home, dg.instance_for_test(temp_dir=home) as instance, \
            dg.execute_job(dg.reconstructable(definitions.build_job), instance=instance,
                           run_config=run_config) as result:
        return {"code": 0 if result.success else 1, "peak_mb": _peak_mb()}


def _child(*args: str) -> dict:
    """Run one phase in a fresh interpreter; its JSON answer is the last line it prints."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "pipeline.bench", "--phase", *args], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, env=dict(os.environ, PIPELINE_LOG_LEVEL="ERROR"))
    if out.returncode != 0:
        raise SystemExit(f"benchmark phase {args[0]} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result.get("code", 0) != 0:
        raise SystemExit(f"benchmark phase {args[0]} failed:\n{out.stderr[-3000:]}")
    result["wall_s"] = time.perf_counter() - t
    return result


def _build_and_add_one(tmp: Path, records: list[dict], label: str) -> dict:
    """A full build of all records but the last (with a cache), then the same with the last added."""
    seeds = tmp / "seeds"
    seeds.mkdir(parents=True)
    records = list(records)
    last = records.pop()
    with (seeds / "corpus.jsonl").open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kb = sum(len(r["text"].encode("utf-8")) for r in records) / 1024
    build = _child("build", str(seeds), str(tmp / "out"), str(tmp / "cache"))
    print(f"full build ({label}) {build['wall_s']:7.1f} s      peak {build['peak_mb']:6.0f} MB   "
          f"({kb / build['wall_s']:.0f} KB/s, {len(records)} documents through Dagster, checks and publishing)")
    (seeds / "one-more.txt").write_text(last["text"], encoding="utf-8")
    one = _child("build", str(seeds), str(tmp / "out"), str(tmp / "cache"))
    print(f"add one ({label})    {one['wall_s']:7.1f} s      peak {one['peak_mb']:6.0f} MB   "
          f"({one['wall_s'] / build['wall_s']:.3f} of its full build)")
    (seeds / "one-more.txt").unlink()
    return {"seeds": seeds, "build": build, "one": one}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        name, *rest = args.phase
        if name in ("build", "dask", "ui"):
            result = {"build": phase_build, "dask": phase_dask, "ui": phase_ui}[name](*rest)
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

    records = _records(args.corpus, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = _build_and_add_one(tmp / "small", records[:max(2, len(records) // 4)], "quarter")
        full = _build_and_add_one(tmp / "full", records, "whole")
        one_worker = _child("dask", str(full["seeds"]), str(tmp / "dask1"), "1")
        two_workers = _child("dask", str(full["seeds"]), str(tmp / "dask2"), "2")
        if one_worker["content_sha256"] != two_workers["content_sha256"]:
            raise SystemExit("the releases of one and two Dask workers differ")
        speedup = one_worker["seconds"] / two_workers["seconds"]
        print(f"on Dask, 1 worker  {one_worker['seconds']:9.1f} s      (build_on_dask, LocalCluster, no cache)")
        print(f"on Dask, 2 workers {two_workers['seconds']:9.1f} s      ({speedup:.2f}x; the same release)")
        seed = _child("build", str(PROJECT_ROOT / "seeds"), str(tmp / "seed-out"), "")
        print(f"seed-only build    {seed['wall_s']:9.1f} s      peak {seed['peak_mb']:6.0f} MB   (cold process start)")
        ui = _child("ui", str(PROJECT_ROOT / "seeds"), str(tmp / "ui-out"))
        print(f"seed, as UI runs   {ui['wall_s']:9.1f} s      peak {ui['peak_mb']:6.0f} MB   "
              "(execute_job, the job's default executor, cold process start)")
    growth = full["build"]["peak_mb"] / small["build"]["peak_mb"]
    incremental_growth = full["one"]["wall_s"] / small["one"]["wall_s"]
    peak = max(full["build"]["peak_mb"], full["one"]["peak_mb"], core["peak_mb"])
    print(f"bench: core_vs_posseg={ratio:.2f} full_build_s={full['build']['wall_s']:.1f} peak_rss_mb={peak:.0f} "
          f"memory_growth={growth:.2f} incremental_ratio={full['one']['wall_s'] / full['build']['wall_s']:.3f} "
          f"incremental_growth={incremental_growth:.2f} workers2_speedup={speedup:.2f} "
          f"seed_build_s={seed['wall_s']:.1f} ui_seed_build_s={ui['wall_s']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
