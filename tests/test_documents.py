"""The wording and structure of the report and the notice (docs/the-thuc.md §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from conftest import INPUTS, REFERENCE
from report_gen.render import render
from report_gen.validate import load_meeting


def _classes(body: str) -> list[tuple[str, str]]:
    root = lxml_html.fragment_fromstring(body)
    return [
        (el.get("class") or "", " ".join(el.text_content().split()))
        for el in root.iter("p", "h1", "h2")
    ]


def _sparse(tmp_path: Path) -> Path:
    data = yaml.safe_load(REFERENCE.read_text("utf-8"))
    for key in ("limitations", "directives", "tasks", "tasks_addressee", "article"):
        data.pop(key)
    source = tmp_path / "sparse.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return source


@pytest.mark.parametrize("style", ["party", "state"])
def test_notice_without_directives_or_tasks_is_still_proper(tmp_path: Path, style: str) -> None:
    doc = render(load_meeting(_sparse(tmp_path)), "notice", style)  # type: ignore[arg-type]
    parts = _classes(doc.body)
    headings = [text for cls, text in parts if cls == "section-heading"]
    assert len(headings) == 1 and "ĐÁNH GIÁ CHUNG" in headings[0]
    assert not any("hạn chế" in text for _, text in parts)
    closing = [text for cls, text in parts if "closing" in cls]
    assert closing and closing[0].endswith("biết, thực hiện." + ("" if style == "party" else "/."))
    assert [text for cls, text in parts if cls == "sign-name"] == ["Trần Văn Minh"]


@pytest.mark.parametrize("style", ["party", "state"])
def test_report_sections_follow_what_the_meeting_has(tmp_path: Path, style: str) -> None:
    full = render(load_meeting(REFERENCE), "report", style)  # type: ignore[arg-type]
    sparse = render(load_meeting(_sparse(tmp_path)), "report", style)  # type: ignore[arg-type]
    mark = "- " if style == "party" else ". "
    full_headings = [t for c, t in _classes(full.body) if c == "section-heading"]
    assert full_headings == [
        f"I{mark}KẾT QUẢ ĐẠT ĐƯỢC",
        f"II{mark}HẠN CHẾ",
        f"III{mark}PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2019",
    ]
    assert [t for c, t in _classes(sparse.body) if c == "section-heading"] == full_headings[:1]


def test_notice_numbers_every_task_with_its_assignee_and_deadline() -> None:
    loaded = load_meeting(INPUTS / "ubnd-tong-ket-cai-cach-hanh-chinh-2024.yaml")
    items = [t for c, t in _classes(render(loaded, "notice").body) if c == "item"]
    assert [item.split(".")[0] for item in items] == ["1", "2", "3", "4"]
    assert items[1].startswith("2. Giao Phòng Nội vụ huyện tham mưu")
    assert items[1].endswith("Thời hạn hoàn thành: trước ngày 31 tháng 01 năm 2025.")
    assert items[2].startswith("3. Giao Ủy ban nhân dân các xã, thị trấn hoàn thành")


def test_party_dates_and_summary_case() -> None:
    loaded = load_meeting(INPUTS / "dang-uy-xa-giao-ban-quy-3-2025.yaml")
    parts = _classes(render(loaded, "notice").body)
    summary = next(t for c, t in parts if c == "doc-summary")
    assert summary.startswith("kết luận của đồng chí Võ Thanh Tùng, Bí thư Đảng ủy xã tại Hội nghị")
    item = next(t for c, t in parts if c == "item" and "Giao" in t)
    assert item == (
        "2. Giao các chi bộ trực thuộc hoàn thành kế hoạch kết nạp đảng viên năm 2025. "
        "Thời hạn hoàn thành: trước ngày 15-12-2025."
    )
    number = next(t for c, t in parts if c == "doc-number")
    assert number.startswith("Số") and number.endswith("-TB/ĐU") and ":" not in number
