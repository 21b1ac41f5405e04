"""From loaded YAML to a validated meeting, with every problem located and in Vietnamese."""

from __future__ import annotations

import difflib
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from report_gen.errors import InputError, Problem, os_reason, quote
from report_gen.loader import Located, PathKey, load_with_defaults
from report_gen.model import DOCUMENT_REQUIRED, MeetingFile
from report_gen.vietnamese import vi_number


@dataclass(frozen=True)
class LoadedMeeting:
    """A valid meeting, the files it was read from, and where its values stand in them."""

    meeting: MeetingFile
    source: Path
    located: Located

    @property
    def sources(self) -> list[Path]:
        return self.located.sources

    @property
    def image_paths(self) -> list[Path]:
        """The article's images, each relative to the file that names it."""
        return [
            image_path(self.located, i, image.file)
            for i, image in enumerate(self.meeting.article.images)
        ]


def image_path(located: Located, index: int, file: str) -> Path:
    """An image named in a meeting file or in its folder's defaults, beside that file."""
    return Path(located.where(("article", "images", index, "file")).path).parent / file


def _fields_at(loc: PathKey) -> list[str]:
    """Known keys of the mapping at `loc` (for suggesting the closest one)."""
    model: Any = MeetingFile
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return []
        model = _model_in(field.annotation)
    return list(getattr(model, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _dotted(loc: PathKey) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def _message(err: Mapping[str, Any], loc: PathKey) -> str:
    kind = err["type"]
    where = quote(_dotted(loc)).strip("“”")  # one line, even for a key with a line break
    if kind == "missing":
        return f"thiếu khóa bắt buộc “{where}”"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = difflib.get_close_matches(key, _fields_at(loc[:-1]), n=1, cutoff=0.5)
        tip = f"; có phải ý bạn là “{hint[0]}”?" if hint else ""
        return f"khóa không được hỗ trợ “{where}”{tip}"
    if kind.startswith("date") or kind == "datetime_from_date_parsing":
        value = err.get("input")
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            return f"“{where}”: ngày {quote(value.strip()).strip('“”')} không tồn tại"
        shown = f" {quote(value)}" if isinstance(value, str) else ""
        return f"“{where}”: ngày{shown} không hợp lệ, cần dạng YYYY-MM-DD"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"“{where}”: giá trị không hợp lệ, chỉ nhận {expected.replace(' or ', ' hoặc ')}"
    if kind == "value_error" or kind == "string_too_short":
        return f"“{where}”: giá trị trống (chưa điền nội dung)"
    if kind == "too_short":
        return f"“{where}”: cần ít nhất một mục"
    if kind in ("string_type", "str_type"):
        return f"“{where}”: cần một đoạn chữ"
    if kind == "list_type":
        return f"“{where}”: cần một danh sách (mỗi mục bắt đầu bằng “- ”)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"“{where}”: cần một bảng khóa: giá trị"
    if kind == "bool_type":
        return f"“{where}”: cần giá trị đúng/sai"
    return f"“{where}”: giá trị không hợp lệ"


def _clean_loc(loc: tuple[Any, ...]) -> PathKey:
    """Drop pydantic's internal loc parts (validator and union names)."""
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))


def validate(located: Located) -> MeetingFile:
    try:
        meeting = MeetingFile.model_validate(located.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = _clean_loc(err["loc"])
            pos = located.keys[loc] if err["type"] == "extra_forbidden" else located.where(loc)
            problems.append(Problem(pos.path, pos.line, pos.column, _message(err, loc)))
        raise InputError(problems) from None
    _check_images(meeting, located)
    return meeting


# Pillow decodes a whole image to lay it out: 50 million pixels is about 200 MB, and more
# than any photo a portal shows (a 45-megapixel camera gives 8256 x 5504).
MAX_IMAGE_PIXELS = 50_000_000
# What every writer can embed (python-docx reads these; WeasyPrint reads them all).
IMAGE_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "BMP": ".bmp", "TIFF": ".tif"}


class ImageProblem(ValueError):
    """Why a file cannot be embedded as an image, in Vietnamese."""


def image_format(path: Path) -> tuple[str, int, int]:
    """(format, width, height) read from the image's header, Pillow kept silent.

    Raises ImageProblem with a Vietnamese reason when the file is not an image the writers
    can embed, or has more pixels than MAX_IMAGE_PIXELS.
    """
    from PIL import Image as PILImage

    PILImage.MAX_IMAGE_PIXELS = None  # the cap is ours, checked below, worded in Vietnamese
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with PILImage.open(path) as image:
                fmt, (width, height) = image.format or "", image.size
        except OSError as exc:
            if exc.errno is not None:
                raise ImageProblem(f"không đọc được ({os_reason(exc)})") from None
            raise ImageProblem("không phải tệp ảnh đọc được") from None
        except Exception:
            raise ImageProblem("không phải tệp ảnh đọc được") from None
    if fmt not in IMAGE_FORMATS:
        raise ImageProblem(f"định dạng {fmt or 'lạ'} không dùng được; hãy dùng PNG, JPEG hoặc GIF")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(
            f"quá lớn ({vi_number(width)} × {vi_number(height)} điểm ảnh; tối đa "
            f"{vi_number(MAX_IMAGE_PIXELS // 1_000_000)} triệu điểm ảnh): hãy thu nhỏ ảnh"
        )
    return fmt, width, height


