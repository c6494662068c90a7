"""Fetch a release over HTTP(S) or from a directory, and verify it against its manifest.

Nothing downloaded is ever executed. Every path in a manifest must be a plain relative
path inside the release; sizes are checked before reading and again after; files land
in a staging directory that is renamed into place only when every checksum matched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path, PurePosixPath

CHUNK = 1 << 16
MAX_MANIFEST_BYTES = 64 << 20
TIMEOUT_S = 60
# A catalog's version names the directory a release lands in, so it must be a version and
# nothing else: ".git", "src" or ".." would name a directory of the user's (semver.org's grammar).
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?"
                    r"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?")
# Written into every directory download creates, and checked before one is replaced: download
# removes only what it made, never a directory of the user's that happens to have the same name.
MARKER = ".pipeline-download"
MARKER_TEXT = "written by `python -m pipeline download`; this directory may be replaced by the next download\n"


class DownloadError(RuntimeError):
    """A download or verification failed; the message says which file and why."""


def safe_relative(path: str, what: str) -> PurePosixPath:
    """Refuse absolute paths, '..', backslashes and empty parts in a manifest path."""
    p = PurePosixPath(path)
    if not path or p.is_absolute() or "\\\\" in path or any(part in ("..", "", ".") for part in path.split("/")) \
            or ":" in p.parts[0]:
        raise DownloadError(f"{what}: refusing unsafe path {path!r} (must stay inside the release)")
    return p


class Source:
    """Where releases are read from: an http(s) URL or a local directory."""

    def __init__(self, location: str):
        self.location = location
        parsed = urllib.parse.urlparse(location)
        self.is_http = parsed.scheme in ("http", "https")
        if not self.is_http:
            self.root = Path(parsed.path if parsed.scheme == "file" else location).resolve()
            if not self.root.is_dir():
                raise DownloadError(f"{location}: not a directory or http(s) URL")

    def open(self, rel: PurePosixPath, max_bytes: int):
        """A binary stream of at most ``max_bytes`` (a longer file is refused before reading)."""
        if self.is_http:
            url = urllib.parse.urljoin(self.location.rstrip("/") + "/", urllib.parse.quote(str(rel)))
            try:
                response = urllib.request.urlopen(url, timeout=TIMEOUT_S)  # noqa: S310 - scheme checked above
            except urllib.error.HTTPError as err:
                raise DownloadError(f"{rel}: HTTP {err.code} from {url}") from err
            except urllib.error.URLError as err:
                raise DownloadError(f"{rel}: cannot reach {url}: {err.reason}") from err
            length = response.headers.get("Content-Length")
            if length is not None and int(length) > max_bytes:
                response.close()
                raise DownloadError(f"{rel}: server announces {length} bytes, more than the {max_bytes} expected")
            return response
        path = self.root / rel
        if path.is_symlink() or not path.resolve().is_relative_to(self.root):
            raise DownloadError(f"{rel}: refusing a symlink or a path leading out of {self.root}")
        if not path.is_file():
            raise DownloadError(f"{rel}: missing from {self.root}")
        if path.stat().st_size > max_bytes:
            raise DownloadError(f"{rel}: {path.stat().st_size} bytes, more than the {max_bytes} expected")
        return path.open("rb")

    def read_json(self, rel: PurePosixPath) -> tuple[dict, bytes]:
        with self.open(rel, MAX_MANIFEST_BYTES) as stream:
            data = stream.read(MAX_MANIFEST_BYTES + 1)
        try:
            return json.loads(data), data
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise DownloadError(f"{rel}: not valid JSON: {err}") from err


def release_version(value: object) -> str:
    """The catalog's version, if it is a SemVer string (it becomes a directory name)."""
    if not isinstance(value, str) or not SEMVER.fullmatch(value):
        raise DownloadError(f"catalog.json: version {value!r} is not a SemVer version (MAJOR.MINOR.PATCH)")
    return value


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
        os.replace(staging, final)
        return
    if not is_ours(final):
        raise DownloadError(f"{final} exists and was not made by download (no {MARKER} marker); "
                            "refusing to replace it: move it away or download elsewhere")
    old = final.with_name(f".partial-old-{uuid.uuid4().hex}")
    os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def _copy_checked(stream, target: Path, expected_bytes: int, expected_sha: str, name: str) -> None:
    digest, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > expected_bytes:
                raise DownloadError(f"{name}: larger than the {expected_bytes} bytes in the manifest")
            digest.update(chunk)
            out.write(chunk)
    if size != expected_bytes:
        raise DownloadError(f"{name}: got {size} bytes, manifest says {expected_bytes} (truncated?)")
    if digest.hexdigest() != expected_sha:
        raise DownloadError(f"{name}: sha256 {digest.hexdigest()} does not match the manifest's {expected_sha}")


