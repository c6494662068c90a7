"""Find people named with their office in running text (市交通运输局局长刘鹏表示)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import lexicon
from pipeline.sections.roles import looks_like_name, split_titles, title_pattern

# What follows a name in a sentence that introduces a speaker or officeholder.
_AFTER_NAME = r"(?=表示|说|介绍|指出|强调|认为|谈到|提出|称|坦言|告诉|透露|在|一行|率|带领|主持|出席|参加|会见|调研|，|、|。|：|；|（|\s|$)"
_ORG_CHARS = r"[\u4e00-\u9fff（）]"


@dataclass(frozen=True)
class PersonMention:
    person: str
    organization: str
    titles: tuple[str, ...]
    char_start: int
    char_end: int


@cache
def _pattern() -> re.Pattern:
    t = title_pattern()
    suffixes = "|".join(re.escape(s) for s in lexicon.org_suffixes())
    return re.compile(
        rf"(?P<org>{_ORG_CHARS}{{0,20}}?(?:{suffixes}))?"
        rf"(?P<titles>{t}(?:[、兼]{t})*)"
        rf"(?P<name>[\u4e00-\u9fff]{{2,3}}(?:·[\u4e00-\u9fff]{{1,6}})?){_AFTER_NAME}"
    )


def _clean_org(org: str) -> str:
    """Keep the organisation proper: drop leading words of the sentence glued onto it."""
    for lead in ("据", "由", "对", "向", "与", "和", "在", "经", "记者从", "从", "近日", "日前", "今天"):
        if org.startswith(lead) and len(org) > len(lead) + 1:
            org = org[len(lead):]
    return org


def extract_people(text: str) -> list[PersonMention]:
    found: list[PersonMention] = []
    for m in _pattern().finditer(text):
        name = m["name"]
        if not looks_like_name(name):
            # A three-character match may be a two-character name plus a verb (刘鹏在).
            if len(name) == 3 and looks_like_name(name[:2]):
                name = name[:2]
            else:
                continue
        if len(name) == 3 and name[2] in "在说称和与及等是对向率将也就又都":
            name = name[:2]
        org = _clean_org(m["org"] or "")
        start = m.start("org") if m["org"] else m.start("titles")
        if m["org"] and org != m["org"]:
            start += len(m["org"]) - len(org)
        end = m.start("name") + len(name)
        found.append(PersonMention(name, org, split_titles(m["titles"]), start, end))
    return found
