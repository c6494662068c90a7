import codecs

import pytest

from pipeline.ingest.decode import DecodeError, decode_bytes

TEXT = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个。"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
])
def test_decode_chinese_encodings(encoding, prefix):
    text, used = decode_bytes(prefix + TEXT.encode(encoding), "x.txt")
    assert text == TEXT
    assert used in ("utf-8", "utf-8-sig", "gb18030")


def test_decode_utf16_with_bom():
    text, used = decode_bytes(TEXT.encode("utf-16"), "x.txt")
    assert text == TEXT and used == "utf-16"


@pytest.mark.parametrize("data, problem", [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x00\x01\x02abc", "binary")])
def test_decode_rejects_with_file_name(data, problem):
    with pytest.raises(DecodeError, match=rf"bad\.txt: .*{problem}"):
        decode_bytes(data, "bad.txt")
