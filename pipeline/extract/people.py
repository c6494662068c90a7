"""Find people named with their office: 市交通运输局局长刘鹏表示, 刘鹏局长指出, 副市长张三、李四出席,
中共中央总书记、国家主席、中央军委主席习近平, 代区长  向诗兵.

The extractor is anchored on names, not on sentence shapes: a name (the tagger's person, or a
surname-led name right after a title) with a title chain just before it, read right to left
(title, then the body it belongs to, then ``、``/``兼`` and the title before), or a title just
after it. What follows the name does not matter, so a name in the middle of a clause counts.
Titles are an open class: the listed ones with their modifiers (常务副, 执行, 首席, 二级…), or a word
ending in a title head (干事长, 参议长, 总督) right before a name.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from pipeline import lexicon
from pipeline.extract.tagger import Analysis, Mention, analyse
from pipeline.lexicon.dictionary import word_tags
from pipeline.lexicon.names import looks_like_name, title_pattern
from pipeline.text import HAN, HAN_RANGE

_MAX_BODY = 24  # characters of an organisation before its title
_MAX_TITLE = 14
_GAP = re.compile(r"[ \t\u3000\u00a0]{1,8}|[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*")  # signature lines: 代区长  向诗兵
_HAN = HAN
# Word lists live in pipeline/lexicon/ (each file says what it holds and why).
# Words that end the sentence's own words before an organisation, whatever jieba's tag says.
_BODY_STOP = lexicon.words("body_stop_words")
# Verbs of a sentence about a person that never stand inside a body's name.
_CLAUSE_VERBS = lexicon.words("clause_verbs")
# Words jieba tags as verbs that stand inside names of bodies (发展和改革委员会, 新开发银行).
_BODY_VERBS = lexicon.org_name_verbs()
# Characters a word of a body may hold besides Han: 刚果（布）, 中国·东盟.
_BODY_CHARS = re.compile(rf"[{HAN_RANGE}（）·]+")
# A word ending in one of these before a name is a title even when no list has it (干事长, 总督).
_TITLE_HEADS = tuple(sorted(lexicon.words("title_heads")))
_NOT_TITLES = lexicon.words("not_titles")


@dataclass(frozen=True)
class PersonMention:
    """One mention of a person with an office; every field is a slice of the text it came from."""
    person: str
    organization: str
    titles: tuple[str, ...]
    char_start: int  # first character of the mention: the body, the first title or the name
    char_end: int  # end of the mention: the end of the name, or of the title after it
    name_start: int = -1
    org_start: int = -1
    title_starts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.name_start < 0:
            object.__setattr__(self, "name_start", self.char_end - len(self.person))
        if self.org_start < 0:
            object.__setattr__(self, "org_start", self.char_start)


@dataclass(frozen=True)
class _Item:
    """One office of a chain: the body named with it (maybe empty) and the title."""
    body_start: int
    body_end: int
    title_start: int
    title_end: int


@cache
def _title_full() -> re.Pattern:
    mods = rf"(?:常务副|副|代理|代|候任|高级|执行|常务|第一|首席|名誉|荣誉|专职|驻会|候补|特聘|客座|资深|[一二三四]级|总|驻[{HAN_RANGE}]{{1,6}}?(?=(?:特命全权)?(?:大使|公使|总领事|领事|代表|参赞)))"
    envoy = rf"常?驻[{HAN_RANGE}]{{1,6}}?代表"  # 代表 alone is too often no title (not_titles.txt); 驻黎巴嫩代表 is one
    return re.compile(rf"{mods}*(?:{title_pattern()}|{envoy})(?:助理)?")


@cache
def _title_start() -> re.Pattern:
    """Any listed title, for finding where a name may follow one."""
    return re.compile(title_pattern())


def _listed_title_ending_at(text: str, end: int, floor: int) -> int | None:
    """Start of the longest listed title (with its modifiers) that ends at ``end``."""
    full = _title_full()
    for size in range(min(_MAX_TITLE, end - floor), 0, -1):
        if full.fullmatch(text, end - size, end):
            return end - size
    return None


def _word_ending_at(words: _WordIndex, end: int) -> tuple[int, int] | None:
    start = words.start_of_word_ending.get(end)
    return (start, end) if start is not None else None


def _open_title_ending_at(text: str, end: int, words: _WordIndex) -> int | None:
    """A word that ends in a title head and is no common noun: 干事长, 参议长, 行政长官."""
    span = _word_ending_at(words, end)
    if span is None:
        return None
    word = text[span[0]:end]
    if 2 <= len(word) <= 5 and word.endswith(_TITLE_HEADS) and word not in _NOT_TITLES \
            and not any(c in _FUNCTION_CHARS for c in word):  # 已使徐惠琴拿到: 已使 is no title
        tag = word_tags().get(word)
        if tag is None or (tag.startswith("n") and tag != "ns"):  # jieba tags 顾问 a name
            return span[0]
    return None


_FUNCTION_CHARS = frozenset("已将把被使让给对向在为与和及也都又就了的着过")


def _title_ending_at(text: str, end: int, floor: int, words: _WordIndex) -> int | None:
    listed = _listed_title_ending_at(text, end, floor)
    if listed is not None:
        return listed
    return _open_title_ending_at(text, end, words)


class _Positions:
    """An int (or nothing) for each position of a text, in one array: a dict of every character
    of a long document cost about 100 bytes a character."""

    def __init__(self, size: int):
        self._values = array("i", [-1]) * (size + 1)

    def set_range(self, start: int, end: int, value: int) -> None:
        self._values[start:end] = array("i", [value]) * (end - start)

    def __setitem__(self, at: int, value: int) -> None:
        self._values[at] = value

    def get(self, at: int, default: int | None = None) -> int | None:
        value = self._values[at] if 0 <= at < len(self._values) else -1
        return default if value < 0 else value


class _Marks:
    """Which positions of a text a kind of mention covers, one byte a character."""

    def __init__(self, size: int):
        self._marks = bytearray(size + 1)

    def update(self, span: range) -> None:
        self._marks[span.start:span.stop] = b"\x01" * len(span)

    def __contains__(self, at: int) -> bool:
        return 0 <= at < len(self._marks) and self._marks[at] == 1

    def intersects(self, start: int, end: int) -> bool:
        return 1 in self._marks[max(0, start):max(0, end)]


class _WordIndex:
    """jieba's word boundaries and the tagger's mentions, indexed for walking right to left."""

    def __init__(self, text: str, analysis: Analysis):
        self.start_of_word_ending = _Positions(len(text))
        self.word_at = _Positions(len(text))  # any position -> start of the word holding it
        pos = 0
        for word in analysis.words:
            self.start_of_word_ending[pos + len(word)] = pos
            self.word_at.set_range(pos, pos + len(word), pos)
            pos += len(word)
        self.persons: dict[int, Mention] = {}
        self.person_chars = _Marks(len(text))
        self.places: dict[int, Mention] = {}  # end -> LOC/ORG mention
        self.place_chars = _Marks(len(text))
        self.place_starting: dict[int, Mention] = {}
        self.place_start = _Positions(len(text))  # any position -> start of the place holding it
        for m in analysis.mentions:
            if m.kind == "PER":
                if m.text not in lexicon.countries():
                    self.persons.setdefault(m.start, m)
                    self.person_chars.update(range(m.start, m.end))
            else:
                self.places[m.end] = m
                self.place_chars.update(range(m.start, m.end))
                self.place_starting[m.start] = m
                self.place_start.set_range(m.start, m.end, m.start)


_NOT_BODY_TAGS = frozenset(["p", "c", "d", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "x", "t", "q", "f", "i", "vd", "ad", "zg", "tg", "dg", "rg"])


def _body_word_ok(word: str, start: int, words: _WordIndex, before_suffix: bool = False) -> bool:
    """Whether a word can be part of a body's name. jieba's dictionary tags are loose (湿地 is a
    state word, 马拉维 a person), so only the classes that never name a body end it: verbs
    other than those inside names, prepositions, conjunctions, adverbs, pronouns, particles,
    time and number words."""
    if word in ("的", "了", "着", "过"):
        return False  # (the tagger's organisation may run on over 的: …服务中心的总护士长)
    if word in lexicon.countries() or word in _suffix_words() or word in lexicon.known_names() \
            or word in lexicon.words("body_words") \
            or (start in words.place_chars and _BODY_CHARS.fullmatch(word)):
        return True
    if word in _BODY_STOP or not _BODY_CHARS.fullmatch(word) or "兼" in word:
        return False  # 总裁兼: jieba glues the joiner of two titles to the first
    if start in words.person_chars and not before_suffix and not word.endswith(lexicon.PLACE_SUFFIXES):
        return False  # 陈吉宁市长 names a person; 亚残奥委员会, 宋庆龄基金会, 李庄镇 name a body
    tag = word_tags().get(word)
    if tag is None:
        return True
    if tag.startswith("v") and tag != "vn":
        # Verbs stand inside names of bodies (就业促进司, 心理危机研究与干预中心); the ones that
        # end the sentence's own words before a body are listed in _BODY_STOP and _CLAUSE_VERBS.
        return word in _BODY_VERBS or (len(word) >= 2 and word not in _CLAUSE_VERBS)
    if tag == "m":
        return bool(re.fullmatch(r"第?[一二三四五六七八九十百零〇\d]+[届次任]?|[一二三四五六七八九十\d]{1,2}[队组科处所室站]", word))
    if tag == "f":
        return word in ("中", "东", "南", "西", "北", "东部", "南部", "西部", "北部", "中部")
    if word == "各界":
        return True  # 香港各界青少年活动委员会
    return tag not in _NOT_BODY_TAGS


@cache
def _suffix_words() -> frozenset[str]:
    return frozenset(lexicon.org_suffixes())


def _body_start(text: str, title_start: int, words: _WordIndex) -> int:
    """Where the body named with a title begins: walk back over jieba's words while they can be
    part of a body's name, at most ``_MAX_BODY`` characters."""
    pos = title_start
    inner = words.word_at.get(title_start)
    if inner is not None and inner < title_start:  # 市委书记 is one jieba word: its head 市委 is the body
        piece = text[inner:title_start]
        if not _BODY_CHARS.fullmatch(piece) or piece in _BODY_STOP:
            return title_start
        pos = inner
    while pos > 0 and title_start - pos < _MAX_BODY:
        start = words.start_of_word_ending.get(pos)
        if start is None:
            break
        word = text[start:pos]
        if word in ("和", "及", "与", "暨", "—") and _and_inside_body(text, start, words):
            pos = start
            continue
        if (opened := _bracketed_before(text, pos, title_start)) is not None:
            pos = opened  # 益博睿征信（北京）有限公司, 研究所“一带一路”地区研究中心
            continue
        if _inside_a_body_name(text, word, pos, title_start):
            pos = start
            continue
        if not _body_word_ok(word, start, words, text[pos:title_start].startswith(lexicon.org_suffixes())):
            if _morpheme_of_the_word_before(text, start, pos, title_start, words):
                pos = start  # 时事评论 + 员 + 协会
                continue
            abbreviated = _abbreviation_before(text, start, pos, title_start, words)
            if abbreviated is None:
                break
            pos = abbreviated
            continue
        pos = start
    return _trim_body(text, _leading_verbs_dropped(text, pos, title_start, words), title_start, words)


