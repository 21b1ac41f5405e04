"""Which stylesheets lay out which document: the CSS files are the single source of layout.

The web page embeds them, WeasyPrint prints with them, and the DOCX writer reads the
same declarations to define its named Word styles.
"""

from __future__ import annotations

import functools

from report_gen.resources import templates_dir


def css_names(kind: str, style: str) -> tuple[str, ...]:
    if kind == "news":
        return ("news.css",)
    return ("document.css", f"{style}.css")


@functools.cache
def css_text(kind: str, style: str) -> str:
    return "\n".join(
        (templates_dir() / "css" / name).read_text(encoding="utf-8")
        for name in css_names(kind, style)
    )
