"""Find metrics (quantities reported or promised) and fill every ANNOTATION.md field.

A scanner, not one big regex: each number found in the text is read outward, first
the magnitude and unit after it, then qualifier cues on both sides, then the clause
around it for change, base period, period, target/achievement and subject. The word
lists live in ``pipeline/lexicon``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import jieba
import jieba.posseg as pseg

from pipeline import lexicon
from pipeline.extract.numbers import CHINESE_NUMERAL_CHARS, DIGITS, parse_arabic, parse_chinese
from pipeline.extract.subjects import names_nothing, subject_after, trim_subject
from pipeline.extract.units import DENOMINATORS
from pipeline.text import HAN_RANGE, MARKDOWN_HEADING, clause_start, is_han, sentence_bounds

# 33，212万吨: older reports group thousands with the full-width comma; every group after the first has
# exactly three digits and no digit follows, so a list (1978，1979) or 3，4 stays apart.
_ARABIC = r"\d{1,3}(?:，\d{3})+(?:\.\d+)?(?!\d|，\d)|\d+(?:,\d{3})*(?:\.\d+)?"
# 4亿5679万, 1万600, 1万2千人, 2千零30万: digits and magnitudes mixed, read as one number (ANNOTATION.md)
_MIXED = r"\d+(?:[亿万千百]零?\d+(?:\.\d+)?)+(?:[亿万千百](?![米克瓦卡]))?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
# 半小时, 半个月: half of a time unit, standing alone (上半年, 一个半小时 and 半月谈 are other words)
_HALF = r"(?<![上下前后大小多个零〇一二两三四五六七八九十百千万\d])半(?=个?(?:小时|钟头)|个月)"
NUMBER = re.compile(rf"(?P<ar>{_MIXED}|{_ARABIC})|(?P<cn>{_CHINESE})|(?P<half>{_HALF})")
# ASCII units written after digits (168cm, 250m, 3km): the unit ends where the letters end.
ASCII_UNIT = re.compile(r"(?:cm|CM|mm|km|KM|kg|KG|kWh|kW|MW|m)(?![A-Za-z])")
RANGE_DASH = re.compile(r"\s*[-—–~～至到]{1,2}\s*")
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
# Older reports number their parts （一）, （二） (1958, 1981): then those are the top level.
PAREN_HEADING = re.compile(r"^（[一二三四五六七八九十]+）")
LIST_GAP = re.compile(r"\s*[、和及与]\s*|\s*以及\s*")
PLAN_PERIOD = re.compile(r"“?(十[一二三四五六七八九]五)”?")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
BASE = re.compile(
    # 比重/比例 are nouns and 较快/较大 adverbs, not comparisons with a base.
    r"(?:较(?![快慢大小多少高低好强弱为])|比(?![重例率])|相比|与)(?:“)?(?P<base>(?:[^，。；“”、\d%]{1,12}?|\d{4}年)"
    r"(?:年末|年底|末)?)(?:”)?(?:时期|期间|同期)?(?:相比)?(?:分别|均|累计|实际)?"
    r"(?=增长|下降|提高|减少|增加|降低|上升|提升|上涨|回落|增|降|减|多|少|翻)"
)
# Units that make even a small Chinese numeral a figure (翻两倍, 三成); otherwise small Chinese
# numerals are the text counting its own points (三个方面, 一批, 五年) or idioms (二元结构).
SHARE_UNITS = {"%", "‰", "倍", "百分点", "成"}
# Words before a Chinese-numeral count of years that make it a measured duration (连续十年).
DURATION_CUES = ("连续", "长达", "历时", "累计", "坚持", "持续", "已经", "已有", "达到", "超过")
_CN_DIGITS = set("零〇一二两三四五六七八九")


@dataclass
class Metric:
    raw_text: str
    value: float
    unit: str
    char_start: int
    char_end: int
    qualifier: str = "exact"
    change: str = "none"
    base_period: str | None = None
    period: str | None = None
    value_high: float | None = None
    kind: str = "achievement"
    subject: str | None = None
    sentence: str = ""


@cache
def _sorted_keys(name: str) -> tuple[str, ...]:
    return tuple(sorted(lexicon.cues()[name], key=len, reverse=True))


@cache
def _words(name: str) -> tuple[str, ...]:
    """A cue list as a tuple, for ``str.startswith``/``endswith`` with all of it at once."""
    return tuple(lexicon.cues()[name])


@cache
def _unit_surfaces() -> tuple[str, ...]:
    return tuple(sorted(lexicon.units(), key=len, reverse=True))


@cache
def _by_length(options: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Options grouped by length, longest first: a match is a few slice lookups, not a scan."""
    lengths = sorted({len(o) for o in options}, reverse=True)
    return tuple((n, frozenset(o for o in options if len(o) == n)) for n in lengths)


def _match_prefix(text: str, pos: int, options: tuple[str, ...]) -> str | None:
    for n, group in _by_length(options):
        candidate = text[pos:pos + n]
        if candidate in group:
            return candidate
    return None


def _match_suffix(text: str, end: int, options: tuple[str, ...], window: int = 4) -> str | None:
    for n, group in _by_length(options):
        if n <= window and end - n >= 0 and text[end - n:end] in group:
            return text[end - n:end]
    return None


MAX_SPACES = 6


