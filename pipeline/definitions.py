"""Everything Dagster loads: ``dagster dev`` and ``python -m pipeline build`` both start here."""

import dagster as dg

from pipeline.defs import assets, checks, jobs, schedules, sensors
from pipeline.defs.resources import PipelineSettings

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=checks.TABLE_CHECKS,
    jobs=[jobs.build_job],
    schedules=[schedules.daily_build],
    sensors=[sensors.sources_changed],
    resources={"settings": PipelineSettings()},
)