_ONE_CHARACTER_SUFFIXES = "局委办厅署院所处部"
_ROUTE = re.compile(r"\d{1,4}")


_PAIRS = {"）": "（", "”": "“"}


def _bracketed_before(text: str, pos: int, title_start: int) -> int | None:
    """Where a bracket or quotation of at most ten characters that ends at ``pos`` opens, when
    body words follow it: a name may hold one (（北京）有限公司, “一带一路”地区研究中心)."""
    opener = _PAIRS.get(text[pos - 1:pos])
    if opener is None or pos >= title_start:
        return None
    at = text.rfind(opener, max(0, pos - 12), pos - 1)
    if at < 1 or any(c in text[at + 1:pos - 1] for c in "，。；、：（）“”") or not _HAN.match(text, at - 1):
        return None
    return at


def _inside_a_body_name(text: str, word: str, pos: int, title_start: int) -> bool:
    """中央政府驻香港联络办公室, 公交1路车队: 驻 before a place and a unit of its own (not 中国驻朝鲜
    大使, where the title follows the place), and a route number before 路, stand inside a name."""
    if word in ("驻", "驻华", "驻港", "驻澳"):
        rest = text[pos:title_start]
        return rest.endswith(lexicon.org_suffixes()) and _country_prefix().fullmatch(rest) is None \
            and len(rest) >= (3 if len(word) > 1 else 4)
    return bool(_ROUTE.fullmatch(word)) and text.startswith("路", pos)


def _abbreviation_before(text: str, start: int, pos: int, title_start: int, words: _WordIndex) -> int | None:
    """住建局局长: jieba cuts an abbreviated body (住建, of 住房和城乡建设) into single characters
    it tags verbs; two such characters right before a one-character suffix are the body's name."""
    left = words.start_of_word_ending.get(start)
    if pos - start != 1 or left is None or start - left != 1 or text[pos:pos + 1] not in _ONE_CHARACTER_SUFFIXES \
            or pos + 1 > title_start or any(c in _FUNCTION_CHARS or not _HAN.match(c) for c in text[left:pos]):
        return None
    return left


def _morpheme_of_the_word_before(text: str, start: int, pos: int, title_start: int, words: _WordIndex) -> bool:
    """香港青年时事评论员协会副主席: jieba leaves 员 a morpheme of its own between a noun and the
    organisation word; inside a body it ends the noun before it (时事评论员)."""
    left = words.start_of_word_ending.get(start)
    return pos - start == 1 and word_tags().get(text[start:pos]) == "zg" and text[start] not in _FUNCTION_CHARS \
        and text[pos:title_start].startswith(lexicon.org_suffixes()) and left is not None and start - left >= 2 \
        and (word_tags().get(text[left:start]) or "").startswith(("n", "vn"))


def _first_word_tag(text: str, start: int, end: int, words: _WordIndex) -> str:
    nxt = next((e for e in range(start + 1, min(end, start + 4) + 1) if words.start_of_word_ending.get(e) == start), None)
    return (word_tags().get(text[start:nxt]) or "") if nxt is not None else ""


def _leading_verbs_dropped(text: str, start: int, end: int, words: _WordIndex) -> int:
    """正如绿地控股集团, 回想世卫组织: verbs stand inside names of bodies (就业促进司), but a name
    does not open with one; a verb or conjunction first is the sentence's, not the body's."""
    while start < end:
        nxt = next((e for e in range(start + 1, min(end, start + 4) + 1) if words.start_of_word_ending.get(e) == start),
                   None)
        if nxt is None or nxt >= end:
            break
        word = text[start:nxt]
        tag = word_tags().get(word) or ""
        if not (tag in ("v", "c", "d", "p") and word not in _BODY_VERBS and word not in lexicon.countries()) \
                or start in words.place_chars or text[nxt:_word_end(text, nxt, words)] in _suffix_words() \
                or text[nxt:end] in lexicon.org_suffixes() or _first_word_tag(text, nxt, end, words) == "a" \
                or text.startswith(("有限", "股份"), nxt) \
                or nxt - start == 1 and end - nxt == 2 and text[end - 1] in _ONE_CHARACTER_SUFFIXES:  # 住 + 建局
            break  # 怀来 (a county), 控股有限公司, 自治政府, 漕运镇: the verb names what follows
        start = nxt
    return start


def _and_inside_body(text: str, at: int, words: _WordIndex) -> bool:
    """发展和改革委员会, 国家林业和草原局: 和 joins two nouns of one name, not two people."""
    start = words.start_of_word_ending.get(at)
    if start is None:
        return False
    word = text[start:at]
    if not _body_word_ok(word, start, words):
        return False
    # 阿根廷—中国研究中心: a dash joins any two words of a name, a country's too; 外交部与国际合作部,
    # 保守与改革党团: 与/和 join nouns and adjectives, not two countries
    return text[at] == "—" or word not in lexicon.countries() \
        and word_tags().get(word, "n") in ("n", "vn", "nz", "l", "nt", "a", "an")


_LEAD = ("据", "由", "对", "向", "与", "和", "在", "从", "被", "同")


def _proper_word_at(text: str, start: int, end: int, words: _WordIndex) -> bool:
    """同济大学: a word of the dictionary's proper names (or a longer one) starts at ``start``."""
    nxt = next((e for e in range(start + 2, min(end, start + 5) + 1) if words.start_of_word_ending.get(e) == start), None)
    return nxt is not None and (nxt - start >= 3 or (word_tags().get(text[start:nxt]) or "")[:2] in ("nt", "nz", "ns", "nr"))


def _trim_body(text: str, start: int, end: int, words: _WordIndex | None = None) -> int:
    """Drop what stands before the body proper: a bracket closed before it (（新华社）外交部,
    燕山分局（现房山分局）派出所), a term (第五任), a preposition glued to it (据, 由, 对)."""
    close = text.rfind("）", start, end)
    if close >= 0 and "（" not in text[start:close] or text.startswith("（", start) and close > 0:
        return close + 1  # what follows a bracket is the body as written, 向阳路 included
    body = text[start:end]
    term = _TERM.match(body)
    if term and len(body) > term.end() + 1:
        return start + term.end()
    if body[:1] in "日月年" and start > 0 and text[start - 1].isdigit() and len(body) > 2:
        return _trim_body(text, start + 1, end, words)  # 2月4日同苏丹共和国: the date's last character
    for lead in _LEAD:
        if body.startswith(lead) and len(body) > len(lead) + 1 \
                and (words is None or not _proper_word_at(text, start, end, words)):
            return start + len(lead)  # (同济大学: 同 opens a word of the name, no preposition)
    return start


_SCOPES = frozenset(["全国", "全省", "全市", "全县", "全区", "全军", "全球"])


@cache
def _generic_bodies() -> frozenset[str]:
    """A generic word alone names no body (公司总经理), though 国务院 and 中央 do."""
    return frozenset(s for s in lexicon.org_suffixes() if len(s) <= 2) - {"中央", "政协", "国务院", "人大"}


def _is_body(text: str, start: int, end: int, words: _WordIndex) -> bool:
    body = text[start:end]
    if len(body) < 2 or body in _generic_bodies() or body in _SCOPES:
        return False  # (全国优秀教师: a scope, not a body)
    if body.endswith(lexicon.org_suffixes()) or body in lexicon.known_names() or _country_prefix().match(body):
        return True
    if end in words.places:  # the tagger's place or organisation: 塞内加尔, 黑龙江哈尔滨
        return True
    tag = word_tags().get(body[-2:]) or word_tags().get(body[-3:]) or word_tags().get(body)
    return tag in ("ns", "nt")


@cache
def _country_prefix() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, lexicon.countries()), key=len, reverse=True)))


def _chain(text: str, name_start: int, words: _WordIndex) -> list[_Item]:
    """The offices before a name, left to right: [body] [原|前|时任] title (、|兼 [body] title)*."""
    items: list[_Item] = []
    end = _gap_start(text, name_start)
    floor = max(0, end - 80)
    while True:
        title_start = _title_ending_at(text, end, floor, words)
        if title_start is None:
            break
        title_start = _ministry_start(text, title_start, end, words)
        title_start = _ministry_words_start(text, title_start, end, words)
        title_start = _one_character_head(text, title_start, end, words)
        title_start = _congress_in_title(text, title_start, end)
        envoy = _envoy_of(text, title_start, end, words)
        if envoy is not None:  # 习近平主席特使: the envoy's title names whose envoy
            items.insert(0, _Item(envoy, envoy, envoy, end))
            if envoy > 0 and text[envoy - 1] in "、兼":
                end = envoy - 1
                continue
            break
        marker = _former_marker(text, title_start)
        body_end = title_start - marker
        walked = _body_start(text, body_end, words)
        body_start, body_end = _body_proper(text, walked, body_end, words)
        if not marker and body_start == body_end == title_start and walked < title_start \
                and text[walked - 1:walked] in ("、", "兼"):
            body_start = body_end = title_start = walked  # 人民党主席、政府首相洪森: words that name no body join the title
        if not marker and body_end < title_start:
            title_start = body_end  # 俄罗斯 + 总统新闻秘书, 波黑主席团 + 轮值主席: the rest joins the title
        if body_start == body_end == title_start and not items and not _names_its_body(text[title_start:end]):
            charge = _charge_before(text, title_start, words)
            if charge is not None:  # 欧盟委员会 + 负责气候行动的委员
                body_start, body_end, title_start = charge
            else:
                body_start, body_end = _body_before_de(text, title_start, words)
        items.insert(0, _Item(body_start, body_end, title_start, end))
        if body_start > 0 and text[body_start - 1] in "、兼":
            end = body_start - 1
            continue
        break
    return items


