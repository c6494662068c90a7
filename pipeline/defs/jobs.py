"""The main job: every asset and check, from the sources to a published release."""

import dagster as dg

JOB_SELECTION = dg.AssetSelection.all()

# One process per step by default (the UI, schedules); ``python -m pipeline build`` asks for
# in_process in its run config, which spares a cold interpreter per step on small inputs.
build_job = dg.define_asset_job(
    name="build", selection=JOB_SELECTION, executor_def=dg.multi_or_in_process_executor,
    description="Ingest the sources, split, extract, validate and publish a release.",
)
