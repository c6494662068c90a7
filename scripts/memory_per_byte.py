"""Peak memory of a build per byte of input, for inputs shaped to be costly (issue 15, item 11):
``python scripts/memory_per_byte.py [--shapes han_lines,prose_lines,one_line] [--lines N] [--stages]``.

Each shape is written as the only document of a temporary seeds directory and built for real
(``python -m pipeline build --no-cache`` in a subprocess, with its own DAGSTER_HOME); the peak
resident memory of that process (children included: the in-process executor runs every step in it)
is divided by the document's size in bytes. An empty build is measured too, so that the figure per
byte can also be given above the cost of starting Python, Dagster, jieba and the tagger.

``--stages`` also times ingest, sections and extraction as plain function calls on the document at
1x and 2x its size (the done-when of issue 15, item 10: twice as long takes at most 2.2 times as long).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PROSE = ("经济运行稳中有进，", "就业形势总体稳定。", "粮食产量创历史新高；", "居民收入增长5.1%，",
          "科技创新取得新突破。", "生态环境持续改善，", "改革开放不断深化。")


def document(shape: str, lines: int) -> str:
    """``han_lines``: one Han character a line; ``prose_lines``: a short clause a line;
    ``one_line``: the same bytes as ``han_lines`` with no line break at all."""
    if shape == "han_lines":
        han = "国家经济社会发展稳定改革创新"
        return "".join(f"{han[i % len(han)]}\n" for i in range(lines))
    if shape == "prose_lines":
        return "".join(f"{_PROSE[i % len(_PROSE)]}\n" for i in range(lines))
    if shape == "one_line":
        sentence = "国家经济社会发展稳定，改革创新取得新进展。"
        size = len(document("han_lines", lines).encode())
        return (sentence * (size // len(sentence.encode()) + 1)).encode()[:size // 3 * 3].decode()
    raise ValueError(shape)


def build(text: str | None) -> tuple[int, float]:
    """Peak RSS in bytes and wall seconds of a real build of ``text`` (None: a one-line document,
    the cost of starting Python, Dagster and the models). Run in a fresh helper process
    (``--child``), so that RUSAGE_CHILDREN sees that one build alone."""
    with tempfile.TemporaryDirectory(prefix="mem-") as tmp:
        seeds, home = Path(tmp, "seeds"), Path(tmp, "home")
        seeds.mkdir()
        home.mkdir()
        (seeds / "doc.txt").write_text(text if text is not None else "国家。\n", encoding="utf-8")
        env = {**os.environ, "DAGSTER_HOME": str(home), "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pipeline", "build", "--seeds", str(seeds),
                               "--outputs", str(Path(tmp, "out")), "--no-cache"],
                              env=env, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - start
    if proc.returncode:
        print(proc.stderr[-2000:], file=sys.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    return peak, seconds if proc.returncode == 0 else -seconds


def measured(text: str | None) -> tuple[int, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        if text is not None:
            f.write(text)
    try:
        out = subprocess.run([sys.executable, __file__, "--child", f.name if text is not None else ""],
                             capture_output=True, text=True, check=True).stdout.split()
    finally:
        Path(f.name).unlink()
    return int(out[0]), float(out[1])


def stage_times(text: str) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from pipeline.build import _extract_one, sections_of
    from pipeline.ingest import ingest_record
    from pipeline.ingest.sources import SourceRecord

    data = text.encode()
    record = SourceRecord(source_name="doc.txt", identity="doc.txt", data=data)
    times = {}
    start = time.perf_counter()
    doc = ingest_record(record)
    times["ingest"] = time.perf_counter() - start
    start = time.perf_counter()
    sections_of(doc.text)
    times["sections"] = time.perf_counter() - start
    start = time.perf_counter()
    _extract_one(doc)
    times["extract"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shapes", default="han_lines,prose_lines,one_line")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--stages", action="store_true", help="also time the stages at 1x and 2x")
    parser.add_argument("--stage-lines", type=int, default=0, help="lines for --stages (default: --lines)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        peak, seconds = build(Path(args.child).read_text(encoding="utf-8") if args.child else None)
        print(peak, seconds)
        return
    base, base_s = measured(None)
    print(f"empty build: peak {base / 1e6:.0f} MB, {base_s:.1f} s")
    for shape in args.shapes.split(","):
        text = document(shape, args.lines)
        size = len(text.encode())
        peak, seconds = measured(text)
        print(f"{shape}: {size / 1e6:.1f} MB input, peak {peak / 1e6:.0f} MB, {seconds:.1f} s, "
              f"{peak / size:.1f} bytes per byte ({(peak - base) / size:.1f} above an empty build)"
              + ("" if seconds > 0 else "  BUILD FAILED"))
    if args.stages:
        n = args.stage_lines or args.lines
        stage_times(document("prose_lines", 100))  # load jieba, the tagger and the word lists
        for shape in args.shapes.split(","):
            one, two = stage_times(document(shape, n)), stage_times(document(shape, 2 * n))
            print(f"{shape} stages at {n} and {2 * n} lines: " + ", ".join(
                f"{k} {one[k]:.2f} s -> {two[k]:.2f} s (x{two[k] / max(one[k], 1e-9):.2f})" for k in one))


if __name__ == "__main__":
    main()
