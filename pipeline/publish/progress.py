"""What the CLI shows while a download or a build runs: a rich progress bar on a terminal, one plain
line per file or step otherwise (a CI log, a pipe), nothing with ``--quiet``. Always on stderr, so
that stdout keeps only the result (the path, the markdown of a diff).

The download and build code never draw anything themselves: the download calls a ``Reporter``, and
a build is watched from outside, through the events its run writes to the Dagster instance.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from pipeline.publish.download import Reporter

POLL_S = 0.5  # how often a build's events are read


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def _console() -> Console:
    return Console(stderr=True)


class QuietReporter(Reporter):
    pass


class LineReporter(Reporter):
    """One line per file, for logs: a bar redrawn in place would fill them with control characters."""

    def __init__(self, write: Callable[[str], None] | None = None):
        self.write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self.files, self.done = 0, 0

    def start(self, files: int, total_bytes: int) -> None:
        self.files = files
        self.write(f"downloading {files} file(s), {_mb(total_bytes)}")

    def file(self, name: str, size: int) -> None:
        self.done += 1
        self.write(f"  [{self.done}/{self.files}] {name} ({_mb(size)})")


class BarReporter(Reporter):
    """A bar of bytes over the whole download, naming the file being fetched."""

    def __init__(self, console: Console | None = None):
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                 TransferSpeedColumn(), TimeRemainingColumn(), console=console or _console(),
                                 transient=False)
        self.task = None
        self.files, self.done = 0, 0

    def start(self, files: int, total_bytes: int) -> None:
        self.files = files
        self.progress.start()
        self.task = self.progress.add_task("download", total=total_bytes)

    def file(self, name: str, size: int) -> None:
        self.done += 1
        self.progress.update(self.task, description=f"[{self.done}/{self.files}] {name}")

    def advance(self, n: int) -> None:
        self.progress.advance(self.task, n)

    def finish(self) -> None:
        self.progress.update(self.task, description=f"{self.files} file(s) checked")
        self.progress.stop()


def download_reporter(quiet: bool) -> Reporter:
    if quiet:
        return QuietReporter()
    return BarReporter() if _console().is_terminal else LineReporter()


class BuildWatcher:
    """Follows a build's run in the instance's event log from a thread: steps done of all, the steps
    running, the time so far. The run is found by a tag the build sets, as its id is made inside
    ``execute_job``."""

    def __init__(self, instance, tag: tuple[str, str], total_steps: int, quiet: bool = False,
                 write: Callable[[str], None] | None = None, bar: bool | None = None):
        self.instance, self.tag, self.total = instance, tag, total_steps
        self.quiet = quiet
        self.bar = _console().is_terminal if bar is None else bar
        self.write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="build-progress", daemon=True)
        self.started = time.monotonic()

    def __enter__(self) -> BuildWatcher:
        if not self.quiet:
            self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout=10)

    def _run_id(self) -> str | None:
        import dagster as dg

        runs = self.instance.get_runs(filters=dg.RunsFilter(tags={self.tag[0]: self.tag[1]}), limit=1)
        return runs[0].run_id if runs else None

    def steps(self, run_id: str) -> tuple[list[str], list[str], list[str]]:
        """(finished, failed, running) step keys of the run so far, in the order they happened."""
        from dagster import DagsterEventType

        kinds = {DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE}
        started, finished, failed = [], [], []
        for record in self.instance.all_logs(run_id, of_type=kinds):
            event = record.dagster_event
            key = event.step_key
            if event.event_type == DagsterEventType.STEP_START:
                started.append(key)
            elif event.event_type == DagsterEventType.STEP_SUCCESS:
                finished.append(key)
            else:
                failed.append(key)
        ended = set(finished) | set(failed)
        return finished, failed, [k for k in started if k not in ended]

    def _watch(self) -> None:
        progress, task = self._start_bar()
        reported: set[str] = set()
        run_id = None
        try:
            while True:
                stopping = self.stop_event.wait(POLL_S)
                run_id, steps = self._poll(run_id)
                if steps is not None:
                    self._show(progress, task, reported, *steps)
                if stopping:
                    return
        finally:
            if progress is not None:
                progress.stop()

    def _start_bar(self):
        """The progress bar, started, and its task; (None, None) when progress is written as lines."""
        if not self.bar:
            return None, None
        progress = Progress(SpinnerColumn(), TextColumn("build"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("steps {task.description}"), TimeElapsedColumn(), console=_console())
        progress.start()
        return progress, progress.add_task("", total=self.total)

    def _poll(self, run_id: str | None) -> tuple[str | None, tuple[list[str], list[str], list[str]] | None]:
        """The run's id (once it exists) and its (finished, failed, running) steps; no steps while
        the run has not started or when reading them failed."""
        try:
            run_id = run_id or self._run_id()
            if run_id is None:
                return None, None
            return run_id, self.steps(run_id)
        except Exception:  # the display must never break a build
            return run_id, None

    def _show(self, progress, task, reported: set[str], finished: list[str], failed: list[str],
              running: list[str]) -> None:
        """Move the bar, or write one line per step that ended since the last poll."""
        if progress is not None:
            progress.update(task, completed=len(finished) + len(failed), description=", ".join(running)[:60])
            return
        for key in finished + failed:
            if key not in reported:
                reported.add(key)
                state = "failed" if key in failed else "done"
                self.write(f"build: {key} {state} ({len(reported)}/{self.total} steps, "
                           f"{time.monotonic() - self.started:.0f} s)")
