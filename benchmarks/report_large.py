"""Report build at 100,000 responses, without the CSV export, for `make bench`.

`report_build.py` measures every step at each size; at 100,000 responses its CSV export
alone takes longer than the whole of `make bench` should. This runs its data generator
and its report steps, and prints lines in its format.
"""

from __future__ import annotations

from benchmarks import report_build as rb

SIZE = 100_000


def main() -> None:
    rb.run(SIZE, with_csv=False)


if __name__ == "__main__":
    main()
