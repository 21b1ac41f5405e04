"""The DOCX writer against the format rules (docs/the-thuc.md §1, §2, §7, §8).

Every meeting (the fixture reference and each other file in inputs/) is written as a report and
a notice in both styles (and as the article), read back with python-docx and checked:
page size and margins, fonts and language, the header and the signature element by
element (size, weight, slant, case, alignment), rules (paragraph borders of the CSS
width), the page number field, named styles, well-ordered XML, determinism, and a
LibreOffice conversion whose page count is within one page of the WeasyPrint PDF.
Lengths are in twips (1/20 pt) unless named.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from lxml import etree

from conftest import MEETINGS, libreoffice_to_pdf
from report_gen import forms
from report_gen.errors import InputError
from report_gen.render import RenderedDoc, render
from report_gen.styles import css_text
from report_gen.validate import LoadedMeeting, check_for_documents, load_meeting
from report_gen.writers import word
from report_gen.writers.css_styles import parse

MM = 1440 / 25.4  # twips per millimetre
FONT = "Times New Roman"
A4 = (11906, 16838)
PARTY_MARGINS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}  # 20/20/30/15 mm
STATE_RANGES = {
    "top": (1134, 1417),
    "bottom": (1134, 1417),
    "left": (1701, 1984),
    "right": (850, 1134),
}
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY

SOURCES = MEETINGS


def _id(source: Path) -> str:
    return f"{source.parent.name}/{source.stem}"


CASES = [
    pytest.param((source, kind, style), id=f"{_id(source)}-{kind}-{style}")
    for source in SOURCES
    for kind in ("report", "notice")
    for style in ("party", "state")
]
NEWS = [pytest.param(source, id=_id(source)) for source in SOURCES]


@functools.cache
def loaded(source: Path) -> LoadedMeeting:
    return load_meeting(source)


def documents_possible(source: Path) -> bool:
    try:
        check_for_documents(loaded(source))
    except InputError:
        return False
    return True


@functools.cache
def written(source: Path, kind: str, style: str) -> tuple[RenderedDoc, bytes]:
    if kind != "news" and not documents_possible(source):
        pytest.skip("this meeting file has no document section")
    doc = render(loaded(source), kind, style)  # type: ignore[arg-type]
    return doc, word.write(doc)[f"{kind}.docx"]


def opened(data: bytes):
    return Document(io.BytesIO(data))


# -- resolving what Word would show ------------------------------------------------------


def _styles_chain(paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _defaults(document) -> dict[str, object]:
    rpr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    sz = rpr.find(qn("w:sz"))
    return {"size": int(sz.get(qn("w:val"))) / 2 if sz is not None else 10.0}


def font(paragraph, attr: str, document=None):
    """A run property as displayed: the runs' own value if they all agree, else the styles'."""
    values = {getattr(run.font, attr) for run in paragraph.runs if run.text.strip()}
    if len(values) == 1 and None not in values:
        value = values.pop()
        return value.pt if attr == "size" else value
    for style in _styles_chain(paragraph):
        value = getattr(style.font, attr)
        if value is not None:
            return value.pt if attr == "size" else value
    if attr == "size" and document is not None:
        return _defaults(document)["size"]
    return None if attr in ("name",) else False


def para(paragraph, attr: str):
    """A paragraph property as displayed: direct, else from the style chain."""
    value = getattr(paragraph.paragraph_format, attr)
    if value is not None:
        return value
    for style in _styles_chain(paragraph):
        value = getattr(style.paragraph_format, attr)
        if value is not None:
            return value
    return None


def twips(length) -> int:
    return 0 if length is None else round(length.twips)


def border_top(paragraph) -> int | None:
    """The top border's size (eighths of a point) from the paragraph or its styles."""
    elements = [paragraph._p.pPr] + [s.element.pPr for s in _styles_chain(paragraph)]
    for ppr in elements:
        if ppr is None:
            continue
        top = ppr.find(f"{qn('w:pBdr')}/{qn('w:top')}")
        if top is not None:
            return int(top.get(qn("w:sz")))
    return None


def rule_length(paragraph, box: int) -> int:
    left = twips(para(paragraph, "left_indent"))
    right = twips(para(paragraph, "right_indent"))
    return box - left - right


