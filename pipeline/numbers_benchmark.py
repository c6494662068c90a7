"""``python -m pipeline numbers-benchmark [--data DIR]``: score extract_metrics on Recognizers-Text's
Chinese number specifications (``../shared/benchmarks/numbers``, see its SOURCES.md).

Their answers follow Recognizers-Text's conventions; each is first mapped to ANNOTATION.md's
(``map_result``): English unit names to ours, a bare number with no unit after it to "no metric",
percentages of ``个百分点`` to the unit ``百分点``, ``千分之`` to ``‰``. A case is in scope unless it
holds a form no policy text uses (``OUT_OF_SCOPE``); it passes when every expected metric is found
with its value and unit, and, when nothing is expected, nothing is found. The specifications are
only read here, never used to build word lists or rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline import lexicon
from pipeline.extract.metrics import extract_metrics
from pipeline.extract.script import _to_simplified
from pipeline.ingest.normalize import split_paragraphs
from pipeline.text import HAN_RANGE

FILES = ("Number_NumberModel.json", "Number_PercentModel.json", "Number_NumberRangeModel.json",
         "NumberWithUnit_CurrencyModel.json", "NumberWithUnit_DimensionModel.json",
         "NumberWithUnit_AgeModel.json", "NumberWithUnit_TemperatureModel.json")

# Forms outside the documents this project reads, each with the reason (README: numbers-benchmark).
OUT_OF_SCOPE: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile("[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]"), "financial numerals (cheques and contracts, not policy text)"),
    (re.compile("折"), "discounts (shop prices)"),
    (re.compile(r"\d\s*[kK]|\^|\de[+-]?\d|\.\.\."), "English shorthand: 15k, 2^5, 1e1"),
    (re.compile("兆(?!赫|字节|瓦)|萬萬|万万"), "兆 and 万万 as 10^12 and 10^8 (Japanese and classical usage)"),
    (re.compile(r"[一二三四五六七八九十百千万亿点零两]\s+[一二三四五六七八九十百千万亿点零两分之]|百\s+分|分\s+[之点]|个\s+百"),
     "spaces inside a numeral or a unit (speech transcripts)"),
    (re.compile("[銭$￥]|美圆|美刀|美分|[角毛]|[元块]\\S?[一二三四五六七八九\\d]分"),
     "coins and symbols of shop prices: 美分, 5元3毛, ¥300"),
    (re.compile(r"\d\s+\d/\d|又|分之\s*负|负\d+分之"), "mixed fractions (1 3/5, 3又三分之一)"),
    (re.compile(f"^[^{HAN_RANGE}]*$|http"), "no Chinese text around the number"),
    (re.compile(r"\d{4}年\d{1,2}月|\d月\d{1,2}日"), "dates (no metric; SOURCES.md)"),
)

# Cases whose answer ANNOTATION.md gives differently from Recognizers-Text, with ours.
CONVENTIONS: dict[str, list[tuple[float, str]]] = {
    "二三十个百分点": [(20, "百分点")],  # neighbouring digits: an approximate range, 20 to 30
    "百分之二三十": [(20, "%")],
    "五百分之2.2": [(0.44, "%")],  # a fraction is a share
    "找出酒精量在5-20%之间的产品": [(5, "%")],  # a range is one metric valued at its low end
    "70 - 90天大的小孩应该去医院做检查": [(70, "天")],
    "还有20万次以上来观影的呀？": [(200000, "次")],  # 20万 is 200000 (the specification says 20000)
    "一位是最小的存储单位": [],  # 一位 is "one" with a measure word, no quantity
    "我问你啊就是那个幕后之王收视率超过了百分之零点九": [(0.9, "%")],  # 0.9 %: the specification says 90
    "10000与20000间": [], "-10000与20000间": [],  # bare numbers
}

# Recognizers-Text's unit names -> ANNOTATION.md's units, with the factor that puts the value in them.
UNITS: dict[str, tuple[str, float]] = {
    "Chinese yuan": ("元", 1), "United States dollar": ("美元", 1), "Dollar": ("美元", 1), "Euro": ("欧元", 1),
    "Japanese yen": ("日元", 1), "Hong Kong dollar": ("港元", 1), "Swiss franc": ("瑞士法郎", 1),
    "New Taiwan dollar": ("新台币", 1), "Nigerian naira": ("奈拉", 1), "Bitcoin": ("比特币", 1),
    "Mu": ("亩", 1), "Kilogram": ("公斤", 1), "Centimeter": ("厘米", 1), "Meter": ("米", 1),
    "Kilometer": ("公里", 1), "Ton": ("吨", 1), "Jin": ("斤", 1), "Liang": ("两", 1), "Gram": ("克", 1),
    "Microgram": ("微克", 1), "Kilowatt": ("千瓦", 1), "Kilocalorie": ("千卡", 1), "Hertz": ("赫兹", 1),
    "Megahertz": ("兆赫兹", 1), "Bit": ("比特", 1), "Kilobit": ("比特", 1000), "Kilobyte": ("字节", 1000),
    "Megabyte": ("兆字节", 1), "Year": ("岁", 1), "Month": ("月", 1), "Week": ("周", 1), "Day": ("天", 1),
    "C": ("℃", 1), "F": ("℉", 1), "Degree": ("度", 1),
}
# Words that make a bare number of the number model a metric: the measure word after it.
_RANGE_VALUE = re.compile(r"[\[(]?(-?[\d.]*),?(-?[\d.]*)[\])]?")
_COUNT_AFTER = 3


@dataclass
class Expected:
    """One answer in our conventions: a metric (value, unit) or, with unit None, no metric."""

    text: str
    value: float | None
    unit: str | None


def out_of_scope(text: str) -> str | None:
    """The reason a case stands outside policy text, or None. Read as written and as the build reads
    it (simplified, normalised): 四點 五 is the same space inside a numeral as 四点 五, 15Ｋ as 15k."""
    reading = _reading(text)
    return next((reason for pattern, reason in OUT_OF_SCOPE if pattern.search(text) or pattern.search(reading)),
                None)


def _count_unit(source: str, end: int) -> str | None:
    """The normalised unit right after a bare number of the number model (199个, 一百对), if any."""
    after = _reading(source[end:end + _COUNT_AFTER + 4]).lstrip()
    table = lexicon.units()
    return next((table[u] for u in sorted(table, key=len, reverse=True) if after.startswith(u)), None)


def _percent(source: str, result: dict) -> Expected:
    value = float(result["Resolution"]["value"].rstrip("%"))
    text = result["Text"]
    if "百分点" in _reading(text).replace(" ", ""):  # 個百分點 too
        return Expected(text, value, "百分点")
    if text.startswith("千分之"):
        return Expected(text, round(value * 10, 6), "‰")
    return Expected(text, value, "%")


def _range_low(value: str) -> float | None:
    m = _RANGE_VALUE.fullmatch(value.replace(" ", ""))
    if not m:
        return None
    low, high = m.group(1), m.group(2)
    return float(low) if low else (float(high) if high else None)


def map_result(name: str, source: str, result: dict) -> Expected:
    """Recognizers-Text's answer in ANNOTATION.md's conventions."""
    resolution = result.get("Resolution") or {}
    text, raw_value = result["Text"], resolution.get("value")
    if raw_value is None:
        return Expected(text, None, None)  # a currency or unit named with no number (人民币, °C)
    if name == "Number_PercentModel.json":
        return _percent(source, result)
    if name.startswith("NumberWithUnit"):
        unit, factor = UNITS.get(resolution.get("unit", ""), (None, 1))
        return Expected(text, float(raw_value) * factor if unit else None, unit)
    value = _range_low(raw_value) if name == "Number_NumberRangeModel.json" else float(raw_value)
    start, end = result.get("Start", 0), result.get("End", -1) + 1
    after_percent = source[max(0, start - 3):start] in ("百分之", "百分之")
    if value is not None and ("分之" in text or after_percent):
        if text.startswith(("百分之", "百分之")) or after_percent:
            return Expected(text, value, "%")
        return Expected(text, round(value * 100, 6), "%")  # a fraction is a share
    if value is not None and "%" in text:
        return Expected(text, value, "%")
    unit = _count_unit(source, end) if end > 0 else None
    return Expected(text, value, unit)  # no measure word after: no metric, by ANNOTATION.md


def _reading(source: str) -> str:
    """The case as the build reads a document: normalised characters, simplified script (a case
    is one line of a document written in its script: too short for reading_text's own test)."""
    return _to_simplified("\n".join(p.text for p in split_paragraphs(source)))


def _found(metric_values: list[tuple[float, str]], want: Expected) -> bool:
    return any(unit == want.unit and abs(value - want.value) <= 1e-6 * max(1.0, abs(want.value))
               for value, unit in metric_values)


def score_case(name: str, case: dict) -> tuple[bool, list[Expected], list[tuple[str, float, str]]]:
    """(passed, expected, found) for one case."""
    source = case["Input"]
    if _reading(source) in CONVENTIONS:
        expected = [Expected("", v, u) for v, u in CONVENTIONS[_reading(source)]]
    else:
        expected = [map_result(name, source, r) for r in case.get("Results", [])]
    found = [(m.raw_text, m.value, m.unit) for m in extract_metrics(_reading(source))]
    metrics = [e for e in expected if e.unit is not None and e.value is not None]
    values = [(v, u) for _, v, u in found]
    if not metrics:
        return not found, expected, found
    return all(_found(values, e) for e in metrics), expected, found


def _cases(data: Path, name: str) -> Iterable[dict]:
    return json.loads((data / name).read_text(encoding="utf-8-sig"))


def run(data: Path, show_failures: bool = True) -> int:
    total_in, total_ok, unit_in, unit_ok = 0, 0, 0, 0
    for name in FILES:
        if not (data / name).exists():
            print(f"{name}: missing")
            continue
        in_scope, ok, failures, out = 0, 0, [], 0
        for case in _cases(data, name):
            if out_of_scope(case["Input"]):
                out += 1
                continue
            in_scope += 1
            passed, expected, found = score_case(name, case)
            ok += passed
            if any(e.unit for e in expected):
                unit_in, unit_ok = unit_in + 1, unit_ok + passed
            if not passed:
                want = [(e.text, e.value, e.unit) for e in expected]
                failures.append(f"  {case['Input'][:60]!r}: expected {want} found {found}")
        share = ok / in_scope if in_scope else 0.0
        print(f"{name}: in_scope={in_scope} out_of_scope={out} both_ok={ok} share={share:.3f}")
        if show_failures:
            print("\n".join(failures))
        total_in, total_ok = total_in + in_scope, total_ok + ok
    print(f"cases with a metric expected: in_scope={unit_in} both_ok={unit_ok} "
          f"share={unit_ok / unit_in if unit_in else 0:.3f}")
    print(f"numbers: in_scope={total_in} both_ok={total_ok} share={total_ok / total_in if total_in else 0:.3f}")
    return 0
