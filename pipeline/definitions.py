"""Everything Dagster loads: ``dagster dev`` and ``python -m pipeline build`` both start here."""

import dagster as dg

from pipeline.defs import assets, checks, jobs
from pipeline.defs.resources import PipelineSettings

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=checks.TABLE_CHECKS,
    jobs=[jobs.build_job],
    resources={"settings": PipelineSettings()},
)
