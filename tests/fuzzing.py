"""Mutated meeting files and the property every one must keep (issue 9).

Shared by the hypothesis test (tests/test_fuzz.py, a bounded budget) and the large run
(benchmarks/fuzz.py, 5,000 files). The property: a meeting file gives success or located
Vietnamese messages, never anything else (no exception escapes, no English, no repr, no
message without its file), and a failed render writes nothing.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from report_gen.errors import InputError, OutputError, explain

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "examples" / "reference-meeting.yaml"
if not REFERENCE.exists():
    REFERENCE = ROOT / "inputs" / "reference-meeting.yaml"
GOOD = REFERENCE.read_text(encoding="utf-8")
IMAGE = REFERENCE.parent / "images" / "chair.png"

# What the attack used: control characters, look-alikes NFC changes, tags, deep nesting,
# merges, escapes, hostile image paths, numbers YAML 1.1 reads otherwise, odd keys.
SNIPPETS = [
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\u2126",
    "\u212b",
    "\u0301",
    "\ufeff",
    "\u2028",
    '"\\0"',
    '"\\e"',
    '"\\U00110000"',
    '"\\ud800"',
    '"\\x85"',
    "!!bool có",
    "!!int x",
    "!!float y",
    "!!binary aGk=",
    "!!set {a}",
    "!x y",
    "!!python/object:os.system",
    "<<: 5",
    "<<: *a",
    "&a",
    "*a",
    "*b",
    "[" * 60,
    "{" * 60,
    "]" * 3,
    "}",
    "010",
    "1e3",
    "2024",
    "0x1F",
    "yes",
    "no",
    "~",
    "null",
    "2019-02-30",
    "2019-13-01",
    "1999-01-01 10:00:00",
    "file: ../x.png",
    "file: /etc/passwd",
    "file: images/../images/chair.png",
    "file: news.html",
    'file: "a\\0b.png"',
    "file: " + "a" * 300,
    "file: loop/x.png",
    "? [a]",
    "- ",
    ": ",
    "---",
    "...",
    "%YAML 1.1",
    "#",
    "|",
    ">-",
    "\t",
    "'",
    '"',
    "\\",
    "“",
    "”",
    " , ,",
    " ,",
    "hoà hòa",
    "  ",
    "\n",
    "\r\n",
    "name: " + "rất dài " * 50,
]

ENGLISH = re.compile(
    r"\b(error|expected|found|while|scanning|parsing|could not|Traceback|object|"
    r"unacceptable|special characters|None|Errno|invalid|not allowed|line \d|column)\b",
    re.IGNORECASE,
)


def mutate(lines: list[str], edits: list[tuple[int, int, int, str]]) -> str:
    """Apply edits (operation, line, column, text) to the reference file's lines."""
    out = list(lines)
    for operation, where, column, text in edits:
        if not out:
            out = [""]
        i = where % len(out)
        line = out[i]
        c = column % (len(line) + 1)
        if operation == 0:  # insert text inside a line
            out[i] = line[:c] + text + line[c:]
        elif operation == 1:  # replace the rest of the line
            out[i] = line[:c] + text
        elif operation == 2:  # delete the line
            del out[i]
        elif operation == 3:  # duplicate a line elsewhere
            out.insert((where * 7) % len(out), line)
        else:  # a new line
            out.insert(i, text)
    return "\n".join(out) + "\n"


@dataclass
class Verdict:
    ok: bool = False
    messages: list[str] = field(default_factory=list)
    bugs: list[str] = field(default_factory=list)  # what broke the property


def _check_messages(verdict: Verdict, lines: list[str], sources: list[str]) -> None:
    for line in lines:
        verdict.messages.append(line)
        if "\n" in line or "\r" in line:
            verdict.bugs.append(f"split over lines: {line!r}")
        if not any(
            line.startswith(f"{s}:") or line.startswith(f"{s}: ") for s in sources
        ) or not re.match(r"^.+?(:\d+:\d+)?: \S", line):
            verdict.bugs.append(f"without location: {line!r}")
        body = re.sub(r"“[^”]*”", "“…”", line.split(": ", 1)[-1])  # the user's own text aside
        if ENGLISH.search(body) or "Error(" in body or "\\x" in body:
            verdict.bugs.append(f"English or repr: {line!r}")


def scratch(folder: Path, text: str | bytes) -> Path:
    """The mutated meeting with the reference image and a symlink loop beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    shutil.copy(IMAGE, folder / "images" / "chair.png")
    if not (folder / "loop").is_symlink():
        (folder / "loop").symlink_to(folder / "loop")
    source = folder / "hop.yaml"
    source.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    return source


def examine(
    source: Path, outdir: Path, formats: tuple[str, ...] = ("html", "md", "docx")
) -> Verdict:
    """check (load, validate, render checks, lint), then render: the property on both."""
    from report_gen.lint import lint
    from report_gen.pipeline import Job, check, run
    from report_gen.validate import load_meeting

    verdict = Verdict()
    sources = [str(source), str(outdir)]
    try:
        loaded = load_meeting(source)
        check(loaded)
        warnings = lint(loaded.located)
        _check_messages(verdict, [str(w) for w in warnings], sources)
    except (InputError, OutputError) as exc:
        _check_messages(verdict, explain(exc, source)[0], sources)
        return verdict
    except Exception as exc:  # the property is broken: this would be a traceback
        verdict.bugs.append(f"check: {type(exc).__name__}: {exc}"[:300])
        return verdict
    job = Job(source, outdir, None, formats)
    try:
        written = run(job)
        verdict.ok = True
        missing = [p for p in written if not p.is_file()]
        if missing:
            verdict.bugs.append(f"missing outputs: {missing}")
    except (InputError, OutputError) as exc:
        verdict.bugs.append("render refused what check accepted: " + str(exc)[:200])
        if outdir.exists() and any(outdir.iterdir()):
            verdict.bugs.append("partial output")
    except Exception as exc:
        verdict.bugs.append(f"render: {type(exc).__name__}: {exc}"[:300])
        if outdir.exists() and any(outdir.iterdir()):
            verdict.bugs.append("partial output")
    return verdict
