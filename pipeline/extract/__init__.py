"""Stage 3, extract: what the sections say, every row tied to the characters it came from.

- ``metrics`` (with ``numbers``, ``units``, ``subjects``): quantities, their units, qualifiers,
  changes, base periods and whether they are targets or achievements;
- ``people``: people named with an office, their organisation and titles;
- ``tagger``, ``ner_features`` and ``ner``: the compiled CRF tagger and the named-entity mentions
  (people, places, organisations) that ``mentions`` combines with the people found;
- ``script``: traditional-character text read through OpenCC, with offsets kept;
- ``rows``, ``people_rows`` and ``entities``: the published rows built from all of these.
"""

from pipeline.extract.metrics import Metric, extract_metrics
from pipeline.extract.people import PersonMention, extract_people

__all__ = ["Metric", "PersonMention", "extract_metrics", "extract_people"]
