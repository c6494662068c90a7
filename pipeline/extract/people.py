"""Find people named with their office in running text (市交通运输局局长刘鹏表示)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import lexicon
from pipeline.sections.roles import looks_like_name, split_titles, title_pattern, word_tags

# What follows a name in a sentence that introduces a speaker or officeholder.
_AFTER_NAME = (r"(?=表示|说|则|介绍|指出|强调|认为|谈到|提出|称|坦言|告诉|透露|在|一行|率|带领|主持|出席|参加|会见|"
               r"先后|分别|共同|一同|亲切|再次|随后|首先|"
               r"调研|同志|等|会见|致辞|讲话|发表|宣布|签署|通报|作|，|、|。|：|；|（|”|\s|$)")
_NAME = r"(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}?(?:·[\u4e00-\u9fff]{1,6}?)?)"
# Verbs that can stick to a two-character name when the sentence runs on (刘鹏说，).
_GLUED_VERBS = "说称等在也就又都是将率则"
_ORG_CHARS = r"[\u4e00-\u9fff（）·]"


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
    # 党 ends a party's name (中国致公党), but before a title it starts 党总支书记, 党支部书记.
    suffixes = "|".join(re.escape(s) for s in lexicon.org_suffixes() if s != "党")
    return re.compile(
        rf"(?P<org>{_ORG_CHARS}{{0,20}}?(?:{suffixes}))?"
        rf"(?P<titles>{t}(?:[、兼]{t})*)"
        rf"(?P<name>{_NAME}){_AFTER_NAME}"
    )


# Name before title at the start of a clause: 习近平总书记强调, 李强总理指出.
_SPEECH_AFTER = r"(?=表示|说|指出|强调|介绍|认为|主持|出席|会见|致辞|讲话|发表|宣布|签署|在|，|。|：|“)"


@cache
def _name_first() -> re.Pattern:
    return re.compile(rf"(?:^|(?<=[，。；：、“（\s]))(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<titles>{title_pattern()}){_SPEECH_AFTER}",
                      re.MULTILINE)


@cache
def _co_listed() -> re.Pattern:
    """Further names sharing the same office: 副主席张庆黎、刘奇葆、帕巴拉·格列朗杰."""
    return re.compile(rf"、(?P<name>{_NAME}){_AFTER_NAME}")


# Verbs and prepositions that end the sentence's own words before an organisation
# (吴瀚飞主持召开与人民日报社社长…: the organisation starts after 与).
_ORG_LEAD_BREAK = re.compile(r"(?:主持|召开|会见|出席|会同|联合|听取|了|与|同|向|对|据|由|从|为|给|是)")


def _clean_org(org: str) -> str:
    """Keep the organisation proper: drop leading words of the sentence glued onto it."""
    org = org.rsplit("的", 1)[-1]
    parts = _ORG_LEAD_BREAK.split(org)
    if len(parts) > 1 and len(parts[-1]) >= 2:
        org = parts[-1]
    if len(org) <= 2 and org in lexicon.org_suffixes() and org not in ("中央", "政协"):
        return ""  # 公司总经理: a generic word alone names no organisation (国务院 does)
    for lead in ("据", "由", "对", "向", "与", "和", "在", "记者从", "从", "近日", "日前", "今天", "专访", "访"):
        if org.startswith(lead) and len(org) > len(lead) + 1:
            org = org[len(lead):]
    return org


def _name(raw: str) -> str | None:
    if len(raw) == 3 and raw[2] in _GLUED_VERBS and looks_like_name(raw[:2]):
        return raw[:2]
    if looks_like_name(raw):
        return raw
    return raw[:2] if len(raw) == 3 and looks_like_name(raw[:2]) else None


def _place_word_before(text: str, m: re.Match) -> bool:
    """四川地处长江上游: 处 ends a word with the character before it (地处, 到处, 各处), so 处长 is no
    title there. After an organisation (管理处处长) it always is one."""
    at = m.start("titles")
    return not m["org"] and text.startswith("处", at) and at > 0 and text[at - 1:at + 1] in word_tags()


def extract_people(text: str) -> list[PersonMention]:
    found: list[PersonMention] = []
    for m in _pattern().finditer(text):
        name = _name(m["name"])
        if name is None or _place_word_before(text, m):
            continue
        org = _clean_org(m["org"] or "")
        start = m.start("org") if m["org"] else m.start("titles")
        if m["org"] and org != m["org"]:
            start += len(m["org"]) - len(org)
        titles = split_titles(m["titles"])
        end = m.start("name") + len(name)
        found.append(PersonMention(name, org, titles, start, end))
        pos = end
        while (more := _co_listed().match(text, pos)) and (other := _name(more["name"])):
            found.append(PersonMention(other, org, titles, more.start("name"), more.start("name") + len(other)))
            pos = more.start("name") + len(other)
    taken = {(p.char_start, p.char_end) for p in found}
    for m in _name_first().finditer(text):
        name = m["name"]
        if not looks_like_name(name) or any(a <= m.start() < b for a, b in taken):
            continue
        # 李强总理指出: the mention is the name; the titles after it are still its titles
        found.append(PersonMention(name, "", split_titles(m["titles"]), m.start("name"), m.end("name")))
    found.sort(key=lambda p: p.char_start)
    return found
