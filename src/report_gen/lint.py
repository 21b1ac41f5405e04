"""Warnings for `report-gen check`: slips an editor would catch before the text is signed.

Never changes anything (the office's wording is theirs); each warning is located at the
line and column of the text in the meeting file. Rules: docs/the-thuc.md §5.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from report_gen.errors import Problem, quote
from report_gen.loader import Located, PathKey
from report_gen.vietnamese import vi_number

WARNING = "cảnh báo: "

_DOUBLED_COMMA = re.compile(r",\s*,")
# Starts only where a run of spaces starts: a run is scanned once, never from each of its
# spaces again (100,000 spaces would otherwise take quadratic time).
_SPACE_BEFORE = re.compile(r"(?<!\s)\s+[,.;:!?)”](?!\.\.)")
# Warnings located one by one; past this, one line says how many more there are. Locating
# is a search in the file, so this bound keeps `check` linear in the input.
MAX_WARNINGS = 100

# Tone marks on oa, oe, uy with no final consonant (§5.1): old style marks the second
# vowel (hoà, thuỷ), new style the first (hòa, thủy). After "q" the u belongs to the
# consonant: quý is right in both styles.
_OLD_ENDINGS = re.compile(r"(?:o[àáảãạèéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])$")
_NEW_ENDINGS = re.compile(r"(?:[òóỏõọ][ae]|(?<!q)[ùúủũụ]y)$")
_WORD = re.compile(r"\w+")


def tone_style(word: str) -> str | None:
    """ "old", "new" or None (a syllable the two styles write alike)."""
    word = word.lower()
    if _OLD_ENDINGS.search(word):
        return "old"
    if _NEW_ENDINGS.search(word):
        return "new"
    return None


def _strings(data: Any, loc: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))


class _Locator:
    """Finds where a piece of a value stands in its file (values may span folded lines)."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.files: dict[str, tuple[str, list[int]]] = {}  # NFC text, offset of each line

    def _file(self, path: str) -> tuple[str, list[int]]:
        if path not in self.files:
            text = unicodedata.normalize("NFC", Path(path).read_text("utf-8-sig"))
            starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
            self.files[path] = (text, starts)
        return self.files[path]

    def __call__(self, loc: PathKey, snippet: str) -> tuple[str, int, int]:
        pos = self.located.where(loc)
        try:
            text, starts = self._file(pos.path)
        except (OSError, ValueError):  # the file changed or vanished since it was loaded
            return pos.path, pos.line, pos.column
        if not snippet or pos.line - 1 >= len(starts):
            return pos.path, pos.line, pos.column
        found = text.find(snippet, starts[pos.line - 1])
        if found < 0:
            return pos.path, pos.line, pos.column
        line = bisect.bisect_right(starts, found)
        return pos.path, line, found - starts[line - 1] + 1


def _not_nfc(located: Located) -> Iterator[Problem]:
    for path in dict.fromkeys(str(p) for p in located.sources):
        try:
            text = Path(path).read_text("utf-8-sig")
        except (OSError, ValueError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if not unicodedata.is_normalized("NFC", line):
                # A combining mark stands after the letter it belongs to; a character that
                # NFC replaces without one (Ω U+2126, Å U+212B) is itself the one to fix.
                column = next(
                    (
                        i - 1 if unicodedata.combining(ch) else i
                        for i, ch in enumerate(line, 1)
                        if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch)
                    ),
                    1,
                )
                yield Problem(
                    path,
                    number,
                    max(column, 1),
                    f"{WARNING}chữ tổ hợp (không phải Unicode dựng sẵn NFC); "
                    "văn bản xuất ra đã được chuẩn hóa, nên sửa trong tệp gốc",
                )
                break


def lint(located: Located) -> list[Problem]:
    """Every warning for one loaded meeting, located (the first MAX_WARNINGS of them)."""
    where = _Locator(located)
    found: list[tuple[PathKey, str, str]] = []  # where, the text to find, the message
    old: list[tuple[PathKey, str]] = []
    new: list[tuple[PathKey, str]] = []
    for loc, text in _strings(located.data):
        for match in _DOUBLED_COMMA.finditer(text):
            found.append((loc, match[0], f"{WARNING}dấu phẩy lặp lại {quote(match[0])}"))
        for match in _SPACE_BEFORE.finditer(text):
            snippet = text[max(match.start() - 8, 0) : match.end()].split("\n")[-1]
            found.append((loc, snippet, f"{WARNING}thừa dấu cách trước “{match[0].strip()}”"))
        opening, closing = text.count("“"), text.count("”")
        if opening != closing:
            found.append(
                (
                    loc,
                    text[:20].split("\n")[0],
                    f"{WARNING}ngoặc kép không cân đối ({opening} “ mở, {closing} ” đóng)",
                )
            )
        for word in _WORD.findall(text):
            style = tone_style(word)
            if style:
                (old if style == "old" else new).append((loc, word))
    if old and new:
        fewer, more = (old, new) if len(old) <= len(new) else (new, old)
        style = "kiểu cũ (hoà, thuỷ)" if fewer is old else "kiểu mới (hòa, thủy)"
        for loc, word in fewer:
            found.append(
                (
                    loc,
                    word,
                    f"{WARNING}“{word}” đặt dấu thanh {style}, khác phần lớn văn bản "
                    f"(như “{more[0][1]}”): nên thống nhất một kiểu",
                )
            )
    problems = list(_not_nfc(located))
    problems += [
        Problem(*where(loc, snippet), message) for loc, snippet, message in found[:MAX_WARNINGS]
    ]
    problems = sorted(set(problems))
    if len(found) > MAX_WARNINGS:
        first = located.sources[0] if located.sources else "?"
        problems.append(
            Problem(
                str(first),
                0,
                0,
                f"{WARNING}còn {vi_number(len(found) - MAX_WARNINGS)} cảnh báo nữa không được "
                f"liệt kê (chỉ in {MAX_WARNINGS} cảnh báo đầu)",
            )
        )
    return problems
