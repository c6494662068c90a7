"""Chinese government and policy text to versioned open datasets.

Stages, one sub-package each: ingest -> sections -> extract -> validate -> publish.
The Dagster layer (``definitions.py`` and ``defs/``) only wires these together.
"""

__version__ = "0.1.0"

# Bump when parsing or extraction logic changes: it is stamped on every published
# row and is the code_version of every asset, so stale data shows up in the UI.
CODE_VERSION = "2026.12.01-9"
