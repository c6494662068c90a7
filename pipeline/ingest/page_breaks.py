"""Repair paragraphs that a newspaper column or page break cut in two."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.ingest.normalize import Paragraph
from pipeline.text import ends_sentence, is_headline_like, is_prose, is_running_text, is_structural


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


def repair_page_breaks(paragraphs: Iterable[Paragraph]) -> tuple[list[Paragraph], list[Join]]:
    joins: list[Join] = []
    return list(repaired(paragraphs, joins)), joins


def repaired(paragraphs: Iterable[Paragraph], joins: list[Join]) -> Iterator[Paragraph]:
    """The paragraphs with page-break cuts joined, one at a time (only the paragraph that the
    next may continue is held); each repair is appended to ``joins``."""
    left: Paragraph | None = None
    for p in paragraphs:
        if left is not None and should_join(left.text, p.text):
            joins.append(Join(left.text[-12:], p.text[:12], left.raw_end, p.raw_start))
            left = left + p
        else:
            if left is not None:
                yield left
            left = p
    if left is not None:
        yield left
