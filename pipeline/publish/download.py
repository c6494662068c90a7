"""Fetch a release over HTTP(S) or from a directory, and verify it against its manifest.

Nothing downloaded is ever executed. Every path in a manifest must be a plain relative
path inside the release; sizes are checked before reading and again after; files land
in a staging directory that is renamed into place only when every checksum matched.
A download is bounded (``Limits``): in time, in bytes per file and in total, in number of
files, and it follows redirects only to the same scheme and host. Whatever goes wrong ends
in a DownloadError naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.publish.locks import directory_lock

CHUNK = 1 << 16
MAX_MANIFEST_BYTES = 64 << 20
TIMEOUT_S = 60
# A catalog's version names the directory a release lands in, so it must be a version and
# nothing else: ".git", "src" or ".." would name a directory of the user's (semver.org's grammar).
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?"
                    r"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?")
SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
# Written into every directory download creates, and checked before one is replaced: download
# removes only what it made, never a directory of the user's that happens to have the same name.
MARKER = ".pipeline-download"
MARKER_TEXT = "written by `python -m pipeline download`; this directory may be replaced by the next download\n"
LOCK_NAME = ".pipeline-download.lock"
# Files download writes into a release itself; a manifest may not list them as resources.
FULL_MANIFEST = "datapackage.full.json"  # a partial download's copy of the manifest as published
RESERVED = {MARKER, "datapackage.json", "download.json", FULL_MANIFEST}
# A release's documents for people, fetched too when the release has them. The manifest does not
# list them (the card is written from it), so they are bounded in size but carry no checksum;
# download.json names the ones fetched. Nothing fetched is ever executed.
EXTRAS = ("README.md", "README.html", "ANNOTATION.md", "CHANGES.md", "CHANGES.html", "changes.json",
          "validation.json", "CITATION.cff")
MAX_EXTRA_BYTES = 64 << 20


class DownloadError(RuntimeError):
    """A download or verification failed; the message says which file and why."""


@dataclass(frozen=True)
class Limits:
    """What one download may cost. The defaults are far above a real release (the whole corpus
    publishes a few hundred MB in 16 files) and far below what fills a disk or holds a terminal."""

    deadline_s: float = 3600.0  # the whole download, checked after every read
    read_timeout_s: float = TIMEOUT_S  # one connect or read that receives nothing
    max_file_bytes: int = 8 << 30
    max_total_bytes: int = 32 << 30
    max_resources: int = 1000
    lock_wait_s: float = 120.0  # for another download into the same directory to end


class Reporter:
    """What a download says about its progress (the CLI draws a bar from it); this one says nothing."""

    def start(self, files: int, total_bytes: int) -> None:
        pass

    def file(self, name: str, size: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        pass


class Clock:
    """The overall deadline of one download."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.ends = time.monotonic() + limits.deadline_s

    def check(self, what: str) -> None:
        if time.monotonic() > self.ends:
            raise DownloadError(f"{what}: the download's deadline of {self.limits.deadline_s:g} s passed; stopped")

    def timeout(self) -> float:
        """Seconds one network operation may wait: the read timeout, or less near the deadline."""
        return max(0.05, min(self.limits.read_timeout_s, self.ends - time.monotonic()))


def safe_relative(path: str, what: str) -> PurePosixPath:
    """Refuse absolute paths, '..', backslashes and empty parts in a manifest path."""
    p = PurePosixPath(path)
    if not path or p.is_absolute() or "\\\\" in path or any(part in ("..", "", ".") for part in path.split("/")) \
            or ":" in p.parts[0]:
        raise DownloadError(f"{what}: refusing unsafe path {path!r} (must stay inside the release)")
    return p


class SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same scheme and host: a server sending the client to another
    host, to ftp:, or from https: to http: is not the release the user chose."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if (new.scheme, new.netloc) != (old.scheme, old.netloc):
            raise DownloadError(f"{req.full_url}: redirected to {newurl}; only redirects to the same scheme "
                                "and host are followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(SameOriginRedirects)


class ReleaseLocation:
    """Where releases are read from: an http(s) URL or a local directory."""

    def __init__(self, location: str, clock: Clock | None = None):
        self.location = location
        self.clock = clock or Clock(Limits())
        parsed = urllib.parse.urlparse(location)
        self.is_http = parsed.scheme in ("http", "https")
        if not self.is_http:
            self.root = Path(parsed.path if parsed.scheme == "file" else location).resolve()
            if not self.root.is_dir():
                raise DownloadError(f"{location}: not a directory or http(s) URL")

    def open(self, rel: PurePosixPath, max_bytes: int):
        """A binary stream of at most ``max_bytes`` (a longer file is refused before reading)."""
        if self.is_http:
            return self._open_url(rel, max_bytes)
        path = self.root / rel
        if path.is_symlink() or not path.resolve().is_relative_to(self.root):
            raise DownloadError(f"{rel}: refusing a symlink or a path leading out of {self.root}")
        if not path.is_file():
            raise DownloadError(f"{rel}: missing from {self.root}")
        if path.stat().st_size > max_bytes:
            raise DownloadError(f"{rel}: {path.stat().st_size} bytes, more than the {max_bytes} expected")
        return path.open("rb")

    def open_optional(self, rel: PurePosixPath, max_bytes: int):
        """As ``open``, or None when the file is not there (HTTP 404, no such local file)."""
        if not self.is_http:
            path = self.root / rel
            if not path.exists() and not path.is_symlink():
                return None
            return self.open(rel, max_bytes)
        try:
            return self._open_url(rel, max_bytes)
        except DownloadError as err:
            if isinstance(err.__cause__, urllib.error.HTTPError) and err.__cause__.code == 404:
                return None
            raise

    def _open_url(self, rel: PurePosixPath, max_bytes: int):
        url = urllib.parse.urljoin(self.location.rstrip("/") + "/", urllib.parse.quote(str(rel)))
        self.clock.check(str(rel))
        try:
            response = _OPENER.open(url, timeout=self.clock.timeout())
        except urllib.error.HTTPError as err:
            raise DownloadError(f"{rel}: HTTP {err.code} from {url}") from err
        except urllib.error.URLError as err:
            raise DownloadError(f"{rel}: cannot reach {url}: {err.reason}") from err
        except (OSError, http.client.HTTPException, ValueError) as err:
            raise DownloadError(f"{rel}: no valid response from {url}: {err!r}") from err
        _check_announced_length(response, rel, max_bytes)
        return response

    def read_json(self, rel: PurePosixPath) -> tuple[object, bytes]:
        with self.open(rel, MAX_MANIFEST_BYTES) as stream:
            data = b"".join(read_chunks(stream, str(rel), MAX_MANIFEST_BYTES, self.clock))
        return parse_json(data, str(rel)), data


def _check_announced_length(response, rel: PurePosixPath, max_bytes: int) -> None:
    """Refuse before reading a body the server itself says is too long. A missing or lying
    Content-Length is caught while reading: read_chunks stops at the cap."""
    length = response.headers.get("Content-Length")
    announced = int(length) if length is not None and length.strip().isdigit() else None
    if announced is not None and announced > max_bytes:
        response.close()
        raise DownloadError(f"{rel}: server announces {length} bytes, more than the {max_bytes} expected")


def read_chunks(stream, name: str, max_bytes: int, clock: Clock) -> Iterator[bytes]:
    """The stream's bytes chunk by chunk, never more than ``max_bytes`` in all.

    ``read1`` returns what one read brought (``read`` would wait for a whole chunk from a server
    sending a byte a second), so the deadline is checked at least once per read timeout.
    """
    size = 0
    while True:
        clock.check(name)
        try:
            chunk = stream.read1(CHUNK)
        except (OSError, http.client.HTTPException, ValueError) as err:
            raise DownloadError(f"{name}: connection failed while reading: {err!r}") from err
        if not chunk:
            return
        size += len(chunk)
        if size > max_bytes:
            raise DownloadError(f"{name}: larger than the {max_bytes} bytes expected; stopped reading")
        yield chunk


def parse_json(data: bytes, name: str) -> object:
    """JSON as data; the parser's own limits (huge numbers, deep nesting) are errors, not crashes."""
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise DownloadError(f"{name}: not valid JSON: {str(err)[:200]}") from err


@dataclass(frozen=True)
class Resource:
    """One file of a release as its manifest lists it, checked for shape and size."""

    name: str
    path: PurePosixPath
    bytes: int
    sha256: str

    @property
    def table(self) -> str:
        return self.name.removesuffix("-jsonl").removesuffix("-csv")


def _resource(raw: object, i: int, limits: Limits) -> Resource:
    where = f"datapackage.json: resource {i}"
    if not isinstance(raw, dict):
        raise DownloadError(f"{where} is not an object")
    name, path, size, digest = raw.get("name"), raw.get("path"), raw.get("bytes"), raw.get("hash")
    if not isinstance(name, str) or not isinstance(path, str):
        raise DownloadError(f"{where} needs a string name and path")
    rel = safe_relative(path, "datapackage.json")
    if str(rel) in RESERVED:
        raise DownloadError(f"{where}: path {path!r} is reserved for download's own files")
    if type(size) is not int or size < 0:
        raise DownloadError(f"{where} ({path}): bytes must be a non-negative integer, not {str(size)[:40]}")
    if size > limits.max_file_bytes:
        raise DownloadError(f"{where} ({path}): {size} bytes, over the per-file limit of {limits.max_file_bytes}")
    if not isinstance(digest, str) or not SHA256.fullmatch(digest):
        raise DownloadError(f"{where} ({path}): hash must be sha256:<64 hex digits>")
    return Resource(name, rel, size, digest.removeprefix("sha256:"))


def _selected(listed: list[Resource], tables: list[str] | None) -> list[Resource]:
    if not tables:
        return listed
    known = {r.table for r in listed}
    unknown = sorted(set(tables) - known)
    if unknown:
        raise DownloadError(f"datapackage.json: no table(s) {unknown}; available: {sorted(known)}")
    return [r for r in listed if r.table in tables]


def resources(package: object, tables: list[str] | None, limits: Limits) -> list[Resource]:
    """The manifest's resources (those of ``tables`` if given), each checked, within the limits."""
    listed = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(listed, list):
        raise DownloadError("datapackage.json: has no list of resources")
    if not listed:
        raise DownloadError("datapackage.json: lists no resources; nothing to download or verify")
    if len(listed) > limits.max_resources:
        raise DownloadError(f"datapackage.json: lists {len(listed)} resources, over the limit of "
                            f"{limits.max_resources}")
    checked = [_resource(r, i, limits) for i, r in enumerate(listed)]
    if len({r.path for r in checked}) != len(checked):
        raise DownloadError("datapackage.json: lists one path twice")
    chosen = _selected(checked, tables)
    total = sum(r.bytes for r in chosen)
    if total > limits.max_total_bytes:
        raise DownloadError(f"datapackage.json: {total} bytes in all, over the limit of {limits.max_total_bytes}")
    return chosen


def release_version(value: object) -> str:
    """The catalog's version, if it is a SemVer string (it becomes a directory name)."""
    if not isinstance(value, str) or not SEMVER.fullmatch(value):
        raise DownloadError(f"catalog.json: version {value!r} is not a SemVer version (MAJOR.MINOR.PATCH)")
    return value


def catalog_entry(catalog: object, version: str) -> tuple[str, PurePosixPath, str]:
    """(version, path, datapackage sha256) of the release asked for. An entry without the
    manifest's checksum is refused: without it nothing ties the files to the catalog."""
    versions = catalog.get("versions") if isinstance(catalog, dict) else None
    if not isinstance(versions, list):
        raise DownloadError("catalog.json: has no list of versions")
    wanted = catalog.get(version, version) if version in ("latest", "stable") else version
    entry = next((v for v in versions if isinstance(v, dict) and v.get("version") == wanted), None)
    if entry is None:
        raise DownloadError(f"catalog.json: no release {version!r}")
    wanted = release_version(wanted)
    if not isinstance(entry.get("path"), str):
        raise DownloadError(f"catalog.json: release {wanted} has no path")
    digest = entry.get("datapackage_sha256")
    if not isinstance(digest, str) or not SHA256.fullmatch(f"sha256:{digest}"):
        raise DownloadError(f"catalog.json: release {wanted} has no valid datapackage_sha256; refusing a manifest "
                            "that cannot be checked")
    return wanted, safe_relative(entry["path"], "catalog.json"), digest


def deprecation(catalog: object, version: str) -> str | None:
    """A warning when the catalog marks ``version`` deprecated (with its reason and the stable
    release), else None. The reason is the catalog's text: control characters are dropped."""
    versions = catalog.get("versions", []) if isinstance(catalog, dict) else []
    entry = next((v for v in versions if isinstance(v, dict) and v.get("version") == version), {})
    if not entry.get("deprecated"):
        return None
    reason = "".join(c for c in str(entry.get("deprecated_reason") or "no reason given")[:500] if c.isprintable())
    stable = catalog.get("stable")
    advice = f"; the stable release is {stable} (--version stable)" if isinstance(stable, str) and stable != version \
        else ""
    return f"warning: release {version} is deprecated: {reason}{advice}"


def is_ours(directory: Path) -> bool:
    """True for a real directory (not a symlink) holding the marker download writes."""
    marker = directory / MARKER
    return (directory.is_dir() and not directory.is_symlink() and marker.is_file() and not marker.is_symlink()
            and marker.read_text(encoding="utf-8", errors="replace") == MARKER_TEXT)


def _mark(directory: Path) -> None:
    (directory / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _replace_ours(staging: Path, final: Path) -> None:
    """Move ``staging`` to ``final``; an existing ``final`` is replaced only if download made it."""
    if not final.exists() and not final.is_symlink():
        os.replace(staging, final)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
        return
    if not is_ours(final):
        raise DownloadError(f"{final} exists and was not made by download (no {MARKER} marker); "
                            "refusing to replace it: move it away or download elsewhere")
    old = final.with_name(f".partial-old-{uuid.uuid4().hex}")
    os.replace(final, old)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
    os.replace(staging, final)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
    shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(to: Path) -> None:
    """Staging directories of downloads that were killed: ours (marked) are removed, an empty one
    (killed before its marker was written) too, anything else named like them is left alone."""
    for leftover in to.glob(".partial-*"):
        if is_ours(leftover):
            shutil.rmtree(leftover, ignore_errors=True)
        elif leftover.is_dir() and not leftover.is_symlink():
            with suppress(OSError):
                leftover.rmdir()  # only succeeds when empty


@contextmanager
def download_lock(to: Path, wait_s: float):
    """One download at a time into a directory: a second waits, then fails clearly (two at once
    used to race on the same target and end in a raw 'Directory not empty')."""
    def busy() -> DownloadError:
        return DownloadError(f"{to}: another download into this directory is running; try again when it ends")

    with directory_lock(to, LOCK_NAME, wait_s, busy):
        _remove_leftovers(to)
        yield


def _copy_checked(stream, target: Path, r: Resource, clock: Clock, reporter: Reporter | None = None) -> None:
    digest, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        for chunk in read_chunks(stream, str(r.path), r.bytes, clock):
            size += len(chunk)
            digest.update(chunk)
            out.write(chunk)
            if reporter is not None:
                reporter.advance(len(chunk))
    if size != r.bytes:
        raise DownloadError(f"{r.path}: got {size} bytes, manifest says {r.bytes} (truncated?)")
    if digest.hexdigest() != r.sha256:
        raise DownloadError(f"{r.path}: sha256 {digest.hexdigest()} does not match the manifest's {r.sha256}")


def _fetch_into(staging: Path, source: ReleaseLocation, base: PurePosixPath, chosen: list[Resource],
                reporter: Reporter | None = None) -> None:
    for r in chosen:
        target = staging / r.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if reporter is not None:
            reporter.file(str(r.path), r.bytes)
        with source.open(base / r.path, r.bytes) as stream:
            _copy_checked(stream, target, r, source.clock, reporter)


def _warn_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def download(location: str, to: Path, version: str = "latest", tables: list[str] | None = None,
             limits: Limits | None = None, warn: Callable[[str], None] = _warn_stderr,
             reporter: Reporter | None = None) -> Path:
    """Download one release into ``to/<version>`` and return that directory. A deprecated release
    is still downloaded, after ``warn`` (stderr by default) says so; ``reporter`` hears of every
    file and chunk of the checked resources (the unverified extras are small)."""
    limits = limits or Limits()
    source = ReleaseLocation(location, Clock(limits))
    catalog, _ = source.read_json(PurePosixPath("catalog.json"))
    wanted, base, package_sha = catalog_entry(catalog, version)
    if (message := deprecation(catalog, wanted)) is not None:
        warn(message)
    package, raw_package = source.read_json(base / "datapackage.json")
    if hashlib.sha256(raw_package).hexdigest() != package_sha:
        raise DownloadError("datapackage.json: checksum does not match the catalog's")
    chosen = resources(package, tables, limits)
    to = Path(to)
    try:
        with download_lock(to, limits.lock_wait_s):
            return _stage_and_place(source, base, chosen, to, wanted, package, raw_package, tables,
                                    reporter or Reporter())
    except OSError as err:  # the local disk: full, read-only, a file where a directory should be
        raise DownloadError(f"{to}: {err}") from err


def _fetch_extras(staging: Path, source: ReleaseLocation, base: PurePosixPath, listed: set[str]) -> list[str]:
    fetched = []
    for name in EXTRAS:
        if name in listed:
            continue
        stream = source.open_optional(base / name, MAX_EXTRA_BYTES)
        if stream is None:
            continue
        with stream, (staging / name).open("wb") as out:
            for chunk in read_chunks(stream, name, MAX_EXTRA_BYTES, source.clock):
                out.write(chunk)
        fetched.append(name)
    return fetched


def partial_manifest(package: dict, chosen: list[Resource]) -> dict:
    """The manifest of what a partial download fetched: the same package, only those resources,
    so that ``frictionless validate`` and ``verify`` check exactly the files that are there."""
    paths = {str(r.path) for r in chosen}
    return {**package, "resources": [r for r in package["resources"] if r.get("path") in paths]}


def _stage_and_place(source: ReleaseLocation, base: PurePosixPath, chosen: list[Resource], to: Path, wanted: str,
                     package: dict, raw_package: bytes, tables: list[str] | None, reporter: Reporter) -> Path:
    final = to / wanted
    staging = to / f".partial-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        _mark(staging)
        reporter.start(len(chosen), sum(r.bytes for r in chosen))
        _fetch_into(staging, source, base, chosen, reporter)
        reporter.finish()
        listed = {str(r.get("path")) for r in package["resources"] if isinstance(r, dict)}
        extras = _fetch_extras(staging, source, base, listed)
        if tables:
            (staging / FULL_MANIFEST).write_bytes(raw_package)
            (staging / "datapackage.json").write_text(
                json.dumps(partial_manifest(package, chosen), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            (staging / "datapackage.json").write_bytes(raw_package)
        (staging / "download.json").write_text(json.dumps(
            {"source": source.location, "version": wanted, "tables": tables or None,
             "full_manifest": FULL_MANIFEST if tables else None, "unverified_extras": extras},
            ensure_ascii=False) + "\n", encoding="utf-8")
        _replace_ours(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def _read_manifest(directory: Path) -> tuple[object, list[str] | None]:
    package_file = directory / "datapackage.json"
    if not package_file.is_file():
        raise DownloadError(f"{package_file}: missing")
    package = parse_json(package_file.read_bytes(), "datapackage.json")
    selection = directory / "download.json"
    chosen = parse_json(selection.read_bytes(), "download.json") if selection.is_file() else {}
    tables = chosen.get("tables") if isinstance(chosen, dict) else None
    if tables is not None and not (isinstance(tables, list) and all(isinstance(t, str) for t in tables)):
        raise DownloadError("download.json: tables must be a list of names")
    return package, tables


def _file_problem(directory: Path, r: Resource) -> str | None:
    path = directory / r.path
    if path.is_symlink() or not path.is_file():
        return f"{r.path}: missing"
    if path.stat().st_size != r.bytes:
        return f"{r.path}: {path.stat().st_size} bytes, manifest says {r.bytes}"
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    if digest.hexdigest() != r.sha256:
        return f"{r.path}: sha256 {digest.hexdigest()} does not match the manifest"
    return None


def verify(directory: Path, limits: Limits | None = None) -> list[str]:
    """Re-check every file of a downloaded (or published) release; returns the problems found.
    A manifest that is malformed or lists no resources is itself a problem: it proves nothing."""
    directory = Path(directory)
    try:
        package, tables = _read_manifest(directory)
        chosen = resources(package, tables, limits or Limits())
    except (DownloadError, OSError) as err:
        return [str(err)]
    return [p for r in chosen if (p := _file_problem(directory, r))]


def _is_url(location: str) -> bool:
    return urllib.parse.urlparse(location).scheme in ("http", "https")


def fetch_jsonl_tables(location: str, work: Path, limits: Limits | None = None, package_sha: str | None = None) -> Path:
    """A release directory at an http(s) URL, fetched into a new directory under ``work`` with only
    what a diff reads (not a download: ``verify`` would miss the other files): its manifest and its JSONL tables, each checked against the manifest's size and
    sha256 (there is no catalog to check the manifest against: the user named this release)."""
    limits = limits or Limits()
    source = ReleaseLocation(location, Clock(limits))
    package, raw = source.read_json(PurePosixPath("datapackage.json"))
    if package_sha is not None and hashlib.sha256(raw).hexdigest() != package_sha:
        raise DownloadError(f"{location}: datapackage.json's checksum does not match the catalog's")
    chosen = [r for r in resources(package, None, limits) if r.path.suffix == ".jsonl"]
    if not chosen:
        raise DownloadError(f"{location}: datapackage.json lists no JSONL tables to compare")
    target = Path(work) / f"release-{uuid.uuid4().hex[:8]}"
    target.mkdir(parents=True)
    _fetch_into(target, source, PurePosixPath("."), chosen)
    # The whole manifest, as published: the diff reads each table's schema from its Parquet resource.
    (target / "datapackage.json").write_bytes(raw)
    return target


def resolve_release(spec: str, outputs: str, work: Path, limits: Limits | None = None) -> tuple[Path, str]:
    """A release to compare, as a local directory holding datapackage.json, and its version.

    ``spec`` is a directory holding datapackage.json (a download, a published release), the http(s)
    URL of a release directory, or a version (``1.0.0``, ``latest``, ``stable``) in ``outputs``, an
    outputs directory or URL holding catalog.json. What comes over HTTP lands under ``work``.
    """
    def version_of(directory: Path, fallback: str) -> str:
        package = parse_json((directory / "datapackage.json").read_bytes(), "datapackage.json")
        version = package.get("version") if isinstance(package, dict) else None
        return version if isinstance(version, str) and SEMVER.fullmatch(version) else fallback

    if _is_url(spec):
        directory = fetch_jsonl_tables(spec, work, limits)
        return directory, version_of(directory, spec)
    local = Path(spec)
    if local.is_dir():
        if not (local / "datapackage.json").is_file():
            raise DownloadError(f"{spec}: a directory without datapackage.json (a release directory is expected)")
        return local, version_of(local, spec)
    if not (SEMVER.fullmatch(spec) or spec in ("latest", "stable")):
        raise DownloadError(f"{spec}: neither a release directory, nor an http(s) URL, nor a version")
    if _is_url(outputs):
        source = ReleaseLocation(outputs, Clock(limits or Limits()))
        catalog, _ = source.read_json(PurePosixPath("catalog.json"))
        wanted, base, digest = catalog_entry(catalog, spec)
        directory = fetch_jsonl_tables(urllib.parse.urljoin(outputs.rstrip("/") + "/", str(base) + "/"), work, limits,
                                       digest)
        return directory, wanted
    root = Path(outputs)
    if not (root / "catalog.json").is_file():
        raise DownloadError(f"{root / 'catalog.json'}: missing, so version {spec} cannot be found")
    catalog = parse_json((root / "catalog.json").read_bytes(), "catalog.json")
    wanted, base, _digest = catalog_entry(catalog, spec)
    directory = root / base
    if directory.is_symlink() or not directory.resolve().is_relative_to(root.resolve()):
        raise DownloadError(f"catalog.json: release {wanted} leads out of {root}")
    return directory, wanted
