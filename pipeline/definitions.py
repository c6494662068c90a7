"""Everything Dagster loads: ``dagster dev`` and ``python -m pipeline build`` both start here."""

import dagster as dg

from pipeline.defs import assets, checks, executors, jobs, schedules, sensors
from pipeline.defs.resources import PipelineSettings

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=checks.TABLE_CHECKS + checks.QUALITY_CHECKS,
    jobs=[j for j in (jobs.build_job, executors.dask_job()) if j is not None],
    schedules=[schedules.daily_build],
    sensors=[sensors.sources_changed],
    resources={"settings": PipelineSettings()},
)


def build_job() -> dg.JobDefinition:
    """Module-level accessor for ``dg.reconstructable``: the shell build runs it through ``execute_job``."""
    return defs.resolve_job_def("build")


def build_on_dask_job() -> dg.JobDefinition:
    """Module-level accessor, so that ``dg.reconstructable`` can rebuild the job in Dask workers."""
    return defs.resolve_job_def("build_on_dask")
