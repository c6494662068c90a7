"""What every stage knows about Chinese text: the Han class, sentence and clause ends, line shapes.

Below every stage: ingest (page-break repair, which must not join headlines), sections, the
extractors and the tables read text with these definitions, so that a sentence or a Chinese
character means the same thing to all of them. A module whose set differs on purpose says so
where it builds its own from these.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import lru_cache

# The Han characters read as Chinese: the CJK Unified Ideographs block. HAN_RANGE goes inside a
# regex character class ([{HAN_RANGE}·]); HAN matches one such character; is_han tests one.
HAN_RANGE = r"\u4e00-\u9fff"
HAN = re.compile(f"[{HAN_RANGE}]")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# A sentence ends at one of these (and at the end of a line); a clause ends at one of
# CLAUSE_ENDS, and at a sentence's end. Inside a regex class they need no escaping.
SENTENCE_ENDS = "。！？!?"
CLAUSE_ENDS = SENTENCE_ENDS + "，；,;"
# Where clause_start cuts: a colon also opens a new clause there (…增长：其中…), and a line's end.
CLAUSE_BREAKS = CLAUSE_ENDS + "：\n"

# A paragraph that ends with one of these ends a sentence (closing quotes and brackets may follow
# the mark): a semicolon and an ellipsis too, and a colon, which introduces a list on the next line.
SENTENCE_END = set(SENTENCE_ENDS + "…；;：:")
CLOSERS = set("”’」』）)】》\"'")
# Prose has one of these: an enumeration comma or a colon too, but not ！？ (a slogan's mark).
CLAUSE_MARKS = set("，。；、：,;")

# ——访…局长汪驰, and the press-conference form ——中央组织部负责人就…答记者问 (who answers).
INTERVIEWEE_LINE = re.compile(r"^(?:——|--|—|－－)\s*(?:(?:访|专访|对话)\s*(?P<who>\S.*)|(?P<answers>[^，。就]{2,40})就.{2,80}答记者问)$")
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<title>.+?)\s*#*$")
NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分])")
BYLINE = re.compile(r"^[（(【]?\s*(?:本报)?(?:记者|通讯员|摄影|责任编辑|编辑)|记者\s*\S{2,4}\s*摄$")
# Page chrome and markdown furniture: links, rules, bold headings, metadata lines, print buttons.
FURNITURE = re.compile(
    r"^(?:\[[^\]]*\]\([^)]*\)|-{3,}|\*{3,}|\*\*.+\*\*|(?:更新时间|来源|时间|发布时间|责任编辑|编辑)[：:].*"
    r"|扫一扫.*|打印本页|关闭窗口|【|】|字号.*|下载.*|打印.*|分享到.*)$"
)


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        # “…。” ends a sentence; “…” alone (a quoted name) does not, unless it is a bracket byline.
        if stripped[-1] in "）)】" and not stripped[:-1].rstrip().endswith(tuple(SENTENCE_END)):
            return True
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_prose(line: str) -> bool:
    """Running text, as opposed to a headline, banner or label."""
    return any(ch in CLAUSE_MARKS for ch in line) or len(line) >= 40


# A semicolon ends a running sentence too (…；…), but a comma does not.
_RUNNING_TEXT_ENDS = set(SENTENCE_ENDS + "；;")


def is_running_text(line: str) -> bool:
    """Stricter than prose: a sentence has ended inside it, or it is long. A short line with a
    comma (造新的成就，展现新的风采) is a subheading, not the first half of a cut paragraph."""
    return any(ch in _RUNNING_TEXT_ENDS for ch in line[:-1]) or len(line) >= 50


# A short "label：value" line (版式设计：张丹峰, 数据来源：华为云) is a credit, not a sentence.
CREDIT = re.compile(r"(?:^|\s)[^，。；！？：:\s]{2,8}[：:]\s*[^，。；！？]{1,20}$")


# Web-page furniture: what a page prints around an article, never part of it. Exact forms only,
# since a section splitter takes these lines out of every body (下载 alone is a button;
# 下载7元论文先充50元 is a headline). Forms from the benchmark corpus's 新闻联播 transcripts
# ([查看原文](…), <!--repaste.body.begin-->, 更新时间：…), provincial report pages (下载/打印/全屏/
# 收藏, 【字号：加大 还原 减小】 one word a line, 来源：, 时间：, 分享到：, 相关报道：) and government
# information-disclosure tables (索引号, 发布机构, 发文日期…).
_PAGE_LABEL = (r"(?:来源|时间|更新时间|发布时间|责任编辑|编辑|分享到|您的位置|索引号|发布机构|发文机关|"
               r"发文日期|成文日期|发布日期|主题分类|发文字号|文号|主题词|公文种类|有效性|信息来源|图片来源)")
PAGE_FURNITURE = re.compile(
    r"^(?:\[[^\]]*\]\([^)]*\)|<!--.*-->|【?\s*字[号体][：:].*|(?:加大|还原|减小|大|中|小)】?|【|】"
    r"|下载|打印|全屏|收藏|打印本页|关闭窗口|关闭|分享|分享到微信|首页|相关(?:文章|报道|文档|新闻|链接)[：:]?"
    r"|[（(]?" + _PAGE_LABEL + r"[：:][^，。；！？]{0,40}?[）)]?|扫一扫.*|》》.*《《"
    r"|[\s|×>·/\\-]+|(?:19|20)\d\d-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?\S*)?)$"
)
# A photo caption's credit (本报记者 张 文摄, 新华社记者 翁忻旸摄, 吴志坚摄, 新华社发, 资料图片): the
# caption stands beside a picture the text no longer has.
PHOTO_CAPTION = re.compile(
    rf"(?:^|。|\s)(?:\S{{0,8}}记者|摄影)?\s*[{HAN_RANGE}]{{1,3}}(?:[ \xa0]{{1,2}}[{HAN_RANGE}]{{1,3}})?\s*摄$"
    r"|^[（(]?(?:新华社发|资料图片)[）)]?$"
)


def furniture_kind(line: str) -> str | None:
    """What kind of non-text a line is, or None for text. The one classifier for ingest and
    sections: ``page`` (web-page furniture) and ``caption`` (a photo's credit) are taken out of
    section bodies; ``markup`` (rules, bold lines), ``credit`` (版式设计：张丹峰) and ``no_han``
    only stop ingest from joining or ending a paragraph there, since in a body they are read as
    subheadings (**国际人士：…**), attributions or figures."""
    stripped = line.strip().replace("\xa0", " ")
    if PAGE_FURNITURE.match(stripped):
        return "page"
    if len(stripped) <= 120 and PHOTO_CAPTION.search(stripped):
        return "caption"
    if FURNITURE.match(line):
        return "markup"
    if not HAN.search(line):
        return "no_han"
    return "credit" if CREDIT.fullmatch(line) else None


def is_page_furniture(line: str) -> bool:
    """Furniture a section body never keeps (it becomes a ``banner`` row)."""
    return furniture_kind(line) in ("page", "caption")


def is_furniture(line: str) -> bool:
    """Not running text: ingest neither joins a page break across it nor reads it as the end.
    Photo captions are the exception: ingest has always joined a caption to the line a page break
    cut after it (…本报全媒体记者 林 君摄 | 各位代表：), and stopping that now would change the
    text, and so every offset, of documents already published."""
    return furniture_kind(line) not in (None, "caption")


_CLAUSE_ENDS = set(CLAUSE_ENDS)


def is_headline_like(line: str) -> bool:
    """Short, with no clause punctuation: a headline, banner or heading."""
    if MARKDOWN_HEADING.match(line):
        return True
    return len(line) <= 32 and not any(ch in _CLAUSE_ENDS for ch in line) and not INTERVIEWEE_LINE.match(line)


def is_structural(line: str) -> bool:
    """Lines that start something new and so can never continue a broken paragraph."""
    return bool(INTERVIEWEE_LINE.match(line) or MARKDOWN_HEADING.match(line)
                or NUMBERED_HEADING.match(line) or BYLINE.search(line) or is_furniture(line))


@lru_cache(maxsize=2)
def _sentence_stops(text: str) -> array:
    """Where the sentences of ``text`` end (its terminators), found once per text: the same text
    is asked about once per metric and per row (a str caches its hash, so the lookup is O(1)).
    An array of 8-byte ints, not a list: a million one-line paragraphs are a million stops."""
    return array("q", (m.start() for m in re.finditer(f"[{re.escape(SENTENCE_ENDS)}\n]", text)))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """From after the last terminator before ``start`` to the first one at or after ``end``
    (a newline not included). Two bisections in the text's terminator positions: searching the
    text for each of six terminators, per metric, was quadratic in the length of the text."""
    stops = _sentence_stops(text)
    before = bisect.bisect_left(stops, start)
    a = stops[before - 1] + 1 if before else 0
    after = bisect.bisect_left(stops, end)
    b = stops[after] + 1 if after < len(stops) else len(text)
    if b <= len(text) and text[b - 1:b] == "\n":
        b -= 1
    return a, b


@lru_cache(maxsize=2)
def _clause_stops(text: str) -> array:
    """Where the clauses of ``text`` end (CLAUSE_BREAKS), found once per text like _sentence_stops:
    a clause start is then one bisection, not one backward search per break character per metric."""
    return array("q", (m.start() for m in re.finditer(f"[{re.escape(CLAUSE_BREAKS)}]", text)))


def clause_start(text: str, start: int, floor: int) -> int:
    """After the last clause break (CLAUSE_BREAKS) in ``text[floor:start]``, else ``floor``."""
    stops = _clause_stops(text)
    before = bisect.bisect_left(stops, start)
    return max(floor, stops[before - 1] + 1) if before else floor
