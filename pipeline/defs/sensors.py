"""Launch a build when the sources change."""

import hashlib
import json

import dagster as dg

from pipeline.defs import automation
from pipeline.defs.jobs import build_job
from pipeline.defs.resources import PipelineSettings


@dg.sensor(job=build_job, minimum_interval_seconds=30, default_status=automation.sensor_status(),
           description="Watches the seeds directory and configured collections (names, sizes, mtimes) and "
                       "launches a build when anything changed. Unchanged documents are then served from "
                       "the per-document cache, so a run costs about the changed documents plus the release.")
def sources_changed(context: dg.SensorEvaluationContext, settings: PipelineSettings):
    signature = [(type(s).__name__, s.fingerprint()) for s in settings.sources()]
    fingerprint = hashlib.sha256(json.dumps(signature, default=str).encode()).hexdigest()
    if fingerprint == context.cursor:
        return dg.SkipReason("sources unchanged")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint, run_config=settings.run_config(),
                         tags={"trigger": "sources_changed"})
