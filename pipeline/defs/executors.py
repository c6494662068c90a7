"""Where the build's steps run.

``build`` uses Dagster's multiprocess executor (one process per step on this machine).
``build_on_dask`` runs the same assets and checks on a Dask cluster through Dagster's own
``dagster-dask`` executor (install the ``dask`` extra). Point it at a running cluster with
run config::

    execution:
      config:
        cluster:
          existing:
            address: "tcp://scheduler.example:8786"

Workers must import this package and share the Dagster instance's storage directory (the
IO manager passes step outputs through it), e.g. a network file system.
"""

import dagster as dg

from pipeline.defs.jobs import JOB_SELECTION


def dask_job():
    try:
        from dagster_dask import dask_executor
    except ImportError:  # the optional dask extra is not installed
        return None
    return dg.define_asset_job(
        name="build_on_dask", selection=JOB_SELECTION, executor_def=dask_executor,
        description="The build job on a Dask cluster (see pipeline/defs/executors.py for the run config).",
    )
