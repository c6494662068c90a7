"""Command line: ``python -m pipeline build [--seeds DIR] [--outputs DIR]``."""

from __future__ import annotations

import argparse
import fcntl
import os
import sys
import tempfile
import warnings
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _dagster_home() -> Path:
    """Dagster's run storage stays inside the project unless the user chose otherwise."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


def _instance(dg):
    """The Dagster instance, opened under a lock: two builds starting at once in a new Dagster home
    would both create its SQLite schema, and the second fails (UNIQUE constraint on alembic_version)."""
    home = Path(os.environ["DAGSTER_HOME"])
    with (home / ".instance.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            return dg.DagsterInstance.get()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(seeds: Path, outputs: Path, cache: Path | None = None) -> int:
    _dagster_home()
    warnings.filterwarnings("ignore")
    import dagster as dg

    if not seeds.is_dir():
        print(f"error: seeds directory {seeds} does not exist", file=sys.stderr)
        return 2
    instance = _instance(dg)
    from pipeline import definitions
    from pipeline.defs.resources import PipelineSettings

    settings = PipelineSettings(seeds_dir=str(seeds.resolve()), outputs_dir=str(outputs.resolve()),
                                cache_dir=str(cache.resolve()) if cache else "")
    # Each build keeps its step outputs in a folder of its own: in the shared Dagster home they would sit
    # at one path per asset, where a second build at the same time (other seeds) overwrites them mid-run.
    # execute_job rather than execute_in_process, which holds every step's output in memory to the end.
    with tempfile.TemporaryDirectory(prefix="pipeline-steps-") as steps:
        run_config = settings.run_config()
        run_config = {**run_config,
                      "resources": {**run_config["resources"], "io_manager": {"config": {"base_dir": steps}}},
                      "execution": {"config": {"in_process": {}}},
                      "loggers": {"console": {"config": {"log_level": os.environ.get("PIPELINE_LOG_LEVEL", "WARNING")}}}}
        with dg.execute_job(dg.reconstructable(definitions.build_job), instance=instance, run_config=run_config,
                            raise_on_error=False) as result:
            return _report(result)


def _report(result) -> int:
    """Say what failed, or where the release went; the exit code of the build."""
    failed_checks = [e for e in result.get_asset_check_evaluations() if not e.passed]
    for evaluation in failed_checks:
        details = evaluation.metadata.get("failed_expectations")
        print(f"blocking check failed: {evaluation.asset_check_key.name} on "
              f"{evaluation.asset_key.to_user_string()}: {details.value if details else ''}", file=sys.stderr)
    for event in result.all_events:
        if event.is_step_failure:
            error = event.event_specific_data.error
            print(f"step failed: {event.step_key}: {error.message.strip() if error else ''}", file=sys.stderr)
    published = [m for m in result.asset_materializations_for_node("release")] if result.success else []
    if not result.success or failed_checks or not published:
        print(f"build failed (run {result.run_id}); no release was published", file=sys.stderr)
        return 1
    meta = published[-1].metadata
    state = "new release" if meta["new_release"].value else "unchanged, latest release is"
    print(f"{state} {meta['version'].value} at {meta['path'].value}")
    return 0


def download(args: argparse.Namespace) -> int:
    from pipeline.publish.download import DownloadError, download

    try:
        path = download(args.source, args.to, args.version, args.tables)
    except DownloadError as err:
        print(f"download failed: {err}", file=sys.stderr)
        return 1
    print(f"downloaded and verified {path}")
    return 0


def verify(args: argparse.Namespace) -> int:
    from pipeline.publish.download import verify

    problems = verify(args.directory)
    for p in problems:
        print(f"FAIL {p}", file=sys.stderr)
    if not problems:
        print(f"{args.directory}: every file matches datapackage.json")
    return 1 if problems else 0


def diff(args: argparse.Namespace) -> int:
    from pipeline.publish.changes import changes_markdown, diff_records, release_rows, release_schemas
    from pipeline.publish.release import read_catalog

    catalog = read_catalog(args.outputs)
    paths = {v["version"]: args.outputs / v["path"] for v in catalog["versions"]}
    for v in (args.old, args.new):
        if v not in paths:
            print(f"error: no release {v} in {args.outputs / 'catalog.json'}", file=sys.stderr)
            return 2
    old, new = paths[args.old], paths[args.new]
    result = diff_records(release_rows(old), release_rows(new), release_schemas(old), release_schemas(new))
    print(changes_markdown(result, args.old, args.new), end="")
    return 0


def deprecate(args: argparse.Namespace) -> int:
    from pipeline.publish.release import PublishError, deprecate

    try:
        catalog = deprecate(args.outputs, args.version, args.reason)
    except PublishError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{args.version} deprecated; stable is now {catalog['stable']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    outputs_default = PROJECT_ROOT / "outputs"
    b = sub.add_parser("build", help="run the whole asset graph and publish a release")
    b.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds", help="input directory (default: seeds/)")
    b.add_argument("--outputs", type=Path, default=outputs_default,
                   help="where releases and catalog.json go (default: outputs/)")
    b.add_argument("--cache", type=Path, default=PROJECT_ROOT / ".cache",
                   help="per-document result cache (default: .cache/); --no-cache to recompute everything")
    b.add_argument("--no-cache", dest="cache", action="store_const", const=None)
    d = sub.add_parser("download", help="fetch a release and check every file against its manifest")
    d.add_argument("--version", default="latest", help="a version, or latest, or stable (default: latest)")
    d.add_argument("--tables", nargs="+", help="only these tables (default: all)")
    d.add_argument("--from", dest="source", required=True, help="base URL or directory holding catalog.json")
    d.add_argument("--to", type=Path, required=True, help="directory to download into (a <version>/ is made)")
    v = sub.add_parser("verify", help="re-check a downloaded release's sizes and sha256 sums")
    v.add_argument("directory", type=Path)
    f = sub.add_parser("diff", help="print the changes between two published releases")
    f.add_argument("old")
    f.add_argument("new")
    f.add_argument("--outputs", type=Path, default=outputs_default)
    x = sub.add_parser("deprecate", help="mark a release deprecated in catalog.json (its files stay)")
    x.add_argument("version")
    x.add_argument("--reason", required=True)
    x.add_argument("--outputs", type=Path, default=outputs_default)
    n = sub.add_parser("ner-benchmark", help="score the entity extractor on public NER test sets")
    n.add_argument("--data", type=Path, default=PROJECT_ROOT.parent / "shared" / "benchmarks" / "ner")
    nb = sub.add_parser("numbers-benchmark", help="score the metrics extractor on public number test cases")
    nb.add_argument("--data", type=Path, default=PROJECT_ROOT.parent / "shared" / "benchmarks" / "numbers")
    nb.add_argument("--quiet", action="store_true", help="print the per-file shares only, not the failures")
    args = parser.parse_args(argv)
    if args.command == "numbers-benchmark":
        from pipeline.numbers_benchmark import run as run_numbers

        return run_numbers(args.data, show_failures=not args.quiet)
    if args.command == "ner-benchmark":
        from pipeline.ner_benchmark import run

        return run(args.data)
    if args.command == "build":
        return build(args.seeds, args.outputs, args.cache)
    return {"download": download, "verify": verify, "diff": diff, "deprecate": deprecate}[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

