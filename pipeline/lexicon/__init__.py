"""Word lists the extractors read: titles, surnames, units, cue words.

Each list is a data file beside this module, with a note on where its entries come
from, so that extending the vocabulary never means editing code.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


# What a place name ends with (北京市, 李庄镇, 宁夏回族自治区): a name ending so is a place, not a
# person or an organisation, whatever the tagger says.
PLACE_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "州", "盟", "旗", "街道", "社区", "自治区", "自治州")


@cache
def titles() -> tuple[str, ...]:
    """Office titles, longest first so that 党组书记 wins over 书记."""
    return tuple(sorted(set(_lines("titles.txt")), key=len, reverse=True))


@cache
def surnames() -> frozenset[str]:
    return frozenset(w for line in _lines("surnames.txt") for w in line.split())


@cache
def words(name: str) -> frozenset[str]:
    """A word list of the people extractor: the whitespace-separated entries of ``<name>.txt``
    (body_stop_words, body_words, clause_verbs, title_heads, not_titles, transliteration_chars)."""
    return frozenset(w for line in _lines(f"{name}.txt") for w in line.split())


@cache
def countries() -> frozenset[str]:
    return frozenset(w for line in _lines("countries.txt") for w in line.split())


@cache
def org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(set(_lines("org_suffixes.txt")), key=len, reverse=True))


@cache
def known_names() -> dict[str, str]:
    """Names the tagger misses, with their NER kind: national and international bodies the
    suffix rules cannot see (民进, 东盟, 新华社: ORG) and regions (亚太, 两岸: LOC)."""
    names = dict.fromkeys(_lines("regions.txt"), "LOC")
    names.update(dict.fromkeys(_lines("organizations.txt"), "ORG"))
    return names


@cache
def place_abbreviations() -> dict[str, tuple[str, str]]:
    """One-character short form -> (country or continent, province) it stands for; either may be ''."""
    table = {}
    for line in (DATA / "place_abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            char, country, province = (line.split("\t") + ["", ""])[:3]
            table[char] = (country, province)
    return table


@cache
def org_name_verbs() -> frozenset[str]:
    return frozenset(_lines("org_name_verbs.txt"))


@cache
def units() -> dict[str, str]:
    """Surface form -> normalised unit (千米 -> 公里, 个百分点 -> 百分点)."""
    table = {}
    for line in _lines("units.tsv"):
        surface, _, unit = line.partition("\t")
        table[surface.strip()] = (unit.strip() or surface.strip())
    return table


@cache
def cues() -> dict:
    return json.loads((DATA / "cues.json").read_text(encoding="utf-8"))


@cache
def traditional_chars() -> frozenset[str]:
    return frozenset(w for line in _lines("traditional_chars.txt") for w in line.split())
