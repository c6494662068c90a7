"""Download, verify and their refusals, against a real HTTP server on loopback."""

import contextlib
import fcntl
import functools
import hashlib
import json
import shutil
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline import cli
from pipeline.build import build_tables
from pipeline.ingest.rows import sources_from_documents
from pipeline.publish import download as download_module
from pipeline.publish import publish_release
from pipeline.publish.download import LOCK_NAME, MARKER, DownloadError, Limits, download, safe_relative, verify


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site; a path in ``server.tricks`` is answered by that function instead."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.requested.append(self.path)
        trick = self.server.tricks.get(self.path)
        if trick is None:
            return super().do_GET()
        with contextlib.suppress(OSError):  # the client gave up, as it should
            trick(self)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    from tests_support import copy_seed

    root = tmp_path_factory.mktemp("pub")
    tables, _ = build_tables(copy_seed(root / "seeds"))
    publish_release(tables, root / "outputs", sources_from_documents(tables["documents"]), {})
    return root / "outputs"


@pytest.fixture
def server(published, tmp_path):
    """A private copy of the outputs, served over HTTP on loopback; tests may tamper with it."""
    site = tmp_path / "site"
    shutil.copytree(published, site)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    httpd.tricks, httpd.requested, httpd.site = {}, [], site
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def served(server):
    return server.site, server.url


def _release_dir(site):
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    return site / catalog["versions"][0]["path"]


def test_download_over_http_then_verify(served, tmp_path):
    _, url = served
    path = download(url, tmp_path / "dl")
    assert path.name == "1.0.0"
    assert (path / "metrics.parquet").exists() and (path / "datapackage.json").exists()
    assert verify(path) == []


def test_download_only_some_tables(served, tmp_path):
    _, url = served
    path = download(url, tmp_path / "dl", tables=["metrics"])
    assert sorted(p.name for p in path.iterdir() if p.name not in download_module.EXTRAS) == [
        MARKER, "datapackage.full.json", "datapackage.json", "download.json", "metrics.csv", "metrics.jsonl",
        "metrics.parquet"]
    assert verify(path) == []


