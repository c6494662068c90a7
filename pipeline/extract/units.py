"""The vocabulary of normalised units a metric row may carry."""

from __future__ import annotations

from functools import cache

from pipeline import lexicon

# 立方米 and 升 for concentrations (35微克/立方米, 5毫克/升): ANNOTATION.md counts them as metrics.
DENOMINATORS = ("平方米", "立方米", "千瓦时", "小时", "公里", "人", "日", "天", "年", "月", "亩", "吨", "户", "次", "升")


@cache
def unit_vocabulary() -> frozenset[str]:
    from pipeline.extract.script import traditional_forms

    base = set(lexicon.units().values()) | {"%"}
    simplified = base | {f"{u}/{d}" for u in base for d in DENOMINATORS}
    return frozenset(simplified | {t for u in simplified for t in traditional_forms(u)})
