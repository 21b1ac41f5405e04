"""The code stays ruff-clean (lint and format) and mypy-clean, as configured in pyproject.toml.

Both tools are pinned in the dev dependency group, so a new release cannot turn this red
by itself; the pins are checked here too.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import version

from conftest import ROOT

DEV = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["dependency-groups"]["dev"]


def _pinned(name: str) -> str:
    (pin,) = [d for d in DEV if re.match(rf"{name}\b", d)]
    assert "==" in pin, f"{name} must be pinned to one version: {pin}"
    return pin.split("==")[1]


def test_ruff_lint_and_format() -> None:
    assert version("ruff") == _pinned("ruff"), "run scripts/setup"
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    assert version("mypy") == _pinned("mypy"), "run scripts/setup"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
