"""Regenerate the README's pictures: docs/asset-graph.png (the Dagster UI's asset graph after a build,
every group expanded) and docs/dataset-page.png (the top of the dataset page, outputs/index.html).

    .venv/bin/python scripts/screenshot_asset_graph.py [--out docs]

Everything happens in temporary directories: a build of seeds/ into a fresh DAGSTER_HOME and outputs
directory (so the graph shows this code's assets, materialised, with their checks), a
dagster-webserver on a free loopback port over that instance, and a static server over those outputs
as the README serves them. Debian's Chromium takes the pictures through its debugging protocol
(scripts/cdp.py); nothing is downloaded, and the project's .dagster/ and outputs/ are never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cdp import Browser  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GROUPS = ("ingest", "sections", "extract", "publish")
GRAPH_KEY = "asset-graph-open-graph-nodes-global-__GLOBAL__"  # where the UI keeps the expanded groups
ZOOM_OUT_CLICKS = 3  # from the UI's own zoom: every group fits at 1700 x 1150


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build(env: dict, outputs: Path) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", "build", "--seeds", str(ROOT / "seeds"), "--outputs",
                    str(outputs), "--no-cache", "--quiet"], cwd=ROOT, env=env, check=True, timeout=900)


@contextlib.contextmanager
def _webserver(env: dict, log: Path):
    port = _free_port()
    with log.open("w") as out:
        server = subprocess.Popen([str(BIN / "dagster-webserver"), "-m", "pipeline.definitions", "-h", "127.0.0.1",
                                   "-p", str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{base}/server_info", timeout=2).close()
                break
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dagster-webserver did not start; see {log}")
            time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


@contextlib.contextmanager
def _static(directory: Path):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _click(b: Browser, label: str, timeout_s: float = 15) -> bool:
    """Click the button whose text is ``label`` once it appears (dialogs open a moment after the page)."""
    script = f"[...document.querySelectorAll('button')].find(b => b.innerText.trim() === {label!r})"
    try:
        b.wait_for(f"!!{script}", timeout_s)
    except TimeoutError:
        return False
    b.js(f"{script}.click()")
    return True


def asset_graph(base: str, target: Path) -> None:
    expanded = ",".join(f"global@global:{g}" for g in GROUPS)
    with Browser(1700, 1150) as b:
        b.goto(f"{base}/server_info")
        b.wait_for("document.readyState === 'complete'")
        # The UI keeps in localStorage which groups are expanded.
        b.js(f"localStorage.setItem({GRAPH_KEY!r}, JSON.stringify({{expanded: {expanded!r}}}))")
        b.goto(f"{base}/asset-groups")
        b.wait_for("document.body.innerText.includes('source_documents') && document.body.innerText.includes('release')")
        _click(b, "Skip")  # the community dialog of a new instance
        # The asset tree beside the graph: its toggle is the text-less button holding the panel icon.
        b.js("[...document.querySelectorAll('button')].find(x => !x.innerText.trim() && "
             "x.querySelector('[aria-label^=panel_show]'))?.click()")
        time.sleep(2)
        for _ in range(ZOOM_OUT_CLICKS):  # the expanded graph is taller than the window it was fitted to
            b.js("document.querySelector('button [aria-label=zoom_out]').closest('button').click()")
            time.sleep(0.5)
        time.sleep(3)  # the graph's layout settles
        b.screenshot(target)


def dataset_page(base: str, target: Path) -> None:
    with Browser(1400, 1500) as b:
        b.goto(f"{base}/index.html")
        b.wait_for("document.readyState === 'complete' && [...document.images].every(i => i.complete)")
        time.sleep(1)
        b.screenshot(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where the PNGs go (default: docs/)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as work:
        work = Path(work)
        (work / "home").mkdir()
        (work / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
        env = {**os.environ, "DAGSTER_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
        _build(env, work / "outputs")
        with _webserver(env, work / "webserver.log") as base:
            asset_graph(base, args.out / "asset-graph.png")
        with _static(work / "outputs") as base:
            dataset_page(base, args.out / "dataset-page.png")
    for name in ("asset-graph.png", "dataset-page.png"):
        print(f"wrote {args.out / name} ({(args.out / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
