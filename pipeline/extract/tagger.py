"""The character CRF that marks persons, places and organisations (PER/LOC/ORG).

One pass of the tagger and one jieba cut per document, shared by the people extractor (names
next to titles) and the entity rules in ``ner``, so neither pays for them twice. The model
(CRFsuite, via python-crfsuite) ships with the package; nothing is fetched at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.extract.ner_features import features

MODEL = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
MAX_SENTENCE = 400  # tag long texts in pieces: CRF cost is linear, but features per piece stay small


@dataclass(frozen=True)
class Mention:
    kind: str  # PER, LOC or ORG
    start: int
    end: int
    text: str
    canonical: str = ""  # the full name, where the text is a short form (美 for 美国)


class ModelMissing(RuntimeError):
    """The NER model file is not where the package expects it."""


@cache
def load_tagger():
    """The CRF tagger, opened once per process."""
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


def _words_by_piece(text: str, pieces: list[tuple[int, str]]) -> list[list[str]]:
    """jieba's words of the whole text, cut once and shared out to the pieces (a word that a
    forced cut splits is split with it)."""
    import jieba

    out: list[list[str]] = [[] for _ in pieces]
    bounds = [offset + len(piece) for offset, piece in pieces]
    k, pos = 0, 0
    for word in jieba.cut(text):
        while word:
            take = min(len(word), bounds[k] - pos)
            out[k].append(word[:take])
            word, pos = word[take:], pos + take
            if pos == bounds[k] and k + 1 < len(bounds):
                k += 1
    return out


def bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each entity in a BIO tag sequence; a stray I- opens an entity."""
    out, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            out.append((kind, start, i))
            start = kind = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return out


def _tag(text: str) -> tuple[list[Mention], list[str]]:
    """The CRF's entities, piece by piece, and jieba's words of the text."""
    tagger = load_tagger()
    out: list[Mention] = []
    pieces = list(_pieces(text))
    all_words: list[str] = []
    for (offset, piece), words in zip(pieces, _words_by_piece(text, pieces), strict=True):
        all_words += words
        if piece.strip():
            out += [Mention(kind, offset + a, offset + b, piece[a:b])
                    for kind, a, b in bio_spans(tagger.tag(features(piece, words)))]
    return out, all_words


def tag_spans(text: str) -> list[Mention]:
    """The CRF's entities, piece by piece."""
    return _tag(text)[0]


@dataclass(frozen=True)
class Words:
    """jieba's words of a text as spans, with where each starts, for the rules that must stand
    on word boundaries."""
    spans: list[tuple[int, int]]
    index: dict[int, int]  # start -> position in spans
    ends: frozenset[int]

    @classmethod
    def of(cls, words: list[str]) -> Words:
        spans, pos = [], 0
        for word in words:
            spans.append((pos, pos + len(word)))
            pos += len(word)
        return cls(spans, {a: k for k, (a, _) in enumerate(spans)}, frozenset(b for _, b in spans))




@dataclass(frozen=True)
class Analysis:
    """What the tagger and jieba say about one text: computed once, read by every extractor."""
    mentions: list[Mention]
    words: list[str]

    @property
    def spans(self) -> Words:
        return Words.of(self.words)


def analyse(text: str) -> Analysis:
    mentions, words = _tag(text)
    return Analysis(mentions, words)
