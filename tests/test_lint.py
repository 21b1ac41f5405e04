"""`report-gen check` warns of what an editor would catch, where it stands, and passes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from conftest import INPUTS, run_cli
from report_gen.lint import tone_style


def _warnings(stderr: str, source: Path) -> list[tuple[int, int, str]]:
    rows = re.findall(rf"{re.escape(str(source))}:(\d+):(\d+): cảnh báo: (.*)", stderr)
    return [(int(line), int(col), message) for line, col, message in rows]


def _position(source: Path, snippet: str) -> tuple[int, int]:
    for number, line in enumerate(source.read_text("utf-8").splitlines(), 1):
        if snippet in line and not line.lstrip().startswith("#"):
            return number, line.index(snippet) + 1
    raise AssertionError(snippet)


def test_reference_quirks_are_found_where_they_stand(reference: Path) -> None:
    result = run_cli("check", reference)
    assert result.returncode == 0  # warnings never fail a check
    assert "hợp lệ, 5 cảnh báo" in result.stdout
    found = _warnings(result.stderr, reference)
    assert (*_position(reference, ", ,"), "dấu phẩy lặp lại “, ,”") in found
    assert any("ngoặc kép không cân đối (2 “ mở, 3 ” đóng)" in m for _, _, m in found)
    old_style = sorted(m.split("”")[0].lstrip("“") for _, _, m in found if "dấu thanh" in m)
    assert old_style == ["hoà", "hoá", "khoá"]  # 3 old-style forms among 17 new-style ones
    line, column = _position(reference, "hoà vào")
    assert (line, column) in [(w[0], w[1]) for w in found]


@pytest.mark.parametrize(
    "name", ["dang-uy-xa-giao-ban-quy-3-2025", "ubnd-tong-ket-cai-cach-hanh-chinh-2024"]
)
def test_clean_files_have_no_warnings(name: str) -> None:
    result = run_cli("check", INPUTS / f"{name}.yaml")
    assert result.returncode == 0 and result.stderr == ""


def test_decomposed_text_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "nfd.yaml"
    text = (INPUTS / "dang-uy-xa-giao-ban-quy-3-2025.yaml").read_text("utf-8")
    source.write_text(unicodedata.normalize("NFD", text), "utf-8")
    result = run_cli("check", source)
    assert result.returncode == 0
    assert any("NFC" in m for _, _, m in _warnings(result.stderr, source))


def test_quiet_check_prints_no_warnings(reference: Path) -> None:
    result = run_cli("check", "-q", reference)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize(
    ("word", "style"),
    [
        ("hoà", "old"),
        ("hòa", "new"),
        ("thuỷ", "old"),
        ("thủy", "new"),
        ("khoẻ", "old"),
        ("khỏe", "new"),
        ("quý", None),
        ("hoàng", None),
        ("của", None),
        ("thoái", None),
    ],
)
def test_tone_style(word: str, style: str | None) -> None:
    assert tone_style(word) == style


def test_space_before_punctuation(tmp_path: Path) -> None:
    source = tmp_path / "space.yaml"
    text = (INPUTS / "dang-uy-xa-giao-ban-quy-3-2025.yaml").read_text("utf-8")
    source.write_text(text.replace("đạt 60% chỉ tiêu năm.", "đạt 60% chỉ tiêu năm ."), "utf-8")
    result = run_cli("check", source)
    assert result.returncode == 0
    found = _warnings(result.stderr, source)
    line, _ = _position(source, "chỉ tiêu năm .")
    assert [(w[0], w[2]) for w in found] == [(line, "thừa dấu cách trước “.”")]