def test_partial_download_writes_a_manifest_of_what_it_fetched_and_frictionless_validates_it(served, tmp_path):
    from frictionless import validate

    site, url = served
    path = download(url, tmp_path / "dl", tables=["metrics", "people"])
    package = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in package["resources"]) == [
        "metrics.csv", "metrics.jsonl", "metrics.parquet", "people.csv", "people.jsonl", "people.parquet"]
    # The manifest as published stays beside it, byte for byte (its sha256 is the catalog's).
    assert (path / "datapackage.full.json").read_bytes() == (_release_dir(site) / "datapackage.json").read_bytes()
    report = validate(str(path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]
    assert verify(path) == []


def test_download_fetches_the_card_changelog_citation_and_validation_report(served, tmp_path):
    site, url = served
    path = download(url, tmp_path / "dl")
    for name in ("README.md", "README.html", "ANNOTATION.md", "CHANGES.md", "CHANGES.html", "changes.json",
                 "validation.json", "CITATION.cff"):
        assert (path / name).read_bytes() == (_release_dir(site) / name).read_bytes(), name
    record = json.loads((path / "download.json").read_text(encoding="utf-8"))
    assert "README.md" in record["unverified_extras"]
    assert verify(path) == []


def test_download_goes_on_without_the_documents_a_release_lacks(served, tmp_path):
    site, url = served
    for name in ("CHANGES.html", "CITATION.cff"):
        (_release_dir(site) / name).unlink()
    path = download(url, tmp_path / "dl")
    assert (path / "README.md").exists() and not (path / "CITATION.cff").exists()
    assert verify(path) == []


def test_deprecated_release_downloads_with_a_warning(served, tmp_path, capsys):
    site, url = served
    assert cli.main(["deprecate", "1.0.0", "--reason", "wrong\x1b[31m figure", "--outputs", str(site)]) == 0
    capsys.readouterr()
    warnings = []
    download(url, tmp_path / "dl", warn=warnings.append)
    assert warnings == ["warning: release 1.0.0 is deprecated: wrong[31m figure"]
    assert cli.main(["download", "--from", url, "--to", str(tmp_path / "dl2"), "--version", "1.0.0"]) == 0
    assert "release 1.0.0 is deprecated" in capsys.readouterr().err


def test_tampered_file_is_refused(served, tmp_path):
    site, url = served
    target = _release_dir(site) / "metrics.jsonl"
    data = bytearray(target.read_bytes())
    data[10] = (data[10] + 1) % 256
    target.write_bytes(bytes(data))
    with pytest.raises(DownloadError, match="metrics.jsonl: sha256"):
        download(url, tmp_path / "dl")
    assert not (tmp_path / "dl" / "1.0.0").exists()
    assert not any(p.name.startswith(".partial") for p in (tmp_path / "dl").iterdir())


def test_truncated_file_is_refused(served, tmp_path):
    site, url = served
    target = _release_dir(site) / "people.parquet"
    target.write_bytes(target.read_bytes()[:-100])
    with pytest.raises(DownloadError, match="people.parquet: got .* bytes"):
        download(url, tmp_path / "dl")


def test_missing_file_is_refused(served, tmp_path):
    site, url = served
    (_release_dir(site) / "sections.jsonl").unlink()
    with pytest.raises(DownloadError, match="sections.jsonl: HTTP 404"):
        download(url, tmp_path / "dl")


def test_larger_file_than_manifest_is_refused_before_reading(served, tmp_path):
    site, url = served
    target = _release_dir(site) / "documents.jsonl"
    target.write_bytes(target.read_bytes() + b"x" * 1000)
    with pytest.raises(DownloadError, match="announces .* bytes"):
        download(url, tmp_path / "dl")


def _rewrite_manifest(site, mutate):
    release = _release_dir(site)
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    mutate(package)
    raw = json.dumps(package).encode()
    (release / "datapackage.json").write_bytes(raw)
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    catalog["versions"][0]["datapackage_sha256"] = hashlib.sha256(raw).hexdigest()
    (site / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")


@pytest.mark.parametrize("bad_path", ["../escape.jsonl", "/etc/passwd", "a/../../b", "C:\\\\x"])
def test_manifest_path_escaping_the_release_is_refused(served, tmp_path, bad_path):
    site, url = served

    def mutate(package):
        package["resources"][0]["path"] = bad_path

    _rewrite_manifest(site, mutate)
    with pytest.raises(DownloadError, match="unsafe path"):
        download(url, tmp_path / "dl")
    assert not (tmp_path / "escape.jsonl").exists()


def test_manifest_not_matching_catalog_checksum_is_refused(served, tmp_path):
    site, url = served
    release = _release_dir(site)
    (release / "datapackage.json").write_text(
        (release / "datapackage.json").read_text(encoding="utf-8").replace('"name"', '"name" ', 1), encoding="utf-8")
    with pytest.raises(DownloadError, match="datapackage.json: checksum"):
        download(url, tmp_path / "dl")


def test_symlink_in_a_directory_source_is_refused(published, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(published, site)
    release = _release_dir(site)
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    (release / "people.jsonl").unlink()
    (release / "people.jsonl").symlink_to(secret)
    with pytest.raises(DownloadError, match="symlink"):
        download(str(site), tmp_path / "dl")


def test_verify_finds_a_changed_file(served, tmp_path):
    _, url = served
    path = download(url, tmp_path / "dl")
    (path / "defects.jsonl").write_text("{}\n", encoding="utf-8")
    problems = verify(path)
    assert len(problems) == 1 and problems[0].startswith("defects.jsonl")


def test_safe_relative_accepts_plain_paths():
    assert str(safe_relative("releases/1.0.0", "x")) == "releases/1.0.0"


def test_cli_download_and_verify_exit_codes(served, tmp_path, capsys):
    site, url = served
    assert cli.main(["download", "--from", url, "--to", str(tmp_path / "dl")]) == 0
    assert cli.main(["verify", str(tmp_path / "dl" / "1.0.0")]) == 0
    (_release_dir(site) / "metrics.jsonl").write_text("tampered\n", encoding="utf-8")
    assert cli.main(["download", "--from", url, "--to", str(tmp_path / "dl2")]) == 1
    assert "download failed: metrics.jsonl" in capsys.readouterr().err


def _names(directory):
    """What a directory holds, leaving out download's lock file."""
    return sorted(p.name for p in directory.iterdir() if p.name != LOCK_NAME)


def _rename_release(site, version):
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    catalog["versions"][0]["version"] = catalog["latest"] = version
    (site / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")


@pytest.mark.parametrize("version", [".git", "src", "data", "..", ".", "1.0.0/../../x", "1.0", "01.0.0", ""])
def test_version_that_is_not_semver_is_refused_and_nothing_is_removed(served, tmp_path, capsys, version):
    site, url = served
    _rename_release(site, version)
    to = tmp_path / "project"
    for name in (".git", "src", "data"):
        (to / name).mkdir(parents=True)
        (to / name / "keep.txt").write_text("mine", encoding="utf-8")
    assert cli.main(["download", "--from", url, "--to", str(to)]) == 1
    assert "download failed: catalog.json: version" in capsys.readouterr().err
    assert _names(to) == [".git", "data", "src"]
    assert all((to / name / "keep.txt").read_text(encoding="utf-8") == "mine" for name in (".git", "src", "data"))


def test_existing_directory_not_made_by_download_is_never_replaced(served, tmp_path):
    _, url = served
    mine = tmp_path / "dl" / "1.0.0"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DownloadError, match="not made by download"):
        download(url, tmp_path / "dl")
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]
    assert _names(tmp_path / "dl") == ["1.0.0"]  # no staging left behind


def test_symlink_named_like_the_release_is_never_followed_or_replaced(served, tmp_path):
    _, url = served
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / MARKER).write_text("forged", encoding="utf-8")
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "1.0.0").symlink_to(elsewhere)
    with pytest.raises(DownloadError, match="not made by download"):
        download(url, tmp_path / "dl")
    assert sorted(p.name for p in elsewhere.iterdir()) == [MARKER]


