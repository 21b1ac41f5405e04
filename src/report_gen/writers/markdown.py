"""Markdown from the semantic HTML: clean, readable, and faithful to the user's text.

Only Markdown's own syntax characters are escaped; the text itself is never changed
(no "smart" punctuation, unlike pandoc's default).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from report_gen.render import RenderedDoc
from report_gen.writers import image_files

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^([-+=#>]|\d+[.)]\s)")
_SPACES = re.compile(r"[ \t\r\n]+")  # not NBSP: a draft's blanks for the clerk must stay


def escape(text: str) -> str:
    """Escape what Markdown would read as syntax; whitespace runs fold to one space."""
    text = _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())
    return _LINE_START.sub(r"\\\1", text)


def _text(element: lxml_html.HtmlElement) -> str:
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return escape(element.text_content())


def _classes(element: lxml_html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _blocks(element: lxml_html.HtmlElement) -> list[str]:
    """One Markdown block per block element, in document order."""
    out: list[str] = []
    for child in element:
        tag, classes = child.tag, _classes(child)
        if tag in ("header", "article", "table", "tbody", "tr", "td"):
            out.extend(_blocks(child))
        elif tag == "h1":
            out.append(f"# {_text(child)}")
        elif tag == "h2":
            out.append(f"## {_text(child)}")
        elif tag == "ul":
            out.append("\n".join(f"- {_text(li)}" for li in child.iter("li")))
        elif tag == "figure":
            img = child.find(".//img")
            caption = child.find(".//figcaption")
            if img is not None:
                out.append(f"![{escape(img.get('alt', ''))}]({img.get('src')})")
            if caption is not None:
                out.append(f"*{_text(caption)}*")
        elif tag == "p":
            text = _text(child)
            if not text:
                continue
            if classes & {"news-lead", "news-author", "doc-summary", "sign-name"}:
                text = f"**{text}**"
            out.append(text)
    return out


def to_markdown(body: str) -> str:
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    return "\n\n".join(_blocks(root)) + "\n"


def write(doc: RenderedDoc) -> dict[str, bytes]:
    return {f"{doc.kind}.md": to_markdown(doc.body).encode("utf-8"), **image_files(doc)}
