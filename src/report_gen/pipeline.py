"""One meeting in, every requested document out: load, render, write, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from report_gen.model import Style
from report_gen.output import write_all
from report_gen.render import KINDS, render
from report_gen.validate import (
    DOC_NAMES,
    LoadedMeeting,
    check_for_documents,
    has_conclusions,
    load_meeting,
)
from report_gen.writers import DEFAULT_FORMATS, get_writer


@dataclass(frozen=True)
class Job:
    """What to make of one meeting file."""

    source: Path
    outdir: Path  # the meeting's own output folder (OUTDIR/<stem>)
    kinds: tuple[str, ...] | None = None  # None: news, plus the documents when set up
    formats: tuple[str, ...] | None = None  # None: each kind's default formats
    style: Style | None = None
    final: bool = False


def formats_for(kind: str, formats: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(formats) if formats else DEFAULT_FORMATS[kind]


def default_kinds(loaded: LoadedMeeting) -> tuple[str, ...]:
    """All kinds that have content; only the article for a file without its documents.

    A press officer's file often has no `document` section: asking for nothing in
    particular then drafts the article rather than failing on the missing issuer.
    A meeting that concluded nothing (no directives, no tasks) has no notice.
    """
    if not loaded.meeting.document.issuer.name:
        return ("news",)
    return tuple(k for k in KINDS if k != "notice" or has_conclusions(loaded.meeting))


def notes(loaded: LoadedMeeting, job: Job) -> list[str]:
    """What the default kinds left out, and why (printed with the list of files written)."""
    if job.kinds or not loaded.meeting.document.issuer.name:
        return []
    left_out = [k for k in KINDS if k not in default_kinds(loaded)]
    return [
        f"{job.source}: không soạn {DOC_NAMES[k]}: hội nghị chưa có ý kiến chỉ đạo "
        "hay nhiệm vụ nào để kết luận"
        for k in left_out
        if k in DOC_NAMES
    ]


def check(loaded: LoadedMeeting, kinds: tuple[str, ...] | None = None, final: bool = False) -> None:
    """What rendering these kinds needs beyond a valid file: `check` and `render` both ask."""
    kinds = kinds or default_kinds(loaded)
    if any(kind != "news" for kind in kinds):
        check_for_documents(loaded, final=final, kinds=kinds)


def build(loaded: LoadedMeeting, job: Job) -> dict[Path, bytes]:
    """Every output of one meeting, in memory: nothing touches the disk until all succeeded."""
    kinds = job.kinds or default_kinds(loaded)
    check(loaded, kinds, job.final)
    files: dict[Path, bytes] = {}
    for kind in kinds:
        doc = render(loaded, kind, job.style)
        for fmt in formats_for(kind, job.formats):
            for name, data in get_writer(fmt)(doc).items():
                files[job.outdir / name] = data
    return files


def run(job: Job) -> list[Path]:
    """Render one meeting file; raises InputError (nothing written) when it is invalid."""
    return run_with_notes(job)[0]


def run_with_notes(job: Job) -> tuple[list[Path], list[str]]:
    """`run`, and the notes on what the default kinds left out."""
    loaded = load_meeting(job.source)
    return write_all(build(loaded, job), job.outdir), notes(loaded, job)
