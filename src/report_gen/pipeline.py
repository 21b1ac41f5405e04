"""One meeting in, every requested document out: load, render, write, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from report_gen.model import Style
from report_gen.output import write_all
from report_gen.render import KINDS, render
from report_gen.validate import LoadedMeeting, check_for_documents, load_meeting
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
    """All kinds; only the article for a meeting file that does not describe its documents.

    A press officer's file often has no `document` section: asking for nothing in
    particular then drafts the article rather than failing on the missing issuer.
    """
    return KINDS if loaded.meeting.document.issuer.name else ("news",)


def check(loaded: LoadedMeeting, kinds: tuple[str, ...] | None = None, final: bool = False) -> None:
    """What rendering these kinds needs beyond a valid file: `check` and `render` both ask."""
    kinds = kinds or default_kinds(loaded)
    if any(kind != "news" for kind in kinds):
        check_for_documents(loaded, final=final)


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
    loaded = load_meeting(job.source)
    return write_all(build(loaded, job), job.outdir)
