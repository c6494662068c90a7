"""Where the build's steps run.

``build`` runs its steps in the run's own process by default, wherever the run comes from (the
UI, the sensor, the schedule, the shell): its steps take 0.1-0.4 s on the seed, and a fresh
process per step costs 3-7 s of interpreter start and imports, so one process per step made a
UI build of the seed take 78-87 s against 5 s now (``scripts/ui_build_time.py``). Dagster's multiprocess executor
stays one line of run config away, for a corpus whose steps outlast a process start::

    execution:
      config:
        multiprocess:
          max_concurrent: 2

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

in_process_or_multiprocess = dg.ExecutorDefinition(
    name="in_process_or_multiprocess",
    # Dagster's multi_or_in_process_executor with the other default: the same config selector
    # (``in_process`` or ``multiprocess``) and the same executors behind it.
    config_schema=dg.Field(dg.multi_or_in_process_executor.config_schema.config_type,
                           default_value={"in_process": {}}),
    executor_creation_fn=dg.multi_or_in_process_executor.executor_creation_fn,
    requirements=dg.multi_or_in_process_executor.get_requirements,
    description="In the run's process by default; ``multiprocess`` in run config for one process per step.",
)


def dask_job(selection: dg.AssetSelection):
    """``build`` on a Dask cluster, or None when the optional ``dask`` extra is not installed."""
    try:
        from dagster_dask import dask_executor
    except ImportError:  # the optional dask extra is not installed
        return None
    return dg.define_asset_job(
        name="build_on_dask", selection=selection, executor_def=dask_executor,
        description="The build job on a Dask cluster (see pipeline/defs/executors.py for the run config).",
    )