def test_own_previous_download_is_replaced(served, tmp_path):
    site, url = served
    first = download(url, tmp_path / "dl", tables=["metrics"])
    second = download(url, tmp_path / "dl")
    assert first == second and (second / "people.parquet").exists() and verify(second) == []
    assert _names(tmp_path / "dl") == ["1.0.0"]


# Limits: every case ends in DownloadError (the CLI's "download failed: <why>") within bounded time.

FAST = Limits(deadline_s=3, read_timeout_s=1, lock_wait_s=0.5)


def _release_url_path(server, name):
    return "/" + str((_release_dir(server.site) / name).relative_to(server.site))


def _trickle(handler, size, pause=0.2):
    handler.send_response(200)
    handler.send_header("Content-Length", str(size))
    handler.end_headers()
    for _ in range(min(size, 200)):
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(pause)


def _stall(handler):
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.flush()
    time.sleep(8)


def _endless(handler):
    handler.send_response(200)
    handler.end_headers()  # no Content-Length: the body ends when the server closes
    chunk = b"y" * 65536
    for _ in range(2000):  # 131 MB at most, far past the file's size
        handler.wfile.write(chunk)


def _timed_download(url, to, limits=FAST, **kw):
    started = time.monotonic()
    with pytest.raises(DownloadError) as err:
        download(url, to, limits=limits, **kw)
    return str(err.value), time.monotonic() - started


def test_server_sending_a_byte_at_a_time_is_stopped_at_the_deadline(server, tmp_path):
    size = (_release_dir(server.site) / "metrics.jsonl").stat().st_size
    server.tricks[_release_url_path(server, "metrics.jsonl")] = functools.partial(_trickle, size=size)
    message, elapsed = _timed_download(server.url, tmp_path / "dl")
    assert "deadline of 3 s passed" in message and elapsed < 6
    assert _names(tmp_path / "dl") == []


def test_stalled_server_ends_in_a_download_error_not_a_traceback(server, tmp_path):
    server.tricks[_release_url_path(server, "metrics.jsonl")] = _stall
    message, elapsed = _timed_download(server.url, tmp_path / "dl")
    assert message.startswith("metrics.jsonl: connection failed while reading") and "timed out" in message
    assert elapsed < 5


def test_server_that_never_answers_ends_in_a_download_error(server, tmp_path):
    server.tricks["/catalog.json"] = lambda handler: time.sleep(8)
    message, elapsed = _timed_download(server.url, tmp_path / "dl")
    assert message.startswith("catalog.json: ") and "timed out" in message and elapsed < 5


def test_endless_body_without_content_length_is_cut_at_the_manifest_size(server, tmp_path):
    server.tricks[_release_url_path(server, "metrics.jsonl")] = _endless
    message, _ = _timed_download(server.url, tmp_path / "dl", limits=Limits(read_timeout_s=2, deadline_s=20))
    assert message.startswith("metrics.jsonl: larger than the") and "stopped reading" in message
    assert _names(tmp_path / "dl") == []


