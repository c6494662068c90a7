"""Where inputs come from, where releases go, and where per-document results are cached."""

from pathlib import Path

import dagster as dg

from pipeline.cache import DocumentCache
from pipeline.ingest.sources import DirectorySource, JsonlSource, Source

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class PipelineSettings(dg.ConfigurableResource):
    """Relative paths are taken from the project root.

    ``seeds_dir`` holds text files (with optional sidecars) and JSONL collections;
    ``collections`` names further JSONL collections anywhere on disk (gzip allowed).
    """

    seeds_dir: str = "seeds"
    collections: list[str] = []
    outputs_dir: str = "outputs"
    cache_dir: str = ".cache"

    def _resolve(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else PROJECT_ROOT / path

    @property
    def seeds(self) -> Path:
        return self._resolve(self.seeds_dir)

    @property
    def outputs(self) -> Path:
        return self._resolve(self.outputs_dir)

    def sources(self) -> list[Source]:
        return [DirectorySource(self.seeds)] + [JsonlSource(self._resolve(c)) for c in self.collections]

    def cache(self) -> DocumentCache:
        return DocumentCache(self._resolve(self.cache_dir) if self.cache_dir else None)

    def unit_cache(self) -> DocumentCache:
        """Whole units' tables, keyed by their documents: an unchanged unit is one read."""
        return DocumentCache(self._resolve(self.cache_dir) / "units" if self.cache_dir else None)

    def run_config(self) -> dict:
        """This configuration as run config, so that a launched run uses exactly these paths."""
        return {"resources": {"settings": {"config": {
            "seeds_dir": str(self.seeds), "collections": [str(self._resolve(c)) for c in self.collections],
            "outputs_dir": str(self.outputs), "cache_dir": str(self._resolve(self.cache_dir)) if self.cache_dir else "",
        }}}}


@dg.definitions
def resources() -> dg.Definitions:
    """The ``settings`` every asset, check and sensor reads (sources, outputs, cache), defaults as above."""
    return dg.Definitions(resources={"settings": PipelineSettings()})
