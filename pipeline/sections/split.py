"""Split normalised text into sections in reading order.

A headline line followed by an interviewee line (——访…) opens an interview; other
headline-like lines between prose open an ``article`` part; headline-like lines that
stand just before another headline are page furniture (a banner) and belong to no body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.ingest.lines import (
    BYLINE,
    INTERVIEWEE_LINE,
    MARKDOWN_HEADING,
    is_headline_like,
    is_prose,
)
from pipeline.sections.roles import parse_role


@dataclass
class Section:
    ordinal: int
    kind: str
    char_start: int
    char_end: int
    body_start: int
    headline: str | None = None
    person: str | None = None
    organization: str | None = None
    titles: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[Line]:
    return [Line(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]


def _is_heading(line: str) -> bool:
    return bool(MARKDOWN_HEADING.match(line)) or (
        is_headline_like(line) and not is_prose(line) and not BYLINE.match(line)
    )


def _heading_text(line: str) -> str:
    m = MARKDOWN_HEADING.match(line)
    return m["title"] if m else line


def split_sections(text: str) -> list[Section]:
    lines = _lines(text)
    sections: list[Section] = []
    seen_prose = False
    i = 0
    current: Section | None = None

    def close(end: int) -> None:
        if current is not None:
            current.char_end = max(end, current.body_start)

    while i < len(lines):
        line = lines[i]
        if not _is_heading(line.text):
            if current is None:
                current = Section(0, "lead", line.start, line.end, line.start)
                sections.append(current)
            seen_prose = True
            current.char_end = line.end
            i += 1
            continue
        # A run of heading-like lines: the last one heads the next part.
        j = i
        while j + 1 < len(lines) and _is_heading(lines[j + 1].text):
            j += 1
        interviewee = lines[j + 1] if j + 1 < len(lines) and INTERVIEWEE_LINE.match(lines[j + 1].text) else None
        if j + 1 >= len(lines) and not interviewee:
            # Headings with nothing after them: keep them as a bodiless article.
            pass
        head = lines[j]
        if j > i and seen_prose:
            close(lines[i - 1].end if i else 0)
            banner_lines = lines[i:j]
            sections.append(Section(0, "banner", banner_lines[0].start, banner_lines[-1].end,
                                    banner_lines[-1].end, "\n".join(b.text for b in banner_lines)))
            current = None
        close(lines[i - 1].end if i else 0)
        start = lines[i].start if not (j > i and seen_prose) else head.start
        headline = "\n".join(_heading_text(x.text) for x in lines[i if start == lines[i].start else j:j + 1])
        if interviewee:
            role = parse_role(INTERVIEWEE_LINE.match(interviewee.text)["who"])
            body_start = interviewee.end + 1 if interviewee.end < len(text) else interviewee.end
            current = Section(0, "interview", start, interviewee.end, min(body_start, len(text)), headline,
                              role.person if role else None, role.organization if role else None,
                              role.titles if role else ())
            i = j + 2
        else:
            body_start = head.end + 1 if head.end < len(text) else head.end
            current = Section(0, "article", start, head.end, min(body_start, len(text)), headline)
            i = j + 1
        sections.append(current)
        seen_prose = seen_prose or bool(interviewee)
    for n, s in enumerate(sections):
        s.ordinal = n
        s.char_end = max(s.char_end, s.body_start) if s.kind != "banner" else s.char_end
        if s.kind == "banner":
            s.body_start = s.char_end
    return sections
