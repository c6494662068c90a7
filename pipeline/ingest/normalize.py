"""Normalise decoded text while remembering where every character came from.

Published offsets index the normalised text; ``origin[i]`` is the index in the decoded
raw file of normalised character ``i``, so any row can be traced back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Full-width forms that are really ASCII letters, digits and symbols. Chinese
# punctuation proper (，：；！？（）) stays full-width: it is the house style.
_KEEP_FULL_WIDTH = set("，：；！？（）")
# ASCII punctuation that, written next to Chinese characters, stands for the full-width mark.
_TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_SPACES = set("\u3000\u00a0\u2002\u2003\u2009\u200b\t\f\v\ufeff")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff“”‘’、。《》【】]")


@dataclass
class Paragraph:
    """One paragraph of normalised text and the raw index of each of its characters."""

    text: str
    origin: list[int] = field(default_factory=list)

    def __add__(self, other: Paragraph) -> Paragraph:
        return Paragraph(self.text + other.text, self.origin + other.origin)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def _map_char(raw: str, i: int) -> str:
    ch = raw[i]
    code = ord(ch)
    if ch in _SPACES:
        return "" if ch in "\ufeff\u200b" else " "
    if 0xFF01 <= code <= 0xFF5E and ch not in _KEEP_FULL_WIDTH:
        return chr(code - 0xFEE0)
    if ch in _TO_FULL_WIDTH:
        before = raw[i - 1] if i > 0 else ""
        after = raw[i + 1] if i + 1 < len(raw) else ""
        if before.isdigit() and after.isdigit():
            return ch  # 1,000 or 10:30
        if _is_cjk(before) or _is_cjk(after):
            return _TO_FULL_WIDTH[ch]
    return ch


def split_paragraphs(raw: str) -> list[Paragraph]:
    """Normalise characters and split into non-empty, trimmed lines (paragraphs)."""
    paragraphs: list[Paragraph] = []
    chars: list[str] = []
    origin: list[int] = []

    def flush() -> None:
        text = "".join(chars)
        left = len(text) - len(text.lstrip(" "))
        right = len(text.rstrip(" "))
        if right > left:
            paragraphs.append(Paragraph(text[left:right], origin[left:right]))
        chars.clear()
        origin.clear()

    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch in "\r\n\u2028\u2029\x85":
            flush()
            if ch == "\r" and i + 1 < n and raw[i + 1] == "\n":
                i += 1
        else:
            for out in _map_char(raw, i):
                chars.append(out)
                origin.append(i)
        i += 1
    flush()
    return paragraphs


def assemble(paragraphs: list[Paragraph]) -> tuple[str, list[int]]:
    """Join paragraphs with newlines; a newline's origin is just after its paragraph's end."""
    text_parts: list[str] = []
    origin: list[int] = []
    for k, p in enumerate(paragraphs):
        if k:
            text_parts.append("\n")
            origin.append(origin[-1] + 1 if origin else 0)
        text_parts.append(p.text)
        origin.extend(p.origin)
    return "".join(text_parts), origin


def compress_origin(origin: list[int]) -> list[list[int]]:
    """Runs of [normalised_offset, raw_offset] where offsets advance together."""
    runs: list[list[int]] = []
    for i, r in enumerate(origin):
        if not runs or r - runs[-1][1] != i - runs[-1][0]:
            runs.append([i, r])
    return runs


def raw_offset(runs: list[list[int]], offset: int) -> int:
    """Map a normalised offset back to the raw file through compressed runs."""
    lo, hi = 0, len(runs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if runs[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    start, raw = runs[lo]
    return raw + offset - start
