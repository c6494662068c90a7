"""Encodings beyond UTF-8 and GBK: Big5 and UTF-16/32 without a mark are decoded, Japanese is
refused as not Chinese (GB18030 accepts almost any bytes, so it used to publish mojibake)."""

import codecs

import pytest
from tests_support import SEED

from pipeline.ingest.corpus import ingest_all
from pipeline.ingest.decode import DecodeError, decode_bytes

SIMPLIFIED = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"
TRADITIONAL = "這個國家的經濟發展與區域協調，為人民帶來實際好處，學習體會產業現代化進程。"
JAPANESE = "日本の首都は東京です。私は毎日電車で会社に行きます。今日はとても良い天気ですね。"


@pytest.mark.parametrize(("text", "encoding", "label"), [
    (TRADITIONAL, "big5", "big5"), (TRADITIONAL * 30, "big5", "big5"), ("經濟發展", "big5", "big5"),
    (SIMPLIFIED, "utf-16-le", "utf-16-le"), (SIMPLIFIED, "utf-16-be", "utf-16-be"),
    (SIMPLIFIED, "utf-32-le", "utf-32-le"), (SIMPLIFIED, "utf-32-be", "utf-32-be"),
    (SIMPLIFIED, "utf-32", "utf-32"),  # with its byte-order mark
    (SIMPLIFIED, "gbk", "gb18030"), (TRADITIONAL, "gbk", "gb18030"), ("经济发展", "gbk", "gb18030"),
])
def test_chinese_text_is_decoded_and_the_encoding_named(text, encoding, label):
    assert decode_bytes(text.encode(encoding), "x.txt") == (text, label)


def test_a_whole_real_document_in_gbk_and_in_utf16_without_a_mark():
    text = SEED.read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gb18030"), "x.txt") == (text, "gb18030")
    assert decode_bytes(text.encode("utf-16-le"), "x.txt") == (text, "utf-16-le")


@pytest.mark.parametrize(("encoding", "label"), [("shift_jis", "Shift-JIS"), ("euc_jp", "EUC-JP")])
def test_japanese_is_rejected_as_not_chinese(encoding, label):
    with pytest.raises(DecodeError, match=rf"jp\.txt: Japanese text \({label}\), not Chinese"):
        decode_bytes(JAPANESE.encode(encoding), "jp.txt")


@pytest.mark.parametrize("data", [bytes(range(256)) * 3, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200))])
def test_binary_with_nul_bytes_is_still_binary(data):
    with pytest.raises(DecodeError, match="looks binary"):
        decode_bytes(data, "b.txt")


def test_each_encoding_file_ends_in_its_table(tmp_path):
    files = {"big5.txt": TRADITIONAL.encode("big5"), "u16.txt": SIMPLIFIED.encode("utf-16-be"),
             "u32.txt": SIMPLIFIED.encode("utf-32-le"), "jp.txt": JAPANESE.encode("shift_jis"),
             "u32bom.txt": codecs.BOM_UTF32_BE + SIMPLIFIED.encode("utf-32-be")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = ingest_all(tmp_path)
    assert {d.source_name: d.encoding for d in out.documents} == {
        "big5.txt": "big5", "u16.txt": "utf-16-be", "u32.txt": "utf-32-le", "u32bom.txt": "utf-32"}
    assert [(r.source_name, "not Chinese" in r.reason) for r in out.rejected] == [("jp.txt", True)]
