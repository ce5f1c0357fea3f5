"""fentdash: what US officials said about the fentanyl crisis, dated and checked against CDC data.

Entry points: ``parse_paths`` (files -> ParsedCorpus), ``parse_document`` (one article),
``to_frames`` (DataFrames for the dashboard) and ``to_contract`` (the CLI's JSON).
"""

from .pipeline import ParsedCorpus, parse_document, parse_paths, to_contract, to_frames
from .version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "ParsedCorpus", "parse_document", "parse_paths", "to_contract", "to_frames"]
