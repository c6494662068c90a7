"""A daily build and publication, on Beijing time."""

import dagster as dg

from pipeline.defs import automation
from pipeline.defs.jobs import build_job

daily_build = dg.ScheduleDefinition(
    name="daily_build", job=build_job, cron_schedule="0 6 * * *", execution_timezone="Asia/Shanghai",
    default_status=automation.schedule_status(),  # stopped unless PIPELINE_AUTOMATION=on
    description="Build and publish every morning at 06:00 Asia/Shanghai; publishes nothing new if nothing changed.",
)
