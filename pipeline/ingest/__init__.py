"""Stage 1, ingest: read sources, decode, normalise, repair page breaks, flag defects."""

from pipeline.ingest.documents import IngestedDocument, ingest_record
from pipeline.ingest.sources import SourceRecord, read_seeds

__all__ = ["IngestedDocument", "SourceRecord", "ingest_record", "read_seeds"]
