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
IO manager passes step outputs through it), e.g. a network file system. Each unit of documents
(``PIPELINE_UNITS``, ``pipeline/defs/assets.py``) is a step of its own, so units run on any worker
side by side.
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


def _spread_dask_executor() -> dg.ExecutorDefinition:
    """dagster-dask's executor, with its config, submitting each step once its upstream steps are done.

    The stock executor submits every step at once with its upstream steps' futures as Dask
    dependencies, and Dask then runs a step on the worker holding those futures: every unit that
    follows one step lands on that step's worker, and a second worker idles. The steps pass their
    data through the IO manager's shared storage, never through Dask, so the dependency buys no
    locality: submitted when ready and without dependencies, steps go to the least busy worker.
    """
    import dask.distributed
    from dagster._core.errors import raise_execution_interrupts
    from dagster._utils import iterate_with_context
    from dagster_dask.executor import DaskExecutor, dask_executor, get_dask_resource_requirements, query_on_dask_worker

    class SpreadDaskExecutor(DaskExecutor):
        def execute(self, plan_context, execution_plan):
            if self.cluster_type not in ("existing", "local"):
                yield from super().execute(plan_context, execution_plan)
                return
            job_name = plan_context.job_name
            if self.cluster_type == "existing":
                cluster = self.cluster_configuration["address"]
            else:
                cluster = dask.distributed.LocalCluster(**self.build_dict(job_name))
            steps = {s.key: s for level in execution_plan.get_steps_to_execute_by_level() for s in level}
            waiting = {key: {d for i in step.step_inputs for d in i.dependency_keys if d in steps}
                       for key, step in steps.items()}
            instance_ref = plan_context.instance.get_ref()
            with dask.distributed.Client(cluster) as client:
                running: dict[str, str] = {}
                completed = dask.distributed.as_completed(with_results=True)

                def submit_ready() -> None:
                    for key in [k for k, deps in waiting.items() if not deps]:
                        del waiting[key]
                        future = client.submit(
                            query_on_dask_worker, [], plan_context.reconstructable_job, plan_context.dagster_run,
                            plan_context.run_config, [key], instance_ref, execution_plan.known_state,
                            key=f"{job_name}.{key}", pure=False,
                            resources=get_dask_resource_requirements(steps[key].tags))
                        running[future.key] = key
                        completed.add(future)

                submit_ready()
                for future, events in iterate_with_context(raise_execution_interrupts, completed):
                    done = running.pop(future.key)
                    yield from events
                    for deps in waiting.values():
                        deps.discard(done)
                    submit_ready()

    return dg.ExecutorDefinition(
        name="dask", config_schema=dask_executor.config_schema, requirements=dask_executor.get_requirements,
        executor_creation_fn=lambda init_context: SpreadDaskExecutor(
            *next(iter(init_context.executor_config["cluster"].items()))),
        description="dagster-dask's executor; each step is submitted when ready, to the least busy worker.")


def dask_job(selection: dg.AssetSelection):
    """``build`` on a Dask cluster, one unit of documents per task, or None when the optional ``dask``
    extra is not installed."""
    try:
        executor_def = _spread_dask_executor()
    except ImportError:  # the optional dask extra is not installed
        return None
    return dg.define_asset_job(
        name="build_on_dask", selection=selection, executor_def=executor_def,
        description="The build job on a Dask cluster, one unit of documents per task "
                    "(see pipeline/defs/executors.py for the run config).",
    )
