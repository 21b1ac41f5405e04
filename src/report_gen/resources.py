"""Where the templates are, without importing the render stack (the batch parent needs it)."""

from __future__ import annotations

from pathlib import Path


def templates_dir() -> Path:
    """Installed wheels carry templates inside the package; a source tree has them at the top."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "templates"
