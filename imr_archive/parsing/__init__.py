"""Letter parsing: text in, ParsedLetter out. Pure Python; no Django import.

Stages, one module each: extract (bytes -> text) -> clean (PDF debris) ->
layout (which of the four layouts, and its sections) -> fields (dates,
reviewer, patient, diagnoses) -> issues (items and outcomes) -> citations.
"""

from imr_archive.parsing.extract import ExtractionError, extract_text
from imr_archive.parsing.parser import PARSER_VERSION, parse_text
from imr_archive.parsing.result import Citation, Issue, ParsedLetter, RecordReviewed

__all__ = [
    "PARSER_VERSION",
    "Citation",
    "ExtractionError",
    "Issue",
    "ParsedLetter",
    "RecordReviewed",
    "extract_text",
    "parse_text",
]
