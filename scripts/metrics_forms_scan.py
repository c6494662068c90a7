"""Scan the bench corpus for issue 14's forms: per form, how many mentions the extractor reads and
how many it reads wrong. ``python scripts/metrics_forms_scan.py [--corpus PATH]``.

Why: the forms were silent wrong values (一千零十 read as 1000); a user cannot see them, so the check
must look at every mention in real text, not at test sentences. Each form is a regex with its own
expected reading (value and unit, or "no metric"), computed independently of the scanner's code.
A mention is read when a metric overlaps it, and wrong when no overlapping metric has the expected
value and unit (or, for forms that are no metric, when one does).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bench.jsonl.gz"
CN = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
MAG = {"万": 1e4, "亿": 1e8}


def _cn(d: str) -> int:
    return CN[d]


def _mixed(s: str) -> float:
    """4亿5679万 -> 456790000, read by hand: the digits before 亿, then before 万, then the rest."""
    m = re.fullmatch(r"(?:(\d+)亿)?(?:(\d+)万)?(\d+)?", s)
    return (int(m[1] or 0) * 1e8 + int(m[2] or 0) * 1e4 + int(m[3] or 0)) if m else float("nan")


# (name, pattern, expected (value, unit) from the match, or None for "no metric")
Expectation = Callable[[re.Match], tuple[float, str] | None]
FORMS: list[tuple[str, re.Pattern, Expectation]] = [
    ("一千零十 (X千零Y十)", re.compile(r"(?<![一二三四五六七八九十百千万亿零两])([一二三四五六七八九])千零([一二三四五六七八九])?十([一二三四五六七八九])?(万)?(?=[人个元名])"),
     lambda m: ((_cn(m[1]) * 1000 + 10 * (_cn(m[2]) if m[2] else 1) + (_cn(m[3]) if m[3] else 0)) * (1e4 if m[4] else 1), "")),
    ("X成半", re.compile(r"(?<![一二三四五六七八九十\d])([一二三四五六七八九])成半"), lambda m: (_cn(m[1]) * 10 + 5, "%")),
    ("X斤半", re.compile(r"(?<![\d一二三四五六七八九十])(\d+)斤半"), lambda m: (int(m[1]) + 0.5, "斤")),
    ("负X%", re.compile(r"(?<=[长降为是从至到达比均，])负(\d+(?:\.\d+)?)%"), lambda m: (-float(m[1]), "%")),
    ("-X%", re.compile(r"(?<=[长降为是从至到达比均，：（ ])-(\d+(?:\.\d+)?)%"), lambda m: (-float(m[1]), "%")),
    ("X亿Y万", re.compile(r"(?<![\d.])(\d+亿\d+万)(?=[人元个例件吨户])"), lambda m: (_mixed(m[1]), "")),
    ("X万Y (1万600)", re.compile(r"(?<![\d.亿])(\d+万\d{3,4})(?![\d.万亿千百])(?=[人元个])"), lambda m: (_mixed(m[1]), "")),
    ("X万Y千人", re.compile(r"(?<![\d.])(\d+)万(\d)千人"), lambda m: (int(m[1]) * 1e4 + int(m[2]) * 1000, "人")),
    # a sign before (零下50℃, -20℃, 负5℃) is part of the reading; a hyphen after a digit is a range's dash
    ("X℃ / X摄氏度", re.compile(r"(零下|负|(?<![\dA-Za-z.])-)?(?<![\d.])(\d+(?:\.\d+)?)(?:℃|摄氏度)"),
     lambda m: (-float(m[2]) if m[1] else float(m[2]), "℃")),
    ("X微克/立方米", re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)微克/立方米"), lambda m: (float(m[1]), "微克/立方米")),
    ("X周岁", re.compile(r"(?<![\d.])(\d+)周岁"), lambda m: (float(m[1]), "岁")),
    ("X万亿 in Chinese numerals", re.compile(r"(?<![一二三四五六七八九十百千])([一二三四五六七八九])十([一二三四五六七八九])万亿元"),
     lambda m: ((_cn(m[1]) * 10 + _cn(m[2])) * 1e12, "元")),
    ("万分之X", re.compile(r"(?<![一二两三四五六七八九十百千万])万分之([一二三四五六七八九])(?![十百千点])"), lambda m: (_cn(m[1]) / 100, "%")),
    ("百分之百", re.compile(r"百分之百(?!分)"), lambda m: (100.0, "%")),
    ("X 个百分点 (space)", re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) +个百分点"), lambda m: (float(m[1]), "百分点")),
    ("ASCII cm/km/kg", re.compile(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(cm|km|kg)(?![A-Za-z])"),
     lambda m: (float(m[1]), {"cm": "厘米", "km": "公里", "kg": "公斤"}[m[2]])),
    # 10块钱 is money (元); L-SAR01组 and U16组 are codes
    ("X枚/组/块/架次/对", re.compile(r"(?<![\d.第A-Za-z-])(\d+)(架次|枚|组|块|对)(钱)?(?![象比话])"),
     lambda m: (float(m[1]), "元" if m[3] else m[2])),
    ("tally 金银铜", re.compile(r"(?<!\d)(\d+)金(?=\d+银)"), lambda m: (float(m[1]), "枚")),
    # found while raising the numbers benchmark: 33，212万吨 was read as 212万吨
    ("X，YYY (full-width thousands)", re.compile(r"(?<![\d，.])(\d{1,3}(?:，\d{3})+)(?!\d|，\d)(万|亿)?(?=[吨元人个台亩])"),
     lambda m: (int(m[1].replace("，", "")) * MAG.get(m[2] or "", 1), "")),
    ("X万千瓦 in Chinese numerals", re.compile(r"(?<![一二三四五六七八九十百千万])([一二三四五六七八九])十万千瓦"),
     lambda m: (_cn(m[1]) * 1e5, "千瓦")),
    ("前X位 (rank)", re.compile(r"前(\d+)位"), lambda m: None),
    ("1美元兑 (rate base)", re.compile(r"(?<![\d.])1美元兑"), lambda m: None),
]


def _wrong(metrics: list[dict], want: tuple[float, str] | None) -> bool:
    if want is None:
        return bool(metrics)
    value, unit = want
    return not any(any(v is not None and abs(v - value) < 1e-6 * max(1, abs(value)) for v in (m["value"], m["high"]))
                   and (not unit or m["unit"] == unit) for m in metrics)  # the end of a range (4—8℃) counts


def scan(corpus: Path) -> dict[str, list[int]]:
    from pipeline.extract.metrics import extract_metrics

    counts = {name: [0, 0, 0] for name, _, _ in FORMS}  # mentions, read, wrong
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            hits = [(name, m, want) for name, pattern, want in FORMS for m in pattern.finditer(text)]
            if not hits:
                continue
            found = [{"start": x.char_start, "end": x.char_end, "value": x.value, "high": x.value_high, "unit": x.unit}
                     for x in extract_metrics(text)]
            for name, m, want in hits:
                near = [x for x in found if x["start"] < m.end() and x["end"] > m.start()]
                counts[name][0] += 1
                counts[name][1] += bool(near)
                counts[name][2] += _wrong(near, want(m))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    counts = scan(args.corpus)
    for name, (mentions, read, wrong) in counts.items():
        print(f"{name}: mentions={mentions} read={read} wrong={wrong}")
    print(f"forms: mentions={sum(c[0] for c in counts.values())} wrong={sum(c[2] for c in counts.values())}")


if __name__ == "__main__":
    main()
