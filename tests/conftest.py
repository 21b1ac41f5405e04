"""Shared fixtures: the reference meeting, a scratch copy of inputs, the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "examples" / "reference-meeting.yaml"


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """The shared reference meeting (with its image) copied into a scratch folder."""
    source = REFERENCE if REFERENCE.exists() else INPUTS / "reference-meeting.yaml"
    shutil.copy(source, tmp_path / "reference-meeting.yaml")
    shutil.copytree(source.parent / "images", tmp_path / "images")
    return tmp_path / "reference-meeting.yaml"


def libreoffice_to_pdf(files: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """Convert DOCX files to PDF with one LibreOffice call; skips the test without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice or poppler-utils not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(outdir), *map(str, files)],
        capture_output=True, timeout=900, check=True,
    )  # fmt: skip
    return {f: outdir / f"{f.stem}.pdf" for f in files}


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run report-gen in a fresh process, as users and scripts do."""
    return subprocess.run(
        [sys.executable, "-m", "report_gen", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )
