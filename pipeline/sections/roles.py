"""Parse '<organisation><title>、<title><name>' into its parts.

Reads interviewee lines (——访…局长汪驰). The name test and the title pattern it is built from are
the lexicon's (``pipeline.lexicon.names``), shared with the people extractor, which reads the same
shapes in sentences (市交通运输局局长刘鹏表示).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicon.names import looks_like_name, title_pattern
from pipeline.text import HAN_RANGE

NAME_CHARS = f"[{HAN_RANGE}]"
TITLE_JOINERS = "、兼和及"


@dataclass(frozen=True)
class Role:
    organization: str
    titles: tuple[str, ...]
    person: str


@cache
def _full_role() -> re.Pattern:
    t = title_pattern()
    return re.compile(
        rf"^(?P<org>.*?)(?P<titles>{t}(?:[{TITLE_JOINERS}]{t})*)"
        rf"(?P<name>{NAME_CHARS}{{1,3}}(?:·{NAME_CHARS}{{1,6}})?)$"
    )


def split_titles(block: str) -> tuple[str, ...]:
    return tuple(m.group() for m in re.finditer(title_pattern(), block))


def parse_role(text: str) -> Role | None:
    """Parse a whole string that is exactly organisation + titles + name."""
    m = _full_role().match(text.strip())
    if not m or not looks_like_name(m["name"]):
        return None
    return Role(m["org"].strip(), split_titles(m["titles"]), m["name"])
