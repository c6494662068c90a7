"""Stage 4, validate: Great Expectations suites derived from ``pipeline/schemas/``, one per table."""

from pipeline.validate.suites import ValidationReport, validate_table

__all__ = ["ValidationReport", "validate_table"]
