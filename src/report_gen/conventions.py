"""Warnings for `report-gen check` where the input and the document's style disagree.

The documents are written in the style's form whatever the user typed (forms.py); these
warnings say where the file says otherwise, so that the office can correct its source:

- an authority prefix of the other style (`T/M` in a state document, `TM.` in a Party one);
- a file-copy line ("Lưu") of the other style's form;
- a header line that is too long for its column and wraps by itself (header_layout.py).

Each warning is located at the line and column of the value in the meeting file.
"""

from __future__ import annotations

from typing import Any

from report_gen import forms, header_layout
from report_gen.errors import Problem
from report_gen.lint import WARNING
from report_gen.loader import PathKey
from report_gen.model import Style
from report_gen.validate import DOC_NAMES, LoadedMeeting, where_value

STYLE_NAMES = {"party": "thể thức Đảng", "state": "thể thức Nhà nước"}


def style_warnings(loaded: LoadedMeeting, style: Style | None = None) -> list[Problem]:
    meeting = loaded.meeting
    if not meeting.document.issuer.name:
        return []
    style = style or meeting.style
    found: dict[tuple[PathKey, str], Problem] = {}

    def warn(loc: PathKey, msg: str) -> None:
        pos = loaded.located.where(loc)
        found.setdefault((loc, msg), Problem(pos.path, pos.line, pos.column, WARNING + msg))

    for kind in DOC_NAMES:
        own = meeting.document.for_kind(kind)
        where_authority = where_value(loaded, kind, ("signer", "authority"))
        lines = own.signer.authority_lines
        for i, line in enumerate(lines):
            mismatch = forms.authority_mismatch(line.upper(), style)
            if mismatch:
                many = isinstance(own.signer.authority, list)
                warn(
                    (*where_authority, i) if many else where_authority,
                    f"“{mismatch[0]}” không theo {STYLE_NAMES[style]}; "
                    f"văn bản sẽ ghi “{mismatch[1]}”",
                )
        where_recipients = where_value(loaded, kind, ("recipients",))
        for i, item in enumerate(own.recipients):
            if forms.is_filing(item):
                written = forms.filing_form(item, style)
                if written.rstrip(".;,") != " ".join(item.split()).rstrip(".;,"):
                    form = "“Lưu: VT, …”" if style == "state" else "“Lưu …” (không dấu hai chấm)"
                    warn(
                        (*where_recipients, i),
                        f"dòng lưu “{item}” không theo {STYLE_NAMES[style]} ({form}); "
                        f"văn bản sẽ ghi “{written}”",
                    )
        for line, key in _wrapped(meeting, kind, style):
            warn(
                where_value(loaded, kind, ("issuer", key)),
                f"dòng “{line}” ở phần đầu văn bản quá dài so với cột, sẽ tự xuống dòng: "
                "nên tự ngắt dòng tên cơ quan (xuống dòng trong tệp YAML)",
            )
    return sorted(found.values())


def _wrapped(meeting: Any, kind: str, style: str) -> list[tuple[str, str]]:
    """Header lines of one document that do not fit their column: (line, issuer key)."""
    from report_gen.vietnamese import admin_date, doc_number, symbol_for

    d = meeting.document.for_kind(kind)
    if not d.issuer.name or not d.place:
        return []
    symbol = d.symbol if meeting.document.own_symbol(kind) else symbol_for(d.symbol, kind, style)
    layout = header_layout.header(
        kind,
        style,
        d.issuer.parent,
        d.issuer.name,
        doc_number(d.number, symbol, style),
        f"{d.place}, {admin_date(d.date, meeting.meeting.date.year)}",
    )
    parent = set(layout.parent_lines)
    return [(line, "parent" if line in parent else "name") for line in layout.wrapped]
