"""Check a file line by line: the core of `flask check-language FILE`."""

from collections.abc import Callable, Iterable, Iterator

from feedback.language.checker import Finding, check_language
from feedback.language.glossary import Glossary

_KIND_NAMES = {
    "acronym": "acronym",
    "jargon": "jargon",
    "blaming": "blaming or labelling",
    "cold": "cold word",
    "reading-level": "reading level",
    "long-sentence": "long sentence",
}


def check_lines(
    lines: Iterable[str], audience: str | None = None, glossary: Glossary | None = None
) -> Iterator[tuple[int, str, list[Finding]]]:
    """Yield (line number from 1, line, findings) for each line."""
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        yield number, line, check_language(line, audience, glossary)


def write_findings(
    lines: Iterable[str],
    write: Callable[[str], object],
    audience: str | None = None,
    glossary: Glossary | None = None,
) -> int:
    """Write each finding, line by line, then a summary; return the number of findings."""
    total = flagged = count = 0
    for number, _line, findings in check_lines(lines, audience, glossary):
        count = number
        if findings:
            flagged += 1
        for finding in findings:
            total += 1
            phrase = finding.phrase if len(finding.phrase) <= 60 else finding.phrase[:57] + "..."
            kind = _KIND_NAMES[finding.kind]
            write(f"line {number}, column {finding.start + 1}: “{phrase}” ({kind})")
            write(f"    why: {finding.reason}")
            write(f"    try: {finding.suggestion}")
    plural = "" if total == 1 else "s"
    write(f"{total} finding{plural} on {flagged} of {count} line{'' if count == 1 else 's'}.")
    return total