_ENVOY = re.compile(r"(?:主席|总统|总理|首相|国王)(?:特使|特别代表|特别助理)")


def _envoy_of(text: str, title_start: int, end: int, words: _WordIndex) -> int | None:
    """Start of the name in 习近平主席特使 / 普京总统特别代表, where an envoy's title follows the
    name and title of the one who sent them."""
    head = next((n for n in range(title_start, max(0, title_start - 3), -1) if _ENVOY.fullmatch(text, n, end)), None)
    if head is None:
        return _envoy_after_title_and_name(text, title_start, end, words)
    start = _name_ending_at(text, head, words)
    return start if start is not None and _name_at(text, start, words) == head else None


def _envoy_after_title_and_name(text: str, title_start: int, end: int, words: _WordIndex) -> int | None:
    """国家主席习近平特别代表: the sender's title comes before their name; the whole is one title."""
    if text[title_start:end] not in ("特使", "特别代表", "特别助理"):
        return None
    name = _name_ending_at(text, title_start, words)
    if name is None or _name_at(text, name, words) != title_start:
        return None
    sender = _listed_title_ending_at(text, name, max(0, name - _MAX_TITLE))
    return sender if sender is not None and _ENVOY.fullmatch(text[name - 2:name] + text[title_start:end]) else None


_BEFORE_DE = re.compile(r"(?:的?[\d一二三四五六七八九十]{1,3}岁)?的(?:青年|年轻|资深|女|男)?$")


_CHARGE = re.compile(rf"(?:负责|分管|主管)[{HAN_RANGE}和与及]{{2,16}}的$")


def _charge_before(text: str, title_start: int, words: _WordIndex) -> tuple[int, int, int] | None:
    """欧盟委员会负责气候行动的委员, 分管贸易和经济安全的委员: what the holder is in charge of is part
    of the title, and the body is named before it (the annotation guide keeps such a title whole)."""
    m = _CHARGE.search(text, max(0, title_start - 20), title_start)
    if m is None:
        return None
    start = _body_start(text, m.start(), words)
    return (start, m.start(), m.start()) if _names_a_body(text[start:m.start()]) else None


def _body_before_de(text: str, title_start: int, words: _WordIndex) -> tuple[int, int]:
    """同济大学34岁的青年教授施宇智, 民宿的客服经理: a body joined to its title by 的 (with an age
    or 青年 between) is the title's body; where there is none, the title keeps none."""
    m = _BEFORE_DE.search(text, max(0, title_start - 12), title_start)
    if m is None:
        return title_start, title_start
    start = _body_start(text, m.start(), words)
    return (start, m.start()) if _names_a_body(text[start:m.start()]) else (title_start, title_start)


def _names_a_body(words: str) -> bool:
    """The words before 的 name a body of their own: an organisation word ends them, or they are a listed name."""
    return len(words) >= 2 and words not in _generic_bodies() and (
        words.endswith(lexicon.org_suffixes()) or words in lexicon.known_names())


def _body_proper(text: str, start: int, end: int, words: _WordIndex) -> tuple[int, int]:
    """The body within the words before a title. A country at its end is the body alone
    (东盟轮值主席国马来西亚总理); words after the last organisation word or after a country that
    starts it belong to the title (俄罗斯总统新闻秘书, 哈佛大学肯尼迪政府学院创始院长); words that
    are no body at all leave the title without one."""
    body = text[start:end]
    if body in _SCOPES:
        return end, end
    if not body or body in lexicon.countries():
        return start, end
    country = _country_suffix().search(body)
    if country and country.start() > 0 and not body[:country.start()].endswith(lexicon.org_suffixes()):
        return start + country.start(), end
    if body.endswith(lexicon.org_suffixes()) and _is_body(text, start, end, words):
        return start, end
    if body[-1] in _PLACE_ENDS or end in words.places:
        return start, end  # 坦桑尼亚桑给巴尔, 德国巴伐利亚州, 巴勒斯坦国: a place within a country is the body
    for k in range(len(body) - 1, 0, -1):
        head, tail = body[:k], body[k:]
        if head in lexicon.countries() and (word_tags().get(tail) in ("j", "nz") or tail in lexicon.known_names()):
            return start, end  # 中国侨联, 俄罗斯国家杜马, 美国白宫: the country and an abbreviated or named body
        if 2 <= len(tail) <= 6 and head not in _generic_bodies() and (
                head in lexicon.countries() and not tail.endswith(lexicon.org_suffixes())
                or (len(head) >= 2 and (head.endswith(lexicon.org_suffixes()) or head in lexicon.known_names())
                    and (_title_like_tail(tail) or _common_noun_tail(text, start + k, end, words)))):
            return start, start + k
    if _is_body(text, start, end, words):
        return start, end
    if _a_company_before(text, start, end, words):
        return start, end  # 浩洋电子董事长, 银泰商业首席执行官: a company named by its brand alone
    if 2 <= end - start <= 4 and body not in _generic_bodies() and text.startswith(_STAFF_TITLES, end) \
            and _common_noun_tail(text, start, end, words) and not _first_word_tag(text, start, end, words).startswith("v"):
        return start, start  # 项目主管, 门店负责人, 公关总监: common nouns that name no body qualify a staff title
    return end, end


_PLACE_ENDS = "国州省市县区邦岛"
_COMPANY_TITLES = ("董事长", "副董事长", "总经理", "副总经理", "首席执行官", "首席运营官", "首席财务官", "首席技术官",
                   "总裁", "副总裁", "执行董事", "董事会主席", "联合创始人", "创始人")


def _a_company_before(text: str, start: int, end: int, words: _WordIndex) -> bool:
    """A title only a company has (董事长, 首席执行官) makes the two to three words before it, of
    four to eight characters with no verb or common noun of another sort, the company's name:
    a brand and its trade (浩洋 + 电子, 银泰 + 商业), though no suffix names it a company."""
    if not text.startswith(_COMPANY_TITLES, end) or not 4 <= end - start <= 8 or text[start:end] in lexicon.countries():
        return False
    at, pieces = start, 0
    while at < end:
        nxt = _word_end(text, at, words)
        if nxt > end:
            return False
        tag = word_tags().get(text[at:nxt]) or ""
        if tag.startswith(("v", "p", "c", "d", "r", "u", "m", "q", "t", "f")) or at in words.person_chars:
            return False
        at, pieces = nxt, pieces + 1
    return pieces <= 3
# Staff titles a common noun before them qualifies (项目主管, 公关总监), unlike offices that head a
# body (落实总书记 is a verb and a title; 大会执行主席 names the body it heads).
_STAFF_TITLES = ("主管", "负责人", "总监", "经理", "顾问", "专员", "特派员", "代表", "谈判代表", "指挥员")
_TITLE_MODIFIERS = ("轮值", "创始", "首任", "名誉", "荣誉", "常务", "执行", "专职", "驻会", "首席", "候补")


def _title_like_tail(tail: str) -> bool:
    """Words after an organisation that belong to the title: a modifier (轮值, 创始) or a title
    of its own (联合国秘书长 + 发言人), not an unknown name (滨湖世纪社区 + 琼临网格)."""
    return tail.startswith(_TITLE_MODIFIERS) or _title_start().search(tail) is not None


_TAIL_TAGS = ("n", "vn", "a", "an", "b")


def _common_noun_tail(text: str, start: int, end: int, words: _WordIndex) -> bool:
    """中国业务 + 总监, 环境安全 + 经理, 非洲地区 + 区域主管: after an organisation, common words
    that jieba's dictionary knows (no name, no place) qualify the title; an unknown word (琼临网格)
    may be a unit's own name and is left out."""
    at = start
    while at < end:
        nxt = next((e for e in range(at + 1, min(end, at + 4) + 1) if words.start_of_word_ending.get(e) == at), None)
        if nxt is None:
            return False
        tag = word_tags().get(text[at:nxt]) or ""
        if not tag.startswith(_TAIL_TAGS) or tag.startswith(("nr", "ns", "nt", "nz")) and nxt == end:
            return False
        at = nxt
    return True


@cache
def _country_suffix() -> re.Pattern:
    return re.compile("(?:" + "|".join(sorted(map(re.escape, lexicon.countries()), key=len, reverse=True)) + ")$")


def _congress_in_title(text: str, title_start: int, end: int) -> int:
    """全国人大代表, 省政协委员: the congress is the body and the title is 代表/委员 where a scope
    word (全国, 省, 市) stands before it."""
    title = text[title_start:end]
    if title in ("人大代表", "政协委员") and text[max(0, title_start - 2):title_start] in ("全国",) \
            or title in ("人大代表", "政协委员") and text[title_start - 1:title_start] in ("省", "市", "县", "区"):
        return title_start + 2
    return title_start


def _one_character_head(text: str, title_start: int, end: int, words: _WordIndex) -> int:
    """中队长, 总队长: jieba's word is the title, one character longer than the listed one."""
    inner = words.word_at.get(title_start)
    if inner == title_start - 1 and words.start_of_word_ending.get(end) == inner and _HAN.match(text, inner) \
            and text[inner] in "中大支总分":
        return inner
    return title_start


def _ministry_words_start(text: str, title_start: int, end: int, words: _WordIndex) -> int:
    """德国副总理兼经济和气候保护部长: where 部长 follows the ministry's own words with no 部 of
    their own (not 教育部部长), those words are the title, and the body is read before them."""
    if not text.startswith("部长", end - 2) or title_start != end - 2 or text[title_start - 1:title_start] == "部":
        return title_start
    words_start = _body_start(text, title_start, words)
    if words_start < title_start and not _is_body(text, words_start, title_start, words) \
            and not _country_prefix().match(text, words_start):
        return words_start
    return title_start


_FORMER = ("新一任", "新一届", "新当选的", "新当选", "时任", "新任", "现任", "前任", "卸任", "原", "前", "新")


