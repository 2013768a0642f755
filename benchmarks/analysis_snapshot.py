"""Write what ``analyse_comment`` says about many comments, to compare before and after.

Run from the repository root, before and after a change meant only to make the
analysis faster, and compare the two files (they must be the same, byte for byte):

    python benchmarks/analysis_snapshot.py /tmp/before.txt
    python benchmarks/analysis_snapshot.py /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt

The comments: every text in the analysis test data (tests/analysis/**/*.tsv,
tests/language/*.tsv, the shared example files), every string written in the analysis
tests, each of those in capitals and in lower case without apostrophes, and the
benchmark corpus (``analysis_throughput.corpus(20000)``).
"""

import ast
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.analysis_throughput import DATA_DIRS, corpus  # noqa: E402
from feedback.analysis import analyse_comment  # noqa: E402


def _tsv_texts() -> list[str]:
    files = sorted((ROOT / "tests" / "analysis").rglob("*.tsv"))
    files += sorted((ROOT / "tests" / "language").glob("*.tsv"))
    for data_dir in DATA_DIRS:
        if data_dir.is_dir():
            files += sorted(data_dir.glob("*.tsv"))
            break
    texts = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
        texts += [row[-1] for row in rows[1:] if row]
    return texts


def _test_strings() -> list[str]:
    """Every string literal in the analysis tests: the cases someone thought about."""
    texts = []
    for path in sorted((ROOT / "tests" / "analysis").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
    return texts


def comments() -> list[str]:
    """The comments compared, in a fixed order."""
    base = list(dict.fromkeys(_tsv_texts() + _test_strings()))
    varied = [text.upper() for text in base] + [text.lower().replace("'", "") for text in base]
    return base + varied + corpus(20_000) + ["scared " * 3000, "", " ", "\u200b", "😢"]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/analysis-snapshot.txt")
    texts = comments()
    with out.open("w", encoding="utf-8") as file:
        for text in texts:
            found = analyse_comment(text)
            file.write(
                f"{text[:200]!r}\t{found.sentiment}\t{found.polarity!r}\t{found.safeguarding}"
                f"\t{found.reasons!r}\t{found.themes!r}\t{found.language!r}\n"
            )
    print(f"{len(texts)} comments written to {out}")


if __name__ == "__main__":
    main()
