"""Vietnamese language rules as Jinja filters: dates, lists, people, capitalisation.

Kept in one place so that templates hold only wording, and each rule is unit-tested.
References are to docs/the-thuc.md.
"""

from __future__ import annotations

import datetime as dt
import functools
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


def upper_vi(text: str) -> str:
    """Upper case that keeps NFC (Python's upper is correct for Vietnamese; normalise anyway)."""
    return nfc(text.upper())


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese alphabet order for "a)", "b)", ... (§1.6)


def roman(n: int) -> str:
    return ROMAN[n - 1]


def letter(n: int) -> str:
    return LETTERS[n - 1]


def doc_deadline(deadline: dt.date | str, style: str) -> str:
    """A task's deadline in a document: `Thời hạn hoàn thành: trước ngày 30-9-2020.`."""
    if isinstance(deadline, str):
        return f"Thời hạn: {without_end(deadline)}."
    when = party_date(deadline) if style == "party" else admin_date(deadline)
    return f"Thời hạn hoàn thành: trước {when}."


def closed(text: str) -> str:
    """The text with a full stop where it has no closing mark at all (its own is kept)."""
    return text if ends_closed(text) else text.rstrip() + "."


def sentence(text: str) -> str:
    """A user's paragraph set as the tool's sentence starts and ends as one: a capital first
    letter, and a full stop only where it has no closing mark at all (its own punctuation
    is kept)."""
    return closed(capfirst(text))  # a paragraph or a line of a list begins a sentence


def lowerstart(text: str) -> bool:
    """The text opens with a lower-case letter (a phrase, not a sentence)."""
    return text[:1].islower()


FILTERS: dict[str, Callable[..., Any]] = {
    "sentence": sentence,
    "closed": closed,
    "doc_deadline": doc_deadline,
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
    "upper_vi": upper_vi,
    "roman": roman,
    "letter": letter,
}


# --- Words at the seams: where the tool's sentence meets the user's text -------------
#
# Closed lists, never guesses: a first letter is lowered only when the first words are
# known common words, and a user's sentence continues ours only when it opens with a
# known verb. Anything else keeps its text as written and gets its own frame.

# Meeting nouns, longest first; the value is the form used in mid-sentence.
MEETING_NOUNS: dict[str, str] = {
    "hội nghị": "Hội nghị",
    "phiên họp": "Phiên họp",
    "kỳ họp": "Kỳ họp",
    "cuộc họp": "cuộc họp",
    "buổi làm việc": "buổi làm việc",
    "buổi giao ban": "buổi giao ban",
    "giao ban": "buổi giao ban",
    "hội thảo": "Hội thảo",
    "tọa đàm": "Tọa đàm",
    "toạ đàm": "Toạ đàm",
    "đại hội": "Đại hội",
    "diễn đàn": "Diễn đàn",
    "họp": "cuộc họp",
}
_NOUN_ORDER = sorted(MEETING_NOUNS, key=len, reverse=True)


def _starts_words(text: str, phrase: str) -> bool:
    """`text` begins with the whole words of `phrase` (case-insensitive)."""
    low = text.lower()
    return low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum())


@functools.lru_cache(maxsize=1024)
def meeting_noun(name: str, kind: str | None = None) -> str:
    """The meeting's own noun as written mid-sentence (“Phiên họp”, “buổi làm việc”).

    `meeting.kind` when given; else the noun the name begins with; else “Hội nghị”.
    Event nouns keep their capital, as portals write them; “cuộc họp” and “buổi làm
    việc” are common nouns and are lower-case in mid-sentence.
    """
    if kind:
        key = kind.strip().lower()
        return MEETING_NOUNS.get(key, kind.strip())
    for noun in _NOUN_ORDER:
        if _starts_words(name, noun):
            return MEETING_NOUNS[noun]
    return "Hội nghị"


