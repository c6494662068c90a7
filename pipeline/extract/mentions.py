"""Named things in a document, each with offsets and a canonical name.

Persons, organisations and places come from the NER tagger (pipeline.extract.ner) and the
people extractor; meetings, plans, documents and programmes have shapes regular enough for
patterns (市委十三届十次全会, “十五五”规划, 《…建议》, “沃土计划”).

A canonical name lets one thing written two ways be one entity: 市工业和信息化局 in a
Hohhot document is 呼和浩特市工业和信息化局, because a bare 市 means the document's own city,
the city it names most. Meetings lose 第, 全体会议 becomes 全会, and 党的/中共 before a
national session number is dropped, so that 党的二十届四中全会 and 二十届四中全会 meet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.extract.ner import ner_mentions
from pipeline.extract.people import PersonMention, extract_people
from pipeline.extract.spans import SpanSet, drop_contained
from pipeline.extract.tagger import Analysis, analyse
from pipeline.text import HAN_RANGE

NER_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}

_NUM = "[一二三四五六七八九十百零〇]"
# Administrative levels a bare prefix (市委, 区政府, 自治区党委) refers to, longest first.
LEVELS = ("自治区", "自治州", "自治县", "省", "市", "州", "盟", "县", "区", "旗")
_BODY = r"(?:党委|委|人大常委会|人大|政协|政府)"
_MEETING = re.compile(
    rf"(?P<body>(?:中共)?(?:{'|'.join(LEVELS)}){_BODY}|党的|中共|全国人大|全国政协)?"
    rf"(?P<session>第?{_NUM}{{1,4}}届(?:全国人民代表大会(?:常务委员会)?|全国人大(?:常委会)?|全国政协|全国委员会"
    rf"|中央委员会|人大(?:常委会)?|政协|委员会)?"
    rf"(?:第?{_NUM}{{1,3}}次|{_NUM}{{1,2}}中)(?:全体会议|全会|会议))"
    rf"|(?P<congress>(?:中国共产党|中共|党的)?第{_NUM}{{1,3}}次全国代表大会|党的{_NUM}{{1,3}}大|中共{_NUM}{{1,3}}大"
    rf"|第?{_NUM}{{1,3}}次党代会"
    # a bare 二十大 only where the sentence goes on as it does after a congress (not 十大工程)
    rf"|(?<!{_NUM})(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大"
    rf"(?=精神|报告|以来|代表|召开|期间|胜利|开幕|闭幕|部署|提出|确定|作出|通过|党章|主席团|[的和与及上前后、，。；”）]))"
)
# Every meeting starts with one of these characters (a level word, 中共/党的/全国, 第 or a numeral):
# checking that first makes the scan of a text without meetings seven times cheaper, since the
# engine otherwise tries each alternative of the optional body at every position.
_MEETING_FIRST = "".join(sorted({level[0] for level in LEVELS} | set("中党全第") | set(_NUM[1:-1])))
_MEETING_SCAN = re.compile(rf"(?=[{_MEETING_FIRST}])(?:{_MEETING.pattern})")
_PLAN = re.compile(rf"“?(?P<period>十{_NUM}五)”?(?:[{HAN_RANGE}]{{0,12}}?)规划(?:纲要)?")
_DOCUMENT = re.compile(r"《(?P<title>[^《》\n]{2,80})》")
_PROGRAMME = re.compile(r"“(?P<name>[^“”\n，。]{1,16}(?:计划|工程|行动|战略|品牌|项目|示范区|试验区))”")


@dataclass(frozen=True)
class NamedMention:
    kind: str
    text: str
    canonical: str
    char_start: int
    char_end: int
    source: str  # pattern, ner or people


def _pattern_mentions(text: str) -> list[tuple[str, int, int]]:
    found = []
    for m in _MEETING_SCAN.finditer(text):
        found.append(("meeting", m.start(), m.end()))
    for m in _PLAN.finditer(text):
        found.append(("plan", m.start(), m.end()))
    for m in _DOCUMENT.finditer(text):
        found.append(("document", m.start(), m.end()))
    for m in _PROGRAMME.finditer(text):
        found.append(("programme", m.start(), m.end()))
    return found


_LEADING_PLACE = re.compile(rf"(?:中共)?([{HAN_RANGE}]{{2,8}}?(?:{'|'.join(LEVELS)}))")


def home_places(places: list[str], organizations: list[str]) -> dict[str, str]:
    """For each administrative level, the place of that level the document names most (呼和浩特市),
    counting places named alone and at the head of organisation names."""
    heads = [m[1] for o in organizations if (m := _LEADING_PLACE.match(o))]
    counts = Counter(p for p in places + heads if len(p) > 2 or p.endswith(("省", "市")))
    home: dict[str, str] = {}
    for level in LEVELS:
        named = [(n, p) for p, n in counts.items() if p.endswith(level) and len(p) > len(level) + 1]
        if named:
            home[level] = max(named)[1]
    return home


def canonical_name(kind: str, text: str, home: dict[str, str]) -> str:
    name = re.sub(r"\s+", "", text.strip("“”\"《》"))
    if kind == "meeting":
        name = name.replace("全体会议", "全会").replace("第", "")
        # 中国共产党第二十次全国代表大会 is 二十大; another party's congress keeps its words
        name = re.sub(rf"^(?:中国共产党|中共|党的)({_NUM}+)次全国代表大会$", r"\1大", name)
        name = re.sub(rf"^(?:党的|中共|中国共产党)(?={_NUM}+(?:届|大))", "", name)
    if kind == "plan":
        name = name.replace("”", "").replace("“", "")
    if kind in ("organization", "meeting"):
        for party in ("中国共产党", "中共"):
            if name.startswith(party) and len(name) > len(party) + 2:
                name = name[len(party):]
        # 呼和浩特市第十三届委员会第十次全体会议 is 呼和浩特市委十三届十次全会
        name = re.sub(rf"({'|'.join(LEVELS)})({_NUM}+届)委员会", r"\1委\2", name)
        for level in LEVELS:
            if name.startswith(level) and level in home and not name.startswith(home[level]):
                name = home[level] + name[len(level):]
                break
    return name


def find_mentions(text: str, people: list[PersonMention] | None = None,
                  analysis: Analysis | None = None) -> list[NamedMention]:
    """Every named thing, non-overlapping: patterns first, then people with offices, then NER.
    ``people`` and ``analysis`` save running the people extractor and the tagger again when the
    caller already has their output."""
    spans: list[tuple[str, int, int, str]] = [(k, a, b, "pattern") for k, a, b in _pattern_mentions(text)]
    analysis = analysis or analyse(text)
    people = extract_people(text, analysis) if people is None else people
    for p in people:
        if text[p.name_start:p.name_start + len(p.person)] == p.person:
            spans.append(("person", p.name_start, p.name_start + len(p.person), "people"))
        if p.organization and text.startswith(p.organization, p.org_start):
            spans.append(("organization", p.org_start, p.org_start + len(p.organization), "people"))
    ner = ner_mentions(text, people, analysis)
    spans += [(NER_KINDS[m.kind], m.start, m.end, "ner") for m in ner]
    full_names = {(m.start, m.end): m.canonical for m in ner if m.canonical}  # 美 -> 美国
    taken = SpanSet()
    kept = [s for s in spans if taken.add(s[1], s[2])]  # earlier sources win overlaps
    kept = _join_place_heads(sorted(kept, key=lambda s: (s[1], s[2])), text)
    kept = _propagate(kept, text)
    home = home_places([text[a:b] for kind, a, b, _ in kept if kind == "place"],
                       [text[a:b] for kind, a, b, _ in kept if kind in ("organization", "meeting")])
    kept = _extend_to_home_place(kept, text, home)
    return [NamedMention(kind, text[a:b], full_names.get((a, b)) or canonical_name(kind, text[a:b], home), a, b, source)
            for kind, a, b, source in kept]


def _extend_to_home_place(spans: list[tuple[str, int, int, str]], text: str,
                          home: dict[str, str]) -> list[tuple[str, int, int, str]]:
    """市委… preceded by 呼和浩特 in a Hohhot document is 呼和浩特市委…: take the place into the mention."""
    out = []
    for kind, a, b, source in spans:
        if kind in ("meeting", "organization"):
            for level in LEVELS:
                place = home.get(level)
                if place and text.startswith(level, a) and text.endswith(place[:-len(level)], 0, a):
                    a -= len(place) - len(level)
                    break
        out.append((kind, a, b, source))
    return drop_contained(out, start=lambda s: s[1], end=lambda s: s[2])


def _join_place_heads(spans: list[tuple[str, int, int, str]], text: str) -> list[tuple[str, int, int, str]]:
    """呼和浩特市 + 委十三届十次全会 is one meeting: a place right before a meeting or organisation
    that starts with the place's own level word joins it (the pattern cannot tell where a place
    name begins, the tagger can)."""
    out: list[tuple[str, int, int, str]] = []
    for kind, a, b, source in spans:
        if out and kind in ("meeting", "organization") and out[-1][0] == "place" and out[-1][2] == a:
            place = text[out[-1][1]:a]
            if not text.startswith(LEVELS, a) or place.endswith(LEVELS):
                joined = out.pop()
                out.append((kind, joined[1], b, source))
                continue
        out.append((kind, a, b, source))
    return out


def _propagate(spans: list[tuple[str, int, int, str]], text: str) -> list[tuple[str, int, int, str]]:
    """A name recognised once is the same name where it recurs (市教育局 with a title the first
    time, alone the second): find every other free occurrence of each recognised surface form."""
    taken = SpanSet()
    for _, a, b, _ in spans:
        taken.add(a, b)
    out = list(spans)
    forms = {text[a:b]: (kind, source) for kind, a, b, source in spans if b - a >= (2 if kind == "person" else 3)}
    for form, (kind, source) in list(forms.items()):
        if kind == "organization" and (head := _LEADING_PLACE.match(form)):
            level = next(level for level in LEVELS if head[1].endswith(level))
            short = level + form[head.end():]
            if len(short) >= 3:
                forms.setdefault(short, (kind, source))  # 呼和浩特市教育局, later 市教育局
    for form in sorted(forms, key=len, reverse=True):
        kind, source = forms[form]
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if taken.add(at, end):
                out.append((kind, at, end, source))
            at = text.find(form, end)
    return sorted(out, key=lambda s: (s[1], s[2]))
