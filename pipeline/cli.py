"""Command line: ``python -m pipeline build [--seeds DIR] [--outputs DIR]``."""

from __future__ import annotations

import argparse
import os
import sys
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


def build(seeds: Path, outputs: Path) -> int:
    _dagster_home()
    warnings.filterwarnings("ignore")
    import dagster as dg

    from pipeline.definitions import defs

    if not seeds.is_dir():
        print(f"error: seeds directory {seeds} does not exist", file=sys.stderr)
        return 2
    instance = dg.DagsterInstance.get()
    job = defs.resolve_job_def("build")
    run_config = {"resources": {"settings": {"config": {"seeds_dir": str(seeds.resolve()),
                                                        "outputs_dir": str(outputs.resolve())}}},
                  "loggers": {"console": {"config": {"log_level": os.environ.get("PIPELINE_LOG_LEVEL", "WARNING")}}}}
    result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="run the whole asset graph and publish a release")
    b.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds", help="input directory (default: seeds/)")
    b.add_argument("--outputs", type=Path, default=PROJECT_ROOT / "outputs",
                   help="where releases and catalog.json go (default: outputs/)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.seeds, args.outputs)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

