"""The character CRF that marks persons, places and organisations (PER/LOC/ORG).

One pass of the tagger and one jieba cut per document, shared by the people extractor (names
next to titles) and the entity rules in ``ner``, so neither pays for them twice. The model was
trained with CRFsuite (``ner.crfsuite``, scripts/ner_train.py) and ships compiled into arrays
(``ner_weights.npz``): the features of a whole document are scored with a few numpy look-ups and
decoded with a Viterbi pass over all its sentences at once, instead of building a dozen strings a
character for CRFsuite to look up again (three times faster; the labels are CRFsuite's own, which
tests/extract/test_ner_compiled.py checks). Nothing is fetched at run time.
"""

from __future__ import annotations

import itertools
import re
import sys
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from pipeline.extract.ner_features import WHERE, compile_weights, emission_scores
from pipeline.lexicon.dictionary import word_tags

MODELS = Path(__file__).resolve().parent.parent / "models"
MODEL = MODELS / "ner.crfsuite"  # as CRFsuite trained it: the source of WEIGHTS
WEIGHTS = MODELS / "ner_weights.npz"
MAX_SENTENCE = 400  # tag long texts in pieces: CRF cost is linear, but features per piece stay small
CHUNK = 8192  # characters scored at once: whole pieces, so that arrays stay small on a long text
# Where a piece may end. Not text.SENTENCE_ENDS: a full-width semicolon ends a piece too, and the
# ASCII ! and ? do not; a different cut would change the tags the model gives.
_CUT = re.compile("[。！？；\n]")


@dataclass(frozen=True)
class Mention:
    kind: str  # PER, LOC or ORG
    start: int
    end: int
    text: str
    canonical: str = ""  # the full name, where the text is a short form (美 for 美国)


class ModelMissingError(RuntimeError):
    """The NER model file is not where the package expects it."""


@cache
def load_tagger() -> dict[str, np.ndarray]:
    """The compiled CRF weights, read once per process."""
    if not WEIGHTS.exists():
        raise ModelMissingError(f"NER model {WEIGHTS} is missing: reinstall the package or run scripts/ner_train.py")
    with np.load(WEIGHTS, allow_pickle=False) as z:
        weights = {k: z[k] for k in z.files}
    weights["tag_rows"] = {t: k for k, t in enumerate(weights["tag_names"].tolist())}
    return weights


def compile_model(model: Path = MODEL, out: Path = WEIGHTS) -> Path:
    """Compile a CRFsuite model into the arrays the tagger reads (development time: needs python-crfsuite)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
    np.savez_compressed(out, **compile_weights(info.state_features, info.transitions, labels))
    return out


def piece_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Sentence-sized pieces (cut after 。！？；or a newline, and every MAX_SENTENCE characters
    without one), as start and end offsets, so one CRF sequence never holds a whole book."""
    starts, ends, start = array("q"), array("q"), 0
    for cut in itertools.chain((m.end() for m in _CUT.finditer(text)), [len(text)]):
        while cut - start > MAX_SENTENCE:
            starts.append(start)
            ends.append(start + MAX_SENTENCE)
            start += MAX_SENTENCE
        if cut > start:
            starts.append(start)
            ends.append(cut)
            start = cut
    return np.frombuffer(starts, dtype=np.int64), np.frombuffer(ends, dtype=np.int64)


def _piece_words(text: str, ends: np.ndarray) -> list[str]:
    """jieba's words of the whole text, cut once and split where a piece ends (a word that a
    forced cut splits is split with it). Repeated one-character words are one string object."""
    import jieba

    seen: dict[str, str] = {}
    out: list[str] = []
    append, bounds = out.append, iter(memoryview(ends))  # Python ints one at a time, no list of them
    bound, pos = next(bounds, len(text)), 0
    for word in jieba.cut(text):
        end = pos + len(word)
        if end < bound:  # the common case: the word lies inside the piece
            append(seen.setdefault(word, word) if end - pos == 1 else word)
            pos = end
            continue
        while word:
            take = min(len(word), bound - pos)
            part = word[:take] if take < len(word) else word
            append(seen.setdefault(part, part) if take == 1 else part)
            word, pos = word[take:], pos + take
            if pos == bound:
                bound = next(bounds, len(text))
    return out


