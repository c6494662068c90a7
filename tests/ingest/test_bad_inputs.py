"""Every bad input gets a reason naming the file, and no input is lost."""

import codecs
import json
import os

import pytest

from pipeline.build import rejected_table
from pipeline.ingest import safe_io, sources
from pipeline.ingest.corpus import ingest_all

GOOD = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"


@pytest.fixture
def bad_dir(tmp_path, monkeypatch):
    d = tmp_path / "seeds"
    d.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    files = {
        "good.txt": GOOD.encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": " \n\u3000\n\t".encode(),
        "binary.txt": bytes(range(256)) * 3,
        "png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)) * 4,
        "bad utf8.txt": GOOD.encode("utf-8")[:30] + b"\xff\xfe" + GOOD.encode("utf-8")[30:],
        "gbk.txt": GOOD.encode("gbk"),
        "gb18030.txt": (GOOD + "㐀").encode("gb18030"),
        "utf16.txt": GOOD.encode("utf-16"),
        "bom.txt": codecs.BOM_UTF8 + GOOD.encode("utf-8"),
        "traditional.txt": "這個國家的經濟發展與區域協調，為人民帶來實際好處，學習體會產業現代化進程。".encode(),
        "no structure.txt": b"abc 123 xyz 456 qqq",
        "copy of good.txt": GOOD.encode("utf-8"),
        "政策 文件.txt": ("另一篇：" + GOOD).encode("utf-8"),
        "weird $(rm -rf x);`echo` 'q'.txt": ("第三篇：" + GOOD).encode("utf-8"),
        "sidecar-broken.txt": ("第四篇：" + GOOD).encode("utf-8"),
        "sidecar-broken.meta.json": b"{not json",
        "sidecar-types.txt": ("第五篇：" + GOOD).encode("utf-8"),
        "sidecar-types.meta.json": json.dumps({"title": 42}).encode(),
        "huge.txt": b"x" * 2048,
        "notes.pdf": b"%PDF-1.4",
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    (d / "escape.txt").symlink_to(outside)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1024)
    return d


def test_every_input_path_is_in_documents_or_rejected_exactly_once(bad_dir):
    out = ingest_all(bad_dir)
    documents = [d.source_name for d in out.documents] + [s for d in out.documents for s in d.duplicate_sources]
    rejected = [r.source_name for r in out.rejected]
    inputs = sorted(p.name for p in bad_dir.iterdir() if not p.name.endswith(".meta.json"))
    assert sorted(documents + rejected) == inputs
    assert not set(documents) & set(rejected)


def test_each_case_has_its_outcome(bad_dir):
    out = ingest_all(bad_dir)
    reasons = {r.source_name: r.reason for r in out.rejected}
    docs = {d.source_name: d for d in out.documents}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "binary" in reasons["png.txt"] or "UTF-8" in reasons["png.txt"]
    assert "invalid UTF-8 at byte 30" in reasons["bad utf8.txt"]
    assert "over the 1024 byte limit" in reasons["huge.txt"]
    assert "symlink" in reasons["escape.txt"]
    assert "not valid JSON" in reasons["sidecar-broken.txt"] and "must be a str" in reasons["sidecar-types.txt"]
    assert "not a text file" in reasons["notes.pdf"]
    for name in reasons:
        assert reasons[name].startswith(name.split(":")[0]), reasons[name]
    for name, encoding in [("gbk.txt", "gb18030"), ("gb18030.txt", "gb18030"), ("utf16.txt", "utf-16"),
                           ("bom.txt", "utf-8-sig")]:
        assert docs[name].encoding == encoding and "刘鹏" in docs[name].text
    assert [(n, d.duplicate_sources) for n, d in docs.items() if d.duplicate_sources] == [
        ("copy of good.txt", ["good.txt"])]  # one document, both names recorded
    assert any(d.kind == "traditional_characters" for d in docs["traditional.txt"].defects)
    assert "no structure.txt" in docs and "政策 文件.txt" in docs
    assert any(n.startswith("weird $(rm") for n in docs)


def test_rejected_rows_reach_the_release_table(bad_dir):
    table = rejected_table(ingest_all(bad_dir))
    assert set(table["source_name"]) >= {"empty.txt", "binary.txt", "escape.txt"}
    assert table["reason"].str.len().min() > 10


def test_file_changing_while_read_is_rejected(tmp_path, monkeypatch):
    path = tmp_path / "moving.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_read = safe_io.read_fd

    def growing_read(fd, limit):
        data = real_read(fd, limit)
        with path.open("ab") as f:
            f.write("又一句。".encode())
        os.utime(path, ns=(1, 1 + len(data)))
        return data

    monkeypatch.setattr(safe_io, "read_fd", growing_read)
    with pytest.raises(sources.SourceError, match="changed while being read"):
        sources.read_stable(path, "moving.txt")


def test_file_disappearing_is_rejected_not_fatal(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.txt").write_text(GOOD + "。", encoding="utf-8")

    def vanish(path, rel):
        if rel == "gone.txt":
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return path.read_bytes()

    monkeypatch.setattr(sources, "read_stable", vanish)
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["a.txt"]
    assert out.rejected[0].source_name == "gone.txt" and "No such file" in out.rejected[0].reason
