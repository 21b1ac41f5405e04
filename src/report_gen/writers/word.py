"""DOCX writer: the semantic HTML body as a Word document built on named styles.

The writer walks `doc.body` (templates/README.md, the class contract) and gives every
class its own Word paragraph style, whose font size, weight, style, alignment, indent,
spacing, line height, borders and keep-with-next come from the same stylesheets the PDF
uses (css_styles.py reads them). A secretary restyles the document in Word by editing a
style, not each paragraph; no paragraph carries direct formatting except where the HTML
has inline emphasis or a container's margin (a list, a figure) lands on its first or
last paragraph.

Style names are Vietnamese (what Word shows); style ids are ASCII (what the XML holds):

============================  ==================  ====================================
class                         style id            style name
============================  ==================  ====================================
news-title                    NewsTitle           Tít tin bài
news-lead                     NewsLead            Sapo tin bài
news-opening                  NewsOpening         Đoạn mở đầu tin bài
news-text                     NewsText            Nội dung tin bài
news-tasks (each li)          NewsTask            Nhiệm vụ (gạch đầu dòng)
news-figure (the photo)       NewsFigure          Ảnh tin bài
news-caption                  NewsCaption         Chú thích ảnh
news-author                   NewsAuthor          Tác giả tin bài
issuer-parent                 IssuerParent        Tên cơ quan cấp trên
issuer-name                   IssuerName          Tên cơ quan ban hành
issuer-mark                   IssuerMark          Dấu sao dưới tên cơ quan
rule                          Rule                Đường kẻ
rule-issuer                   RuleIssuer          Đường kẻ dưới tên cơ quan
rule-national                 RuleNational        Đường kẻ dưới tiêu đề Đảng
rule-motto                    RuleMotto           Đường kẻ dưới Tiêu ngữ
rule-summary                  RuleSummary         Đường kẻ dưới trích yếu
national-title                NationalTitle       Quốc hiệu, tiêu đề
motto                         Motto               Tiêu ngữ
doc-number                    DocNumber           Số, ký hiệu
place-date                    PlaceDate           Địa danh, ngày tháng
doc-type                      DocType             Tên loại văn bản
doc-summary                   DocSummary          Trích yếu
summary-mark                  SummaryMark         Gạch dưới trích yếu
section-heading               SectionHeading      Đề mục
body-text                     DocBodyText         Nội dung văn bản
item                          Item                Nội dung đánh số
closing (with body-text)      DocClosing          Câu kết
recipients-label              RecipientsLabel     Nơi nhận (nhãn)
recipient                     Recipient           Nơi nhận
sign-authority                SignAuthority       Quyền hạn người ký
sign-title                    SignTitle           Chức vụ người ký
sign-space                    SignSpace           Khoảng trống để ký
sign-name                     SignName            Họ tên người ký
(page number)                 DocPageNumber       Số trang
============================  ==================  ====================================

A class not in the table still gets a style (id from the class, name the class). No id
is one of Word's built-in style ids (Body Text, Closing, Page Number…), so that applying a
built-in style in Word never meets one of these under another name.
`doc-header` and `doc-footer` become borderless fixed-width tables whose columns take
the cells' CSS `width` of the text width; a `div.rule` is an empty paragraph with a top
border, centred by equal left and right indents so that the line is the CSS `width`.

Output is deterministic: core properties carry fixed dates (the document's date, else
the meeting's), and the zip is re-packed in sorted order with fixed timestamps.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import lxml.html
from docx import Document
from docx.document import Document as DocxDocument
from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from lxml import etree

from report_gen import __version__
from report_gen.render import KIND_NAMES, RenderedDoc
from report_gen.styles import css_text
from report_gen.writers import clean_metadata
from report_gen.writers.css_styles import (
    Length,
    ParaFormat,
    Sheet,
    font_size,
    inherited,
    inline,
    paragraph_format,
    parse,
)

FONT = "Times New Roman"
LANG = "vi-VN"
A4_TWIPS = (11906, 16838)
EMU_PER_TWIP = 635
EMU_PER_PX = 9525  # CSS px: 1/96 in
HEADING_LEVELS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
PARAGRAPHS = {"p", *HEADING_LEVELS}

STYLE_NAMES: dict[str, tuple[str, str]] = {
    "news-title": ("NewsTitle", "Tít tin bài"),
    "news-lead": ("NewsLead", "Sapo tin bài"),
    "news-opening": ("NewsOpening", "Đoạn mở đầu tin bài"),
    "news-text": ("NewsText", "Nội dung tin bài"),
    "news-tasks": ("NewsTask", "Nhiệm vụ (gạch đầu dòng)"),
    "news-figure": ("NewsFigure", "Ảnh tin bài"),
    "news-caption": ("NewsCaption", "Chú thích ảnh"),
    "news-author": ("NewsAuthor", "Tác giả tin bài"),
    "issuer-parent": ("IssuerParent", "Tên cơ quan cấp trên"),
    "issuer-name": ("IssuerName", "Tên cơ quan ban hành"),
    "issuer-mark": ("IssuerMark", "Dấu sao dưới tên cơ quan"),
    "rule": ("Rule", "Đường kẻ"),
    "rule-issuer": ("RuleIssuer", "Đường kẻ dưới tên cơ quan"),
    "rule-national": ("RuleNational", "Đường kẻ dưới tiêu đề Đảng"),
    "rule-motto": ("RuleMotto", "Đường kẻ dưới Tiêu ngữ"),
    "rule-summary": ("RuleSummary", "Đường kẻ dưới trích yếu"),
    "national-title": ("NationalTitle", "Quốc hiệu, tiêu đề"),
    "motto": ("Motto", "Tiêu ngữ"),
    "doc-number": ("DocNumber", "Số, ký hiệu"),
    "place-date": ("PlaceDate", "Địa danh, ngày tháng"),
    "doc-type": ("DocType", "Tên loại văn bản"),
    "doc-summary": ("DocSummary", "Trích yếu"),
    "summary-mark": ("SummaryMark", "Gạch dưới trích yếu"),
    "section-heading": ("SectionHeading", "Đề mục"),
    "body-text": ("DocBodyText", "Nội dung văn bản"),
    "item": ("Item", "Nội dung đánh số"),
    "closing": ("DocClosing", "Câu kết"),
    "recipients-label": ("RecipientsLabel", "Nơi nhận (nhãn)"),
    "recipient": ("Recipient", "Nơi nhận"),
    "sign-authority": ("SignAuthority", "Quyền hạn người ký"),
    "sign-title": ("SignTitle", "Chức vụ người ký"),
    "sign-space": ("SignSpace", "Khoảng trống để ký"),
    "sign-name": ("SignName", "Họ tên người ký"),
    "addressee": ("Addressee", "Kính gửi"),
    "addressee-first": ("AddresseeFirst", "Kính gửi (dòng đầu)"),
    "addressee-one": ("AddresseeOne", "Kính gửi (một nơi)"),
    "page-number": ("DocPageNumber", "Số trang"),
    "draft-mark": ("DraftMark", "Dấu dự thảo"),
}
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no "Compatibility Mode" on opening
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
END_LINE = 20  # twips: the paragraph that ends a body after a table
AT_LEAST_LINE = 1.25  # above every application's "single" line (1.107 to 1.15 em)
BULLET = "•"
BULLET_NUM_ID = 1

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML white space; no-break spaces are kept


# -- small XML helpers ----------------------------------------------------------------


def _sub(parent: Any, tag: str, **attrs: Any) -> Any:
    el = etree.SubElement(parent, qn(tag))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _fonts(rpr: Any) -> None:
    _sub(rpr, "w:rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)


def _ppr(parent: Any, fmt: ParaFormat, style_id: str | None = None, **extra: Any) -> Any:
    """A w:pPr in schema order: pStyle, keepNext, keepLines, numPr, pBdr, spacing, ind, jc, outlineLvl."""
    ppr = _sub(parent, "w:pPr")
    if style_id:
        _sub(ppr, "w:pStyle", val=style_id)
    if fmt.keep_next is not None:
        _sub(ppr, "w:keepNext", val=int(fmt.keep_next))
    if fmt.keep_lines is not None:
        _sub(ppr, "w:keepLines", val=int(fmt.keep_lines))
    if extra.get("num_id") is not None:
        num = _sub(ppr, "w:numPr")
        _sub(num, "w:ilvl", val=0)
        _sub(num, "w:numId", val=extra["num_id"])
    if fmt.border_top or fmt.border_bottom:
        bdr = _sub(ppr, "w:pBdr")
        for side, size in (("top", fmt.border_top), ("bottom", fmt.border_bottom)):
            if size:
                _sub(bdr, f"w:{side}", val="single", sz=size, space=0, color="auto")
    spacing: dict[str, int | str] = {
        k: v
        for k, v in (("before", fmt.before), ("after", fmt.after), ("line", fmt.line))
        if v is not None
    }
    if spacing:
        if fmt.line is not None:
            spacing["lineRule"] = fmt.line_rule or "auto"
        _sub(ppr, "w:spacing", **spacing)
    ind = {}
    if fmt.left is not None:
        ind["left"] = fmt.left
    if extra.get("right") is not None:
        ind["right"] = extra["right"]
    if fmt.first_line is not None:
        ind["firstLine" if fmt.first_line >= 0 else "hanging"] = abs(fmt.first_line)
    if ind:
        _sub(ppr, "w:ind", **ind)
    if fmt.align:
        _sub(ppr, "w:jc", val=fmt.align)
    if extra.get("outline") is not None:
        _sub(ppr, "w:outlineLvl", val=extra["outline"])
    return ppr


def _rpr(parent: Any, fmt: ParaFormat, fonts: bool = False) -> Any:
    """A w:rPr in schema order: rFonts, b, i, color, sz, szCs, u."""
    rpr = _sub(parent, "w:rPr")
    if fonts:
        _fonts(rpr)
    if fmt.bold is not None:
        _sub(rpr, "w:b", val=int(fmt.bold))
        _sub(rpr, "w:bCs", val=int(fmt.bold))
    if fmt.italic is not None:
        _sub(rpr, "w:i", val=int(fmt.italic))
        _sub(rpr, "w:iCs", val=int(fmt.italic))
    if fmt.color:
        _sub(rpr, "w:color", val=fmt.color)
    if fmt.size_pt is not None:
        half_points = max(2, round(fmt.size_pt * 2))
        _sub(rpr, "w:sz", val=half_points)
        _sub(rpr, "w:szCs", val=half_points)
    if fmt.underline is not None:
        _sub(rpr, "w:u", val="single" if fmt.underline else "none")
    return rpr


def _classes(el: Any) -> list[str]:
    return (el.get("class") or "").split()


# -- the template: python-docx's default package, trimmed to what a report needs -------

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>report-gen {__version__}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

NUMBERING = (
    f"<w:abstractNum {nsdecls('w')} w:abstractNumId='0'>"
    "<w:multiLevelType w:val='singleLevel'/>"
    "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='bullet'/>"
    f"<w:lvlText w:val='{BULLET}'/><w:lvlJc w:val='left'/>"
    "<w:pPr><w:ind w:left='360' w:hanging='360'/></w:pPr>"
    f"<w:rPr><w:rFonts w:ascii='{FONT}' w:hAnsi='{FONT}' w:cs='{FONT}' w:hint='default'/></w:rPr>"
    "</w:lvl></w:abstractNum>"
)


@functools.cache
def _template() -> bytes:
    """The default template without its thumbnail, stylesWithEffects, customXml, theme
    fonts and 160 unused styles; with a bullet list definition. Built once per process."""
    document = Document()
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            part.rels.pop(rid)
        elif rel.reltype == RT.THEME:
            blob = rel.target_part._blob
            rel.target_part._blob = re.sub(
                rb'<a:latin typeface="[^"]*"', f'<a:latin typeface="{FONT}"'.encode(), blob
            )
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML.encode("utf-8")
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            styles.remove(style)
    for el in styles.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            el.attrib.pop(qn(f"w:{attr}"), None)
    numbering = part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    numbering.append(parse_xml(NUMBERING))
    numbering.append(
        parse_xml(
            f"<w:num {nsdecls('w')} w:numId='{BULLET_NUM_ID}'><w:abstractNumId w:val='0'/></w:num>"
        )
    )
    settings = document.settings.element
    for el in settings.iter(qn("w:compatSetting")):
        if el.get(qn("w:name")) == "compatibilityMode":
            el.set(qn("w:val"), COMPATIBILITY_MODE)
    for tag in ("w:savePreviewPicture", "w:rsids", "w:proofState"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    for el in settings.findall(qn("w:themeFontLang")):
        el.attrib.clear()
        el.set(qn("w:val"), LANG)
    sect = document.element.body.find(qn("w:sectPr"))
    for attr in list(sect.attrib):
        del sect.attrib[attr]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- styles from the CSS ----------------------------------------------------------------


class _Styles:
    """Word styles made on first use, each from the CSS of its classes."""

    def __init__(self, document: DocxDocument, sheet: Sheet) -> None:
        self.sheet = sheet
        self.root = document.styles.element
        self.made: dict[str, ParaFormat] = {}  # by class
        self.by_id: dict[str, ParaFormat] = {"Normal": ParaFormat()}
        body = inherited(sheet.computed(["body"]))
        normal_decls = {**body, **sheet.computed(["p"])}
        self.normal_pt = font_size(normal_decls.get("font-size"), 12.0)
        self.normal = paragraph_format(normal_decls, 12.0)
        self.normal.size_pt = self.normal_pt
        self._defaults()

    def _defaults(self) -> None:
        defaults = self.root.find(qn("w:docDefaults"))
        for child in list(defaults):
            defaults.remove(child)
        rpr = _rpr(_sub(defaults, "w:rPrDefault"), ParaFormat(size_pt=self.normal_pt), fonts=True)
        _sub(rpr, "w:lang", val=LANG, eastAsia=LANG)
        ppr = _sub(_sub(defaults, "w:pPrDefault"), "w:pPr")
        _sub(ppr, "w:widowControl")
        _sub(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
        normal = self.root.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
        for child in list(normal):
            if child.tag in (qn("w:pPr"), qn("w:rPr")):
                normal.remove(child)
        _ppr(normal, self.normal)
        rpr = _rpr(normal, self.normal, fonts=True)
        _sub(rpr, "w:lang", val=LANG, eastAsia=LANG)

    def add(self, key: str, fmt: ParaFormat, based_on: str = "Normal", outline: int | None = None,
            right: int | None = None) -> str:  # fmt: skip
        style_id, name = STYLE_NAMES.get(key, (_camel(key), key))
        if key in self.made:
            return style_id
        style = _sub(self.root, "w:style", type="paragraph", customStyle=1, styleId=style_id)
        _sub(style, "w:name", val=name)
        _sub(style, "w:basedOn", val=based_on)
        if fmt.height is None and fmt.width is None and key != "page-number":
            _sub(style, "w:qFormat")  # in the Styles gallery: the styles that hold text
        _ppr(style, fmt, outline=outline, right=right)
        _rpr(style, fmt)
        self.made[key] = self.by_id[style_id] = fmt
        return style_id

    def for_element(self, tag: str, classes: list[str], width: int) -> tuple[str, ParaFormat]:
        """The style of a p/h*/div element with these classes, in a box `width` twips wide."""
        known = [c for c in classes if c in STYLE_NAMES or self.sheet.has(f".{c}")]
        if not known:
            return "Normal", self.normal
        key = known[-1]
        if key in self.made:
            return STYLE_NAMES.get(key, (_camel(key), key))[0], self.made[key]
        based_on = self.for_element(tag, known[:-1], width)[0] if len(known) > 1 else "Normal"
        decls = self.sheet.computed([tag, *(f".{c}" for c in known)])
        fmt = paragraph_format(decls, self.normal_pt)
        right = None
        if fmt.width is not None:  # a rule: centre a line of that length in the box
            length = min(width, fmt.width.twips(self.normal_pt, width))
            fmt.left = (width - length) // 2
            right = width - length - fmt.left
        if fmt.height is not None and fmt.height < 240:  # a rule: an exact thin line
            fmt.line, fmt.line_rule = max(20, fmt.height), "exact"
            fmt.size_pt = max(1.0, fmt.height / 20)
        elif fmt.height is not None:
            # The room to sign: space before plus one line of an "at least" height, never
            # an exact one, which would clip a signature image pasted there. Not "single"
            # spacing either: Word's single line is 1.107 em, LibreOffice's 1.15 em, and
            # the 0.2 mm between them moved a signature that filled page 1 to page 2 in
            # LibreOffice only. A minimum above both natural heights is the same in both,
            # so the room is exactly the CSS height, as in the PDF.
            size = fmt.size_pt or self.normal_pt
            line = round(size * 20 * AT_LEAST_LINE)
            fmt.line, fmt.line_rule = line, "atLeast"
            fmt.before = max(0, fmt.height - line)
        if tag in HEADING_LEVELS and fmt.keep_next is None:
            fmt.keep_next = True
        return self.add(key, fmt, based_on, HEADING_LEVELS.get(tag), right), fmt

    def for_list(self, classes: list[str]) -> tuple[str, ParaFormat]:
        """List items: the list's inherited properties and indent, then `li` rules."""
        known = [c for c in classes if c in STYLE_NAMES or self.sheet.has(f".{c}")]
        key = known[-1] if known else "list"
        container = self.sheet.computed([f".{c}" for c in known])
        item = self.sheet.computed(["li", *(f".{c} li" for c in known)])
        decls = {**inherited(container), **item}
        fmt = paragraph_format(decls, self.normal_pt)
        padding = container.get("padding-left", Length(1.5, "rem"))
        fmt.left = padding.twips(self.normal_pt) if isinstance(padding, Length) else 360
        fmt.first_line = -min(fmt.left, 360)
        return self.add(key, fmt), fmt

    def for_figure(self, classes: list[str]) -> tuple[str, ParaFormat]:
        """The paragraph holding a photo: the figure's alignment, single line spacing."""
        known = [c for c in classes if c in STYLE_NAMES or self.sheet.has(f".{c}")]
        key = known[-1] if known else "figure"
        fmt = paragraph_format(inherited(self.sheet.computed([f".{c}" for c in known])), 12.0)
        fmt.line, fmt.line_rule, fmt.keep_next = 240, "auto", True
        return self.add(key, fmt), fmt

    def margins(self, classes: list[str]) -> tuple[int, int]:
        """A container's margin-top and margin-bottom, in twips."""
        decls = self.sheet.computed([f".{c}" for c in classes])
        out = []
        for side in ("margin-top", "margin-bottom"):
            value = decls.get(side)
            out.append(value.twips(self.normal_pt) if isinstance(value, Length) else 0)
        return out[0], out[1]


