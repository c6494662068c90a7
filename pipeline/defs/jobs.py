"""The main job: every asset and check, from the seeds to a published release."""

import dagster as dg

build_job = dg.define_asset_job(
    name="build",
    selection=dg.AssetSelection.all(),
    description="Ingest the seeds, split, extract, validate and publish a release.",
)
