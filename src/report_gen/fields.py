"""Vietnamese documentation of every key of the meeting file: the one source.

`schema.py` attaches these titles, descriptions and examples to the JSON Schema, and
`skeleton.py` writes the file of `report-gen new` from the same entries (examples become
the skeleton's values, descriptions its comments), so the two cannot drift. Keys are
`Model.field` as in `model.py`; a test checks that every field of every model has one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Doc:
    title: str
    description: str
    example: Any
    required: str = ""  # when the key is required only in some cases, which ones
    skeleton: bool = True  # written as a live key in the skeleton (else commented out)
    values: tuple[tuple[str, str], ...] = ()  # an enumeration's values, each explained


_PERSON = {"name": "Nguyễn Thị Hoa", "title": "Trưởng Ban Dân vận Huyện ủy"}

MODELS: dict[str, tuple[str, str]] = {
    "MeetingFile": (
        "Tệp mô tả hội nghị",
        "Một hội nghị cho report-gen: từ tệp này chương trình soạn tin bài, báo cáo và "
        "thông báo kết luận.",
    ),
    "Meeting": ("Hội nghị", "Hội nghị gì, khi nào, ở đâu, đánh giá kỳ nào."),
    "Chair": ("Người chủ trì", "Người chủ trì hoặc dự và chỉ đạo hội nghị."),
    "Person": ("Người", "Một người: họ và tên, chức vụ."),
    "Task": ("Nhiệm vụ", "Một nhiệm vụ có cơ quan thực hiện và thời hạn."),
    "Image": ("Ảnh", "Một ảnh của tin bài."),
    "Article": ("Tin bài", "Thiết lập riêng của tin bài."),
    "Issuer": ("Cơ quan ban hành", "Cơ quan ban hành và cơ quan cấp trên."),
    "Signer": ("Người ký", "Thẩm quyền ký, chức vụ và họ tên người ký."),
    "DocumentPart": (
        "Giá trị riêng của một văn bản",
        "Giá trị chỉ dùng cho văn bản này, đè lên giá trị dùng chung của mục document.",
    ),
    "Document": ("Văn bản", "Thiết lập của báo cáo và thông báo kết luận."),
}

FIELDS: dict[str, Doc] = {
    # the meeting file
    "MeetingFile.meeting": Doc("Hội nghị", "Hội nghị gì, khi nào, ở đâu (bắt buộc).", None),
    "MeetingFile.chair": Doc(
        "Người chủ trì", "Người chủ trì hoặc dự và chỉ đạo hội nghị (bắt buộc).", None
    ),
    "MeetingFile.achievements": Doc(
        "Kết quả đạt được",
        "Kết quả của kỳ đánh giá, mỗi mục một đoạn văn; ít nhất một mục (bắt buộc).",
        ["Sáu tháng đầu năm, công tác dân vận của các cấp ủy có nhiều chuyển biến tích cực."],
    ),
    "MeetingFile.limitations": Doc(
        "Hạn chế",
        "Hạn chế, tồn tại hội nghị đã nêu, mỗi mục một ý, viết chữ thường ở đầu.",
        ["việc nắm tình hình nhân dân ở một số nơi chưa kịp thời."],
    ),
    "MeetingFile.directives": Doc(
        "Ý kiến chỉ đạo",
        "Đánh giá và yêu cầu chung của người chủ trì, mỗi mục một đoạn văn.",
        ["Đồng chí đề nghị các cấp ủy tiếp tục quán triệt các nghị quyết về công tác dân vận."],
    ),
    "MeetingFile.tasks": Doc(
        "Nhiệm vụ thời gian tới",
        "Mỗi nhiệm vụ là một câu, hoặc một mục có nội dung (text), cơ quan thực hiện "
        "(assignee) và thời hạn (deadline).",
        [
            "Nâng cao chất lượng hoạt động của Mặt trận và các đoàn thể.",
            {
                "text": "Tổng kết 20 năm thực hiện Chỉ thị 30-CT/TW",
                "assignee": "Ban Dân vận Huyện ủy",
                "deadline": dt.date(2025, 10, 15),
            },
        ],
    ),
    "MeetingFile.tasks_addressee": Doc(
        "Nhiệm vụ giao cho",
        "Các yêu cầu của người chủ trì được giao chung cho ai.",
        "các cơ quan khối vận của huyện",
    ),
    "MeetingFile.co_chairs": Doc(
        "Đồng chủ trì",
        "Những người cùng chủ trì với người chủ trì.",
        [_PERSON],
        skeleton=False,
    ),
    "MeetingFile.concluded_by": Doc(
        "Người kết luận",
        "Người kết luận và chỉ đạo khi không phải người chủ trì; trích yếu của thông báo "
        "kết luận nêu tên người này.",
        {"name": "Trần Văn Minh", "title": "Phó Bí thư Tỉnh ủy"},
        skeleton=False,
    ),
    "MeetingFile.article": Doc("Tin bài", "Thiết lập riêng của tin bài.", None),
    "MeetingFile.document": Doc(
        "Văn bản",
        "Thiết lập của báo cáo và thông báo kết luận; bỏ mục này thì chỉ soạn tin bài.",
        None,
    ),
    # meeting
    "Meeting.name": Doc(
        "Tên hội nghị",
        "Tên đầy đủ của hội nghị (bắt buộc).",
        "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2025",
    ),
    "Meeting.date": Doc(
        "Ngày họp", "Ngày họp, dạng NĂM-THÁNG-NGÀY (bắt buộc).", dt.date(2025, 7, 9)
    ),
    "Meeting.session": Doc(
        "Buổi",
        "Buổi họp: sáng, chiều hoặc tối.",
        "sáng",
        values=(
            ("sáng", "Buổi họp sáng: tin bài mở đầu “Sáng 9/7, …”."),
            ("chiều", "Buổi họp chiều: tin bài mở đầu “Chiều 9/7, …”."),
            ("tối", "Buổi họp tối: tin bài mở đầu “Tối 9/7, …”."),
        ),
    ),
    "Meeting.location": Doc("Địa điểm", "Nơi họp.", "Hội trường Huyện ủy"),
    "Meeting.organizer": Doc(
        "Cơ quan tổ chức", "Cơ quan tổ chức hội nghị.", "Ban Thường vụ Huyện ủy"
    ),
    "Meeting.topic": Doc("Lĩnh vực", "Lĩnh vực của hội nghị, viết chữ thường.", "công tác dân vận"),
    "Meeting.period": Doc("Kỳ đánh giá", "Khoảng thời gian được đánh giá.", "6 tháng đầu năm 2025"),
    "Meeting.next_period": Doc(
        "Kỳ tới", "Khoảng thời gian của nhiệm vụ sắp tới.", "6 tháng cuối năm 2025"
    ),
    "Meeting.kind": Doc(
        "Loại cuộc họp",
        "Danh từ dùng để gọi cuộc họp (Hội nghị, Phiên họp, Kỳ họp, Hội thảo…); bỏ trống "
        "thì lấy từ đầu tên hội nghị.",
        "Hội nghị",
        skeleton=False,
    ),
    "Meeting.mode": Doc(
        "Hình thức",
        "Hình thức tham dự: trực tiếp, trực tuyến hoặc trực tiếp kết hợp trực tuyến; bỏ "
        "trống thì văn bản không nhắc đến.",
        "trực tiếp kết hợp trực tuyến",
        skeleton=False,
        values=(
            ("trực tiếp", "Hình thức tham dự: mọi người họp tại một nơi."),
            ("trực tuyến", "Hình thức tham dự: họp qua mạng."),
            (
                "trực tiếp kết hợp trực tuyến",
                "Hình thức tham dự: tại hội trường và qua các điểm cầu.",
            ),
        ),
    ),
    "Meeting.connected_to": Doc(
        "Điểm cầu", "Các điểm cầu trực tuyến.", "135 điểm cầu xã, phường", skeleton=False
    ),
    "Meeting.attendees": Doc(
        "Thành phần dự",
        "Mỗi mục là một cơ quan, một nhóm người (chuỗi), hoặc một người (họ tên, chức vụ).",
        ["lãnh đạo Ban Dân vận Tỉnh ủy", _PERSON],
    ),
    # people
    "Person.name": Doc("Họ và tên", "Họ và tên đầy đủ.", "Nguyễn Thị Hoa"),
    "Person.title": Doc(
        "Chức vụ", "Chức vụ, viết như khi đứng sau tên người.", "Trưởng Ban Dân vận Huyện ủy"
    ),
    "Chair.name": Doc(
        "Họ và tên", "Họ và tên đầy đủ của người chủ trì (bắt buộc).", "Lê Bình Nguyên"
    ),
    "Chair.title": Doc(
        "Chức vụ",
        "Chức vụ, viết như khi đứng sau tên người (bắt buộc).",
        "Phó Bí thư Thường trực Huyện ủy",
    ),
    "Chair.role": Doc(
        "Vai trò",
        "Vai trò của người chủ trì: “chủ trì” (mặc định) hoặc “dự và chỉ đạo”.",
        "chủ trì",
    ),
    # tasks
    "Task.text": Doc(
        "Nội dung", "Nội dung nhiệm vụ (bắt buộc).", "Tổng kết 20 năm thực hiện Chỉ thị 30-CT/TW"
    ),
    "Task.assignee": Doc("Cơ quan thực hiện", "Cơ quan, đơn vị thực hiện.", "Ban Dân vận Huyện ủy"),
    "Task.deadline": Doc(
        "Thời hạn",
        "Một ngày (NĂM-THÁNG-NGÀY) hoặc một thời hạn bằng chữ (“trong tháng 9”).",
        dt.date(2025, 10, 15),
    ),
    # article
    "Article.title": Doc(
        "Tít",
        "Tít tin bài; bỏ trống thì suy từ hội nghị.",
        "Sơ kết công tác dân vận 6 tháng đầu năm",
    ),
    "Article.lead": Doc(
        "Sapo",
        "Đoạn dẫn dưới tít; bỏ trống thì chương trình tự soạn.",
        "Sáng 9/7, Ban Thường vụ Huyện ủy tổ chức Hội nghị sơ kết công tác dân vận.",
        skeleton=False,
    ),
    "Article.author": Doc("Tác giả", "Chữ viết tắt hoặc bút danh ký cuối bài.", "ĐTK"),
    "Article.images": Doc(
        "Ảnh",
        "Ảnh của tin bài: tệp (tính từ thư mục của tệp YAML), chú thích, tác giả ảnh.",
        [{"file": "images/anh.png", "caption": "Quang cảnh Hội nghị.", "credit": "Ảnh: Thùy Linh"}],
        skeleton=False,
    ),
    "Image.file": Doc(
        "Tệp ảnh",
        "Đường dẫn ảnh, tính từ thư mục của tệp YAML, không ra ngoài thư mục đó (bắt buộc).",
        "images/anh.png",
    ),
    "Image.caption": Doc("Chú thích", "Chú thích dưới ảnh.", "Quang cảnh Hội nghị."),
    "Image.credit": Doc("Tác giả ảnh", "In sau chú thích.", "Ảnh: Thùy Linh"),
    # document
    "Document.style": Doc(
        "Thể thức",
        "party: thể thức của Đảng (Hướng dẫn 36-HD/VPTW); state: thể thức nhà nước (Nghị "
        "định 30/2020/NĐ-CP). Bỏ trống: party nếu cơ quan ban hành là cấp ủy.",
        "party",
        values=(
            ("party", "Thể thức của Đảng: Hướng dẫn 36-HD/VPTW."),
            ("state", "Thể thức văn bản hành chính nhà nước: Nghị định 30/2020/NĐ-CP."),
        ),
    ),
    "Document.issuer": Doc("Cơ quan ban hành", "Cơ quan ban hành và cơ quan cấp trên.", None),
    "Document.number": Doc(
        "Số văn bản",
        "Số văn bản; bỏ trống là dự thảo, số để trống cho văn thư điền.",
        "125",
        skeleton=False,
    ),
    "Document.symbol": Doc(
        "Ký hiệu",
        "Ký hiệu sau số văn bản; phần loại văn bản được đổi theo từng văn bản (BC, TB).",
        "TB/HU",
    ),
    "Document.place": Doc(
        "Địa danh",
        "Địa danh ở dòng ngày tháng.",
        "Đại Lộc",
        required="bắt buộc khi soạn báo cáo, thông báo",
    ),
    "Document.date": Doc(
        "Ngày ký",
        "Ngày ký, dạng NĂM-THÁNG-NGÀY; bỏ trống là dự thảo.",
        dt.date(2025, 7, 10),
        skeleton=False,
    ),
    "Document.signer": Doc("Người ký", "Thẩm quyền ký, chức vụ và họ tên người ký.", None),
    "Document.recipients": Doc(
        "Nơi nhận",
        "Danh sách “Nơi nhận”, mỗi dòng một nơi, kể cả dòng “Lưu”.",
        ["Ban Dân vận Tỉnh ủy (để báo cáo)", "Lưu Văn phòng Huyện ủy"],
    ),
    "Document.addressees": Doc(
        "Kính gửi",
        "Khối “Kính gửi:” khi báo cáo gửi cấp trên.",
        ["Ban Thường vụ Tỉnh ủy"],
        skeleton=False,
    ),
    "Document.basis": Doc(
        "Căn cứ",
        "Câu căn cứ mở đầu báo cáo.",
        "Thực hiện Công văn số 88-CV/BDVTU, ngày 02-6-2025 của Ban Dân vận Tỉnh ủy",
        skeleton=False,
    ),
    "Document.report": Doc(
        "Riêng báo cáo",
        "Giá trị chỉ dùng cho báo cáo, đè lên giá trị dùng chung.",
        {"number": "125", "symbol": "BC/HU", "addressees": ["Ban Thường vụ Tỉnh ủy"]},
        skeleton=False,
    ),
    "Document.notice": Doc(
        "Riêng thông báo kết luận",
        "Giá trị chỉ dùng cho thông báo kết luận, đè lên giá trị dùng chung.",
        {"signer": {"authority": "T/L BAN THƯỜNG VỤ", "title": "CHÁNH VĂN PHÒNG"}},
        skeleton=False,
    ),
    "Issuer.parent": Doc(
        "Cơ quan cấp trên",
        "Cơ quan cấp trên, in phía trên cơ quan ban hành.",
        "ĐẢNG BỘ TỈNH QUẢNG NAM",
    ),
    "Issuer.name": Doc(
        "Tên cơ quan ban hành",
        "Tên cơ quan ban hành, viết hoa; có thể viết hai dòng để ngắt đúng chỗ.",
        "HUYỆN ỦY ĐẠI LỘC",
        required="bắt buộc khi soạn báo cáo, thông báo",
    ),
    "Signer.authority": Doc(
        "Thẩm quyền ký",
        "T/M, K/T, T/L (Đảng) hoặc TM., KT., TL. (nhà nước); danh sách hai dòng khi ủy "
        "quyền hai lần.",
        "T/M BAN THƯỜNG VỤ",
    ),
    "Signer.title": Doc(
        "Chức vụ người ký",
        "Chức vụ người ký, viết hoa.",
        "PHÓ BÍ THƯ",
        required="bắt buộc khi soạn báo cáo, thông báo",
    ),
    "Signer.name": Doc(
        "Họ và tên người ký",
        "Họ và tên người ký.",
        "Lê Bình Nguyên",
        required="bắt buộc khi soạn báo cáo, thông báo",
    ),
}

# The fields of DocumentPart mean what the same fields of Document mean.
for _name in ("issuer", "number", "symbol", "date", "signer", "recipients", "addressees", "basis"):
    _doc = FIELDS[f"Document.{_name}"]
    FIELDS[f"DocumentPart.{_name}"] = Doc(
        _doc.title, _doc.description + " Chỉ cho văn bản này.", _doc.example, values=_doc.values
    )


def describe(doc: Doc) -> str:
    """The description with the case in which the key is required, if any."""
    if not doc.required:
        return doc.description
    return f"{doc.description.rstrip('.')}; {doc.required}."
