"""Warnings for `report-gen check`: slips an editor would catch before the text is signed.

Never changes anything (the office's wording is theirs); each warning is located at the
line and column of the text in the meeting file. Rules: docs/the-thuc.md §5.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from report_gen.errors import Problem
from report_gen.loader import Located, PathKey

WARNING = "cảnh báo: "

_DOUBLED_COMMA = re.compile(r",\s*,")
_SPACE_BEFORE = re.compile(r"\s+[,.;:!?)”](?!\.\.)")

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
        self.lines: dict[str, list[str]] = {}

    def __call__(self, loc: PathKey, snippet: str) -> tuple[str, int, int]:
        pos = self.located.where(loc)
        if pos.path not in self.lines:
            text = Path(pos.path).read_text("utf-8-sig")
            self.lines[pos.path] = unicodedata.normalize("NFC", text).splitlines()
        for number in range(pos.line - 1, len(self.lines[pos.path])):
            column = self.lines[pos.path][number].find(snippet)
            if column >= 0:
                return pos.path, number + 1, column + 1
        return pos.path, pos.line, pos.column


def _not_nfc(located: Located) -> Iterator[Problem]:
    for path in dict.fromkeys(str(p) for p in located.sources):
        for number, line in enumerate(Path(path).read_text("utf-8-sig").splitlines(), 1):
            if not unicodedata.is_normalized("NFC", line):
                column = next(i for i, ch in enumerate(line, 1) if unicodedata.combining(ch)) - 1
                yield Problem(
                    path,
                    number,
                    max(column, 1),
                    f"{WARNING}chữ tổ hợp (không phải Unicode dựng sẵn NFC); "
                    "văn bản xuất ra đã được chuẩn hóa, nên sửa trong tệp gốc",
                )
                break


def lint(located: Located) -> list[Problem]:
    """Every warning for one loaded meeting, located."""
    where = _Locator(located)
    problems = list(_not_nfc(located))
    old: list[tuple[PathKey, str]] = []
    new: list[tuple[PathKey, str]] = []
    for loc, text in _strings(located.data):
        for match in _DOUBLED_COMMA.finditer(text):
            problems.append(
                Problem(*where(loc, match[0]), f"{WARNING}dấu phẩy lặp lại “{match[0]}”")
            )
        for match in _SPACE_BEFORE.finditer(text):
            snippet = text[max(match.start() - 8, 0) : match.end()].split("\n")[-1]
            problems.append(
                Problem(*where(loc, snippet), f"{WARNING}thừa dấu cách trước “{match[0].strip()}”")
            )
        opening, closing = text.count("“"), text.count("”")
        if opening != closing:
            problems.append(
                Problem(
                    *where(loc, text[:20].split("\n")[0]),
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
            problems.append(
                Problem(
                    *where(loc, word),
                    f"{WARNING}“{word}” đặt dấu thanh {style}, khác phần lớn văn bản "
                    f"(như “{more[0][1]}”): nên thống nhất một kiểu",
                )
            )
    return sorted(set(problems))
