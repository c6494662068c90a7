"""Code versions follow the code: editing a file a stage runs or reads changes that stage's key."""

import shutil

from pipeline import code_versions
from pipeline.cache import DocumentCache


def _copy_package(tmp_path):
    root = tmp_path / "pipeline"
    shutil.copytree(code_versions.PACKAGE_ROOT, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_editing_an_extractor_changes_extract_and_not_ingest(tmp_path):
    root = _copy_package(tmp_path)
    before = {s: code_versions.stage_hash(s, root) for s in code_versions.STAGES}
    path = root / "extract" / "metrics.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    after = {s: code_versions.stage_hash(s, root) for s in code_versions.STAGES}
    assert after["extract"] != before["extract"]
    assert after["ingest"] == before["ingest"]


def test_editing_a_word_list_or_the_model_changes_extract(tmp_path):
    root = _copy_package(tmp_path)
    before = code_versions.stage_hash("extract", root)
    (root / "lexicon" / "titles.txt").write_text("新职务\n", encoding="utf-8")
    after_lexicon = code_versions.stage_hash("extract", root)
    assert after_lexicon != before
    with (root / "models" / "ner.crfsuite").open("ab") as f:
        f.write(b"\0")
    assert code_versions.stage_hash("extract", root) != after_lexicon


def test_editing_publishing_code_leaves_the_extraction_cache_valid(tmp_path):
    root = _copy_package(tmp_path)
    before = {s: code_versions.stage_hash(s, root) for s in code_versions.STAGES}
    path = root / "publish" / "release.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    after = {s: code_versions.stage_hash(s, root) for s in code_versions.STAGES}
    assert after["publish"] != before["publish"]
    assert {s: after[s] for s in ("ingest", "sections", "extract")} == \
        {s: before[s] for s in ("ingest", "sections", "extract")}


def test_the_stage_files_include_imports_followed_transitively():
    files = {p.relative_to(code_versions.PACKAGE_ROOT).as_posix() for p in code_versions.stage_files("extract")[0]}
    # build.py imports frames.py, and extract/rows.py imports keys.py: none of them is named in STAGES["extract"].
    assert {"build.py", "frames.py", "keys.py", "extract/ner.py", "models/ner.crfsuite",
            "lexicon/titles.txt", "schemas/metrics.json"} <= files
    assert "publish/release.py" not in files


def test_the_cache_key_and_the_published_version_carry_the_stage_hash():
    version = code_versions.stage_version("extract")
    label, digest = version.split("+")
    assert label == code_versions.CODE_VERSION
    assert code_versions.stage_hash("extract").startswith(digest)
    cache = DocumentCache(None)
    assert cache.key("extract", "a", "b") != cache.key("sections", "a", "b")


def test_the_cache_key_of_a_stage_carries_the_versions_of_the_stages_before_it(monkeypatch):
    """The key's sha256 is the raw file's: a new ingest (another normalisation) must not serve sections
    or extraction rows made from the old text."""
    import pipeline.cache as cache_module

    cache = DocumentCache(None)
    before = {s: cache.key(s, "a", "b") for s in ("ingest", "sections", "extract", "entities")}
    real = cache_module.stage_version
    monkeypatch.setattr(cache_module, "stage_version", lambda s: real(s) + ("x" if s == "ingest" else ""))
    after = {s: cache.key(s, "a", "b") for s in before}
    assert after["sections"] != before["sections"] and after["extract"] != before["extract"]
    assert after["entities"] == before["entities"]
