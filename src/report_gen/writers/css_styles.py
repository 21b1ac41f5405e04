"""The document stylesheets (templates/css) read as paragraph formats for the DOCX writer.

Only what a Word paragraph style can hold is read, from simple selectors:

- `.class`, `element`, `.class element` (the last for list items: `.news-tasks li`),
  comma lists of those; rules inside `@media print` (or `all`) count, other media not;
- properties `font-size`, `font-weight`, `font-style`, `text-align`, `text-indent`,
  `margin(-top/-bottom)`, `padding-left`, `line-height` (unitless: a multiple of single
  spacing; a length: exact), `text-decoration` (underline), `color`, `width`, `height`,
  `border-top`/`border-bottom` (a paragraph border of that thickness),
  `page-break-after: avoid` (keep with next), `page-break-inside: avoid` (keep together);
- `@page` `margin` and the page-number margin boxes (`@top-center` … with `content:
  counter(page)` and `font-size`; `@page :first { @top-center { content: none } }`).

Later rules override earlier ones, class rules override element rules (CSS specificity).
No Word import here: this module only turns CSS into numbers (twips, half-points).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import tinycss2

TWIPS_PER = {
    "pt": 20.0,
    "mm": 1440 / 25.4,
    "cm": 1440 / 2.54,
    "in": 1440.0,
    "px": 15.0,
    "pc": 240.0,
}
ROOT_FONT_PT = 12.0  # 1rem: the browser default 16px, as WeasyPrint uses for <html>
INHERITED = {
    "font-size",
    "font-weight",
    "font-style",
    "text-align",
    "text-indent",
    "line-height",
    "color",
}
SIDES = ("top", "right", "bottom", "left")
MARGIN_BOXES = (
    "top-left",
    "top-center",
    "top-right",
    "bottom-left",
    "bottom-center",
    "bottom-right",
)


@dataclass(frozen=True)
class Length:
    value: float
    unit: str  # pt, mm, cm, in, px, pc, em, rem, %, "" (a bare number)

    def twips(self, font_pt: float = ROOT_FONT_PT, reference: float = 0.0) -> int:
        """In twips; `em` is relative to `font_pt`, `%` to `reference` (twips)."""
        if self.unit in TWIPS_PER:
            return round(self.value * TWIPS_PER[self.unit])
        if self.unit == "em":
            return round(self.value * font_pt * 20)
        if self.unit == "rem":
            return round(self.value * ROOT_FONT_PT * 20)
        if self.unit == "%":
            return round(self.value * reference / 100)
        return round(self.value * 20) if self.value else 0  # unitless 0 (or pt by default)


Value = Length | str | tuple[Any, ...]


@dataclass
class ParaFormat:
    """One paragraph style as Word sees it; None means “not set, inherit”."""

    size_pt: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    color: str | None = None  # RRGGBB
    align: str | None = None  # left, center, right, both
    first_line: int | None = None  # twips
    left: int | None = None
    before: int | None = None
    after: int | None = None
    line: int | None = None  # 240ths of a line (auto) or twips (exact)
    line_rule: str | None = None  # auto, exact
    width: Length | None = None  # rules: the length of the line
    height: int | None = None  # twips: an exact line height (room to sign)
    border_top: int | None = None  # eighths of a point
    border_bottom: int | None = None
    keep_next: bool | None = None  # page-break-after: avoid
    keep_lines: bool | None = None  # page-break-inside: avoid


@dataclass
class Page:
    margins: dict[str, Length] = field(default_factory=dict)
    boxes: dict[str, dict[str, Value]] = field(default_factory=dict)
    first_boxes: dict[str, dict[str, Value]] = field(default_factory=dict)

    def margin_twips(self, side: str, default_mm: float = 20.0) -> int:
        return self.margins.get(side, Length(default_mm, "mm")).twips()

    def page_number(self) -> tuple[str, dict[str, Value], bool] | None:
        """(box name, its declarations, shown on page 1) of the box that prints the page number."""
        for name in MARGIN_BOXES:
            box = self.boxes.get(name, {})
            if "counter(page)" in str(box.get("content", "")):
                first = self.first_boxes.get(name, {}).get("content", box["content"])
                return name, box, first != "none"
        return None


# -- parsing ------------------------------------------------------------------------


def _tokens(values: list[Any]) -> list[Any]:
    return [t for t in values if t.type not in ("whitespace", "comment")]


def _value(token: Any) -> Value:
    if token.type == "dimension":
        return Length(float(token.value), token.lower_unit)
    if token.type == "percentage":
        return Length(float(token.value), "%")
    if token.type == "number":
        return Length(float(token.value), "")
    if token.type == "ident":
        return str(token.lower_value)
    if token.type == "hash":
        return "#" + token.value
    if token.type == "function":
        return f"{token.lower_name}({tinycss2.serialize(token.arguments).strip()})"
    if token.type == "string":
        return token.value
    return tinycss2.serialize([token]).strip()


def _expand(name: str, values: list[Value]) -> dict[str, Value]:
    """Shorthands into longhands, so that a later `margin-top` overrides a `margin`."""
    if name in ("margin", "padding") and 1 <= len(values) <= 4:
        top, right, bottom, left = {
            1: lambda v: (v[0], v[0], v[0], v[0]),
            2: lambda v: (v[0], v[1], v[0], v[1]),
            3: lambda v: (v[0], v[1], v[2], v[1]),
            4: lambda v: tuple(v),
        }[len(values)](values)
        return {f"{name}-{s}": v for s, v in zip(SIDES, (top, right, bottom, left), strict=True)}
    if name in ("border-top", "border-bottom"):
        width = next((v for v in values if isinstance(v, Length)), Length(1, "px"))
        style = next((v for v in values if isinstance(v, str) and not v.startswith("#")), "solid")
        return {name: Length(0, "pt") if style in ("none", "hidden") else width}
    if len(values) == 1:
        return {name: values[0]}
    return {name: tuple(values)}


def _declarations(content: list[Any]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for decl in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if decl.type == "declaration":
            out.update(_expand(decl.lower_name, [_value(t) for t in _tokens(decl.value)]))
    return out


def _selectors(prelude: list[Any]) -> list[tuple[str, tuple[int, int]]] | None:
    """`.a, p, .b li` → keys with specificity; None when any part is not a simple selector."""
    keys = []
    for part in tinycss2.serialize(prelude).split(","):
        words = part.split()
        if not words:
            return None
        if len(words) == 1 and words[0].startswith(".") and _ident(words[0][1:]):
            keys.append((words[0], (1, 0)))
        elif len(words) == 1 and _ident(words[0]):
            keys.append((words[0].lower(), (0, 1)))
        elif (
            len(words) == 2
            and words[0].startswith(".")
            and _ident(words[0][1:])
            and _ident(words[1])
        ):
            keys.append((f"{words[0]} {words[1].lower()}", (1, 1)))
        else:
            return None
    return keys


def _ident(text: str) -> bool:
    return bool(text) and all(c.isalnum() or c in "-_" for c in text) and not text[0].isdigit()


@dataclass
class Sheet:
    """Declarations by selector key, in source order, and the page."""

    declarations: list[tuple[tuple[int, int], int, str, str, Value]] = field(default_factory=list)
    page: Page = field(default_factory=Page)

    def computed(self, keys: list[str] | tuple[str, ...]) -> dict[str, Value]:
        """The cascade over the rules whose selector is one of `keys`."""
        wanted = set(keys)
        out: dict[str, Value] = {}
        for *_, name, value in sorted(
            (d for d in self.declarations if d[2] in wanted), key=lambda d: d[:2]
        ):
            out[name] = value
        return out

    def has(self, key: str) -> bool:
        return any(d[2] == key for d in self.declarations)


def _media_applies(prelude: list[Any]) -> bool:
    words = {t.lower_value for t in prelude if t.type == "ident"}
    return bool(words & {"print", "all"}) and "not" not in words


def _page_rule(sheet: Sheet, rule: Any) -> None:
    first = ":first" in tinycss2.serialize(rule.prelude).replace(" ", "")
    pseudo = tinycss2.serialize(rule.prelude).strip()
    if pseudo and not first:
        return  # :left, :right, named pages: not used by Word's single section
    boxes = sheet.page.first_boxes if first else sheet.page.boxes
    for item in tinycss2.parse_blocks_contents(
        rule.content, skip_comments=True, skip_whitespace=True
    ):
        if item.type == "declaration" and not first:
            for name, value in _expand(
                item.lower_name, [_value(t) for t in _tokens(item.value)]
            ).items():
                if name.startswith("margin-") and isinstance(value, Length):
                    sheet.page.margins[name[len("margin-") :]] = value
        elif item.type == "at-rule" and item.lower_at_keyword in MARGIN_BOXES and item.content:
            boxes.setdefault(item.lower_at_keyword, {}).update(_declarations(item.content))


def _rules(sheet: Sheet, rules: list[Any]) -> None:
    for rule in rules:
        if rule.type == "at-rule":
            if rule.lower_at_keyword == "page" and rule.content is not None:
                _page_rule(sheet, rule)
            elif rule.lower_at_keyword == "media" and rule.content and _media_applies(rule.prelude):
                _rules(sheet, tinycss2.parse_rule_list(rule.content, True, True))
            continue
        if rule.type != "qualified-rule":
            continue
        keys = _selectors(rule.prelude)
        if not keys:
            continue
        decls = _declarations(rule.content)
        for key, spec in keys:
            for name, value in decls.items():
                sheet.declarations.append((spec, len(sheet.declarations), key, name, value))


@functools.cache
def parse(css: str) -> Sheet:
    sheet = Sheet()
    _rules(sheet, tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return sheet


# -- CSS values to a paragraph format -------------------------------------------------

ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right"}
ALIGN["justify"] = "both"


def font_size(value: Value | None, parent_pt: float) -> float:
    if isinstance(value, Length):
        if value.unit in ("em", "%"):
            return parent_pt * value.value / (100 if value.unit == "%" else 1)
        if value.unit == "rem":
            return ROOT_FONT_PT * value.value
        return value.twips() / 20
    named = {
        "small": 10.0,
        "medium": 12.0,
        "large": 13.5,
        "x-large": 18.0,
        "smaller": parent_pt / 1.2,
    }
    return named.get(str(value), parent_pt) if value is not None else parent_pt


def paragraph_format(decls: dict[str, Value], parent_pt: float) -> ParaFormat:
    """Declarations (already cascaded) as Word paragraph properties."""
    fmt = ParaFormat()
    size = font_size(decls.get("font-size"), parent_pt)
    if "font-size" in decls:
        fmt.size_pt = size
    if "font-weight" in decls:
        weight = decls["font-weight"]
        fmt.bold = weight in ("bold", "bolder") or (
            isinstance(weight, Length) and weight.value >= 600
        )
    if "font-style" in decls:
        fmt.italic = decls["font-style"] in ("italic", "oblique")
    if "text-decoration" in decls or "text-decoration-line" in decls:
        deco = decls.get("text-decoration", decls.get("text-decoration-line"))
        fmt.underline = "underline" in (deco if isinstance(deco, tuple) else (deco,))
    color = decls.get("color")
    if isinstance(color, str) and color.startswith("#") and len(color) in (4, 7):
        hexa = color[1:]
        fmt.color = (hexa if len(hexa) == 6 else "".join(c * 2 for c in hexa)).upper()
    if decls.get("text-align") in ALIGN:
        fmt.align = ALIGN[str(decls["text-align"])]
    for css_name, attr in (("text-indent", "first_line"), ("margin-top", "before"),
                           ("margin-bottom", "after"), ("padding-left", "left")):  # fmt: skip
        value = decls.get(css_name)
        if isinstance(value, Length):
            setattr(
                fmt, attr, max(0, value.twips(size)) if attr != "first_line" else value.twips(size)
            )
    line = decls.get("line-height")
    if isinstance(line, Length):
        if line.unit == "":
            fmt.line, fmt.line_rule = round(line.value * 240), "auto"
        else:
            fmt.line, fmt.line_rule = line.twips(size, size * 20), "exact"
    elif line == "normal":
        fmt.line, fmt.line_rule = 240, "auto"
    if isinstance(decls.get("width"), Length):
        fmt.width = decls["width"]  # type: ignore[assignment]
    height = decls.get("height")
    if isinstance(height, Length) and height.unit != "%" and (height.unit or not height.value):
        fmt.height = height.twips(size)
    for css_names, attr in ((("page-break-after", "break-after"), "keep_next"),
                            (("page-break-inside", "break-inside"), "keep_lines")):  # fmt: skip
        for css_name in css_names:
            if css_name in decls:
                setattr(fmt, attr, str(decls[css_name]).startswith("avoid"))
    for css_name, attr in (("border-top", "border_top"), ("border-bottom", "border_bottom")):
        value = decls.get(css_name)
        if isinstance(value, Length):
            eighths = round(value.twips(size) / 20 * 8)
            setattr(fmt, attr, min(96, max(2, eighths)) if eighths else 0)
    return fmt


def inherited(decls: dict[str, Value]) -> dict[str, Value]:
    """What a paragraph inherits from <body> (margins and paddings do not inherit)."""
    return {k: v for k, v in decls.items() if k in INHERITED}


def inline(style: str | None) -> dict[str, Value]:
    """The declarations of an element's `style` attribute (widths the layout measured)."""
    if not style:
        return {}
    return _declarations(tinycss2.parse_component_value_list(style))
