"""Synthetic meeting folders for the benchmark: seeded, Vietnamese, varied.

Meeting i is made from its own seeded generator, so the first 100 meetings of a set of
500 are the set of 100: sizes can be compared meeting for meeting. Folders carry a
`_defaults.yaml` (issuer, signer, recipients, author) that some meetings partly override;
lengths vary from a short briefing to a long review; limitations, directives, tasks,
images and document numbers are absent from some.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
IMAGE = ROOT / "inputs" / "images" / "chair.png"

FOLDERS: dict[str, dict[str, Any]] = {
    "huyen-uy-tan-lap": {
        "document": {
            "issuer": {"parent": "ĐẢNG BỘ TỈNH BÌNH AN", "name": "HUYỆN ỦY TÂN LẬP"},
            "symbol": "TB/HU",
            "place": "Tân Lập",
            "signer": {
                "authority": "T/L BAN THƯỜNG VỤ",
                "title": "CHÁNH VĂN PHÒNG",
                "name": "Trần Văn Minh",
            },
            "recipients": [
                "Ban Thường vụ Tỉnh ủy (để báo cáo)",
                "Các đồng chí Huyện ủy viên",
                "Các cơ quan khối vận huyện",
                "Lưu Văn phòng Huyện ủy",
            ],
        },
        "article": {"author": "ĐTK"},
    },
    "ubnd-huyen-tan-lap": {
        "document": {
            "issuer": {
                "parent": "ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
                "name": "ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP",
            },
            "symbol": "TB-UBND",
            "place": "Tân Lập",
            "signer": {
                "authority": "TL. CHỦ TỊCH",
                "title": "CHÁNH VĂN PHÒNG",
                "name": "Nguyễn Thị Hồng Nhung",
            },
            "recipients": [
                "UBND tỉnh (để báo cáo)",
                "Thường trực Huyện ủy",
                "Các phòng, ban, ngành huyện",
                "UBND các xã, thị trấn",
                "Lưu: VT",
            ],
        },
        "article": {"author": "Hồng Nhung"},
    },
    "dang-uy-xa-hoa-binh": {
        "document": {
            "issuer": {"parent": "ĐẢNG BỘ HUYỆN TÂN LẬP", "name": "ĐẢNG ỦY XÃ HÒA BÌNH"},
            "symbol": "TB/ĐU",
            "place": "Hòa Bình",
            "signer": {"authority": "T/M ĐẢNG ỦY", "title": "BÍ THƯ", "name": "Võ Thanh Tùng"},
            "recipients": ["Ban Thường vụ Huyện ủy (để báo cáo)", "Các chi bộ trực thuộc", "Lưu"],
        },
        "article": {"author": "TH"},
    },
    "ban-dan-van": {
        "document": {
            "style": "party",
            "issuer": {"parent": "HUYỆN ỦY TÂN LẬP", "name": "BAN DÂN VẬN"},
            "symbol": "BC/BDVHU",
            "place": "Tân Lập",
            "signer": {
                "authority": "K/T TRƯỞNG BAN",
                "title": "PHÓ TRƯỞNG BAN",
                "name": "Lê Thị Mai",
            },
            "recipients": ["Ban Dân vận Tỉnh ủy (để báo cáo)", "Thường trực Huyện ủy", "Lưu"],
        },
    },
}

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thị Thu", "Văn Hoàng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Nam", "Phúc",
         "Quang", "Sơn", "Thảo", "Trung", "Tuấn", "Vân", "Yến"]  # fmt: skip
CHAIR_TITLES = [
    "Bí thư Huyện ủy",
    "Phó Bí thư Thường trực Huyện ủy",
    "Chủ tịch Ủy ban nhân dân huyện",
    "Phó Chủ tịch Ủy ban nhân dân huyện",
    "Trưởng Ban Dân vận Huyện ủy",
    "Bí thư Đảng ủy xã",
]
MEETING_KINDS = ["sơ kết", "tổng kết", "giao ban", "đánh giá kết quả thực hiện"]
TOPICS = [
    "công tác dân vận và thực hiện quy chế dân chủ ở cơ sở",
    "công tác xây dựng Đảng",
    "công tác cải cách hành chính",
    "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "công tác bảo đảm an ninh trật tự",
    "công tác chuyển đổi số",
]
PERIODS = [
    ("6 tháng đầu năm {y}", "6 tháng cuối năm {y}"),
    ("quý I năm {y}", "quý II năm {y}"),
    ("quý III năm {y}", "quý IV năm {y}"),
    ("năm {y}", "năm {n}"),
]
LOCATIONS = ["Hội trường Huyện ủy", "Hội trường Ủy ban nhân dân huyện", "Nhà văn hóa xã"]
ATTENDEES = [
    "Lãnh đạo Ban Dân vận Tỉnh ủy",
    "các đồng chí Ủy viên Ban Thường vụ Huyện ủy",
    "lãnh đạo các phòng, ban, ngành của huyện",
    "bí thư các chi bộ trực thuộc",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
    "đại diện các hội đoàn thể",
]
SUBJECTS = [
    "Các cấp ủy, tổ chức đảng",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "Ủy ban nhân dân các xã, thị trấn",
    "Đội ngũ cán bộ làm công tác dân vận",
    "Các cơ quan chuyên môn của huyện",
    "Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở",
]
VERBS = [
    "đã tập trung lãnh đạo, chỉ đạo",
    "tiếp tục quan tâm triển khai",
    "đã chủ động phối hợp thực hiện",
    "thường xuyên kiểm tra, đôn đốc",
    "đã cụ thể hóa và tổ chức thực hiện",
]
OBJECTS = [
    "công tác tuyên truyền, vận động nhân dân",
    "các phong trào thi đua yêu nước",
    "việc thực hiện quy chế dân chủ ở cơ sở",
    "phong trào “Dân vận khéo”",
    "việc tiếp công dân và giải quyết đơn thư, kiến nghị",
    "các nhiệm vụ phát triển kinh tế - xã hội",
    "việc sắp xếp, tinh gọn tổ chức bộ máy",
]
TAILS = [
    "đạt nhiều kết quả quan trọng",
    "góp phần giữ vững ổn định chính trị ở địa phương",
    "tạo sự đồng thuận cao trong nhân dân",
    "đạt {p}% kế hoạch năm",
    "với {k} mô hình mới được nhân rộng",
    "được nhân dân đồng tình, hưởng ứng",
]
LIMITS = [
    "công tác nắm bắt tình hình tư tưởng của nhân dân có lúc chưa kịp thời",
    "một số chi bộ sinh hoạt chưa đều, nội dung còn đơn điệu",
    "việc giải quyết một số kiến nghị của cử tri còn chậm",
    "sự phối hợp giữa một vài cơ quan chưa chặt chẽ",
    "tỷ lệ hồ sơ giải quyết trực tuyến toàn trình còn thấp",
]
ASSIGNEES = [
    "Ban Dân vận Huyện ủy",
    "Văn phòng Ủy ban nhân dân huyện",
    "Mặt trận Tổ quốc và các đoàn thể",
    "Phòng Nội vụ huyện",
    "Ủy ban nhân dân các xã, thị trấn",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS).format(p=rng.randint(60, 130), k=rng.randint(2, 40))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {tail}."


def paragraph(rng: random.Random, low: int, high: int) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def task(rng: random.Random, year: int) -> Any:
    text = f"Tiếp tục {rng.choice(VERBS).split(' ', 1)[-1]} {rng.choice(OBJECTS)}."
    if rng.random() < 0.3:
        text += " " + sentence(rng)
    if rng.random() < 0.6:
        return text
    item: dict[str, Any] = {"text": text, "assignee": rng.choice(ASSIGNEES)}
    if rng.random() < 0.5:
        item["deadline"] = dt.date(year + 1, rng.randint(1, 12), rng.randint(1, 28))
    return item


def meeting(i: int, seed: int, folder: str) -> dict[str, Any]:
    rng = random.Random(f"{seed}-{i}")
    year = rng.randint(2019, 2025)
    period, next_period = (p.format(y=year, n=year + 1) for p in rng.choice(PERIODS))
    topic = rng.choice(TOPICS)
    size = rng.choice(["ngắn", "vừa", "vừa", "dài"])
    low, high = {"ngắn": (1, 2), "vừa": (2, 4), "dài": (4, 7)}[size]
    data: dict[str, Any] = {
        "meeting": {
            "name": f"Hội nghị {rng.choice(MEETING_KINDS)} {topic} {period} (số {i + 1})",
            "date": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
        }
    }
    m = data["meeting"]
    if rng.random() < 0.8:
        m["session"] = rng.choice(["sáng", "chiều", "tối"])
    if rng.random() < 0.8:
        m["location"] = rng.choice(LOCATIONS)
    m.update(topic=topic, period=period, next_period=next_period)
    if rng.random() < 0.6:
        m["attendees"] = rng.sample(ATTENDEES, rng.randint(1, 4))
    data["chair"] = {"name": person(rng), "title": rng.choice(CHAIR_TITLES)}
    if rng.random() < 0.3:
        data["chair"]["role"] = "dự và chỉ đạo"
    data["achievements"] = [paragraph(rng, low, high * 2) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.7:
        data["limitations"] = rng.sample(LIMITS, rng.randint(1, 4))
    if rng.random() < 0.8:
        data["directives"] = [paragraph(rng, 1, 3) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.75:
        data["tasks_addressee"] = "các cơ quan, đơn vị liên quan"
        data["tasks"] = [task(rng, year) for _ in range(rng.randint(2, 4 * high))]
    article: dict[str, Any] = {}
    if rng.random() < 0.3:
        article["images"] = [
            {"file": "images/anh.png", "caption": f"Đồng chí {data['chair']['name']} phát biểu."}
        ]
    if rng.random() < 0.2:
        article["author"] = "PV"
    if article:
        data["article"] = article
    document: dict[str, Any] = {}
    if rng.random() < 0.4:  # a numbered, dated (final) document
        document["number"] = str(rng.randint(1, 250))
        document["date"] = m["date"] + dt.timedelta(days=rng.randint(1, 10))
    if rng.random() < 0.15:  # mappings merge: only the signer's name is the meeting's own
        document["signer"] = {"name": person(rng)}
    if rng.random() < 0.15:  # lists are replaced whole
        document["recipients"] = ["Như trên", "Lưu"]
    if document:
        data["document"] = document
    return data


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def generate(root: Path, count: int, seed: int = 2024) -> Path:
    """Write `count` meetings (and their folders' defaults and images) under root."""
    if root.exists():
        shutil.rmtree(root)
    image = IMAGE
    names = list(FOLDERS)
    for name, defaults in FOLDERS.items():
        folder = root / name
        (folder / "images").mkdir(parents=True)
        shutil.copy(image, folder / "images" / "anh.png")
        (folder / "_defaults.yaml").write_text(_dump(defaults), encoding="utf-8")
    for i in range(count):
        folder = names[i % len(names)]
        path = root / folder / f"hoi-nghi-{i + 1:04d}.yaml"
        path.write_text(_dump(meeting(i, seed, folder)), encoding="utf-8")
    return root
