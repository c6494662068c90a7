"""The Dagster layer: thin glue that calls the core stages and attaches metadata."""
