"""The web page renders in a real browser (headless Chromium) without console errors."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from conftest import INPUTS, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1100,1600",
]


def screenshot(page: Path, png: Path) -> list[str]:
    """Open the page, save a screenshot, return what the page logged to its console."""
    profile = png.parent / f"profile-{png.stem}"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert png.is_file(), result.stderr[-2000:]
    return re.findall(r":CONSOLE[:(]\d+\)?\] (.*)", result.stderr)


def png_size(png: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    return width, height


def test_console_errors_are_detected(tmp_path: Path) -> None:
    """The check below can fail: a page with a script error is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>missingFunction()</script>", "utf-8")
    messages = screenshot(page, tmp_path / "bad.png")
    assert any("missingFunction" in m for m in messages)


@pytest.mark.parametrize("source", sorted(INPUTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_news_page_renders_without_console_errors(source: Path, tmp_path: Path) -> None:
    result = run_cli("render", source, "-o", tmp_path / "out", "-k", "news", "-f", "html")
    assert result.returncode == 0, result.stderr
    png = tmp_path / f"{source.stem}.png"
    messages = screenshot(tmp_path / "out" / source.stem / "news.html", png)
    assert messages == []
    assert png_size(png) == (1100, 1600)
    assert png.stat().st_size > 30_000  # a page of text and colour, not a blank screen
