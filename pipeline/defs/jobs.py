"""The main job: every asset and check, from the sources to a published release."""

import dagster as dg

JOB_SELECTION = dg.AssetSelection.all()

build_job = dg.define_asset_job(
    name="build", selection=JOB_SELECTION, executor_def=dg.multiprocess_executor,
    description="Ingest the sources, split, extract, validate and publish a release.",
)