def upper(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def css_width(kind: str, style: str, cls: str, box: int) -> int:
    from report_gen.writers.css_styles import Length

    value = parse(css_text(kind, style)).computed([".rule", f".{cls}"]).get("width")
    assert isinstance(value, Length), f".{cls} has no width in the CSS"
    return value.twips(14, box)


@functools.cache
def text_width_mm(text: str, size_pt: float, bold: bool) -> float | None:
    """Advance width of a line in the Times New Roman metric twin (fontconfig's choice)."""
    fc = shutil.which("fc-match")
    if fc is None:
        return None
    pattern = f"{FONT}:bold" if bold else FONT
    path = subprocess.run([fc, "-f", "%{file}", pattern], capture_output=True, text=True).stdout
    if not path:
        return None
    from fontTools.ttLib import TTFont

    font_file = TTFont(path)
    cmap, hmtx = font_file.getBestCmap(), font_file["hmtx"]
    units = sum(hmtx[cmap[ord(c)]][0] for c in text if ord(c) in cmap)
    return units / font_file["head"].unitsPerEm * size_pt * 25.4 / 72


# -- page, fonts, language -------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_page_and_margins(case) -> None:
    source, kind, style = case
    _doc, data = written(source, kind, style)
    section = opened(data).sections[0]
    assert (twips(section.page_width), twips(section.page_height)) == A4
    margins = {
        "top": twips(section.top_margin),
        "bottom": twips(section.bottom_margin),
        "left": twips(section.left_margin),
        "right": twips(section.right_margin),
    }
    if style == "party":
        for side, expected in PARTY_MARGINS.items():
            assert abs(margins[side] - expected) <= 1, (side, margins)
    else:
        for side, (low, high) in STATE_RANGES.items():
            assert low <= margins[side] <= high, (side, margins)
    assert twips(section.gutter) == 0


@pytest.mark.parametrize("kind", ["news", "report", "notice"])
def test_times_new_roman_and_vietnamese_everywhere(kind: str) -> None:
    _doc, data = written(SOURCES[0], kind, "party")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = {n: z.read(n) for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}
    styles = etree.fromstring(xml["word/styles.xml"])
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(qn(f"w:{attr}")) == FONT, attr
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    for name, blob in xml.items():
        if name.startswith("word/theme/"):
            continue
        root = etree.fromstring(blob)
        for el in root.iter(qn("w:rFonts")):
            themed = [a for a in el.attrib if a.endswith("Theme") or a.endswith("theme")]
            assert not themed, (name, themed)
            for attr in ("ascii", "hAnsi"):
                assert el.get(qn(f"w:{attr}"), FONT) == FONT, name
        for el in root.iter(qn("w:lang")):
            assert el.get(qn("w:val")) == "vi-VN", name
    normal = opened(data).styles["Normal"]
    assert normal.font.name == FONT


# -- the header, element by element -----------------------------------------------------------


def _header(document):
    table = document.tables[0]
    assert len(table.rows) == 2 and len(table.columns) == 2
    return table


@pytest.mark.parametrize("case", CASES)
def test_header(case) -> None:
    source, kind, style = case
    doc, data = written(source, kind, style)
    document = opened(data)
    issuer = doc.loaded.meeting.document.for_kind(kind).issuer
    table = _header(document)
    left = [p for p in table.cell(0, 0).paragraphs]
    right = [p for p in table.cell(0, 1).paragraphs]
    left_box, right_box = (twips(c.width) for c in (table.cell(0, 0), table.cell(0, 1)))

    def size(p) -> float:
        return font(p, "size", document)

    # issuer: superior body (not bold) and issuing body (bold), upper case, centred
    texts = [p.text for p in left]
    if issuer.parent:
        parent = left[texts.index(issuer.parent)]
        assert upper(parent.text) and font(parent, "bold") is False
        assert para(parent, "alignment") == CENTER
        assert size(parent) == 14 if style == "party" else 12 <= size(parent) <= 13
    # the issuer's name, on the lines the header layout chose (never split inside a place)
    name = next(p for p in left if p.text.replace("\n", " ") == " ".join(issuer.name.split()))
    assert upper(name.text) and font(name, "bold") is True and para(name, "alignment") == CENTER
    assert size(name) == 14 if style == "party" else 12 <= size(name) <= 13
    below = left[left.index(name) + 1]
    if style == "party":
        assert below.text == "*" and para(below, "alignment") == CENTER
    else:  # a solid rule under the issuer, centred, 1/3 to 1/2 of the name's longest line
        assert below.text == "" and border_top(below)
        longest = max(text_width_mm(line, size(name), True) or 0 for line in name.text.split("\n"))
        length_mm = rule_length(below, left_box) / MM
        assert longest / 3 - 0.3 <= length_mm <= longest / 2 + 0.3, (length_mm, longest)
        assert abs(twips(para(below, "left_indent")) - twips(para(below, "right_indent"))) <= 1

    # national title (and motto), bold, centred, on one line of the column
    national = right[0]
    assert font(national, "bold") is True and upper(national.text)
    assert para(national, "alignment") == CENTER
    if style == "party":
        assert national.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and size(national) == 15
        rule, rule_class, text_line = right[1], "rule-national", national
    else:
        assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and 12 <= size(national) <= 13
        motto = right[1]
        assert motto.text == "Độc lập - Tự do - Hạnh phúc"
        assert font(motto, "bold") is True and 13 <= size(motto) <= 14
        assert para(motto, "alignment") == CENTER
        rule, rule_class, text_line = right[2], "rule-motto", motto
    width_mm = text_width_mm(national.text, size(national), True)
    if width_mm is not None:
        assert width_mm * MM <= right_box, "the national title must fit on one line"
    # the rule under it: a top border of the CSS width, about as long as its text line
    assert rule.text == "" and border_top(rule)
    length = rule_length(rule, right_box)
    assert abs(length - css_width(kind, style, rule_class, right_box)) <= 2
    line_mm = text_width_mm(text_line.text, size(text_line), True)
    if line_mm is not None:
        assert abs(length / MM - line_mm) <= 3, (length / MM, line_mm)

    # number and symbol; place and date
    number = table.cell(1, 0).paragraphs[0]
    date = table.cell(1, 1).paragraphs[0]
    assert para(number, "alignment") == CENTER and font(number, "bold") is False
    if style == "party":
        assert re.fullmatch(r"Số [0-9\u00a0]+-\S+", number.text) and ":" not in number.text
        assert size(number) == 14 and size(date) == 14
    else:
        assert re.fullmatch(r"Số: [0-9\u00a0]+/\S+", number.text)
        assert size(number) == 13 and 13 <= size(date) <= 14
    assert font(date, "italic") is True and para(date, "alignment") == CENTER
    place = doc.loaded.meeting.document.for_kind(kind).place
    date_line = (
        rf"{re.escape(place)}, ngày[ \u00a0]+(?:\d\d[ \u00a0])?tháng[ \u00a0]+(?:\d\d?[ \u00a0])?"
        r"năm \d{4}"
    )
    assert re.fullmatch(date_line, date.text), date.text


def _after_header(document) -> list:
    """Body paragraphs between the header table and the footer table."""
    body = document.element.body
    tables = body.findall(qn("w:tbl"))
    out, inside = [], False
    for el in body:
        if el is tables[0]:
            inside = True
        elif el is tables[-1]:
            break
        elif inside and el.tag == qn("w:p"):
            out.append(el)
    by_element = {p._p: p for p in document.paragraphs}
    return [by_element[el] for el in out]


@pytest.mark.parametrize("case", CASES)
def test_title_and_body(case) -> None:
    source, kind, style = case
    _doc, data = written(source, kind, style)
    document = opened(data)
    paragraphs = _after_header(document)
    doc_type, summary, mark = paragraphs[:3]
    size = functools.partial(font, attr="size", document=document)
    assert doc_type.text == {"report": "BÁO CÁO", "notice": "THÔNG BÁO"}[kind]
    assert font(doc_type, "bold") is True and para(doc_type, "alignment") == CENTER
    assert font(summary, "bold") is True and para(summary, "alignment") == CENTER
    if style == "party":
        assert 15 <= size(doc_type) <= 16 and 14 <= size(summary) <= 15
        assert summary.text[0].islower() and mark.text == "-----"
    else:
        assert 13 <= size(doc_type) <= 14 and 13 <= size(summary) <= 14
        assert summary.text[0].isupper() and mark.text == "" and border_top(mark)
        text_width = (
            A4[0]
            - twips(document.sections[0].left_margin)
            - twips(document.sections[0].right_margin)
        )
        # 1/3 to 1/2 of the trích yếu's longest line as the page wraps it
        from report_gen.header_layout import style_fonts, wrap

        font_ = style_fonts(kind, style)["doc-summary"]
        lines = wrap(summary.text, font_, text_width / MM)
        longest = max(font_.width(line) for line in lines)
        length_mm = rule_length(mark, text_width) / MM
        assert longest / 3 - 0.3 <= length_mm <= longest / 2 + 0.3, (length_mm, longest)
    body = [p for p in paragraphs[3:] if p.text.strip() and "Kính gửi" not in p.style.name]
    assert body
    headings = [p for p in body if font(p, "bold") is True]
    assert headings and all(upper(re.sub(r"^[IVX]+[.-] ", "", h.text)) for h in headings)
    for heading in headings:
        assert re.match(r"[IVX]+- " if style == "party" else r"[IVX]+\. ", heading.text)
        assert para(heading, "keep_with_next") is True
    for p in body:
        assert para(p, "alignment") == JUSTIFY
        assert twips(para(p, "first_line_indent")) in (
            (567, 720) if style == "state" else range(540, 600)
        )
        assert twips(para(p, "space_before")) >= 120  # ≥ 6 pt
        rule = para(p, "line_spacing_rule")
        if style == "party":  # line spacing at least 18 pt exactly
            assert rule == WD_LINE_SPACING.EXACTLY and para(p, "line_spacing").pt >= 18
            assert 14 <= size(p) <= 15
        else:  # from single to 1.5 lines; Word's single line is 1.107 x the size (§8)
            assert 13 <= size(p) <= 14
            if rule == WD_LINE_SPACING.EXACTLY:
                single = 1.107 * size(p)
                assert single <= para(p, "line_spacing").pt <= 1.5 * single
            else:
                assert rule in (
                    WD_LINE_SPACING.MULTIPLE,
                    WD_LINE_SPACING.SINGLE,
                    WD_LINE_SPACING.ONE_POINT_FIVE,
                )
                assert 1.0 <= (para(p, "line_spacing") or 1.0) <= 1.5
    closing = body[-1]
    assert para(closing, "keep_with_next") is True  # the closing sentence stays with the signature
    assert closing.text.endswith("." if style == "party" else "./.")


@pytest.mark.parametrize("case", CASES)
def test_signature_and_recipients(case) -> None:
    source, kind, style = case
    doc, data = written(source, kind, style)
    document = opened(data)
    signer = doc.loaded.meeting.document.for_kind(kind).signer
    table = document.tables[-1]
    assert len(table.rows) == 1 and len(table.columns) == 2
    assert (
        table.rows[0]._tr.trPr is not None
        and table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    )
    recipients, signature = table.cell(0, 0).paragraphs, table.cell(0, 1).paragraphs
    size = functools.partial(font, attr="size", document=document)
    texts = [p.text for p in signature]
    for line in signer.authority_lines:  # in the style's form (T/M or TM.) whatever was typed
        authority = signature[texts.index(forms.authority_form(line.upper(), style))]
        assert font(authority, "bold") is True and upper(authority.text)
        assert size(authority) == 14 if style == "party" else 13 <= size(authority) <= 14
        assert para(authority, "alignment") == CENTER
    title = signature[texts.index(signer.title.upper())]
    assert upper(title.text) and para(title, "alignment") == CENTER
    if style == "party":
        assert font(title, "bold") is False and size(title) == 14
    else:
        assert font(title, "bold") is True and 13 <= size(title) <= 14
    name = signature[texts.index(signer.name)]
    assert font(name, "bold") is True and para(name, "alignment") == CENTER
    assert size(name) == 14 if style == "party" else 13 <= size(name) <= 14
    # room to sign: spacing above a single line, never an exact line height, which would
    # clip a signature image pasted there
    space = signature[texts.index(signer.name) - 1]
    assert space.text == "" and para(space, "line_spacing_rule") != WD_LINE_SPACING.EXACTLY
    assert para(space, "space_before").mm >= 15
    if doc.loaded.meeting.document.for_kind(kind).recipients:
        label, *lines = recipients
        assert label.text == "Nơi nhận:"
        if style == "party":
            assert size(label) == 14 and font(label, "underline") is True
            assert font(label, "bold") is False
        else:
            assert (
                size(label) == 12 and font(label, "bold") is True and font(label, "italic") is True
            )
        assert len(lines) == len(doc.loaded.meeting.document.for_kind(kind).recipients)
        for line in lines:
            assert line.text.startswith("- ")
            assert size(line) == (12 if style == "party" else 11)
            assert font(line, "bold") is False
            assert para(line, "alignment") == WD_ALIGN_PARAGRAPH.LEFT


@pytest.mark.parametrize("case", CASES)
def test_tables_fit_the_text_width(case) -> None:
    source, kind, style = case
    _doc, data = written(source, kind, style)
    document = opened(data)
    section = document.sections[0]
    text_width = A4[0] - twips(section.left_margin) - twips(section.right_margin)
    assert len(document.tables) == 2
    for table in document.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(grid) == 2 and sum(grid) == text_width
        assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == text_width
        for border in tbl.tblPr.find(qn("w:tblBorders")):
            assert border.get(qn("w:val")) in ("none", "nil")
        for row in table.rows:
            assert [twips(cell.width) for cell in row.cells] == grid


# -- page number, styles, XML ------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_page_number_field_not_on_first_page(case) -> None:
    source, kind, style = case
    _doc, data = written(source, kind, style)
    document = opened(data)
    section = document.sections[0]
    assert section.different_first_page_header_footer  # w:titlePg
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header._element
    instructions = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert instructions.strip() == "PAGE"
    assert [f.get(qn("w:fldCharType")) for f in header.iter(qn("w:fldChar"))] == [
        "begin",
        "separate",
        "end",
    ]
    number = section.header.paragraphs[0]
    if _doc.draft:  # the page number at a centre tab, the boxed mark at a right tab
        tabs = [(t.alignment, twips(t.position)) for t in number.paragraph_format.tab_stops]
        width = A4[0] - twips(section.left_margin) - twips(section.right_margin)
        assert [a for a, _ in tabs] == [WD_TAB_ALIGNMENT.CENTER, WD_TAB_ALIGNMENT.RIGHT]
        assert abs(tabs[0][1] - width / 2) <= 1 and abs(tabs[1][1] - width) <= 1
    else:
        assert para(number, "alignment") == CENTER
    size = font(number, "size", document)
    assert size == 14 if style == "party" else 13 <= size <= 14
    first = section.first_page_header  # an empty header on page 1
    assert not first.is_linked_to_previous
    first_xml = etree.tostring(first._element).decode()
    first_text = "".join(p.text for p in first.paragraphs).strip()
    assert "PAGE" not in first_xml and first_text == ("DỰ THẢO" if _doc.draft else "")
    # a draft says so on every page, boxed; a final document nowhere
    for story in (section.header, first):
        marks = [
            r
            for r in story._element.iter(qn("w:r"))
            if "DỰ THẢO" in etree.tostring(r, encoding=str)
        ]
        assert len(marks) == (1 if _doc.draft else 0)
        for run in marks:
            assert run.find(f"{qn('w:rPr')}/{qn('w:bdr')}") is not None


@pytest.mark.parametrize("case", CASES[:4])
def test_every_paragraph_has_a_named_style(case) -> None:
    source, kind, style = case
    _doc, data = written(source, kind, style)
    document = opened(data)
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for cell in table._cells:
            paragraphs += cell.paragraphs
    for p in paragraphs:
        assert p.style.style_id.isascii()
        if p.text.strip() or border_top(p):
            assert p.style.name != "Normal", p.text
            assert p.style.style_id != p.style.name  # a readable (Vietnamese) name
    names = {s.name for s in document.styles}
    assert {"Tên cơ quan ban hành", "Nội dung văn bản", "Họ tên người ký", "Trích yếu"} <= names


SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
    "sectPr": "headerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr "
    "tblPr trPr tcPr tblStylePr",
    "pBdr": "top left bottom right between bar",
    "tblBorders": "top left bottom right insideH insideV",
    "tblCellMar": "top left bottom right",
}