def _read_unit(text: str, pos: int) -> tuple[str, str, int] | None:
    """(surface, normalised unit, end) of the unit at ``pos``, with a /denominator if any.

    One run of spaces may stand before a unit of two or more characters (1.6 个百分点): typesetting,
    not a break; a one-character unit after a space is too often the next word (表 1 人口)."""
    if text.startswith("成", pos):
        return "成", "成", pos + 1
    if text.startswith(" ", pos):
        after = pos + 1
        while text.startswith(" ", after) and after - pos < MAX_SPACES:
            after += 1
        unit = None if text.startswith(" ", after) else _read_unit(text, after)
        return unit if unit and len(text[after:unit[2]]) > 1 and unit[0] != "成" else None
    ascii_unit = ASCII_UNIT.match(text, pos)
    surface = ascii_unit.group() if ascii_unit else _match_prefix(text, pos, _unit_surfaces())
    if surface is None or (surface.isascii() and surface.isalpha() and not ascii_unit):
        return None
    unit, end = lexicon.units()[surface], pos + len(surface)
    if text.startswith("/", end):
        denominator = _match_prefix(text, end + 1, DENOMINATORS)
        if denominator:
            unit, end = f"{unit}/{denominator}", end + 1 + len(denominator)
    return surface, unit, end


# 两三千只, 三四十个: two neighbouring digits say "between the two", an approximate range.
_APPROX_PAIR = re.compile(r"(?P<low>[一二两三四五六七八九])(?P<high>[两二三四五六七八九])(?P<mag>[十百千万亿]*)")


def _approx_pair(cn: str | None) -> tuple[float, float] | None:
    """(low, high) for 两三千 -> (2000, 3000); None when the digits are not neighbours."""
    m = _APPROX_PAIR.fullmatch(cn or "")
    if not m or DIGITS[m["high"]] != DIGITS[m["low"]] + 1:
        return None
    scale = parse_chinese("一" + m["mag"]) if m["mag"] else 1.0
    return (DIGITS[m["low"]] * scale, DIGITS[m["high"]] * scale) if scale else None


def _number_value(m: re.Match) -> float | None:
    if m["ar"]:
        return parse_arabic(m["ar"])
    if m["half"]:
        return 0.5
    if pair := _approx_pair(m["cn"]):
        return pair[0]
    if not any(ch in DIGITS or ch == "十" for ch in m["cn"]):
        # a bare magnitude (万家团圆, 千亿) is a word, not a number, unless a cue of amount stands
        # before it (突破亿吨, 超万人): then it is one of that magnitude
        if m["cn"] in BARE_MAGNITUDES and (_match_suffix(m.string, m.start(), _sorted_keys("bare_magnitude_cues"))
                                           or m.string.startswith(("余", "多"), m.end()) or _up_to(m.string, m)):
            return parse_chinese("一" + m["cn"])
        return None
    return parse_chinese(m["cn"])


BARE_MAGNITUDES = ("百", "千", "万", "亿", "万亿")


def _up_to(text: str, m: re.Match) -> bool:
    """上千名, 上百家: 上 before a bare magnitude says "as many as", an approximate figure of that size;
    before any other numeral (上一年, 上两个) it is no amount."""
    at = m.start()
    return bool(m["cn"]) and m["cn"] in BARE_MAGNITUDES and at > 0 and text[at - 1] == "上" and \
        text[max(0, at - 3):at - 1] not in ("成千", "成百")  # 成千上万, 成百上千: idioms


def _is_not_a_quantity(text: str, m: re.Match) -> bool:
    """Codes, names, ordinals and footnotes: PM2.5, S43, 5G, 第十六届, ［1］."""
    start, end = m.start(), m.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isascii() and (before.isalpha() or before in ".#/_+"):
        return True
    if before == "-" and start > 1 and (text[start - 2].isascii() and text[start - 2].isalnum()):
        return True  # S43-1, G6-2: a code's hyphen; a minus stands after a space, a word or a verb
    if after.isascii() and after.isalpha() and not ASCII_UNIT.match(text, end):
        return True
    if before == "前" and text.startswith(("位", "名"), end):
        return True  # 前8位, 前10名: a rank, not a count
    if before in "第[【" or (before == "(" and after == ")"):
        return True
    if m["cn"] and (before == "○" or before in lexicon.cues()["vague_before"] and not _up_to(text, m)):
        return True  # 几十家, 数百万, 上千: an order of magnitude, not a figure
    if (m["ar"] and (before in _CN_DIGITS or after in _CN_DIGITS)) or (m["cn"] and (before.isdigit() or after.isdigit())):
        return True  # 二0一0年: a year or code written in mixed digits
    if after == "+":
        return True
    if before == "前" and text.startswith(("个月", "月", "季度", "个季度"), end):
        return True  # 今年前10个月: the period a figure covers, not a figure
    return text.startswith(_words("not_unit_after"), end)


def _magnitude(text: str, pos: int) -> tuple[float, int]:
    surface = _match_prefix(text, pos, _sorted_keys("magnitudes"))
    if surface is None:
        return 1.0, pos
    return float(lexicon.cues()["magnitudes"][surface]), pos + len(surface)


