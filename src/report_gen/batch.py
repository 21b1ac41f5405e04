"""`report-gen batch`: every meeting file under some folders, in parallel, incrementally.

- Outputs mirror the inputs: OUTDIR/<path relative to the folder given, less .yaml>/.
- Worker processes are *spawned* (never forked) so that each imports WeasyPrint itself
  (WeasyPrint issue #684); the parent imports neither WeasyPrint nor the render pipeline.
  Each worker keeps its templates, stylesheets and fonts for every meeting it renders.
- Incremental: after a meeting's outputs are written, a stamp file beside them records a
  hash of everything they came from (the meeting, its folder defaults, its images, the
  program and its templates, the fonts, every library on the rendering path, the
  kinds/formats/style asked for) and the outputs' hashes.
  A meeting whose stamp still matches is skipped. The stamp is removed before a meeting
  is rendered again and written, atomically, only after all its outputs: a run killed at
  any moment leaves complete files only, and the next run redoes every unstamped meeting.
- Failures never stop the others; each is reported at the end as file:line:column: message.
- Workers die with the batch: each asks the kernel for SIGKILL when its parent dies
  (Linux) and watches its parent besides. Two batches on one output folder do not break
  each other: every temporary folder belongs to the process that made it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import stat
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

import report_gen
from report_gen.errors import OutputError, explain, problem_in_file
from report_gen.loader import DEFAULTS_NAME, NOT_REGULAR
from report_gen.resources import templates_dir
from report_gen.vietnamese import vi_duration, vi_number
from report_gen.writers import DEFAULT_FORMATS

STAMP_NAME = ".report-gen-stamp.json"
STAMP_FORMAT = 2
# Libraries whose version changes what is written; with every library they depend on.
LIBRARIES = (
    "weasyprint",
    "pydyf",
    "python-docx",
    "Jinja2",
    "PyYAML",
    "pydantic",
    "lxml",
    "tinycss2",
    "pillow",
)
# Where fontconfig finds the fonts the PDF and the DOCX measurements use.
FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
    Path("/etc/fonts"),
)
MEETING_SUFFIXES = (".yaml", ".yml")


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True)
class Task:
    """One meeting file to render, and everything a worker needs to do it alone."""

    source: Path  # as the user named it (messages show this path)
    name: str  # its path relative to the folder given, for progress lines
    outdir: Path  # OUTDIR/<relative path without .yaml>
    kinds: tuple[str, ...] | None
    formats: tuple[str, ...] | None
    style: str | None
    final: bool
    key: str  # hash of the program, templates and options (see build_key)
    debug: bool = False  # an internal error comes back with its traceback


@dataclass
class Outcome:
    """What became of one task: files written, or the problems that stopped it."""

    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def discover(
    paths: Iterable[Path], outdir: Path, notes: list[str] | None = None
) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(meeting file, output path relative to OUTDIR) for every *.yaml and *.yml under the paths.

    A path may also be a single meeting file. Hidden folders are not searched; an output
    folder inside an input folder is searched like any other, but a meeting's own output
    folder (the one with a stamp) is not, and `notes` then says so when it holds YAML.
    Returns also problems to report.
    """
    found: list[tuple[Path, Path]] = []
    problems: list[str] = []
    seen_out: dict[Path, Path] = {}
    seen_src: set[Path] = set()

    def add(source: Path, rel: Path) -> None:
        real = source.resolve()
        if real in seen_src:
            return
        seen_src.add(real)
        if rel in seen_out:
            problems.append(
                f"{source}: trùng thư mục kết quả {outdir / rel} với {seen_out[rel]}; "
                "không soạn tệp này, hãy đổi tên một trong hai tệp"
            )
            return
        seen_out[rel] = source
        found.append((source, rel))

    for root in paths:
        if root.is_file():
            if root.name == DEFAULTS_NAME:
                continue
            add(root, Path(root.stem))
        elif root.is_dir():
            for folder, dirs, files in os.walk(root):
                here = Path(folder)
                if STAMP_NAME in files:  # a meeting's outputs, written by report-gen
                    dirs[:] = []
                    skipped = [n for n in files if n.endswith(MEETING_SUFFIXES)]
                    if skipped and notes is not None:
                        notes.append(
                            f"Bỏ qua {len(skipped)} tệp YAML trong {here}: đây là thư mục kết "
                            "quả của một hội nghị (có tệp dấu của report-gen)."
                        )
                    continue
                dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
                for name in sorted(files):
                    if (
                        name.endswith(MEETING_SUFFIXES)
                        and name != DEFAULTS_NAME
                        and not _is_hidden(name)
                    ):
                        source = here / name
                        add(source, source.relative_to(root).with_suffix(""))
        else:
            problems.append(f"{root}: không tìm thấy thư mục hay tệp này")
    return found, problems


