"""Download, verify and their refusals, against a real HTTP server on loopback."""

import functools
import hashlib
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline import cli
from pipeline.build import build_tables, source_list
from pipeline.publish import publish_release
from pipeline.publish.download import MARKER, DownloadError, download, safe_relative, verify


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    from tests_support import copy_seed

    root = tmp_path_factory.mktemp("pub")
    tables, ingested = build_tables(copy_seed(root / "seeds"))
    publish_release(tables, root / "outputs", source_list(ingested.documents), {})
    return root / "outputs"


@pytest.fixture
def served(published, tmp_path):
    """A private copy of the outputs, served over HTTP; tests may tamper with it."""
    site = tmp_path / "site"
    shutil.copytree(published, site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
    assert sorted(p.name for p in path.iterdir()) == [MARKER, "datapackage.json", "download.json", "metrics.jsonl",
                                                      "metrics.parquet"]
    assert verify(path) == []


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
    assert sorted(p.name for p in to.iterdir()) == [".git", "data", "src"]
    assert all((to / name / "keep.txt").read_text(encoding="utf-8") == "mine" for name in (".git", "src", "data"))


def test_existing_directory_not_made_by_download_is_never_replaced(served, tmp_path):
    _, url = served
    mine = tmp_path / "dl" / "1.0.0"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DownloadError, match="not made by download"):
        download(url, tmp_path / "dl")
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]
    assert [p.name for p in (tmp_path / "dl").iterdir()] == ["1.0.0"]  # no staging left behind


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
    assert [p.name for p in (tmp_path / "dl").iterdir()] == ["1.0.0"]