_TERM_BEFORE_TITLE = re.compile(r"(?:第[一二三四五六七八九十\d]{1,3}任|首任|末任)$")


def _former_marker(text: str, title_start: int) -> int:
    """Length of 原/前/时任, or of a term (首任, 第六任), before a title: not part of the title,
    nor of the body before it (香港特别行政区首任行政长官 -> 香港特别行政区 + 行政长官)."""
    term = _TERM_BEFORE_TITLE.search(text, max(0, title_start - 5), title_start)
    if term is not None:
        return term.end() - term.start()
    return next((len(m) for m in _FORMER if text.startswith(m, title_start - len(m))), 0)


def _ministry_start(text: str, title_start: int, end: int, words: _WordIndex) -> int:
    """以色列国防部长: 国防部长 is one word and one title (a ministry's head), where a body
    spelled out would read 国防部部长."""
    inner = words.word_at.get(title_start)
    if inner is not None and inner < title_start and text[title_start:end].endswith("部长") \
            and words.start_of_word_ending.get(end) == inner and "部" not in text[inner:title_start]:
        return inner
    return title_start


def _gap_start(text: str, name_start: int) -> int:
    """Where the spaces (and at most one line break) before a name begin: 代区长  向诗兵."""
    at, breaks = name_start, 0
    while at > 0 and name_start - at < 8 and text[at - 1] in " \t\u3000\u00a0\n":
        breaks += text[at - 1] == "\n"
        if breaks > 1:
            break
        at -= 1
    return at


_MINISTER = re.compile(r"(?:代理|代)?[^副代]{1,8}部长")


def _names_its_body(title: str) -> bool:
    """国家主席, 国务委员, 外交部长: a title that names the body it belongs to, so it shares no other."""
    return _names_a_state_body(title) or _MINISTER.fullmatch(title) is not None


def _names_a_state_body(title: str) -> bool:
    """国家主席, 国务委员, 总理: a title of the state itself, which a country's chain does not share
    (a minister's, 外交部长, is one of the country's offices)."""
    return title.startswith(("国家", "国务")) and title != "国务卿" or title in ("总理", "副总理")


_PARTY_BODY_TITLE = re.compile(
    r"(党委|党组|党支部|党总支|党工委|董事会|政治局|书记处)((?:常务|第一)?副?(?:书记|主席)|常委|候补委员|委员)")


class _Office(NamedTuple):
    """What a chain of titles gives a person: the organisation (and where it starts in the text)
    and the titles (and where each starts)."""
    organization: str
    org_start: int
    titles: tuple[str, ...]
    title_starts: tuple[int, ...]


def _role(text: str, items: list[_Item]) -> _Office:
    """Organisation (with where it starts) and titles, by the annotation guide: one body for the
    whole chain, or, where later titles name bodies of their own, each title with its body."""
    first = items[0]
    if len(items) == 1 and (party := _PARTY_BODY_TITLE.fullmatch(text, first.title_start, first.title_end)):
        # 新旗村党委书记 -> 新旗村党委 + 书记: alone, the Party committee is the body named with the
        # title, as 市委 is in 市委书记 (in a chain, 党组书记、局长, it stays one of the unit's titles)
        split = first.title_start + party.end(1) - party.start(1)
        return _Office(text[first.body_start:first.body_end] + text[first.title_start:split], first.body_start,
                       (text[split:first.title_end],), (split,))
    if not any(it.body_start < it.body_end or _names_its_body(text[it.title_start:it.title_end]) for it in items[1:]):
        org = text[first.body_start:first.body_end]
        return _Office(org, first.body_start, tuple(text[it.title_start:it.title_end] for it in items),
                       tuple(it.title_start for it in items))
    titles = tuple(text[it.body_start:it.body_end] + text[it.title_start:it.title_end] for it in items)
    country = text[first.body_start:first.body_end]
    if country in lexicon.countries() and all(not _names_a_state_body(t) for t in titles[1:]) \
            and all(text[it.body_start:it.body_end].endswith("部") for it in items[1:] if it.body_start < it.body_end):
        # 柬埔寨副首相兼公务员部大臣, 俄体育部长兼奥委会主席: the country's offices, each ministry in its title
        return _Office(country, first.body_start, (text[first.title_start:first.title_end], *titles[1:]),
                       (first.title_start, *(it.body_start for it in items[1:])))
    return _Office("", first.body_start, titles, tuple(it.body_start for it in items))


_FOLLOW_SINGLE = frozenset("说称等在也就又都是将率则和与及对向为到于从的了指表主出会同一今昨前后以并即已所致应要再来过愿回")


def _surname_name(text: str, start: int, words: _WordIndex) -> int | None:
    """End of a Han name starting at ``start`` where the tagger saw none: jieba's word if it is a
    name, else a surname with one or two characters that jieba leaves unattached."""
    first_end = next((e for e in range(start + 1, min(len(text), start + 5) + 1)
                      if words.start_of_word_ending.get(e) == start), None)
    if first_end is None:
        return None
    word = text[start:first_end]
    if 2 <= len(word) <= 3 and looks_like_name(word):
        after = text[first_end:first_end + 1]
        if len(word) == 2 and after and after not in _FOLLOW_SINGLE and _HAN.match(after) \
                and words.start_of_word_ending.get(first_end + 1) == first_end and looks_like_name(word + after):
            return first_end + 1
        return first_end
    if len(word) == 1:  # 马 / 磊, 张 / 国富
        nxt = next((e for e in range(first_end + 1, min(len(text), first_end + 3) + 1)
                    if words.start_of_word_ending.get(e) == first_end), None)
        if nxt is not None and 2 <= nxt - start <= 3 and looks_like_name(text[start:nxt]):
            return nxt
    return None


def _tagged_name(text: str, m: Mention) -> bool:
    """The tagger's person is a name we keep: no dictionary word of another kind (英明), and a Han
    name of two or three characters starts with a surname unless it is transliterated."""
    name = m.text
    if len(name) < 2 or len(name) > 16 or not re.fullmatch(rf"[{HAN_RANGE}·\-]+", name) or name[-1] in "·-":
        return False
    tag = word_tags().get(name)
    if tag == "ns" and not _dictionary_word(name, _COMMON_NAME):
        return True  # jieba tags 普京 a place
    if tag == "n" and len(name) >= 3 and _transliterated(name) and not _dictionary_word(name, 100):
        return True  # jieba tags 基辛格 a noun
    if tag is not None and not tag.startswith("nr"):
        return False
    return name[-1] not in "的了着过们" and not name.endswith(("部", "局", "委", "厅"))


def _name_at(text: str, start: int, words: _WordIndex) -> int | None:
    """End of a person's name that starts at ``start``, or None."""
    m = words.persons.get(start)
    end = m.end if m is not None and _tagged_name(text, m) else _surname_name(text, start, words)
    if end is not None:
        word_end = _word_end(text, start, words)
        if word_end > end and ((word_tags().get(text[start:word_end]) or "").startswith("nr")
                               or word_end - start == 3 and end - start == 2 and text[start] in lexicon.surnames()
                               and word_tags().get(text[start:word_end]) is not None
                               and _title_full().match(text, word_end)):
            end = word_end  # 周恩来: jieba's name runs on past the tagger's (周恩), even where it tags the word a time
    if end is None:
        word_end = _word_end(text, start, words)
        if 2 <= word_end - start <= 6 and _known_name(text, start, word_end, words):
            end = word_end  # 拜登: a name jieba's dictionary has, where the tagger saw none
    while end is not None and text.startswith("·", end) and _HAN.match(text, end + 1):
        end = _transliterated_part_end(text, end + 1, words)  # 艾尔肯·吐尼亚孜
    return _regnal(text, end)


_REGNAL = re.compile(r"[一二三四五六七八九十]{1,3}世")


def _regnal(text: str, end: int | None) -> int | None:
    """查尔斯三世: a regnal number is part of the name."""
    m = _REGNAL.match(text, end) if end is not None else None
    return m.end() if m else end


def _transliterated_part_end(text: str, start: int, words: _WordIndex) -> int:
    """End of the part of a ·-joined name that starts at ``start``: the tagger's person there, or
    jieba's words up to the first one the dictionary knows as another kind of word."""
    m = words.persons.get(start)
    if m is not None and "·" not in m.text:
        return m.end
    at = start
    while at < len(text) and at - start < 8 and _HAN.match(text, at):
        nxt = next((e for e in range(at + 1, min(len(text), at + 4) + 1) if words.start_of_word_ending.get(e) == at),
                   at + 1)
        word = text[at:nxt]
        tag = word_tags().get(word)
        if at > start and (word in _BODY_STOP or (tag is not None and not tag.startswith("nr") and len(word) > 1)):
            break
        at = nxt
    return at


def _word_end(text: str, at: int, words: _WordIndex) -> int:
    return next((e for e in range(at + 1, min(len(text), at + 6) + 1) if words.start_of_word_ending.get(e) == at),
                at + 1)


def _joiner(text: str, at: int) -> bool:
    """·, - or a single — between two Han characters joins the parts of a foreign name (阿库福—阿多);
    —— is a dash."""
    if at < 1 or at + 1 >= len(text) or not (_HAN.match(text, at - 1) and _HAN.match(text, at + 1)):
        return False
    return text[at] in "·-" or text[at] == "—" and _transliterated(text[max(0, at - 2):at] + text[at + 1:at + 3])


def _name_run(text: str, start: int, words: _WordIndex) -> int | None:
    """End of the run of name-like words at ``start``: Han words that the dictionary does not
    know as another kind of word, joined by · or -, up to a function word (说, 在, 对), a
    punctuation mark or a digit. Transliterated names (扎哈罗娃, 奥云额尔登) are such runs."""
    at = start
    while at < len(text) and at - start < 12:
        if _joiner(text, at) and at > start:
            at += 1
            continue
        if not _HAN.match(text, at):
            break
        end = _word_end(text, at, words)
        word = text[at:end]
        tag = word_tags().get(word)
        if len(word) == 1:
            stop = word in _FOLLOW_SINGLE
        elif at > start and _transliterated(word):
            stop = False  # 布尔 + 纳比奇: a transliteration goes on through words the dictionary has
        else:
            stop = word in _BODY_STOP or (tag is not None and not tag.startswith(("nr", "ns", "nz")))
        if stop:
            if len(word) == 1 and at - start == 2 and _clause_ends(text, end) and looks_like_name(text[start:end]):
                at = end  # 魏凤和，: a name's last character can be a function word where the clause ends
            break
        at = end
    return at if at - start >= 2 else None


