"""Parse '<organisation><title>、<title><name>' into its parts.

The same grammar reads interviewee lines (——访…局长汪驰) and sentences
(市交通运输局局长刘鹏表示), so it lives here and the people extractor reuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import lexicon

NAME_CHARS = r"[\u4e00-\u9fff]"
TITLE_JOINERS = "、兼和及"


@dataclass(frozen=True)
class Role:
    organization: str
    titles: tuple[str, ...]
    person: str


@cache
def title_pattern() -> str:
    known = "|".join(re.escape(t) for t in lexicon.titles())
    return rf"(?:常务副|副|代理|代)?(?:{known})"


@cache
def _full_role() -> re.Pattern:
    t = title_pattern()
    return re.compile(
        rf"^(?P<org>.*?)(?P<titles>{t}(?:[{TITLE_JOINERS}]{t})*)"
        rf"(?P<name>{NAME_CHARS}{{1,3}}(?:·{NAME_CHARS}{{1,6}})?)$"
    )


def split_titles(block: str) -> tuple[str, ...]:
    return tuple(m.group() for m in re.finditer(title_pattern(), block))


@cache
def word_tags() -> dict[str, str]:
    """jieba's dictionary with part-of-speech tags (loaded once)."""
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.posseg.dt.word_tag_tab


def looks_like_name(name: str) -> bool:
    """Starts with a surname, and is not a dictionary word of another kind (强调 is a verb)."""
    if not 2 <= len(name) <= 4 and "·" not in name:
        return False
    tag = word_tags().get(name)
    if tag is not None and not tag.startswith("nr"):
        return False
    if name[-1] in "了的着过们吗呢吧啊后时" or name[1:2] in ("了", "的", "着", "过") or any(c in name for c in "我你他她它"):
        return False  # 总书记来了: a particle ends a phrase, never a name
    if "·" not in name and name[-1] in "部局委厅署办":
        return False  # 宣传部 (jieba's dictionary calls it a name), 李局: a body or a form of address
    surnames = lexicon.surnames()
    return name[:1] in surnames or name[:2] in surnames or "·" in name


def parse_role(text: str) -> Role | None:
    """Parse a whole string that is exactly organisation + titles + name."""
    m = _full_role().match(text.strip())
    if not m or not looks_like_name(m["name"]):
        return None
    return Role(m["org"].strip(), split_titles(m["titles"]), m["name"])
