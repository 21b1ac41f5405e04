"""Shared fixtures: the reference meeting, a scratch copy of inputs, the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
FIXTURES = ROOT / "tests" / "fixtures"
# The fixture meeting: the reference article's meeting, the one copy the tests use.
REFERENCE = FIXTURES / "reference-meeting.yaml"


def _same_meeting(path: Path) -> bool:
    return yaml.safe_load(path.read_text("utf-8")) == yaml.safe_load(REFERENCE.read_text("utf-8"))


# Every distinct meeting the repository holds: the fixture, then each file in inputs/ that
# is not the fixture under another name (inputs/reference-meeting.yaml is the same meeting
# for users; testing it twice would only double the time).
MEETINGS = [
    REFERENCE,
    *sorted(
        p for p in INPUTS.glob("*.yaml") if not p.name.startswith("_") and not _same_meeting(p)
    ),
]


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """The reference meeting (with its image) copied into a scratch folder."""
    shutil.copy(REFERENCE, tmp_path / "reference-meeting.yaml")
    shutil.copytree(FIXTURES / "images", tmp_path / "images")
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
