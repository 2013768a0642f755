"""Score the language checker on a labelled flag<TAB>text file.

Run from the repository root:
    .venv/bin/python -m tests.language.blind.score \
        tests/language/blind/language-blind-tune.tsv --misses
Prints accuracy, the share of flagged lines found (recall) and false alarms.
"""

import sys
from dataclasses import dataclass, field
from pathlib import Path

from feedback.language import check_language


@dataclass
class Score:
    """How the checker did on one labelled file."""

    total: int = 0
    right: int = 0
    flagged: int = 0
    found: int = 0
    plain: int = 0
    false_alarms: int = 0
    misses: list[tuple[bool, str, list[str]]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.flagged if self.flagged else 0.0


def score(path: Path) -> Score:
    """Run check_language (no audience, as the labelled sets are judged) on every line."""
    result = Score()
    for row in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not row.strip():
            continue
        flag, text = row.split("\t", 1)
        should_flag = flag == "1"
        phrases = [f.phrase for f in check_language(text)]
        result.total += 1
        result.flagged += should_flag
        result.plain += not should_flag
        result.found += should_flag and bool(phrases)
        result.false_alarms += (not should_flag) and bool(phrases)
        if bool(phrases) == should_flag:
            result.right += 1
        else:
            result.misses.append((should_flag, text, phrases))
    return result


def main(argv: list[str]) -> None:
    show_misses = "--misses" in argv
    for name in (a for a in argv if not a.startswith("--")):
        s = score(Path(name))
        print(
            f"{name}: accuracy {s.right}/{s.total} = {s.accuracy:.1%}; "
            f"flagged found {s.found}/{s.flagged} = {s.recall:.1%}; "
            f"false alarms {s.false_alarms}/{s.plain}"
        )
        if show_misses:
            for should_flag, text, phrases in s.misses:
                label = "MISSED " if should_flag else "FALSE ALARM " + repr(phrases) + " "
                print(f"  {label}{text}")


if __name__ == "__main__":
    main(sys.argv[1:])
