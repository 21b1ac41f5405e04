"""The JSON Schema and the skeleton: one documented source, true to the validator."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, INPUTS, ROOT, run_cli
from report_gen.fields import FIELDS
from report_gen.schema import SCHEMA_FILE, meeting_schema, model_classes
from report_gen.skeleton import skeleton

SCHEMA = meeting_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
VALID = sorted(INPUTS.glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))
VALID += sorted((ROOT / "tests" / "corpus").glob("*.yaml"))


def _data(path: Path) -> Any:
    # YAML 1.2 as an editor reads it: dates stay text
    text = path.read_text("utf-8")
    loader = yaml.SafeLoader
    data = yaml.load(text, Loader=loader)
    return json.loads(json.dumps(data, default=str))


def test_dialect_id_and_documentation_of_every_property() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"].startswith("https://")
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    seen = 0

    def walk(node: Any) -> None:
        nonlocal seen
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                seen += 1
                for key in ("title", "description", "examples"):
                    assert prop.get(key), f"{name} has no {key}"
                for example in prop["examples"]:  # examples are valid values
                    assert not list(
                        jsonschema.Draft202012Validator(
                            {**prop, "$defs": SCHEMA["$defs"]}
                        ).iter_errors(example)
                    ), (name, example)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SCHEMA)
    assert seen >= 60


def test_every_model_field_is_documented_once() -> None:
    wanted = {f"{n}.{f}" for n, cls in model_classes().items() for f in cls.model_fields}
    assert wanted == set(FIELDS)


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_accepts_every_valid_meeting(path: Path) -> None:
    assert run_cli("check", "-q", path).returncode == 0
    errors = [e.message for e in VALIDATOR.iter_errors(_data(path))]
    assert errors == []


def test_tasks_as_plain_strings_and_v2_keys_are_accepted() -> None:
    data = _data(FIXTURES / "reference-meeting.yaml")
    data["tasks"] = ["Một nhiệm vụ.", {"text": "Hai", "deadline": "trong tháng 9"}]
    data["co_chairs"] = [{"name": "A B", "title": "Phó Bí thư"}]
    data["concluded_by"] = {"name": "C D", "title": "Bí thư"}
    data["meeting"].update(kind="Phiên họp", mode="trực tuyến", connected_to="10 điểm cầu")
    data["meeting"]["attendees"] = ["lãnh đạo các sở", {"name": "E F", "title": "Chủ tịch"}]
    data["document"]["signer"]["authority"] = ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]
    data["document"]["report"] = {"number": 12, "addressees": ["Tỉnh ủy"], "basis": "Thực hiện"}
    data["article"]["images"][0]["credit"] = "Ảnh: Thùy Linh"
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(unknown_key=1),
        lambda d: d["meeting"].update(nam="x"),
        lambda d: d.pop("chair"),
        lambda d: d.update(achievements=[]),
        lambda d: d.update(achievements=["   "]),
        lambda d: d["meeting"].update(session="trưa"),
        lambda d: d["meeting"].update(date="9/7/2019"),
        lambda d: d["chair"].update(name=""),
        lambda d: d["document"].update(style="dang"),
        lambda d: d.update(tasks=[{"assignee": "không có nội dung"}]),
    ],
    ids=[
        "unknown-top",
        "misspelled",
        "missing",
        "no-achievement",
        "blank",
        "enum",
        "date",
        "empty",
        "style",
        "task-text",
    ],
)
def test_schema_rejects_what_the_validator_rejects(change: Any, tmp_path: Path) -> None:
    data = copy.deepcopy(_data(FIXTURES / "reference-meeting.yaml"))
    change(data)
    assert list(VALIDATOR.iter_errors(data))
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (tmp_path / "images").mkdir()
    assert run_cli("check", broken).returncode == 1


def test_new_writes_the_generated_skeleton_and_the_schema(tmp_path: Path) -> None:
    target = tmp_path / "hop.yaml"
    assert run_cli("new", target).returncode == 0
    text = target.read_text("utf-8")
    assert text == skeleton()
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    assert json.loads((tmp_path / SCHEMA_FILE).read_text("utf-8")) == SCHEMA
    sections = ("MeetingFile", "Meeting", "Chair", "Article", "Document", "Issuer", "Signer")
    for key, doc in FIELDS.items():  # every key of every section is explained
        if key.split(".")[0] in sections:
            assert f"# {doc.title}: " in text, key
    assert not list(VALIDATOR.iter_errors(_data(target)))
    assert run_cli("check", target).returncode == 0
    assert run_cli("new", target).returncode == 1  # never overwrites


def test_schema_command_prints_the_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == SCHEMA
