"""The phrasing layer on the awkward inputs real meetings bring (one test per rule)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from report_gen.model import MeetingFile, Person
from report_gen.phrasing import Phrasing, leading_post, posts, running_name
from report_gen.vietnamese import meeting_noun, seam_lower


def meeting(**changes: Any) -> Phrasing:
    data: dict[str, Any] = {
        "meeting": {
            "name": "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024",
            "date": "2024-07-09",
        },
        "chair": {"name": "Nguyễn Văn An", "title": "Bí thư Huyện ủy"},
        "achievements": ["Kết quả."],
    }
    for key, value in changes.items():
        target = data
        *path, last = key.split("__")
        for part in path:
            target = target.setdefault(part, {})
        target[last] = value
    return Phrasing(MeetingFile.model_validate(data), "party")


@pytest.mark.parametrize(
    ("name", "kind", "noun"),
    [
        ("Phiên họp thường kỳ tháng 6 của UBND tỉnh", None, "Phiên họp"),
        ("Kỳ họp thứ 12 HĐND huyện khóa XX", None, "Kỳ họp"),
        ("Buổi làm việc với Đảng ủy xã", None, "buổi làm việc"),
        ("Cuộc họp giải ngân vốn đầu tư công", None, "cuộc họp"),
        ("Họp giao ban tháng 8", None, "cuộc họp"),
        ("Sơ kết công tác Hội quý I", None, "Hội nghị"),
        ("Giao ban khối nội chính", "Phiên họp", "Phiên họp"),
    ],
)
def test_the_meeting_is_called_by_its_own_noun(name: str, kind: str | None, noun: str) -> None:
    assert meeting_noun(name, kind) == noun


def test_a_phien_hop_is_never_a_hoi_nghi_in_the_text() -> None:
    p = meeting(meeting__name="Phiên họp thường kỳ tháng 6 năm 2024 của UBND huyện Tân Lập")
    assert p.noun == "Phiên họp" and p.Noun == "Phiên họp"


def test_a_topic_that_opens_with_ket_qua_gets_no_second_one() -> None:
    p = meeting(meeting__topic="kết quả thực hiện Nghị quyết số 25", meeting__period="năm 2024")
    assert p.review == "kết quả thực hiện Nghị quyết số 25 năm 2024"


def test_a_period_the_topic_holds_is_not_added_again() -> None:
    p = meeting(
        meeting__topic="công tác dân vận 6 tháng đầu năm 2024",
        meeting__period="6 tháng đầu năm 2024",
    )
    assert p.review == "kết quả công tác dân vận 6 tháng đầu năm 2024"


def test_the_report_summary_does_not_promise_what_the_name_says_or_the_report_lacks() -> None:
    named = meeting(
        meeting__name="Hội nghị tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019",
        meeting__next_period="năm 2019",
        tasks=["Tăng cường kỷ luật."],
    )
    assert named.report_summary == "tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019"
    no_tasks = meeting(meeting__next_period="6 tháng cuối năm 2024")
    assert "phương hướng" not in no_tasks.report_summary
    with_tasks = meeting(meeting__next_period="6 tháng cuối năm 2024", tasks=["Tăng cường."])
    assert with_tasks.report_summary.endswith(", phương hướng, nhiệm vụ 6 tháng cuối năm 2024")


def test_the_organizer_is_not_said_twice() -> None:
    p = meeting(
        meeting__name="Phiên họp giao ban tháng 6 của UBND huyện Tân Lập",
        meeting__organizer="Ủy ban nhân dân huyện Tân Lập",
    )
    assert p.event == "Phiên họp giao ban tháng 6"
    head = meeting(
        meeting__name="Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12",
        meeting__organizer="Ban Chấp hành Đảng bộ huyện",
    )
    assert head.event == "Hội nghị lần thứ 12"
    place = meeting(meeting__location="Trụ sở UBND tỉnh", meeting__organizer="UBND tỉnh Quảng Nam")
    assert place.location_names_organizer


def test_later_mentions_use_the_leading_post() -> None:
    person = Person(name="A", title="Ủy viên BCH Đảng bộ tỉnh, Bí thư Huyện ủy")
    assert leading_post(person) == "Bí thư Huyện ủy"
    both = Person(name="B", title="Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh")
    assert leading_post(both, ["UBND tỉnh Quảng Nam"]) == "Chủ tịch UBND tỉnh"
    assert posts("Giám đốc Sở Văn hóa, Thể thao và Du lịch") == [
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch"
    ]


def test_attendees_are_grouped_and_chairs_left_out() -> None:
    p = meeting(
        meeting__attendees=[
            {"name": "Lê Văn Bình", "title": "Phó Chủ tịch UBND tỉnh"},
            "Lãnh đạo các sở, ngành",
            {"name": "Trần Thị Cúc", "title": "Giám đốc Sở Nội vụ"},
            {"name": "Hà Văn Dũng", "title": "Phó Bí thư Huyện ủy"},
            "Các xã, thị trấn (dự trực tuyến)",
        ],
        co_chairs=[{"name": "Hà Văn Dũng", "title": "Phó Bí thư Huyện ủy"}],
    )
    assert p.attendees == (
        "các đồng chí: Lê Văn Bình, Phó Chủ tịch UBND tỉnh; Trần Thị Cúc, Giám đốc Sở Nội vụ; "
        "cùng lãnh đạo các sở, ngành và các xã, thị trấn (dự trực tuyến)"
    )


def test_a_concluder_who_did_not_chair_is_introduced_among_the_attendees() -> None:
    p = meeting(concluded_by={"name": "Võ Văn Hải", "title": "Phó Bí thư Tỉnh ủy"})
    assert p.attendees == "đồng chí Võ Văn Hải, Phó Bí thư Tỉnh ủy"
    assert p.concluder.later == "đồng chí Phó Bí thư Tỉnh ủy"
    assert p.notice_summary.startswith("kết luận của đồng chí Võ Văn Hải, Phó Bí thư Tỉnh ủy tại")


@pytest.mark.parametrize(
    ("text", "seam"),
    [
        ("Lãnh đạo các sở, ngành", "lãnh đạo các sở, ngành"),
        ("Các xã, thị trấn", "các xã, thị trấn"),
        ("Toàn thể cán bộ", "toàn thể cán bộ"),
        ("Thường trực HĐND huyện", "Thường trực HĐND huyện"),
        ("Ban Chấp hành Đảng bộ huyện", "Ban Chấp hành Đảng bộ huyện"),
        ("UBND các xã", "UBND các xã"),
        ("Bí thư Huyện ủy", "Bí thư Huyện ủy"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
    ],
)
def test_only_common_heads_are_lowered_at_a_seam(text: str, seam: str) -> None:
    assert seam_lower(text) == seam


def test_directives_continue_a_subject_only_when_they_open_with_a_verb() -> None:
    p = meeting(
        directives=[
            "Ghi nhận, biểu dương các cơ quan.",
            "Năm 2026 là năm có ý nghĩa quan trọng.",
            "Đề nghị các cơ quan khẩn trương hoàn thành.",
            "Các cơ quan chủ trì soạn thảo tiếp thu ý kiến.",
        ]
    )
    ack, statement, request, subject_first = p.directives
    assert ack.after("đồng chí X") == "đồng chí X ghi nhận, biểu dương các cơ quan."
    assert (
        statement.after("đồng chí X")
        == "đồng chí X nhấn mạnh: Năm 2026 là năm có ý nghĩa quan trọng."
    )
    assert request.after("đồng chí X") == "đồng chí X đề nghị các cơ quan khẩn trương hoàn thành."
    assert subject_first.after("đồng chí X").startswith("đồng chí X nhấn mạnh: Các cơ quan")
    assert [d.text[:8] for d in p.acknowledgements] == ["Ghi nhận", "Năm 2026"]
    assert [d.text[:8] for d in p.requests] == ["Đề nghị ", "Các cơ q"]


def test_tasks_keep_the_users_order_and_a_news_deadline_reads_as_news() -> None:
    p = meeting(
        meeting__next_period="quý II năm 2024",
        tasks=[
            {"text": "Hoàn thành số hóa hồ sơ.", "assignee": "Các xã", "deadline": "2024-06-30"},
            "Tăng cường kỷ luật.",
            {"text": "Rà soát danh sách.", "assignee": "Sở Nội vụ", "deadline": "trong tháng 9"},
            {"text": "Tổng kết.", "deadline": "trong quý II năm 2024"},
        ],
    )
    items = [t.news_item for t in p.tasks]
    assert items == [
        "Các xã hoàn thành số hóa hồ sơ (trước ngày 30/6).",
        "Tăng cường kỷ luật.",
        "Sở Nội vụ rà soát danh sách, hoàn thành trong tháng 9.",
        "Tổng kết.",  # the lead-in already says “Trong quý II năm 2024”
    ]
    assert "Thời hạn" not in " ".join(items)


def test_the_variant_is_chosen_from_the_meeting_and_repeatable() -> None:
    first, second = meeting(), meeting()
    assert first.variant("slot", True, True, True) == second.variant("slot", True, True, True)
    chosen = {meeting(meeting__name=f"Hội nghị số {i}").variant("slot", 1, 1, 1) for i in range(30)}
    assert chosen == {0, 1, 2}
    assert first.variant("slot", False, True) == 1  # only what fits the meeting is offered
    assert first.choices["slot"] == 1


def test_running_names_of_issuers() -> None:
    assert running_name("ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC") == "Ủy ban nhân dân huyện Đại Lộc"
    assert running_name("HUYỆN ỦY TÂN LẬP") == "Huyện ủy Tân Lập"
    assert running_name("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") is None  # not guessed


def test_a_meeting_date_is_a_date() -> None:
    assert meeting().m.meeting.date == dt.date(2024, 7, 9)


def test_check_warns_where_the_generator_keeps_a_capital_it_cannot_judge(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import run_cli

    source = tmp_path / "hop.yaml"
    source.write_text(
        "meeting:\n"
        "  name: Hội nghị sơ kết công tác năm 2024\n"
        "  date: 2024-12-20\n"
        "  attendees:\n"
        "    - lãnh đạo các sở, ngành\n"
        "    - Khách mời các địa phương\n"
        "chair: {name: Nguyễn Văn An, title: Bí thư Huyện ủy}\n"
        "achievements: [Kết quả tốt.]\n",
        "utf-8",
    )
    result = run_cli("check", source)
    assert result.returncode == 0
    assert f"{source}:6:7: cảnh báo: “Khách” được giữ chữ hoa ở giữa câu" in result.stderr
    assert result.stderr.count("cảnh báo") == 1


def test_a_name_that_is_a_sentence_is_led_by_the_noun() -> None:
    p = meeting(
        meeting__name="UBND tỉnh họp đánh giá kết quả giải ngân vốn đầu tư công",
        meeting__kind="Cuộc họp",
        meeting__organizer="UBND tỉnh Quảng Ngãi",
    )
    assert p.event == "cuộc họp đánh giá kết quả giải ngân vốn đầu tư công"
    visit = meeting(meeting__name="Làm việc với Tỉnh ủy Đồng Tháp", meeting__kind="Buổi làm việc")
    assert visit.notice_summary.endswith("tại buổi làm việc với Tỉnh ủy Đồng Tháp")


def test_the_leading_post_is_the_one_of_the_meetings_body() -> None:
    council = Person(name="A", title="Phó Bí thư Tỉnh ủy, Chủ tịch HĐND")
    assert leading_post(council, ["Thường trực HĐND tỉnh Vĩnh Phúc"]) == "Chủ tịch HĐND"
    dashed = Person(name="B", title="Phó Bí thư Đảng ủy – Chủ tịch UBND")
    assert leading_post(dashed, ["UBND xã Cao Sơn"]) == "Chủ tịch UBND"


def test_the_organizer_inside_the_name_is_not_said_again() -> None:
    p = meeting(
        meeting__name="Kỳ họp thứ 2 HĐND lâm thời phường An Hải",
        meeting__organizer="HĐND lâm thời phường An Hải",
    )
    assert p.event == "Kỳ họp thứ 2"


def test_a_sentence_the_tool_builds_is_closed_even_if_the_users_text_is_not() -> None:
    p = meeting(directives=["ghi nhận sự cố gắng của đoàn viên"])
    assert p.directives[0].after("Đồng chí") == "Đồng chí ghi nhận sự cố gắng của đoàn viên."


def test_the_seam_checker_finds_what_the_issue_lists() -> None:
    from report_gen.seams import Checker

    p = meeting(
        meeting__organizer="UBND huyện Tân Lập",
        meeting__period="năm 2024",
        meeting__attendees=["Lãnh đạo các sở, ngành"],
    )
    checker = Checker(p.m)
    body = (
        "<p class='news-text'>Hội nghị đánh giá kết quả kết quả thực hiện năm 2024 năm 2024.</p>"
        "<p class='news-text'>UBND huyện Tân Lập tổ chức Phiên họp của UBND huyện Tân Lập.</p>"
        "<p class='news-text'>Tham dự có Lãnh đạo các sở , ngành.</p>"
        "<p class='news-text'>Phát biểu, đồng chí Nguyễn Văn An, Bí thư Huyện ủy năm 2026 là năm.</p>"
        "<p class='news-text'>đồng chí nói.</p>"
    )
    kinds = {s.kind for s in checker.check(body, "report")}
    assert kinds == {"repeat", "punctuation", "capital", "noun", "glue", "sentence-start"}


def test_a_membership_is_never_the_leading_post() -> None:
    person = Person(name="A", title="Tỉnh ủy viên, Chủ tịch HND tỉnh")
    assert leading_post(person) == "Chủ tịch HND tỉnh"


def test_a_common_meeting_noun_is_lower_case_mid_sentence() -> None:
    p = meeting(meeting__name="Buổi làm việc kiểm tra công tác chuẩn bị năm học mới")
    assert p.event_named == "buổi làm việc kiểm tra công tác chuẩn bị năm học mới"


def test_a_line_of_a_list_begins_a_sentence() -> None:
    p = meeting(tasks=["chọn ấp 8 làm điểm chỉ đạo", "tăng cường kiểm tra."])
    assert p.tasks[0].news_item.startswith("Chọn ấp 8")


def test_a_giao_ban_reports_what_it_reviewed() -> None:
    p = meeting(
        meeting__name="Hội nghị giao ban công tác Đoàn tháng 2/2023 và triển khai nhiệm vụ tháng 3/2023",
        meeting__topic="công tác Đoàn",
        meeting__period="tháng 2/2023",
        meeting__next_period="tháng 3/2023",
        tasks=["Tập trung thực hiện các nhiệm vụ trọng tâm."],
    )
    assert (
        p.report_summary
        == "kết quả công tác Đoàn tháng 2/2023, phương hướng, nhiệm vụ tháng 3/2023"
    )
    council = Person(name="C", title="Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh")
    assert leading_post(council, ["Thường trực HĐND tỉnh Bắc Kạn"]) == "Chủ tịch HĐND tỉnh"
    office = Person(name="D", title="Phó Chủ tịch LĐLĐ tỉnh, Thủ trưởng cơ quan")
    assert leading_post(office, ["Công đoàn cơ sở Cơ quan LĐLĐ tỉnh"]) == "Phó Chủ tịch LĐLĐ tỉnh"


def test_a_task_verb_after_the_speaker_gets_de_nghi_and_a_connective_stays_first() -> None:
    p = meeting(directives=["Tiếp tục đổi mới nội dung.", "Đồng thời, tiếp tục siết chặt kỷ cương"])
    first, second = p.directives
    assert first.after("đồng chí X") == "đồng chí X đề nghị tiếp tục đổi mới nội dung."
    assert (
        second.after("Đồng chí X") == "Đồng thời, đồng chí X đề nghị tiếp tục siết chặt kỷ cương."
    )


def test_a_title_followed_by_a_name_keeps_its_capital() -> None:
    assert seam_lower("Chủ tịch, Phó Chủ tịch Ủy ban MTTQ cấp huyện") == (
        "Chủ tịch, Phó Chủ tịch Ủy ban MTTQ cấp huyện"
    )
    assert seam_lower("Bí thư các chi bộ trực thuộc") == "bí thư các chi bộ trực thuộc"


def test_a_name_opening_with_another_noun_is_led_by_the_meetings_noun() -> None:
    p = meeting(meeting__name="Họp giao ban định kỳ tháng 8", meeting__kind="Hội nghị")
    assert p.event_named == "Hội nghị giao ban định kỳ tháng 8"


def test_a_topic_that_opens_with_a_verb_is_reviewed_as_a_task() -> None:
    p = meeting(meeting__topic="thống nhất nội dung chương trình kỳ họp thứ 11")
    assert p.review == "việc thống nhất nội dung chương trình kỳ họp thứ 11"


def test_a_notice_gives_tasks_and_a_report_says_who_does_what() -> None:
    from pathlib import Path

    from report_gen.render import render
    from report_gen.seams import blocks
    from report_gen.validate import load_meeting

    source = (
        Path(__file__).resolve().parents[1] / "inputs/ubnd-tong-ket-cai-cach-hanh-chinh-2024.yaml"
    )
    loaded = load_meeting(source)
    items = {
        k: [t for c, t in blocks(render(loaded, k).body) if c == "item"]
        for k in ("notice", "report")
    }
    assert items["notice"][1].startswith("2. Giao Phòng Nội vụ huyện tham mưu")
    assert items["report"][1].startswith("2. Phòng Nội vụ huyện tham mưu")
    assert not any("Giao " in item for item in items["report"])