# ---------------------------------------------------------------------------- hashing


def _sha(path: Path) -> str:
    """The hash of a regular file; a FIFO or a device is refused, never read (it may not end)."""
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise problem_in_file(path, NOT_REGULAR)
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha_or_none(path: Path) -> str | None:
    """The file's hash, or None where there is no such file (absence is a state too)."""
    try:
        return _sha(path) if path.is_file() else None
    except Exception:  # unreadable, or no longer a regular file
        return None


def tree_digest(root: Path) -> str:
    """One hash of every file under root (names and contents), caches left out."""
    digest = hashlib.sha256()
    if not root.is_dir():
        return digest.hexdigest()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(folder, name)
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(_sha(path).encode("ascii") + b"\n")
    return digest.hexdigest()


def _library_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def library_versions(names: Iterable[str] = LIBRARIES) -> dict[str, str | None]:
    """Versions of the rendering libraries and of everything they require, recursively."""
    versions: dict[str, str | None] = {}
    todo = [n.lower() for n in names]
    while todo:
        name = todo.pop()
        if name in versions:
            continue
        versions[name] = _library_version(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            match = re.match(r"[A-Za-z0-9._-]+", requirement)
            if match:
                todo.append(match[0].lower().replace("_", "-"))
    return dict(sorted(versions.items()))


def fonts_digest(folders: Iterable[Path] = FONT_DIRS) -> str:
    """One hash of the installed fonts and font configuration: names, sizes, times."""
    digest = hashlib.sha256()
    for root in folders:
        if not root.is_dir():
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder, name)
                try:
                    info = path.stat()
                except OSError:
                    continue
                digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def build_key(
    kinds: Sequence[str] | None,
    formats: Sequence[str] | None,
    style: str | None,
    final: bool,
    templates: Path | None = None,
) -> str:
    """Hash of all that a meeting's outputs depend on besides its own input files."""
    material = {
        "stamp": STAMP_FORMAT,
        "version": report_gen.__version__,
        "code": tree_digest(Path(report_gen.__file__).parent),
        "templates": tree_digest(templates or templates_dir()),
        "libraries": library_versions(),
        "fonts": fonts_digest(),
        "kinds": list(kinds) if kinds else None,
        "formats": list(formats) if formats else None,
        "style": style,
        "final": final,
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=True).encode("ascii")
    return hashlib.sha256(blob).hexdigest()


class _HashCache:
    """Hashes of input files, each read once per run (defaults and images are shared)."""

    def __init__(self) -> None:
        self._known: dict[Path, str | None] = {}

    def __call__(self, path: Path) -> str | None:
        key = Path(os.path.abspath(path))
        if key not in self._known:
            self._known[key] = _sha_or_none(path)
        return self._known[key]


def is_up_to_date(task: Task, hashes: Callable[[Path], str | None] = _sha_or_none) -> bool:
    """True when the task's stamp matches its inputs, options and outputs as they are now."""
    try:
        stamp = json.loads((task.outdir / STAMP_NAME).read_bytes())
        if stamp.get("format") != STAMP_FORMAT or stamp.get("key") != task.key:
            return False
        inputs = stamp["inputs"]
        if task.source.name not in inputs:
            return False
        for rel, digest in inputs.items():
            if hashes(task.source.parent / rel) != digest:
                return False
        for rel, digest in stamp["outputs"].items():
            if _sha_or_none(task.outdir / rel) != digest:
                return False
    except Exception:  # missing, unreadable or damaged stamp, a missing output: redo
        return False
    return True


# ----------------------------------------------------------------------------- worker


@dataclass(frozen=True)
class Options:
    """What every meeting of one batch is rendered to."""

    kinds: tuple[str, ...] | None  # None: each meeting's default kinds (pipeline.default_kinds)
    formats: tuple[str, ...] | None = None
    style: str | None = None
    final: bool = False

    def key(self) -> str:
        return build_key(self.kinds, self.formats, self.style, self.final)

    def writer_formats(self) -> tuple[str, ...]:
        if self.formats:
            return self.formats
        kinds = self.kinds or tuple(DEFAULT_FORMATS)
        return tuple(dict.fromkeys(f for kind in kinds for f in DEFAULT_FORMATS[kind]))


