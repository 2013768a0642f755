"""Language that cares: find jargon, acronyms, blaming and cold words, and text that
is too hard to read for its audience. The words themselves live in
feedback/language_glossary.toml so that participation leads can read and extend them.
"""

from feedback.language.checker import Finding, check_language
from feedback.language.glossary import (
    Glossary,
    GlossaryError,
    UnknownAudience,
    default_glossary,
    load_glossary,
)
from feedback.language.lines import check_lines, write_findings
from feedback.language.readability import reading_age

__all__ = [
    "Finding",
    "Glossary",
    "GlossaryError",
    "UnknownAudience",
    "check_language",
    "check_lines",
    "default_glossary",
    "load_glossary",
    "reading_age",
    "write_findings",
]
