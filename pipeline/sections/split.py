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
from pipeline.sections.roles import Role, looks_like_name, parse_role


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


def _heading_run_end(lines: list[Line], i: int) -> int:
    """Index of the last of the consecutive heading-like lines starting at ``i``."""
    j = i
    while j + 1 < len(lines) and _is_heading(lines[j + 1].text):
        j += 1
    return j


def interviewee_role(who: str) -> Role | None:
    """The interviewee line (哈萨克斯坦总统战略研究所首席研究员瑟罗耶日金) read by the people
    extractor, so that it takes every title and name a sentence would; the strict grammar of
    ``parse_role`` is the fallback for a line the tagger cannot read."""
    from pipeline.extract.people import office_and_name  # the people grammar; loaded only when needed

    p = office_and_name(who)
    return Role(p.organization, p.titles, p.person) if p else parse_role(who)


def _interviewee(line: re.Match) -> Role | None:
    if line["who"]:
        return interviewee_role(line["who"])
    return answerer_role(line["answers"])


def answerer_role(who: str) -> Role | None:
    """Who answers in ——X就…答记者问: an office and a name, a name alone (刘鹤), or an office with
    no name (中央组织部负责人: the person is '', the office is still the section's)."""
    from pipeline.extract.people import office_only

    if role := interviewee_role(who):
        return role
    if office := office_only(who):
        return Role(office[0], office[1], "")
    return Role("", (), who) if looks_like_name(who) else None


def split_sections(text: str) -> list[Section]:
    lines = _lines(text)
    sections: list[Section] = []
    current: Section | None = None
    seen_prose = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _is_heading(line.text):
            if current is None:
                current = Section(0, "lead", line.start, line.end, line.start)
                sections.append(current)
            current.char_end = line.end
            seen_prose = True
            i += 1
            continue
        # A run of heading-like lines: the last one heads the next part, and after prose the
        # lines before it are page furniture (a banner) that belongs to no part's body.
        j = _heading_run_end(lines, i)
        following = lines[j + 1] if j + 1 < len(lines) else None
        interviewee = following if following and INTERVIEWEE_LINE.match(following.text) else None
        heading = lines[i:j + 1]
        if seen_prose and j > i:
            banner = lines[i:j]
            sections.append(Section(0, "banner", banner[0].start, banner[-1].end, banner[-1].end,
                                    "\n".join(b.text for b in banner)))
            heading = [lines[j]]
        head_end = (interviewee or lines[j]).end
        # A document that opens with its title: the title heads the lead, the prose after it.
        kind = "interview" if interviewee else ("lead" if current is None else "article")
        current = Section(0, kind, heading[0].start, head_end,
                          min(head_end + 1, len(text)), "\n".join(_heading_text(h.text) for h in heading))
        if interviewee and (role := _interviewee(INTERVIEWEE_LINE.match(interviewee.text))):
            current.person, current.organization, current.titles = role.person, role.organization, role.titles
        sections.append(current)
        seen_prose = seen_prose or bool(interviewee)
        i = j + (2 if interviewee else 1)
    for n, section in enumerate(sections):
        section.ordinal = n
        if section.kind != "banner":
            section.char_end = max(section.char_end, section.body_start)  # a part with no body
    return sections
