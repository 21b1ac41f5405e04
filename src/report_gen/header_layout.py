"""The header of an official document laid out from its own text, measured with the font.

One computation serves the PDF and the DOCX: the template writes its results as inline
`style` widths (columns, rules, the "Kính gửi" indents) and both writers read them.

- Column widths follow the content: the right column is as wide as the widest of the
  national title, the motto and the date line (which never wraps), the left column gets
  the rest and its issuer names break to fit it.
- Issuer names break where the decree's templates break them ("ỦY BAN NHÂN DÂN" /
  "TỈNH QUẢNG NAM"): before the place, after a comma, before "VÀ"; never inside a place
  name or a body's name ("ỦY BAN NHÂN DÂN"), never leaving one word alone on a line. A
  name the user broke by hand keeps its lines.
- The rules under the issuer and under the trích yếu measure 5/12 of their text line
  (inside the 1/3 to 1/2 the decree asks for, vn-admin-format.md §1.3).

Widths come from the advance widths of Liberation Serif (metric twin of Times New Roman,
vn-admin-format.md §8); sizes and weights come from the stylesheets.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from report_gen.styles import css_text

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation-serif"),
    Path("/usr/share/fonts/liberation"),
)
FACES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
PT_MM = 25.4 / 72
A4_WIDTH_MM = 210.0
SLACK_MM = 2.0  # room left in a column beyond its widest line (Word and LibreOffice round)
RULE_SHARE = 5 / 12  # between 1/3 and 1/2 of the text line
RIGHT_LINES = {  # the header's right column above the date (class, text)
    "party": [("national-title", "ĐẢNG CỘNG SẢN VIỆT NAM")],
    "state": [
        ("national-title", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("motto", "Độc lập - Tự do - Hạnh phúc"),
    ],
}

# Words that start a place name: the place is this word (or pair) and what follows.
PLACE_WORDS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")
# Party committees: the place name follows them directly (HUYỆN ỦY GIỒNG TRÔM).
COMMITTEES = ("TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "ĐẢNG ỦY")
# Names of bodies that are never split.
BODY_NAMES = (
    "ỦY BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN KIỂM TRA",
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
    "MẶT TRẬN TỔ QUỐC",
    "VĂN PHÒNG",
    "ĐẢNG BỘ",
    "CHI BỘ",
    *COMMITTEES,
)


@functools.cache
def _font(bold: bool, italic: bool) -> tuple[dict[int, int], int] | None:
    """(advance width by code point, units per em) of Liberation Serif, or None if absent."""
    from fontTools.ttLib import TTFont

    for folder in FONT_DIRS:
        path = folder / FACES[(bold, italic)]
        if path.is_file():
            font = TTFont(str(path), lazy=True)
            cmap = font.getBestCmap()
            hmtx = font["hmtx"]
            widths = {cp: hmtx[name][0] for cp, name in cmap.items()}
            return widths, font["head"].unitsPerEm
    return None


def text_width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """The advance width of one line of text, in millimetres."""
    text = unicodedata.normalize("NFC", text).replace("\u2060", "")
    font = _font(bold, italic)
    if font is None:  # no metrics: a Times-like average
        return len(text) * 0.5 * size_pt * PT_MM
    widths, upm = font
    units = sum(widths.get(ord(ch), upm // 2) for ch in text)
    return units / upm * size_pt * PT_MM


@dataclass(frozen=True)
class Font:
    size_pt: float
    bold: bool = False
    italic: bool = False

    def width(self, text: str) -> float:
        return text_width_mm(text, self.size_pt, self.bold, self.italic)


@functools.cache
def style_fonts(kind: str, style: str) -> dict[str, Font]:
    """The font of each header class, read from the stylesheets the PDF and DOCX use."""
    from report_gen.writers.css_styles import Length, font_size, parse  # tinycss2: on use

    sheet = parse(css_text(kind, style))
    body_pt = font_size(sheet.computed(["body"]).get("font-size"), 12.0)
    out = {}
    for cls in (
        "issuer-parent",
        "issuer-name",
        "doc-number",
        "national-title",
        "motto",
        "place-date",
        "doc-summary",
        "addressee",
    ):
        decls = sheet.computed(["p", f".{cls}"])
        weight = decls.get("font-weight")
        out[cls] = Font(
            font_size(decls.get("font-size"), body_pt),
            weight in ("bold", "bolder") or (isinstance(weight, Length) and weight.value >= 600),
            decls.get("font-style") in ("italic", "oblique"),
        )
    return out


@functools.cache
def text_width_of_page(kind: str, style: str) -> float:
    from report_gen.writers.css_styles import Length, parse

    page = parse(css_text(kind, style)).page
    left = page.margins.get("left", Length(30, "mm")).twips() / 1440 * 25.4
    right = page.margins.get("right", Length(15, "mm")).twips() / 1440 * 25.4
    return A4_WIDTH_MM - left - right


# -- breaking a name into lines -------------------------------------------------------------


def _starts(words: list[str], i: int, phrase: str) -> bool:
    parts = phrase.split()
    return [w.rstrip(",").upper() for w in words[i : i + len(parts)]] == parts


def _breaks(words: list[str]) -> dict[int, int]:
    """Allowed break positions (a break before word i) with a preference (higher: better)."""
    n = len(words)
    allowed = {i: 0 for i in range(1, n)}
    i = 0
    while i < n:
        body = next((p for p in BODY_NAMES if _starts(words, i, p)), None)
        if body is not None:
            length = len(body.split())
            for j in range(i + 1, i + length):
                allowed.pop(j, None)
            if body in COMMITTEES:
                if i in allowed:
                    allowed[i] = 3
                if i + length < n and not any(_starts(words, i + length, p) for p in PLACE_WORDS):
                    # the place right after the committee (HUYỆN ỦY GIỒNG TRÔM) stays with it
                    for j in range(i + length, _place_end(words, i + length)):
                        allowed.pop(j, None)
            i += length
            continue
        place = next((p for p in PLACE_WORDS if _starts(words, i, p)), None)
        if place is not None:
            if i in allowed:
                allowed[i] = 3
            for j in range(i + 1, _place_end(words, i)):
                allowed.pop(j, None)
            i += len(place.split())
            continue
        i += 1
    for j in list(allowed):
        if words[j - 1].endswith(",") and allowed[j] < 2:
            allowed[j] = 2
        if words[j].upper() == "VÀ" and allowed[j] < 2:
            allowed[j] = 2
    return allowed


def _place_end(words: list[str], start: int) -> int:
    """The index after the last word of the place name starting at `start`."""
    j = start + 1
    while j < len(words):
        if words[j - 1].endswith(",") or words[j].upper() == "VÀ":
            break
        j += 1
    return j


def _decree_break(words: list[str]) -> int | None:
    """The break the decree's templates always make: a council before its place."""
    for body in ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"):
        length = len(body.split())
        if _starts(words, 0, body) and any(_starts(words, length, p) for p in PLACE_WORDS):
            return length
    return None


