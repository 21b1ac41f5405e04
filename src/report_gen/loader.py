"""Reads meeting YAML safely, keeping where every key and value came from.

PyYAML's composer gives nodes with marks; we build plain Python values from them
ourselves so that every value keeps a (file, line, column) for error messages, aliases
are bounded (no "billion laughs"), duplicate keys are caught, and all text is NFC.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from report_gen.errors import InputError, Problem, problem_at_start

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
    "found undefined alias": "tham chiếu (alias) chưa được định nghĩa",
    "expected the node content": "thiếu nội dung (có thể thiếu dấu đóng ngoặc)",
    "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi đặt trong ngoặc kép",
    "found unexpected ':'": "dấu hai chấm đặt sai chỗ",
    "expected ',' or ']'": "thiếu dấu phẩy hoặc dấu đóng ngoặc vuông “]”",
    "expected ',' or '}'": "thiếu dấu phẩy hoặc dấu đóng ngoặc nhọn “}”",
    "found character": "có ký tự không được phép ở đầu giá trị (hãy đặt giá trị trong dấu ngoặc kép)",
}


def _vi_yaml_problem(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    for english, vietnamese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return f"lỗi cú pháp YAML: {vietnamese}"
    return f"lỗi cú pháp YAML ({problem or err.context})"


def _decode(raw: bytes, path: Path) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise problem_at_start(
            path, f"tệp quá lớn ({len(raw):,} byte; tối đa {MAX_FILE_BYTES:,} byte)"
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

    def build(self, node: yaml.Node, loc: PathKey, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > 50:
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
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _line_col(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _mapping(self, node: yaml.MappingNode, loc: PathKey, depth: int) -> dict[str, Any]:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problems.append(
                    Problem(self.path, *self._line_col(key_node), "tên khóa phải là chữ")
                )
                continue
            if key in result:
                self.problems.append(
                    Problem(self.path, *self._line_col(key_node), f"khóa “{key}” bị lặp lại")
                )
                continue
            self.out.keys[(*loc, key)] = self.pos(key_node)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            return unicodedata.normalize("NFC", node.value)  # the model parses and checks it
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:binary"):
            return unicodedata.normalize("NFC", node.value)
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):
            return unicodedata.normalize("NFC", str(node.value))


def load_file(path: Path) -> Located:
    """Load one YAML file into a Located mapping, or raise InputError with all problems."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise problem_at_start(path, f"không đọc được tệp ({exc.strerror})") from None
    text = _decode(raw, path)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError([Problem(str(path), line, col, _vi_yaml_problem(err))]) from None
    except yaml.YAMLError as err:
        raise problem_at_start(path, f"lỗi cú pháp YAML ({err})") from None
    finally:
        loader.dispose()
    if node is None:
        raise problem_at_start(path, "tệp trống: cần mô tả một hội nghị")
    builder = _Builder(path, loader)
    data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    if not isinstance(data, dict):
        raise InputError(
            [Problem(str(path), *builder._line_col(node), "tệp phải là một bảng khóa: giá trị")]
        )
    builder.out.data = data
    return builder.out


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
    return candidate if candidate.is_file() and candidate != path else None


def load_with_defaults(path: Path) -> Located:
    """Load a meeting file, inheriting its folder's _defaults.yaml when there is one."""
    own = load_file(path)
    defaults = defaults_for(path)
    return merge(load_file(defaults), own) if defaults else own
