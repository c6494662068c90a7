"""Where inputs come from and releases go, configurable per run."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class PipelineSettings(dg.ConfigurableResource):
    """Seeds and outputs directories; relative paths are taken from the project root."""

    seeds_dir: str = "seeds"
    outputs_dir: str = "outputs"

    def _resolve(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else PROJECT_ROOT / path

    @property
    def seeds(self) -> Path:
        return self._resolve(self.seeds_dir)

    @property
    def outputs(self) -> Path:
        return self._resolve(self.outputs_dir)
