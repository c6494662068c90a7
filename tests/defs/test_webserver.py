"""Start dagster-webserver on loopback and read the graph, checks, sensor and schedule over GraphQL."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from tests_support import ROOT

from pipeline import schemas

QUERY = """
{ repositoriesOrError { ... on RepositoryConnection { nodes {
    name
    schedules { name cronSchedule executionTimezone scheduleState { status } }
    sensors { name sensorState { status } }
    assetNodes { assetKey { path } groupName dependencyKeys { path }
                 assetChecksOrError { ... on AssetChecks { checks { name blocking } } } }
} } } }
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def graphql(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    port = _free_port()
    env = dict(os.environ, DAGSTER_HOME=str(home))
    env.pop("PIPELINE_AUTOMATION", None)  # as after the quick start
    server = subprocess.Popen(
        [sys.executable, "-m", "dagster_webserver", "-m", "pipeline.definitions", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/graphql"

    def query(q: str) -> dict:
        request = urllib.request.Request(url, data=json.dumps({"query": q}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5).read()
            break
        except OSError:
            assert server.poll() is None, "dagster-webserver exited"
            assert time.monotonic() < deadline, "dagster-webserver did not start"
            time.sleep(1)
    try:
        yield query
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def test_graph_checks_sensor_and_schedule_over_graphql(graphql):
    repo = graphql(QUERY)["data"]["repositoriesOrError"]["nodes"][0]
    nodes = {"/".join(n["assetKey"]["path"]): n for n in repo["assetNodes"]}
    edges = {(dep, key) for key, n in nodes.items() for dep in ("/".join(d["path"]) for d in n["dependencyKeys"])}
    assert {("source_documents", "documents"), ("source_documents", "sections"), ("source_documents", "metrics"),
            ("sections", "metrics"), ("metrics", "release"), ("documents", "release"), ("sections", "release"),
            ("people", "release"), ("defects", "release"), ("rejected", "release"), ("mentions", "entities"),
            ("entities", "release"), ("mentions", "release")} <= edges
    assert {n["groupName"] for n in nodes.values()} == {"ingest", "sections", "extract", "publish"}
    for table in schemas.TABLES:
        checks = nodes[table]["assetChecksOrError"]["checks"]
        assert (f"{table}_expectations", True) in [(c["name"], c["blocking"]) for c in checks]
        assert all(not c["blocking"] for c in checks if c["name"] != f"{table}_expectations")  # quality signals warn
    assert [(s["name"], s["sensorState"]["status"]) for s in repo["sensors"]] == [("sources_changed", "STOPPED")]
    [schedule] = repo["schedules"]
    assert (schedule["name"], schedule["executionTimezone"], schedule["scheduleState"]["status"]) == \
        ("daily_build", "Asia/Shanghai", "STOPPED")
