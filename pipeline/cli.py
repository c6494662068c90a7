"""Command line: ``python -m pipeline <command>``; ``python -m pipeline --help`` lists the commands."""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import io
import os
import sys
import tempfile
import uuid
import warnings
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = PROJECT_ROOT.parent / "shared" / "benchmarks"  # the public test sets the benchmarks score


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


def build(seeds: Path, outputs: Path, cache: Path | None = None, quiet: bool = False) -> int:
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
    from pipeline.publish.progress import BuildWatcher

    with tempfile.TemporaryDirectory(prefix="pipeline-steps-") as steps:
        run_config = settings.run_config()
        run_config = {**run_config,
                      "resources": {**run_config["resources"], "io_manager": {"config": {"base_dir": steps}}},
                      "execution": {"config": {"in_process": {}}},
                      "loggers": {"console": {"config": {"log_level": os.environ.get("PIPELINE_LOG_LEVEL", "WARNING")}}}}
        # The run's id is made inside execute_job: the progress display finds the run by this tag.
        tag = ("pipeline/build_id", uuid.uuid4().hex)
        graph = definitions.build_job().graph  # a step per op; the units' ops sit inside graph-backed assets
        total_steps = sum(not isinstance(graph.get_node(h).definition, dg.GraphDefinition)
                          for h in graph.iterate_node_handles())
        with BuildWatcher(instance, tag, total_steps, quiet=quiet):  # stopped before the report is printed
            execution = dg.execute_job(dg.reconstructable(definitions.build_job), instance=instance,
                                       run_config=run_config, tags=dict([tag]), raise_on_error=False)
        with execution as result:
            return _report(result)


def _report(result) -> int:
    """Say what failed, or where the release went; the exit code of the build."""
    import dagster as dg

    from pipeline.validate.suites import describe_row

    evaluations = [e for e in result.get_asset_check_evaluations() if not e.passed]
    failed_checks = [e for e in evaluations if e.severity == dg.AssetCheckSeverity.ERROR]
    for evaluation in evaluations:
        if evaluation.severity != dg.AssetCheckSeverity.ERROR:  # a quality signal: the release goes on
            print(f"warning: {evaluation.asset_check_key.name} on {evaluation.asset_key.to_user_string()}: "
                  f"{evaluation.description or ''}", file=sys.stderr)
    for evaluation in failed_checks:
        print(f"blocking check failed: {evaluation.asset_check_key.name} on "
              f"{evaluation.asset_key.to_user_string()}: {evaluation.description or ''}", file=sys.stderr)
        details = evaluation.metadata.get("failed_expectations")
        for failure in details.value if details else []:
            for row in failure.get("rows", []):
                print(f"  {failure['column'] or failure['expectation']}: {describe_row(row)}", file=sys.stderr)
    for event in result.all_events:
        if event.is_step_failure:
            error = event.event_specific_data.error
            print(f"step failed: {event.step_key}: {error.message.strip() if error else ''}", file=sys.stderr)
    published = list(result.asset_materializations_for_node("release")) if result.success else []
    if not result.success or failed_checks or not published:
        print(f"build failed (run {result.run_id}); no release was published", file=sys.stderr)
        return 1
    meta = published[-1].metadata
    state = "new release" if meta["new_release"].value else "unchanged, latest release is"
    print(f"{state} {meta['version'].value} at {meta['path'].value}")
    return 0