def _selected(package: dict, tables: list[str] | None) -> list[dict]:
    resources = package.get("resources", [])
    if not tables:
        return resources
    known = {r["name"].removesuffix("-jsonl") for r in resources}
    unknown = sorted(set(tables) - known)
    if unknown:
        raise DownloadError(f"datapackage.json: no table(s) {unknown}; available: {sorted(known)}")
    return [r for r in resources if r["name"].removesuffix("-jsonl") in tables]


def download(location: str, to: Path, version: str = "latest", tables: list[str] | None = None) -> Path:
    """Download one release into ``to/<version>`` and return that directory."""
    source = Source(location)
    catalog, _ = source.read_json(PurePosixPath("catalog.json"))
    wanted = catalog.get(version, version) if version in ("latest", "stable") else version
    entry = next((v for v in catalog.get("versions", []) if v.get("version") == wanted), None)
    if entry is None:
        raise DownloadError(f"catalog.json: no release {version!r}")
    wanted = release_version(wanted)
    base = safe_relative(entry["path"], "catalog.json")
    package, raw_package = source.read_json(base / "datapackage.json")
    if entry.get("datapackage_sha256") and hashlib.sha256(raw_package).hexdigest() != entry["datapackage_sha256"]:
        raise DownloadError("datapackage.json: checksum does not match the catalog's")
    resources = _selected(package, tables)
    to = Path(to)
    final = to / wanted
    staging = to / f".partial-{uuid.uuid4().hex}"
    staging.mkdir(parents=True)
    _mark(staging)
    try:
        for r in resources:
            rel = safe_relative(r["path"], "datapackage.json")
            expected = r["hash"].removeprefix("sha256:")
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with source.open(base / rel, int(r["bytes"])) as stream:
                _copy_checked(stream, target, int(r["bytes"]), expected, str(rel))
        (staging / "datapackage.json").write_bytes(raw_package)
        (staging / "download.json").write_text(json.dumps(
            {"source": location, "version": wanted, "tables": tables or None}, ensure_ascii=False) + "\n",
            encoding="utf-8")
        _replace_ours(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def verify(directory: Path) -> list[str]:
    """Re-check every file of a downloaded (or published) release; returns the problems found."""
    directory = Path(directory)
    package_file = directory / "datapackage.json"
    if not package_file.exists():
        return [f"{package_file}: missing"]
    package = json.loads(package_file.read_text(encoding="utf-8"))
    selection = directory / "download.json"
    tables = json.loads(selection.read_text(encoding="utf-8")).get("tables") if selection.exists() else None
    problems = []
    for r in _selected(package, tables):
        try:
            rel = safe_relative(r["path"], "datapackage.json")
        except DownloadError as err:
            problems.append(str(err))
            continue
        path = directory / rel
        if path.is_symlink() or not path.is_file():
            problems.append(f"{rel}: missing")
            continue
        if path.stat().st_size != int(r["bytes"]):
            problems.append(f"{rel}: {path.stat().st_size} bytes, manifest says {r['bytes']}")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if f"sha256:{digest}" != r["hash"]:
            problems.append(f"{rel}: sha256 {digest} does not match the manifest")
    return problems
