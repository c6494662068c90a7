"""Rows of the ``sections`` table, and the section a character offset falls in (every later stage's rows name it)."""

from __future__ import annotations

import bisect

from pipeline.sections.split import Section


def section_id(doc_id: str, ordinal: int) -> str:
    return f"{doc_id}:s{ordinal:03d}"


def section_rows(doc_id: str, text: str, sections: list[Section], code_version: str) -> list[dict]:
    return [{
        "doc_id": doc_id, "section_id": section_id(doc_id, s.ordinal), "ordinal": s.ordinal, "kind": s.kind,
        "headline": s.headline, "person": s.person, "organization": s.organization, "titles": list(s.titles),
        "char_start": s.char_start, "char_end": s.char_end, "body_start": s.body_start,
        "text": text[s.body_start:s.char_end], "code_version": code_version,
    } for s in sections]


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The section holding ``offset``. A banner of page furniture can stand inside a part's head
    (between its headline and first paragraph), so past such a banner the part is looked for."""
    starts = [s.char_start for s in sections]
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0:
        if offset < max(sections[i].char_end, sections[i].char_start + 1):
            return sections[i]
        if sections[i].kind != "banner":
            return None
        i -= 1
    return None
