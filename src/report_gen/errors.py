"""Located problems: every user-facing error names a file, a line and a column.

This module is also the one boundary for the unexpected: `explain` turns any exception
that reaches a command into lines a user can read (located, in Vietnamese, one line
each), so that no Python repr and no English library message ever reaches them.
"""

from __future__ import annotations

import errno
import unicodedata
from dataclasses import dataclass
from pathlib import Path

QUOTE_LIMIT = 80  # characters of a user's value echoed in a message


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, pinned to where the user can fix it (1-based).

    A line of 0 means that no line is known (a whole file, an output folder): the
    message then names the file alone.
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class InputError(Exception):
    """Raised with every problem found in one input, so the user sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def problem_at_start(path: Path | str, message: str) -> InputError:
    """An error about a whole file (too large, not UTF-8 ...), located at its first character."""
    return InputError([Problem(str(path), 1, 1, message)])


def problem_in_file(path: Path | str, message: str) -> InputError:
    """An error about a file or folder where no line is known: the file alone is named."""
    return InputError([Problem(str(path), 0, 0, message)])


def printable(text: str) -> str:
    """Text as one printable line: line breaks and other invisible characters shown as U+XXXX."""
    out = []
    for ch in text:
        if ch == " " or (unicodedata.category(ch)[0] not in "CZ"):
            out.append(ch)
        elif ch == "\n":
            out.append("↵")
        else:
            out.append(f"<U+{ord(ch):04X}>")
    return "".join(out)


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A user's value quoted for a message: on one line, never a repr, cut when long."""
    text = printable(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"


# What the system says when a file cannot be read or written, in the user's words.
_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng đĩa",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.ENOENT: "không tồn tại",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EISDIR: "là một thư mục, không phải tệp",
    errno.EEXIST: "đã có tệp hay thư mục trùng tên",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.ELOOP: "liên kết tượng trưng (symlink) vòng lặp",
    errno.ENAMETOOLONG: "tên quá dài",
    errno.EIO: "lỗi vào/ra của ổ đĩa",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENOMEM: "thiếu bộ nhớ",
    errno.EFBIG: "tệp quá lớn",
    errno.EBUSY: "đang bị chiếm dụng",
    errno.ETXTBSY: "đang bị chiếm dụng",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese (never strerror's English)."""
    reason = _OS_REASONS.get(exc.errno or -1)
    return reason or f"lỗi hệ thống số {exc.errno}" if exc.errno else "lỗi hệ thống"


class OutputError(Exception):
    """Outputs could not be written; the previous ones were left as they were."""

    def __init__(self, path: Path | str, exc: OSError) -> None:
        self.problem = Problem(
            str(path),
            0,
            0,
            f"không ghi được kết quả ({os_reason(exc)}); các tệp kết quả cũ được giữ nguyên",
        )
        super().__init__(str(self.problem))


INTERNAL = (
    "lỗi nội bộ của report-gen (lỗi của chương trình, không phải của tệp); "
    "chạy lại với --debug để xem chi tiết và báo cho người phát triển"
)


def explain(exc: BaseException, source: Path | str | None = None) -> tuple[list[str], bool]:
    """The lines a user reads for an exception, and whether it is a bug (an internal error)."""
    where = str(source) if source is not None else "report-gen"
    if isinstance(exc, InputError):
        return [str(p) for p in exc.problems], False
    if isinstance(exc, OutputError):
        return [str(exc.problem)], False
    if isinstance(exc, OSError):
        name = where if source is not None or not isinstance(exc.filename, str) else exc.filename
        return [f"{printable(name)}: không đọc hay ghi được ({os_reason(exc)})"], False
    if isinstance(exc, ValueError) and "null" in str(exc):  # a NUL in a path given to the OS
        return [f"{printable(where)}: tên tệp có ký tự không hợp lệ (NUL)"], False
    if isinstance(exc, MemoryError):
        return [f"{where}: thiếu bộ nhớ để xử lý tệp này"], False
    return [f"{where}: {INTERNAL}"], True
