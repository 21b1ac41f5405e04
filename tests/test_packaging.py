"""The package as distributed: licence metadata, one version, py.typed, a self-sufficient sdist."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import report_gen
from conftest import ROOT


def _build(kind: str, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "build", f"--{kind}", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.tar.gz" if kind == "sdist" else "*.whl"))


def test_sdist_holds_and_passes_its_own_tests(tmp_path: Path) -> None:
    sdist = _build("sdist", tmp_path / "dist")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (tree,) = (tmp_path / "unpacked").iterdir()
    assert tree.name == f"report_gen-{report_gen.__version__}"
    for needed in (
        "LICENSE",
        "README.md",
        "pyproject.toml",
        "src/report_gen/py.typed",
        "src/report_gen/locale/vi/LC_MESSAGES/messages.po",
        "src/report_gen/locale/vi/LC_MESSAGES/messages.mo",
        "tests/conftest.py",
        "tests/fixtures/reference-meeting.yaml",
        "tests/fixtures/images/chair.png",
        "inputs/images/chair.png",
        "templates/news.html.j2",
        "docs/dinh-dang-dau-vao.md",
        "tools/yaml-ls/package-lock.json",
        "scripts/setup",
    ):
        assert (tree / needed).is_file(), needed
    assert not (tree / "tools" / "yaml-ls" / "node_modules").exists()
    # A quick subset of its own tests, run on its own code (not this checkout's).
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_vietnamese.py",
            "tests/test_schema.py",
            "tests/test_documents.py",
        ],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (
        str(tree / "src")
        in subprocess.run(
            [sys.executable, "-c", "import report_gen; print(report_gen.__file__)"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_wheel_metadata_declares_the_licence_and_ships_types(tmp_path: Path) -> None:
    import zipfile

    wheel = _build("wheel", tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert f"Version: {report_gen.__version__}" in metadata
    assert "report_gen/py.typed" in names
    assert "report_gen/locale/vi/LC_MESSAGES/messages.mo" in names
    assert "report_gen/templates/news.html.j2" in names
    assert not any("pytest" in line for line in metadata.splitlines() if "Requires" in line)
