"""Writers take a RenderedDoc (semantic HTML) to one output format.

Each returns {file name relative to the meeting's output folder: bytes}; nothing is
written to disk here, so a failure in any writer leaves no partial output. Writers are
imported on first use: weasyprint and docx are slow to import.
"""

from __future__ import annotations

import importlib
import re
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
    return {image.file: image.source.read_bytes() for image in doc.images}


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def clean_metadata(text: str | None, limit: int = 255) -> str:
    """Text for a document property: one line, printable, at most `limit` characters.

    DOCX core properties hold at most 255 characters and no control characters; PDF
    viewers show one line. The document itself keeps the whole text.
    """
    text = " ".join(_UNPRINTABLE.sub(" ", text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
