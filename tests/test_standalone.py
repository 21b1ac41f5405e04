"""The repository stands alone: a fresh clone, with nothing beside it, has all its tests need.

Running the whole suite inside the suite would double its time, so this test clones the
repository into a scratch folder and proves the quick part: nothing refers to a folder
outside the repository, every test module collects, and the tests of the input contract
pass on the clone's own files. `scripts/fresh-clone-check` runs the README's two commands
in full on such a clone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

OUTSIDE = re.compile(r"\.\./shared|\bshared/(docs|examples|seed)\b|/work/")


def _clone(tmp_path: Path) -> Path:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    subprocess.run(["git", "clone", "-q", str(ROOT), str(scratch / "report-gen")], check=True)
    assert sorted(p.name for p in scratch.iterdir()) == ["report-gen"]
    return scratch / "report-gen"


def test_fresh_clone_refers_to_nothing_outside_and_collects(tmp_path: Path) -> None:
    clone = _clone(tmp_path)
    files = subprocess.run(
        ["git", "ls-files"], cwd=clone, capture_output=True, text=True, check=True
    ).stdout.split()
    hits = []
    for name in files:
        path = clone / name
        if path.suffix in (".png", ".mo") or name.endswith("package-lock.json"):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if OUTSIDE.search(line) and path.name != "test_standalone.py":
                hits.append(f"{name}:{number}: {line.strip()}")
    assert hits == []

    env = {**os.environ, "PYTHONPATH": str(clone / "src")}
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    collected = subprocess.run(
        [*pytest, "--collect-only"], cwd=clone, env=env, capture_output=True, text=True
    )
    assert collected.returncode == 0, collected.stdout[-3000:]
    assert re.search(r"\b\d{3,} tests collected", collected.stdout), collected.stdout[-500:]
    assert "error" not in collected.stdout.lower().split("tests collected")[-1]

    quick = subprocess.run(
        [*pytest, "tests/test_schema.py", "tests/test_input_errors.py", "tests/test_lint.py"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
    )
    assert quick.returncode == 0, quick.stdout[-3000:]


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme.splitlines()[2:6] == [
        "```sh",
        "scripts/setup && .venv/bin/report-gen batch inputs -o outputs",
        "scripts/setup && .venv/bin/python -m pytest",
        "```",
    ]
    assert (
        (ROOT / ".ci" / "run")
        .read_text("utf-8")
        .strip()
        .endswith("scripts/setup && .venv/bin/python -m pytest")
    )
