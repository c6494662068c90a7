"""Property: over random trees of files (kinds, names, sizes, encodings, symlinks), every path
under the seeds directory, and every line of a collection, ends in exactly one of documents
and rejected, and every rejected reason begins with the name it is about."""

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.corpus import ingest_all
from pipeline.ingest.safe_io import printable_name

TEXT = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"
# "\udcff" is the byte 0xff in a file name (os.fsencode turns it back into that byte).
name_part = st.text(alphabet="ab文 -_\udcff", min_size=1, max_size=4)
suffix = st.sampled_from([".txt", ".md", ".meta.json", ".jsonl", ".pdf", ""])
names = st.builds(lambda hidden, stem, end: ("." if hidden else "") + stem + end,
                  st.sampled_from([False, False, False, True]), name_part, suffix)

contents = st.one_of(
    st.just(TEXT.encode("utf-8")), st.just(("另一篇" + TEXT).encode("gbk")), st.just(TEXT.encode("utf-16")),
    st.just(b""), st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(lambda n: json.dumps({"title": "标题", "date": "2020-01-0" + str(n)}).encode(), st.integers(0, 9)),
    st.sampled_from([b"{not json", b'{"n": ' + b"9" * 5000 + b"}", b"[" * 5000, b'{"title": 5}']),
)
lines = st.lists(st.one_of(
    st.builds(lambda i, t: json.dumps({"id": i, "text": t + TEXT}, ensure_ascii=False), st.sampled_from(["a", "b", 1, "1"]),
              st.text(max_size=20)),
    st.sampled_from(['{"id": "s", "text": "\\ud800"}', "not json", '{"id": [1], "text": "x"}', "\udcff"])),
    max_size=6)

# An entry: (name, kind, payload); a directory's payload is its entries.
leaf = st.one_of(
    st.tuples(names, st.just("file"), contents),
    st.tuples(names.map(lambda n: n + ".jsonl"), st.just("collection"), lines),
    st.tuples(names, st.just("fifo"), st.none()),
    st.tuples(names, st.sampled_from(["link-in", "link-out", "link-dangling", "link-dir"]), st.none()),
)
tree = st.recursive(st.lists(leaf, max_size=6),
                    lambda children: st.lists(leaf | st.tuples(names, st.just("dir"), children), max_size=5),
                    max_leaves=12)


def _make(directory: bytes, entries, root: bytes, outside: bytes) -> None:
    made = set()
    for name, kind, payload in entries:
        path = os.path.join(directory, os.fsencode(name))
        if path in made:
            continue
        made.add(path)
        if kind == "file":
            with open(path, "wb") as f:
                f.write(payload)
        elif kind == "collection":
            with open(path, "wb") as f:
                f.write(b"\n".join(line.encode("utf-8", "surrogateescape") for line in payload) + b"\n")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "dir":
            os.mkdir(path)
            _make(path, payload, root, outside)
        else:
            target = {"link-in": os.path.join(root, b"first.txt"), "link-out": outside,
                      "link-dangling": os.path.join(root, b"nowhere"), "link-dir": root}[kind]
            os.symlink(target, path)


def _expected(root: bytes) -> Counter:
    """How many rows each path (or collection) must have, from the tree alone."""
    want: Counter = Counter()

    def visit(directory: bytes, rel: str) -> None:
        siblings = set(os.listdir(directory))
        for raw in sorted(siblings):
            name = os.fsdecode(raw)
            child, path = (f"{rel}/{name}" if rel else name), os.path.join(directory, raw)
            is_dir = os.path.isdir(path) and not os.path.islink(path)
            plain = not name.startswith(".") and printable_name(name) == name
            if is_dir and plain:
                visit(path, child)
            elif name.endswith(".meta.json") and plain and any(
                    os.fsencode(name.removesuffix(".meta.json") + s) in siblings for s in (".txt", ".md")):
                continue  # goes with its document
            else:
                want[printable_name(child)] += _rows_of(path, name, plain)

    visit(root, "")
    return want


def _rows_of(path: bytes, name: str, plain: bool) -> int:
    """A collection that is read has one row per non-blank line (one if it has none); any other path one."""
    if not (plain and name.endswith(".jsonl") and os.path.isfile(path) and not os.path.islink(path)):
        return 1
    with open(path, "rb") as f:
        return max(1, sum(1 for line in f if line.strip()))


def _rows(out, collections: set[str]) -> Counter:
    got: Counter = Counter()
    names = [d.source_name for d in out.documents] + [s for d in out.documents for s in d.duplicate_sources]
    for name in names + [r.source_name for r in out.rejected]:
        owner = next((c for c in collections if name == c or name.startswith((c + "#", c + ":"))), name)
        got[owner] += 1
    return got


@settings(max_examples=200)
@given(tree)
def test_every_path_is_in_exactly_one_of_documents_and_rejected(entries):
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(os.path.join(tmp, "seeds"))
        os.mkdir(root)
        outside = os.fsencode(os.path.join(tmp, "outside.txt"))
        Path(os.fsdecode(outside)).write_text(TEXT, encoding="utf-8")
        Path(os.fsdecode(root), "first.txt").write_text(TEXT, encoding="utf-8")
        _make(root, entries, root, outside)
        want = _expected(root)
        out = ingest_all(Path(os.fsdecode(root)))
        collections = {name for name in want if name.endswith(".jsonl")}
        assert _rows(out, collections) == want
        for r in out.rejected:
            assert r.reason.startswith(r.source_name.split(":")[0].rstrip("/")), r.reason
            r.reason.encode("utf-8")  # storable: no lone surrogates
