"""Normalise decoded text while remembering where every character came from.

Published offsets index the normalised text; the offset runs say where in the decoded raw file
each normalised character came from, so any row can be traced back to the source.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pipeline.text import HAN_RANGE

# Full-width forms that are really ASCII letters, digits and symbols. Chinese
# punctuation proper (，：；！？（）) stays full-width: it is the house style.
_KEEP_FULL_WIDTH = set("，：；！？（）")
# ASCII punctuation that, written next to Chinese characters, stands for the full-width mark.
_TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_SPACES = set("\u3000\u00a0\u2002\u2003\u2009\u200b\t\f\v\ufeff")
# Next to what an ASCII mark stands for the full-width one: wider than text.HAN on purpose, since
# Extension A (U+3400, with the hexagram block after it), the compatibility ideographs and Chinese
# punctuation are Chinese text around a comma too.
_CJK = re.compile(rf"[\u3400-\u4dff{HAN_RANGE}\uf900-\ufaff“”‘’、。《》【】]")


@dataclass(slots=True)
class Paragraph:
    """One paragraph of normalised text and where its characters came from, as runs of
    (offset in ``text``, raw offset) that advance together: one run for a paragraph copied as
    it stood, not one Python int per character (a million short lines would be gigabytes)."""

    text: str
    runs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def raw_start(self) -> int:
        return self.runs[0][1]

    @property
    def raw_end(self) -> int:
        """Just past the raw index of the last character."""
        at, raw = self.runs[-1]
        return raw + len(self.text) - at

    def __add__(self, other: Paragraph) -> Paragraph:
        runs = list(self.runs)
        for at, raw in other.runs:
            _add_run(runs, len(self.text) + at, raw)
        return Paragraph(self.text + other.text, runs)


def _add_run(runs: list, at: int, raw: int) -> None:
    """Append the run starting at ``at`` unless it continues the last one."""
    if not runs or raw - runs[-1][1] != at - runs[-1][0]:
        runs.append((at, raw))


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


# Characters that _map_char may change; everything between them is copied as it stands.
_SPECIAL = re.compile("[" + re.escape("".join(_SPACES) + "".join(_TO_FULL_WIDTH)) + "\uff01-\uff5e]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def iter_paragraphs(raw: str) -> Iterator[Paragraph]:
    """Normalise characters and yield the non-empty, trimmed lines (paragraphs), one at a time."""
    start = 0
    for m in _LINE_BREAK.finditer(raw):
        if p := _paragraph(raw, start, m.start()):
            yield p
        start = m.end()
    if p := _paragraph(raw, start, len(raw)):
        yield p


def _paragraph(raw: str, start: int, end: int) -> Paragraph | None:
    """raw[start:end] normalised and trimmed of spaces, or None if nothing is left."""
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    at = 0
    pos = start
    for m in _SPECIAL.finditer(raw, start, end):
        i = m.start()
        if i > pos:
            _add_run(runs, at, pos)
            pieces.append(raw[pos:i])
            at += i - pos
        if out := _map_char(raw, i):
            _add_run(runs, at, i)
            pieces.append(out)
            at += 1
        pos = i + 1
    if end > pos:
        _add_run(runs, at, pos)
        pieces.append(raw[pos:end])
    text = "".join(pieces)
    left = len(text) - len(text.lstrip(" "))
    right = len(text.rstrip(" "))
    if right <= left:
        return None
    return Paragraph(text[left:right], _slice_runs(runs, left, len(text)))


def _slice_runs(runs: list[tuple[int, int]], left: int, length: int) -> list[tuple[int, int]]:
    """The runs of text[left:] (what lies past the end needs no cutting: runs say where, not how far)."""
    if not left:
        return runs
    out: list[tuple[int, int]] = []
    for k, (at, raw) in enumerate(runs):
        end = runs[k + 1][0] if k + 1 < len(runs) else length
        if end > left:
            out.append((max(at, left) - left, raw + max(0, left - at)))
    return out


def split_paragraphs(raw: str) -> list[Paragraph]:
    return list(iter_paragraphs(raw))


def assemble(paragraphs: Iterable[Paragraph]) -> tuple[str, list[list[int]]]:
    """Join paragraphs with newlines; a newline's origin is just after its paragraph's end.
    Returns the text and its [normalised_offset, raw_offset] runs, reading the paragraphs one
    at a time."""
    out = io.StringIO()
    runs: list[list[int]] = []
    at = raw_end = 0
    for k, p in enumerate(paragraphs):
        if k:
            _add_list_run(runs, at, raw_end)
            out.write("\n")
            at += 1
        for a, raw in p.runs:
            _add_list_run(runs, at + a, raw)
        out.write(p.text)
        at += len(p.text)
        raw_end = p.raw_end
    return out.getvalue(), runs


def _add_list_run(runs: list[list[int]], at: int, raw: int) -> None:
    if not runs or raw - runs[-1][1] != at - runs[-1][0]:
        runs.append([at, raw])


def normalised_offset(runs: list[list[int]], raw: int) -> int:
    """The normalised offset of the character read from raw index ``raw`` (the inverse of
    ``raw_offset`` for a raw index the text keeps)."""
    k = bisect.bisect_right(runs, raw, key=lambda r: r[1]) - 1
    at, start = runs[max(k, 0)]
    return at + raw - start


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
