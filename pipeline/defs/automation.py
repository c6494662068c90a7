"""Whether the sensor and the schedule start running or stopped.

Stopped by default, as Dagster users expect: a UI opened only to look launches nothing. Turn
them on in the UI (Automation), with ``dagster sensor start sources_changed`` and
``dagster schedule start daily_build``, or for a whole deployment with ``PIPELINE_AUTOMATION=on``
in the environment of the code location (the default then is running; a state set in the UI
or by the CLI still wins).
"""

import os

import dagster as dg

SETTING = "PIPELINE_AUTOMATION"


def enabled() -> bool:
    return os.environ.get(SETTING, "").strip().lower() in ("1", "on", "true", "yes")


def sensor_status() -> dg.DefaultSensorStatus:
    return dg.DefaultSensorStatus.RUNNING if enabled() else dg.DefaultSensorStatus.STOPPED


def schedule_status() -> dg.DefaultScheduleStatus:
    return dg.DefaultScheduleStatus.RUNNING if enabled() else dg.DefaultScheduleStatus.STOPPED
