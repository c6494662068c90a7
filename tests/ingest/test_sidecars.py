"""Sidecars are read by the rules documents obey: regular files inside the seeds directory,
size-capped, never through a symlink, never blocking on a FIFO."""

import json
import os
import signal
from contextlib import contextmanager

import pytest

from pipeline.ingest import safe_io, sources
from pipeline.ingest.corpus import ingest_all

GOOD = "呼和浩特市交通运输局局长刘鹏表示，实施交通项目320个，总投资581.65亿元。"


@contextmanager
def deadline(seconds: float):
    """Fail the test instead of hanging it for ever (a FIFO opened for reading blocks)."""
    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _seeds(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "doc.txt").write_text("另一篇：" + GOOD, encoding="utf-8")
    return d


def _outcome(d):
    with deadline(20):
        out = ingest_all(d)
    assert [x.source_name for x in out.documents] == ["good.txt"]
    (rejected,) = [r for r in out.rejected if r.source_name == "doc.txt"]
    assert "doc.meta.json" in rejected.reason
    return rejected.reason, out


def test_sidecar_symlink_to_a_file_outside_is_not_published(tmp_path):
    d = _seeds(tmp_path)
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"title": "SECRET-TITLE"}), encoding="utf-8")
    (d / "doc.meta.json").symlink_to(secret)
    reason, out = _outcome(d)
    assert "symlink" in reason
    assert all("SECRET" not in (x.title or "") for x in out.documents)


def test_sidecar_symlink_inside_the_seeds_directory_is_refused_too(tmp_path):
    d = _seeds(tmp_path)
    (d / "real.json").write_text(json.dumps({"title": "t"}), encoding="utf-8")
    (d / "doc.meta.json").symlink_to(d / "real.json")
    assert "symlink" in _outcome(d)[0]


def test_sidecar_symlink_to_dev_zero_is_refused_without_reading(tmp_path):
    d = _seeds(tmp_path)
    (d / "doc.meta.json").symlink_to("/dev/zero")
    assert "symlink" in _outcome(d)[0]


def test_sidecar_fifo_is_refused_without_blocking(tmp_path):
    d = _seeds(tmp_path)
    os.mkfifo(d / "doc.meta.json")
    assert "not a regular file (FIFO)" in _outcome(d)[0]


def test_sidecar_directory_is_refused(tmp_path):
    d = _seeds(tmp_path)
    (d / "doc.meta.json").mkdir()
    assert "not a regular file (directory)" in _outcome(d)[0]


def test_sidecar_over_the_size_cap_is_refused(tmp_path, monkeypatch):
    d = _seeds(tmp_path)
    (d / "doc.meta.json").write_text(json.dumps({"title": "t" * (sources.MAX_SIDECAR_BYTES + 10)}),
                                     encoding="utf-8")
    assert "byte limit" in _outcome(d)[0]


def test_read_regular_refuses_a_device(tmp_path):
    with pytest.raises(safe_io.InputError, match="character device"):
        safe_io.read_regular("/dev/null", 10)
