"""`python -m pipeline build` over every bad input of issue 15 beside good documents publishes a
release in which every input is in exactly one of documents and rejected, in bounded time."""

import gzip
import json
import os
import socket
import time

import pandas as pd
from tests_support import SEED

from pipeline import cli
from pipeline.ingest import sources

GOOD = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"
TRADITIONAL = "這個國家的經濟發展與區域協調，為人民帶來實際好處，學習體會產業現代化進程。"


def _write_all(d, outside):
    d.mkdir()
    (d / SEED.name).write_bytes(SEED.read_bytes())
    w = {"good.txt": GOOD.encode(), "big5.txt": TRADITIONAL.encode("big5"),
         "utf16.txt": ("第二篇：" + GOOD).encode("utf-16-le"), "utf32.txt": ("第三篇：" + GOOD).encode("utf-32-be"),
         "japanese.txt": "日本の首都は東京です。私は毎日電車で会社に行きます。".encode("shift_jis"),
         "num.txt": b"x", "deep.txt": b"x", "date.txt": b"x", "title.txt": b"x", "out.txt": b"x", "zero.txt": b"x",
         "fifo-side.txt": b"x", ".hidden.txt": GOOD.encode(), "orphan.meta.json": b"{}",
         "num.meta.json": b'{"n": ' + b"9" * 5000 + b"}", "deep.meta.json": b"[" * 100_000,
         "date.meta.json": b'{"date": "9999-12-31"}', "title.meta.json": json.dumps({"title": "t" * 1000}).encode()}
    for i, name in enumerate(w):
        data = w[name] if w[name] != b"x" else f"第{i}篇另文：{GOOD}".encode()
        (d / name).write_bytes(data)
    (d / "out.meta.json").symlink_to(outside)
    (d / "zero.meta.json").symlink_to("/dev/zero")
    os.mkfifo(d / "fifo-side.meta.json")
    os.mkfifo(d / "fifo.txt")
    (d / "dangling.txt").symlink_to(d / "nowhere")
    (d / "escape.txt").symlink_to(outside)
    with open(os.path.join(os.fsencode(d), b"bad\xffname.txt"), "wb") as f:  # noqa: PTH118, PTH123 - a bytes path: the name must be exactly these non-UTF-8 bytes
        f.write(("非UTF-8文件名：" + GOOD).encode())
    lines = [json.dumps({"id": "dup", "text": "甲：" + GOOD}, ensure_ascii=False), json.dumps({"id": "dup", "text": "乙"}),
             json.dumps({"id": 1, "text": "丙：" + GOOD}, ensure_ascii=False), json.dumps({"id": "1", "text": "丁"}),
             '{"id": "s", "text": "\\ud800"}']
    (d / "c.jsonl").write_bytes("\n".join(lines).encode() + b"\n\xff\xfe\n")
    with gzip.open(d / "bomb.jsonl.gz", "wb") as f:
        f.write(json.dumps({"id": "ok", "text": "戊：" + GOOD}, ensure_ascii=False).encode() + b"\n")
        for _ in range(40):
            f.write(b"y" * (1 << 20))


EXPECTED_REJECTED = {
    "japanese.txt": "Japanese text (Shift-JIS), not Chinese", "num.txt": "sidecar num.meta.json is not valid JSON",
    "deep.txt": "sidecar deep.meta.json", "date.txt": "field 'date' (9999-12-31)",
    "title.txt": "field 'title' is 1000 characters", "out.txt": "sidecar out.meta.json is a symlink",
    "zero.txt": "sidecar zero.meta.json is a symlink", "fifo-side.txt": "sidecar fifo-side.meta.json: not a regular file",
    ".hidden.txt": "hidden file", "orphan.meta.json": "sidecar without a document", "fifo.txt": "not a regular file (FIFO)",
    "sock.txt": "not a regular file (socket)", "dangling.txt": "dangling symlink", "escape.txt": "symlink leading out",
    "bad\\xffname.txt": "file name is not valid UTF-8", "c.jsonl:2": "duplicate id 'dup'", "c.jsonl:4": "duplicate id '1'",
    "c.jsonl:5": "lone surrogate", "c.jsonl:6": "can't decode byte 0xff", "bomb.jsonl.gz": "byte limit (uncompressed)",
}


def test_build_over_all_bad_inputs_publishes_every_other_input(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster-home"))
    monkeypatch.setattr(sources, "MAX_COLLECTION_BYTES", 16 << 20)  # the gzip bomb expands to 40 MB
    outside = tmp_path / "secret.txt"
    outside.write_text('{"title": "SECRET"}', encoding="utf-8")
    seeds = tmp_path / "seeds"
    _write_all(seeds, outside)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(seeds / "sock.txt"))
    started = time.monotonic()
    try:
        code = cli.main(["build", "--seeds", str(seeds), "--outputs", str(tmp_path / "out"), "--no-cache"])
    finally:
        server.close()
    assert code == 0, capsys.readouterr().err
    assert time.monotonic() - started < 120
    catalog = json.loads((tmp_path / "out" / "catalog.json").read_text(encoding="utf-8"))
    release = tmp_path / "out" / catalog["versions"][0]["path"]
    documents = pd.read_parquet(release / "documents.parquet")
    rejected = dict(zip(*pd.read_parquet(release / "rejected.parquet")[["source_name", "reason"]].T.values,
                        strict=True))
    assert sorted(documents["source_name"]) == sorted([SEED.name, "good.txt", "big5.txt", "utf16.txt", "utf32.txt",
                                                       "c.jsonl#dup", "c.jsonl#1", "bomb.jsonl.gz#ok"])
    assert dict(zip(documents["source_name"], documents["encoding"], strict=True))["big5.txt"] == "big5"
    assert sorted(rejected) == sorted(EXPECTED_REJECTED)
    for name, why in EXPECTED_REJECTED.items():
        assert why in rejected[name] and rejected[name].startswith(name.split(":")[0]), rejected[name]
    assert "SECRET" not in (release / "documents.jsonl").read_text(encoding="utf-8")