def _clause_ends(text: str, at: int) -> bool:
    """Whether a clause ends at ``at`` (punctuation, a line break or the text's end), not a
    digit or a Latin word going on: 魏凤和， ends a clause; 普京在23日 does not."""
    return at >= len(text) or text[at] in "，。；、：！？）)”」』\n "


def _tagged_person_end(text: str, start: int, words: _WordIndex) -> int | None:
    """End of the tagger's person at ``start``, with the persons right after it joined on
    (奥云 + 额尔登, 比拉勒 · 卡里米)."""
    m = words.persons.get(start)
    if m is None or not _tagged_name(text, m):
        return None
    end = m.end
    while (nxt := words.persons.get(end) or words.persons.get(end + 1)) and (nxt.start == end or _joiner(text, end)):
        end = nxt.end
    return end


_SPACED_NAME = re.compile(rf"([{HAN_RANGE}])[ \u3000]{{1,3}}([{HAN_RANGE}])(?=[ \u3000\n]|$)")


def _name_after_title(text: str, start: int, words: _WordIndex) -> int | None:
    """End of the name right after a title, or None when what follows is a common word (总书记
    顶风冒雪, 大使递交国书) or a country (the next item of a list of ambassadors)."""
    spaced = _SPACED_NAME.match(text, start)
    if spaced and _gap_start(text, start) < start and looks_like_name(spaced.group(1) + spaced.group(2)):
        return spaced.end()  # 上海市市长 龚 正: a two-character name spaced out on a signature line
    end = _name_end_after_title(text, start, words)
    if end is None:
        return None
    if _gap_start(text, start) < start and _HAN.match(text, end) and words.persons.get(start) is None:
        return None  # a name spaced from its title ends a signature line (not 哈马斯重要成员 巴武装派别称)
    if text[end - 1] == "·" and _HAN.match(text, end):
        end = _transliterated_part_end(text, end, words)  # 路易斯· + 保利诺: jieba knows 保利 as a company
    end = _regnal(text, _unglued(text, start, end))
    name = text[start:end]
    if len(name) == 2 and name[0] == name[1]:
        return None  # 总书记殷殷嘱托: a doubled character is a word, not a surname and a given name
    if name in lexicon.countries() or _country_prefix().match(name) and _title_full().match(text, end):
        return None
    if (title := _title_full().match(text, start)) and title.end() - start >= 2 \
            and (title.end() >= end or not looks_like_name(name)):
        return None  # 市长顾问安德留先科: the title goes on (顾问 is no name)
    if _starts_with_preposition(name) or _goes_to_a_country(name) \
            or name[0] in "只不也都还又就才仅均皆" and not looks_like_name(name):  # 不设主席只设总书记
        return None  # 习近平主席同戈伊塔总统: a preposition before the next name
    if (_dictionary_word(name, 200) or text.startswith(("峰会", "会议"), end)) and any(
            m.kind == "LOC" and m.start <= start and end <= m.end for m in _places_at(words, start)):
        return None  # 美俄总统布达佩斯会晤: a place after a title (the tagger and the dictionary agree)
    if not looks_like_name(name) and "·" not in name and _common_words_in(name) \
            and not (_transliterated(name) and _tagged_person_end(text, start, words) == end):
        return None  # (基辛格, a tagged transliteration, is a name jieba's dictionary has as a noun)
    return end


_COUNTRY_ABBREVIATIONS = frozenset("中美俄英法德日韩朝印意澳加")


def _goes_to_a_country(name: str) -> bool:
    """特别代表来英国参加, 来法出席: a verb of going and the country gone to are no name."""
    rest = name[1:]
    return name[0] in "来去赴到抵回访" and (rest in lexicon.countries() or rest in _COUNTRY_ABBREVIATIONS)


def _dictionary_word(word: str, often: int = 40) -> bool:
    """A word jieba's dictionary has seen often enough to be a known place, not a rare name."""
    import jieba

    return jieba.dt.FREQ.get(word, 0) >= often


def _starts_with_preposition(name: str) -> bool:
    """同特朗普, 向普京: the tagger reads a preposition and the name after it as one person (向诗兵
    is a name: 诗兵 is no word of the dictionary)."""
    if name[0] not in "同与和及对向在为把被":
        return False
    return not looks_like_name(name) or (len(name) >= 3 and _dictionary_word(name[1:], 20))


def _places_at(words: _WordIndex, start: int) -> list[Mention]:
    at = words.place_start.get(start)
    return [words.place_starting[at]] if at is not None else []


def _name_end_after_title(text: str, start: int, words: _WordIndex) -> int | None:
    """The tagger's person and the run of name-like words agree on most names; where they
    differ, a Han name takes at most three characters, a transliterated one the whole run."""
    if words.word_at.get(start, start) != start and start not in words.persons:
        return None  # the title runs on into a word: 总统府, 书记处 (副部长 + 沙波瓦洛夫: jieba's 长沙 is no such word)
    tagged, run = _tagged_person_end(text, start, words), _name_run(text, start, words)
    if tagged is not None and run is not None and run > tagged:
        tagged = _transliteration_goes_on(text, start, tagged, run)
    prefix = None
    bounded = run is not None and not _HAN.match(text, run) and run - start <= 4 \
        and text[start] not in _FOLLOW_SINGLE and not _has_function_words(text[start:run])  # 干事长森山裕。
    if run is not None and run != tagged and not bounded and not _plausible_run(text[start:run]):
        prefix = _plausible_prefix(text, start, run, words) if tagged is None else None
        run = None
    if run is None:
        if tagged is None and _gap_start(text, start) < start:
            return _surname_name(text, start, words)  # a signature line: 区长  杜联合
        if tagged is None and (before := _surname_name_before_a_verb_or_date(text, start, words)) is not None:
            return before
        if tagged is None and prefix is not None:
            return prefix
        name = text[start:tagged] if tagged is not None else ""
        if tagged is not None and not _plausible_run(name) and not _transliteration_ending_its_clause(text, start, tagged) \
                and (len(name) < 3 or _reads_as_words(name) or _common_words_in(name)):
            return None  # 主席对斗, 总书记看苗情: the tagger's person reads as no name (索比亚宁 does)
        return tagged or _clause_final_name(text, start)
    surname_led = "·" not in text[start:run] and looks_like_name(text[start:start + 2])
    if surname_led and run - start > 3 and not _transliterated(text[start + 2:run]):
        if tagged is not None and tagged - start >= 2:
            return tagged
        run = start + (3 if looks_like_name(text[start:start + 3]) else 2)
    if tagged is None or (run >= tagged and run - start <= 3 and looks_like_name(text[start:run])):
        return _unglued(text, start, run)
    if tagged > run:  # 魏凤和，: the tagger's name ends where the clause does
        short = tagged - start <= 3 and looks_like_name(text[start:tagged]) and (
            not _HAN.match(text, tagged) or (run - start == 2 and words.word_at.get(run) == run
                                             and words.word_at.get(tagged) != tagged))
        return _unglued(text, start, tagged) if short else run  # 张升民主持: jieba reads 民主
    return run if "·" in text[tagged:run] or _transliterated(text[tagged:run]) else tagged


_DATE_AFTER = re.compile(r"\d{1,2}日|[一二三]?[十]?[一二三四五六七八九十]日|当地时间")


def _surname_name_before_a_verb_or_date(text: str, start: int, words: _WordIndex) -> int | None:
    """委员长栗战书6日在北京, 工会主席高威拿起一条长绳: a surname and one or two characters that
    the tagger missed (jieba cuts 栗 + 战书), right before the day of the news or a verb of two
    characters or more, are the name."""
    end = _surname_name(text, start, words)
    if end is None:
        return None
    if end - start == 3 and words.start_of_word_ending.get(end - 1) == start:
        end -= 1  # 高威 + 拿起: the third character _surname_name joined on is read as the verb's
    verb_end = _word_end(text, end, words)
    one_word = words.start_of_word_ending.get(end) == start and word_tags().get(text[start:end]) is None
    glued = one_word and verb_end - end == 1 and text[end] in _GLUED  # 秘书长罗干 + 将对此作专门说明
    if not _DATE_AFTER.match(text, end) and not glued and not (
            (verb_end - end >= 2 or one_word) and (word_tags().get(text[end:verb_end]) or "") in ("v", "vd")):
        return None  # (高威 + 拿: one word the dictionary does not know, then a verb)
    name = text[start:end]
    if any(c in _FOLLOW_SINGLE or c in _FUNCTION_CHARS for c in name[1:]):
        return None  # 总书记都对安排方案: 都 is a surname, 对 no given name
    return end if not _common_words_in(name) or len(name) == 3 and looks_like_name(name) else None


def _plausible_prefix(text: str, start: int, end: int, words: _WordIndex) -> int | None:
    """娄勤俭 + 作的, 阿巴斯 + 及巴方, 扎哈罗娃 + 此前: where the run of name-like words takes a
    word or a character of the sentence along, the longest plausible name before a function
    character or a word of another kind, at one of jieba's word boundaries."""
    for cut in range(end - 1, start + 1, -1):
        if words.word_at.get(cut) != cut or not _plausible_run(text[start:cut]):
            continue
        nxt = text[cut]
        word = text[cut:_word_end(text, cut, words)]
        if nxt in _FOLLOW_SINGLE or nxt in _GLUED or (word_tags().get(word) or "").startswith(("v", "p", "c", "d", "r", "t")):
            return cut
    return None


def _transliteration_goes_on(text: str, start: int, end: int, limit: int) -> int:
    """米舒斯 + 京, 贡恰 + 连科: the tagger often stops a transliterated name a character or two
    short; the characters that spell foreign names after it, up to a function word, are its end."""
    if text[end - 1] not in _TRANSLITERATION or looks_like_name(text[start:end]) and end - start <= 3 \
            and not _transliterated(text[start + 1:end]):
        return end
    at = end
    while at < limit and text[at] in _TRANSLITERATION and text[at] not in _FOLLOW_SINGLE:
        at += 1
    return at