_SHARE_DENOMINATORS = {"万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8}


def _significant(share: float) -> float:
    """Eight significant digits: 一千万分之六 is 0.00006 %, not 0.0001 (a fixed number of decimals
    rounds small shares away), and 三分之一 stays 33.3333."""
    return float(f"{share:.8g}")


def _read_share(text: str, m: re.Match) -> tuple[float, float, str, int, str | None] | None:
    """Shares written as words or fractions: 一半, 三分之一, 百分之二十, 千分之三, 占…1/5."""
    pos = m.end()
    if m["cn"] == "一" and text.startswith("半", pos):
        # 占一半, 一半以上: a share; 一半为你担忧 is prose
        shared = (m.start() > 0 and text[m.start() - 1] in "的占过近约达有超逾过") or text.startswith(
            ("以上", "以下", "左右", "多"), pos + 1)
        return (50.0, 1.0, "%", pos + 1, None) if shared else None
    if text.startswith("分之", pos):
        numerator = NUMBER.match(text, pos + 2)
        value = 100.0 if numerator and numerator.group() == "百" else (
            _number_value(numerator) if numerator else None)  # 百分之百 is all of it
        if value is None:
            return None
        if m["cn"] in ("百", "千"):
            return value, 1.0, "%" if m["cn"] == "百" else "‰", numerator.end(), None
        if m["cn"] in _SHARE_DENOMINATORS:  # 万分之三 = 0.03 %
            return _significant(value / _SHARE_DENOMINATORS[m["cn"]] * 100), 1.0, "%", numerator.end(), None
        denominator = _number_value(m)
        return (_significant(value / denominator * 100), 1.0, "%", numerator.end(), None) if denominator else None
    fraction = re.match(r"/(\d+)(?![\d.])", text[pos:pos + 6])
    if m["ar"] and fraction and "占" in text[max(0, m.start() - 3):m.start()] and int(fraction[1]):
        return round(parse_arabic(m["ar"]) / int(fraction[1]) * 100, 4), 1.0, "%", pos + fraction.end(), None
    return None


def _read_quantity(text: str, m: re.Match) -> tuple[float, float, str, int, str | None] | None:
    """(value, magnitude, unit, end, infix qualifier) for the number matched by ``m``."""
    share = _read_share(text, m)
    if share is not None:
        return share
    value = _number_value(m)
    if value is None:
        return None
    pos = m.end()
    infix = None
    factor = 1.0
    unit = _read_unit(text, pos)
    if unit is None:
        infix_word = _match_prefix(text, pos, ("多", "余"))
        if infix_word:
            infix, pos = lexicon.cues()["qualifier_infix"][infix_word], pos + 1
        factor, pos = _magnitude(text, pos)  # 3多万, 一百多万人: a magnitude may follow 多/余
        if infix is None and (word := _match_prefix(text, pos, ("多", "余"))):
            infix, pos = lexicon.cues()["qualifier_infix"][word], pos + 1
        unit = _read_unit(text, pos)
        if unit is None:
            return _read_tally(text, m, value, pos) or _read_bare_count(text, m, value, factor, pos, infix)
    _surface, normalised, end = unit
    if _surface == "个" and (timed := _match_prefix(text, end + 1, tuple(_TIME_AFTER_GE))) \
            and text[end] in "多余半":
        # 一个多小时, 两个多月, 一个半小时: 个, then 多 or 半, then the time noun that is the unit
        infix = lexicon.cues()["qualifier_infix"].get(text[end], infix)
        value += 0.5 if text[end] == "半" else 0
        return value, factor, _TIME_AFTER_GE[timed], end + 1 + len(timed), infix
    if text.startswith("半", end) and not text.startswith(_NOT_HALF, end):
        value += 0.5  # 三成半 = 35 %, 十五斤半 = 15.5 斤 (ANNOTATION.md: X成半)
        end += 1
    return value, factor, _temperature_scale(text, m.start(), normalised), end, infix


_TIME_AFTER_GE = {"小时": "小时", "钟头": "小时", "月": "月", "星期": "周", "年头": "年"}
_NOT_HALF = ("半导体", "半岛", "半径", "半数", "半价", "半年", "半月", "半天", "半小时", "半边")


def _temperature_scale(text: str, start: int, unit: str) -> str:
    """华氏温度98.6度, 摄氏20度: the scale written before a 度 names the unit."""
    if unit != "度":
        return unit
    before = text[max(0, start - 4):start]
    return "℉" if "华氏" in before else "℃" if "摄氏" in before else unit


def _read_tally(text: str, m: re.Match, value: float, pos: int) -> tuple[float, float, str, int, None] | None:
    """9金4银2铜, 2死3伤: a figure followed by a tally word, with another figure beside it."""
    tallies = lexicon.cues()["tally_words"]
    word = text[pos:pos + 1]
    if not m["ar"] or word not in tallies:
        return None
    next_is_figure = text[pos + 1:pos + 2].isdigit()
    prev_is_tally = m.start() > 1 and text[m.start() - 1] in tallies and text[m.start() - 2].isdigit()
    return (value, 1.0, tallies[word], pos + 1, None) if next_is_figure or prev_is_tally else None


_BARE_END = "，。；！？、,;!?\n）)"


def _read_bare_count(text: str, m: re.Match, value: float, factor: float,
                     pos: int, infix: str | None = None) -> tuple[float, float, str, int, str | None] | None:
    """纳税人达到3000: an integer after a verb of amount, ending its clause, counts the noun before it:
    人 for people, 个 for anything else (ANNOTATION.md). A year (达到2020) or a decimal is no count.

    A figure with a magnitude counts people with no verb and no measure word when a noun of people
    stands right before it (人口2.67万，) or right after it (招收40多万高校毕业生), and then it may be a
    decimal (总人口达11.81亿)."""
    if not m["ar"]:
        return None
    if factor > 1 and _people_noun_after(text, pos):
        return value, factor, "人", pos, infix
    if pos < len(text) and text[pos] not in _BARE_END:
        return None
    if factor == 1.0 and 1900 <= value <= 2100:
        return None
    verb = _match_suffix(text, m.start(), _sorted_keys("bare_count_verbs")) or ""
    noun_end = m.start() - len(verb)
    noun = text[max(0, noun_end - 6):noun_end]
    if not noun or not all(is_han(ch) for ch in noun[-2:]):
        return None
    people = any(noun.endswith(w) for w in lexicon.cues()["people_noun_ends"])
    if ("." in m["ar"] or not verb) and not (people and factor > 1):
        return None
    return value, factor, "人" if people else "个", pos, infix


MAX_PEOPLE_NOUN = 8


def _people_noun_after(text: str, pos: int) -> bool:
    """The nouns right after ``pos`` end in a word for people (40多万|高校毕业生, 10万|市民)."""
    last = ""
    for word, flag in pseg.cut(text[pos:pos + MAX_PEOPLE_NOUN]):
        if not flag.startswith("n") or word.startswith(tuple(_unit_surfaces())):
            break
        last = word
    return bool(last) and last.endswith(tuple(lexicon.cues()["people_noun_ends"]))


def _plausible(text: str, m: re.Match, value: float, factor: float, unit: str, end: int) -> bool:
    if _inside_title(text, m.start(), end) or _names_a_rule(text, m, end) or _own_enumeration(text, m, value, unit, end):
        return False
    if unit in ("%", "‰") and m["cn"]:
        return True  # 一半, 三分之一, 百分之二十
    if m["cn"] and factor == 1.0 and value < 10 and "万" not in m["cn"] and unit not in SHARE_UNITS \
            and not _measured_small(text, m, value, unit, end):
        return False  # 三个方面, 一批, 五年, 二元结构: the text counting its own points, or an idiom
    if value == 1 and text.startswith("兑", end):
        return False  # 1美元兑7.1元人民币: the base of an exchange rate, not a figure
    if unit == "间" and m.start() > 1 and text[m.start() - 1] in "与和" and text[m.start() - 2].isdigit():
        return False  # 10000与20000间: "between", not 20000 rooms
    if unit == "年" and m["cn"] and not _match_suffix(text, m.start(), DURATION_CUES):
        return False  # 十三年来, 二十世纪八十年代, 建党一百年: narrative time, not a measured duration
    counted_time = text[m.end():end].lstrip("万亿千百十多余").startswith("个")  # 两个月|租金: 个 marks the unit
    if text.startswith("年代", end - 1) or (
            len(unit) == 1 and not counted_time and _unit_glued_to_next_word(text, m.start(), end)):
        return False
    if unit == "年" and m["ar"] and factor == 1.0 and 1900 <= value <= 2100 and "." not in m["ar"]:
        return False  # a year dates a figure; it is a period, not a metric
    if _inside_short_name(text, m.start(), _past_range(text, end)):
        return False  # “民营经济32条”, “十项重大工程”: a programme named by a number
    return not (unit == "次" and m["cn"] and text.startswith(("全会", "会议", "代表大会"), m.end() + 1))


def _past_range(text: str, end: int) -> int:
    """Where a range that the figure opens ends (“18至25周岁”: a quoted range is no name), else ``end``."""
    dash = RANGE_DASH.match(text, end)
    second = _number_at(text, dash.end()) if dash else None
    quantity = _read_quantity(text, second) if second else None
    return quantity[3] if quantity else end


def _measured_small(text: str, m: re.Match, value: float, unit: str, end: int) -> bool:
    """两次, 两美元, 五岁, 每吨补贴三元: a small Chinese numeral before a unit that measures
    (money, age, times, weight, length) is a figure; before 个, 批, 项, 年 it is the text counting
    its own points. A one-character unit must end its phrase (三元。, 五岁的): 二元结构, 三次产业,
    二次创业 and 三元里 are words."""
    surface = text[m.end():end]
    halved = "半" in surface  # 一吨半, 一个半小时: a measure of one and a half
    more = "多" in surface or "余" in surface  # 一个多小时
    if value >= 2 and unit in lexicon.cues()["counted_small_units"]:
        return m["cn"] != "二"  # 七起典型案例, 两所医院: a count; 二层, 二所 are ordinals or names
    if (value < 2 and not halved and not more) or unit not in lexicon.cues()["measured_small_units"]:
        return False
    if len(surface) > 1:
        return True
    follows = text[end:end + 1]
    return not follows or not is_han(follows) or follows in "的钱左多余"


# Characters that make a one-character cue the end of another word: 节约, 签约 are not 约; 最近 is not 近.
_NOT_A_CUE_AFTER = {"约": "节制签预公条履特契邀", "近": "最附临靠亲贴", "超": "赶高"}


def _inside_word(text: str, at: int, cue: str) -> bool:
    return at > 0 and text[at - 1] in _NOT_A_CUE_AFTER.get(cue, "")


MAX_QUOTED_NAME = 12


def _inside_short_name(text: str, start: int, end: int) -> bool:
    """The figure stands inside a short quoted phrase that has words besides it."""
    opening = text.rfind("“", max(0, start - MAX_QUOTED_NAME), start)
    if opening < 0 or "”" in text[opening:start]:
        return False
    closing = text.find("”", end, end + MAX_QUOTED_NAME)
    if closing < 0 or closing - opening > MAX_QUOTED_NAME + 1:
        return False
    words = text[opening + 1:start] + text[end:closing]
    return any(is_han(ch) for ch in words)


MAX_TITLE = 30


def _inside_title(text: str, start: int, end: int) -> bool:
    """《人民政协提案工作70年》: a figure inside a book or document title names it, it measures nothing."""
    opening = text.rfind("《", max(0, start - MAX_TITLE), start)
    if opening < 0 or "》" in text[opening:start]:
        return False
    closing = text.find("》", end, end + MAX_TITLE)
    return closing >= 0 and "《" not in text[end:closing]


_LIST_UNITS = ("项", "个", "条", "点")
# What a text's own list counts: its points, not things in the world.
_POINT_NOUNS = ("原则", "要求", "任务", "重点任务", "举措", "措施", "内容", "环节", "指标", "主要指标")
_RULE_SET_AFTER = ("要求", "规定", "原则", "标准", "禁令")
MAX_LISTED = 80


def _own_enumeration(text: str, m: re.Match, value: float, unit: str, end: int) -> bool:
    """The text counting its own points: 8个方面 (ANNOTATION.md: 三个方面), and A、B、C、D等4项原则 or
    A、…、H共8个方面, where the count is the number of items listed right before it."""
    if unit not in _LIST_UNITS:
        return False
    if text.startswith("方面", end):
        return True
    if not text.startswith(_POINT_NOUNS, end):
        return False  # 河北、辽宁…等6个地区: a count of places the text names, still a count
    before = text[max(0, m.start() - 2):m.start()]
    if not before.endswith(("等", "共")):
        return False
    cut = m.start() - (2 if before == "等共" else 1)
    clause = text[max(0, cut - MAX_LISTED):cut]
    opening = max(clause.rfind(c) for c in "，。；：！？\n")
    items = clause[opening + 1:].count("、") + 1
    return items >= 3 and items == value


def _names_a_rule(text: str, m: re.Match, end: int) -> bool:
    """12个“一律”, 7个“百分之百”: a count of a quoted phrase made only of adverbs and numerals names a
    set of rules (3个“智慧社区”, 10个“二线口岸” count places). The figure inside such a quote is no share either."""
    at = m.start()
    if at > 2 and text[at - 1] == "“" and text[at - 2] in "个项条" and text.startswith("”", end) and (
            text[at - 3].isdigit() or text[at - 3] in CHINESE_NUMERAL_CHARS):
        return True  # the 百分之百 of 7个“百分之百”
    if not text.startswith("“", end) or text[m.end():end] not in _LIST_UNITS:
        return False
    closing = text.find("”", end + 1, end + 8)
    if closing < 0 or not (text.startswith(_RULE_SET_AFTER, closing + 1) or text[closing + 1:closing + 2] in "和、，。；及与"):
        return False  # 1596个“千项万亿”重大项目: the quote names the projects counted
    return all(flag.startswith(("d", "m", "c", "p", "u")) for _word, flag in pseg.cut(text[end + 1:closing]))


def _unit_glued_to_next_word(text: str, start: int, end: int) -> bool:
    """A one-character unit that jieba reads as the start of a longer word (两千三百万台|湾同胞)."""
    return _glued(text[start:end + 3], end - start)


@lru_cache(maxsize=8192)
def _glued(window: str, unit_end: int) -> bool:
    """Whether jieba's word holding the unit's character runs past ``unit_end``. Cached: the same
    few windows (3个月, 5家企) come back thousands of times, and each cut costs a dictionary walk."""
    pos = 0
    for word in jieba.cut(window, HMM=False):
        if pos <= unit_end - 1 < pos + len(word):
            return pos + len(word) > unit_end
        pos += len(word)
    return False


# Nouns that contain a change word: 增加值 is value added, 增长点 a source of growth.
_CHANGE_NOUNS = re.compile("增加值|增长点|增长极")


def _mask(m: re.Match) -> str:
    return "\0" * len(m.group())


@cache
def _modifying_change() -> re.Pattern:
    """同比上涨的城市个数为68个: a change word before 的 describes a noun; the figure is a count."""
    words = sorted(lexicon.cues()["increase"] + lexicon.cues()["decrease"], key=len, reverse=True)
    return re.compile(rf"(?:同比|环比)?(?:{'|'.join(map(re.escape, words))})的")


def _mask_modifiers(segment: str) -> str:
    """Mask a change word that modifies a noun standing between it and the figure."""
    if "的" not in segment:
        return segment
    return _modifying_change().sub(lambda m: m.group() if m.end() == len(segment) else _mask(m), segment)


@cache
def _change_words() -> tuple[re.Pattern, dict[str, str]]:
    """Every change word of two or more characters, as one pattern that finds each position where
    one starts (a lookahead, so overlapping words are all seen), with the direction of each word."""
    direction = {w: d for d in ("decrease", "increase") for w in lexicon.cues()[d] if len(w) >= 2}
    words = sorted(direction, key=len, reverse=True)
    return re.compile(f"(?=({'|'.join(map(re.escape, words))}))"), direction


def _find_change(segment: str) -> str:
    """The direction of the change word that starts last in ``segment`` (nearest the figure)."""
    segment = _CHANGE_NOUNS.sub(_mask, segment)
    pattern, direction = _change_words()
    adjacent = lexicon.cues()["change_adjacent"]
    for m in reversed(list(pattern.finditer(segment))):
        word = m.group(1)
        if word in adjacent and not segment.rstrip("了").endswith(word):
            continue  # 加快打造4个集群 speeds work up; 较去年加快8个百分点 is a change
        return direction[word]
    return "none"


# 计划 after a noun names a programme (国家培养计划, 行动计划) unless a verb follows it (全市计划投资).
_NOUN_PLAN = re.compile(rf"(?<=[{HAN_RANGE}])(?<![年共拟原预今明])计划"
                        r"(?!投资|新增|完成|建设|实施|开工|于|在|到|用|实现|达到|开展|推出|引进|培育|新建|改造|举办|安排|"
                        r"发行|生产|种植|销售|出口|招|首次|今年|明年|年内|全年|每年|再|逐步)")


# 将 in its 把 sense takes an object and a verb that disposes of it (将覆盖率从5%提高到35%, 将标准提高至
# 800元, 将全省划分为3个流域, 将补偿金交给仙桃市); it promises nothing, in whichever clause it stands.
_TAKE_JIANG = re.compile(
    r"将(?![会要在于近其来继进加着大努力]|全面|全力|全部)(?=[^，。；]{1,15}?(?:从|由|"
    r"(?:提高|提升|降低|压减|缩减|缩短|扩大|调整|控制|下调|上调)(?:到|至|为|在)|"
    r"交给|交由|划分为|划为|纳入|列入|搬到|搬进|改为|改成|变为|转为|改造为|改造提升为|打造成|修旧如旧))")
MAX_JIANG_REACH = 20
# A plan word that is no promise of the figure: the plan a result is measured against (高于目标增速,
# 完成年初计划的8.2%), a noun built on it (规划图, 规划局), 就要 (about to) and a daily 要 (has to).
_PLAN_AS_NOUN = re.compile(r"(?<=完成|高于|低于|超过|超出|好于|快于|慢于)(?:了)?(?:年初|全年|年度|既定|预定|序时)?(?:目标|计划|预期|规划)"
                           r"|(?<=超额完成)(?:年初|全年|年度|既定|预定)?(?:目标|计划|规划)"
                           r"|规划(?=[图馆局院师所])|就要|(?<=每天|每日|每晚|天天)要")
# In an earlier clause, a goal that is the object of a verb is a noun, no promise: 瞄准…的目标发力 (的目标
# before a verb other than 是/为), 围绕国家能源发展规划， and 打击…等目标， (a verb that aims at it, the
# goal ending its clause). 主要目标是, 调控目标，定为, 按照规划， still announce a target.
_GOAL_OBJECT = re.compile(rf"(?<=的)(?:目标|规划|计划)(?=[{HAN_RANGE}])(?![是为])"
                          r"|(?:围绕|瞄准|对准|打击|袭击|空袭|摧毁|击中|轰炸|攻击)[^，。；]{0,20}?(?:目标|规划)(?=[，；、])")


def _goal_as_object(masked: str, clause_at: int) -> str:
    if clause_at <= 0:
        return masked
    return _GOAL_OBJECT.sub(_mask_goal, masked[:clause_at]) + masked[clause_at:]


def _mask_goal(m: re.Match) -> str:
    """Mask only the goal word at the end of the match, not the verb and words before it."""
    word = m.group()[-2:]
    return m.group()[:-2] + "\0" * len(word)


_REVIEW_NOT_TARGET = ("目标", "计划", "规划", "预期", "预计", "争取")
# Words that report what was done; after the last plan word, in the figure's own clause, they win.
_DONE = ("已", "成功", "实现", "完成", "实际", "现有")  # 计划建成118个，实际建成128个


def _find_kind(prefix: str, clause_at: int = 0, review: bool = False, rest: str = "") -> str:
    """Target or achievement, from the sentence up to the figure (``prefix``).

    The rule, in order: (1) no target cue in the sentence before the figure -> achievement;
    (2) 将 taking an object (将X从…提高到, 将X交给) is no cue; in a review part, neither are the words that
    there name plans met or funds won (目标, 计划, 规划, 预期, 预计, 争取: 争取国家资金4700亿元);
    (3) a done word (已, 成功, 实现, 完成, 实际) in the figure's own clause, standing after the last target
    cue, which itself stands in an earlier clause, makes it an achievement (计划投资10亿元，已完成8亿元);
    so does 已/成功 right after the cue in the same clause. Otherwise -> target. The plan parts of
    a report make every figure a target unless its sentence has a past marker (_describe).
    """
    masked = _NOUN_PLAN.sub("\0\0", prefix)
    # the verb that shows 将 takes an object may stand after the figure (将300万元补偿金交给…): read on
    masked = _TAKE_JIANG.sub("\0", masked + rest[:MAX_JIANG_REACH])[:len(prefix)]
    for word in lexicon.cues()["not_target"] + ["主要", "重要", "需要", "要求", "只要", "要素", "纲要", "必要", "要点"]:
        masked = masked.replace(word, "\0" * len(word))
    masked = _PLAN_AS_NOUN.sub(_mask, masked)
    masked = _goal_as_object(masked, clause_at)
    if review:
        for word in _REVIEW_NOT_TARGET:  # 目标企业, 行动计划, 争取国家资金: a review names goals it met
            masked = masked.replace(word, "\0" * len(word))
    target_at = max((masked.rfind(w) for w in lexicon.cues()["target"]), default=-1)
    if target_at < 0:
        return "achievement"
    done_at = max((masked.rfind(w) for w in _DONE), default=-1)
    strong = any(masked.startswith(w, done_at) for w in ("已", "成功"))
    if done_at > target_at and done_at >= clause_at and (target_at < clause_at or strong):
        return "achievement"
    return "target"


def _find_period(prefix: str, base_span: tuple[int, int] | None) -> str | None:
    found: list[tuple[int, str]] = []
    for pattern in (PLAN_PERIOD, YEAR):
        for p in pattern.finditer(prefix):
            if base_span and p.start() < base_span[1] and p.end() > base_span[0]:
                continue
            if prefix[max(0, p.start() - 2):p.start()].endswith(("较", "比", "与", "较“", "比“")):
                continue  # 较“十三五”: a comparison base, not the figure's own period
            found.append((p.end(), p.group(1)))
    if "年均" in prefix:
        found.append((prefix.rfind("年均") + 2, "年均"))
    return max(found)[1] if found else None


def _find_base(segment: str) -> tuple[str | None, tuple[int, int] | None]:
    if "同比" in segment:
        at = segment.rfind("同比")
        return "上年同期", (at, at + 2)
    if "环比" in segment:
        at = segment.rfind("环比")
        return "上期", (at, at + 2)
    found = None
    for b in BASE.finditer(segment):
        found = b
    if not found:
        return None, None
    return found["base"].strip("“”\"' "), found.span()


def extract_metrics(text: str) -> list[Metric]:
    metrics: list[Metric] = []
    consumed_until = 0
    for m in NUMBER.finditer(text):
        if m.start() < consumed_until:
            continue
        m = _unit_magnitude_back(text, m)
        if _is_not_a_quantity(text, m):
            continue
        quantity = _read_quantity(text, m)
        if quantity is None:
            quantity = _read_range_first(text, m)
            if quantity is None:
                continue
        value, factor, unit, end, qualifier = quantity
        if not _plausible(text, m, value, factor, unit, end):
            continue
        metric = _build(text, m, value * factor, unit, end, qualifier)
        _apply_sign(text, metric, m.start())
        if (pair := _approx_pair(m["cn"])) and metric.value_high is None:
            metric.value_high = pair[1] * factor
            metric.qualifier = "approx" if metric.qualifier == "exact" else metric.qualifier
        metric.value = _decimal_noise_off(metric.value)
        if metric.value_high is not None:
            metric.value_high = _decimal_noise_off(metric.value_high)
        consumed_until = metric.char_end
        metrics.append(metric)
    _describe(text, metrics)
    return metrics


def _decimal_noise_off(value: float) -> float:
    """1.1亿 is 110000000, not the binary float 110000000.00000001: fifteen significant digits hold
    every figure a text writes and drop what the multiplication by a magnitude added."""
    return float(f"{value:.15g}")


def _unit_magnitude_back(text: str, m: re.Match) -> re.Match:
    """一百千瓦: a 千 that leaves no number (一百千) belongs to the unit after it (千瓦, 千米, 千克, 千卡)."""
    cn = m["cn"]
    if cn and len(cn) > 1 and cn.endswith("千") and text[m.end():m.end() + 1] in ("米", "克", "瓦", "卡") \
            and parse_chinese(cn) is None:
        return NUMBER.match(text, m.start(), m.end() - 1) or m
    return m


def _number_at(text: str, pos: int) -> re.Match | None:
    """The number starting at ``pos`` (a range's second end), read as extract_metrics reads one."""
    m = NUMBER.match(text, pos)
    return _unit_magnitude_back(text, m) if m else None


def _sign_before(text: str, start: int) -> str | None:
    """-22.2%, 同比增长-3.9%, 负3.9%, 零下5℃: the sign written before a figure, if any.
    A hyphen after a digit or a letter is a range's dash or a code's (5-6%, S43-1), not a minus."""
    if start and text[start - 1] == "-" and (start == 1 or not (text[start - 2].isascii() and text[start - 2].isalnum())):
        return "-"
    sign = _match_suffix(text, start, _sorted_keys("negative_before"))
    if sign == "负" and start > 1 and is_han(text[start - 2]) and text[start - 2] not in _BEFORE_MINUS:
        return None  # 税负, 背负, 减负, 正负: 负 ends a word
    return sign


# Words that may stand right before 负 when it is a minus: 增长负3.9%, 为负0.5%, 从负0.1%.
_BEFORE_MINUS = "长降为是从至到达比均"


def _apply_sign(text: str, metric: Metric, start: int) -> None:
    """Carry the sign written right before the number (not before a qualifier) into the metric."""
    sign = _sign_before(text, start)
    if not sign or metric.char_start != start:
        return
    if sign == "零下" and metric.unit == "度":
        metric.unit = "℃"  # 零下20多度 is a temperature
    metric.value = -metric.value
    if metric.value_high is not None:
        metric.value_high = -metric.value_high if sign != "-" else metric.value_high
    metric.char_start -= len(sign)
    metric.raw_text = sign + metric.raw_text


def _read_range_first(text: str, m: re.Match) -> tuple[float, float, str, int, str | None] | None:
    """5—6%: the first number has no unit of its own; read the unit after the second."""
    own_factor, pos = _magnitude(text, m.end()) if m["ar"] else (1.0, m.end())  # 3亿到5亿元
    dash = RANGE_DASH.match(text, pos)
    if not dash:
        return None
    second = _number_at(text, dash.end())
    if not second or bool(second["ar"]) != bool(m["ar"]):
        return None  # 5—6%, 五万到六万人: both ends written the same way
    quantity = _read_quantity(text, second)
    first = _number_value(m)
    if quantity is None or first is None:
        return None
    _, factor, unit, _end, _infix = quantity
    if pos > m.end():  # 3亿到5亿元: the first end has its own magnitude
        return first * own_factor, 1.0, unit, pos, None
    return first, factor, unit, pos, None  # 3-5万平方米: the magnitude is shared


def _build(text: str, m: re.Match, value: float, unit: str, end: int, infix: str | None) -> Metric:
    start = m.start()
    qualifier = infix or "exact"
    before = _match_suffix(text, start, _sorted_keys("qualifier_before"))
    if before and _inside_word(text, start - len(before), before):
        before = None
    if before:
        qualifier = lexicon.cues()["qualifier_before"][before]
        start -= len(before)
    elif _up_to(text, m):
        qualifier, start = "approx", start - 1  # 上千名志愿者
    else:
        # 最高达8亿美元, 超过了3000家: a connector may stand between the cue and the number.
        connector = _match_suffix(text, start, _sorted_keys("connectors"))
        cue = _match_suffix(text, start - len(connector), _sorted_keys("qualifier_before")) if connector else None
        if cue and cue not in ("约", "近"):
            qualifier = lexicon.cues()["qualifier_before"][cue]
    value_high = None
    dash = RANGE_DASH.match(text, end)
    second = _number_at(text, dash.end()) if dash else None
    # The dash before the second number is the range's own (5-6个百分点), not a code's hyphen.
    if second and bool(second["ar"]) == bool(m["ar"]) and (
            text[second.start() - 1] in "-—–~～" or not _is_not_a_quantity(text, second)):
        after = _read_quantity(text, second)
        if after and after[2] == unit:
            value_high, end = after[0] * after[1], after[3]
            qualifier = "ge" if qualifier == "exact" else qualifier
    after_word = _match_prefix(text, end, _sorted_keys("qualifier_after"))
    if after_word and not (after_word in ("多", "余") and infix):
        qualifier = lexicon.cues()["qualifier_after"][after_word]
        end += len(after_word)
    if unit == "成":
        value, unit = value * 10, "%"
        value_high = value_high * 10 if value_high is not None else None
    return Metric(text[start:end], value, unit, start, end, qualifier, value_high=value_high)


REPORTED_FIGURE = re.compile(r"(?:增长|下降|增加|减少|达到?|突破|超过?)[\d.]+|[\d.]+%")


def _plan_sections(text: str) -> list[tuple[int, bool]]:
    """(offset, is a plan) for each numbered or markdown heading whose words say plans or a review.

    A work report's "三、2026年重点工作" makes its imperative figures targets; "一、工作回顾" does not.
    """
    cues = lexicon.cues()
    out = []
    top = _top_numbering(text)
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        numbered = len(line) <= 40 and top is not None and top.match(line)
        if numbered or (len(line) <= 40 and MARKDOWN_HEADING.match(line)):
            # A news headline (### 今年前10个月 广东进出口增长10.6%) reports; only a report's own part
            # headings (三、2026年重点工作) plan. Time words alone count only in numbered headings.
            words = [w for w in cues["plan_headings"] if numbered or w not in ("今年", "明年")]
            is_plan = (any(w in line for w in words) and not any(w in line for w in cues["past_headings"])
                       and not REPORTED_FIGURE.search(line))
            out.append((m.start(), is_plan))
        elif any(w in line for w in cues["plan_paragraphs"]):
            out.append((m.start(), True))  # "今年…主要预期目标是": the rest of this part is the year's plan
    return out


def _top_numbering(text: str) -> re.Pattern | None:
    """The numbering of a report's parts: the style of its first short numbered line (一、 or （一）).
    The other style numbers sub-parts, whose words say nothing of plan or review."""
    for m in re.finditer(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^\n]{0,38}$", text, re.M):
        return TOP_HEADING if TOP_HEADING.match(m.group()) else PAREN_HEADING
    return None


def _in_review(text: str, plans: list[tuple[int, bool]], offset: int) -> bool:
    """The figure stands under a report's review heading (一、2025年工作回顾)."""
    at = bisect.bisect_right(plans, offset, key=_offset)  # plans are in text order
    if not at:
        return False
    heading_at = plans[at - 1][0]
    line = text[heading_at:text.find("\n", heading_at) if "\n" in text[heading_at:] else len(text)]
    return any(w in line for w in lexicon.cues()["past_headings"])


def _in_plan(plans: list[tuple[int, bool]], offset: int) -> bool:
    at = bisect.bisect_right(plans, offset, key=_offset)
    return plans[at - 1][1] if at else False


def _offset(plan: tuple[int, bool]) -> int:
    return plan[0]


# Shares, money and spans of time measure what stands before them (增长5%, 投资3亿元, 连续18年);
# a count measures the noun after it.
_NOT_COUNTED = ("%", "‰", "百分点", "倍", "元", "年", "天", "日", "月", "周", "小时", "分钟", "秒")


def _counted_noun(text: str, metric: Metric) -> str:
    """The noun phrase right after a count with its measure word (21个|专业群, 5000亩|高标准农田);
    a noun that counts itself (20部门, 9省（区、市）) is what it counts."""
    if metric.unit == "个" and (noun := _match_suffix(text, metric.char_end, _noun_counters(), 12)):
        return noun
    follows = text[metric.char_end:metric.char_end + 1]
    if metric.unit in _NOT_COUNTED or not follows or follows in "的以左余多来外内前后间里中次长宽高深厚之至到" or not (is_han(follows) or follows == "“"):
        return ""
    return subject_after(text, metric.char_end)


@cache
def _noun_counters() -> tuple[str, ...]:
    return tuple(surface for surface, unit in lexicon.units().items() if unit == "个" and surface != "个")


MAX_VERB_ONLY = 6  # 经过, 仅用, 发展到今天: a subject that names nothing is a word or two


def _describe(text: str, metrics: list[Metric]) -> None:
    """Fill change, base, period, kind, subject and sentence from each metric's context."""
    previous: Metric | None = None
    plans = _plan_sections(text)
    for metric in metrics:
        s_start, s_end = sentence_bounds(text, metric.char_start, metric.char_end)
        metric.sentence = text[s_start:s_end]
        same_sentence = previous is not None and previous.char_end > s_start
        if same_sentence and LIST_GAP.fullmatch(text[previous.char_end:metric.char_start]):
            # 分别增长7%、6.8%: the second of a list shares everything but its value.
            metric.change, metric.base_period, metric.period = previous.change, previous.base_period, previous.period
            metric.kind, metric.subject = previous.kind, previous.subject
            previous = metric
            continue
        floor = previous.char_end if same_sentence else s_start
        c_start = clause_start(text, metric.char_start, floor)
        segment = _mask_modifiers(text[c_start:metric.char_start])
        metric.change = _find_change(segment)
        metric.base_period, base_span = _find_base(segment)
        prefix = text[s_start:metric.char_start]
        offset = c_start - s_start
        shifted = (base_span[0] + offset, base_span[1] + offset) if base_span else None
        metric.period = _find_period(prefix, shifted)
        own_clause = clause_start(text, metric.char_start, s_start) - s_start  # not cut at the previous figure
        metric.kind = _find_kind(prefix, own_clause, _in_review(text, plans, metric.char_start),
                                 text[metric.char_start:s_end])
        # a past marker counts in the figure's own clause: 去年增长5%，今年要… keeps its 5% an achievement,
        # while the plan's 比上年增长6% in a later clause stays a target
        own_text = text[s_start + own_clause:metric.char_end]
        if metric.kind == "achievement" and _in_plan(plans, metric.char_start) and not any(
                w in own_text for w in lexicon.cues()["past_markers"]):
            metric.kind = "target"
        own_words = segment[base_span[1]:] if base_span else segment
        # 15所高职院校21个专业群: a count followed by a noun counts that noun, whatever stands before it
        subject = _counted_noun(text, metric) or trim_subject(own_words)
        if not subject and base_span:
            subject = trim_subject(segment[:base_span[0]])  # 旅游订单较去年同期增长超三成
        same_clause = same_sentence and previous.char_end >= c_start
        if not subject and same_sentence and (same_clause or metric.base_period or metric.change != "none"):
            subject = previous.subject
        if not subject and same_sentence and not trim_subject(own_words, strict=False):
            # ，达到11.67万亿元: only a verb before it, and no noun after it (完成508个|入河排污口…)
            subject = subject_after(text, metric.char_end) or previous.subject
        subject = subject or trim_subject(own_words, strict=False) or subject_after(text, metric.char_end)
        if subject and len(subject) <= MAX_VERB_ONLY and names_nothing(subject):
            subject = subject_after(text, metric.char_end) or subject  # 经过60多年|发展
        metric.subject = subject or None
        previous = metric
