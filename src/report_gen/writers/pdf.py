"""PDF through WeasyPrint: the semantic HTML laid out by the print stylesheets.

weasyprint is imported here only (it takes most of a second to import), and this module
is imported on first use of the PDF format. Per process, one FontConfiguration and one
parsed stylesheet per (kind, style) serve every document (performance-notes.md).

The output is deterministic: no creation/modification dates, no random file identifier,
subset font names derived from the font itself, so the same meeting gives the same bytes.
User text never reaches the network: the only URLs fetched are files inside the meeting's
own folder (its images).
"""

from __future__ import annotations

import mimetypes
import os
import warnings
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from PIL import Image as PILImage
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from report_gen import __version__
from report_gen.render import RenderedDoc
from report_gen.styles import css_text
from report_gen.writers import clean_metadata


class FolderFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type information
    """Fetch `file:` URLs inside one folder; refuse everything else (http, data, other files)."""

    def __init__(self, folder: Path | None, images: dict[str, Path] | None = None) -> None:
        super().__init__(allowed_protocols=("file",))
        self.folder = folder.resolve() if folder is not None else None
        self.images = images or {}  # an image's name in the outputs: the file it is read from

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"refused: {url[:80]}")
        path = Path(url2pathname(parts.path))
        if self.folder is not None and path.parent == self.folder and path.name in self.images:
            path = self.images[path.name]  # named as in the HTML and Markdown (percent-encoded)
        path = path.resolve()
        if self.folder is None or not path.is_relative_to(self.folder) or not path.is_file():
            raise ValueError(f"refused: {url[:80]}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


# Images are checked before they get here (validate.MAX_IMAGE_PIXELS); Pillow must never
# print its English warnings to the user's terminal.
PILImage.MAX_IMAGE_PIXELS = None
warnings.filterwarnings("ignore", module=r"PIL(\..*)?$")
warnings.filterwarnings("ignore", category=PILImage.DecompressionBombWarning)

_STATE: dict[str, object] = {}


def _cached() -> dict[str, object]:
    """This process's font configuration and stylesheets (rebuilt in a forked child)."""
    if _STATE.get("pid") != os.getpid():
        _STATE.clear()
        _STATE.update(pid=os.getpid(), fonts=FontConfiguration(), css={})
    return _STATE


def font_config() -> FontConfiguration:
    return _cached()["fonts"]


def stylesheet(kind: str, style: str) -> weasyprint.CSS:
    """The parsed print stylesheet of one kind and style, parsed once per process."""
    sheets: dict[tuple[str, str], weasyprint.CSS] = _cached()["css"]  # type: ignore[assignment]
    key = (kind, style)
    if key not in sheets:
        sheets[key] = weasyprint.CSS(
            string=css_text(kind, style),
            font_config=font_config(),
            url_fetcher=FolderFetcher(None),
            media_type="print",
        )
    return sheets[key]


def html_document(doc: RenderedDoc) -> str:
    """The body in a minimal page: metadata only, the CSS comes as parsed stylesheets."""
    meta = [
        '<meta charset="utf-8">',
        f"<title>{escape(clean_metadata(doc.title, 1000))}</title>",
        f'<meta name="generator" content="report-gen {__version__}">',
    ]
    if who := clean_metadata(doc.author, 1000):
        meta.append(f'<meta name="author" content="{escape(who)}">')
    if description := clean_metadata(doc.description, 1000):
        meta.append(f'<meta name="description" content="{escape(description)}">')
    if doc.draft and doc.kind != "news":  # a draft says so in its metadata too
        meta.append('<meta name="keywords" content="DỰ THẢO">')
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n'
        + "\n".join(meta)
        + f'\n</head>\n<body class="kind-{doc.kind} style-{doc.style}">\n'
        + doc.body
        + "</body>\n</html>\n"
    )


def pdf_bytes(doc: RenderedDoc) -> bytes:
    folder = Path(doc.loaded.source).resolve().parent
    html = weasyprint.HTML(
        string=html_document(doc),
        base_url=folder.as_uri() + "/",
        url_fetcher=FolderFetcher(folder, {image.file: image.source for image in doc.images}),
    )
    data = html.write_pdf(
        stylesheets=[stylesheet(doc.kind, doc.style)],
        font_config=font_config(),
        pdf_identifier=False,  # no /ID: it would only repeat a hash of the content
    )
    return data  # type: ignore[no-any-return]


def write(doc: RenderedDoc) -> dict[str, bytes]:
    return {f"{doc.kind}.pdf": pdf_bytes(doc)}


def warm_up() -> None:
    """Parse every stylesheet and load the fonts before a batch worker's first document."""
    from report_gen.render import KINDS

    for kind in KINDS:
        for style in ("party", "state"):
            stylesheet(kind, style)
    weasyprint.HTML(string="<p>Việt <b>Nam</b> <i>Hà Nội</i> <b><i>Đảng</i></b></p>").write_pdf(
        stylesheets=[stylesheet("notice", "party")], font_config=font_config()
    )
