"""Templates to semantic HTML: one Jinja template per document kind.

The HTML's class names are the contract with the stylesheets (PDF, web page) and with
the DOCX writer; see templates/README.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from report_gen import __version__, forms, header_layout
from report_gen.model import MeetingFile, Style
from report_gen.phrasing import Phrasing, persons_phrase
from report_gen.resources import templates_dir
from report_gen.validate import IMAGE_FORMATS, LoadedMeeting, image_format
from report_gen.vietnamese import FILTERS, lowerstart

KINDS = ("news", "report", "notice")
KIND_NAMES = {"news": "tin bài", "report": "báo cáo", "notice": "thông báo kết luận"}


def lines(text: str) -> Markup:
    """Keep the user's own line breaks (a long issuer name set on two lines) as <br>."""
    return Markup("<br>").join(text.splitlines())


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=jinja2.select_autoescape(["html", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(FILTERS)
    env.filters["persons"] = persons_phrase
    env.tests["lowerstart"] = lowerstart
    env.filters["lines"] = lines
    env.filters["authority_form"] = forms.authority_form
    env.filters["recipients_form"] = forms.recipients_form
    env.globals["header_layout"] = header_layout.header
    env.globals["summary_rule"] = header_layout.summary_rule
    env.globals["addressee_indent"] = header_layout.addressee_indent
    env.globals["generator"] = f"report-gen {__version__}"
    return env


@dataclass(frozen=True)
class Image:
    """An image the document shows: where it is read from, and what it is called beside
    the outputs: `file`, a name the tool chooses in the meeting's own folder, and `name`,
    that file's percent-encoded URL as the HTML, the Markdown and the PDF write it."""

    source: Path
    name: str
    caption: str | None
    file: str = ""


@dataclass(frozen=True)
class RenderedDoc:
    """One document kind of one meeting as semantic HTML: what every writer starts from."""

    kind: str
    style: Style
    title: str
    description: str
    body: str
    loaded: LoadedMeeting
    images: tuple[Image, ...] = field(default=())
    draft: bool = True
    choices: dict[str, int] = field(default_factory=dict)  # wording variant per slot

    @property
    def author(self) -> str:
        """The article's author for news; the issuing body for an official document.

        A journalist's initials do not sign a notice. Line breaks (a long issuer name
        set on two lines) are folded: metadata is one line.
        """
        meeting = self.loaded.meeting
        names = [meeting.article.author, meeting.document.for_kind(self.kind).issuer.name]
        if self.kind != "news":
            names.reverse()
        return " ".join((next((n for n in names if n), "")).split())


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def output_image_names(sources: list[Path]) -> list[str]:
    """A name for each image in the meeting's own folder, chosen by the tool.

    The file's own name without its folders, its extension set by its format (so that an
    image can never be called like an output: `news.html` becomes `news.png`), hidden or
    unsafe characters replaced, and a number added where two images would share a name.
    """
    names: list[str] = []
    used: set[str] = set()
    for source in sources:
        fmt = image_format(source)[0]
        stem = _UNSAFE_NAME.sub("-", unicodedata.normalize("NFC", source.stem)).strip(" .-")
        stem = stem[:80].rstrip(" .-") or "anh"
        extension = IMAGE_FORMATS[fmt]
        name, n = f"{stem}{extension}", 2
        while name.casefold() in used:
            name, n = f"{stem}-{n}{extension}", n + 1
        used.add(name.casefold())
        names.append(name)
    return names


def _images(loaded: LoadedMeeting) -> tuple[Image, ...]:
    sources = [path.resolve() for path in loaded.image_paths]
    return tuple(
        Image(source, urllib.parse.quote(file), image.caption, file)
        for source, file, image in zip(
            sources, output_image_names(sources), loaded.meeting.article.images, strict=True
        )
    )


_RECENT: dict[tuple[int, str], Phrasing] = {}


def _phrasing(meeting: MeetingFile, style: Style) -> Phrasing:
    """One phrasing per meeting and style, shared by its kinds (rendered one after another)."""
    key = (id(meeting), style)
    found = _RECENT.get(key)
    if found is None or found.m is not meeting:
        if len(_RECENT) >= 8:
            _RECENT.clear()
        found = _RECENT[key] = Phrasing(meeting, style)
    return found


def _with_image_urls(meeting: MeetingFile, images: tuple[Image, ...]) -> MeetingFile:
    """The meeting as the templates see it: each image's `file` is its URL in the outputs."""
    if not images:
        return meeting
    article = meeting.article.model_copy(
        update={
            "images": [
                own.model_copy(update={"file": image.name})
                for own, image in zip(meeting.article.images, images, strict=True)
            ]
        }
    )
    return meeting.model_copy(update={"article": article})


def render(loaded: LoadedMeeting, kind: str, style: Style | None = None) -> RenderedDoc:
    """Render one kind to semantic HTML; wording lives in templates/<kind>.html.j2."""
    images = _images(loaded) if kind == "news" else ()
    meeting = _with_image_urls(loaded.meeting, images)
    style = style or meeting.style
    env = environment()
    # An official document reads its own values over the shared ones (document.report,
    # document.notice); it is a draft until it has its number and date.
    own = meeting.document.for_kind(kind)
    draft = kind != "news" and (own.number is None or own.date is None)
    phrasing = _phrasing(loaded.meeting, style)  # the same for every kind of this meeting
    phrasing.choices = {}
    context: dict[str, object] = {
        "m": meeting,
        "p": phrasing,
        "style": style,
        "kind": kind,
        "draft": draft,
    }
    titles = env.get_template("parts/title.j2").module
    # Macros return escaped Markup; keep plain text so that each writer escapes once.
    title = Markup(titles.title(phrasing, kind, style)).unescape().strip()  # type: ignore[attr-defined]
    if kind == "news":  # the sapo is the page's description: written once
        form = str(titles.lead_form(phrasing)).strip()  # type: ignore[attr-defined]
        lead = Markup(titles.lead(phrasing, form))  # type: ignore[attr-defined]
        context.update(lead_form=form, lead=lead)
        description = lead.unescape().strip()
    else:
        description = Markup(titles.description(phrasing, kind)).unescape().strip()  # type: ignore[attr-defined]
    body = env.get_template(f"{kind}.html.j2").render(context, title=title)
    if kind != "news":
        body = forms.nobreak_html(body)
    return RenderedDoc(
        kind=kind,
        style=style,
        title=title,
        description=description,
        body=body,
        loaded=loaded,
        images=images,
        draft=draft,
        choices=dict(phrasing.choices),
    )
