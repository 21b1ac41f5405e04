"""The validated meeting: the one document model every template and writer reads.

Mirrors the input contract (docs/dinh-dang-dau-vao.md), version 2 included; pydantic
gives strictness (unknown keys are errors) and the JSON Schema for `report-gen schema`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)
from pydantic_core import PydanticCustomError

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


Mode = Literal["trực tiếp", "trực tuyến", "trực tiếp kết hợp trực tuyến"]

_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def _date_or_text(value: Any) -> Any:
    """A deadline is a date when written as one (checked: 2019-02-30 is refused), else text."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_value", "impossible date") from None
    return value


class Meeting(_Model):
    name: Text = Field(description="Tên hội nghị")
    date: dt.date = Field(description="Ngày họp (YYYY-MM-DD)")
    session: Literal["sáng", "chiều", "tối"] | None = None
    location: Text | None = None
    organizer: Text | None = None
    topic: Text | None = None
    period: Text | None = None
    next_period: Text | None = None
    kind: Text | None = None
    mode: Mode | None = None
    connected_to: Text | None = None
    attendees: list[Person | Text] = []


def _task_from_string(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


Deadline = Annotated[dt.date | Text, BeforeValidator(_date_or_text)]


class Task(_Model):
    text: Paragraph
    assignee: Text | None = None
    deadline: Deadline | None = None


class Image(_Model):
    file: Text = Field(description="Đường dẫn ảnh, tính từ thư mục của tệp YAML")
    caption: Text | None = None
    credit: Text | None = None


class Article(_Model):
    title: Text | None = None
    lead: Text | None = None
    author: Text | None = None
    images: list[Image] = []


class Issuer(_Model):
    parent: Text | None = None
    name: Text | None = None


class Signer(_Model):
    authority: Text | list[Text] | None = None
    title: Text | None = None
    name: Text | None = None

    @property
    def authority_lines(self) -> list[str]:
        """Authority as lines: delegated twice it is two (TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG)."""
        if self.authority is None:
            return []
        return [self.authority] if isinstance(self.authority, str) else list(self.authority)


class DocumentPart(_Model):
    """Values for one document (report or notice) over the shared ones."""

    issuer: Issuer | None = None
    number: Text | None = None
    symbol: Text | None = None
    date: dt.date | None = None
    signer: Signer | None = None
    recipients: list[Text] | None = None
    addressees: list[Text] | None = None
    basis: Text | None = None


class Document(_Model):
    style: Style | None = None
    issuer: Issuer = Issuer()
    number: Text | None = None
    symbol: Text | None = None
    place: Text | None = None
    date: dt.date | None = None
    signer: Signer = Signer()
    recipients: list[Text] = []
    addressees: list[Text] = []
    basis: Text | None = None
    report: DocumentPart | None = None
    notice: DocumentPart | None = None

    def for_kind(self, kind: str) -> Document:
        """The shared values with this kind's own over them: mappings merge, lists replace.

        A symbol given for one document is used as written (`own_symbol`).
        """
        part = getattr(self, kind, None) if kind in ("report", "notice") else None
        if part is None:
            return self
        update: dict[str, Any] = {}
        for key in part.model_fields_set:
            value = getattr(part, key)
            if isinstance(value, BaseModel):
                value = getattr(self, key).model_copy(update=value.model_dump(exclude_unset=True))
            update[key] = value
        return self.model_copy(update=update)

    def own_symbol(self, kind: str) -> bool:
        part = getattr(self, kind, None) if kind in ("report", "notice") else None
        return part is not None and "symbol" in part.model_fields_set


class MeetingFile(_Model):
    """One meeting as described by its YAML file (after folder defaults are applied)."""

    meeting: Meeting
    chair: Chair
    achievements: Annotated[list[Paragraph], Field(min_length=1)]
    limitations: list[Paragraph] = []
    directives: list[Paragraph] = []
    tasks: list[Annotated[Task, BeforeValidator(_task_from_string)]] = []
    tasks_addressee: Text | None = None
    co_chairs: list[Person] = []
    concluded_by: Person | None = None
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
