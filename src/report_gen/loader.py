"""Reads meeting YAML safely, keeping where every key and value came from.

PyYAML's composer gives nodes with marks; we build plain Python values from them
ourselves so that every value keeps a (file, line, column) for error messages, aliases
are bounded (no "billion laughs"), duplicate keys are caught, and all text is NFC.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from report_gen.errors import (
    InputError,
    Problem,
    os_reason,
    printable,
    problem_at_start,
    problem_in_file,
    quote,
)
from report_gen.vietnamese import vi_number

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000  # after alias expansion; a real meeting file has a few hundred
DEFAULTS_NAME = "_defaults.yaml"

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Pos:
    path: str
    line: int
    column: int


@dataclass
class Located:
    """A loaded document: the data, and the position of every value and every key."""

    data: Any
    values: dict[PathKey, Pos] = field(default_factory=dict)
    keys: dict[PathKey, Pos] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)

    def where(self, loc: PathKey) -> Pos:
        """The closest known position for a path: the value itself, else its nearest parent."""
        for table in (self.values, self.keys):
            if loc in table:
                return table[loc]
        for cut in range(len(loc) - 1, -1, -1):
            if loc[:cut] in self.values:
                return self.values[loc[:cut]]
        return Pos(str(self.sources[0]) if self.sources else "?", 1, 1)


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "không được dùng phím Tab để thụt lề",
    "mapping values are not allowed here": "dấu hai chấm đặt sai chỗ (có thể thiếu dấu cách "
    "sau dấu hai chấm, hoặc cần đặt giá trị trong dấu ngoặc kép)",
    "could not find expected ':'": "thiếu dấu hai chấm sau tên khóa",
    "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu đóng ngoặc kép?)",
    "did not find expected key": "thụt lề không khớp với các khóa cùng cấp",
    "did not find expected '-' indicator": "thụt lề không khớp với các mục cùng danh sách",
    "expected <block end>, but found '-'": "thụt lề của mục danh sách không đúng",
    "expected <block end>": "thụt lề không khớp với các khóa cùng cấp",
    "found undefined alias": "tham chiếu (alias) chưa được định nghĩa",
    "expected the node content": "thiếu nội dung (có thể thiếu dấu đóng ngoặc)",
    "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi đặt trong ngoặc kép",
    "found unexpected ':'": "dấu hai chấm đặt sai chỗ",
    "expected ',' or ']'": "thiếu dấu phẩy hoặc dấu đóng ngoặc vuông “]”",
    "expected ',' or '}'": "thiếu dấu phẩy hoặc dấu đóng ngoặc nhọn “}”",
    "found character": "có ký tự không được phép ở đầu giá trị (hãy đặt giá trị trong dấu ngoặc kép)",
    "expected a single document": "tệp chỉ được chứa một hội nghị (bỏ dòng “---” thứ hai)",
    "but found another document": "tệp chỉ được chứa một hội nghị (bỏ dòng “---” thứ hai)",
    "expected '<document start>'": "nội dung đặt sai chỗ sau phần đầu tệp",
    "found unexpected document separator": "dòng “---” hay “...” đặt sai chỗ",
    "found duplicate anchor": "tên neo (anchor &) bị đặt hai lần",
    "found duplicate key": "khóa bị lặp lại",
    "found duplicate YAML directive": "chỉ thị %YAML bị lặp lại",
    "found incompatible YAML document": "phiên bản YAML không được hỗ trợ (cần 1.x)",
    "duplicate tag handle": "chỉ thị %TAG bị lặp lại",
    "found undefined tag handle": "thẻ (tag) dùng tiền tố chưa được định nghĩa",
    "found non-specific tag": "thẻ (tag) “!” không hợp lệ ở đây",
    "expected URI": "thẻ (tag) không hợp lệ",
    "expected '!'": "thẻ (tag) không hợp lệ",
    "expected '>'": "thẻ (tag) không hợp lệ (thiếu “>”)",
    "expected ' '": "thiếu dấu cách sau chỉ thị hoặc thẻ",
    "expected alphabetic or numeric character": "tên neo hay tham chiếu (& hoặc *) không hợp lệ",
    "expected a comment or a line break": "có ký tự thừa sau giá trị (cần xuống dòng hoặc chú thích #)",
    "expected a digit": "chỉ thị %YAML không hợp lệ",
    "expected chomping or indentation indicators": "ký hiệu sau “|” hoặc “>” không hợp lệ",
    "expected indentation indicator": "số thụt lề sau “|” hoặc “>” phải từ 1 đến 9",
    "expected escape sequence": "mã thoát \\x, \\u hoặc \\U thiếu chữ số thập lục phân",
    "mapping keys are not allowed here": "khóa đặt sai chỗ (thụt lề không đúng?)",
    "sequence entries are not allowed here": "mục danh sách “- ” đặt sai chỗ (thụt lề không đúng?)",
    "invalid indentation or unclosed": "thụt lề không đúng hoặc thiếu dấu đóng ngoặc “]” hay “}”",
    "found a tab character": "không được dùng phím Tab để thụt lề",
    "found unexpected": "có ký tự đặt sai chỗ",
    "expected": "cấu trúc không đúng (thiếu hoặc thừa ký tự ở đây)",
}
_CONTEXTS = {
    "while scanning a quoted scalar": "chuỗi trong ngoặc kép",
    "while scanning a double-quoted scalar": "chuỗi trong ngoặc kép",
    "while scanning a simple key": "tên khóa",
    "while scanning a block scalar": "khối văn bản “|” hoặc “>”",
    "while parsing a flow sequence": "danh sách trong ngoặc vuông",
    "while parsing a flow mapping": "bảng khóa trong ngoặc nhọn",
}

# Tags the input contract knows; any other (!!binary, !!set, !!python/..., !local) is refused.
_Y = "tag:yaml.org,2002:"
_TEXT_TAGS = {f"{_Y}str", f"{_Y}value", f"{_Y}merge", f"{_Y}timestamp"}
_TYPED_TAGS = {f"{_Y}int": "số nguyên", f"{_Y}float": "số", f"{_Y}bool": "đúng/sai"}
_NULL_TAG = f"{_Y}null"
MAX_DEPTH = 50

# Characters that cannot be printed (C0 and C1 controls but tab and line feed, lone
# surrogates, non-characters, the Unicode line and paragraph separators).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def _vi_yaml_problem(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    for english, vietnamese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            inside = next((vi for en, vi in _CONTEXTS.items() if (err.context or "") == en), None)
            return f"lỗi cú pháp YAML: {vietnamese}" + (f" (trong {inside})" if inside else "")
    return "lỗi cú pháp YAML: cấu trúc không đúng ở đây"


def _read_bounded(path: Path) -> bytes:
    """At most the limit plus one byte of a regular file: FIFOs and devices are never read."""
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise problem_in_file(path, NOT_REGULAR)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except ValueError:  # a NUL in the name
        raise problem_in_file(printable(str(path)), "tên tệp có ký tự không hợp lệ") from None
    except OSError as exc:
        raise problem_in_file(path, f"không đọc được tệp ({os_reason(exc)})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between stat and open
            raise problem_in_file(path, NOT_REGULAR)
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise problem_in_file(path, f"không đọc được tệp ({os_reason(exc)})") from None
    finally:
        os.close(fd)


NOT_REGULAR = "không phải tệp thông thường (là thư mục, ống dẫn FIFO hay thiết bị), nên không đọc"


def _decode(raw: bytes, path: Path) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise problem_at_start(
            path, f"tệp quá lớn (hơn {vi_number(MAX_FILE_BYTES)} byte, mức tối đa cho phép)"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                Problem(
                    str(path),
                    line,
                    column,
                    "tệp không được mã hóa UTF-8 (hãy lưu lại với bảng mã UTF-8 / Unicode)",
                )
            ]
        ) from None


class _Builder:
    """Turns a composed node tree into values, recording positions under a path."""

    def __init__(self, path: Path, loader: yaml.SafeLoader) -> None:
        self.path = str(path)
        self.loader = loader
        self.out = Located(None, sources=[path])
        self.problems: list[Problem] = []
        self.count = 0

    def pos(self, node: yaml.Node) -> Pos:
        return Pos(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, *self._line_col(node), message))

    def build(self, node: yaml.Node, loc: PathKey, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise InputError(
                [
                    Problem(
                        self.path,
                        *self._line_col(node),
                        "tệp lồng quá sâu hoặc có quá nhiều tham chiếu (alias) lặp lại",
                    )
                ]
            )
        self.out.values[loc] = self.pos(node)
        if isinstance(node, yaml.MappingNode):
            if node.tag != f"{_Y}map":
                self.problem(node, f"thẻ (tag) {quote(_short_tag(node.tag))} không được hỗ trợ")
                return None
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_Y}seq":
                self.problem(node, f"thẻ (tag) {quote(_short_tag(node.tag))} không được hỗ trợ")
                return None
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _line_col(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _mapping(self, node: yaml.MappingNode, loc: PathKey, depth: int) -> dict[str, Any]:
        try:
            self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or node.start_mark
            self.problems.append(
                Problem(
                    self.path,
                    mark.line + 1,
                    mark.column + 1,
                    "khóa gộp “<<” cần một tham chiếu (*tên) tới bảng khóa, "
                    "hoặc danh sách các tham chiếu như vậy",
                )
            )
            return {}
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, "tên khóa phải là chữ")
                continue
            if key in result:
                self.problem(key_node, f"khóa {quote(key)} bị lặp lại")
                continue
            self.out.keys[(*loc, key)] = self.pos(key_node)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        """The text the user typed, NFC; None for null. Numbers and yes/no stay as typed.

        The contract has no numeric or true/false field: `number: 010` is the text “010”
        (never YAML 1.1's octal 8), `1e3` stays “1e3”, `name: 2024` the text “2024”.
        """
        tag = node.tag
        text = unicodedata.normalize("NFC", node.value)
        bad = _UNPRINTABLE.search(text)
        if bad:
            self.problem(
                node,
                f"ký tự điều khiển không in được U+{ord(bad[0]):04X} trong giá trị "
                f"{quote(text)}; hãy xóa ký tự này",
            )
            return text
        if tag in _TEXT_TAGS:
            return text
        if tag == _NULL_TAG:
            return None
        if tag in _TYPED_TAGS:
            try:
                self.loader.construct_object(node, deep=True)
            except Exception:  # !!int abc, !!bool maybe, !!float x
                self.problem(
                    node,
                    f"giá trị {quote(text)} không phải {_TYPED_TAGS[tag]} như thẻ "
                    f"{quote(_short_tag(tag))} yêu cầu",
                )
            return text
        self.problem(node, f"thẻ (tag) {quote(_short_tag(tag))} không được hỗ trợ")
        return text


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_Y) :] if tag.startswith(_Y) else tag


def _deep_mark(text: str) -> yaml.Mark | None:
    """Where nesting first goes deeper than the contract allows (found without recursion)."""
    depth = 0
    try:
        loader = yaml.SafeLoader(text)
    except yaml.YAMLError:
        return None
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark: yaml.Mark = event.start_mark  # type: ignore[assignment]
                    return mark
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except Exception:
        return None
    finally:
        loader.dispose()
    return None


def _compose(text: str, path: Path) -> tuple[yaml.Node | None, yaml.SafeLoader]:
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)  # its reader refuses raw control characters here
        return loader.get_single_node(), loader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError([Problem(str(path), line, col, _vi_yaml_problem(err))]) from None
    except yaml.reader.ReaderError as err:
        before = text[: err.position]
        line = before.count("\n") + 1
        column = err.position - (before.rfind("\n") + 1) + 1
        code = (
            err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "?")
        )
        raise InputError(
            [
                Problem(
                    str(path),
                    line,
                    column,
                    f"ký tự điều khiển không in được U+{code:04X}; hãy xóa ký tự này",
                )
            ]
        ) from None
    except RecursionError:
        mark = _deep_mark(text)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError(
            [Problem(str(path), line, col, "tệp lồng quá sâu (quá nhiều dấu ngoặc lồng nhau)")]
        ) from None
    except (ValueError, OverflowError):  # "\U00110000": no such character
        mark = loader.get_mark() if loader else yaml.Mark("", 0, 0, 0, None, None)  # type: ignore[arg-type]
        raise InputError(
            [
                Problem(
                    str(path),
                    mark.line + 1,
                    mark.column + 1,
                    "mã thoát \\U… hoặc \\u… không ứng với ký tự Unicode nào",
                )
            ]
        ) from None
    except yaml.YAMLError:
        mark = loader.get_mark() if loader else yaml.Mark("", 0, 0, 0, None, None)  # type: ignore[arg-type]
        raise InputError(
            [Problem(str(path), mark.line + 1, mark.column + 1, "lỗi cú pháp YAML ở đây")]
        ) from None


def load_file(path: Path) -> Located:
    """Load one YAML file into a Located mapping, or raise InputError with all problems."""
    text = _decode(_read_bounded(path), path)
    node, loader = _compose(text, path)
    try:
        if node is None:
            raise problem_at_start(path, "tệp trống: cần mô tả một hội nghị")
        builder = _Builder(path, loader)
        try:
            data = builder.build(node, ())
        except RecursionError:  # merge keys nested past Python's own limit
            raise InputError(
                [Problem(str(path), *builder._line_col(node), "tệp lồng quá sâu")]
            ) from None
        if builder.problems:
            raise InputError(builder.problems)
        if not isinstance(data, dict):
            raise InputError(
                [Problem(str(path), *builder._line_col(node), "tệp phải là một bảng khóa: giá trị")]
            )
        builder.out.data = data
        return builder.out
    finally:
        loader.dispose()


def merge(base: Located, own: Located) -> Located:
    """Overlay a meeting on its folder defaults: mappings merge key by key, lists are replaced."""

    def walk(b: Any, o: Any, loc: PathKey) -> Any:
        if isinstance(b, dict) and isinstance(o, dict):
            merged = dict(b)
            for key, value in o.items():
                merged[key] = walk(b[key], value, (*loc, key)) if key in b else value
            return merged
        for table in (values, keys):
            for k in [k for k in table if k[: len(loc)] == loc and len(k) > len(loc)]:
                del table[k]  # the defaults' positions below a replaced value no longer apply
        return o

    values, keys = dict(base.values), dict(base.keys)
    data = walk(base.data, own.data, ())
    values.update(own.values)
    keys.update(own.keys)
    return Located(data, values, keys, [*own.sources, *base.sources])


def defaults_for(path: Path) -> Path | None:
    candidate = path.parent / DEFAULTS_NAME
    try:
        return candidate if candidate.is_file() and candidate != path else None
    except (OSError, ValueError):  # a name too long, a NUL: load_file says why
        return None


def load_with_defaults(path: Path) -> Located:
    """Load a meeting file, inheriting its folder's _defaults.yaml when there is one."""
    own = load_file(path)
    defaults = defaults_for(path)
    return merge(load_file(defaults), own) if defaults else own
