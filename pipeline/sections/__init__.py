"""Stage 2, sections: split a document into lead, interviews, articles and banners."""

from pipeline.sections.roles import Role, parse_role
from pipeline.sections.split import Section, split_sections

__all__ = ["Role", "Section", "parse_role", "split_sections"]