_GLUED = "说称等在也就又都是将率则向对与同为从作致乘独回于赴祝以用会因"


def _unglued(text: str, start: int, end: int) -> int:
    """王五则表示: jieba and the tagger both read 王五则 as one name; a verb or adverb glued to a
    two-character name is not part of it."""
    if end - start in (3, 4) and text[end - 1] in _GLUED and looks_like_name(text[start:end - 1]):
        return end - 1  # (崔相穆 + 因)
    if end - start >= 3 and text[end - 1] in _GLUED and text[end - 2] in _TRANSLITERATION \
            and ("·" in text[start:end] or _transliterated(text[start + 1:end - 1])):
        return end - 1  # 博索纳罗于, 泽连斯基在: a transliterated name ends before the word glued to it
    return end


def _clause_final_name(text: str, start: int) -> int | None:
    """干事长森山裕。: two to four Han characters between a title and the end of the clause are
    the name, unless the dictionary knows them as another word."""
    m = re.match(rf"[{HAN_RANGE}]{{2,4}}(?=[，。；、：）\s]|$)", text[start:start + 5])
    if not m or any(c in _FOLLOW_SINGLE or c in "我你他她它们了的着过" for c in m.group()) \
            or _title_start().search(m.group()):
        return None
    return start + m.end() if not _common_words_in(m.group()) and not _reads_as_words(m.group()) else None


_WORD_TAGS = ("v", "p", "d", "c", "i", "l", "a", "r", "u", "t", "m", "q", "f")


def _has_function_words(candidate: str) -> bool:
    """称加遭: a word of two or more characters, or a first character, that the dictionary reads as
    a verb or function word; the single characters inside a transliteration (特罗瓦达, 贝以理) are
    not read one by one."""
    import jieba

    tags = word_tags()
    pieces = jieba.lcut(candidate, HMM=False)
    return any((tags.get(w) or "n").startswith(_WORD_TAGS) for i, w in enumerate(pieces) if len(w) >= 2 or i == 0
               and w in _FOLLOW_SINGLE)


def _reads_as_words(candidate: str) -> bool:
    """顶风冒雪, 看苗情, 领导全党: the dictionary reads the candidate as one word, or finds a verb,
    preposition or other function word in it."""
    import jieba

    tags = word_tags()
    if (tags.get(candidate) or "nr")[:2] not in ("nr", "ns", "nz"):
        return True
    return any((tags.get(w) or "n").startswith(_WORD_TAGS) for w in jieba.lcut(candidate, HMM=False))


def _common_words_in(candidate: str) -> bool:
    """Whether a candidate name holds a common word of another kind (领导下, 座谈交流, 依法履职):
    jieba's dictionary tags most such words plain nouns, as it does rare name parts (森山), so
    the test is how often the dictionary has seen the word."""
    import jieba

    freq = jieba.dt.FREQ
    def common(w: str) -> bool:
        tag = word_tags().get(w) or ""
        if tag.startswith("nr"):
            return False
        # jieba tags some frequent words as proper nouns (抗议 nz): a place or proper noun seen
        # this often is a word, not a rare name part
        return freq.get(w, 0) >= (_COMMON_PROPER if tag in ("ns", "nz") else _COMMON_WORD)

    return any(len(w) >= 2 and common(w) for w in jieba.lcut(candidate, HMM=False))


_COMMON_WORD = 40
_COMMON_PROPER = 500


def _transliteration_ending_its_clause(text: str, start: int, end: int) -> bool:
    """纳米比亚总统姆本巴。: the tagger's person of three characters or more that ends its clause,
    all of them but one characters that spell foreign names, is a name, though jieba reads 本 as
    a word of its own."""
    name = text[start:end]
    return len(name) >= 3 and _clause_ends(text, end) and sum(c not in _TRANSLITERATION for c in name) <= 1 \
        and not _common_words_in(name)


def _transliterated(part: str) -> bool:
    return all(c in _TRANSLITERATION or c in "·-—" for c in part)


def _plausible_run(run: str) -> bool:
    """A run of words is a name when it reads as one: a surname and one or two characters, a
    ·-joined name, or characters that spell foreign names (来过, 今天上午 are none of these)."""
    if "·" in run or _transliterated(run) or (len(run) >= 4 and _transliterated(run[2:])):
        return True  # 泽连斯基, 叶尔梅克巴耶夫: the first characters may be any, the rest spell a transliteration
    if (word_tags().get(run) or "").startswith("nr") and not _dictionary_word(run, _COMMON_NAME):
        return True  # 拜登: a rare name jieba's dictionary has
    if len(run) == 3 and word_tags().get(run) is None and _transliterated(run[1:]):
        return True  # 久里奇, 萨罗门: a short transliteration
    return len(run) <= 3 and looks_like_name(run)


def _skip_gap(text: str, at: int) -> int:
    gap = _GAP.match(text, at)
    return gap.end() if gap else at


_LIST_SEP = "、"
# Characters that spell foreign names (马哈茂德, 扎哈罗娃): a run of them after a surname-like
# first character is a transliteration, not a Chinese name with words glued on.
_TRANSLITERATION = lexicon.words("transliteration_chars")


def _co_listed(text: str, end: int, words: _WordIndex) -> list[tuple[int, int]]:
    """Names after a titled name that share its office (副市长张三、李四、王五): an item that is no
    name (a name without a Han surname the tagger missed) is skipped, not the end of the list."""
    out = []
    at = end
    while at < len(text) and text[at] == _LIST_SEP:
        start = at + 1
        if (country := _country_prefix().match(text, start)) and country.end() - start >= 3:
            break  # 、安提瓜和巴布达总督威廉斯: the next item names its own country and office
        stop = _name_after_title(text, start, words)
        if stop is None:
            item = re.match(rf"[{HAN_RANGE}·]{{2,8}}(?=[、，。；等])", text[start:start + 9])
            if not item:
                break
            at = start + item.end()
            if _country_prefix().match(item.group()):
                break  # 、文莱苏丹哈桑纳尔: the next item names its own country and office
            if _listed_name(item.group()):  # 栗战书: a rarer surname, between list marks
                out.append((start, at))
            continue
        if _title_ending_at(text, stop, start, words) is not None or _title_full().match(text, stop):
            break  # 、the next item has offices of its own (巴拿马驻华大使雷鸣)
        out.append((start, stop))
        at = stop
    if at < len(text) and text[at] in "和及" and out:
        start = at + 1
        stop = _name_after_title(text, start, words)
        if stop is not None and _title_start().match(text, stop) is None:
            out.append((start, stop))
    return out


def _listed_name(item: str) -> bool:
    """An item between list marks after titled names is a name unless the dictionary knows it
    as another kind of word or it holds a title."""
    tag = word_tags().get(item)
    return (tag is None or tag.startswith("nr")) and _title_start().search(item) is None and len(item) <= 6 \
        and not _common_words_in(item)


def _transliteration_before_title(text: str, start: int, end: int, words: _WordIndex) -> tuple[int, int | None]:
    """Where the tagger cut a transliterated name short before its title (别尔德穆|哈梅多夫总统),
    the characters that spell foreign names up to the title are the rest of the name."""
    at = end
    while at < len(text) and at - end < 8 and text[at] in _TRANSLITERATION:
        at += 1
        title_end = _title_after(text, at, words)
        if title_end is not None:
            return at, title_end
    return end, None


def _transliteration_start(text: str, start: int) -> int:
    """Start of a transliterated name the tagger took only the end of, where it follows a clause
    start or a function word (的托卡耶夫总统, 同别尔德穆哈梅多夫总统); ``start`` where it does not."""
    at = start
    while at > 0 and start - at < 16 and (text[at - 1] in _TRANSLITERATION or text[at - 1] == "·" and at - 1 > 0
                                          and _HAN.match(text, at - 2)):
        at -= 1
    return at if at < start and (_clause_start(text, at) or text[at - 1] in "的同和与对向在及") else start


def _inside_a_longer_name(text: str, start: int) -> bool:
    """和博鲁阿尔特总统: where a character that spells foreign names stands right before, the
    name found starts inside a longer one the tagger missed."""
    return start > 0 and text[start - 1] in _TRANSLITERATION and text[start] in _TRANSLITERATION \
        and not _clause_start(text, start)


def _body_before_name(text: str, name_start: int, words: _WordIndex) -> int:
    """中国科学院物理研究所陈立泉院士: an organisation right before a name that a title follows is
    the body of that title (where it starts, or ``name_start`` where there is none)."""
    if _title_ending_at(text, name_start, max(0, name_start - 20), words) is not None:
        return name_start  # 省委主委王鹏杰委员: a title before the name is no body
    start = _body_start(text, name_start, words)
    joiner = max(text.rfind(c, start, name_start) for c in "和及与、")
    if joiner >= 0 and (_title_start().search(text, start, joiner) or words.person_chars.intersects(start, joiner)):
        start = joiner + 1  # 物理研究所陈立泉院士和中国电子科技集团…: the body starts after the name before
    body = text[start:name_start]
    if len(body) >= 3 and body.endswith(lexicon.org_suffixes()) and body not in _generic_bodies() \
            and _is_body(text, start, name_start, words):
        return start
    return name_start


def _title_after(text: str, name_end: int, words: _WordIndex) -> int | None:
    """End of a title right after a name (刘鹏局长指出, 张三副市长一行), when no name follows it."""
    m = _title_full().match(text, name_end)
    if not m or m.end() - name_end > 8:
        return None
    end = m.end()
    if _HAN.match(text, end) and words.start_of_word_ending.get(end) is None:
        return None  # the title runs on into a longer word (主席团, 书记处)
    if end < len(text) and text[end] not in "，。、" and _tagged_person_end(text, _skip_gap(text, end), words):
        return None  # 张三副市长李四: the title belongs to the name after it
    return end


def _candidates(text: str, words: _WordIndex) -> list[int]:
    """Where a name may start: the tagger's persons, and the end of every listed title."""
    starts = set(words.persons)
    tags = word_tags()
    for m in _title_start().finditer(text):
        starts.add(_skip_gap(text, m.end()))
        before = words.start_of_word_ending.get(m.start())
        if before is not None and (tags.get(text[before:m.start()]) or "").startswith("nr"):
            starts.add(before)  # 同拜登总统会晤: jieba knows the name, the tagger missed it
        for size in (3, 2):  # 栗战书委员长主持: a surname-led name opening the clause before a title
            at = m.start() - size
            if at >= 0 and _clause_start(text, at) and looks_like_name(text[at:m.start()]):
                starts.add(at)
                break
    return sorted(starts)