def break_name(text: str, font: Font, max_mm: float) -> tuple[list[str], bool]:
    """(lines, fits): the name broken where an office would break it, within `max_mm`."""
    if "\n" in text:  # broken by hand: the office's own break
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        return lines, all(font.width(line) <= max_mm for line in lines)
    words = text.split()
    whole = " ".join(words)
    decree = _decree_break(words)
    if decree is not None:
        lines = [" ".join(words[:decree]), " ".join(words[decree:])]
        if all(font.width(line) <= max_mm for line in lines):
            return lines, True
    if font.width(whole) <= max_mm or len(words) < 4:
        return [whole], font.width(whole) <= max_mm
    allowed = _breaks(words)
    preferred = sorted(i for i, pref in allowed.items() if pref >= 2)
    best: tuple[tuple[float, ...], list[str]] | None = None
    # Where an office would break (before a place, after a comma, before "VÀ") first, then
    # anywhere a break is allowed; fewer lines first, then balanced lines.
    for positions, count in itertools.product((preferred, sorted(allowed)), (1, 2)):
        for cuts in itertools.combinations(positions, count):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
            if any(b - a < 2 for a, b in itertools.pairwise(bounds)):
                continue  # one word alone on a line
            widths = [font.width(line) for line in lines]
            if max(widths) > max_mm:
                continue
            score = (count, -sum(allowed[c] for c in cuts), max(widths))
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1], True
    return [whole], False


