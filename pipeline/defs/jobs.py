"""The main job, every asset and check from the sources to a published release, and the same on Dask."""

import dagster as dg

from pipeline.defs.executors import dask_job, in_process_or_multiprocess

JOB_SELECTION = dg.AssetSelection.all()

# In the run's process by default, so a run from the UI or the schedule costs what a shell build
# costs; ``execution: {config: {multiprocess: {}}}`` in run config gives one process per step.
build_job = dg.define_asset_job(
    name="build", selection=JOB_SELECTION, executor_def=in_process_or_multiprocess,
    description="Ingest the sources, split, extract, validate and publish a release.",
)

# None without the optional dask extra (nothing to load then).
build_on_dask_job = dask_job(JOB_SELECTION)
