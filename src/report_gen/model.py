"""The validated meeting: the one document model every template and writer reads.

Mirrors shared/docs/input-format.md exactly; pydantic gives strictness (unknown keys
are errors) and the JSON Schema for `report-gen schema`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)

PARTY_PREFIXES = ("TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "ĐẢNG ỦY")

Style = Literal["party", "state"]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("blank")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Paragraph = Text


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, str_strip_whitespace=True
    )


class Person(_Model):
    name: Text = Field(description="Họ và tên đầy đủ")
    title: Text = Field(description="Chức vụ, viết như sau tên người")


class Chair(Person):
    role: Text = Field("chủ trì", description="Vai trò: “chủ trì” hoặc “dự và chỉ đạo”")


class Meeting(_Model):
    name: Text = Field(description="Tên hội nghị")
    date: dt.date = Field(description="Ngày họp (YYYY-MM-DD)")
    session: Literal["sáng", "chiều", "tối"] | None = None
    location: Text | None = None
    organizer: Text | None = None
    topic: Text | None = None
    period: Text | None = None
    next_period: Text | None = None
    attendees: list[Text] = []


def _task_from_string(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Task(_Model):
    text: Paragraph
    assignee: Text | None = None
    deadline: dt.date | None = None


class Image(_Model):
    file: Text = Field(description="Đường dẫn ảnh, tính từ thư mục của tệp YAML")
    caption: Text | None = None


class Article(_Model):
    title: Text | None = None
    lead: Text | None = None
    author: Text | None = None
    images: list[Image] = []


class Issuer(_Model):
    parent: Text | None = None
    name: Text | None = None


class Signer(_Model):
    authority: Text | None = None
    title: Text | None = None
    name: Text | None = None


class Document(_Model):
    style: Style | None = None
    issuer: Issuer = Issuer()
    number: Text | None = None
    symbol: Text | None = None
    place: Text | None = None
    date: dt.date | None = None
    signer: Signer = Signer()
    recipients: list[Text] = []


class MeetingFile(_Model):
    """One meeting as described by its YAML file (after folder defaults are applied)."""

    meeting: Meeting
    chair: Chair
    achievements: Annotated[list[Paragraph], Field(min_length=1)]
    limitations: list[Paragraph] = []
    directives: list[Paragraph] = []
    tasks: list[Annotated[Task, BeforeValidator(_task_from_string)]] = []
    tasks_addressee: Text | None = None
    article: Article = Article()
    document: Document = Document()

    @property
    def style(self) -> Style:
        """Party format for Party committees and their boards, else state format."""
        if self.document.style:
            return self.document.style
        name = (self.document.issuer.name or "").upper().replace("UỶ", "ỦY")
        return "party" if name.startswith(PARTY_PREFIXES) else "state"


# Keys that documents (report, notice) need although the article does not.
DOCUMENT_REQUIRED: tuple[tuple[str, ...], ...] = (
    ("document", "issuer", "name"),
    ("document", "place"),
    ("document", "signer", "title"),
    ("document", "signer", "name"),
)
