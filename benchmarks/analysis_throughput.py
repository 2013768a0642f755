"""How many comments a second ``analyse_comment`` handles on one core.

Run from the repository root:

    python benchmarks/analysis_throughput.py [--comments 20000]

The corpus mixes short answers, long comments, misspellings, emoji, hidden characters
and disclosures, built from the labelled examples plus variations, so the regular
expressions see realistic text. The baseline is plain TextBlob polarity in the same
process, on the same comments. Nothing here asserts on time: it prints figures.
"""

import argparse
import csv
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textblob import TextBlob  # noqa: E402

from feedback.analysis import analyse_comment  # noqa: E402

DATA_DIRS = [ROOT.parent / "shared" / "data", Path("/work/shared/data")]
EXTRA_DIR = ROOT / "tests" / "analysis"
OPENERS = ["", "i think ", "honestly ", "to be honest ", "my worker ", "sometimes "]
CLOSERS = ["", ".", "!!", " lol", " 😊", " 😡", " thanks", " and that's it", "..."]
LONG_TAIL = (
    " We had a meeting at school last week and my mum came, and my nan, and the"
    " teacher, and we talked about the plan and what happens next with family time."
)


def _examples() -> list[str]:
    texts = []
    data_dir = next((d for d in DATA_DIRS if d.is_dir()), None)
    files = [EXTRA_DIR / "extra_sentiment.tsv", EXTRA_DIR / "extra_safeguarding.tsv"]
    files += sorted((EXTRA_DIR / "corpus").glob("*.tsv"))  # every kind, other languages too
    if data_dir:
        files += [data_dir / "sentiment-examples.tsv", data_dir / "safeguarding-examples.tsv"]
    for path in files:
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
        texts += [row[-1] for row in rows[1:] if len(row) > 1]  # the text is the last column
    return texts


def _vary(text: str, rng: random.Random) -> str:
    text = rng.choice(OPENERS) + text + rng.choice(CLOSERS)
    roll = rng.random()
    if roll < 0.15:
        text = text.lower().replace("'", "")
    elif roll < 0.20:
        cut = rng.randrange(1, max(2, len(text)))
        text = text[:cut] + "\u200b" + text[cut:]
    elif roll < 0.30:
        text += LONG_TAIL
    elif roll < 0.33:
        text = text.upper()
    return text


def corpus(size: int, seed: int = 7) -> list[str]:
    """Build ``size`` realistic, varied comments (the same ones for the same seed)."""
    rng = random.Random(seed)
    examples = _examples()
    return [_vary(rng.choice(examples), rng) for _ in range(size)]


def _rate(function, comments: list[str]) -> tuple[float, float]:
    """Comments a second by the wall clock and by this process's CPU time.

    The CPU-time figure is what one core does even when other work shares the machine.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    for comment in comments:
        function(comment)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(comments) / wall, len(comments) / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=20_000)
    args = parser.parse_args()
    comments = corpus(args.comments)
    analyse_comment("warm up the caches")  # rule files are read once per process
    started = time.process_time()
    analyse_comment("Mój tata mnie bije kiedy pije")  # builds the language detector, once
    print(f"language detector built in {time.process_time() - started:.2f} s (once per process)")
    TextBlob("warm up").sentiment  # noqa: B018 - loads TextBlob's lexicon

    ours = _rate(analyse_comment, comments)
    baseline = _rate(lambda text: TextBlob(text).sentiment.polarity, comments)
    flagged = sum(analyse_comment(text).safeguarding for text in comments[:2000])
    mean_length = sum(map(len, comments)) / len(comments)

    print(f"comments: {len(comments)} (mean {mean_length:.0f} characters, one process)")
    print(
        f"analyse_comment (sentiment + safeguarding + themes): {ours[1]:,.0f} comments/s"
        f" per CPU-second of one core ({ours[0]:,.0f} by the wall clock)"
    )
    print(
        f"baseline TextBlob(text).sentiment.polarity: {baseline[1]:,.0f} comments/s"
        f" per CPU-second ({baseline[0]:,.0f} by the wall clock)"
    )
    print(f"ratio analyse_comment / baseline: {ours[1] / baseline[1]:.2f} (CPU time)")
    verdict = "met" if ours[1] >= 2000 else "NOT met"
    print(f"target: at least 2,000 comments a second on one core -> {verdict}")
    print(f"(flagged for safeguarding in the first 2,000: {flagged})")
    for long_text in ("scared " * 3000, "my worker is ace and she listens. " * 600):
        started = time.process_time()
        analyse_comment(long_text)
        took = time.process_time() - started
        print(f"one {len(long_text):,}-character comment ({long_text[:12]!r}...): {took:.2f} s")


if __name__ == "__main__":
    main()
