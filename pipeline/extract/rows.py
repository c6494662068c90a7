"""Rows of the ``metrics`` and ``mentions`` tables: one per metric or named mention, tied to its section."""

from __future__ import annotations

import re

from pipeline.extract.entities import entity_id
from pipeline.extract.mentions import NamedMention
from pipeline.extract.metrics import Metric
from pipeline.keys import StableKeys
from pipeline.sections.rows import section_at, section_id
from pipeline.sections.split import Section
from pipeline.text import sentence_bounds

# A metric's key is its sentence with the figures masked and its place among the sentence's
# metrics: editing 36项 to 38项 is then a changed row, not a removed one and an added one.
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def metric_rows(doc_id: str, metrics: list[Metric], sections: list[Section], code_version: str) -> list[dict]:
    rows = []
    key = StableKeys(doc_id, "m")
    for m in metrics:
        sec = section_at(sections, m.char_start)
        rows.append({
            "metric_id": key(_DIGITS.sub("#", m.sentence)), "doc_id": doc_id,
            "section_id": section_id(doc_id, sec.ordinal) if sec else None,
            "person": sec.person if sec else None, "raw_text": m.raw_text, "value": m.value,
            "value_high": m.value_high, "unit": m.unit, "qualifier": m.qualifier, "change": m.change,
            "base_period": m.base_period, "period": m.period, "kind": m.kind, "subject": m.subject,
            "char_start": m.char_start, "char_end": m.char_end, "sentence": m.sentence,
            "code_version": code_version,
        })
    return rows


def sentence_of(text: str, start: int, end: int) -> str:
    a, b = sentence_bounds(text, start, end)
    return text[a:b]


def mention_rows(doc_id: str, text: str, sections: list[Section], mentions: list[NamedMention],
                 code_version: str) -> list[dict]:
    key = StableKeys(doc_id, "n")
    return [{
        "mention_id": key(m.kind, sentence_of(text, m.char_start, m.char_end), m.text), "doc_id": doc_id,
        "section_id": section_id(doc_id, sec.ordinal) if (sec := section_at(sections, m.char_start)) else None,
        "entity_id": entity_id(m.kind, m.canonical), "kind": m.kind, "raw_text": m.text,
        "canonical_name": m.canonical, "source": m.source, "char_start": m.char_start, "char_end": m.char_end,
        "code_version": code_version,
    } for m in mentions]
