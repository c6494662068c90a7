"""Property tests: on random and mutated real text, no stage crashes and every offset holds."""

from hypothesis import given
from hypothesis import strategies as st
from tests_support import SEED

from pipeline.extract import extract_metrics, extract_people
from pipeline.ingest import ingest_record
from pipeline.ingest.decode import DecodeError
from pipeline.ingest.sources import SourceRecord
from pipeline.sections import split_sections

SEED_TEXT = SEED.read_text(encoding="utf-8")
# Pieces that exercise the grammar: numerals, magnitudes, units, cues, punctuation, structure.
PIECES = ["一", "两", "三千五百", "万", "亿", "十", "百分之", "分之", "半", "成", "近", "约", "突破", "不低于", "以上",
          "多", "余", "增长", "下降", "较", "比上年", "同比", "“十四五”", "年均", "%", "‰", "个百分点", "元", "亿元",
          "万吨/日", "公里", "项", "个", "人", "第", "届", "次全会", "PM2.5", "S43", "“5+3”", "［1］", "—", "-", "至",
          "，", "。", "；", "：", "、", "\n", "\n\n", "\r\n", "\u3000", "——访", "局长", "党组书记", "呼和浩特市", "刘鹏",
          "表示", "# ", "### ", "１２３", "，", ",", ".", "0", "7", "12.5", "2019年", "11月25日", "“", "”", "（", "）"]
pieces_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60).map("".join)


def _check_document(raw: str) -> None:
    try:
        doc = ingest_record(SourceRecord("x.txt", "file:x.txt", raw.encode("utf-8", "surrogatepass"), {}, raw))
    except DecodeError:
        return
    text = doc.text
    from pipeline.ingest.normalize import raw_offset

    for i in range(0, len(text), 7):
        assert 0 <= raw_offset(doc.offset_runs, i) < len(raw)
    for d in doc.defects:
        assert 0 <= d.start <= d.end <= len(text)
    sections = split_sections(text)
    for s in sections:
        assert 0 <= s.char_start <= s.body_start <= s.char_end <= len(text)
    for m in extract_metrics(text):
        assert 0 <= m.char_start < m.char_end <= len(text)
        assert text[m.char_start:m.char_end] == m.raw_text
        assert m.value == m.value  # not NaN
        assert m.raw_text in m.sentence or "\n" in m.raw_text
    for p in extract_people(text):
        assert 0 <= p.char_start < p.char_end <= len(text)
        assert text[p.char_start:p.char_end].endswith(p.person)


@given(pieces_text)
def test_random_grammar_pieces_never_break_an_invariant(raw):
    _check_document(raw)


@given(st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_an_invariant(raw):
    _check_document(raw)


@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(0, 40), pieces_text), max_size=8))
def test_mutated_seed_never_breaks_an_invariant(edits):
    text = SEED_TEXT
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut:]
    _check_document(text)


@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_are_rejected_with_a_reason(data):
    from pipeline.ingest.decode import decode_bytes

    try:
        text, encoding = decode_bytes(data, "x.txt")
    except DecodeError as err:
        assert str(err).startswith("x.txt: ")
    else:
        assert encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                            "gb18030", "big5") and text.strip()
