"""click's own words in Vietnamese: a gettext catalog shipped with the package.

click translates its strings with `from gettext import gettext as _` (and `ngettext`) in
each of its modules, which reads the process-wide locale. `install()` points those names
at our catalog instead, so the command line speaks Vietnamese whatever the user's locale.
The catalog's source is `locale/vi/LC_MESSAGES/messages.po`; `messages.mo` beside it is
compiled from it by this module (`python -m report_gen.i18n`), and a test checks they match.
"""

from __future__ import annotations

import ast
import gettext
import io
import struct
import sys
from pathlib import Path

CATALOG = Path(__file__).parent / "locale" / "vi" / "LC_MESSAGES"
PO = CATALOG / "messages.po"
MO = CATALOG / "messages.mo"
CLICK_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "shell_completion",
    "termui",
    "types",
    "utils",
    "_termui_impl",
)


def parse_po(text: str) -> dict[str, str]:
    """Entries of a .po file: msgid (with "\\0" msgid_plural) to msgstr ("\\0" between forms)."""
    entries: dict[str, str] = {}
    fields: dict[str, list[str]] = {}
    current = ""

    def flush() -> None:
        if "msgid" in fields:
            key = "".join(fields["msgid"])
            if "msgid_plural" in fields:
                key += "\0" + "".join(fields["msgid_plural"])
            forms = sorted(k for k in fields if k.startswith("msgstr"))
            entries[key] = "\0".join("".join(fields[k]) for k in forms)
        fields.clear()

    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
            continue
        if line.startswith('"'):
            fields[current].append(ast.literal_eval(line))
            continue
        keyword, _, value = line.partition(" ")
        if keyword == "msgid" and "msgid" in fields and any(k.startswith("msgstr") for k in fields):
            flush()
        current = keyword
        fields[current] = [ast.literal_eval(value)]
    return entries


def compile_mo(entries: dict[str, str]) -> bytes:
    """GNU .mo bytes for the entries (the format msgfmt writes, without a hash table)."""
    keys = sorted(entries)
    ids = [k.encode("utf-8") for k in keys]
    strs = [entries[k].encode("utf-8") for k in keys]
    start = 7 * 4 + 16 * len(keys)
    offsets: list[int] = []
    data = io.BytesIO()
    for item in ids + strs:
        offsets += [len(item), start + data.tell()]
        data.write(item + b"\0")
    n = len(keys)
    header = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    return header + struct.pack(f"{4 * n}i", *offsets) + data.getvalue()


def translations() -> gettext.GNUTranslations:
    with MO.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def install() -> None:
    """Make click speak Vietnamese: its modules' `_` and `ngettext` read our catalog."""
    catalog = translations()
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = catalog.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = catalog.ngettext  # type: ignore[attr-defined]


if __name__ == "__main__":
    MO.write_bytes(compile_mo(parse_po(PO.read_text("utf-8"))))
    print(f"Đã ghi {MO}")
