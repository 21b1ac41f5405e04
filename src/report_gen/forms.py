"""Forms that follow the style whatever the user typed, and places where a line must not break.

- Authority prefixes: Party `T/M`, `K/T`, `T/L` (HD 36); state `TM.`, `KT.`, `TL.`
  (NĐ 30), vn-admin-format.md §1.7, §2.4.
- The last recipient, the file copy: state `Lưu: VT, …`; Party `Lưu …` without a colon
  (§1.8, §2.2).
- No break inside "b/c", "quý I/2024", "6 tháng": a word joiner (U+2060) after a slash
  followed by a lower-case letter or a digit, a no-break space (U+00A0) between a number
  and the unit it counts and after "quý". Word, LibreOffice and WeasyPrint honour both.
  "./." needs nothing: Unicode line breaking (UAX 14) never breaks before "." or "/".
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
NBSP = "\u00a0"

# prefix as typed (upper case, dot optional) -> (Party form, state form)
_AUTHORITY = (
    (re.compile(r"^(?:T/M|TM\.?)(?=\s)"), ("T/M", "TM.")),
    (re.compile(r"^(?:K/T|KT\.?)(?=\s)"), ("K/T", "KT.")),
    (re.compile(r"^(?:T/L|TL\.?)(?=\s)"), ("T/L", "TL.")),
)
_FILING = re.compile(r"^Lưu\s*(:?)\s*(.*)$", re.I | re.S)


def authority_form(line: str, style: str) -> str:
    """`T/M BAN THƯỜNG VỤ` ↔ `TM. BAN THƯỜNG VỤ`, as the style writes it."""
    line = " ".join(line.split())
    for pattern, forms in _AUTHORITY:
        match = pattern.match(line.upper())
        if match:
            form = forms[0] if style == "party" else forms[1]
            return f"{form}{line[match.end() :]}"
    return line


def authority_mismatch(line: str, style: str) -> tuple[str, str] | None:
    """(as typed, as the style writes it) when the prefix is the other style's form."""
    typed = line.split()[0] if line.split() else ""
    written = authority_form(line, style).split()[0] if line.split() else ""
    return (typed, written) if typed and typed != written else None


def is_filing(item: str) -> bool:
    return bool(_FILING.match(item.strip())) and item.strip()[:3].lower() == "lưu"


def filing_form(item: str, style: str) -> str:
    """The file-copy line in the style's form: `Lưu: VT, NV` (state), `Lưu Văn phòng Huyện ủy`."""
    match = _FILING.match(item.strip())
    if not match or not is_filing(item):
        return item
    rest = match[2].strip()
    if style == "party":
        return f"Lưu {rest}" if rest else "Lưu"
    if not re.match(r"VT\b", rest):
        rest = f"VT, {rest}" if rest else "VT"
    return f"Lưu: {rest}"


def recipients_form(items: list[str], style: str) -> list[str]:
    return [filing_form(item, style) if is_filing(item) else item for item in items]


# -- no-break --------------------------------------------------------------------------

_SLASH = re.compile(r"(?<=[\w.])/(?=\d|[^\W\d_])")
_UNITS = (
    "tháng|năm|ngày|tuần|quý|giờ|phút|người|đảng viên|chi bộ|hồ sơ|nhiệm vụ|văn bản|"
    "đơn vị|cơ quan|xã|huyện|tỉnh|lần|đồng|triệu|tỷ|nghìn"
)
_COUNT = re.compile(rf"(?<![\w,./])(\d+(?:[.,]\d+)*) (?=(?:{_UNITS})\b)")
_QUARTER = re.compile(r"\b(quý|Quý|QUÝ) (?=[IVX]+\b)")
_TEXT = re.compile(r">([^<]+)<")


def nobreak(text: str) -> str:
    """Glue the pieces a line must not split (plain text, no markup)."""
    text = _SLASH.sub(lambda m: m[0] + WORD_JOINER if not text[m.end()].isupper() else m[0], text)
    text = _COUNT.sub(rf"\1{NBSP}", text)
    return _QUARTER.sub(rf"\1{NBSP}", text)


def nobreak_html(html: str) -> str:
    """`nobreak` on the text between tags only (attributes are left alone)."""
    return _TEXT.sub(lambda m: f">{nobreak(m[1])}<", html)


def plain(text: str) -> str:
    """Text with the no-break characters back to what the user typed."""
    return text.replace(WORD_JOINER, "").replace(NBSP, " ")
