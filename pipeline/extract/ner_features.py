"""Character features for the NER tagger, shared by training (scripts/ner_train.py) and tagging.

Each character is described by its neighbours, its kind (Han, digit, Latin, punctuation),
and what the project's word lists and jieba's dictionary say about the strings around it: a
surname starts here, an organisation suffix or an office title ends here, a dictionary place
or person name covers this character. The lists generalise; the CRF learns how far to trust each.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import cache
from typing import NamedTuple

import numpy as np

from pipeline import lexicon
from pipeline.lexicon.dictionary import word_tags
from pipeline.text import is_han

NAME_TAGS = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt", "nz": "nz"}
MAX_DICT_WORD = 6


@cache
def _name_words() -> dict[str, str]:
    """jieba's dictionary words whose tag says person, place, organisation or other proper name."""
    return {w: NAME_TAGS[t] for w, t in word_tags().items() if t in NAME_TAGS and 2 <= len(w) <= MAX_DICT_WORD}


@cache
def _suffixes() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(lexicon.org_suffixes()), frozenset(lexicon.titles())


@cache
def _name_prefixes() -> frozenset[str]:
    """Proper prefixes of the dictionary names: a string that is none of them starts no name."""
    return frozenset(w[:k] for w in _name_words() for k in range(2, len(w)))


@cache
def _affix_prefixes() -> frozenset[str]:
    orgs, titles = _suffixes()
    return frozenset(w[:k] for w in orgs | titles for k in range(1, len(w)))


