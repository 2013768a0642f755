"""Shared helpers for the analysis tests: where the labelled examples live."""

import csv
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def shared_data_dir() -> Path:
    """The project's ``shared/data`` folder, which sits beside the repository."""
    beside_repo = HERE.parents[2] / "shared" / "data"
    return beside_repo if beside_repo.is_dir() else Path("/work/shared/data")


def read_examples(path: Path) -> list[tuple[str, str]]:
    """Read a label<TAB>text file with a header line."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(label, text) for label, text in rows[1:] if text.strip()]


@pytest.fixture(scope="session")
def shared_sentiment() -> list[tuple[str, str]]:
    return read_examples(shared_data_dir() / "sentiment-examples.tsv")


@pytest.fixture(scope="session")
def shared_safeguarding() -> list[tuple[str, str]]:
    return read_examples(shared_data_dir() / "safeguarding-examples.tsv")


@pytest.fixture(scope="session")
def extra_sentiment() -> list[tuple[str, str]]:
    return read_examples(HERE / "extra_sentiment.tsv")


@pytest.fixture(scope="session")
def extra_safeguarding() -> list[tuple[str, str]]:
    return read_examples(HERE / "extra_safeguarding.tsv")
