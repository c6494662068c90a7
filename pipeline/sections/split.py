"""Split normalised text into sections in reading order.

A headline line followed by an interviewee line (——访…) opens an interview; other
headline-like lines between prose, and numbered headings (一、… （二）… 第三章 …), open an
``article`` part; headline-like lines that stand just before another headline are page furniture
(a banner) and belong to no body. Web-page furniture (links, 来源：, 字号, photo credits…, as
``pipeline.text`` classifies it) is a banner wherever it stands: before a part's first
paragraph it is part of the part's head, after its last it follows the part, and between two
paragraphs it ends the part, which goes on in a continuation (same kind, headline and interviewee).
"""

from __future__ import annotations

import io
import re
from array import array
from dataclasses import dataclass, field

from pipeline.lexicon.names import looks_like_name
from pipeline.sections.roles import Role, parse_role
from pipeline.text import (
    BYLINE,
    INTERVIEWEE_LINE,
    MARKDOWN_HEADING,
    NUMBERED_HEADING,
    ends_sentence,
    is_headline_like,
    is_page_furniture,
    is_prose,
)

# A numbered line this long that ends a sentence is a numbered paragraph (（一）始终把忠诚作为为政之魂。
# 牢记…), not a heading; short ones that end in 。 are headings (（一）经济运行顶住压力、稳中有进。).
NUMBERED_PROSE_LEN = 40


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
    # End of the headline and interviewee lines. It is body_start - 1 unless page furniture stands
    # between them and the first paragraph; the interviewee row is found by it.
    head_end: int = -1
    # Resumes the part before a banner that stood between two of its paragraphs.
    continued: bool = False


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


class _Lines:
    """The non-empty lines of a text, kept as two arrays of offsets (16 bytes a line); a ``Line``
    is made when one is asked for, so a million short lines are not a million objects."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends = array("q"), array("q")
        for m in re.finditer(r"[^\n]+", text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k: int) -> Line:
        a, b = self.starts[k], self.ends[k]
        return Line(a, b, self.text[a:b])

    def joined(self, i: int, j: int, shown=lambda line: line) -> str:
        """Lines ``i`` to ``j`` (inclusive), each as ``shown`` gives it, one a line."""
        out = io.StringIO()
        for k in range(i, j + 1):
            if k > i:
                out.write("\n")
            out.write(shown(self.text[self.starts[k]:self.ends[k]]))
        return out.getvalue()


def _lines(text: str) -> _Lines:
    return _Lines(text)


def _is_numbered_heading(line: str) -> bool:
    """一、… （二）… 第三章 … opens a part though 、 is clause punctuation; a numbered paragraph of
    prose (long and ending a sentence) or a list item (ending in ； or ，) does not."""
    if not NUMBERED_HEADING.match(line) or line.rstrip().endswith(("；", ";", "，", ",")):
        return False
    return not (len(line) >= NUMBERED_PROSE_LEN and ends_sentence(line))


def _is_heading(line: str) -> bool:
    return bool(MARKDOWN_HEADING.match(line)) or _is_numbered_heading(line) or (
        is_headline_like(line) and not is_prose(line) and not BYLINE.match(line)
        and not is_page_furniture(line)
    )


def _is_bare_number(line: str) -> bool:
    """A heading's number on a line of its own (一、), its words on the next."""
    m = NUMBERED_HEADING.match(line)
    return bool(m) and not line[m.end():].strip()


def _heading_text(line: str) -> str:
    m = MARKDOWN_HEADING.match(line)
    return m["title"] if m else line


def _heading_run_end(lines: _Lines, i: int) -> int:
    """Index of the last of the consecutive heading-like lines starting at ``i``. A numbered
    heading is never banner furniture: the run stops before one, and one stands alone (with its
    words, when the number is on a line of its own)."""
    if _is_numbered_heading(lines[i].text):
        bare = _is_bare_number(lines[i].text) and i + 1 < len(lines) and _is_heading(lines[i + 1].text)
        return i + 1 if bare and not _is_numbered_heading(lines[i + 1].text) else i
    j = i
    while (j + 1 < len(lines) and _is_heading(lines[j + 1].text)
           and not _is_numbered_heading(lines[j + 1].text)):
        j += 1
    return j


def _furniture_run_end(lines: _Lines, i: int) -> int:
    j = i
    while j + 1 < len(lines) and is_page_furniture(lines[j + 1].text):
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


class _Splitter:
    """The sections found so far, the part being read and whether prose has been seen."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self.current: Section | None = None
        self.seen_prose = False
        self.interrupted = False  # a banner stands after the current part's last paragraph

    def prose(self, line: Line) -> None:
        current = self.current
        if current is None:
            current = self._open(Section(0, "lead", line.start, line.end, line.start))
        elif self.interrupted and current.char_end > current.body_start:
            current = self._open(Section(0, current.kind, line.start, line.end, line.start, current.headline,
                                         current.person, current.organization, current.titles, continued=True))
        elif self.interrupted:  # furniture between a part's head and its first paragraph
            current.body_start = line.start
        current.char_end = line.end
        self.interrupted = False
        self.seen_prose = True

    def furniture(self, lines: _Lines, i: int) -> int:
        """Web-page furniture is a banner; the part it interrupts ends before it."""
        j = _furniture_run_end(lines, i)
        self._banner(lines, i, j)
        self.interrupted = self.current is not None
        return j + 1

    def headings(self, lines: _Lines, i: int) -> int:
        """A run of heading-like lines: the last one heads the next part, and after prose the
        lines before it are page furniture (a banner) that belongs to no part's body."""
        j = _heading_run_end(lines, i)
        following = lines[j + 1] if j + 1 < len(lines) else None
        interviewee = following if following and INTERVIEWEE_LINE.match(following.text) else None
        first = i
        if self.seen_prose and j > i and not _is_bare_number(lines[i].text):
            self._banner(lines, i, j - 1)
            first = j
        head_end = (interviewee or lines[j]).end
        # A document that opens with its title: the title heads the lead, the prose after it.
        kind = "interview" if interviewee else ("lead" if self.current is None else "article")
        part = self._open(Section(0, kind, lines.starts[first], head_end, min(head_end + 1, len(self.text)),
                                  lines.joined(first, j, _heading_text), head_end=head_end))
        if interviewee and (role := _interviewee(INTERVIEWEE_LINE.match(interviewee.text))):
            part.person, part.organization, part.titles = role.person, role.organization, role.titles
        self.seen_prose = self.seen_prose or bool(interviewee)
        self.interrupted = False
        return j + (2 if interviewee else 1)

    def finish(self) -> list[Section]:
        self.sections.sort(key=lambda s: s.char_start)  # a head's furniture is listed after its part
        for n, section in enumerate(self.sections):
            section.ordinal = n
            if section.kind != "banner":
                section.char_end = max(section.char_end, section.body_start)  # a part with no body
        return self.sections

    def _open(self, section: Section) -> Section:
        self.sections.append(section)
        self.current = section
        return section

    def _banner(self, lines: _Lines, i: int, j: int) -> None:
        """Lines ``i`` to ``j`` as one banner."""
        self.sections.append(Section(0, "banner", lines.starts[i], lines.ends[j], lines.ends[j], lines.joined(i, j)))


def split_sections(text: str) -> list[Section]:
    lines = _lines(text)
    splitter = _Splitter(text)
    i = 0
    while i < len(lines):
        line = lines[i].text
        if is_page_furniture(line):
            i = splitter.furniture(lines, i)
        elif _is_heading(line):
            i = splitter.headings(lines, i)
        else:
            splitter.prose(lines[i])
            i += 1
    return splitter.finish()