def wrap(text: str, font: Font, max_mm: float) -> list[str]:
    """Greedy word wrap, as a browser and Word fill a line."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.width(f"{lines[-1]} {word}") <= max_mm:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def rule_for(longest: float, last: float) -> float:
    """A rule's length: 5/12 of the longest line, kept within 1/3–1/2 of the last one too."""
    low, high = max(longest, last) / 3, min(longest, last) / 2
    target = longest * RULE_SHARE
    return round(min(max(target, low), high) if low <= high else target, 1)


# -- the layout ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderLayout:
    left_mm: float
    right_mm: float
    parent_lines: list[str]
    name_lines: list[str]
    issuer_rule_mm: float
    wrapped: list[str] = field(default_factory=list)  # header lines that wrap by themselves


def header(
    kind: str, style: str, parent: str | None, name: str, number_line: str, date_line: str
) -> HeaderLayout:
    """Column widths, issuer lines and the issuer rule of one document's header."""
    fonts = style_fonts(kind, style)
    total = text_width_of_page(kind, style)
    right_lines = RIGHT_LINES[style]
    right_need = max(fonts[c].width(t) for c, t in [*right_lines, ("place-date", date_line)])
    right_need += SLACK_MM
    max_left = total - right_need - SLACK_MM
    wrapped: list[str] = []
    parent_lines: list[str] = []
    if parent:
        parent_lines, ok = break_name(parent, fonts["issuer-parent"], max_left)
        if not ok:
            wrapped += [x for x in parent_lines if fonts["issuer-parent"].width(x) > max_left]
    name_lines, ok = break_name(name, fonts["issuer-name"], max_left)
    if not ok:
        wrapped += [x for x in name_lines if fonts["issuer-name"].width(x) > max_left]
    name_widths = [fonts["issuer-name"].width(x) for x in name_lines]
    left_need = max(
        [fonts["issuer-parent"].width(x) for x in parent_lines]
        + name_widths
        + [fonts["doc-number"].width(number_line)]
    )
    left_need = min(left_need + SLACK_MM, max_left + SLACK_MM)
    spare = max(0.0, total - left_need - right_need)
    left = round(left_need + spare / 2, 1)
    return HeaderLayout(
        left_mm=left,
        right_mm=round(total - left, 1),
        parent_lines=parent_lines,
        name_lines=name_lines,
        issuer_rule_mm=rule_for(max(name_widths), name_widths[-1]),
        wrapped=wrapped,
    )


def summary_rule(kind: str, style: str, summary: str) -> float:
    """The rule under the trích yếu: from its longest line as the page wraps it."""
    font = style_fonts(kind, style)["doc-summary"]
    widths = [font.width(x) for x in wrap(summary, font, text_width_of_page(kind, style))]
    return rule_for(max(widths, default=0.0), max(widths, default=0.0))


def addressee_indent(kind: str, style: str, addressees: list[str]) -> tuple[float, float]:
    """(start of the "- " lines, width of "Kính gửi: ") so the block is centred on the page."""
    font = style_fonts(kind, style)["addressee"]
    total = text_width_of_page(kind, style)
    label = font.width("Kính gửi: ")
    longest = max((font.width(f"- {a};") for a in addressees), default=0.0)
    indent = max(0.0, (total - label - longest) / 2)
    return round(indent + label, 1), round(label, 1)


_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
