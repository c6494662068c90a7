"""Ingest one source record into a normalised document with its repairs and defects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import schemas
from pipeline.ingest.decode import check_text, decode_bytes
from pipeline.ingest.defects import (
    Defect,
    inconsistent_references,
    paragraph_cuts,
    repeated_passages,
    traditional_characters,
)
from pipeline.ingest.normalize import assemble, iter_paragraphs, normalised_offset
from pipeline.ingest.page_breaks import repaired
from pipeline.ingest.sources import SourceRecord
from pipeline.text import (
    BYLINE,
    CREDIT,
    MARKDOWN_HEADING,
    SENTENCE_ENDS,
    ends_sentence,
    is_furniture,
    is_headline_like,
    is_prose,
)

_FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年.\-/]\s*(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")


@dataclass
class IngestedDocument:
    doc_id: str
    source_name: str
    sha256: str
    encoding: str
    text: str
    # [normalised_offset, raw_offset] runs (see normalize.assemble): a few numbers per
    # paragraph instead of one Python int per character, which for a large corpus is gigabytes.
    offset_runs: list[list[int]]
    meta: dict
    title: str
    date: str
    truncated: bool
    defects: list[Defect] = field(default_factory=list)
    duplicate_sources: list[str] = field(default_factory=list)

    @property
    def joins(self) -> list[Defect]:
        return [d for d in self.defects if d.kind == "page_break_join"]


def _iso_date(m: re.Match) -> str | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def infer_title(text: str) -> str:
    """A first line that looks like a title (markdown heading or a short unpunctuated line),
    no longer than the documents schema allows (a longer "heading" is no title)."""
    first, _, rest = text.partition("\n")
    if len(first) > (schemas.load("documents").field("title").max_length or len(first)):
        return ""
    heading = MARKDOWN_HEADING.match(first)
    if heading:
        return heading["title"]
    if rest and is_headline_like(first) and not is_prose(first):
        return first
    return ""


def infer_date(text: str, source_name: str) -> str:
    for m in _FULL_DATE.finditer(text[:400]):
        if iso := _iso_date(m):
            return iso
    m = _COMPACT_DATE.search(source_name)
    return (_iso_date(m) or "") if m else ""


def last_body_line(text: str) -> str:
    """The last line of running text, past trailing page chrome (links, timestamps, buttons)."""
    for line in _lines_from_end(text.rstrip()):
        if line.startswith("——"):
            continue  # a signature line (——某某县纪委书记 程 靖)
        if not is_furniture(line) and not BYLINE.search(line) and (is_prose(line) or len(line) >= 8):
            return line
    return ""


def _lines_from_end(text: str):
    """text.split("\n") backwards, one line at a time (a million short lines are not all made)."""
    end = len(text)
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        yield text[start:end]
        end = start - 1


def is_truncated(text: str) -> bool:
    last = last_body_line(text)
    if not last or not is_prose(last) or ends_sentence(last):
        return False
    # "…智能新时代。  数据来源：华为云": a credit after the last sentence is not a cut.
    tail = re.split(f"[{re.escape(SENTENCE_ENDS)}]", last)[-1]
    return not (len(tail) < len(last) and CREDIT.search(tail))


def ingest_record(record: SourceRecord) -> IngestedDocument:
    """Decode, normalise, repair and inspect one record. Raises DecodeError for unreadable bytes."""
    if record.text is not None:  # a collection record: already text, held to the same checks as decoded bytes
        raw, encoding = check_text(record.text, record.source_name), "utf-8"
    else:
        raw, encoding = decode_bytes(record.data, record.source_name)
    joins: list = []
    text, runs = assemble(repaired(iter_paragraphs(raw), joins))  # paragraphs streamed, never all held
    defects = []
    for j in joins:
        at = normalised_offset(runs, j.right_raw_start)
        defects.append(Defect("page_break_join", at, at, f"{j.left_tail} | {j.right_head}"))
    truncated = is_truncated(text)
    if truncated:
        tail = last_body_line(text)
        defects.append(Defect("truncated", len(text), len(text), f"ends mid-sentence: …{tail[-20:]}"))
    defects += (repeated_passages(text) + inconsistent_references(text) + traditional_characters(text)
                + paragraph_cuts(text))
    defects.sort(key=lambda d: (d.start, d.kind))
    meta = record.meta
    return IngestedDocument(
        doc_id=record.doc_id, source_name=record.source_name, sha256=record.sha256, encoding=encoding,
        text=text, offset_runs=runs, meta=meta,
        title=meta.get("title") or infer_title(text),
        date=meta.get("date") or infer_date(text, record.source_name),
        truncated=truncated, defects=defects,
    )
