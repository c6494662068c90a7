"""Killed runs and concurrent builds never corrupt the outputs directory."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from tests_support import ROOT, copy_seed

from pipeline.publish.download import verify


def _env(tmp_path, **extra):
    env = dict(os.environ, DAGSTER_HOME=str(tmp_path / "dagster_home"), PYTHONUNBUFFERED="1", **extra)
    (tmp_path / "dagster_home").mkdir(exist_ok=True)
    return env


class Build:
    """A build in its own process group, its output going to files (a pipe nobody reads can fill up
    and block the child)."""

    def __init__(self, seeds, outputs, env):
        self.out = outputs.parent / f"build-{uuid.uuid4().hex}.out"
        self.err = self.out.with_suffix(".err")
        with self.out.open("w") as out, self.err.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline", "build", "--seeds", str(seeds), "--outputs", str(outputs),
                 "--cache", str(outputs.parent / "cache")],
                cwd=ROOT, env=env, stdout=out, stderr=err, text=True, start_new_session=True)

    def wait(self, timeout=300) -> int:
        return self.proc.wait(timeout=timeout)

    def stdout(self) -> str:
        return self.out.read_text()

    def stderr(self) -> str:
        return self.err.read_text()

    def wait_for_line(self, line: str, timeout=240) -> None:
        deadline = time.monotonic() + timeout
        while line not in self.stdout().splitlines():
            assert self.proc.poll() is None, f"build ended before {line!r}: {self.stderr()[-2000:]}"
            assert time.monotonic() < deadline, f"no {line!r} within {timeout} s"
            time.sleep(0.2)

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


def _build(seeds, outputs, env) -> Build:
    return Build(seeds, outputs, env)


def _edit(seeds):
    seed = next(seeds.glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("36项", "37项"), encoding="utf-8")


def _snapshot(outputs):
    return {p.relative_to(outputs).as_posix(): p.read_bytes() for p in sorted(outputs.rglob("*"))
            if p.is_file() and p.name != ".lock"}


@pytest.fixture
def first_release(tmp_path):
    seeds, outputs = copy_seed(tmp_path / "seeds"), tmp_path / "outputs"
    build = _build(seeds, outputs, _env(tmp_path))
    assert build.wait() == 0, build.stderr()
    return seeds, outputs


@pytest.mark.parametrize("kill_at", ["metrics written", "release files written", "release directory in place"])
def test_run_killed_while_publishing_leaves_previous_release_and_next_run_completes(first_release, tmp_path,
                                                                                    kill_at):
    seeds, outputs = first_release
    before = _snapshot(outputs)
    _edit(seeds)
    build = _build(seeds, outputs, _env(tmp_path, PIPELINE_FAULT_POINT=kill_at, PIPELINE_FAULT_DELAY_S="120"))
    build.wait_for_line(f"fault point: {kill_at}")
    build.kill()
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["latest"] == "1.0.0" and len(catalog["versions"]) == 1
    assert {k: v for k, v in _snapshot(outputs).items() if not k.startswith((".tmp-", "releases/1.1.0"))} == before
    assert verify(outputs / "releases" / "1.0.0") == []

    again = _build(seeds, outputs, _env(tmp_path))
    assert again.wait() == 0, again.stderr()
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in catalog["versions"]] == ["1.1.0", "1.0.0"]
    assert verify(outputs / "releases" / "1.1.0") == []
    assert not list(outputs.glob(".tmp-*"))


def test_two_builds_at_once_one_waits_and_outputs_stay_consistent(first_release, tmp_path):
    seeds, outputs = first_release
    _edit(seeds)
    env = _env(tmp_path, PIPELINE_FAULT_POINT="*", PIPELINE_FAULT_DELAY_S="0.3")
    a, b = _build(seeds, outputs, env), _build(seeds, outputs, env)
    results = [(p.wait(), p.stdout(), p.stderr()) for p in (a, b)]
    assert [r[0] for r in results] == [0, 0], results
    outs = sorted("new release 1.1.0" in r[1] for r in results)
    assert outs == [False, True]  # one published, the other found it unchanged
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in catalog["versions"]] == ["1.1.0", "1.0.0"]
    assert verify(outputs / "releases" / "1.1.0") == []


def test_second_build_gives_up_with_a_clear_message_when_the_lock_is_held(first_release, tmp_path):
    from pipeline.publish.release import outputs_lock

    seeds, outputs = first_release
    _edit(seeds)
    before = _snapshot(outputs)
    with outputs_lock(outputs):
        build = _build(seeds, outputs, _env(tmp_path, PIPELINE_LOCK_WAIT_S="1"))
        code = build.wait()
    assert code == 1
    assert "another build is publishing here" in build.stderr()
    assert _snapshot(outputs) == before


def test_builds_of_different_seeds_at_once_never_mix_their_documents(tmp_path):
    # Two builds sharing one Dagster home (a scheduled run and a manual one): each step's output
    # must stay the build's own, or one release can publish the other's documents.
    env = _env(tmp_path)
    runs = []
    for name, text in (("a", "甲市今年新建学校12所。\n"), ("b", "乙县全年植树3万株。\n")):
        seeds = tmp_path / f"seeds-{name}"
        seeds.mkdir()
        (seeds / f"{name}.txt").write_text(text * 50, encoding="utf-8")
        runs.append((name, tmp_path / f"outputs-{name}", Build(seeds, tmp_path / f"outputs-{name}", env)))
    for name, outputs, build in runs:
        assert build.wait() == 0, build.stderr()
        rows = [json.loads(line) for line in (outputs / "releases" / "1.0.0" / "documents.jsonl").open(encoding="utf-8")]
        assert [r["source_name"] for r in rows] == [f"{name}.txt"]
