"""Source defects a careful reader would report: repeats and one name given two ways."""

from __future__ import annotations

import itertools
import re
from array import array
from dataclasses import dataclass

from pipeline import lexicon
from pipeline.text import CLAUSE_BREAKS, CLAUSE_ENDS, HAN, SENTENCE_ENDS

_CLAUSE = re.compile(f"[^{re.escape(CLAUSE_BREAKS)}]+")
# A plenary named by session and meeting number, e.g. 自治区党委十三届十次全会.
_PLENARY = re.compile(
    r"(?P<body>自治区党委|省委|市委|区委|县委|州委|盟委|旗委|党委|党的)"
    r"(?P<term>[一二三四五六七八九十]+)届(?P<session>[一二三四五六七八九十]+)(?:次|中)全会"
)
MIN_REPEAT_CHARS = 20


@dataclass(frozen=True)
class Defect:
    kind: str
    start: int
    end: int
    detail: str


class _Clauses:
    """The clauses of a text as two arrays of offsets, each clause's string made when asked for:
    16 bytes a clause, where a list of (start, end, string) tuples is some 150 (a million short lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends = array("q"), array("q")
        for m in _CLAUSE.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k: int) -> str:
        return self.text[self.starts[k]:self.ends[k]]


def repeated_passages(text: str) -> list[Defect]:
    """Runs of clauses printed twice (copy-paste slips in the source).

    Compared clause by clause so that a repeat inside different sentences is still found.
    """
    clauses = _Clauses(text)
    first_seen: dict[str, int] = {}
    found: list[Defect] = []
    covered_until = -1
    for j in range(len(clauses)):
        start, clause = clauses.starts[j], clauses[j]
        if len(clause) < 6:
            continue
        i = first_seen.setdefault(clause, j)
        if i == j or start < covered_until:
            continue
        if j > 0 and i > 0 and clauses[j - 1] == clauses[i - 1]:
            continue  # the run is reported from its first clause
        k = 0
        while j + k < len(clauses) and i + k < j and clauses[i + k] == clauses[j + k]:
            k += 1
        a, b = clauses.starts[j], clauses.ends[j + k - 1]
        if i > 0 and j - 1 > i:
            # The repeat may begin inside the clause before (将推动… / 推动…): take the shared tail.
            prev_i, prev_j = clauses[i - 1], clauses[j - 1]
            tail = 0
            while tail < min(len(prev_i), len(prev_j)) and prev_i[-1 - tail] == prev_j[-1 - tail]:
                tail += 1
            if tail >= 6:
                a = clauses.ends[j - 1] - tail

        if b - a >= MIN_REPEAT_CHARS:
            found.append(Defect("repeated_passage", a, b,
                                f"{text[a:b]} (first printed at offset {clauses.starts[i]})"))
            covered_until = b
    return found


def inconsistent_references(text: str) -> list[Defect]:
    """The same plenary (body and meeting number) named with different session numbers."""
    by_meeting: dict[tuple[str, str], dict[str, int]] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in _PLENARY.finditer(text):
        variants = by_meeting.setdefault((m["body"], m["session"]), {})
        variants[m.group()] = variants.get(m.group(), 0) + 1
        spans.setdefault(m.group(), (m.start(), m.end()))
    found = []
    for variants in by_meeting.values():
        if len(variants) < 2:
            continue
        canonical = max(variants, key=lambda v: (variants[v], -spans[v][0]))
        for variant in variants:
            if variant != canonical:
                a, b = spans[variant]
                found.append(Defect("inconsistent_reference", a, b,
                                    f"{variant} (x{variants[variant]}) vs {canonical} (x{variants[canonical]})"))
    return found


def traditional_characters(text: str) -> list[Defect]:
    """Traditional script in a simplified-Chinese corpus: fine to read, worth knowing before counting."""
    chars = lexicon.traditional_chars()
    hits = [i for i, ch in enumerate(text) if ch in chars]
    cjk = len(HAN.findall(text))
    if len(hits) < 5 or len(hits) < cjk * 0.01:
        return []
    sample = "".join(sorted({text[i] for i in hits}))[:20]
    return [Defect("traditional_characters", hits[0], hits[-1] + 1,
                   f"{len(hits)} traditional-only characters of {cjk} Chinese characters, e.g. {sample}")]


# A paragraph that stops on one of these was not cut: a sentence end, or a mark that closes a
# quotation, a list item, a heading or a markdown line (wider than text.SENTENCE_END on purpose).
_SENTENCE_END = tuple(SENTENCE_ENDS + "…”’」』）)：:；;—*.“")
_INVISIBLE_TAIL = "\\\u200b\u200c\u200d\ufeff"  # a markdown line break, zero-width marks
MIN_PROSE_CHARS = 30


def paragraph_cuts(text: str) -> list[Defect]:
    """Paragraphs that look cut where a page or column ended and the rest was lost.

    Two shapes, both strict so that headings and lists are not reported: a prose paragraph
    (it has a full sentence) that stops on a word although more text follows; and a paragraph
    that opens with a verbless fragment closed by a semicolon (首个“蒙餐地标美食城市”称号；…),
    the tail of a list item whose head was lost, right after a paragraph that ended properly.
    """
    found: list[Defect] = []
    paragraphs = ((m.start(), p) for m in re.finditer(r"[^\n]+", text)
                  if (p := m.group().rstrip().rstrip(_INVISIBLE_TAIL).rstrip()))
    for (start, para), (next_start, following) in itertools.pairwise(paragraphs):
        if ("。" in para[:-1] and len(para) >= MIN_PROSE_CHARS and not para.endswith(_SENTENCE_END)
                and len(following) >= MIN_PROSE_CHARS and "。" in following):
            found.append(Defect("paragraph_cut", start + len(para) - 1, start + len(para),
                                f"paragraph stops mid-sentence: …{para[-20:]} | {following[:12]}…"))
        head = re.match(f"[^{re.escape(CLAUSE_ENDS)}]*[；;]", following)
        if para.endswith("。") and head and _verbless(head.group()[:-1]):
            found.append(Defect("paragraph_cut", next_start, next_start + len(head.group()),
                                f"paragraph opens mid-sentence: {head.group()}…"))
    return found


def _verbless(clause: str) -> bool:
    import jieba.posseg

    tokens = list(jieba.posseg.cut(clause))
    return (4 <= len(clause) <= 24 and tokens[-1].flag.startswith("n") and "了" not in clause
            and not any(t.flag.startswith(("v", "p")) for t in tokens))