def _local(tag: str) -> str:
    return etree.QName(tag).localname


@pytest.mark.parametrize("kind", ["news", "report", "notice"])
@pytest.mark.parametrize("style", ["party", "state"])
def test_xml_in_schema_order_and_complete(kind: str, style: str) -> None:
    """What Word would repair on opening: children out of order, empty tables or cells."""
    _doc, data = written(SOURCES[0], kind, style)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for name, root in parts.items():
        for parent in root.iter():
            if not isinstance(parent.tag, str) or not parent.tag.startswith(w):
                continue
            order = SCHEMA_ORDER.get(_local(parent.tag))
            if order is None:
                continue
            sequence = order.split()
            children = [_local(c.tag) for c in parent if isinstance(c.tag, str)]
            children = ["headerReference" if c == "footerReference" else c for c in children]
            assert all(c in sequence for c in children), (name, _local(parent.tag), children)
            positions = [sequence.index(c) for c in children]
            assert positions == sorted(positions), (name, _local(parent.tag), children)
        for tbl in root.iter(f"{w}tbl"):
            rows = tbl.findall(f"{w}tr")
            assert rows and tbl.find(f"{w}tblGrid") is not None
            for tr in rows:
                cells = tr.findall(f"{w}tc")
                assert cells
                for tc in cells:
                    blocks = [c for c in tc if _local(c.tag) != "tcPr"]
                    assert blocks and _local(blocks[-1].tag) == "p"
    body = parts["word/document.xml"].find(f"{w}body")
    assert _local(body[-1].tag) == "sectPr" and _local(body[-2].tag) == "p"