def extract_people(text: str, analysis: Analysis | None = None) -> list[PersonMention]:
    """Every mention of a person with an office, in text order. ``analysis``: the tagger's
    output for ``text`` when the caller has it already."""
    words = _WordIndex(text, analysis or analyse(text))
    found: list[PersonMention] = []
    taken: set[int] = set()  # characters of the names found: 戈伊塔 holds no second name 伊塔
    for start in _candidates(text, words):
        if start in taken:
            continue
        items = _chain(text, start, words)
        if items and (_form_of_address(text, items[0]) or _title_of_the_name_before(text, items[0], words)
                      or _several_countries(text, items[0])):
            continue  # 童书记来村后, 习近平主席卓越领导下: the title belongs to the name before it
        end = _name_after_title(text, start, words) if items else _name_at(text, start, words)
        if end is None and items and "日本" in text[items[0].body_start:start]:
            end = _japanese_name_end(text, start, words)  # 日本首相高市早苗
        if end is None:
            continue
        person = re.sub(r"[ \u3000]", "", text[start:end])  # 龚 正 is the name 龚正
        if items:
            org, org_start, titles, title_starts = _role(text, items)
            first = items[0].body_start
            found.append(PersonMention(person, org, titles, first, end, start, org_start, title_starts))
            taken.update(range(start, end))
            for a, b in _co_listed(text, end, words):
                found.append(PersonMention(text[a:b], org, titles, a, b, a, org_start, title_starts))
                taken.update(range(a, b))
            continue
        if _inside_a_longer_name(text, start) or text[start - 1:start] == "·":
            start = _transliteration_start(text, start)  # 的托 + 卡耶夫总统
            person = text[start:end]
        known = (_known_name(text, start, end, words) or _opens_clause_as_name(text, start, person)
                 or _transliterated(person[1:]) and len(person) >= 3) \
            and not _starts_with_preposition(person) and not _inside_a_longer_name(text, start) \
            and person not in lexicon.known_names() and person not in lexicon.countries() \
            and not (word_tags().get(person) or "nr").startswith(("v", "a", "d", "p", "c"))  # 爱戴总书记
        title_end = _title_after(text, end, words) if known else None
        if known and title_end is None and ("·" in person or _transliterated(person[1:]) or len(person) >= 3
                                            and _transliterated(person[1:-1]) and text[end:end + 1] in _TRANSLITERATION):
            end, title_end = _transliteration_before_title(text, start, end, words)  # 别尔德穆 + 哈梅多夫总统
            person = text[start:end]
        if title_end is not None and _title_full().fullmatch(text, start, title_end):
            title_end = None  # 特聘 + 教授: the "name" is the title's own modifier
        if title_end is not None:
            title_start = end
            body = _body_before_name(text, start, words)
            found.append(PersonMention(person, text[body:start], (text[title_start:title_end],), body, end, start,
                                       body, (title_start,)))
            taken.update(range(start, end))
    found += [p for p in _appointments(text, words) + _took_office(text, words) + _congratulated(text, words)
              + _led_body(text, words) if p.name_start not in taken]
    found.sort(key=lambda p: (p.char_start, p.name_start))
    found = _names_the_text_always_writes_longer(text, found, words)
    return [p for p in _country_shared_down_the_list(text, found) if not _an_occupation_alone(p)]


_ALWAYS_SEEN = 3  # occurrences of a name before its spelling across the document is trusted
_MAX_NAMES_COUNTED = 200


_CONJUNCTIONS = "和与及"


def _names_the_text_always_writes_longer(text: str, found: list[PersonMention], words: _WordIndex) -> list[PersonMention]:
    """国防部长魏凤 + 和严重违纪: a two-character name cut before a conjunction (和, 与, 及) is the
    three-character name where the document writes that character after it every time it writes
    the name (关于魏凤和问题, 魏凤和身为党员, 给予魏凤和处分)."""
    longer: dict[str, str] = {}
    for name in list(dict.fromkeys(p.person for p in found if len(p.person) == 2))[:_MAX_NAMES_COUNTED]:
        at = text.find(name)
        nxt = text[at + 2:at + 3] if at >= 0 else ""
        if not nxt or nxt not in _CONJUNCTIONS or not looks_like_name(name + nxt):
            continue
        seen = [m.start() for m in re.finditer(re.escape(name), text)]
        if len(seen) >= _ALWAYS_SEEN and all(text.startswith(nxt, a + 2) and words.start_of_word_ending.get(a + 3) == a + 2
                                              for a in seen):
            longer[name] = name + nxt  # (和 is a one-character word each time: 和问题, 和其他, never 和平)
    if not longer:
        return found
    out = []
    for p in found:
        full = longer.get(p.person)
        if full is not None and text.startswith(full, p.name_start):
            end = p.name_start + len(full)
            p = replace(p, person=full, char_end=max(p.char_end, end))
        out.append(p)
    return out


def same_person_written_short(short: str, full: str) -> bool:
    """扎帕罗夫 is 萨德尔·扎帕罗夫, 哇集拉隆功 is 玛哈·哇集拉隆功: a transliterated name written
    again by its last part (or that part's end) names the person named in full before."""
    if short == full or not ("·" in full or "-" in full) or not full.endswith(short):
        return False
    before = full[-len(short) - 1]
    return before in "·-" or len(short) >= 3 and _transliterated(short[1:])


def _japanese_name_end(text: str, start: int, words: _WordIndex) -> int | None:
    """日本首相高市早苗主张, 日本公明党党首山口那津男等: a Japanese name of three to five characters
    after a Japanese office, read as jieba's words that its dictionary does not know (高市, 早苗),
    knows as names or places (山口), or single characters, up to any other word."""
    at, unknown = start, False
    while at < len(text) and at - start < 5 and _HAN.match(text, at):
        nxt = _word_end(text, at, words)
        word = text[at:nxt]
        tag = word_tags().get(word)
        if word in _FOLLOW_SINGLE or word in _FUNCTION_CHARS or not (
                tag is None or tag.startswith(("nr", "ns")) or len(word) == 1 and tag.startswith("n")):
            break
        unknown = unknown or tag is None
        at = nxt
    if not (3 <= at - start <= 5 and unknown):
        return None
    return at if not _HAN.match(text, at) or _a_word_after_a_name(text, at, words) else None


def _a_word_after_a_name(text: str, at: int, words: _WordIndex) -> bool:
    word = text[at:_word_end(text, at, words)]
    return word in _FOLLOW_SINGLE or (word_tags().get(word) or "").startswith(("v", "p", "c", "d", "u", "r", "t", "n"))


def _an_occupation_alone(p: PersonMention) -> bool:
    """航天员叶光富, 彭丽媛教授: an occupation with no body named is no office."""
    return not p.organization and all(_an_occupation(t) for t in p.titles)


def _an_occupation(title: str) -> bool:
    """优秀教师 is an occupation with a modifier; 副总工程师 heads the engineers of a body."""
    base = next((o for o in _OCCUPATIONS if title.endswith(o)), None)
    return base is not None and "总" not in title[:len(title) - len(base)] \
        and not title.startswith(("首席", "主任", "主管"))


_OCCUPATIONS = tuple(sorted(lexicon.words("occupations")))


def _country_shared_down_the_list(text: str, found: list[PersonMention]) -> list[PersonMention]:
    """美国副总统彭斯、国务卿蓬佩奥: in a list of a country's officials, each with an office of its
    own, the country named at the head of the list is the body of every office after it."""
    out: list[PersonMention] = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and not p.organization and len(p.titles) == 1 and prev.char_end == p.char_start - 1 \
                and text[prev.char_end] == _LIST_SEP and prev.organization in lexicon.countries() \
                and p.name_start > p.char_start and not _names_a_state_body(p.titles[0]):
            p = replace(p, organization=prev.organization, org_start=prev.org_start)
        out.append(p)
    return out


_APPOINT = re.compile(r"(?:决定)?(?:任命|免去|撤销|选举|提名|推选|增补)了?")
_OFFICE_END = re.compile(r"的?(?:职务|资格)|[，。；、：\n]|$")
_TERM = re.compile(r"第[一二三四五六七八九十\d]{1,3}[任届]")


def _appointments(text: str, words: _WordIndex) -> list[PersonMention]:
    """任命郭振华为全国人大常委会代表工作委员会主任, 免去杨小伟…副主任职务, 撤销甲、乙…委员资格:
    the office comes after the names, so no title stands before them."""
    out = []
    for m in _APPOINT.finditer(text):
        at, names = m.end(), []
        while (end := _name_after_title(text, at, words)) is not None and end - at <= 6:
            names.append((at, end))
            at = end
            if not text.startswith("、", at):
                break
            at += 1
        if not names:
            continue
        lead = next((w for w in ("兼任的", "担任的", "为", "的") if text.startswith(w, at)), "")
        office = at + len(lead)  # 免去王毅兼任的外交部部长职务
        stop = _OFFICE_END.search(text, office, office + 60)
        if stop is None or stop.start() - office < 2:
            continue
        items = _chain(text, stop.start(), words)
        if items and items[0].body_start < office < items[0].body_end:  # 免去杨小伟政协…: the body starts after the name
            items[0] = replace(items[0], body_start=office)
        if not items or not _covers(text, office, items[0].body_start):
            continue
        org, org_start, titles, title_starts = _role(text, items)
        out += [PersonMention(text[a:b], org, titles, a, b, a, org_start, title_starts) for a, b in names]
    return out


_TIME_BEFORE_VERB = re.compile(r"(?:当天|当日|今天|昨天|日前|近日|\d{1,2}日)$")
_HELD_OFFICE_END = re.compile(r"的?(?:职务|资格)|[，。；：\n]|$")
_TAKES_OFFICE = re.compile(r"(?:同志)?(?:不再担任|继续担任|当选为|当选|担任|出任|宣誓就任|就任|连任|兼任|升任|改任|任|是)(?![命务何期职免])")


