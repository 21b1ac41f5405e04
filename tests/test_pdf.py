"""The PDF writer against the format rules (docs/the-thuc.md §1, §2, §8).

Every meeting with a document section (the fixture reference and each other file in inputs/) is
printed as a report and a notice in both styles, written to a temporary folder and read
back with pdfplumber: page size and margins, embedded subset fonts, the header element by
element (size, weight, position, rules), title, body, signature and recipients, page
numbers, the exact Vietnamese text, metadata. Each PDF is rendered and parsed once per
session. Lengths are in millimetres unless named pt.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from conftest import MEETINGS, run_cli
from report_gen import forms
from report_gen.pipeline import default_kinds
from report_gen.render import RenderedDoc, render
from report_gen.validate import LoadedMeeting, load_meeting
from report_gen.writers import get_writer

PT = 25.4 / 72  # mm per point
PAGE_W, PAGE_H = 210.0, 297.0
MARGINS = {  # style: top, right, bottom, left, as the stylesheets set them
    "party": (20.0, 15.0, 20.0, 30.0),  # HD 36: fixed values
    "state": (20.0, 15.0, 20.0, 30.0),  # NĐ 30: any value in STATE_RANGES
}
STATE_RANGES = ((20, 25), (15, 20), (20, 25), (30, 35))
TEXT_LEFT, TEXT_RIGHT = 30.0, 195.0
TEXT_CENTRE = (TEXT_LEFT + TEXT_RIGHT) / 2
HEADER_SPLIT = TEXT_LEFT + 0.4 * 165  # .header-left is 40% of the text width
FOOTER_SPLIT = TEXT_LEFT + 0.45 * 165  # .recipients-cell is 45%
SUBSET_FONT = re.compile(r"^[A-Z]{6}\+Liberation-?Serif(-(Bold|Italic|Bold-?Italic))?$")

SOURCES = MEETINGS


@functools.cache
def loaded(source: Path) -> LoadedMeeting:
    return load_meeting(source)


CASES = [
    pytest.param((source, kind, style), id=f"{source.parent.name}/{source.stem}-{kind}-{style}")
    for source in SOURCES
    for kind in default_kinds(loaded(source))
    if kind != "news"
    for style in ("party", "state")
]


# --- reading a PDF back ------------------------------------------------------------


@dataclass
class Page:
    width: float
    height: float
    words: list[dict]  # pdfplumber words with fontname and size
    rules: list[tuple[float, float, float]]  # thin horizontal lines: x0, x1, top
    fonts: dict[str, bool]  # BaseFont of each font resource: embedded?
    char_fonts: set[str]
    text: str  # below the top margin: the page number left out
    images: int
    boxes: list[tuple[float, float, float, float]] = dataclasses.field(default_factory=list)


@dataclass
class Printed:
    doc: RenderedDoc
    data: bytes
    pages: list[Page]
    metadata: dict
    lang: str | None


def _fonts(page) -> dict[str, bool]:
    out = {}
    for ref in resolve1(resolve1(page.page_obj.resources)["Font"]).values():
        font = resolve1(ref)
        descendant = resolve1(resolve1(font["DescendantFonts"])[0])
        descriptor = resolve1(descendant["FontDescriptor"])
        out[resolve1(font["BaseFont"]).name] = any(
            key in descriptor for key in ("FontFile", "FontFile2", "FontFile3")
        )
    return out


def read_pdf(path: Path) -> tuple[list[Page], dict, str | None]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            thin = [
                (o["x0"] * PT, o["x1"] * PT, o["top"] * PT)
                for o in [*page.rects, *page.lines, *page.curves]
                if o["bottom"] - o["top"] <= 1.5 and o["x1"] - o["x0"] >= 5
            ]
            pages.append(
                Page(
                    width=page.width * PT,
                    height=page.height * PT,
                    words=page.extract_words(extra_attrs=["fontname", "size"]),
                    rules=sorted(thin, key=lambda r: r[2]),
                    fonts=_fonts(page),
                    char_fonts={c["fontname"] for c in page.chars},
                    # the running text only: page numbers stand in the top or bottom margin
                    text=page.crop((0, 20 / PT, page.width, page.height - 15 / PT)).extract_text(),
                    images=len(page.images),
                    boxes=[
                        (o["x0"] * PT, o["x1"] * PT, o["top"] * PT, o["bottom"] * PT)
                        for o in page.rects
                        if o["bottom"] - o["top"] > 1.5
                    ],
                )
            )
        lang = pdf.doc.catalog.get("Lang")
        return pages, dict(pdf.metadata), resolve1(lang).decode() if lang else None


@pytest.fixture(scope="session")
def printer(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path, str, str], Printed]:
    """Render, write and parse each (meeting, kind, style) once per test session."""
    folder = tmp_path_factory.mktemp("pdf")

    @functools.cache
    def printed(source: Path, kind: str, style: str) -> Printed:
        doc = render(loaded(source), kind, style)  # type: ignore[arg-type]
        data = get_writer("pdf")(doc)[f"{kind}.pdf"]
        path = folder / f"{source.parent.name}-{source.stem}-{kind}-{style}.pdf"
        path.write_bytes(data)
        return Printed(doc, data, *read_pdf(path))

    return printed


@pytest.fixture
def case(request, printer) -> tuple[Printed, str]:
    source, kind, style = request.param
    return printer(source, kind, style), style


def each_case(func):
    return pytest.mark.parametrize("case", CASES, indirect=True)(func)


@dataclass
class Line:
    """Words on one row within one column; coordinates in mm from the top left."""

    words: list[dict]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    x0 = property(lambda self: min(w["x0"] for w in self.words) * PT)
    x1 = property(lambda self: max(w["x1"] for w in self.words) * PT)
    top = property(lambda self: min(w["top"] for w in self.words) * PT)
    bottom = property(lambda self: max(w["bottom"] for w in self.words) * PT)
    centre = property(lambda self: (self.x0 + self.x1) / 2)
    width = property(lambda self: self.x1 - self.x0)
    sizes = property(lambda self: {round(w["size"], 1) for w in self.words})
    bold = property(lambda self: all("Bold" in w["fontname"] for w in self.words))
    italic = property(lambda self: all("Italic" in w["fontname"] for w in self.words))


def lines(
    page: Page, split: float | None = None, top: float = 20, bottom: float = 999
) -> list[Line]:
    """Text rows of a page region (below the top margin, where the page number and a
    draft's mark stand); with `split` (mm), each row is cut into two columns."""
    words = [w for w in page.words if top <= w["top"] * PT and w["bottom"] * PT <= bottom]
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        if split is None:
            out.append(Line(row))
            continue
        left = [w for w in row if (w["x0"] + w["x1"]) / 2 * PT < split]
        right = [w for w in row if (w["x0"] + w["x1"]) / 2 * PT >= split]
        out += [Line(part) for part in (left, right) if part]
    return out


def rule_under(page: Page, line: Line, within: float = 4.0) -> tuple[float, float, float]:
    """The first thin rule just below a line of text and roughly centred on it."""
    below = [r for r in page.rules if line.bottom - 0.5 <= r[2] <= line.bottom + within]
    below = [r for r in below if abs((r[0] + r[1]) / 2 - line.centre) < 25]
    assert below, f"no rule under “{line.text}”"
    return below[0]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- page, margins, fonts -----------------------------------------------------------


@each_case
def test_a4_pages_and_margins(case) -> None:
    printed, style = case
    top, right, bottom, left = MARGINS[style]
    if style == "state":
        for value, (low, high) in zip(MARGINS[style], STATE_RANGES, strict=True):
            assert low <= value <= high
    xs0, xs1 = [], []
    for page in printed.pages:
        assert abs(page.width - PAGE_W) < 0.1 and abs(page.height - PAGE_H) < 0.1
        text = [w for w in page.words if w["top"] * PT >= top]  # the page number aside
        assert text
        xs0 += [w["x0"] * PT for w in text]
        xs1 += [w["x1"] * PT for w in text]
        assert max(w["bottom"] * PT for w in text) <= PAGE_H - bottom + 0.1
    # Justified body lines touch both margins: the text block is the page minus the margins.
    assert abs(min(xs0) - left) < 0.3
    assert abs(max(xs1) - (PAGE_W - right)) < 0.5
    first = lines(printed.pages[0])[0]
    assert top <= first.top <= top + 1.5


@each_case
def test_fonts_embedded_and_subset(case) -> None:
    printed, _ = case
    for page in printed.pages:
        assert page.fonts and all(page.fonts.values()), f"not embedded: {page.fonts}"
        assert all(SUBSET_FONT.match(name) for name in page.fonts), page.fonts
        assert all(SUBSET_FONT.match(name) for name in page.char_fonts), page.char_fonts


# --- the header ---------------------------------------------------------------------


def header(page: Page) -> tuple[list[Line], list[Line]]:
    """Left and right header columns: the rows above the document type."""
    title_top = next(ln.top for ln in lines(page) if ln.text in ("THÔNG BÁO", "BÁO CÁO"))
    rows = lines(page, split=HEADER_SPLIT, bottom=title_top - 1)
    left = [ln for ln in rows if ln.x1 <= HEADER_SPLIT + 1]
    return left, [ln for ln in rows if ln not in left]


@each_case
def test_national_title_and_motto(case) -> None:
    printed, style = case
    page = printed.pages[0]
    _, right = header(page)
    title = right[0]
    assert title.centre > PAGE_W / 2 and title.x0 > HEADER_SPLIT and title.x1 <= TEXT_RIGHT
    assert 20 <= title.top <= 22, "the national title opens the page"
    assert title.bold
    if style == "party":
        assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
        assert title.sizes == {15.0}
        x0, x1, _ = rule_under(page, title)
        assert abs((x1 - x0) - title.width) < 1.0, "the rule is as long as the title"
        assert abs((x0 + x1) / 2 - title.centre) < 0.5
    else:
        assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        assert title.sizes in ({12.0}, {13.0})
        motto = right[1]
        assert motto.text == "Độc lập - Tự do - Hạnh phúc"
        assert motto.bold and motto.sizes <= {13.0, 14.0}
        assert abs(motto.centre - title.centre) < 0.5
        assert motto.top - title.bottom < 2, "single spacing between Quốc hiệu and Tiêu ngữ"
        x0, x1, _ = rule_under(page, motto)
        assert abs((x1 - x0) - motto.width) < 1.0, "the rule is as long as the motto"
        assert abs((x0 + x1) / 2 - motto.centre) < 0.5


@each_case
def test_issuer_number_and_date(case) -> None:
    printed, style = case
    page = printed.pages[0]
    document = printed.doc.loaded.meeting.document.for_kind(printed.doc.kind)
    left, right = header(page)
    size = {14.0} if style == "party" else {12.0, 13.0}
    assert all(ln.centre < PAGE_W / 2 for ln in left)
    rows = list(left)
    if document.issuer.parent:
        parent = rows.pop(0)
        assert parent.text == document.issuer.parent
        assert not any("Bold" in w["fontname"] for w in parent.words), "superior body not bold"
        assert parent.sizes <= size
    name_lines = []
    while rows and rows[0].bold:
        name_lines.append(rows.pop(0))
    assert collapse(" ".join(ln.text for ln in name_lines)) == collapse(document.issuer.name)
    assert all(ln.sizes <= size for ln in name_lines)
    widest = max(name_lines, key=lambda ln: ln.width)
    if style == "party":
        mark = rows.pop(0)
        assert mark.text == "*"
        assert abs(mark.centre - name_lines[-1].centre) < 1.0
        drawn = [r for r in page.rules if r[1] < HEADER_SPLIT and r[2] < mark.bottom]
        assert drawn == [], "Party: an asterisk, no rule, under the issuer"
    else:
        x0, x1, _ = rule_under(page, name_lines[-1])
        assert widest.width / 3 - 0.2 <= x1 - x0 <= widest.width / 2 + 0.2, "rule 1/3 to 1/2"
        assert abs((x0 + x1) / 2 - widest.centre) < 1.0
    number = rows.pop(0)
    assert number.text.startswith("Số: " if style == "state" else "Số ")  # Party: no colon
    assert number.sizes == ({14.0} if style == "party" else {13.0}) and not number.italic
    assert abs(number.centre - widest.centre) < 1.0, "number centred under the issuer"
    date = right[-1]
    assert date.text.startswith(f"{document.place}, ngày")
    assert date.italic
    assert date.sizes <= ({14.0} if style == "party" else {13.0, 14.0})
    assert abs(date.top - number.top) < 1.0, "number and date on the same row"
    assert abs(date.centre - right[0].centre) < 1.0, "date centred under the national title"


@each_case
def test_title_and_summary(case) -> None:
    printed, style = case
    page = printed.pages[0]
    rows = lines(page)
    i = next(i for i, ln in enumerate(rows) if ln.text in ("THÔNG BÁO", "BÁO CÁO"))
    doc_type = rows[i]
    assert doc_type.text == ("THÔNG BÁO" if printed.doc.kind == "notice" else "BÁO CÁO")
    assert doc_type.bold and doc_type.sizes <= ({15.0, 16.0} if style == "party" else {13.0, 14.0})
    assert abs(doc_type.centre - TEXT_CENTRE) < 0.5
    summary = []
    for ln in rows[i + 1 :]:
        if not ln.bold:
            break
        summary.append(ln)
    assert summary
    for ln in summary:
        assert abs(ln.centre - TEXT_CENTRE) < 0.5
        assert ln.sizes <= ({14.0, 15.0} if style == "party" else {13.0, 14.0})
    first_word = summary[0].text.split()[0]
    if style == "party":
        assert first_word == first_word.lower(), "Party trích yếu starts lower case"
        mark = rows[i + 1 + len(summary)]
        assert mark.text == "-----" and abs(mark.centre - TEXT_CENTRE) < 0.5
    else:
        assert first_word[0].isupper()
        widest = max(summary, key=lambda ln: ln.width)
        x0, x1, _ = rule_under(page, summary[-1])
        assert widest.width / 3 - 0.2 <= x1 - x0 <= widest.width / 2 + 0.2, "rule 1/3 to 1/2"
        assert abs((x0 + x1) / 2 - TEXT_CENTRE) < 0.5


@each_case
def test_body_paragraphs(case) -> None:
    """Justified, first-line indent 1 cm, at least 6 pt between paragraphs, 14 pt."""
    printed, style = case
    rows = [ln for ln in lines(printed.pages[0]) if ln.sizes == {14.0} and not ln.bold]
    starts = [i for i, ln in enumerate(rows) if abs(ln.x0 - (TEXT_LEFT + 10)) < 0.3]
    assert len(starts) >= 2, "two indented paragraph openings on page 1"
    paragraph = rows[starts[0] : starts[1]]
    assert len(paragraph) >= 2
    for ln in paragraph[1:]:
        assert abs(ln.x0 - TEXT_LEFT) < 0.3, ln.text
    for ln in paragraph[:-1]:
        assert abs(ln.x1 - TEXT_RIGHT) < 0.5, f"not justified: {ln.text}"
    pitch = paragraph[1].top - paragraph[0].top
    gap = rows[starts[1]].top - paragraph[-1].top
    assert gap - pitch >= 6 * PT - 0.05, "at least 6 pt between paragraphs"
    if style == "party":
        assert abs(pitch - 20 * PT) < 0.1, "Party line spacing exactly 20 pt (≥ 18 pt)"
    else:
        assert 14 * PT <= pitch <= 1.5 * 14 * PT, "single to 1.5 lines"


@each_case
def test_signature_and_recipients(case) -> None:
    printed, style = case
    document = printed.doc.loaded.meeting.document.for_kind(printed.doc.kind)
    page = printed.pages[-1]
    rows = lines(page, split=FOOTER_SPLIT, top=20)
    name = next(ln for ln in rows if ln.text == document.signer.name)
    assert name.bold and name.centre > PAGE_W / 2
    title = next(ln for ln in rows if ln.text == document.signer.title.upper())
    assert title.bold == (style == "state"), "Party chức vụ is not bold; state is"
    assert abs(title.centre - name.centre) < 0.5 and title.top < name.top - 15
    first_sign = title
    authority = [forms.authority_form(x.upper(), style) for x in document.signer.authority_lines]
    if authority:
        first_sign = next(ln for ln in rows if ln.text == authority[0])
        assert first_sign.bold and abs(first_sign.centre - name.centre) < 0.5
    label = next(ln for ln in rows if ln.text == "Nơi nhận:")
    assert abs(label.x0 - TEXT_LEFT) < 0.3, "Nơi nhận flush left"
    assert abs(label.top - first_sign.top) < 1.5, "level with the first signature line"
    if style == "state":
        assert label.bold and label.italic and label.sizes == {12.0}
    else:
        assert label.sizes == {14.0} and not label.bold
        baseline = label.top + 0.8 * (label.bottom - label.top)
        underline = [r for r in page.rules if abs(r[2] - baseline) < 1.5 and r[0] < label.x1]
        assert underline and abs(underline[0][1] - label.x1) < 1, "Nơi nhận underlined"
    recipients = [ln for ln in rows if ln.top > label.top and ln.x1 < PAGE_W / 2]
    assert all(abs(ln.x0 - TEXT_LEFT) < 0.3 for ln in recipients), "flush left"
    assert sum(ln.text.startswith("- ") for ln in recipients) == len(document.recipients)
    assert all(ln.sizes == ({11.0} if style == "state" else {12.0}) for ln in recipients)


@each_case
def test_page_numbers_from_page_two(case) -> None:
    printed, _ = case
    for number, page in enumerate(printed.pages, start=1):
        in_margin = lines(page, split=TEXT_CENTRE + 20, top=0, bottom=20)
        in_margin = [ln for ln in in_margin if ln.text != "DỰ THẢO"]
        if number == 1:
            assert in_margin == [], "no page number on page 1"
            continue
        assert [ln.text for ln in in_margin] == [str(number)]
        (mark,) = in_margin
        assert abs(mark.centre - TEXT_CENTRE) < 1.0
        assert mark.top >= 6 and mark.bottom <= 14, "about 10 mm from the top edge"
        assert mark.sizes == {14.0} and not mark.bold


@each_case
def test_draft_mark_on_every_page_of_a_draft_only(case) -> None:
    """A boxed "DỰ THẢO" in the top margin at the right of every page, and in the metadata."""
    printed, _ = case
    for page in printed.pages:
        in_margin = lines(page, split=TEXT_CENTRE + 20, top=0, bottom=20)
        marks = [ln for ln in in_margin if ln.text == "DỰ THẢO"]
        assert len(marks) == (1 if printed.doc.draft else 0)
        for mark in marks:
            assert mark.bold and abs(mark.x1 - TEXT_RIGHT) < 3
            assert any(
                b[0] < mark.x0 and b[1] > mark.x1 and b[2] < mark.top and b[3] > mark.bottom
                for b in page.boxes
            ), "the mark is boxed"
        body = "".join(ln.text for ln in lines(page))
        assert "DỰ THẢO" not in body
    assert ("DỰ THẢO" in printed.metadata.get("Keywords", "")) == printed.doc.draft


def test_reference_documents_have_several_pages(printer) -> None:
    """So that the page-number checks above are not vacuous."""
    for kind in ("report", "notice"):
        for style in ("party", "state"):
            assert len(printer(SOURCES[0], kind, style).pages) >= 3


# --- the text -----------------------------------------------------------------------


@each_case
def test_text_comes_back_exactly(case) -> None:
    printed, _ = case
    meeting = printed.doc.loaded.meeting
    text = "\n".join(page.text for page in printed.pages)
    assert unicodedata.is_normalized("NFC", text)
    letters = flat(text)
    paragraphs = [
        *meeting.achievements,
        *meeting.limitations,
        *meeting.directives,
        *(t.text for t in meeting.tasks),
    ]
    for paragraph in paragraphs:
        assert unicodedata.is_normalized("NFC", paragraph)
        # Lines wrap anywhere (also after a hyphen): compare every character, in order;
        # the first letter may be capitalised at a sentence start.
        assert flat(paragraph)[1:] in letters, paragraph[:60]
    spaced = collapse(text)
    document = meeting.document.for_kind(printed.doc.kind)
    for exact in [document.issuer.parent, document.signer.name, document.place]:
        if exact:
            assert exact in spaced
    # The issuer name may wrap in its header column: test_issuer_number_and_date reads it.


def test_pdftotext_gives_back_the_text(printer) -> None:
    printed = printer(SOURCES[0], "notice", "party")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=printed.data,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert unicodedata.is_normalized("NFC", out)
    assert flat(printed.doc.loaded.meeting.achievements[0]) in flat(out)
    assert "hoà vào những thành tích chung" in collapse(out)  # the user's tone marks kept
    assert "“tự diễn biến”, “tự chuyển hóa” trong nội bộ”" in collapse(out)


@each_case
def test_metadata(case) -> None:
    printed, _ = case
    assert printed.metadata["Title"] == printed.doc.title
    assert printed.metadata["Author"] == " ".join(
        printed.doc.loaded.meeting.document.for_kind(printed.doc.kind).issuer.name.split()
    )
    assert "CreationDate" not in printed.metadata and "ModDate" not in printed.metadata
    assert printed.lang == "vi"


# --- news, determinism, safety ------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_news_pdf(source: Path, printer) -> None:
    printed = printer(source, "news", loaded(source).meeting.style)
    meeting = printed.doc.loaded.meeting
    assert all(abs(p.width - PAGE_W) < 0.1 and abs(p.height - PAGE_H) < 0.1 for p in printed.pages)
    assert all(p.fonts and all(p.fonts.values()) for p in printed.pages)
    assert sum(p.images for p in printed.pages) == len(printed.doc.images)
    text = "\n".join(p.text for p in printed.pages)
    assert unicodedata.is_normalized("NFC", text)
    assert flat(printed.doc.title) in flat(text)
    for paragraph in meeting.achievements:
        assert flat(paragraph) in flat(text)
    for image in printed.doc.images:
        assert flat(image.caption or "") in flat(text)
    author = meeting.article.author or meeting.document.issuer.name
    if author:
        assert printed.metadata["Author"] == " ".join(author.split())


def test_reference_news_has_its_image(printer) -> None:
    assert sum(p.images for p in printer(SOURCES[0], "news", "party").pages) == 1


def test_two_renders_are_byte_identical(reference: Path, tmp_path: Path) -> None:
    write = get_writer("pdf")
    for kind in ("notice", "report", "news"):
        for style in ("party", "state"):
            first = write(render(load_meeting(reference), kind, style))[f"{kind}.pdf"]
            second = write(render(load_meeting(reference), kind, style))[f"{kind}.pdf"]
            assert first == second, f"{kind} {style}"
            assert b"/ID [" not in first and b"/CreationDate" not in first
    # Another process (its own font configuration and hash seed) gives the same bytes.
    result = run_cli(
        "render", reference, "-o", tmp_path / "out", "-k", "notice", "-f", "pdf", "--style", "state"
    )
    assert result.returncode == 0, result.stderr
    from_cli = (tmp_path / "out" / reference.stem / "notice.pdf").read_bytes()
    assert from_cli == write(render(load_meeting(reference), "notice", "state"))["notice.pdf"]


class _Recorder(http.server.SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


def test_only_files_inside_the_meeting_folder_are_fetched(
    reference: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Images come from the meeting's folder only; nothing else is read, nothing sent."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    chair = reference.parent / "images" / "chair.png"
    shutil.copy(chair, elsewhere / "chair.png")
    handler = functools.partial(_Recorder, directory=str(elsewhere))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        doc = render(load_meeting(reference), "news", "party")
        write = get_writer("pdf")
        probes = {
            "images/chair.png": 1,  # relative to the YAML: allowed
            chair.as_uri(): 1,
            (elsewhere / "chair.png").as_uri(): 0,  # another folder
            f"../{elsewhere.name}/chair.png": 0,
            f"http://127.0.0.1:{server.server_port}/chair.png": 0,  # the network
            "data:image/png;base64," + base64.b64encode(chair.read_bytes()).decode(): 0,
        }
        for src, expected in probes.items():
            body = f'<article class="news"><p>x</p><img src="{src}" alt=""></article>'
            data = write(dataclasses.replace(doc, body=body, images=()))["news.pdf"]
            path = tmp_path / "probe.pdf"
            path.write_bytes(data)
            assert sum(p.images for p in read_pdf(path)[0]) == expected, src[:60]
        assert _Recorder.requests == [], "a request reached the network"
    finally:
        server.shutdown()
        server.server_close()


def test_weasyprint_is_not_imported_by_the_package() -> None:
    code = (
        "import sys, report_gen, report_gen.cli, report_gen.pipeline, report_gen.render, "
        "report_gen.writers, report_gen.styles; "
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_font_configuration_and_stylesheets_are_reused() -> None:
    from report_gen.writers import pdf

    assert pdf.font_config() is pdf.font_config()
    assert pdf.stylesheet("notice", "party") is pdf.stylesheet("notice", "party")
    assert pdf.stylesheet("notice", "party") is not pdf.stylesheet("notice", "state")


def test_warm_up_parses_every_stylesheet_once() -> None:
    from report_gen.writers import pdf

    pdf._STATE.clear()
    pdf.warm_up()
    sheets = pdf._cached()["css"]
    assert set(sheets) == {(k, s) for k in ("news", "report", "notice") for s in ("party", "state")}
    before = dict(sheets)
    pdf.warm_up()
    assert all(pdf._cached()["css"][key] is sheet for key, sheet in before.items())