@cache
def _kind(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if is_han(ch):
        return "H"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "P" if unicodedata.category(ch).startswith(("P", "S", "Z")) else "O"


def _word_features(text: str, extra: list[list[str]], words: list[str] | None) -> None:
    """Where jieba puts word boundaries, and the dictionary's tag for each word (plain jieba.cut
    with its HMM for new words: five times faster than the part-of-speech tagger)."""
    import jieba

    tags = word_tags()
    pos = 0
    for word in jieba.cut(text) if words is None else words:
        n = len(word)
        tag = tags.get(word, "?") if n > 1 else "1"
        for k in range(n):
            where = "S" if n == 1 else "B" if k == 0 else "E" if k == n - 1 else "M"
            extra[pos + k].append(f"w{where}")
            extra[pos + k].append(f"wt={tag}{where}")
        pos += n


def features(text: str, words: list[str] | None = None) -> list[list[str]]:
    """Features of each character. ``words``: jieba's words of ``text`` when the caller cut a
    longer text once (cutting many short pieces one by one costs three times as much)."""
    n = len(text)
    padded = "\x02\x02" + text + "\x03\x03"
    surnames = lexicon.surnames()
    orgs, titles = _suffixes()
    names, name_prefixes, affix_prefixes = _name_words(), _name_prefixes(), _affix_prefixes()
    extra: list[list[str]] = [[] for _ in range(n)]
    _word_features(text, extra, words)
    for i in range(n):
        _dictionary_flags(text, i, extra, names, name_prefixes)
        _affix_flags(text, i, extra, orgs, titles, affix_prefixes)
    kinds = ["^", *(_kind(ch) for ch in text), "$"]
    out = []
    for i in range(n):
        p = i + 2
        c = padded[p]
        f = [
            "b", f"c0={c}", f"c-1={padded[p - 1]}", f"c1={padded[p + 1]}",
            f"c-2={padded[p - 2]}", f"c2={padded[p + 2]}",
            f"b-1={padded[p - 1:p + 1]}", f"b0={padded[p:p + 2]}", f"s={padded[p - 1]}{padded[p + 1]}",
            f"k={kinds[i]}{kinds[i + 1]}{kinds[i + 2]}",
        ]
        if c in surnames:
            f.append("sur")
        if padded[p:p + 2] in surnames:
            f.append("sur2")
        f.extend(extra[i])
        out.append(f)
    return out


def _dictionary_flags(text: str, i: int, extra: list[list[str]], names: dict[str, str],
                      name_prefixes: frozenset[str]) -> None:
    """Mark each dictionary name that starts at ``i``: its first, inner and last characters."""
    n = len(text)
    for length in range(2, min(MAX_DICT_WORD, n - i) + 1):
        piece = text[i:i + length]
        tag = names.get(piece)
        if tag:
            extra[i].append(f"d{tag}B")
            for k in range(i + 1, i + length - 1):
                extra[k].append(f"d{tag}I")
            extra[i + length - 1].append(f"d{tag}E")
        if piece not in name_prefixes:
            break


def _affix_flags(text: str, i: int, extra: list[list[str]], orgs: frozenset[str], titles: frozenset[str],
                 affix_prefixes: frozenset[str]) -> None:
    """Mark each organisation suffix and office title that starts at ``i`` where it ends, and the
    characters just after and before a title."""
    n = len(text)
    for length in range(1, min(4, n - i) + 1):
        piece = text[i:i + length]
        if piece in orgs:
            extra[i + length - 1].append("orgE")
        if piece in titles and length > 1:
            extra[i + length - 1].append("titleE")
            if i + length < n:
                extra[i + length].append("afterTitle")
            if i > 0:
                extra[i - 1].append("beforeTitle")
        if piece not in affix_prefixes:
            break


# ---------------------------------------------------------------------------------------------
# The same features as numbers. Building ~12 strings a character in Python and having CRFsuite
# look each up again cost two thirds of the extraction core's time. The model's weights are
# compiled once (``compile_weights``, run by scripts/ner_train.py) into tables indexed by
# character, character pair, kind triple and flag, so that a text's emission scores are a few
# vectorised look-ups and sums (``emission_scores``). ``features`` above stays the definition:
# tests/extract/test_ner_compiled.py checks that both give the same scores.

CHAR_TEMPLATES = {"c0": 0, "c-1": -1, "c1": 1, "c-2": -2, "c2": 2}
PAIR_TEMPLATES = {"b-1": (-1, 0), "b0": (0, 1), "s": (-1, 1)}
KINDS = "^$DHLPO"
WHERE = "SBME"
DICT_TAGS = ("nr", "ns", "nt", "nz")
FLAGS = ("b", "sur", "sur2", "orgE", "titleE", "afterTitle", "beforeTitle",
         *(f"w{w}" for w in WHERE), *(f"d{t}{p}" for t in DICT_TAGS for p in "BIE"))
PAD_BEFORE, PAD_AFTER = 2, 3  # the code points of "\x02" and "\x03" in ``features``
_PAIR = 0x110000  # a pair of code points as one integer: first * _PAIR + second


def compile_weights(state_features: dict[tuple[str, str], float], transitions: dict[tuple[str, str], float],
                    labels: list[str]) -> dict[str, np.ndarray]:
    """The model's weights as arrays (saved with ``np.savez``): one row of label weights per
    character for each character template, per character pair (sorted keys) for each pair template,
    per kind triple, per word-tag position and per flag. Unknown attributes weigh nothing, as in CRFsuite."""
    index = {label: k for k, label in enumerate(labels)}
    size = len(labels)
    by_attr: dict[str, np.ndarray] = {}
    for (attr, label), weight in state_features.items():
        by_attr.setdefault(attr, np.zeros(size))[index[label]] += weight
    out = _arrays(_by_template(by_attr, size), labels, size)
    for (a, b), weight in transitions.items():
        out["transitions"][index[a], index[b]] = weight
    return out


class _Templates(NamedTuple):
    """An attribute's label weights, sorted by the template that made the attribute."""
    chars: set[int]  # every code point a character template names, and the two paddings
    singles: dict[str, dict[int, np.ndarray]]  # per character template, by code point
    pairs: dict[str, dict[int, np.ndarray]]  # per pair template, by code point pair
    kinds: np.ndarray  # per kind triple
    tags: dict[str, np.ndarray]  # per word tag, a row per WHERE position
    flags: np.ndarray  # per FLAGS entry


def _by_template(by_attr: dict[str, np.ndarray], size: int) -> _Templates:
    chars: set[int] = {PAD_BEFORE, PAD_AFTER}
    pairs: dict[str, dict[int, np.ndarray]] = {name: {} for name in PAIR_TEMPLATES}
    singles: dict[str, dict[int, np.ndarray]] = {name: {} for name in CHAR_TEMPLATES}
    kinds = np.zeros((len(KINDS) ** 3, size))
    tags: dict[str, np.ndarray] = {}
    flags = np.zeros((len(FLAGS), size))
    for attr, w in by_attr.items():
        name, eq, value = attr.partition("=")
        if eq and name in CHAR_TEMPLATES and len(value) == 1:
            singles[name][ord(value)] = w
            chars.add(ord(value))
        elif eq and name in PAIR_TEMPLATES and len(value) == 2:
            pairs[name][ord(value[0]) * _PAIR + ord(value[1])] = w
        elif eq and name == "k" and len(value) == 3:
            a, b, c = (KINDS.index(ch) for ch in value)
            kinds[(a * len(KINDS) + b) * len(KINDS) + c] = w
        elif eq and name == "wt" and value[-1:] in WHERE:
            tags.setdefault(value[:-1], np.zeros((len(WHERE), size)))[WHERE.index(value[-1])] = w
        elif not eq and attr in FLAGS:
            flags[FLAGS.index(attr)] = w
        else:
            raise ValueError(f"attribute {attr!r} is in no template: compile_weights and features disagree")
    return _Templates(chars, singles, pairs, kinds, tags, flags)


def _arrays(t: _Templates, labels: list[str], size: int) -> dict[str, np.ndarray]:
    """The arrays ``compile_weights`` saves, transitions still zero; each look-up table ends in a
    zero row for what the model never saw."""
    char_keys = np.array(sorted(t.chars), dtype=np.int64)
    out: dict[str, np.ndarray] = {"labels": np.array(labels), "chars": char_keys, "kinds": t.kinds, "flags": t.flags,
                                  "flag_names": np.array(FLAGS), "transitions": np.zeros((size, size))}
    for name, table in t.singles.items():
        rows = np.zeros((len(char_keys) + 1, size))  # the last row: a character the model never saw
        for cp, w in table.items():
            rows[np.searchsorted(char_keys, cp)] = w
        out[f"char:{name}"] = rows
    for name, table in t.pairs.items():
        keys = np.array(sorted(table), dtype=np.int64)
        out[f"pairkeys:{name}"] = keys
        out[f"pair:{name}"] = np.vstack([*(table[k] for k in keys.tolist()), np.zeros(size)])
    tag_names = sorted(t.tags)
    out["tag_names"] = np.array(tag_names)
    out["tags"] = np.stack([*(t.tags[name] for name in tag_names), np.zeros((len(WHERE), size))])
    return out


def _rows(keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Row of each value in the sorted ``keys``, or ``len(keys)`` (the zero row) where it is absent."""
    at = np.searchsorted(keys, values)
    found = at < len(keys)
    found[found] = keys[at[found]] == values[found]
    return np.where(found, at, len(keys))


_HASH_BASE = 1_000_003


def _hash_word(word: str) -> int:
    h = 0
    for ch in word:
        h = (h * _HASH_BASE + ord(ch)) % (1 << 64)
    return h


@cache
def _word_table() -> tuple[np.ndarray, list[str], list[int], int]:
    """The sorted hashes of the dictionary names, organisation suffixes (up to 4 characters) and
    titles (2 to 4) that ``features`` looks for, with each one's word, what it marks (a DICT_TAGS
    index, ORG_WORD or TITLE_WORD), and the longest length."""
    orgs, titles = _suffixes()
    items = [(_hash_word(word), word, DICT_TAGS.index(tag)) for word, tag in _name_words().items()]
    items += [(_hash_word(word), word, ORG_WORD) for word in orgs if len(word) <= 4]
    items += [(_hash_word(word), word, TITLE_WORD) for word in titles if 2 <= len(word) <= 4]
    items.sort()
    return (np.array([h for h, _, _ in items], dtype=np.uint64), [w for _, w, _ in items],
            [k for _, _, k in items], max(len(w) for _, w, _ in items))


ORG_WORD, TITLE_WORD = -1, -2


def _flag_counts(text: str, cps: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 piece_end: np.ndarray) -> dict[str, np.ndarray]:
    """How often each dictionary and affix flag fires at each position (a character inside two
    dictionary names gets its flag twice, as CRFsuite counts a repeated attribute twice). Words are
    found by a 64-bit polynomial hash of every window of every length (wrapping arithmetic, grown one
    character per length, looked up all at once), and every hit is checked against the text."""
    n = len(text)
    at_flag: dict[str, list[int]] = {name: [] for name in FLAGS}
    hashes, words, marks, longest = _word_table()
    windows, offsets = _window_hashes(cps, n, longest)
    if not windows:
        return {}
    every = np.concatenate(windows)
    at = np.searchsorted(hashes, every)
    hit = at < len(hashes)
    hit[hit] = hashes[at[hit]] == every[hit]
    found = np.flatnonzero(hit)
    piece_start = np.repeat(starts, ends - starts)
    for q, j in zip(found.tolist(), at[found].tolist(), strict=True):
        length = bisect_right(offsets, q)
        i = q - offsets[length - 1]
        if i + length > piece_end[i]:
            continue  # the window runs over the end of its piece
        piece = text[i:i + length]
        # every word of this hash (one string may be two kinds: a title and a name)
        while j < len(hashes) and hashes[j] == every[q]:
            if words[j] == piece:
                _flag_word(at_flag, marks[j], i, i + length - 1, piece_start[i], piece_end[i])
            j += 1
    return {name: np.bincount(np.array(positions, dtype=np.int64), minlength=n)
            for name, positions in at_flag.items() if positions}


def _window_hashes(cps: np.ndarray, n: int, longest: int) -> tuple[list[np.ndarray], list[int]]:
    """The hash of every window of each length from 1 to ``longest`` (one array per length), and
    where each length's hashes start in their concatenation."""
    windows, offsets = [], [0]
    h, points = np.zeros(n, dtype=np.uint64), cps.astype(np.uint64)
    with np.errstate(over="ignore"):
        for length in range(1, min(longest, n) + 1):
            h = h[:n - length + 1] * np.uint64(_HASH_BASE) + points[length - 1:]
            windows.append(h)
            offsets.append(offsets[-1] + len(h))
    return windows, offsets


def _flag_word(at_flag: dict[str, list[int]], mark: int, i: int, last: int, start: int, end: int) -> None:
    """The flags of one word found at [i, last] in its piece [start, end): a dictionary name's first,
    inner and last characters, an organisation suffix's end, or a title's end and its neighbours."""
    if mark >= 0:
        tag = DICT_TAGS[mark]
        at_flag[f"d{tag}B"].append(i)
        at_flag[f"d{tag}I"].extend(range(i + 1, last))
        at_flag[f"d{tag}E"].append(last)
    elif mark == ORG_WORD:
        at_flag["orgE"].append(last)
    else:
        at_flag["titleE"].append(last)
        if last + 1 < end:
            at_flag["afterTitle"].append(last + 1)
        if i > start:
            at_flag["beforeTitle"].append(i - 1)


@cache
def _char_properties() -> tuple[frozenset[str], np.ndarray]:
    surnames = lexicon.surnames()
    two = np.array(sorted(ord(s[0]) * _PAIR + ord(s[1]) for s in surnames if len(s) == 2), dtype=np.int64)
    return frozenset(s for s in surnames if len(s) == 1), two


def emission_scores(text: str, starts: np.ndarray, ends: np.ndarray, word_where: np.ndarray,
                    word_tag: np.ndarray, weights: dict[str, np.ndarray]) -> np.ndarray:
    """Each character's score for each label, the sum of the weights of its ``features``: ``text``
    is cut into pieces [starts[k], ends[k]) that cover it (each tagged as its own sentence, so a
    neighbour outside the piece is padding); ``word_where``/``word_tag``: each character's place in
    its jieba word (WHERE index) and that word's tag (row of ``weights["tags"]``)."""
    n = len(text)
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    pos = np.arange(n)
    piece_start, piece_end = np.repeat(starts, ends - starts), np.repeat(ends, ends - starts)

    unique, inverse = np.unique(cps, return_inverse=True)
    chars = weights["chars"]
    row = _rows(chars, unique)[inverse]  # each character's row in the character tables
    pad_rows = {PAD_BEFORE: _rows(chars, np.array([PAD_BEFORE]))[0], PAD_AFTER: _rows(chars, np.array([PAD_AFTER]))[0]}
    near, near_row = {0: cps}, {0: row}
    for d in (-2, -1, 1, 2):
        j = np.clip(pos + d, 0, max(n - 1, 0))
        inside = (pos + d >= piece_start) & (pos + d < piece_end)
        pad = PAD_BEFORE if d < 0 else PAD_AFTER
        near[d], near_row[d] = np.where(inside, cps[j], pad), np.where(inside, row[j], pad_rows[pad])
    flags = weights["flags"]
    flag = {name: k for k, name in enumerate(FLAGS)}
    scores = np.broadcast_to(flags[flag["b"]], (n, flags.shape[1])).copy()
    for name, d in CHAR_TEMPLATES.items():
        scores += weights[f"char:{name}"][near_row[d]]
    for name, (a, b) in PAIR_TEMPLATES.items():
        scores += weights[f"pair:{name}"][_rows(weights[f"pairkeys:{name}"], near[a] * _PAIR + near[b])]
    one_surnames, two_surnames = _char_properties()
    kind = np.array([KINDS.index(_kind(chr(u))) for u in unique.tolist()], dtype=np.int64)[inverse]
    before = np.where(pos > piece_start, np.roll(kind, 1), KINDS.index("^"))
    after = np.where(pos + 1 < piece_end, np.roll(kind, -1), KINDS.index("$"))
    scores += weights["kinds"][(before * len(KINDS) + kind) * len(KINDS) + after]
    surname = np.array([chr(u) in one_surnames for u in unique.tolist()])[inverse]
    scores[surname] += flags[flag["sur"]]
    scores[_rows(two_surnames, cps * _PAIR + near[1]) < len(two_surnames)] += flags[flag["sur2"]]
    scores += flags[[flag[f"w{w}"] for w in WHERE]][word_where]
    scores += weights["tags"][word_tag, word_where]
    for name, count in _flag_counts(text, cps, starts, ends, piece_end).items():
        scores += count[:, None] * flags[flag[name]]
    return scores