def download(args: argparse.Namespace) -> int:
    from pipeline.publish.download import DownloadError, download
    from pipeline.publish.progress import download_reporter

    try:
        path = download(args.source, args.to, args.version, args.tables, reporter=download_reporter(args.quiet))
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
    """Compare two releases, each a version in --outputs, a release directory (a download) or the URL
    of one; tables present in only one of them (a partial download) are named, not compared."""
    from pipeline.publish.changes import changes_markdown, diff_records, release_rows, release_schemas, sample_rows
    from pipeline.publish.download import DownloadError, resolve_release

    with tempfile.TemporaryDirectory(prefix="pipeline-diff-") as work:
        try:
            (old, old_version), (new, new_version) = (resolve_release(spec, str(args.outputs), Path(work))
                                                      for spec in (args.old, args.new))
        except (DownloadError, OSError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        old_rows, new_rows = release_rows(old), release_rows(new)
        only = sorted(set(old_rows) ^ set(new_rows))
        common = set(old_rows) & set(new_rows)
        old_rows = {t: rows for t, rows in old_rows.items() if t in common}
        new_rows = {t: rows for t, rows in new_rows.items() if t in common}
        result = diff_records(old_rows, new_rows, release_schemas(old), release_schemas(new))
        print(changes_markdown(result, old_version, new_version, sample_rows(old_rows, new_rows, result)), end="")
        if only:
            print(f"\nNot compared (in only one of the two): {', '.join(only)}")
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


DESCRIPTION = """Turn Chinese government and policy text into versioned open datasets, and fetch,
check and compare the releases."""

EPILOG = """examples:
  python -m pipeline build                                   # seeds/ -> outputs/releases/<version>/
  python -m pipeline download --from https://example.org/outputs --to data/
  python -m pipeline verify data/1.0.0
  python -m pipeline diff 1.0.0 1.1.0
  python -m pipeline <command> --help                        # each command's options and examples
"""

# command -> (one-line help, description, examples)
COMMANDS = {
    "build": (
        "run the whole asset graph and publish a release",
        "Ingest the seeds, split them into sections, extract people, metrics and named entities, run\n"
        "every table's blocking checks and publish a new release under --outputs (nothing new when\n"
        "neither the data nor the schemas changed). Steps are reported on stderr as they finish, and\n"
        "quality warnings (metrics per document falling, rejected inputs rising) without failing.\n"
        "Exits 1, naming the failed checks and rows, when a blocking check fails or no input could be\n"
        "read; 2 when the seeds directory does not exist.",
        ["python -m pipeline build",
         "python -m pipeline build --seeds my-docs/ --outputs /srv/data/outputs",
         "python -m pipeline build --no-cache                        # recompute every document",
         "python -m pipeline build --quiet                           # no progress on stderr"]),
    "download": (
        "fetch a release and check every file against its manifest",
        "Fetch a release (or some of its tables) from a published outputs directory or URL into\n"
        "<to>/<version>/, checking every file's size and sha256 against datapackage.json and the manifest\n"
        "against catalog.json, with a progress bar on stderr (--quiet for none). Nothing is left\n"
        "behind when a check fails.",
        ["python -m pipeline download --from https://example.org/outputs --to data/",
         "python -m pipeline download --version stable --from https://example.org/outputs --to data/",
         "python -m pipeline download --version 1.0.0 --tables metrics people --from ./outputs --to data/"]),
    "verify": (
        "re-check a downloaded release's sizes and sha256 sums",
        "Re-check every file of a downloaded release against its datapackage.json (sizes and sha256).\n"
        "Exits 1, naming each mismatch, when a file was changed or is missing.",
        ["python -m pipeline verify data/1.0.0",
         "python -m pipeline verify outputs/releases/1.1.0"]),
    "diff": (
        "print the changes between two releases (published, downloaded or at a URL)",
        "Print, as markdown, what changed between two releases: rows added, removed and changed per\n"
        "table, by primary key, and schema changes. Each release is a version looked up in --outputs\n"
        "(a directory or URL holding catalog.json), a release directory (a download) or a release's URL;\n"
        "from a URL only the manifest and the JSONL tables are fetched, each checked against the manifest.",
        ["python -m pipeline diff 1.0.0 1.1.0",
         "python -m pipeline diff 1.0.0 1.1.0 --outputs https://example.org/outputs > changes.md",
         "python -m pipeline diff data/1.0.0 data/1.1.0                  # two downloads",
         "python -m pipeline diff data/1.0.0 https://example.org/outputs/releases/1.1.0/"]),
    "deprecate": (
        "mark a release deprecated in catalog.json (its files stay)",
        "Flag a release as deprecated in catalog.json, with a reason; its files are never touched.\n"
        "`stable` then names the newest release that is not deprecated.",
        ['python -m pipeline deprecate 1.1.0 --reason "metrics double-counted in 2 documents"']),
    "ner-benchmark": (
        "score the entity extractor on public NER test sets",
        "Score the entity extractor on the MSRA and People's Daily NER test sets (entity-level exact\n"
        "match, micro F1 per type); the last line is `ner: msra_f1=… pd_f1=… kchars_per_s=…`, and its\n"
        "figures are recorded in docs/benchmarks.json, which the next release's card quotes.",
        ["python -m pipeline ner-benchmark",
         "python -m pipeline ner-benchmark --data ../shared/benchmarks/ner"]),
    "numbers-benchmark": (
        "score the metrics extractor on public number test cases",
        "Run Recognizers-Text's Chinese number, unit and percent cases through the metrics extractor,\n"
        "mapped to the annotation guide's conventions; the last line is\n"
        "`numbers: in_scope=… both_ok=… share=…` (recorded in docs/benchmarks.json for the card).",
        ["python -m pipeline numbers-benchmark",
         "python -m pipeline numbers-benchmark --quiet --data ../shared/benchmarks/numbers"]),
}


def _subparser(sub, name: str) -> argparse.ArgumentParser:
    help_text, description, examples = COMMANDS[name]
    return sub.add_parser(name, help=help_text, description=description,
                          epilog="examples:\n" + "\n".join(f"  {e}" for e in examples),
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def parser() -> argparse.ArgumentParser:
    from pipeline import __version__

    top = argparse.ArgumentParser(prog="python -m pipeline", description=DESCRIPTION, epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="<command>")
    outputs_default = PROJECT_ROOT / "outputs"
    b = _subparser(sub, "build")
    b.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds", help="input directory (default: seeds/)")
    b.add_argument("--outputs", type=Path, default=outputs_default,
                   help="where releases and catalog.json go (default: outputs/)")
    b.add_argument("--cache", type=Path, default=PROJECT_ROOT / ".cache",
                   help="per-document result cache (default: .cache/)")
    b.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                   help="recompute every document, reading and writing no cache")
    b.add_argument("--quiet", action="store_true", help="no progress on stderr (the result and errors only)")
    d = _subparser(sub, "download")
    d.add_argument("--version", default="latest", help="a version, or latest, or stable (default: latest)")
    d.add_argument("--tables", nargs="+", metavar="TABLE", help="only these tables (default: all)")
    d.add_argument("--from", dest="source", required=True, metavar="URL_OR_DIR",
                   help="base URL or directory holding catalog.json")
    d.add_argument("--to", type=Path, required=True, metavar="DIR",
                   help="directory to download into (a <version>/ is made)")
    d.add_argument("--quiet", action="store_true", help="no progress bar on stderr (the result and errors only)")
    v = _subparser(sub, "verify")
    v.add_argument("directory", type=Path, help="a downloaded release directory (holding datapackage.json)")
    f = _subparser(sub, "diff")
    f.add_argument("old", help="the earlier release: a version in --outputs, a release directory or its URL")
    f.add_argument("new", help="the later release, in the same forms")
    f.add_argument("--outputs", default=str(outputs_default), metavar="DIR_OR_URL",
                   help="where versions are looked up: a directory or URL holding catalog.json (default: outputs/)")
    x = _subparser(sub, "deprecate")
    x.add_argument("version", help="the release to deprecate")
    x.add_argument("--reason", required=True, help="why, shown in catalog.json and on the catalog page")
    x.add_argument("--outputs", type=Path, default=outputs_default,
                   help="the outputs directory holding catalog.json (default: outputs/)")
    n = _subparser(sub, "ner-benchmark")
    n.add_argument("--data", type=Path, default=BENCHMARKS / "ner",
                   help="directory of the test sets (default: ../shared/benchmarks/ner)")
    nb = _subparser(sub, "numbers-benchmark")
    nb.add_argument("--data", type=Path, default=BENCHMARKS / "numbers",
                    help="directory of the number test cases (default: ../shared/benchmarks/numbers)")
    nb.add_argument("--quiet", action="store_true", help="print the per-file shares only, not the failures")
    for bench in (n, nb):
        record = bench.add_mutually_exclusive_group()
        record.add_argument("--no-record", action="store_true",
                            help="do not record the figures in docs/benchmarks.json (which release cards quote)")
        record.add_argument("--record", action="store_true",
                            help="record them even though --data is not the default test sets")
    return top


class _Tee(io.TextIOBase):
    """stdout as it was, and a copy of what was printed (the benchmark's summary line is recorded)."""

    def __init__(self, out):
        self.out, self.copy = out, io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()


def _benchmark(run, args: argparse.Namespace, default_data: Path, **kwargs) -> int:
    """Run a benchmark; its summary line's figures go to docs/benchmarks.json (or $PIPELINE_BENCHMARKS),
    which the next release's card quotes: on the real test sets (the default --data) unless
    --no-record, on other data only with --record (a sample is no figure of the project's)."""
    from pipeline.publish import benchmarks

    tee = _Tee(sys.stdout)
    with contextlib.redirect_stdout(tee):
        code = run(args.data, **kwargs)
    summary = benchmarks.parse_summary(tee.copy.getvalue())
    on_real_data = Path(args.data).resolve() == default_data.resolve()
    if code == 0 and summary and (args.record or (on_real_data and not args.no_record)):
        benchmarks.record(*summary, data_dir=os.path.relpath(args.data, PROJECT_ROOT))
        # On stderr: the summary stays the last line of stdout, for scripts that read it.
        print(f"recorded in {benchmarks.benchmarks_path()}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "numbers-benchmark":
        from pipeline.numbers_benchmark import run as run_numbers

        return _benchmark(run_numbers, args, BENCHMARKS / "numbers", show_failures=not args.quiet)
    if args.command == "ner-benchmark":
        from pipeline.ner_benchmark import run

        return _benchmark(run, args, BENCHMARKS / "ner")
    if args.command == "build":
        return build(args.seeds, args.outputs, args.cache, quiet=args.quiet)
    return {"download": download, "verify": verify, "diff": diff, "deprecate": deprecate}[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

