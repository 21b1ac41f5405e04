"""The commented meeting file written by `report-gen new`, generated from `fields.py`.

Every key of the model appears, in the model's order, under a comment with its
Vietnamese title and description; its value is the documented example, so the skeleton
is a valid meeting (`report-gen check` passes) that the user rewrites. Keys the usual
meeting does not need are written commented out.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel

from report_gen import model
from report_gen.fields import FIELDS, describe
from report_gen.schema import SCHEMA_FILE, _nested_model, model_classes

HEADER = f"""\
# yaml-language-server: $schema={SCHEMA_FILE}
# Tệp mô tả một hội nghị cho report-gen. Các giá trị dưới đây là ví dụ: thay bằng thông tin
# của hội nghị. Dòng bắt đầu bằng “#” là chú thích; bỏ “# ” ở đầu một khóa để dùng khóa đó.
# Kiểm tra: report-gen check <tệp này>    Soạn văn bản: report-gen render <tệp này>
"""


def _dump(key: str, value: Any) -> list[str]:
    text = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=1000)
    return text.rstrip("\n").split("\n")


def _lines(cls: type[BaseModel], indent: str) -> list[str]:
    classes = model_classes()
    out: list[str] = []
    for name in cls.model_fields:
        doc = FIELDS[f"{cls.__name__}.{name}"]
        if not indent and out:
            out.append("")  # a blank line between top-level sections
        out.append(f"{indent}# {doc.title}: {describe(doc)}")
        if doc.example is None:
            out.append(f"{indent}{name}:")
            out.extend(_lines(classes[_nested_model(cls, name)], indent + "  "))
            continue
        prefix = indent if doc.skeleton else indent + "# "
        out.extend(prefix + line for line in _dump(name, doc.example))
    return out


def skeleton() -> str:
    """The text of a new meeting file."""
    return HEADER + "\n" + "\n".join(_lines(model.MeetingFile, "")) + "\n"