def strip_noun(name: str) -> str:
    """`Hội nghị sơ kết …` → `sơ kết …`: the name without its leading meeting noun."""
    for noun in _NOUN_ORDER:
        if _starts_words(name, noun) and noun != "giao ban":
            return name[len(noun) :].strip()
    return name


# Heads of common noun phrases (groups of people, bodies in general): lowered in
# mid-sentence. Names of bodies (Ban Dân vận, Sở Nội vụ, UBND) are never in this list.
COMMON_HEADS = (
    "các",
    "những",
    "toàn thể",
    "lãnh đạo",
    "đại diện",
    "một số",
    "cán bộ",
    "đại biểu",
    "thành viên",
    "bí thư",
    "phó bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "trưởng",
    "phó trưởng",
    "giám đốc",
    "phó giám đốc",
    "thủ trưởng",
    "người đứng đầu",
    "đảng viên",
    "đoàn viên",
    "hội viên",
    "công chức",
    "viên chức",
    "giáo viên",
    "cùng",
    "cấp ủy",
    "cấp uỷ",
    "mọi",
    "tất cả",
    "đông đảo",
    "nhiều",
    "phóng viên",
    "thường trực",
    "ủy viên",
    "uỷ viên",
    "chánh văn phòng",
    "đồng chí",
    "chi bộ",
    "trưởng ban",
    "phó trưởng ban",
)


def common_head(text: str) -> bool:
    """The text opens with a common head word (lowered safely in mid-sentence)."""
    return any(_starts_words(text, head) for head in COMMON_HEADS)


def seam_lower(text: str) -> str:
    """The user's phrase in mid-sentence: `Lãnh đạo các sở` → `lãnh đạo các sở`.

    Group heads (các, lãnh đạo, đại diện…) are lowered. A title or a member noun (bí thư,
    chủ tịch, cán bộ…) is lowered only where no name follows it in the phrase (“bí thư các
    chi bộ”); “Thường trực HĐND huyện”, “Chủ tịch, Phó Chủ tịch Ủy ban MTTQ” name offices
    and stay as written, as do bodies, acronyms and names.
    """
    head = opens_with(text, COMMON_HEADS)
    if head is None:
        return text
    if not _group(text) and any(w[:1].isupper() for w in text[len(head) :].split()):
        return text
    return lowerfirst(text)


def _group(text: str) -> bool:
    """Heads that always make a group, whatever follows (“Các xã”, “Lãnh đạo Sở …”)."""
    return any(
        _starts_words(text, head)
        for head in ("các", "những", "toàn thể", "lãnh đạo", "đại diện", "một số", "cùng")
    )


