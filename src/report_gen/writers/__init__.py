"""Writers take a RenderedDoc (semantic HTML) to one output format.

Each returns {file name relative to the meeting's output folder: bytes}; nothing is
written to disk here, so a failure in any writer leaves no partial output. Writers are
imported on first use: weasyprint and docx are slow to import.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the render stack (jinja2) is not needed to know the formats
    from report_gen.render import RenderedDoc

FORMATS = ("html", "md", "docx", "pdf")
DEFAULT_FORMATS = {"news": ("html", "md"), "report": ("docx", "pdf"), "notice": ("docx", "pdf")}

MODULES = {"html": "html", "md": "markdown", "docx": "word", "pdf": "pdf"}

Writer = Callable[["RenderedDoc"], dict[str, bytes]]


def get_writer(fmt: str) -> Writer:
    module = importlib.import_module(f"report_gen.writers.{MODULES[fmt]}")
    return module.write  # type: ignore[no-any-return]


def image_files(doc: RenderedDoc) -> dict[str, bytes]:
    """Images a document references, to be copied beside the files that show them."""
    return {image.name: image.source.read_bytes() for image in doc.images}