_WORKER_KEY: str | None = None  # this worker's own view of the program and templates


def _die_with_parent(parent: int) -> None:
    """Never outlive the batch: SIGKILL from the kernel when the parent dies (Linux), and
    a watch on the parent everywhere (also covers a parent gone before prctl ran)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _init_worker(options: Options | None, parent: int | None = None) -> None:
    """Import and load everything once per worker: templates, stylesheets, writers.

    The key is hashed again here, before anything is loaded: were the templates edited
    while the batch runs, a stamp then names the older files and the next run redoes it.
    """
    global _WORKER_KEY
    if parent is not None:
        _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C, then stops us
    if options is None:
        return
    _WORKER_KEY = options.key()
    try:
        from report_gen.render import KINDS, environment
        from report_gen.styles import css_text
        from report_gen.writers import get_writer

        env = environment()
        for name in env.list_templates(extensions=["j2"]):
            env.get_template(name)  # compiled once, kept in the environment's cache
        for kind in KINDS:
            for style in ("party", "state"):
                css_text(kind, style)  # read once, cached for the process
    except Exception:  # a broken template is reported per meeting, not here
        return
    for fmt in options.writer_formats():
        try:
            writer_module = sys.modules[get_writer(fmt).__module__]
            warm_up = getattr(writer_module, "warm_up", None)
            if callable(warm_up):
                warm_up()
        except Exception:  # a missing or broken writer is reported per meeting too
            continue


def render_task(task: Task) -> Outcome:
    """Render one meeting in a worker; every failure comes back as located messages."""
    from report_gen.errors import InputError

    try:
        return _render_task(task)
    except InputError as exc:
        return Outcome(problems=[str(problem) for problem in exc.problems])
    except Exception as exc:  # a bug must still not show users a traceback
        lines, bug = explain(exc, task.source)
        if bug and task.debug:
            lines.append("".join(traceback.format_exception(exc)).rstrip())
        return Outcome(problems=lines)


def unexpected_message(source: Path, exc: BaseException) -> str:
    return explain(exc, source)[0][0]


def _render_task(task: Task) -> Outcome:
    from report_gen.output import remove_stale_stages, write_all, write_atomic
    from report_gen.pipeline import Job, build
    from report_gen.validate import load_meeting

    stamp = task.outdir / STAMP_NAME
    # From here until the new stamp, the outputs are unproven. No folder there (a file in
    # its place)? Writing the outputs says why.
    with contextlib.suppress(OSError):
        stamp.unlink(missing_ok=True)
    folder = task.source.parent
    # Inputs are hashed before they are read: an edit in between makes the next run redo it.
    inputs = {
        task.source.name: _sha(task.source),
        DEFAULTS_NAME: _sha_or_none(folder / DEFAULTS_NAME),
    }
    loaded = load_meeting(task.source)
    for path in loaded.image_paths:
        inputs[Path(os.path.relpath(path, folder)).as_posix()] = _sha(path)
    job = Job(
        source=task.source,
        outdir=task.outdir,
        kinds=task.kinds,
        formats=task.formats,
        style=task.style,  # type: ignore[arg-type]
        final=task.final,
    )
    files = build(loaded, job)
    remove_stale_stages(task.outdir)
    written = write_all(files, task.outdir)
    record = {
        "format": STAMP_FORMAT,
        "key": _WORKER_KEY or task.key,
        "inputs": inputs,
        "outputs": {
            path.relative_to(task.outdir).as_posix(): hashlib.sha256(files[path]).hexdigest()
            for path in written
        },
    }
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    try:
        write_atomic(stamp, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(task.outdir, exc) from None
    return Outcome(files=len(written))


# --------------------------------------------------------------------------- executor


def crashed_message(source: Path) -> str:
    return (
        f"{source}: tiến trình soạn văn bản bị dừng đột ngột khi soạn hội nghị này "
        "(thiếu bộ nhớ hoặc lỗi thư viện?)"
    )


def execute(
    tasks: Sequence[Task],
    jobs: int,
    on_done: Callable[[Task, Outcome], None],
    *,
    tick: Callable[[], None] = lambda: None,
    worker: Callable[[Task], Outcome] = render_task,
    options: Options | None = None,
) -> None:
    """Run tasks over `jobs` spawned worker processes, calling on_done for each.

    A worker that dies (a crash inside a library, the OOM killer) breaks the pool: the
    meetings it may have been working on are then retried one at a time in a new pool, so
    that only the one that really kills a worker is reported as failed.
    """
    context = multiprocessing.get_context("spawn")
    queue: deque[Task] = deque(tasks)
    suspects: deque[Task] = deque()
    in_flight: dict[Future[Outcome], Task] = {}
    alone: Task | None = None  # the suspect running by itself, if any
    executor: ProcessPoolExecutor | None = None
    try:
        while queue or suspects or in_flight:
            if executor is None:
                workers = max(1, min(jobs, len(queue) + len(suspects)))
                executor = ProcessPoolExecutor(
                    max_workers=workers,
                    mp_context=context,
                    initializer=_init_worker,
                    initargs=(options, os.getpid()),
                )
            if suspects:
                if not in_flight:
                    alone = suspects.popleft()
                    in_flight[executor.submit(worker, alone)] = alone
            else:
                while queue and len(in_flight) < 2 * jobs:
                    task = queue.popleft()
                    in_flight[executor.submit(worker, task)] = task
            done, _ = wait(in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
            tick()
            if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
                wait(in_flight)  # the broken pool fails every other one at once
                done = set(in_flight)
            broken = False
            for future in done:
                task = in_flight.pop(future)
                error = future.exception()
                if isinstance(error, BrokenProcessPool):
                    broken = True
                    if task is alone:
                        on_done(task, Outcome(problems=[crashed_message(task.source)]))
                    else:
                        suspects.append(task)
                elif error is not None:  # cannot happen with render_task; still no traceback
                    on_done(task, Outcome(problems=[unexpected_message(task.source, error)]))
                else:
                    on_done(task, future.result())
                if task is alone:
                    alone = None
            if broken:
                executor.shutdown(wait=True)
                executor = None
        if executor is not None:  # all done: idle workers need no orderly interpreter exit
            _stop_workers(executor)
            executor = None
    except KeyboardInterrupt:
        if executor is not None:
            _stop_workers(executor)
            executor = None
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """Stop the workers at once. Safe at any moment: files are written atomically and a
    meeting's stamp comes last, so a meeting cut short is simply redone by the next run."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if callable(terminate):
        terminate()
        return
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.terminate()
    executor.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- messages


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """A redrawn bar on a terminal, one line per meeting otherwise, nothing when quiet."""

    def __init__(self, total: int, mode: str, stream: IO[str]) -> None:
        self.total = total
        self.mode = mode  # "bar", "lines" or "quiet"
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def advance(self, task: Task, outcome: Outcome) -> None:
        self.done += 1
        if self.mode == "lines":
            width = len(str(self.total))
            what = f"đã ghi {outcome.files} tệp" if outcome.ok else "lỗi (xem danh sách lỗi ở cuối)"
            print(f"[{self.done:>{width}}/{self.total}] {task.name}: {what}", file=self.stream)
            self.stream.flush()
        elif self.mode == "bar":
            self.draw(force=self.done == self.total)

    def tick(self) -> None:
        if self.mode == "bar":
            self.draw()

    def draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._drawn < 0.1:
            return
        self._drawn = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 and self.done else 0.0
        left = f"còn {_clock((self.total - self.done) / rate)}" if rate else "còn ?"
        text = (
            f" {self.done}/{self.total} hội nghị · {vi_number(rate, 1)}/giây · {left}"
            f" · đã chạy {_clock(elapsed)}"
        )
        columns = shutil.get_terminal_size((80, 24)).columns
        bar_width = max(10, min(40, columns - len(text) - 4))
        filled = round(bar_width * self.done / self.total) if self.total else bar_width
        line = f"\r[{'█' * filled}{'░' * (bar_width - filled)}]{text}"
        self.stream.write(line[: columns + 1] + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.mode == "bar":
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# ------------------------------------------------------------------------------- main


@dataclass
class Summary:
    rendered: int = 0
    files: int = 0
    skipped: int = 0
    failures: list[tuple[Path, list[str]]] = field(default_factory=list)


def _progress_mode(quiet: bool) -> tuple[str, IO[str]]:
    if quiet:
        return "quiet", sys.stdout
    if sys.stderr.isatty():
        return "bar", sys.stderr
    return "lines", sys.stdout


def _sorted_for_balance(tasks: list[Task]) -> list[Task]:
    """Largest meetings first, so that no worker is left with a long one at the end."""

    def size(task: Task) -> int:
        try:
            return task.source.stat().st_size
        except OSError:
            return 0

    return sorted(tasks, key=lambda t: (-size(t), t.name))


def run_batch(
    paths: Iterable[Path],
    *,
    outdir: Path,
    kinds: Sequence[str] | None = None,
    formats: Sequence[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    quiet: bool = False,
    style: str | None = None,
    final: bool = False,
    debug: bool = False,
) -> bool:
    """Render every meeting under the paths; True when all succeeded (or were up to date)."""
    started = time.monotonic()
    paths = list(paths)
    jobs = max(1, jobs or os.cpu_count() or 1)
    kinds = tuple(kinds) if kinds else None
    formats = tuple(formats) if formats else None
    mode, stream = _progress_mode(quiet)

    notes: list[str] = []
    found, discovery_problems = discover(paths, outdir, notes)
    if not quiet:
        for note in notes:
            print(note, file=sys.stdout)
    summary = Summary()
    if discovery_problems:
        summary.failures.append((Path(), discovery_problems))

    options = Options(kinds, formats, style, final)
    key = options.key()
    hashes = _HashCache()
    todo: list[Task] = []
    for source, rel in found:
        task = Task(
            source=source,
            name=(rel.parent / source.name).as_posix(),
            outdir=outdir / rel,
            kinds=kinds,
            formats=formats,
            style=style,
            final=final,
            key=key,
            debug=debug,
        )
        if not force and is_up_to_date(task, hashes):
            summary.skipped += 1
        else:
            todo.append(task)

    if not quiet:
        if not found and not discovery_problems:
            print("Không tìm thấy tệp hội nghị (*.yaml, *.yml) nào.", file=sys.stdout)
        elif todo:
            workers = min(jobs, len(todo))
            skipped = (
                f"; bỏ qua {summary.skipped} hội nghị không thay đổi (--force để soạn lại)"
                if summary.skipped
                else ""
            )
            print(
                f"Soạn {len(todo)} hội nghị bằng {workers} tiến trình{skipped}.",
                file=sys.stdout,
            )
        sys.stdout.flush()

    progress = Progress(len(todo), mode, stream)

    def on_done(task: Task, outcome: Outcome) -> None:
        if outcome.ok:
            summary.rendered += 1
            summary.files += outcome.files
        else:
            summary.failures.append((task.source, outcome.problems))
        progress.advance(task, outcome)

    interrupted = False
    previous_term = _terminate_as_interrupt()
    try:
        if todo:
            execute(
                _sorted_for_balance(todo),
                jobs,
                on_done,
                tick=progress.tick,
                options=options,
            )
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)

    _print_failures(summary, quiet)
    if not quiet:
        _print_summary(summary, time.monotonic() - started, interrupted, len(todo))
    if interrupted:
        raise SystemExit(130)
    return not summary.failures


def _terminate_as_interrupt() -> Any:
    """SIGTERM stops a batch like Ctrl-C: workers finish or are stopped, a summary is printed."""

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        return None


def _print_failures(summary: Summary, quiet: bool) -> None:
    if not summary.failures:
        return
    ordered = sorted(summary.failures, key=lambda failure: str(failure[0]))
    lines = [line for _, problems in ordered for line in problems]
    count = sum(1 for source, _ in summary.failures if source != Path())
    if not quiet:
        print(f"\nLỗi ({count} hội nghị không được soạn):", file=sys.stderr)
    for line in lines:
        print(line, file=sys.stderr)
    sys.stderr.flush()


def _print_summary(summary: Summary, elapsed: float, interrupted: bool, todo: int) -> None:
    failed = sum(1 for source, _ in summary.failures if source != Path())
    parts = [
        f"đã soạn {summary.rendered} hội nghị ({vi_number(summary.files)} tệp)",
        f"bỏ qua {summary.skipped} hội nghị không thay đổi",
        f"lỗi {failed} hội nghị",
    ]
    if interrupted:
        left = todo - summary.rendered - failed
        head = f"Đã dừng giữa chừng sau {vi_duration(elapsed)}, còn {left} hội nghị chưa soạn"
    else:
        head = f"Xong sau {vi_duration(elapsed)}"
    print(f"{head}: {', '.join(parts)}.", file=sys.stdout)
    sys.stdout.flush()
