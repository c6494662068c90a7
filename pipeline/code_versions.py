"""Code versions derived from the code: a hash of every file a stage runs or reads.

A hand-bumped constant goes stale (only 10 of 43 commits that changed stage code bumped it),
and a stale version makes the per-document cache serve rows the current code would not
produce. Each stage here is named by the modules it calls; its version hashes:

- the source of those modules and of every ``pipeline`` module they import, transitively
  (found by reading their imports, not by importing them);
- the data files of every package in that set (``pipeline/lexicon/*.txt``, the schemas) and
  of any data directory of ``pipeline/`` a module names in a string (``"models"`` in the tagger);
- the installed version of every third-party distribution those modules import (jieba's
  dictionary decides words, so a jieba upgrade is a code change of the extractor).

The published ``code_version`` of a row is ``<CODE_VERSION>+<hash of its stage>``: the
human-readable release label, then what actually made the row.
"""

from __future__ import annotations

import ast
import hashlib
import sys
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

from pipeline import CODE_VERSION

PACKAGE_ROOT = Path(__file__).resolve().parent
MAX_FILE_BYTES = 64 << 20  # a model or word list larger than this is not ours
HASH_CHARS = 12

# The modules each stage calls; what they import is found from their source.
STAGES: dict[str, tuple[str, ...]] = {
    "ingest": ("pipeline.ingest", "pipeline.ingest.corpus", "pipeline.ingest.documents", "pipeline.ingest.rows",
               "pipeline.ingest.sources"),
    # build.py holds the per-document glue of these two (sections_of, _extract_one).
    "sections": ("pipeline.build", "pipeline.sections", "pipeline.sections.rows", "pipeline.extract.script"),
    "extract": ("pipeline.build", "pipeline.extract", "pipeline.extract.mentions", "pipeline.extract.people_rows",
                "pipeline.extract.rows", "pipeline.extract.script", "pipeline.extract.tagger", "pipeline.sections"),
    "entities": ("pipeline.extract.entities",),
    "validate": ("pipeline.validate", "pipeline.validate.suites"),
    "publish": ("pipeline.publish", "pipeline.publish.release", "pipeline.publish.files"),
}


def _module_file(module: str, root: Path) -> Path | None:
    parts = module.split(".")[1:]
    base = root.joinpath(*parts)
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file() and not candidate.is_symlink():
            return candidate
    return None


def _imports(path: Path, module: str) -> tuple[set[str], set[str], set[str]]:
    """``pipeline`` modules, top-level third-party names and string constants in one file."""
    return _parsed(path, module, path.stat().st_mtime_ns, path.stat().st_size)


@cache
def _parsed(path: Path, module: str, _mtime_ns: int, _size: int) -> tuple[set[str], set[str], set[str]]:
    """Parsed once per process and file state: every stage reads most of the same files."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    ours, theirs = set(), set()
    for name, taken, _ in import_statements(tree, module, path.name == "__init__.py"):
        if name == "pipeline" or name.startswith("pipeline."):
            ours.add(name)
            ours.update(f"{name}.{t}" for t in taken)  # may be modules
        else:
            theirs.add(name.split(".")[0])
    strings = {node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 64}
    return ours, theirs, strings


def import_statements(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, tuple[str, ...], int]]:
    """Each import of a parsed module: the module it names (a relative import resolved against
    ``module``), the names a ``from`` import takes from it, and its line. The import-layer test
    reads the package's imports through this too."""
    package = module if is_package else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, (), node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            yield name, tuple(alias.name for alias in node.names), node.lineno


def stage_files(stage: str, root: Path = PACKAGE_ROOT) -> tuple[list[Path], set[str]]:
    """Every file of the package the stage runs or reads, and the third-party names it imports."""
    seen: dict[str, Path] = {}
    third_party: set[str] = set()
    strings: set[str] = set()
    todo = list(STAGES[stage])
    while todo and len(seen) < 10_000:
        module = todo.pop()
        if module in seen:
            continue
        path = _module_file(module, root)
        if path is None:
            continue  # a name imported from a module (a function, a constant), not a module
        seen[module] = path
        ours, theirs, found = _imports(path, module)
        third_party |= theirs
        strings |= found
        todo += [m for m in ours if m not in seen]
        parent = module.rsplit(".", 1)[0]
        if parent not in seen and parent.startswith("pipeline"):
            todo.append(parent)  # importing a.b runs a/__init__.py first
    files = set(seen.values())
    for path in list(files):
        if path.name == "__init__.py" and path.parent != root:
            files |= _data_files(path.parent)
    for name in strings:
        directory = root / name
        if name.isidentifier() and directory.is_dir() and not (directory / "__init__.py").exists():
            files |= _data_files(directory)
    return sorted(files), third_party - set(sys.stdlib_module_names) - {"pipeline"}


def _data_files(directory: Path) -> set[Path]:
    return {p for p in directory.iterdir()
            if p.is_file() and not p.is_symlink() and p.suffix not in (".py", ".pyc") and not p.name.startswith(".")}


@cache
def _packages_distributions() -> dict[str, list[str]]:
    return metadata.packages_distributions()  # scans every installed distribution: once per process


def _distribution_versions(names: set[str]) -> list[str]:
    by_module = _packages_distributions()
    out = set()
    for name in names:
        for dist in by_module.get(name, []):
            try:
                out.add(f"{dist}=={metadata.version(dist)}")
            except metadata.PackageNotFoundError:
                continue
    return sorted(out)


def stage_hash(stage: str, root: Path = PACKAGE_ROOT) -> str:
    """sha256 over the stage's files (path relative to the package, then bytes) and dependencies."""
    files, third_party = stage_files(stage, root)
    h = hashlib.sha256(f"stage:{stage}\n".encode())
    for path in files:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValueError(f"{path}: {size} bytes, more than a stage's file may hold")
        h.update(f"{path.relative_to(root).as_posix()}\0{size}\0".encode())
        h.update(path.read_bytes())
    for line in _distribution_versions(third_party):
        h.update(f"dist:{line}\n".encode())
    return h.hexdigest()


@cache
def stage_version(stage: str) -> str:
    """The stage's code version: the release label and the hash of what the stage runs."""
    return f"{CODE_VERSION}+{stage_hash(stage)[:HASH_CHARS]}"


@cache
def build_version() -> str:
    """One version for the whole build: every stage's hash, combined."""
    h = hashlib.sha256("".join(stage_hash(s) for s in sorted(STAGES)).encode())
    return f"{CODE_VERSION}+{h.hexdigest()[:HASH_CHARS]}"


def all_stage_versions() -> dict[str, str]:
    return {s: stage_version(s) for s in STAGES}
