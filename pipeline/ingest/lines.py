"""What a line of a newspaper page looks like: prose, headline, interviewee line, heading.

Shared by page-break repair (which must not join headlines) and sectioning.
"""

from __future__ import annotations

import re

# A paragraph that ends with one of these ends a sentence (closing quotes and
# brackets may follow the mark). A colon introduces a list on the next line.
SENTENCE_END = set("。！？!?…；;：:")
CLOSERS = set("”’」』）)】》\"'")
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
CJK = re.compile(r"[\u4e00-\u9fff]")


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


def is_running_text(line: str) -> bool:
    """Stricter than prose: a sentence has ended inside it, or it is long. A short line with a
    comma (造新的成就，展现新的风采) is a subheading, not the first half of a cut paragraph."""
    return any(ch in "。！？；!?;" for ch in line[:-1]) or len(line) >= 50


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
    r"(?:^|。|\s)(?:\S{0,8}记者|摄影)?\s*[\u4e00-\u9fff]{1,3}(?:[ \xa0]{1,2}[\u4e00-\u9fff]{1,3})?\s*摄$"
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
    if not CJK.search(line):
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


def is_headline_like(line: str) -> bool:
    """Short, with no clause punctuation: a headline, banner or heading."""
    if MARKDOWN_HEADING.match(line):
        return True
    return len(line) <= 32 and not any(ch in "，。；！？,;!?" for ch in line) and not INTERVIEWEE_LINE.match(line)


def is_structural(line: str) -> bool:
    """Lines that start something new and so can never continue a broken paragraph."""
    return bool(INTERVIEWEE_LINE.match(line) or MARKDOWN_HEADING.match(line)
                or NUMBERED_HEADING.match(line) or BYLINE.search(line) or is_furniture(line))
