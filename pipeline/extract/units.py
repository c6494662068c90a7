"""The vocabulary of normalised units a metric row may carry."""

from __future__ import annotations

from functools import cache

from pipeline import lexicon

DENOMINATORS = ("平方米", "千瓦时", "小时", "公里", "人", "日", "天", "年", "月", "亩", "吨", "户", "次")


@cache
def unit_vocabulary() -> frozenset[str]:
    base = set(lexicon.units().values()) | {"%"}
    return frozenset(base | {f"{u}/{d}" for u in base for d in DENOMINATORS})
