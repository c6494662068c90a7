"""Person, place and organisation mentions (PER/LOC/ORG): the NER tagger.

jieba's part-of-speech tags alone mistake words for names (文明, 蓝图 as persons) and split
long organisation names. The tagger here is a character CRF (CRFsuite, via python-crfsuite)
over the features in ``ner_features``: neighbouring characters, surnames, organisation
suffixes, office titles and jieba's dictionary. It was trained on corpus sentences labelled
offline by THULAC, with entities swapped so that it learns contexts, not a few famous names
(``scripts/ner_silver.py``, ``scripts/ner_train.py``). The model file ships with the package;
nothing is fetched at run time.

A person named with an office (市交通运输局局长刘鹏) is taken from the people extractor,
whose title and surname rules are stricter than any statistical guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.extract.ner_features import features
from pipeline.extract.people import extract_people
from pipeline.sections.roles import word_tags

MODEL = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
MAX_SENTENCE = 400  # tag long texts in pieces: CRF cost is linear, but features per piece stay small


@dataclass(frozen=True)
class Mention:
    kind: str  # PER, LOC or ORG
    start: int
    end: int
    text: str


class ModelMissing(RuntimeError):
    """The NER model file is not where the package expects it."""


@cache
def _tagger():
    import pycrfsuite

    if not MODEL.exists():
        raise ModelMissing(f"NER model {MODEL} is missing: reinstall the package or run scripts/ner_train.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def _pieces(text: str):
    """Sentence-sized pieces (cut after 。！？；or a newline), so one call never sees a whole book."""
    start = 0
    for i, ch in enumerate(text):
        if ch in "。！？；\n" or i + 1 - start >= MAX_SENTENCE:
            yield start, text[start:i + 1]
            start = i + 1
    if start < len(text):
        yield start, text[start:]


def tag_spans(text: str) -> list[Mention]:
    """The CRF's entities, piece by piece."""
    tagger = _tagger()
    out: list[Mention] = []
    for offset, piece in _pieces(text):
        if not piece.strip():
            continue
        tags = tagger.tag(features(piece))
        start, kind = None, None
        for i, tag in enumerate([*tags, "O"]):
            if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
                out.append(Mention(kind, offset + start, offset + i, piece[start:i]))
                start = kind = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = i, tag[2:]
    return out


def _plausible(m: Mention) -> bool:
    """What no name looks like, whatever the tagger says: a lone character (国), and for persons
    Latin letters (tv, com) or a dictionary word of another kind (高铁, 义乌)."""
    if len(m.text.strip()) < 2 or m.text[0].isspace():
        return False
    if m.kind != "PER":
        return True
    if not all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in m.text):
        return False
    tag = word_tags().get(m.text)
    return tag is None or tag.startswith("nr")


def find_entities(text: str) -> list[Mention]:
    people = [Mention("PER", p.char_end - len(p.person), p.char_end, p.person) for p in extract_people(text)]
    taken = [(m.start, m.end) for m in people]
    merged = people + [m for m in tag_spans(text)
                       if _plausible(m) and not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(merged, key=lambda m: (m.start, m.end))
