"""How many comments a second ``analyse_comment`` handles on one core.

Run from the repository root:

    python benchmarks/analysis_throughput.py [--comments 20000]

The corpus mixes short answers, long comments, misspellings, emoji, hidden characters
and disclosures, built from the labelled examples plus variations, so the regular
expressions see realistic text. Nothing here asserts on time: it prints figures.

The machine is shared, so the figures are CPU time of this thread (``time.thread_time``),
and the comments are measured in chunks, each chunk run back to back through
``analyse_comment`` and two fixed baselines: a plain tokenise pass (one regular
expression) and TextBlob polarity. The ratio of each chunk's costs moves less than the
raw figure when other work slows the whole machine down; the median chunk's is printed.
"""

import argparse
import csv
import random
import re
import statistics
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


_PLAIN_WORDS = re.compile(r"\w+")
CHUNKS = 8


def plain_tokenise(text: str) -> int:
    """The fixed baseline: split a comment into lower-case words, nothing more."""
    return len(_PLAIN_WORDS.findall(text.casefold()))


def _cpu_seconds(function, comments: list[str]) -> float:
    started = time.thread_time()
    for comment in comments:
        function(comment)
    return time.thread_time() - started


def _measure(comments: list[str]) -> dict[str, list[float]]:
    """CPU seconds of each function on each chunk, the three run back to back."""
    chunks = [comments[i::CHUNKS] for i in range(CHUNKS)]
    functions = {
        "ours": analyse_comment,
        "plain": plain_tokenise,
        "textblob": lambda text: TextBlob(text).sentiment.polarity,
    }
    return {
        name: [_cpu_seconds(function, chunk) for chunk in chunks]
        for name, function in functions.items()
    } | {"sizes": [len(chunk) for chunk in chunks]}


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

    wall = time.perf_counter()
    seconds = _measure(comments)
    wall = time.perf_counter() - wall
    ours = len(comments) / sum(seconds["ours"])
    per_chunk = [size / cpu for size, cpu in zip(seconds["sizes"], seconds["ours"], strict=True)]
    plain_ratio = statistics.median(
        o / p for o, p in zip(seconds["ours"], seconds["plain"], strict=True)
    )
    textblob_ratio = statistics.median(
        t / o for o, t in zip(seconds["ours"], seconds["textblob"], strict=True)
    )
    flagged = sum(analyse_comment(text).safeguarding for text in comments[:2000])
    mean_length = sum(map(len, comments)) / len(comments)

    print(f"comments: {len(comments)} (mean {mean_length:.0f} characters, one thread)")
    print(
        f"analyse_comment (sentiment + safeguarding + themes): {ours:,.0f} comments/s"
        f" per CPU-second of one core ({1e6 / ours:.0f} µs a comment;"
        f" chunks of {len(comments) // CHUNKS}: {min(per_chunk):,.0f} to {max(per_chunk):,.0f})"
    )
    print(
        f"plain tokenise pass: {len(comments) / sum(seconds['plain']):,.0f} comments/s per"
        f" CPU-second; analyse_comment costs {plain_ratio:.0f} times as much (median chunk)"
    )
    print(
        f"TextBlob(text).sentiment.polarity: {len(comments) / sum(seconds['textblob']):,.0f}"
        f" comments/s per CPU-second; analyse_comment / TextBlob speed: {textblob_ratio:.2f}"
    )
    cpu = sum(sum(seconds[name]) for name in ("ours", "plain", "textblob"))
    busy = " (well under 100%: a busy machine)" if cpu / wall < 0.8 else ""
    print(f"CPU time / wall time this run: {cpu / wall:.0%}{busy}")
    verdict = "met" if ours >= 2000 else "NOT met"
    print(f"target: at least 2,000 comments a second on one core -> {verdict}")
    print(f"(flagged for safeguarding in the first 2,000: {flagged})")
    for long_text in ("scared " * 3000, "my worker is ace and she listens. " * 600):
        started = time.process_time()
        analyse_comment(long_text)
        took = time.process_time() - started
        print(f"one {len(long_text):,}-character comment ({long_text[:12]!r}...): {took:.2f} s")


if __name__ == "__main__":
    main()