def _camel(name: str) -> str:
    return (
        "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name) if part) or "Style"
    )


# -- the HTML walk ----------------------------------------------------------------------


def _runs(el: Any) -> list[tuple[str, frozenset[str]]]:
    """Inline text with its emphasis, white space collapsed as a browser does."""
    raw: list[tuple[str, frozenset[str]]] = []

    def walk(node: Any, marks: frozenset[str]) -> None:
        if node.text:
            raw.append((node.text, marks))
        for child in node:
            if isinstance(child.tag, str):
                if child.tag == "br":
                    raw.append(("\n", marks))
                else:
                    extra = {"strong": "b", "b": "b", "em": "i", "i": "i", "u": "u"}.get(child.tag)
                    walk(child, marks | {extra} if extra else marks)
            if child.tail:
                raw.append((child.tail, marks))

    walk(el, frozenset())
    out: list[tuple[str, frozenset[str]]] = []
    space_before = True
    for text, marks in raw:
        if text == "\n":
            if out and out[-1][0].endswith(" "):
                out[-1] = (out[-1][0][:-1], out[-1][1])
            out.append((text, marks))
            space_before = True
            continue
        text = _SPACE.sub(" ", _CONTROL.sub("", text))
        if space_before and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        space_before = text.endswith(" ")
        if out and out[-1][1] == marks and out[-1][0] != "\n":
            out[-1] = (out[-1][0] + text, marks)
        else:
            out.append((text, marks))
    if out and out[-1][0].endswith(" "):
        out[-1] = (out[-1][0][:-1], out[-1][1])
    return [r for r in out if r[0]]