def _blank_pieces(text: str, starts: np.ndarray) -> np.ndarray:
    """Whether each piece is whitespace only (``not piece.strip()``): such a piece is not tagged."""
    if not text:
        return np.zeros(len(starts), dtype=bool)
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    unique, inverse = np.unique(cps, return_inverse=True)
    printed = np.array([not chr(u).isspace() for u in unique.tolist()], dtype=np.int32)[inverse]
    return np.add.reduceat(printed, starts) == 0


def _word_arrays(n: int, words: list[str], tag_rows: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Each character's place in its word (a WHERE index) and the row of its word's tag."""
    tags, unknown = word_tags(), len(tag_rows)
    lengths = np.fromiter(map(len, words), dtype=np.int32, count=len(words))
    rows = np.fromiter((tag_rows.get(tags.get(w, "?") if len(w) > 1 else "1", unknown) for w in words),
                       dtype=np.int16, count=len(words))
    ends = np.cumsum(lengths)
    where = np.full(n, WHERE.index("M"), dtype=np.int8)  # int8 throughout: a few bytes a character
    where[ends - 1] = WHERE.index("E")
    where[ends - lengths] = WHERE.index("B")
    where[(ends - lengths)[lengths == 1]] = WHERE.index("S")
    return where, np.repeat(rows, lengths)


def viterbi(scores: np.ndarray, starts: np.ndarray, ends: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label of each position, each piece decoded as its own sequence (CRFsuite's first-order
    chain without start or end weights; ties go to the lower label, as in CRFsuite). All pieces move
    one position per step, longest first, so a step is a few array operations for all of them."""
    labels = np.zeros(len(scores), dtype=np.int8)
    if not len(starts):
        return labels
    if len(starts) == 1:  # one sentence: plain Python beats a dozen tiny array operations a step
        a, b = int(starts[0]), int(ends[0])
        labels[a:b] = _viterbi_one(scores[a:b].tolist(), transitions.T.tolist())
        return labels
    order = np.argsort(-(ends - starts), kind="stable")
    starts, lengths = starts[order], (ends - starts)[order]
    steps, count, size = int(lengths[0]), len(starts), scores.shape[1]
    active = np.searchsorted(-lengths, -np.arange(steps), side="left")  # pieces longer than t
    # scores step by step (steps x pieces x labels), gathered at once unless that would be large
    by_step = scores[np.minimum(starts + np.arange(steps)[:, None], len(scores) - 1)] \
        if steps * count <= 1 << 16 else None
    delta = scores[starts]
    back = np.empty((steps, count, size), dtype=np.int8)
    for t in range(1, steps):
        a = int(active[t])
        candidates = delta[:a, :, None] + transitions
        back[t, :a] = candidates.argmax(axis=1)
        delta[:a] = candidates.max(axis=1)
        delta[:a] += by_step[t, :a] if by_step is not None else scores[starts[:a] + t]
    labels[starts + lengths - 1] = delta.argmax(axis=1)  # each piece's best last label, then back
    rows = np.arange(count)
    for t in range(steps - 1, 0, -1):
        a = int(active[t])
        at = starts[:a] + t
        labels[at - 1] = back[t, rows[:a], labels[at]]
    return labels


def _viterbi_one(rows: list[list[float]], into: list[list[float]]) -> list[int]:
    """``viterbi`` for one sequence, in the same order of additions and with the same ties (the
    first best label wins). ``into[j][i]``: the weight of moving from label i to label j."""
    labels = range(len(into))
    delta, back = rows[0], []
    for emitted in rows[1:]:
        pointers, scores = [], []
        for j in labels:
            weights = into[j]
            best, best_i = delta[0] + weights[0], 0
            for i in labels[1:]:
                if (v := delta[i] + weights[i]) > best:
                    best, best_i = v, i
            pointers.append(best_i)
            scores.append(best + emitted[j])
        back.append(pointers)
        delta = scores
    label = max(labels, key=lambda j: (delta[j], -j))
    out = [label]
    for pointers in reversed(back):
        label = pointers[label]
        out.append(label)
    return out[::-1]


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


def _spans(labels: np.ndarray, names: list[str], piece_first: np.ndarray) -> list[tuple[str, int, int]]:
    """``bio_spans`` over every piece at once: an entity starts at a B-, or at an I- that does not
    continue an entity of its kind in the same piece."""
    kind_of = np.array([name[2:] if name != "O" else "" for name in names])
    inside = np.array([name.startswith("I-") for name in names])
    kinds, is_inside = kind_of[labels], inside[labels]
    tagged = kinds != ""
    prev = np.roll(kinds, 1)
    goes_on = tagged & is_inside & ~piece_first & (prev == kinds)
    begins = np.flatnonzero(tagged & ~goes_on)
    ends_at = np.flatnonzero(tagged & ~np.append(goes_on[1:], False)) + 1
    return list(zip(kinds[begins].tolist(), begins.tolist(), ends_at.tolist(), strict=True))


def _tag(text: str) -> tuple[list[Mention], list[str]]:
    """The CRF's entities, piece by piece, and jieba's words of the text."""
    weights = load_tagger()
    starts, ends = piece_bounds(text)
    words = _piece_words(text, ends)
    where, tag = _word_arrays(len(text), words, weights["tag_rows"])
    blank = _blank_pieces(text, starts)
    names = weights["labels"].tolist()
    out: list[Mention] = []
    k = 0
    while k < len(starts):
        j = max(k + 1, int(np.searchsorted(ends, starts[k] + CHUNK, side="right")))
        a, b = int(starts[k]), int(ends[j - 1])
        s, e = starts[k:j] - a, ends[k:j] - a
        scores = emission_scores(text[a:b], s, e, where[a:b], tag[a:b], weights)
        keep = ~blank[k:j]
        labels = viterbi(scores, s[keep], e[keep], weights["transitions"])
        first = np.zeros(b - a, dtype=bool)
        first[s] = True
        out += [Mention(kind, a + x, a + y, text[a + x:a + y])
                for kind, x, y in _spans(labels, names, first)]
        k = j
    return out, words


def tag_spans(text: str) -> list[Mention]:
    """The CRF's entities, piece by piece."""
    return _tag(text)[0]


class Words:
    """jieba's words of a text as the offsets where they start (and the text's end), for the rules
    that must stand on word boundaries: 8 bytes a word for ``word_at`` (bisection) and one byte a
    character marking starts and ends."""

    def __init__(self, bounds: array, marks: bytes):
        self.bounds, self._marks = bounds, marks

    @classmethod
    def of(cls, words: list[str]) -> Words:
        ends = np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=len(words)))
        bounds = array("q", [0])
        bounds.frombytes(ends.tobytes())
        marks = np.zeros(int(ends[-1]) + 1 if len(ends) else 1, dtype=np.uint8)
        marks[ends - np.diff(ends, prepend=0)] |= 1
        marks[ends] |= 2
        return cls(bounds, marks.tobytes())

    def starts(self, at: int) -> bool:
        """Whether a word starts at ``at``."""
        return 0 <= at < len(self._marks) and bool(self._marks[at] & 1)

    def ends(self, at: int) -> bool:
        """Whether a word ends at ``at``."""
        return 0 <= at < len(self._marks) and bool(self._marks[at] & 2)

    def word_at(self, at: int) -> tuple[int, int]:
        """Start and end of the word that holds position ``at``."""
        k = bisect_right(self.bounds, at) - 1
        return self.bounds[k], self.bounds[k + 1]


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


if __name__ == "__main__":  # python -m pipeline.extract.tagger: recompile WEIGHTS from MODEL
    print(compile_model(*(Path(p) for p in sys.argv[1:3])))
