"""Measure the screen and the sentiment on a labelled corpus, by kind of harm.

    python -m feedback.analysis.evaluate tests/analysis/corpus/safeguarding-heldout.tsv \
        tests/analysis/corpus/sentiment-heldout.tsv

A safeguarding file has the columns kind, label (1 = a lead must see it) and text; a
sentiment file has label and text. Prints recall and precision (overall and by kind),
sentiment accuracy, and with ``--misses`` each comment read wrongly.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from feedback.analysis.comment import analyse_comment


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line."""
    with Path(path).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def safeguarding_figures(rows: list[dict[str, str]]) -> dict:
    """Recall and precision overall, and caught/total and false alarms by kind."""
    caught, total, false_alarms, safe, misses = Counter(), Counter(), Counter(), Counter(), []
    for row in rows:
        kind, must_flag = row.get("kind", "all"), row["label"] == "1"
        flagged = analyse_comment(row["text"]).safeguarding
        if must_flag:
            total[kind] += 1
            caught[kind] += flagged
        else:
            safe[kind] += 1
            false_alarms[kind] += flagged
        if flagged != must_flag:
            misses.append((row["label"], kind, row["text"]))
    hits, positives = sum(caught.values()), sum(total.values())
    flagged_count = hits + sum(false_alarms.values())
    return {
        "recall": hits / positives if positives else 0.0,
        "precision": hits / flagged_count if flagged_count else 0.0,
        "by_kind": {
            k: (caught[k], total[k], false_alarms[k], safe[k]) for k in sorted(total | safe)
        },
        "misses": misses,
    }


def sentiment_figures(rows: list[dict[str, str]]) -> dict:
    """Accuracy overall and by label."""
    right, total, misses = Counter(), Counter(), []
    for row in rows:
        got = analyse_comment(row["text"]).sentiment
        total[row["label"]] += 1
        right[row["label"]] += got == row["label"]
        if got != row["label"]:
            misses.append((row["label"], got, row["text"]))
    return {
        "accuracy": sum(right.values()) / max(1, sum(total.values())),
        "by_label": {k: (right[k], total[k]) for k in sorted(total)},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list each comment read wrongly")
    args = parser.parse_args(argv)
    for path in args.files:
        rows = read_tsv(path)
        if "kind" in rows[0] or set(rows[0]["label"]) <= {"0", "1"}:
            figures = safeguarding_figures(rows)
            print(f"{path}: recall {figures['recall']:.2f}, precision {figures['precision']:.2f}")
            for kind, (hit, total, false, safe) in figures["by_kind"].items():
                print(f"  {kind:20} caught {hit}/{total}  false alarms {false}/{safe}")
        else:
            figures = sentiment_figures(rows)
            print(f"{path}: sentiment accuracy {figures['accuracy']:.2f}")
            for label, (hit, total) in figures["by_label"].items():
                print(f"  {label:10} {hit}/{total}")
        if args.misses:
            for miss in figures["misses"]:
                print("   MISS", *miss, sep=" | ")


if __name__ == "__main__":
    main()