UPRIGHT = "upright"  # a run mark: not italic, whatever the style says
_NBSPS = re.compile("(\u00a0+)")


def _upright_blanks(
    runs: list[tuple[str, frozenset[str]]], italic_style: bool
) -> list[tuple[str, frozenset[str]]]:
    """Italic runs with their no-break spaces set upright.

    LibreOffice (7.4, in the Word 2013 compatibility the DOCX declares) sets an italic
    no-break space 0.343 em wide instead of the font's 0.25 em: the twelve of a draft's
    blank day and month ("ngày      tháng      năm 2026") made the date line 5.5 mm wider
    than header_layout.py measured, and it wrapped. An upright no-break space has the
    font's width in every application, and a space looks the same either way.
    """
    out: list[tuple[str, frozenset[str]]] = []
    for text, marks in runs:
        if "\u00a0" not in text or not (italic_style or "i" in marks):
            out.append((text, marks))
            continue
        for i, part in enumerate(_NBSPS.split(text)):
            if part:
                out.append((part, (marks - {"i"}) | {UPRIGHT} if i % 2 else marks))
    return out


class _Builder:
    def __init__(self, document: DocxDocument, doc: RenderedDoc, sheet: Sheet) -> None:
        self.document = document
        self.doc = doc
        self.styles = _Styles(document, sheet)
        self.sheet = sheet
        self.images = {image.name: image for image in doc.images}

    # paragraphs

    def paragraph(
        self,
        style_id: str,
        runs: list[tuple[str, frozenset[str]]],
        direct: ParaFormat | None = None,
        **extra: Any,
    ) -> Any:
        p = etree.Element(qn("w:p"))
        _ppr(p, direct or ParaFormat(), None if style_id == "Normal" else style_id, **extra)
        if len(p[0]) == 0:
            p.remove(p[0])
        italic = bool(self.styles.by_id.get(style_id, ParaFormat()).italic)
        for text, marks in _upright_blanks(runs, italic):
            r = _sub(p, "w:r")
            if marks:
                rpr = _sub(r, "w:rPr")
                for mark, tag in (("b", "w:b"), ("i", "w:i")):
                    if mark in marks:
                        _sub(rpr, tag)
                if UPRIGHT in marks:
                    _sub(rpr, "w:i", val=0)
                    _sub(rpr, "w:iCs", val=0)
                if "u" in marks:
                    _sub(rpr, "w:u", val="single")
            if text == "\n":
                _sub(r, "w:br")
            else:
                t = _sub(r, "w:t")
                t.text = text
                if text != text.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return p

    def give_back(self, table: Any, twips: int) -> None:
        """Take `twips` from the space before in each cell of a table's last row."""
        rows = table.findall(qn("w:tr"))
        for cell in rows[-1].findall(qn("w:tc")) if rows else []:
            for p in cell.findall(qn("w:p")):
                style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                fmt = self.styles.by_id.get(style.get(qn("w:val")) if style is not None else "")
                if fmt is not None and (fmt.before or 0) >= twips:
                    ppr = p.find(qn("w:pPr"))
                    spacing = ppr.find(qn("w:spacing"))
                    if spacing is None:  # after pStyle ... pBdr, before ind and jc
                        spacing = etree.Element(qn("w:spacing"))
                        before = ("w:pStyle", "w:keepNext", "w:keepLines", "w:numPr", "w:pBdr")
                        ahead = [c for c in ppr if c.tag in {qn(t) for t in before}]
                        ppr.insert(ppr.index(ahead[-1]) + 1 if ahead else 0, spacing)
                    spacing.set(qn("w:before"), str((fmt.before or 0) - twips))
                    break

    def blocks(self, parent: Any, width: int) -> Iterator[Any]:
        """Word block elements (w:p, w:tbl) for the children of an HTML element."""
        for child in parent:
            if isinstance(child.tag, str):
                yield from self.block(child, width)

    def block(self, el: Any, width: int) -> Iterator[Any]:
        """Word block elements for one HTML element, in a box `width` twips wide."""
        tag, classes = el.tag, _classes(el)
        if "draft-mark" in classes:
            return  # in the page header (_section), as the PDF repeats it in the margin
        if tag in PARAGRAPHS or (tag == "div" and "rule" in classes):
            style_id, fmt = self.styles.for_element(tag, classes, width)
            direct, extra = _inline_format(el, fmt, width)
            yield self.paragraph(style_id, _runs(el), direct, **extra)
        elif tag == "table":
            yield from self.table(el, width)
        elif tag in ("ul", "ol"):
            yield from self.with_margins(classes, list(self.items(el, classes)))
        elif tag == "figure":
            yield from self.with_margins(classes, list(self.figure(el, classes, width)))
        elif tag == "img":
            yield from self.image_paragraph(el, "Normal", width)
        elif any(isinstance(child.tag, str) for child in el):
            yield from self.blocks(el, width)  # article, header, section, div: containers
        elif el.text and el.text.strip():
            yield self.paragraph("Normal", _runs(el))

    def items(self, ul: Any, classes: list[str]) -> Iterator[Any]:
        style_id, _fmt = self.styles.for_list(classes)
        for li in ul:
            if isinstance(li.tag, str) and li.tag == "li":
                yield self.paragraph(style_id, _runs(li), num_id=BULLET_NUM_ID)

    def figure(self, figure: Any, classes: list[str], width: int) -> Iterator[Any]:
        style_id, _fmt = self.styles.for_figure(classes)
        for child in figure:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "img":
                yield from self.image_paragraph(child, style_id, width)
            elif child.tag == "figcaption":
                caption_id, _ = self.styles.for_element("p", _classes(child), width)
                yield self.paragraph(caption_id, _runs(child))
            else:
                yield from self.block(child, width)

    def image_paragraph(self, img: Any, style_id: str, width: int) -> Iterator[Any]:
        image = self.images.get(img.get("src", ""))
        if image is None:
            return
        info = DocxImage.from_file(str(image.source))
        cx = min(info.px_width * EMU_PER_PX, width * EMU_PER_TWIP)
        cy = round(cx * info.px_height / info.px_width)
        inline = self.document.part.new_pic_inline(str(image.source), cx, cy)
        inline.docPr.set("descr", img.get("alt") or image.caption or "")
        p = self.paragraph(style_id, [])
        _sub(_sub(p, "w:r"), "w:drawing").append(inline)
        yield p

    def with_margins(self, classes: list[str], paragraphs: list[Any]) -> list[Any]:
        """A container's margins on its first and last paragraph (as CSS margins collapse)."""
        top, bottom = self.styles.margins(classes)
        if paragraphs:
            for p, side, value in (
                (paragraphs[0], "before", top),
                (paragraphs[-1], "after", bottom),
            ):
                if value:
                    own = self._style_spacing(p, side)
                    if value > own:
                        _direct_spacing(p, side, value)
        return paragraphs

    def _style_spacing(self, p: Any, side: str) -> int:
        pstyle = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else "Normal"
        return getattr(self.styles.by_id.get(style_id, ParaFormat()), side) or 0

    # tables

    def table(self, table: Any, width: int) -> Iterator[Any]:
        rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        if not rows:
            return
        classes = _classes(table)
        decls = self.sheet.computed(["table", *(f".{c}" for c in classes)])
        keep = str(decls.get("page-break-inside", decls.get("break-inside", ""))) == "avoid"
        total = width
        if isinstance(decls.get("width"), Length):
            total = min(width, decls["width"].twips(self.styles.normal_pt, width))  # type: ignore[union-attr]
        cols = self._columns(rows, total)
        tbl = etree.Element(qn("w:tbl"))
        tpr = _sub(tbl, "w:tblPr")
        _sub(tpr, "w:tblW", w=total, type="dxa")
        _sub(tpr, "w:tblInd", w=0, type="dxa")
        borders = _sub(tpr, "w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            _sub(borders, f"w:{side}", val="none", sz=0, space=0, color="auto")
        _sub(tpr, "w:tblLayout", type="fixed")
        margins = _sub(tpr, "w:tblCellMar")
        for side in ("top", "left", "bottom", "right"):
            _sub(margins, f"w:{side}", w=0, type="dxa")
        _sub(tpr, "w:tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0,
             noHBand=1, noVBand=1)  # fmt: skip
        grid = _sub(tbl, "w:tblGrid")
        for w in cols:
            _sub(grid, "w:gridCol", w=w)
        for row in rows:
            tr = _sub(tbl, "w:tr")
            if keep:
                _sub(_sub(tr, "w:trPr"), "w:cantSplit")
            col = 0
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                span = max(1, min(int(cell.get("colspan", "1") or 1), len(cols) - col))
                if col >= len(cols):
                    break
                cell_width = sum(cols[col : col + span])
                tc = _sub(tr, "w:tc")
                tcpr = _sub(tc, "w:tcPr")
                _sub(tcpr, "w:tcW", w=cell_width, type="dxa")
                if span > 1:
                    _sub(tcpr, "w:gridSpan", val=span)
                content = list(self.blocks(cell, cell_width))
                if not content or content[-1].tag != qn("w:p"):
                    content.append(self.paragraph("Normal", []))
                tc.extend(content)
                col += span
            while col < len(cols):  # a short row: fill it, Word wants every grid column
                tc = _sub(tr, "w:tc")
                _sub(_sub(tc, "w:tcPr"), "w:tcW", w=cols[col], type="dxa")
                tc.append(self.paragraph("Normal", []))
                col += 1
        yield tbl

    def _columns(self, rows: list[Any], total: int) -> list[int]:
        """Column widths from the first row's cell classes (`width: 40%`), the rest shared."""
        first = [c for c in rows[0] if isinstance(c.tag, str) and c.tag in ("td", "th")]
        widths: list[int | None] = []
        for cell in first:
            decls = self.sheet.computed([cell.tag, *(f".{c}" for c in _classes(cell))])
            decls.update(inline(cell.get("style")))
            value = decls.get("width")
            widths.append(
                value.twips(self.styles.normal_pt, total) if isinstance(value, Length) else None
            )
        count = max(len(first), 1)
        widths += [None] * (count - len(widths))
        known = sum(w for w in widths if w is not None)
        unknown = [i for i, w in enumerate(widths) if w is None]
        for i in unknown:
            widths[i] = max(0, total - known) // len(unknown)
        out = [int(w or 0) for w in widths]
        out[-1] += total - sum(out)  # rounding: the columns fill the table exactly
        return out


def _inline_format(
    el: Any, fmt: ParaFormat, width: int
) -> tuple[ParaFormat | None, dict[str, Any]]:
    """Direct formatting from an inline `style` (what the layout measured for this element):
    a rule's own length, the indents of the "Kính gửi" lines."""
    decls = inline(el.get("style"))
    if not decls:
        return None, {}
    direct = ParaFormat()
    extra: dict[str, Any] = {}
    size = fmt.size_pt or 12.0
    value = decls.get("width")
    if isinstance(value, Length) and fmt.width is not None:
        length = min(width, value.twips(size, width))
        direct.left = (width - length) // 2
        extra["right"] = width - length - direct.left
    for css_name, attr in (("padding-left", "left"), ("text-indent", "first_line")):
        value = decls.get(css_name)
        if isinstance(value, Length):
            setattr(direct, attr, value.twips(size, width))
    return direct, extra


def _direct_spacing(p: Any, side: str, value: int) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    spacing = ppr.find(qn("w:spacing"))
    if spacing is None:
        spacing = etree.Element(qn("w:spacing"))
        after = [qn(t) for t in ("w:ind", "w:jc", "w:outlineLvl", "w:rPr")]
        anchor = next((c for c in ppr if c.tag in after), None)
        if anchor is not None:
            anchor.addprevious(spacing)
        else:
            ppr.append(spacing)
    spacing.set(qn(f"w:{side}"), str(value))


# -- section, page number, properties, package --------------------------------------------


def _field_runs(p: Any, instr: str, shown: str) -> None:
    """A complex field (python-docx has no field API): begin, instruction, result, end."""
    _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="begin")
    instr_text = _sub(_sub(p, "w:r"), "w:instrText")
    instr_text.text = f" {instr} "
    instr_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="separate")
    _sub(_sub(p, "w:r"), "w:t").text = shown
    _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="end")


