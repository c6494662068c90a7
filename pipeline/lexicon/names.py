"""The name test and the title pattern: what the word lists say about a person's name and office.

Sections read interviewee lines with them, the people extractor and the NER rules read sentences.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.lexicon import surnames, titles
from pipeline.lexicon.dictionary import word_tags


@cache
def title_pattern() -> str:
    known = "|".join(re.escape(t) for t in titles())
    return rf"(?:常务副|副|代理|代)?(?:{known})"


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
    names = surnames()
    return name[:1] in names or name[:2] in names or "·" in name
