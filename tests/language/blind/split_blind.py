"""Split language-blind.tsv into a tune half and a held-out half (seed 16).

Run from the repository root: ``python tests/language/blind/split_blind.py``.
Each label is shuffled on its own and cut in two, so both halves keep the
same share of flagged lines; re-running gives the same files.
"""

import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 16


def main() -> None:
    lines = (HERE / "language-blind.tsv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], [line for line in lines[1:] if line.strip()]
    rng = random.Random(SEED)
    tune, heldout = [], []
    for flag in ("1", "0"):
        group = [row for row in rows if row.split("\t", 1)[0] == flag]
        rng.shuffle(group)
        half = (len(group) + 1) // 2
        tune += group[:half]
        heldout += group[half:]
    for name, part in (("tune", tune), ("heldout", heldout)):
        text = "\n".join([header, *part]) + "\n"
        (HERE / f"language-blind-{name}.tsv").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
