"""Vietnamese language rules as Jinja filters: dates, lists, people, capitalisation.

Kept in one place so that templates hold only wording, and each rule is unit-tested.
References are to docs/the-thuc.md.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

DRAFT_BLANK = "\u00a0" * 6  # room for the clerk to write the day or month by hand
SESSIONS = {"sáng": "Sáng", "chiều": "Chiều", "tối": "Tối"}
CLOSING_MARKS = (".", ";", ":", ",", "!", "?", "…", ",...")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _day_month(d: dt.date) -> tuple[str, str]:
    """NĐ 30 §1.4: day below 10 and months 1 and 2 get a leading zero; months 3–12 do not."""
    return f"{d.day:02d}", (f"{d.month:02d}" if d.month <= 2 else str(d.month))


def admin_date(d: dt.date | None, year: int | None = None) -> str:
    """`ngày 09 tháng 7 năm 2019`; a draft (no date) leaves day and month blank."""
    if d is None:
        return f"ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {year or ''}".rstrip()
    day, month = _day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def day_phrase(d: dt.date, session: str | None = None) -> str:
    """`Sáng ngày 09 tháng 4 năm 2022`: how a document's opening sentence dates a meeting."""
    text = admin_date(d)
    return f"{SESSIONS[session]} {text}" if session else capfirst(text)


def news_date(d: dt.date, session: str | None = None, sep: str = "/") -> str:
    """`Sáng 9/7` as portals open an article; `Ngày 9/7` when the session is unknown."""
    lead = SESSIONS.get(session or "", "Ngày")
    return f"{lead} {d.day}{sep}{d.month}"


def party_date(d: dt.date) -> str:
    """Party citation form `ngày 03-10-2017` (§3.1: day padded, month not)."""
    return f"ngày {d.day:02d}-{d.month}-{d.year}"


def short_date(d: dt.date, style: str = "state") -> str:
    """Numeric date for deadlines in running text: `30/9/2019` (state), `30-9-2019` (Party)."""
    sep = "-" if style == "party" else "/"
    return f"{d.day:02d}{sep}{d.month}{sep}{d.year}"


# Type abbreviations of the document kinds (NĐ 30 Phụ lục III; Party: §2.3).
KIND_ABBREV = {"report": "BC", "notice": "TB"}
TYPE_ABBREVS = frozenset(["BC", "TB", "KL", "NQ", "QĐ", "CT", "KH", "HD", "TTr", "CV", "BB"])


def symbol_for(symbol: str | None, kind: str, style: str) -> str | None:
    """The symbol for this kind and style: one `symbol` key serves both documents.

    `TB/HU` becomes `BC/HU` on the report (Party: type/body); `TB-UBND` becomes
    `BC-UBND` (state: type-body). With `--style` the other way round, the separator
    after the type follows the style. A symbol that does not start with a known type
    abbreviation is kept as written.
    """
    if not symbol or kind not in KIND_ABBREV:
        return symbol
    for found in ("/", "-"):
        head, sep, rest = symbol.partition(found)
        if sep and head in TYPE_ABBREVS:
            return f"{KIND_ABBREV[kind]}{'/' if style == 'party' else '-'}{rest}"
    return symbol


def doc_number(number: str | None, symbol: str | None, style: str) -> str:
    """`Số 125-TB/HU` (Party, no colon) or `Số: 15/TB-UBND` (state); blank in a draft.

    Numbers below 10 get a leading zero (NĐ 30 §1.3; Party §2.3).
    """
    if number is None:
        number = DRAFT_BLANK
    elif number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    if style == "party":
        return f"Số {number}-{symbol}" if symbol else f"Số {number}"
    return f"Số: {number}/{symbol}" if symbol else f"Số: {number}"


def vi_number(n: float, decimals: int = 0) -> str:
    """Vietnamese number format: 1.234,5."""
    text = f"{n:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vi_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{vi_number(seconds, 1)} giây"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} phút {secs:02d} giây"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} giờ {minutes:02d} phút"