# -- the article --------------------------------------------------------------------------------


@pytest.mark.parametrize("source", NEWS)
def test_news(source: Path) -> None:
    doc, data = written(source, "news", loaded(source).meeting.style)
    document = opened(data)
    meeting = doc.loaded.meeting
    paragraphs = document.paragraphs
    section = document.sections[0]
    text_width = A4[0] - twips(section.left_margin) - twips(section.right_margin)
    title, lead = paragraphs[0], paragraphs[1]
    assert title.text == doc.title and font(title, "bold") is True
    assert font(title, "size", document) >= 16
    assert font(lead, "bold") is True
    texts = [p for p in paragraphs if p.style.name == "Nội dung tin bài"]
    assert texts and all(font(p, "bold") is not True for p in texts)
    assert all(para(p, "alignment") == JUSTIFY for p in texts)
    tasks = [p for p in paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    # several tasks are a list in the user's order; a single one is a sentence
    assert len(tasks) == (len(meeting.tasks) if len(meeting.tasks) > 1 else 0)
    for task in tasks:
        assert para(task, "alignment") == JUSTIFY and twips(para(task, "left_indent")) > 0
    assert len(document.inline_shapes) == len(doc.images)
    for shape in document.inline_shapes:
        assert 0 < round(shape.width / 635) <= text_width
    captions = [p for p in paragraphs if p.style.name == "Chú thích ảnh"]
    assert len(captions) == sum(1 for image in doc.images if image.caption)
    for caption in captions:
        assert font(caption, "italic") is True and para(caption, "alignment") == CENTER
    if meeting.article.author:
        author = paragraphs[-1]
        assert author.text == meeting.article.author
        assert para(author, "alignment") == WD_ALIGN_PARAGRAPH.RIGHT
    footer = "".join(t.text for t in section.footer._element.iter(qn("w:instrText")))
    assert footer.strip() == "PAGE"  # news.css: @bottom-center, on every page
    props = document.core_properties
    assert props.title == doc.title and props.language == "vi"
    assert props.author == " ".join(
        (meeting.article.author or meeting.document.issuer.name or "").split()
    )


# -- properties and determinism ---------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES[:4])
def test_core_properties(case) -> None:
    source, kind, style = case
    doc, data = written(source, kind, style)
    props = opened(data).core_properties
    meeting = doc.loaded.meeting
    assert props.title == doc.title
    own = meeting.document.for_kind(kind)
    assert props.author == " ".join(own.issuer.name.split())
    assert props.language == "vi"
    day = own.date or meeting.meeting.date
    assert props.created.date() == day and props.modified == props.created
    assert props.revision == 1


def test_deterministic(reference: Path) -> None:
    """Two renders of the same meeting give the same bytes, in this process and a fresh one."""
    meeting = load_meeting(reference)
    stamp = meeting.meeting.meeting.date
    for kind in ("news", "notice"):
        first = word.write(render(meeting, kind))[f"{kind}.docx"]
        second = word.write(render(load_meeting(reference), kind))[f"{kind}.docx"]
        assert first == second
        with zipfile.ZipFile(io.BytesIO(first)) as z:
            names = z.namelist()
            assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
            assert {i.date_time for i in z.infolist()} == {
                (stamp.year, stamp.month, stamp.day, 0, 0, 0)
            }
    script = (
        "import sys; from pathlib import Path; from report_gen.render import render; "
        "from report_gen.validate import load_meeting; from report_gen.writers import word; "
        "sys.stdout.buffer.write(word.write(render(load_meeting(Path(sys.argv[1])), 'notice'))['notice.docx'])"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", script, str(reference)], capture_output=True, check=True
    )
    assert fresh.stdout == word.write(render(meeting, "notice"))["notice.docx"]


def test_docx_is_imported_only_by_the_writer() -> None:
    script = (
        "import sys, report_gen.cli, report_gen.pipeline, report_gen.writers\n"
        "print(sorted(m for m in ('docx', 'lxml', 'tinycss2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- LibreOffice opens it, and lays it out like the PDF ------------------------------------------------


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every DOCX converted by one LibreOffice call: {case id: (docx, LibreOffice's pdf)}."""
    folder = tmp_path_factory.mktemp("docx")
    files: dict[str, Path] = {}
    for source in SOURCES:
        kinds = ("news", "report", "notice") if documents_possible(source) else ("news",)
        for kind in kinds:
            for style in ("party", "state"):
                name = f"{source.parent.name}-{source.stem}-{kind}-{style}"
                files[name] = folder / f"{name}.docx"
                files[name].write_bytes(written(source, kind, style)[1])
    out = folder / "pdf"
    libreoffice_to_pdf(list(files.values()), out, folder / "lo-profile")
    return {name: (path, out / f"{name}.pdf") for name, path in files.items()}


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def page_text(pdf: Path, page: int) -> str:
    args = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    "case", CASES + [pytest.param((s, "news", "party"), id=f"{_id(s)}-news") for s in SOURCES]
)
def test_libreoffice_converts_with_the_pdf_page_count(case, converted) -> None:
    source, kind, style = case
    if kind != "news" and not documents_possible(source):
        pytest.skip("this meeting file has no document section")
    _docx, pdf = converted[f"{source.parent.name}-{source.stem}-{kind}-{style}"]
    assert pdf.is_file(), "LibreOffice did not convert the DOCX"
    count = pages(pdf)
    first = page_text(pdf, 1)
    if kind != "news":
        national = (
            "ĐẢNG CỘNG SẢN VIỆT NAM" if style == "party" else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        )
        assert any(national in line for line in first.splitlines()), "national title on one line"
        assert not first.lstrip().startswith("1\n")  # no page number on page 1
        if count > 1:
            assert page_text(pdf, 2).lstrip().startswith("2")  # the page number at the top
    pdf_writer = pytest.importorskip("report_gen.writers.pdf")
    doc = render(loaded(source), kind, style)  # type: ignore[arg-type]
    weasy = pdf.parent / f"{pdf.stem}.weasyprint.pdf"
    weasy.write_bytes(pdf_writer.write(doc)[f"{kind}.pdf"])
    assert abs(count - pages(weasy)) <= 1, (count, pages(weasy))


MINIMAL = """\
meeting:
  name: Hội nghị <thử> & kiểm tra
  date: 2024-02-05
chair:
  name: Nguyễn Văn A
  title: Chủ tịch UBND xã
achievements:
  - "Kết quả “A & B” <b>không</b> phải thẻ HTML;   nhiều   dấu cách."
document:
  issuer:
    name: ỦY BAN NHÂN DÂN XÃ AN BÌNH
  place: An Bình
  number: "7"
  date: 2024-02-06
  signer:
    title: CHỦ TỊCH
    name: Nguyễn Văn A
"""


@pytest.mark.parametrize("style", ["party", "state"])
@pytest.mark.parametrize("kind", ["news", "report", "notice"])
def test_minimal_meeting_and_user_text(tmp_path: Path, kind: str, style: str) -> None:
    """No superior body, authority, recipients, tasks or photo; markup-like text kept as text."""
    source = tmp_path / "toi-thieu.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    doc = render(load_meeting(source), kind, style)  # type: ignore[arg-type]
    document = opened(word.write(doc)[f"{kind}.docx"])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kết quả “A & B” <b>không</b> phải thẻ HTML; nhiều dấu cách." in text
    if kind != "news":
        footer = document.tables[-1]
        assert footer.cell(0, 0).paragraphs  # an empty cell still holds a paragraph
        assert not "".join(p.text for p in footer.cell(0, 0).paragraphs).strip()
        number = document.tables[0].cell(1, 0).paragraphs[0].text
        assert number.startswith("Số 07" if style == "party" else "Số: 07")
        props = document.core_properties
        assert props.created.date().isoformat() == "2024-02-06"
