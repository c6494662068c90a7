"""Chinese government and policy text to versioned open datasets.

Stages, one sub-package each: ingest -> sections -> extract -> validate -> publish.
The Dagster layer (``definitions.py`` and ``defs/``) only wires these together.
"""

__version__ = "0.1.0"

# The human-readable release label. What made a row is derived from the code itself
# (pipeline/code_versions.py): rows, assets and the cache carry "<label>+<stage hash>",
# so forgetting to bump this no longer serves stale cached rows.
CODE_VERSION = "2026.12.02-4"
