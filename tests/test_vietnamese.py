"""The Vietnamese language rules (docs/the-thuc.md §1.4, §3.1, §6)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from report_gen import vietnamese as vi


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2019, 7, 9), "ngày 09 tháng 7 năm 2019"),
        (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (dt.date(2021, 2, 5), "ngày 05 tháng 02 năm 2021"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2019, 12, 31), "ngày 31 tháng 12 năm 2019"),
        (dt.date(2019, 3, 10), "ngày 10 tháng 3 năm 2019"),
    ],
)
def test_admin_date_leading_zero_rules(date: dt.date, expected: str) -> None:
    assert vi.admin_date(date) == expected


def test_admin_date_draft_leaves_day_and_month_blank() -> None:
    draft = vi.admin_date(None, 2019)
    assert draft.startswith("ngày\u00a0") and draft.endswith("năm 2019")
    assert "tháng" in draft and not any(c.isdigit() for c in draft[:-4])


@pytest.mark.parametrize(
    ("session", "expected"),
    [("sáng", "Sáng 9/7"), ("chiều", "Chiều 9/7"), ("tối", "Tối 9/7"), (None, "Ngày 9/7")],
)
def test_news_date(session: str | None, expected: str) -> None:
    assert vi.news_date(dt.date(2019, 7, 9), session) == expected


def test_party_and_short_dates() -> None:
    assert vi.party_date(dt.date(2017, 10, 3)) == "ngày 03-10-2017"
    assert vi.party_date(dt.date(2019, 2, 18)) == "ngày 18-2-2019"
    assert vi.short_date(dt.date(2025, 6, 30)) == "30/6/2025"
    assert vi.short_date(dt.date(2025, 6, 30), "party") == "30-6-2025"
    assert vi.day_phrase(dt.date(2022, 4, 9), "sáng") == "Sáng ngày 09 tháng 4 năm 2022"
    assert vi.day_phrase(dt.date(2022, 4, 9)) == "Ngày 09 tháng 4 năm 2022"


def test_join_vi() -> None:
    assert vi.join_vi([]) == ""
    assert vi.join_vi(["A"]) == "A"
    assert vi.join_vi(["A", "B"]) == "A và B"
    assert vi.join_vi(["A", "B", "C"]) == "A, B và C"


def test_close_items_adds_marks_only_where_missing() -> None:
    assert vi.close_items(["a", "b", "c"]) == ["a;", "b;", "c."]
    assert vi.close_items(["a", "b,..."]) == ["a;", "b,..."]
    assert vi.close_items(["a.", "b"], ",", ".") == ["a.", "b."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trân trọng ghi nhận kết quả", "Trân trọng ghi nhận kết quả."),
        ("Đề nghị các cơ quan.", "Đề nghị các cơ quan."),
        ("Ban Dân vận Huyện ủy chủ trì,...", "Ban Dân vận Huyện ủy chủ trì,..."),
    ],
)
def test_a_paragraph_set_as_a_sentence(text: str, expected: str) -> None:
    assert vi.sentence(text) == expected


@pytest.mark.parametrize(
    ("number", "symbol", "style", "expected"),
    [
        ("125", "TB/HU", "party", "Số 125-TB/HU"),
        ("5", "BC/HU", "party", "Số 05-BC/HU"),
        ("15", "BC-UBND", "state", "Số: 15/BC-UBND"),
        ("5", "TB-UBND", "state", "Số: 05/TB-UBND"),
    ],
)
def test_doc_number(number: str, symbol: str, style: str, expected: str) -> None:
    assert vi.doc_number(number, symbol, style) == expected


def test_doc_number_draft_is_blank_with_room() -> None:
    assert vi.doc_number(None, "TB/HU", "party") == f"Số {vi.DRAFT_BLANK}-TB/HU"
    assert vi.doc_number(None, "TB-UBND", "state") == f"Số: {vi.DRAFT_BLANK}/TB-UBND"


def test_symbol_follows_the_kind() -> None:
    assert vi.symbol_for("TB/HU", "report", "party") == "BC/HU"
    assert vi.symbol_for("TB-UBND", "report", "state") == "BC-UBND"
    assert vi.symbol_for("BC-UBND", "notice", "state") == "TB-UBND"
    assert vi.symbol_for("XYZ/HU", "report", "party") == "XYZ/HU"
    assert vi.symbol_for("TB/HU", "notice", "state") == "TB-HU"
    assert vi.symbol_for("TB-UBND", "report", "party") == "BC/UBND"


def test_letters_follow_the_vietnamese_alphabet() -> None:
    assert [vi.letter(i) for i in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert vi.roman(4) == "IV"


def test_upper_keeps_nfc() -> None:
    out = vi.upper_vi("phó chánh văn phòng")
    assert out == "PHÓ CHÁNH VĂN PHÒNG" and unicodedata.is_normalized("NFC", out)


def test_numbers_and_durations() -> None:
    assert vi.vi_number(1234567) == "1.234.567"
    assert vi.vi_number(12.345, 1) == "12,3"
    assert vi.vi_duration(1.5) == "1,5 giây"
    assert vi.vi_duration(125) == "2 phút 05 giây"
    assert vi.vi_duration(3 * 3600 + 7 * 60) == "3 giờ 07 phút"
