"""The JSON Schema of the meeting file, for editors: what the validator accepts, documented.

Built from the pydantic model, then made to say what the validator really does where
pydantic's own schema does not: a task may be a plain string, text is never blank (and
a number typed where text is wanted is text), a date is written NĂM-THÁNG-NGÀY. Every
property carries the Vietnamese title, description and example of `fields.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from report_gen import __version__, model
from report_gen.fields import FIELDS, MODELS, describe

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://report-gen.github.io/schema/meeting.schema.json"
SCHEMA_FILE = "report-gen.schema.json"  # the name `report-gen new` writes it under

# Text: a non-blank string; a number typed where text is wanted is taken as text.
TEXT: dict[str, Any] = {"type": ["string", "number"], "minLength": 1, "pattern": r"\S"}
DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _json(value: Any) -> Any:
    """An example as JSON: dates as NĂM-THÁNG-NGÀY."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def model_classes() -> dict[str, type[BaseModel]]:
    """Every model of the meeting file by name, as pydantic names them in `$defs`."""
    found: dict[str, type[BaseModel]] = {}
    for value in vars(model).values():
        if (
            isinstance(value, type)
            and issubclass(value, model._Model)
            and value is not model._Model
        ):
            found[value.__name__] = value
    return found


def example_of(cls: type[BaseModel]) -> dict[str, Any]:
    """An example mapping for a model: its fields' examples, nested models recursively."""
    classes = model_classes()
    out: dict[str, Any] = {}
    for name in cls.model_fields:
        doc = FIELDS[f"{cls.__name__}.{name}"]
        if not doc.skeleton:
            continue
        if doc.example is not None:
            out[name] = doc.example
        else:
            out[name] = example_of(classes[_nested_model(cls, name)])
    return out


def _nested_model(cls: type[BaseModel], field: str) -> str:
    annotation = cls.model_fields[field].annotation
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate.__name__
    raise LookupError(f"{cls.__name__}.{field} is not a model")


def _fix(node: Any) -> Any:
    """Replace pydantic's plain strings and dates with what the validator accepts."""
    if isinstance(node, list):
        return [_fix(n) for n in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "string" and "enum" not in node and "const" not in node:
        base = DATE if node.get("format") == "date" else TEXT
        return {**{k: v for k, v in node.items() if k not in ("type", "format")}, **base}
    fixed = {k: _fix(v) for k, v in node.items()}
    if "anyOf" in fixed:  # deadline: date or text is text; drop the duplicate branch
        branches: list[Any] = []
        for branch in fixed["anyOf"]:
            if branch == DATE and TEXT in fixed["anyOf"]:
                continue
            if branch not in branches:
                branches.append(branch)
        fixed["anyOf"] = branches
    return fixed


def _document(schema: dict[str, Any], name: str, cls: type[BaseModel]) -> None:
    title, description = MODELS[name]
    schema["title"] = title
    schema["description"] = description
    schema["examples"] = [_json(example_of(cls))]
    for field, prop in schema.get("properties", {}).items():
        doc = FIELDS[f"{name}.{field}"]
        prop["title"] = doc.title
        prop["description"] = describe(doc)
        example = doc.example
        if example is None:
            example = example_of(model_classes()[_nested_model(cls, field)])
        prop["examples"] = [_json(example)]
        prop.pop("default", None)  # defaults are the model's business, not the editor's
        if doc.values:
            _explain_values(prop, doc.title, dict(doc.values))


def _explain_values(node: dict[str, Any], title: str, values: dict[str, str]) -> None:
    """Editors show `markdownEnumDescriptions` beside each value they offer."""
    for branch in [node, *node.get("anyOf", [])]:
        if "enum" in branch:
            assert set(branch["enum"]) == set(values), (branch["enum"], values)
            explained = [values[v] for v in branch["enum"]]
            branch["title"] = title
            branch["description"] = " ".join(f"{v}: {values[v]}" for v in branch["enum"])
            branch["enumDescriptions"] = explained
            branch["markdownEnumDescriptions"] = explained


def meeting_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a meeting file."""
    raw = model.MeetingFile.model_json_schema()
    schema: dict[str, Any] = _fix(raw)
    classes = model_classes()
    for name, sub in schema.get("$defs", {}).items():
        _document(sub, name, classes[name])
    _document(schema, "MeetingFile", model.MeetingFile)
    # A task is a plain string or a mapping (the model turns the string into {text: ...}).
    tasks = schema["properties"]["tasks"]
    tasks["items"] = {"anyOf": [dict(TEXT), tasks["items"]]}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        **schema,
        "$comment": f"report-gen {__version__}",
    }
