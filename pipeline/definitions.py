"""Everything Dagster loads: ``dagster dev``, ``dg dev`` and ``python -m pipeline build`` all start here.

Every definition is found under ``pipeline/defs/``, one small module per concern (assets, checks,
jobs, schedules, sensors, resources), as the ``create-dagster`` scaffold lays a project out. The
scaffold's ``dg.load_from_defs_folder`` finds the defs folder through ``pyproject.toml``'s
``[tool.dg]``, which an installed wheel does not have, so the same loader is called here with the
folder named: ``dg.ComponentTree.from_module`` is what ``load_from_defs_folder`` calls once it has
read the project file.
"""

import warnings
from pathlib import Path

import dagster as dg

import pipeline.defs

with warnings.catch_warnings():
    # The module loader under the defs folder is marked preview in this Dagster version; it is what
    # load_from_defs_folder runs, so its warning would greet every build and ``dagster dev``.
    warnings.simplefilter("ignore", dg.PreviewWarning)
    defs = dg.ComponentTree.from_module(
        defs_module=pipeline.defs, project_root=Path(pipeline.defs.__file__).resolve().parents[2],
    ).build_defs()


def build_job() -> dg.JobDefinition:
    """Module-level accessor for ``dg.reconstructable``: the shell build runs it through ``execute_job``."""
    return defs.resolve_job_def("build")


def build_on_dask_job() -> dg.JobDefinition:
    """Module-level accessor, so that ``dg.reconstructable`` can rebuild the job in Dask workers."""
    return defs.resolve_job_def("build_on_dask")
