"""Killed runs and concurrent builds never corrupt the outputs directory."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from tests_support import ROOT, copy_seed

from pipeline.publish.download import verify


def _env(tmp_path, **extra):
    env = dict(os.environ, DAGSTER_HOME=str(tmp_path / "dagster_home"), PYTHONUNBUFFERED="1", **extra)
    (tmp_path / "dagster_home").mkdir(exist_ok=True)
    return env


def _build(seeds, outputs, env):
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--seeds", str(seeds), "--outputs",
                             str(outputs), "--cache", str(outputs.parent / "cache")], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _edit(seeds):
    seed = next(seeds.glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("36项", "37项"), encoding="utf-8")


def _snapshot(outputs):
    return {p.relative_to(outputs).as_posix(): p.read_bytes() for p in sorted(outputs.rglob("*"))
            if p.is_file() and p.name != ".lock"}


@pytest.fixture
def first_release(tmp_path):
    seeds, outputs = copy_seed(tmp_path / "seeds"), tmp_path / "outputs"
    proc = _build(seeds, outputs, _env(tmp_path))
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    return seeds, outputs


@pytest.mark.parametrize("kill_at", ["metrics written", "release files written", "release directory in place"])
def test_run_killed_while_publishing_leaves_previous_release_and_next_run_completes(first_release, tmp_path,
                                                                                    kill_at):
    seeds, outputs = first_release
    before = _snapshot(outputs)
    _edit(seeds)
    proc = _build(seeds, outputs, _env(tmp_path, PIPELINE_FAULT_POINT=kill_at, PIPELINE_FAULT_DELAY_S="120"))
    deadline = time.monotonic() + 240
    for line in proc.stdout:
        if line.strip() == f"fault point: {kill_at}":
            break
        assert time.monotonic() < deadline
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["latest"] == "1.0.0" and len(catalog["versions"]) == 1
    assert {k: v for k, v in _snapshot(outputs).items() if not k.startswith((".tmp-", "releases/1.1.0"))} == before
    assert verify(outputs / "releases" / "1.0.0") == []

    again = _build(seeds, outputs, _env(tmp_path))
    assert again.wait(timeout=300) == 0, again.stderr.read()
    catalog = json.loads((outputs / "catalog.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in catalog["versions"]] == ["1.1.0", "1.0.0"]
    assert verify(outputs / "releases" / "1.1.0") == []
    assert not list(outputs.glob(".tmp-*"))


def test_two_builds_at_once_one_waits_and_outputs_stay_consistent(first_release, tmp_path):
    seeds, outputs = first_release
    _edit(seeds)
    env = _env(tmp_path, PIPELINE_FAULT_POINT="*", PIPELINE_FAULT_DELAY_S="0.3")
    a, b = _build(seeds, outputs, env), _build(seeds, outputs, env)
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in (a, b)]
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
        proc = _build(seeds, outputs, _env(tmp_path, PIPELINE_LOCK_WAIT_S="1"))
        code = proc.wait(timeout=300)
    assert code == 1
    assert "another build is publishing here" in proc.stderr.read()
    assert _snapshot(outputs) == before