def unsure_case(text: str) -> bool:
    """Capitalised opening that is neither a known common head nor clearly a name."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if not first[:1].isupper() or common_head(text) or first.isupper():
        return False
    words = text.split()
    return not (len(words) > 1 and words[1][:1].isupper()) and first not in NAME_WORDS


# Verbs that open a reported statement, so that “đồng chí X <verb> …” reads on.
ACK_VERBS = (
    "ghi nhận",
    "biểu dương",
    "đánh giá cao",
    "hoan nghênh",
    "khen ngợi",
    "chúc mừng",
    "cảm ơn",
    "trân trọng",
    "đánh giá",
    "nhất trí",
    "đồng tình",
    "thống nhất",
    "khẳng định",
    "tuyên dương",
    "chia sẻ",
)
REQUEST_VERBS = (
    "đề nghị",
    "yêu cầu",
    "chỉ đạo",
    "giao",
    "lưu ý",
    "quán triệt",
    "kêu gọi",
    "nhắc nhở",
    "đề ra",
    "định hướng",
    "mong muốn",
    "chỉ rõ",
    "nêu rõ",
    "nhấn mạnh",
    "lưu ý",
    "đồng thời",
    "cho rằng",
    "phân tích",
    "chỉ ra",
    "thông tin",
    "cho biết",
    "gợi ý",
    "đề xuất",
    "kết luận",
    "nêu",
    "thẳng thắn",
    "phê bình",
    "chấn chỉnh",
)
# Verbs that open a task (“Tăng cường …”): lowered after an assignee or in one sentence.
TASK_VERBS = (
    "tiếp tục",
    "tăng cường",
    "tập trung",
    "chú trọng",
    "đẩy mạnh",
    "quán triệt",
    "thực hiện",
    "nâng cao",
    "phát huy",
    "kiên quyết",
    "gắn",
    "đổi mới",
    "hoàn thành",
    "hoàn thiện",
    "chuẩn bị",
    "khẩn trương",
    "rà soát",
    "xây dựng",
    "triển khai",
    "chỉ đạo",
    "phối hợp",
    "chủ trì",
    "nghiên cứu",
    "tham mưu",
    "tổ chức",
    "làm tốt",
    "đảm bảo",
    "bảo đảm",
    "quan tâm",
    "duy trì",
    "kịp thời",
    "thường xuyên",
    "tích cực",
    "chủ động",
    "theo dõi",
    "kiểm tra",
    "giám sát",
    "tuyên truyền",
    "vận động",
    "củng cố",
    "rà soát",
    "đôn đốc",
    "giải quyết",
    "xử lý",
    "ưu tiên",
    "đề xuất",
    "hướng dẫn",
    "phát động",
    "lãnh đạo",
    "quyết liệt",
    "tập huấn",
    "bồi dưỡng",
    "cải cách",
    "cải thiện",
    "huy động",
    "đầu tư",
    "sớm",
    "thúc đẩy",
    "nắm chắc",
    "nắm bắt",
    "phấn đấu",
    "đa dạng hóa",
    "đổi mới",
    "rút kinh nghiệm",
    "tạo điều kiện",
    "phát triển",
    "hỗ trợ",
    "cập nhật",
    "quản lý",
    "nâng",
    "mở rộng",
    "phòng",
    "đánh giá",
    "báo cáo",
    "xem xét",
    "cụ thể hóa",
    "sắp xếp",
    "khắc phục",
    "ban hành",
    "bố trí",
    "làm rõ",
    "tổng hợp",
    "tháo gỡ",
    "cần",
    "phải",
    "không",
    "khẩn",
    "chuẩn",
    "tiến hành",
    "vận hành",
    "chuyển",
    "kiện toàn",
    "siết chặt",
    "tổng kết",
    "sơ kết",
    "quyết tâm",
    "lựa chọn",
    "tăng",
    "giảm",
    "thu",
    "hoàn tất",
    "đăng ký",
    "tuyệt đối",
    "nghiêm túc",
    "chấp hành",
    "làm việc",
    "đồng hành",
    "tiếp nhận",
    "tiếp thu",
    "khai thác",
    "hoàn chỉnh",
    "lồng ghép",
    "nhân rộng",
    "thẩm định",
    "thẩm tra",
    "trình",
    "gửi",
    "rà soát lại",
    "nâng cấp",
    "điều chỉnh",
    "bổ sung",
    "thống kê",
    "vận dụng",
    "học tập",
    "phổ biến",
    "khen thưởng",
    "biên soạn",
    "sửa đổi",
    "dự báo",
    "thu hút",
    "thành lập",
    "giữ vững",
    "bám sát",
    "tiếp tục thực hiện",
)
# Words that join a statement to the one before; they stay first when a subject is added.
CONNECTIVES = ("đồng thời", "bên cạnh đó", "ngoài ra", "mặt khác", "theo đó", "qua đó")


@functools.cache
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for phrase in phrases:
        index.setdefault(phrase.split()[0], []).append(phrase)
    return {word: tuple(sorted(found, key=len, reverse=True)) for word, found in index.items()}


def opens_with(text: str, phrases: tuple[str, ...]) -> str | None:
    """The phrase of `phrases` that `text` opens with (longest), or None."""
    head = text[:80].lower().split(maxsplit=1)
    if not head:
        return None
    first = head[0].rstrip(",.;:!?")
    for phrase in _by_first_word(phrases).get(first, ()):
        if _starts_words(text, phrase):
            return phrase
    return None


def directive_kind(text: str) -> str:
    """“ack” (ghi nhận, biểu dương …), “request” (đề nghị, yêu cầu …) or “statement”."""
    if opens_with(text, ACK_VERBS):
        return "ack"
    if opens_with(text, REQUEST_VERBS) or opens_with(text, TASK_VERBS):
        return "request"
    return "statement"


VERBS = ACK_VERBS + REQUEST_VERBS + TASK_VERBS


def opens_with_verb(text: str) -> bool:
    """Opens with a known verb, or in lower case (the user wrote it to continue a sentence)."""
    return text[:1].islower() or bool(opens_with(text, VERBS))


# Body names and their short forms, so that one body written two ways is one body.
_ABBREVIATIONS = {
    "ủy ban nhân dân": "ubnd",
    "uỷ ban nhân dân": "ubnd",
    "hội đồng nhân dân": "hđnd",
    "mặt trận tổ quốc việt nam": "mttq",
    "mặt trận tổ quốc": "mttq",
    "ủy ban mặt trận tổ quốc việt nam": "ubmttq",
    "ban chấp hành": "bch",
    "ban thường vụ": "btv",
    "thành phố": "tp.",
    "uỷ": "ủy",
}


@functools.lru_cache(maxsize=4096)
def body_key(text: str) -> str:
    """A comparison key: case, spacing and common abbreviations folded."""
    key = " ".join(nfc(text).lower().replace("uỷ", "ủy").split())
    for long, short in _ABBREVIATIONS.items():
        key = key.replace(long, short)
    return key


def mentions(text: str, body: str) -> bool:
    """`text` names `body` (in full or abbreviated)."""
    return bool(body.strip()) and body_key(body) in body_key(text)


def strip_tail(text: str, body: str, joiners: tuple[str, ...] = ("của", "do")) -> str:
    """`Phiên họp … của UBND huyện X` → `Phiên họp …` when `body` is the sentence's subject."""
    words = text.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in joiners and body_key(" ".join(words[i + 1 :])) == body_key(body):
            return " ".join(words[:i]).rstrip(",")
    return text


