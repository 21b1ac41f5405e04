"""Issue 10: per-document values, style forms, header breaks, no-break, content checks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import INPUTS, run_cli
from report_gen import forms, header_layout
from report_gen.conventions import style_warnings
from report_gen.errors import InputError
from report_gen.pipeline import default_kinds
from report_gen.render import render
from report_gen.validate import check_for_documents, load_meeting

PAIR = INPUTS / "so-van-hoa-so-ket-6-thang-2024.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# -- header breaks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "room", "lines"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", 70, ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 70, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
        ("ĐẢNG BỘ HUYỆN GIỒNG TRÔM", 55, ["ĐẢNG BỘ", "HUYỆN GIỒNG TRÔM"]),
        ("HUYỆN ỦY GIỒNG TRÔM", 60, ["HUYỆN ỦY GIỒNG TRÔM"]),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 45, ["SỞ VĂN HÓA,", "THỂ THAO", "VÀ DU LỊCH"]),
        ("ỦY BAN NHÂN DÂN\nHUYỆN TÂN LẬP", 120, ["ỦY BAN NHÂN DÂN", "HUYỆN TÂN LẬP"]),
    ],
)
def test_issuer_names_break_where_the_decree_breaks_them(name, room, lines) -> None:
    font = header_layout.Font(13, bold=True)
    assert header_layout.break_name(name, font, room)[0] == lines


def test_a_long_date_line_widens_its_column_and_never_wraps() -> None:
    date = "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2019"
    h = header_layout.header(
        "report", "party", None, "ĐẢNG BỘ HUYỆN GIỒNG TRÔM", "Số 01-BC/HU", date
    )
    width = header_layout.style_fonts("report", "party")["place-date"].width(date)
    assert h.right_mm >= width and h.name_lines == ["ĐẢNG BỘ", "HUYỆN GIỒNG TRÔM"]
    assert not h.wrapped


def test_rules_are_a_third_to_a_half_of_their_line() -> None:
    for longest, last in [(40, 40), (90, 60), (160, 30)]:
        rule = header_layout.rule_for(longest, last)
        assert longest / 3 - 0.1 <= rule <= longest / 2 + 0.1


# -- forms --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "party", "state"),
    [
        ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ"),
        ("TM. ỦY BAN NHÂN DÂN", "T/M ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
        ("KT. CHỦ TỊCH", "K/T CHỦ TỊCH", "KT. CHỦ TỊCH"),
        ("T/L BAN THƯỜNG VỤ", "T/L BAN THƯỜNG VỤ", "TL. BAN THƯỜNG VỤ"),
        ("TL CHỦ TỊCH", "T/L CHỦ TỊCH", "TL. CHỦ TỊCH"),
        ("CHỦ TỊCH", "CHỦ TỊCH", "CHỦ TỊCH"),
    ],
)
def test_authority_in_the_style_form(typed: str, party: str, state: str) -> None:
    assert forms.authority_form(typed, "party") == party
    assert forms.authority_form(typed, "state") == state


def test_filing_line_in_the_style_form() -> None:
    assert forms.filing_form("Lưu Văn phòng Huyện ủy", "state") == "Lưu: VT, Văn phòng Huyện ủy"
    assert forms.filing_form("Lưu: VT, NV", "party") == "Lưu VT, NV"
    assert forms.filing_form("Lưu: VT, NV", "state") == "Lưu: VT, NV"
    assert forms.filing_form("Lưu VT", "state") == "Lưu: VT"


def test_no_break_where_a_break_would_be_wrong() -> None:
    text = forms.nobreak("Thường trực Huyện ủy (b/c), quý I/2024, 6 tháng, T/M")
    assert "b/\u2060c" in text and "quý\u00a0I/\u20602024" in text and "6\u00a0tháng" in text
    assert "T/M" in text  # an upper-case form is not glued (and never breaks anyway)
    assert forms.plain(text) == "Thường trực Huyện ủy (b/c), quý I/2024, 6 tháng, T/M"


def test_docx_keeps_the_no_break_characters() -> None:
    from report_gen.writers import word

    doc = render(load_meeting(PAIR), "notice", "state")
    with zipfile.ZipFile(io.BytesIO(word.write(doc)["notice.docx"])) as z:
        xml = z.read("word/document.xml").decode()
    assert "(b/\u2060c)" in xml and "6\u00a0tháng" in xml and "I/\u20602024" in xml


# -- per-document values ------------------------------------------------------------------------


def test_each_document_has_its_own_number_signer_recipients_and_addressees() -> None:
    loaded = load_meeting(PAIR)
    report = render(loaded, "report", "state")
    notice = render(loaded, "notice", "state")
    assert not report.draft and not notice.draft
    assert "Số: 215/BC-SVHTTDL" in report.body and "Số: 218/TB-SVHTTDL" in notice.body
    assert "ngày 15 tháng 7 năm 2024" in report.body.replace("\u00a0", " ")
    assert "ngày 16 tháng 7 năm 2024" in notice.body.replace("\u00a0", " ")
    assert "GIÁM ĐỐC" in report.body and "TL. GIÁM ĐỐC" not in report.body
    assert "TL. GIÁM ĐỐC" in notice.body and "Lê Văn Phúc" in notice.body
    assert "Kính gửi:" in report.body and "Kính gửi:" not in notice.body
    assert "- Ủy ban nhân dân tỉnh Bình An;" in report.body
    assert "- Bộ Văn hóa, Thể thao và Du lịch.</p>" in report.body
    check_for_documents(loaded, final=True)


def test_one_addressee_stands_on_the_label_line(tmp_path: Path) -> None:
    text = PAIR.read_text("utf-8").replace(
        "      - Ủy ban nhân dân tỉnh Bình An\n      - Bộ Văn hóa, Thể thao và Du lịch\n",
        "      - Ủy ban nhân dân tỉnh Bình An\n",
    )
    source = tmp_path / "mot-noi.yaml"
    source.write_text(text, "utf-8")
    body = render(load_meeting(source), "report", "state").body
    assert "Kính gửi: Ủy ban nhân dân tỉnh Bình An.</p>" in body


def test_final_documents_with_the_same_number_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "trung-so.yaml"
    source.write_text(PAIR.read_text("utf-8").replace('number: "218"', 'number: "215"'), "utf-8")
    loaded = load_meeting(source)
    with pytest.raises(InputError) as err:
        check_for_documents(loaded, final=True)
    (problem,) = err.value.problems
    line = source.read_text("utf-8").splitlines()[problem.line - 1]
    assert 'number: "215"' in line and "cùng mang số 215" in problem.message
    check_for_documents(loaded, final=False)  # drafts may share a blank number
    check_for_documents(loaded, final=True, kinds=("notice",))
    result = run_cli("render", source, "-o", tmp_path / "out", "--final", "-f", "pdf")
    assert result.returncode == 1 and "cùng mang số 215" in result.stderr
    assert not (tmp_path / "out").exists()


def test_version_1_files_keep_their_meaning() -> None:
    loaded = load_meeting(INPUTS / "ubnd-tong-ket-cai-cach-hanh-chinh-2024.yaml")
    report = render(loaded, "report", "state").body
    notice = render(loaded, "notice", "state").body
    assert "Số: 05/BC-UBND" in report and "Số: 05/TB-UBND" in notice
    assert "Kính gửi" not in report + notice


# -- only documents with content ----------------------------------------------------------------


def test_a_meeting_without_conclusions_has_no_notice(tmp_path: Path) -> None:
    text = (INPUTS / "dang-uy-xa-giao-ban-quy-3-2025.yaml").read_text("utf-8")
    start, end = text.index("directives:"), text.index("article:")
    source = tmp_path / "khong-ket-luan.yaml"
    source.write_text(text[:start] + text[end:], "utf-8")
    assert default_kinds(load_meeting(source)) == ("news", "report")
    result = run_cli("render", source, "-o", tmp_path / "out", "-f", "md")
    assert result.returncode == 0
    assert "không soạn thông báo kết luận" in result.stdout
    result = run_cli("render", source, "-o", tmp_path / "out2", "-k", "notice")
    assert result.returncode == 1
    assert "thông báo kết luận cần có nội dung kết luận" in result.stderr
    assert not (tmp_path / "out2").exists()


# -- check: the input and the style disagree ----------------------------------------------------


def test_check_warns_where_the_input_and_the_style_disagree() -> None:
    source = INPUTS / "reference-meeting.yaml"
    loaded = load_meeting(source)
    assert style_warnings(loaded) == []
    warnings = style_warnings(loaded, "state")
    lines = source.read_text("utf-8").splitlines()
    messages = {w.message: lines[w.line - 1] for w in warnings}
    authority = next(m for m in messages if "“T/L”" in m)
    assert "TL." in authority and "authority: T/L" in messages[authority]
    filing = next(m for m in messages if "dòng lưu" in m)
    assert "Lưu Văn phòng Huyện ủy" in messages[filing]
    result = run_cli("check", "--style", "state", source)
    assert result.returncode == 0 and "“T/L” không theo thể thức Nhà nước" in result.stderr


def test_check_warns_when_a_header_line_wraps_by_itself(tmp_path: Path) -> None:
    text = (
        PAIR.read_text("utf-8")
        .replace(
            "name: SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "name: SỞ VĂN HÓA THỂ THAO DU LỊCH NÔNG NGHIỆP PHÁT TRIỂN NÔNG THÔN VÀ MÔI TRƯỜNG\n"
            "      TỈNH QUẢNG NAM",
        )
        .replace("name: SỞ VĂN HÓA THỂ", "name: |-\n      SỞ VĂN HÓA THỂ")
    )
    source = tmp_path / "dai.yaml"
    source.write_text(text, "utf-8")
    warnings = style_warnings(load_meeting(source))
    assert any("tự xuống dòng" in w.message for w in warnings)


# -- Word -----------------------------------------------------------------------------------------


def test_word_opens_it_in_current_mode() -> None:
    from report_gen.writers import word

    doc = render(load_meeting(PAIR), "report", "state")
    with zipfile.ZipFile(io.BytesIO(word.write(doc)["report.docx"])) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    modes = [
        s.get(f"{W}val")
        for s in settings.iter(f"{W}compatSetting")
        if s.get(f"{W}name") == "compatibilityMode"
    ]
    assert modes == ["15"]
