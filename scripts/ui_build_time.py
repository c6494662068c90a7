"""Time a build of seeds/ launched as the UI, the sensor and the schedule launch it.

That is ``execute_job`` on a Dagster instance in a temporary directory, with the job's own
default executor (no ``execution`` in the run config), not ``execute_in_process`` and not the
shell build's in_process override. Prints ``ui_seed_build_s=…``.

    PYTHONPATH=. .venv/bin/python scripts/ui_build_time.py [--executor in_process|multiprocess]
"""

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--executor", choices=("in_process", "multiprocess"),
                        help="select this executor in run config (default: the job's default)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    import dagster as dg

    from pipeline import definitions
    from pipeline.defs.resources import PipelineSettings

    with tempfile.TemporaryDirectory(prefix="ui-build-") as tmp:
        tmp = Path(tmp)
        settings = PipelineSettings(seeds_dir=str(ROOT / "seeds"), outputs_dir=str(tmp / "outputs"),
                                    cache_dir=str(tmp / "cache"))
        run_config = {**settings.run_config(), "loggers": {"console": {"config": {"log_level": "WARNING"}}}}
        if args.executor:
            run_config["execution"] = {"config": {args.executor: {}}}
        (tmp / "home").mkdir()
        with dg.instance_for_test(temp_dir=str(tmp / "home")) as instance:
            start = time.perf_counter()
            with dg.execute_job(dg.reconstructable(definitions.build_job), instance=instance,
                                run_config=run_config) as result:
                ok = result.success
            seconds = time.perf_counter() - start
    print(f"ui_seed_build_s={seconds:.1f} success={ok} executor={args.executor or 'default'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
