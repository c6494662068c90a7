"""Every path under the seeds directory, and every line of a collection, ends in exactly one
of documents and rejected: special files, broken links, hidden and unreadable paths included."""

import gzip
import json
import os
import socket
import stat
import tracemalloc

import pytest

from pipeline.ingest import sources
from pipeline.ingest.corpus import ingest_all

GOOD = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"


def _record(rid, n):
    return json.dumps({"id": rid, "text": f"第{n}篇：" + GOOD}, ensure_ascii=False).encode() + b"\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    d = tmp_path / "seeds"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "inner.txt").write_text("内层：" + GOOD, encoding="utf-8")
    os.mkfifo(d / "fifo.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(d / "sock.txt"))
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    (d / "loop-a.txt").symlink_to(d / "loop-b.txt")
    (d / "loop-b.txt").symlink_to(d / "loop-a.txt")
    (d / "dirlink").symlink_to(d / "sub")
    (d / "fifolink.txt").symlink_to(d / "fifo.txt")
    (d / ".hidden.txt").write_text("隐藏：" + GOOD, encoding="utf-8")
    (d / ".git").mkdir()
    (d / ".git" / "config.txt").write_text("x", encoding="utf-8")
    (d / "locked").mkdir()
    (d / "locked" / "secret.txt").write_text("锁住：" + GOOD, encoding="utf-8")
    (d / "orphan.meta.json").write_text("{}", encoding="utf-8")
    (d / "empty.jsonl").write_bytes(b"\n\n")
    (d / "c.jsonl").write_bytes(_record("a", 1) + b'{"id": "bad", "text": "\xff\xfe"}\n' + _record("b", 3))
    real_scandir = os.scandir

    def scandir(path):  # the tests run as root, for whom chmod 000 changes nothing
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    yield d
    server.close()


EXPECTED = {
    "fifo.txt": "not a regular file (FIFO)",
    "sock.txt": "not a regular file (socket)",
    "dangling.txt": "dangling symlink",
    "loop-a.txt": "dangling symlink (or a loop)",
    "loop-b.txt": "dangling symlink (or a loop)",
    "dirlink": "symlink to a directory; not followed",
    "fifolink.txt": "symlink to a FIFO; not followed",
    ".hidden.txt": "hidden file; not read",
    ".git": "hidden directory; not read",
    "locked/": "directory cannot be listed (Permission denied)",
    "orphan.meta.json": "sidecar without a document",
    "empty.jsonl": "collection holds no records",
    "c.jsonl:2": "not a collection record: 'utf-8' codec can't decode byte 0xff",
}


def test_every_path_ends_in_exactly_one_table(tree):
    out = ingest_all(tree)
    assert sorted(d.source_name for d in out.documents) == ["c.jsonl#a", "c.jsonl#b", "good.txt", "sub/inner.txt"]
    reasons = {r.source_name: r.reason for r in out.rejected}
    assert sorted(reasons) == sorted(EXPECTED)
    for name, why in EXPECTED.items():
        assert reasons[name].startswith(name.split(":")[0]) and why in reasons[name], reasons[name]


def test_device_file_is_rejected(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    try:
        os.mknod(d / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("no permission to make a device file here")
    out = ingest_all(d)
    assert [(r.source_name, "character device" in r.reason) for r in out.rejected] == [("null.txt", True)]


def test_one_bad_byte_in_a_gzip_collection_keeps_the_records_around_it(tmp_path):
    with gzip.open(tmp_path / "c.jsonl.gz", "wb") as f:
        f.write(_record("a", 1) + b"\xff not json\n" + _record("b", 3))
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl.gz#a", "c.jsonl.gz#b"]
    assert [r.source_name for r in out.rejected] == ["c.jsonl.gz:2"]


def test_damaged_gzip_keeps_the_records_before_the_damage(tmp_path):
    data = gzip.compress(b"".join(_record(f"r{i}", i) for i in range(2000)))
    (tmp_path / "c.jsonl.gz").write_bytes(data[: len(data) // 2])
    out = ingest_all(tmp_path)
    assert 100 < len(out.documents) < 2000
    (rejected,) = out.rejected
    assert rejected.source_name == "c.jsonl.gz" and "cannot read collection past record" in rejected.reason


def test_record_over_the_size_cap_is_rejected_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1024)
    big = b'{"id": "big", "text": "' + b"x" * 5000 + b'"}\n'
    (tmp_path / "c.jsonl").write_bytes(_record("a", 1) + big + _record("b", 3))
    out = ingest_all(tmp_path)
    assert [d.source_name for d in out.documents] == ["c.jsonl#a", "c.jsonl#b"]
    assert [r.source_name for r in out.rejected] == ["c.jsonl:2"]
    assert "over the 1024 byte limit for one record" in out.rejected[0].reason


def test_gzip_bomb_of_one_endless_line_is_read_in_bounded_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1 << 20)
    monkeypatch.setattr(sources, "MAX_COLLECTION_BYTES", 64 << 20)
    with gzip.open(tmp_path / "bomb.jsonl.gz", "wb", compresslevel=9) as f:
        f.write(_record("a", 1))
        block = b"x" * (1 << 20)
        for _ in range(100):  # one line of 100 MB, about 100 KB compressed
            f.write(block)
    assert (tmp_path / "bomb.jsonl.gz").stat().st_size < 1 << 20
    tracemalloc.start()
    out = ingest_all(tmp_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [d.source_name for d in out.documents] == ["bomb.jsonl.gz#a"]
    (rejected,) = out.rejected
    assert "over the 67108864 byte limit (uncompressed) at line 2" in rejected.reason
    assert peak < 8 << 20, f"peak {peak} bytes"
