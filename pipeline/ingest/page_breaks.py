"""Repair paragraphs that a newspaper column or page break cut in two."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.ingest.lines import ends_sentence, is_headline_like, is_prose, is_running_text, is_structural
from pipeline.ingest.normalize import Paragraph


@dataclass(frozen=True)
class Join:
    """One repair: ``left`` ended mid-sentence and ``right`` continued it."""

    left_tail: str
    right_head: str
    left_raw_end: int
    right_raw_start: int


def should_join(left: str, right: str) -> bool:
    """A prose paragraph that stops mid-sentence, followed by one that is not a new part."""
    if ends_sentence(left) or not is_running_text(left) or is_structural(left):
        return False
    if is_structural(right):
        return False
    # A short title-like line after the break is a headline or banner, not the continuation,
    # unless it ends mid-sentence itself and is followed by nothing (rare; ignored).
    return not (is_headline_like(right) and not is_prose(right) and len(right) < 20)


def repair_page_breaks(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Join]]:
    out: list[Paragraph] = []
    joins: list[Join] = []
    for p in paragraphs:
        if out and should_join(out[-1].text, p.text):
            left = out[-1]
            joins.append(Join(left.text[-12:], p.text[:12], left.origin[-1] + 1, p.origin[0]))
            out[-1] = left + p
        else:
            out.append(p)
    return out, joins