def test_content_length_smaller_than_the_body_is_caught(server, tmp_path):
    def short_length(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "10")
        handler.end_headers()
        handler.wfile.write(b"z" * 5000)

    server.tricks[_release_url_path(server, "metrics.jsonl")] = short_length
    message, _ = _timed_download(server.url, tmp_path / "dl")
    assert "metrics.jsonl: got 10 bytes" in message


def test_file_over_the_per_file_cap_is_refused_before_it_is_requested(server, tmp_path):
    def mutate(package):
        next(r for r in package["resources"] if r["path"] == "metrics.jsonl")["bytes"] = 10**12

    _rewrite_manifest(server.site, mutate)
    message, _ = _timed_download(server.url, tmp_path / "dl")
    assert "over the per-file limit" in message
    assert not any(p.endswith("metrics.jsonl") for p in server.requested)


def test_release_over_the_total_cap_is_refused_before_any_file(server, tmp_path):
    message, _ = _timed_download(server.url, tmp_path / "dl", limits=Limits(max_total_bytes=1000))
    assert "bytes in all, over the limit of 1000" in message
    assert [p for p in server.requested if not p.endswith(("catalog.json", "datapackage.json"))] == []


def test_too_many_resources_are_refused(server, tmp_path):
    def mutate(package):
        one = {k: package["resources"][0][k] for k in ("name", "bytes", "hash")}
        package["resources"] = [{**one, "path": f"f{i}.jsonl"} for i in range(100_000)]

    _rewrite_manifest(server.site, mutate)
    message, _ = _timed_download(server.url, tmp_path / "dl")
    assert "lists 100000 resources, over the limit of 1000" in message


def _redirect(location):
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", location.format(port=handler.server.server_address[1]))
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


@pytest.mark.parametrize("location", ["http://localhost:{port}/catalog2.json", "ftp://127.0.0.1/catalog.json",
                                      "https://127.0.0.1:{port}/catalog2.json", "http://127.0.0.1:1/catalog2.json"])
def test_redirect_to_another_host_or_scheme_is_refused(server, tmp_path, location):
    shutil.copy(server.site / "catalog.json", server.site / "catalog2.json")
    server.tricks["/catalog.json"] = _redirect(location)
    message, _ = _timed_download(server.url, tmp_path / "dl")
    assert "redirected to" in message and "same scheme and host" in message
    assert server.requested == ["/catalog.json"]


def test_redirect_on_the_same_host_is_followed(server, tmp_path):
    shutil.copy(server.site / "catalog.json", server.site / "catalog2.json")
    server.tricks["/catalog.json"] = _redirect("/catalog2.json")
    assert verify(download(server.url, tmp_path / "dl", limits=FAST)) == []


def test_catalog_entry_without_datapackage_sha256_is_refused(served, tmp_path):
    site, url = served
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    del catalog["versions"][0]["datapackage_sha256"]
    (site / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")
    with pytest.raises(DownloadError, match="no valid datapackage_sha256"):
        download(url, tmp_path / "dl")


def test_verify_fails_a_manifest_with_no_resources(tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "x", "resources": []}), encoding="utf-8")
    assert verify(tmp_path) == ["datapackage.json: lists no resources; nothing to download or verify"]
    assert cli.main(["verify", str(tmp_path)]) == 1


def test_verify_reports_a_malformed_manifest(tmp_path):
    (tmp_path / "datapackage.json").write_bytes(b"[" * 100_000)
    (problem,) = verify(tmp_path)
    assert problem.startswith("datapackage.json: not valid JSON")


MALFORMED_MANIFESTS = {
    "resources not a list": lambda p: p.update(resources="x"),
    "resource not an object": lambda p: p.update(resources=[1]),
    "bytes not a number": lambda p: p["resources"][0].update(bytes="many"),
    "bytes a float": lambda p: p["resources"][0].update(bytes=1.5),
    "no hash": lambda p: p["resources"][0].pop("hash"),
    "path not a string": lambda p: p["resources"][0].update(path=5),
    "path of download's own marker": lambda p: p["resources"][0].update(path=MARKER),
    "one path twice": lambda p: p["resources"].append(dict(p["resources"][0])),
    "no resources": lambda p: p.update(resources=[]),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_MANIFESTS))