def join_vi(items: Iterable[str], last: str = "và") -> str:
    """`A, B và C`: commas between, a conjunction before the last item."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def ends_closed(text: str) -> bool:
    return text.rstrip().endswith(CLOSING_MARKS)


def close_items(items: Iterable[str], between: str = ";", end: str = ".") -> list[str]:
    """Enumeration punctuation: `;` after each item, `.` after the last.

    Only items without closing punctuation get a mark: the office's own wording is kept.
    """
    items = list(items)
    return [
        item if ends_closed(item) else item + (end if i == len(items) - 1 else between)
        for i, item in enumerate(items)
    ]


def capfirst(text: str) -> str:
    """Capital first letter at a sentence start; the rest is left as the user wrote it."""
    return text[:1].upper() + text[1:]


def lowerfirst(text: str) -> str:
    """Lower-case first letter where a user's phrase continues a sentence."""
    return text[:1].lower() + text[1:]


# First words that begin a name (of a body, a document, a place) and so keep their capital.
NAME_WORDS = frozenset(
    [
        "Ban",
        "Bộ",
        "Chi",
        "Chính",
        "Đảng",
        "Đoàn",
        "Hội",
        "Huyện",
        "Mặt",
        "Nhà",
        "Nhân",
        "Phòng",
        "Quận",
        "Sở",
        "Thành",
        "Thị",
        "Tỉnh",
        "Trung",
        "Ủy",
        "Uỷ",
        "Văn",
        "Xã",
        "Phường",
        "Công",
        "Nghị",
        "Quyết",
        "Chỉ",
        "Kết",
        "Luật",
        "Pháp",
        "Hồ",
        "Bác",
        "Quốc",
    ]
)


def continue_sentence(text: str) -> str:
    """Let a user's sentence continue ours ("đồng chí … trân trọng ghi nhận …").

    The first letter is lowered only when the text does not start with a name: an
    abbreviation (UBND), a capitalised pair (Ban Dân vận) or a word that begins names.
    """
    words = text.split(maxsplit=2)
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 else ""
    if first.isupper() or first in NAME_WORDS or second[:1].isupper():
        return text
    return lowerfirst(text)


def first_mention(person: Any) -> str:
    """`đồng chí Lê Bình Nguyên, Phó Bí thư Thường trực Huyện ủy` (§6: name, then title)."""
    return f"đồng chí {person.name}, {person.title}"


def later_mention(person: Any) -> str:
    """`đồng chí Phó Bí thư Thường trực Huyện ủy`: later mentions give the title alone."""
    return f"đồng chí {person.title}"


def upper_vi(text: str) -> str:
    """Upper case that keeps NFC (Python's upper is correct for Vietnamese; normalise anyway)."""
    return nfc(text.upper())


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese alphabet order for "a)", "b)", ... (§1.6)


def roman(n: int) -> str:
    return ROMAN[n - 1]


def letter(n: int) -> str:
    return LETTERS[n - 1]


def strip_meeting_word(name: str) -> str:
    """`Hội nghị sơ kết …` → `sơ kết …`, for headlines and summaries built from the name."""
    for word in ("Hội nghị ", "hội nghị "):
        if name.startswith(word):
            return name[len(word) :]
    return name


FILTERS: dict[str, Callable[..., Any]] = {
    "admin_date": admin_date,
    "news_date": news_date,
    "day_phrase": day_phrase,
    "symbol_for": symbol_for,
    "doc_number": doc_number,
    "party_date": party_date,
    "short_date": short_date,
    "join_vi": join_vi,
    "close_items": close_items,
    "capfirst": capfirst,
    "lowerfirst": lowerfirst,
    "continue_sentence": continue_sentence,
    "first_mention": first_mention,
    "later_mention": later_mention,
    "upper_vi": upper_vi,
    "roman": roman,
    "letter": letter,
    "strip_meeting_word": strip_meeting_word,
}