def strip_body(text: str, body: str) -> str:
    """The text without the body it names, when the body is the sentence's subject:
    `Ban Chấp hành Đảng bộ huyện lần thứ 12` (body `Ban Chấp hành Đảng bộ huyện`) →
    `lần thứ 12`; `thứ 2 HĐND phường An Hải` (body `HĐND phường An Hải`) → `thứ 2`."""
    words, key = text.split(), body_key(body)
    size = len(key.split())
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + size + 3) + 1):
            if body_key(" ".join(words[start:end]).strip(",")) == key:
                joined = " ".join(words[:start] + words[end:])
                return joined.replace(" ,", ",").strip(" ,")
    return text


_SUMMARY_HEADS = ("kết quả", "kết luận", "tình hình", "công tác", "việc", "báo cáo", "thông báo")


def title_lower(text: str) -> str:
    """A Party trích yếu opens in lower case (“sơ kết …”, “kết luận của …”) unless it opens
    with a name (“Ban Chấp hành Đảng bộ …” stays as written)."""
    if opens_with(text, VERBS) or opens_with(text, _SUMMARY_HEADS):
        return lowerfirst(text)
    return text


def shares_run(a: str, b: str, n: int = 4) -> bool:
    """`a` and `b` say the same run of `n` words (case folded): one would repeat the other."""
    words_a, words_b = body_key(a).split(), body_key(b).split()
    runs = {tuple(words_a[i : i + n]) for i in range(len(words_a) - n + 1)}
    return any(tuple(words_b[i : i + n]) in runs for i in range(len(words_b) - n + 1))


def without_end(text: str) -> str:
    """The text without its final full stop (to extend the sentence)."""
    text = text.rstrip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("...") else text


FILTERS["title_lower"] = title_lower
