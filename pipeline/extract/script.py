"""Read a document written in traditional characters as simplified text, and give back what the
extractors found in the document's own script.

The word lists, jieba's dictionary and the tagger are all simplified, so 縣委書記李高嶺 and 億元 are
read through OpenCC's t2s conversion (phrase tables first, then characters). The reading text
has exactly the length of the document, character for character, so every offset found in it is
an offset into the document as written; strings are taken back from the document at those
offsets, and rows keep the document's script.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from pipeline.extract.metrics import Metric
from pipeline.extract.people import PersonMention
from pipeline.sections.split import Section
from pipeline.text import HAN

# A text is read as traditional when at least this share of its Han characters change under
# t2s (simplified text changes in a handful of characters at most: 乾隆 stays, 著 may not).
_TRADITIONAL_SHARE = 0.02
_MIN_CHANGED = 3


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _to_simplified(piece: str) -> str:
    """t2s of one line, kept the same length: where a phrase conversion changes the length,
    the line is converted character by character instead."""
    out = _converter("t2s").convert(piece)
    if len(out) == len(piece):
        return out
    chars = []
    for ch in piece:
        conv = _converter("t2s").convert(ch)
        chars.append(conv if len(conv) == 1 else ch)
    return "".join(chars)


_BLOCK = 1 << 16


def _simplified_blocks(text: str):
    """t2s of the text, line by line as ``_to_simplified`` reads it, but converted a block of
    lines at a time: no phrase spans a newline, so a block whose length t2s keeps is converted
    as its lines would be; one whose length changes is converted line by line. (A list of a
    million one-character lines, and a million calls into OpenCC, are what this avoids.)"""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _BLOCK)
        end = len(text) if cut < 0 else cut + 1
        block = text[start:end]
        out = _converter("t2s").convert(block)
        yield out if len(out) == len(block) else "\n".join(_to_simplified(line) for line in block.split("\n"))
        start = end


def reading_text(text: str) -> str:
    """The text as the extractors read it: simplified where it is written in traditional
    characters, else the text itself (the same object)."""
    if not text:
        return text
    simplified = "".join(_simplified_blocks(text))
    han = len(HAN.findall(text))
    changed = sum(1 for a, b in zip(text, simplified, strict=True) if a != b)
    if changed < _MIN_CHANGED or changed < _TRADITIONAL_SHARE * max(1, han):
        return text
    return simplified


def as_written(value: str | None, reading: str, text: str, near: int) -> str | None:
    """``value``, found in the reading text at or near ``near``, in the document's script."""
    if value is None or reading is text or not value:
        return value
    if reading.startswith(value, near):
        return text[near:near + len(value)]
    at = reading.find(value, near, near + 400 + len(value))
    if at < 0:
        at = reading.rfind(value, max(0, near - 400), near + len(value))
    if at >= 0:
        return text[at:at + len(value)]
    return _converter("s2t").convert(value)  # a normalised value the text does not spell (a unit)


def traditional_forms(value: str) -> set[str]:
    """The ways traditional text may spell a simplified word (個, 個 in Taiwan and Hong Kong
    usage): what a unit vocabulary must accept for rows kept in the document's script."""
    return {_converter(c).convert(value) for c in ("s2t", "s2tw", "s2hk")}


def as_written_person(p: PersonMention, reading: str, text: str) -> PersonMention:
    titles = tuple(as_written(t, reading, text, at) for t, at in zip(p.titles, p.title_starts or
                                                                   (p.char_start,) * len(p.titles), strict=True))
    return replace(p, person=as_written(p.person, reading, text, p.name_start),
                   organization=as_written(p.organization, reading, text, p.org_start), titles=titles)


def _unit_as_written(unit: str, reading: str, text: str, near: int) -> str:
    """The unit in the document's script where that spelling is one the vocabulary knows (個),
    else OpenCC's (the text may write 箇 for 个)."""
    from pipeline.extract.units import unit_vocabulary

    written = as_written(unit, reading, text, near)
    return written if written in unit_vocabulary() else _converter("s2t").convert(unit)


def as_written_metric(m: Metric, reading: str, text: str) -> Metric:
    sentence_at = reading.rfind(m.sentence, max(0, m.char_start - len(m.sentence)), m.char_end + len(m.sentence))
    return replace(m, raw_text=text[m.char_start:m.char_end],
                   unit=_unit_as_written(m.unit, reading, text, m.char_start),
                   subject=as_written(m.subject, reading, text, max(0, sentence_at)),
                   base_period=as_written(m.base_period, reading, text, m.char_start),
                   period=as_written(m.period, reading, text, max(0, sentence_at)),
                   sentence=text[sentence_at:sentence_at + len(m.sentence)] if sentence_at >= 0 else m.sentence)


def as_written_section(s: Section, reading: str, text: str) -> Section:
    if reading is text:
        return s
    return replace(s, headline=as_written(s.headline, reading, text, s.char_start),
                   person=as_written(s.person, reading, text, s.char_start),
                   organization=as_written(s.organization, reading, text, s.char_start),
                   titles=tuple(as_written(t, reading, text, s.char_start) for t in s.titles))
