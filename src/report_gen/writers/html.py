"""The web page (with metadata and embedded CSS) and, for news, the bare CMS fragment."""

from __future__ import annotations

from typing import Any

from report_gen.render import RenderedDoc, environment
from report_gen.styles import css_text
from report_gen.writers import image_files


def json_ld(doc: RenderedDoc) -> dict[str, Any]:
    """schema.org NewsArticle, so portals and search engines read the article's facts."""
    meeting = doc.loaded.meeting
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": doc.title,
        "description": doc.description,
        "datePublished": meeting.meeting.date.isoformat(),
        "inLanguage": "vi",
    }
    if meeting.article.author:
        data["author"] = {"@type": "Person", "name": meeting.article.author}
    if doc.images:
        data["image"] = [image.name for image in doc.images]
    return data


def page(doc: RenderedDoc) -> str:
    return (
        environment()
        .get_template("page.html.j2")
        .render(doc=doc, css=css_text(doc.kind, doc.style), json_ld=json_ld(doc))
    )


def write(doc: RenderedDoc) -> dict[str, bytes]:
    files = {f"{doc.kind}.html": page(doc).encode("utf-8"), **image_files(doc)}
    if doc.kind == "news":
        files["news.fragment.html"] = doc.body.encode("utf-8")
    return files
