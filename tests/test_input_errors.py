"""Bad input: a Vietnamese message with file:line:column, exit status 1, nothing written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REFERENCE, run_cli

GOOD = REFERENCE.read_text(encoding="utf-8")


def scratch(tmp_path: Path, content: bytes | str, name: str) -> Path:
    """A meeting file with the reference's image beside it, in a scratch folder."""
    (tmp_path / "images").mkdir(exist_ok=True)
    shutil.copy(REFERENCE.parent / "images" / "chair.png", tmp_path / "images" / "chair.png")
    source = tmp_path / name
    source.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return source


def render_bad(tmp_path: Path, content: bytes | str, name: str = "bad.yaml") -> tuple[str, Path]:
    source = scratch(tmp_path, content, name)
    out = tmp_path / "out"
    result = run_cli("render", source, "-o", out, "-k", "news", "-f", "html,md")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("*")), "no output may be written"
    return result.stderr, source


def located(stderr: str, source: Path, line: int) -> str:
    """The message of the problem reported at `line`, checking the file:line:column form."""
    for row in stderr.splitlines():
        match = re.match(rf"{re.escape(str(source))}:(\d+):(\d+): (.+)", row)
        if match and int(match[1]) == line:
            return match[3]
    raise AssertionError(f"no problem reported at line {line}:\n{stderr}")


# (what to change in the good file, into what, the text of the line to be blamed, the message)
EDITS = {
    "unknown key": ("  session: sáng", "  sesion: sáng", "sesion", "có phải ý bạn là “session”"),
    "wrong type": (
        "limitations:\n",
        "limitations: có hạn chế\nx_limitations:\n",
        "có hạn chế",
        "cần một danh sách",
    ),
    "impossible date": (
        "date: 2019-07-09",
        "date: 2019-02-30",
        "2019-02-30",
        "ngày 2019-02-30 không tồn tại",
    ),
    "empty paragraph": (
        "  - Tăng cường sức mạnh khối đại đoàn kết toàn dân.",
        '  - "  "',
        '"  "',
        "giá trị trống",
    ),
    "duplicate key": (
        "  session: sáng",
        "  session: sáng\n  session: chiều",
        "chiều",
        "bị lặp lại",
    ),
    "image outside the folder": (
        "file: images/chair.png",
        "file: ../../etc/passwd",
        "etc/passwd",
        "ngoài thư mục",
    ),
    "unknown task key": (
        "    assignee: Ban Dân vận Huyện ủy",
        "    asignee: Ban Dân vận Huyện ủy",
        "asignee",
        "“assignee”",
    ),
}


@pytest.mark.parametrize("case", EDITS)
def test_located_message(tmp_path: Path, case: str) -> None:
    old, new, marker, message = EDITS[case]
    text = GOOD.replace(old, new, 1)
    stderr, source = render_bad(tmp_path, text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if marker in row)
    assert message in located(stderr, source, line)


def test_missing_required_key(tmp_path: Path) -> None:
    text = GOOD.replace("  title: Phó Bí thư Thường trực Huyện ủy\n", "", 1)
    stderr, source = render_bad(tmp_path, text)
    line = text.splitlines().index("chair:") + 2  # the chair mapping starts on the next line
    assert "thiếu khóa bắt buộc “chair.title”" in located(stderr, source, line)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("date: 2019-07-09", "date: 2019-13-01").replace(
        "  session: sáng", "  sesion: sáng"
    )
    stderr, _ = render_bad(tmp_path, text)
    assert len([row for row in stderr.splitlines() if row.strip()]) == 2


def test_not_utf8(tmp_path: Path) -> None:
    content = b"meeting:\n  name: H\xf4i ngh\xec \xd0\xe0 N\xe3ng\n"  # Latin-1 / Windows bytes
    stderr, source = render_bad(tmp_path, content)
    assert "UTF-8" in located(stderr, source, 2)


def test_not_yaml(tmp_path: Path) -> None:
    stderr, source = render_bad(tmp_path, "meeting:\n  name: [Hội nghị\n  date: 2019-07-09\n")
    assert "YAML" in stderr and re.search(rf"{re.escape(str(source))}:\d+:\d+: ", stderr)


def test_tab_indentation(tmp_path: Path) -> None:
    stderr, source = render_bad(tmp_path, "meeting:\n\tname: Hội nghị\n")
    assert "Tab" in located(stderr, source, 2)


def test_alias_bomb(tmp_path: Path) -> None:
    rows = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    stderr, source = render_bad(tmp_path, "\n".join(rows) + "\n")
    assert "tham chiếu" in stderr and str(source) in stderr


def test_huge_file(tmp_path: Path) -> None:
    stderr, source = render_bad(tmp_path, GOOD + "#" + "x" * 2_000_000 + "\n")
    assert "tệp quá lớn" in located(stderr, source, 1)


def test_bad_input_in_one_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    good = tmp_path / "a" / "good.yaml"
    good.write_text(
        GOOD.replace("  images:\n    - file: images/chair.png\n", "  images: []\n#"), "utf-8"
    )
    bad = tmp_path / "a" / "bad.yaml"
    bad.write_text(GOOD.replace("date: 2019-07-09", "date: 2019-02-30"), "utf-8")
    result = run_cli("render", good, bad, "-o", tmp_path / "out", "-k", "news", "-f", "md")
    assert result.returncode == 1
    assert (tmp_path / "out" / "good" / "news.md").is_file()
    assert not (tmp_path / "out" / "bad").exists()


def test_bom_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    notepad = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    source = scratch(tmp_path, notepad, "notepad.yaml")
    result = run_cli("render", source, "-o", tmp_path / "out", "-k", "news", "-f", "md")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "notepad" / "news.md").read_text("utf-8")
    assert "\r" not in text and "Lê Bình Nguyên" in text


def test_text_is_normalised_to_nfc_and_otherwise_unchanged(tmp_path: Path) -> None:
    import unicodedata

    source = scratch(tmp_path, unicodedata.normalize("NFD", GOOD), "nfd.yaml")
    result = run_cli("render", source, "-o", tmp_path / "out", "-k", "news", "-f", "html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "nfd" / "news.fragment.html").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", page)
    # the reference's own quirks survive: the tool does not correct an office's wording
    assert "các tệ nạn xã hội, ,..." in page and "trong nội bộ” theo" in page


@pytest.mark.parametrize("args", [["render"], ["render", "x.yaml", "-k", "memo"], ["frobnicate"]])
def test_command_line_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
