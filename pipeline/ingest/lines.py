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


def is_furniture(line: str) -> bool:
    return bool(FURNITURE.match(line)) or not CJK.search(line) or bool(CREDIT.fullmatch(line))


def is_headline_like(line: str) -> bool:
    """Short, with no clause punctuation: a headline, banner or heading."""
    if MARKDOWN_HEADING.match(line):
        return True
    return len(line) <= 32 and not any(ch in "，。；！？,;!?" for ch in line) and not INTERVIEWEE_LINE.match(line)


def is_structural(line: str) -> bool:
    """Lines that start something new and so can never continue a broken paragraph."""
    return bool(INTERVIEWEE_LINE.match(line) or MARKDOWN_HEADING.match(line)
                or NUMBERED_HEADING.match(line) or BYLINE.search(line) or is_furniture(line))
