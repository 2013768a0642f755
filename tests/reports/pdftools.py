"""Read PDFs back with poppler (pdftotext, pdfinfo, pdffonts, pdftohtml)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _run(tool: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text of the PDF with runs of whitespace (line wraps) made single spaces."""
    return " ".join(_run("pdftotext", pdf, tmp_path).split())


def pdf_info(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def pdf_outline(pdf: bytes, tmp_path: Path) -> str:
    """The bookmarks (outline) as pdftohtml's XML shows them."""
    out = _run("pdftohtml", pdf, tmp_path, "-xml", "-i", "-q", "-stdout")
    start, end = out.find("<outline>"), out.rfind("</outline>")
    return " ".join(out[start:end].split()) if start >= 0 else ""
