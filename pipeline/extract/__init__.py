"""Stage 3, extract: metrics and people, every row tied to the characters it came from."""

from pipeline.extract.metrics import Metric, extract_metrics
from pipeline.extract.people import PersonMention, extract_people

__all__ = ["Metric", "PersonMention", "extract_metrics", "extract_people"]