def _check_images(meeting: MeetingFile, located: Located) -> None:
    """Images must be image files inside the input's folder: user text never reaches others."""
    problems = []
    for i, image in enumerate(meeting.article.images):
        loc = ("article", "images", i, "file")
        pos = located.where(loc)
        shown = quote(image.file)
        try:
            folder = Path(pos.path).parent.resolve()
            target = image_path(located, i, image.file).resolve()
            if not target.is_relative_to(folder):
                msg = f"ảnh {shown} nằm ngoài thư mục của tệp hội nghị"
            elif not target.is_file():
                msg = f"không tìm thấy ảnh {shown}"
            else:
                image_format(target)
                continue
        except ImageProblem as exc:
            msg = f"ảnh {shown}: {exc}"
        except ValueError:  # a NUL in the path
            msg = f"đường dẫn ảnh {shown} có ký tự không hợp lệ"
        except RuntimeError:  # Python 3.11-3.12: a symlink loop in resolve()
            msg = f"đường dẫn ảnh {shown} là liên kết tượng trưng (symlink) vòng lặp"
        except OSError as exc:  # a name too long, a loop, no permission
            msg = f"không đọc được ảnh {shown} ({os_reason(exc)})"
        problems.append(Problem(pos.path, pos.line, pos.column, msg))
    if problems:
        raise InputError(problems)


DOC_NAMES = {"report": "báo cáo", "notice": "thông báo kết luận"}


def has_conclusions(meeting: MeetingFile) -> bool:
    """A notice of conclusions needs something concluded: directives or tasks."""
    return bool(meeting.directives or meeting.tasks)


def where_value(loaded: LoadedMeeting, kind: str, key: tuple[str, ...]) -> PathKey:
    """Where a document's value comes from: its own part when it sets the key, else shared."""
    part = getattr(loaded.meeting.document, kind, None)
    value: Any = part
    for name in key:
        if value is None or name not in getattr(value, "model_fields_set", set()):
            return ("document", *key)
        value = getattr(value, name)
    return ("document", kind, *key)


def check_for_documents(
    loaded: LoadedMeeting, final: bool = False, kinds: tuple[str, ...] = ("report", "notice")
) -> None:
    """Documents need an issuer, a place and a signer; a final one also a number and a date,
    and two final documents never the same number. Each document is checked with its own
    values (document.report / document.notice over the shared ones)."""
    kinds = tuple(k for k in kinds if k in DOC_NAMES)
    problems: list[Problem] = []
    seen: set[PathKey] = set()

    def refuse(loc: PathKey, msg: str) -> None:
        pos = loaded.located.where(loc)
        problems.append(Problem(pos.path, pos.line, pos.column, msg))

    for kind in kinds:
        if kind == "notice" and not has_conclusions(loaded.meeting):
            refuse(
                ("directives",),
                "hội nghị chưa có ý kiến chỉ đạo (directives) hay nhiệm vụ (tasks) nào: "
                "thông báo kết luận cần có nội dung kết luận",
            )
        own = loaded.meeting.document.for_kind(kind)
        required = [loc[1:] for loc in DOCUMENT_REQUIRED]
        if final:
            required += [("number",), ("date",)]
        for key in required:
            value: Any = own
            for part in key:
                value = getattr(value, part)
            if value is None:
                loc = where_value(loaded, kind, key)
                if loc in seen:
                    continue
                seen.add(loc)
                why = "bản chính thức (--final)" if key[-1] in ("number", "date") else "văn bản"
                refuse(loc, f"thiếu khóa “{_dotted(loc)}”, bắt buộc khi soạn {why}")
    if final and len(kinds) > 1:
        numbers: dict[str, str] = {}
        for kind in kinds:
            number = loaded.meeting.document.for_kind(kind).number
            if number is None:
                continue
            plain = number.lstrip("0") or "0"
            if plain in numbers:
                refuse(
                    where_value(loaded, kind, ("number",)),
                    f"{DOC_NAMES[kind]} và {DOC_NAMES[numbers[plain]]} cùng mang số {number}: "
                    "mỗi văn bản có một số riêng; ghi số cho từng văn bản trong "
                    f"“document.{kind}.number”",
                )
            else:
                numbers[plain] = kind
    if problems:
        raise InputError(problems)


def load_meeting(path: Path) -> LoadedMeeting:
    """Read, merge folder defaults, validate: the single entry point for a meeting file."""
    located = load_with_defaults(path)
    return LoadedMeeting(validate(located), path, located)
