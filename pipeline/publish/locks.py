"""One writer at a time per directory: an advisory lock that a second writer waits for, then
gives up on with the caller's own error. Publishing and downloading both need it."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def directory_lock(directory: Path, lock_name: str, wait_s: float, busy: Callable[[], Exception],
                   poll_s: float = 0.1) -> Iterator[None]:
    """Hold ``directory/lock_name`` locked for the block; raise ``busy()`` after ``wait_s`` seconds
    of another holder. The lock is released when the process dies, so a kill never leaves it."""
    directory.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    with (directory / lock_name).open("w") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as err:
                if time.monotonic() >= deadline:
                    raise busy() from err
                time.sleep(poll_s)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
