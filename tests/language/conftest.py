from pathlib import Path

import pytest


def _shared_data() -> Path:
    """The shared labelled data: beside the repository, or at /work/shared/data."""
    beside = Path(__file__).resolve().parents[3] / "shared" / "data"
    return beside if beside.is_dir() else Path("/work/shared/data")


def read_labelled(path: Path) -> list[tuple[bool, str]]:
    """Read a flag<TAB>text file (with a header line) as (should_flag, text) pairs."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [(flag == "1", text) for flag, text in (row.split("\t", 1) for row in rows if row)]


@pytest.fixture(scope="session")
def shared_examples() -> list[tuple[bool, str]]:
    return read_labelled(_shared_data() / "language-examples.tsv")


@pytest.fixture(scope="session")
def extra_examples() -> list[tuple[bool, str]]:
    return read_labelled(Path(__file__).with_name("extra_language.tsv"))