def test_malformed_manifest_is_a_download_failure_not_a_traceback(served, tmp_path, capsys, case):
    site, url = served
    _rewrite_manifest(site, MALFORMED_MANIFESTS[case])
    assert cli.main(["download", "--from", url, "--to", str(tmp_path / "dl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("download failed: datapackage.json") and "Traceback" not in err


@pytest.mark.parametrize("raw", [b'{"resources": [{"bytes": 1' + b"9" * 5000 + b"}]}", b"[" * 100_000,
                                 b"\xff\xfe{}", b"null"])
def test_unparseable_manifest_is_a_download_failure(served, tmp_path, capsys, raw):
    site, url = served
    (_release_dir(site) / "datapackage.json").write_bytes(raw)
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    catalog["versions"][0]["datapackage_sha256"] = hashlib.sha256(raw).hexdigest()
    (site / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")
    assert cli.main(["download", "--from", url, "--to", str(tmp_path / "dl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("download failed: ") and "datapackage.json: " in err and "Traceback" not in err


@pytest.mark.parametrize("catalog", [b"[]", b'{"versions": 5}', b'{"latest": "1.0.0", "versions": [1]}',
                                     b'{"latest": "1.0.0", "versions": [{"version": "1.0.0", "path": 5}]}'])
def test_malformed_catalog_is_a_download_failure(served, tmp_path, capsys, catalog):
    site, url = served
    (site / "catalog.json").write_bytes(catalog)
    assert cli.main(["download", "--from", url, "--to", str(tmp_path / "dl")]) == 1
    assert capsys.readouterr().err.startswith("download failed: catalog.json")


def test_leftover_staging_of_a_killed_download_is_removed_only_if_ours(served, tmp_path):
    _, url = served
    to = tmp_path / "dl"
    killed, foreign, empty = to / ".partial-0123", to / ".partial-mine", to / ".partial-empty"
    for d in (killed, foreign, empty):
        d.mkdir(parents=True)
    (killed / MARKER).write_text(download_module.MARKER_TEXT, encoding="utf-8")
    (killed / "metrics.jsonl").write_text("half", encoding="utf-8")
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    download(url, to)
    assert _names(to) == [".partial-mine", "1.0.0"]
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_second_download_into_the_same_directory_waits_then_fails_clearly(served, tmp_path):
    _, url = served
    to = tmp_path / "dl"
    to.mkdir()
    with (to / LOCK_NAME).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        message, elapsed = _timed_download(url, to)
    assert "another download into this directory is running" in message and elapsed < 3


def test_two_downloads_at_once_into_one_directory_both_succeed(served, tmp_path):
    _, url = served
    results, errors = [], []

    def run():
        try:
            results.append(download(url, tmp_path / "dl"))
        except Exception as err:  # noqa: BLE001 - collected for the assertion
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and len(results) == 3 and verify(results[0]) == []
    assert _names(tmp_path / "dl") == ["1.0.0"]


def test_download_reports_every_checked_file_and_byte(server, tmp_path):
    from pipeline.publish.download import Reporter

    class Recorder(Reporter):
        def __init__(self):
            self.events = []

        def start(self, files, total_bytes):
            self.events.append(("start", files, total_bytes))

        def file(self, name, size):
            self.events.append(("file", name, size))

        def advance(self, n):
            self.events.append(("bytes", n))

        def finish(self):
            self.events.append(("finish",))

    recorder = Recorder()
    path = download(server.url, tmp_path / "dl", reporter=recorder)
    package = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    sizes = {r["path"]: r["bytes"] for r in package["resources"]}
    assert recorder.events[0] == ("start", len(sizes), sum(sizes.values()))
    assert [e[1:] for e in recorder.events if e[0] == "file"] == list(sizes.items())
    assert sum(e[1] for e in recorder.events if e[0] == "bytes") == sum(sizes.values())
    assert recorder.events[-1] == ("finish",)


def test_cli_download_shows_progress_on_stderr_unless_quiet(published, tmp_path, capsys):
    assert cli.main(["download", "--from", str(published), "--to", str(tmp_path / "a")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("downloaded and verified ")
    assert "downloading 24 file(s)" in captured.err and "[24/24] sections.csv" in captured.err  # no terminal: lines
    assert cli.main(["download", "--quiet", "--from", str(published), "--to", str(tmp_path / "b")]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith("downloaded and verified ")