def _took_office(text: str, words: _WordIndex) -> list[PersonMention]:
    """倪岳峰同志任河北省委委员、常委、书记, 王东峰同志不再担任…职务, 王东明当选为中华全国总工会主席,
    邹文斌是崇仁县塘坪村党支部书记: a name that opens its clause, a verb of taking (or leaving or
    holding) an office, and the office, which must fill the rest of the clause."""
    out = []
    for m in _TAKES_OFFICE.finditer(text):
        verb = m.start() + (2 if text.startswith("同志", m.start()) else 0)
        if words.word_at.get(verb) != verb or words.word_at.get(m.end()) != m.end():
            continue  # the verb is part of a longer word: 任务, 主任, 当选者
        timed = _TIME_BEFORE_VERB.search(text, max(0, m.start() - 4), m.start())
        name_end = timed.start() if timed else m.start()  # 艾曼·苏桑当天宣誓就任, 马克·卡尼14日宣誓就任
        name = _name_ending_at(text, name_end, words)
        if name is not None and "·" in text[name - 1:name + 1]:  # the tagger's (·)阿卜杜拉希: the name starts before
            name = _joined_name_ending_at(text, name_end, words)
        if name is None:
            name = _transliteration_opening_clause(text, name_end)
        if name is None or not (_clause_start(text, name) or text.startswith("祝贺", name - 2)
                                                     or "·" in text[name:m.start()]):
            continue  # (祝贺苏林当选越共中央总书记, 的安德烈·西比加出任: after 祝贺, or a full foreign name)
        role = _office_from(text, m.end(), words)
        if role is None or m.group().endswith("是") and _a_description(role.titles[-1]):
            continue  # 李锡铭同志是中国共产党的优秀党员: a description, not an office
        org, org_start, titles, title_starts = role
        out.append(PersonMention(text[name:name_end], org, titles, name, name_end, name, org_start, title_starts))
    return out


_LED_BY = re.compile(rf"以({HAN.pattern}{{2,4}}?)同志为({HAN.pattern}{{2,6}}?)的")


def _led_body(text: str, words: _WordIndex) -> list[PersonMention]:
    """以胡锦涛同志为总书记的党中央: the office comes between the name and the body it heads, which
    follows as one word. 以习近平同志为核心的党中央 names no office: 核心 is no title."""
    out = []
    for m in _LED_BY.finditer(text):
        title_start, title_end = m.span(2)
        body_start = m.end()
        body_end = _word_end(text, body_start, words)
        if not _title_full().fullmatch(text, title_start, title_end) or not _is_body(text, body_start, body_end, words):
            continue
        a, b = m.span(1)
        out.append(PersonMention(text[a:b], text[body_start:body_end], (text[title_start:title_end],),
                                 a, body_end, a, body_start, (title_start,)))
    return out


def _a_description(title: str) -> bool:
    return title.endswith(_DESCRIPTIONS)


_DESCRIPTIONS = tuple(sorted(lexicon.words("occupations") | _NOT_TITLES))


def _office_from(text: str, office: int, words: _WordIndex) -> _Office | None:
    """The office written from ``office`` to the end of its clause (or 职务), when the chain read
    back from that end covers it all: 河北省委委员、常委、书记, 斯洛文尼亚共和国总统."""
    stop = _HELD_OFFICE_END.search(text, office, office + 60)
    if stop is None or stop.start() - office < 2:
        return None
    items = _chain(text, stop.start(), words)
    if not items or not _covers(text, office, items[0].body_start) or items[-1].title_end != stop.start():
        return None
    return _role(text, items)


_CONGRATULATED = re.compile(
    rf"(?:致电|致贺电|致信|致函)(?:祝贺)?([{HAN_RANGE}·\-]{{2,40}})，(?:热烈)?祝贺(?:他|她|其)(?:再次|连任|正式|新)?"
    r"(?:就任|当选为|当选|连任|出任)")


def _congratulated(text: str, words: _WordIndex) -> list[PersonMention]:
    """致电娜塔莎·皮尔茨·穆萨尔，祝贺她就任斯洛文尼亚共和国总统: the name comes first, the office it
    is congratulated on at the end of the next clause."""
    out = []
    for m in _CONGRATULATED.finditer(text):
        a, b = m.span(1)
        name = text[a:b]
        if not ("·" in name or "-" in name or _plausible_run(name) or _tagged_person_end(text, a, words) == b):
            continue
        role = _office_from(text, m.end(), words)
        if role is None:
            continue
        org, org_start, titles, title_starts = role
        out.append(PersonMention(name, org, titles, a, b, a, org_start, title_starts))
    return out


def _name_ending_at(text: str, end: int, words: _WordIndex) -> int | None:
    """Start of the tagger's person, or of a surname-led name, that ends right at ``end``."""
    for size in (2, 3, 4, 5, 6, 7, 8):
        start = end - size
        if start < 0:
            break
        m = words.persons.get(start)
        if m is not None and m.end == end and _tagged_name(text, m):
            return start
    for size in (3, 2):
        start = end - size
        if start >= 0 and _surname_name(text, start, words) == end:
            return start
    return _joined_name_ending_at(text, end, words)


_JOINED_NAME_TAIL = re.compile(rf"(?:·{HAN.pattern}{{1,8}})+$")


def _transliteration_opening_clause(text: str, end: int) -> int | None:
    """，托卡耶夫宣誓就任总统: three to eight characters that spell foreign names, from the start of
    the clause to the verb, are a name the tagger missed."""
    start = end
    while start > 0 and end - start < 8 and text[start - 1] in _TRANSLITERATION:
        start -= 1
    name = text[start:end]
    return start if len(name) >= 3 and _clause_start(text, start) and not _common_words_in(name) else None


def _joined_name_ending_at(text: str, end: int, words: _WordIndex) -> int | None:
    """的安德烈·西比加出任: a ·-joined name the tagger missed; its first part is the words before
    the first · that the dictionary knows as no other kind of word (or that spell foreign names)."""
    tail = _JOINED_NAME_TAIL.search(text, max(0, end - 40), end)
    if tail is None:
        return None
    start = tail.start()
    while start > 0 and tail.start() - start < 8:
        word_start = words.start_of_word_ending.get(start)
        if word_start is None or not _HAN.fullmatch(text, word_start, word_start + 1):
            break
        word = text[word_start:start]
        tag = word_tags().get(word)
        if not (tag is None or tag.startswith(("nr", "ns")) or _transliterated(word)) or word in _FOLLOW_SINGLE:
            break
        start = word_start
    return start if tail.start() - start >= 1 else None


def _covers(text: str, office: int, chain_start: int) -> bool:
    """The chain read back from the office's end reaches its start (a term, 第五任, may stand
    before the body and belongs to neither)."""
    gap = text[office:chain_start]
    return gap == "" or bool(_TERM.fullmatch(gap))


def _clause_start(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in "，。；：、“”（）\n 　！？"


def _opens_clause_as_name(text: str, start: int, name: str) -> bool:
    """栗战书委员长主持: a surname-led name that opens a clause, which the tagger and jieba miss,
    is a name when it reads as no word (向全体, 任驻村, 卓越 and 乌克兰 do)."""
    import jieba

    return _clause_start(text, start) and looks_like_name(name) and _HAN.fullmatch(name[0]) is not None \
        and all(_HAN.match(c) for c in name) and name[0] not in "同与和及对向在为把被任从到" \
        and name not in lexicon.countries() and jieba.dt.FREQ.get(name, 0) < _COMMON_NAME \
        and not _reads_as_words(name)


def _several_countries(text: str, first: _Item) -> bool:
    """美俄总统布达佩斯会晤: the heads of two countries; what follows is no one's name."""
    table = lexicon.place_abbreviations()
    at = first.body_start
    while at > 0 and text[at - 1] in table and table[text[at - 1]][0]:
        at -= 1  # 美 + 俄: jieba may cut the pair apart
    body = text[at:first.body_end]
    return len(body) >= 2 and all(c in table and table[c][0] for c in body)


def _title_of_the_name_before(text: str, first: _Item, words: _WordIndex) -> bool:
    """习近平主席: the tagger's person right before the title holds it (not 李庄镇党委书记, where the
    tagger's "person" ends in a place word)."""
    return first.body_start == first.title_start and first.title_start - 1 in words.person_chars \
        and not text.endswith(lexicon.PLACE_SUFFIXES, 0, first.title_start)


def _form_of_address(text: str, first: _Item) -> bool:
    at = first.body_start
    return at == first.title_start and at >= 1 and text[at - 1] in lexicon.surnames() \
        and (at == 1 or not _HAN.match(text, at - 2))


def _known_name(text: str, start: int, end: int, words: _WordIndex) -> bool:
    """A name before a title must be one the tagger or jieba's dictionary marks as a name: a
    surname alone would read 向全党 in 向全党主席… as one."""
    name = text[start:end]
    if name in lexicon.countries():
        return False
    if start in words.persons:
        return True
    import jieba

    # 拜登总统: jieba knows the name; 卓越工程师, 陆军参谋长: jieba's frequent "names" are words
    return (word_tags().get(name) or "").startswith("nr") and jieba.dt.FREQ.get(name, 0) < _COMMON_NAME


_COMMON_NAME = 300


def office_and_name(line: str, analysis: Analysis | None = None) -> PersonMention | None:
    """A line that is exactly offices and a name (an interviewee line: 哈萨克斯坦总统战略研究所首席
    研究员瑟罗耶日金): the name is whatever follows the last title, so names the tagger does not
    know are read too."""
    line = line.strip()
    words = _WordIndex(line, analysis or analyse(line))
    for start in range(max(1, len(line) - 16), len(line) - 1):
        name = line[start:]
        if not re.fullmatch(rf"[{HAN_RANGE}·]{{2,16}}", name) or _title_start().search(name):
            continue
        items = _chain(line, start, words)
        if items:
            org, org_start, titles, title_starts = _role(line, items)
            return PersonMention(name, org, titles, items[0].body_start, len(line), start, org_start, title_starts)
    return None


def office_only(line: str) -> tuple[str, tuple[str, ...]] | None:
    """Organisation and titles of a line that is offices and no name (中央组织部负责人)."""
    line = line.strip()
    items = _chain(line, len(line), _WordIndex(line, analyse(line)))
    if not items or items[0].body_start > 0:
        return None
    org, _, titles, _ = _role(line, items)
    return org, titles
