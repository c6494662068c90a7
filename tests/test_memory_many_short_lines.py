"""Issue 15, item 11: a million one-character lines peaked at 1.24 GB. Ingest, sections and the
reading text now hold offsets in runs and arrays, not one Python object per line or character;
this pins that structurally (traced allocations per byte of input, not time) on 10^5 lines.
Before the fix: ingest 133, sections 64, reading text 42 bytes per byte."""

import tracemalloc

from pipeline.build import sections_of
from pipeline.extract.script import reading_text
from pipeline.ingest import ingest_record
from pipeline.ingest.sources import SourceRecord

LINES = 100_000
HAN = "国家经济社会发展稳定改革创新"
MAX_BYTES_PER_BYTE = 25


def _peak_per_byte(f, size: int) -> float:
    tracemalloc.start()
    try:
        f()
        return tracemalloc.get_traced_memory()[1] / size
    finally:
        tracemalloc.stop()


def test_many_one_character_lines_cost_a_small_multiple_of_their_bytes():
    data = "".join(f"{HAN[i % len(HAN)]}\n" for i in range(LINES)).encode()
    record = SourceRecord("lines.txt", "lines.txt", data)
    ingest_record(SourceRecord("warm.txt", "warm.txt", "国家。\n".encode()))  # word lists loaded outside the trace
    sections_of("国家。\n")
    assert _peak_per_byte(lambda: ingest_record(record), len(data)) < MAX_BYTES_PER_BYTE
    doc = ingest_record(record)
    assert doc.offset_runs == [[0, 0]]  # one run: the text is the file as it stood
    assert _peak_per_byte(lambda: sections_of(doc.text), len(data)) < MAX_BYTES_PER_BYTE
    assert _peak_per_byte(lambda: reading_text(doc.text), len(data)) < MAX_BYTES_PER_BYTE
    sections = sections_of(doc.text)
    assert len(sections) == 1 and sections[0].headline == doc.text.rstrip("\n")


MAX_TAGGER_BYTES_PER_BYTE = 40  # before the tagger kept arrays: analyse 100, word spans 135, mentions 136


def test_the_tagger_and_the_mentions_cost_a_small_multiple_of_their_bytes():
    """Issue 15, item 11, the part the NER tagger holds: its pieces, jieba's words and the word
    bounds the entity rules read are arrays and shared strings, not a few Python objects a word."""
    from pipeline.extract.mentions import find_mentions
    from pipeline.extract.tagger import analyse

    text = "".join(f"{HAN[i % len(HAN)]}\n" for i in range(LINES))
    size = len(text.encode())
    warm = analyse("国家。\n")
    find_mentions("国家。\n", [], warm)  # word lists and the model loaded outside the trace
    assert _peak_per_byte(lambda: analyse(text), size) < MAX_TAGGER_BYTES_PER_BYTE
    analysis = analyse(text)
    assert _peak_per_byte(lambda: analysis.spans, size) < MAX_TAGGER_BYTES_PER_BYTE
    assert _peak_per_byte(lambda: find_mentions(text, [], analysis), size) < MAX_TAGGER_BYTES_PER_BYTE
    assert len(analysis.words) == 2 * LINES  # each character and each line break is a word