def _section(builder: _Builder) -> int:
    """A4, the @page margins and the page number; returns the text width."""
    page = builder.sheet.page
    section = builder.document.sections[0]
    section.page_width, section.page_height = Twips(A4_TWIPS[0]), Twips(A4_TWIPS[1])
    top, right = page.margin_twips("top"), page.margin_twips("right")
    bottom, left = page.margin_twips("bottom"), page.margin_twips("left")
    section.top_margin, section.right_margin = Twips(top), Twips(right)
    section.bottom_margin, section.left_margin = Twips(bottom), Twips(left)
    section.gutter = Twips(0)
    section.header_distance = Twips(top // 2)
    section.footer_distance = Twips(bottom // 2)
    number = page.page_number()
    if number is not None:
        name, box, on_first = number
        fmt = paragraph_format(box, builder.styles.normal_pt)
        fmt.align = {"left": "left", "center": "center", "right": "right"}[name.split("-")[1]]
        fmt.before = fmt.after = 0
        fmt.line, fmt.line_rule = 240, "auto"
        style_id = builder.styles.add("page-number", fmt)
        size = fmt.size_pt or builder.styles.normal_pt
        half_line = round(size * 20 * 1.15 / 2)  # vertical-align: middle in the margin
        if name.startswith("top"):
            section.header_distance = Twips(max(0, top // 2 - half_line))
        else:
            section.footer_distance = Twips(max(0, bottom // 2 - half_line))
        section.different_first_page_header_footer = not on_first
        bottom_box = name.startswith("bottom")
        story = section.footer if bottom_box else section.header
        story.is_linked_to_previous = False
        width = A4_TWIPS[0] - left - right
        mark = _draft_mark(builder) if builder.doc.draft and not bottom_box else None
        _replace_story(story._element, _margin_line(builder, style_id, width, mark, field=True))
        if not on_first:
            first = section.first_page_footer if bottom_box else section.first_page_header
            first.is_linked_to_previous = False
            _replace_story(first._element, _margin_line(builder, style_id, width, mark, False))
    return A4_TWIPS[0] - left - right


def _draft_mark(builder: _Builder) -> ParaFormat:
    """The mark's run format, from the same `.draft-mark` rule as the PDF."""
    decls = builder.sheet.computed([".draft-mark"])
    fmt = paragraph_format(decls, builder.styles.normal_pt)
    return ParaFormat(size_pt=fmt.size_pt, bold=fmt.bold)


def _margin_line(
    builder: _Builder, style_id: str, width: int, mark: ParaFormat | None, field: bool
) -> Any:
    """The header's one line: the page number in the centre and, on a draft, a boxed
    "DỰ THẢO" at the right (tab stops, so that the page number stays centred)."""
    p = builder.paragraph(style_id, [])
    if mark is not None:
        ppr = p.find(qn("w:pPr"))
        tabs = etree.Element(qn("w:tabs"))
        _sub(tabs, "w:tab", val="center", pos=width // 2)
        _sub(tabs, "w:tab", val="right", pos=width)
        ppr.append(tabs)
        _sub(ppr, "w:jc", val="left")
        _sub(_sub(p, "w:r"), "w:tab")
    if field:
        _field_runs(p, "PAGE", "2")
    if mark is not None:
        _sub(_sub(p, "w:r"), "w:tab")
        run = _sub(p, "w:r")
        rpr = _rpr(run, mark)
        _sub(rpr, "w:bdr", val="single", sz=6, space=1, color="auto")
        _sub(run, "w:t").text = "DỰ THẢO"
    return p


def _replace_story(story: Any, p: Any) -> None:
    for child in list(story):
        story.remove(child)
    story.append(p)


def _dates(doc: RenderedDoc) -> dt.datetime:
    meeting = doc.loaded.meeting
    day = meeting.meeting.date
    own = meeting.document.for_kind(doc.kind).date
    if doc.kind != "news" and own:
        day = own
    return dt.datetime.combine(max(day, dt.date(1980, 1, 1)), dt.time(0, 0))


def _properties(document: DocxDocument, doc: RenderedDoc) -> None:
    meeting = doc.loaded.meeting
    author = doc.author
    props = document.core_properties
    when = _dates(doc)
    props.title = clean_metadata(doc.title)
    props.subject = clean_metadata(meeting.meeting.name)
    props.author = clean_metadata(author)
    props.last_modified_by = clean_metadata(author)
    props.comments = clean_metadata(doc.description)
    props.keywords = props.category = KIND_NAMES.get(doc.kind, doc.kind)
    if doc.draft and doc.kind != "news":
        props.keywords = f"dự thảo, {props.keywords}"
    props.language = "vi"
    props.content_status = "Dự thảo" if doc.draft and doc.kind != "news" else ""
    props.revision = 1
    props.created = when
    props.modified = when


def _repack(data: bytes, when: dt.datetime) -> bytes:
    """Same parts, sorted ([Content_Types].xml first), fixed timestamps: byte-identical output."""
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    out = io.BytesIO()
    names = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, parts[name])
    return out.getvalue()


def build(doc: RenderedDoc) -> DocxDocument:
    """The python-docx document of one rendered kind (before packing)."""
    document = Document(io.BytesIO(_template()))
    builder = _Builder(document, doc, parse(css_text(doc.kind, doc.style)))
    width = _section(builder)
    root = lxml.html.fragment_fromstring(doc.body.strip() or "<p></p>", create_parent="div")
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    last = None
    for block in builder.blocks(root, width):
        sect.addprevious(block)
        last = block
    if last is None or last.tag == qn("w:tbl"):
        # Word ends a body with a paragraph, a point high here. The PDF has no such
        # paragraph: a signature that filled page 1 to within a point left it a blank
        # page 2 in LibreOffice. The last row gives that point back from its space
        # before (the room to sign), so the body ends where the PDF's does.
        end = etree.Element(qn("w:p"))
        ppr = _ppr(end, ParaFormat(before=0, after=0, line=END_LINE, line_rule="exact"))
        _rpr(ppr, ParaFormat(size_pt=1))
        if last is not None:
            builder.give_back(last, END_LINE)
        sect.addprevious(end)
    _properties(document, doc)
    return document


def write(doc: RenderedDoc) -> dict[str, bytes]:
    document = build(doc)
    out = io.BytesIO()
    document.save(out)
    return {f"{doc.kind}.docx": _repack(out.getvalue(), _dates(doc))}
