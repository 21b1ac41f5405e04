"""All or nothing on disk: a reader (or a killed run) never sees a half-written meeting.

A meeting's outputs are first written into a temporary folder beside the meeting's own
folder (its name carries this process's id, so that concurrent runs never touch each
other's), then moved into place. When any step fails, the files moved so far are put
back as they were: the previous outputs stay byte-identical. Files get the permissions
the umask gives (0644 under the usual 022), like any file a program creates.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from report_gen.errors import OutputError

STAGE_SUFFIX = ".tmp"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (which must not exist) with the umask's permissions, and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{STAGE_SUFFIX}"
    try:
        _write_new(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def stage_prefix(folder: Path) -> str:
    """How the temporary folders of one meeting's folder start (then the owner's pid)."""
    return f".{folder.name}."


def write_all(files: dict[Path, bytes], folder: Path | None = None) -> list[Path]:
    """Write a meeting's outputs (all inside `folder`) all together, or raise OutputError.

    Nothing is ever written outside `folder`; on failure the folder is as it was.
    """
    if not files:
        return []
    targets = sorted(files)
    if folder is None:
        folder = Path(os.path.commonpath([p.parent for p in targets]))
    for path in targets:
        if not path.is_relative_to(folder) or path == folder:
            raise ValueError(f"output outside its folder: {path}")  # a bug, not an input
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(folder) and not folder.is_dir():
            raise FileExistsError(errno.EEXIST, "not a folder", str(folder))
        stage = Path(
            tempfile.mkdtemp(
                dir=folder.parent,
                prefix=f"{stage_prefix(folder)}{os.getpid()}.",
                suffix=STAGE_SUFFIX,
            )
        )
    except OSError as exc:
        raise OutputError(folder, exc) from None
    try:
        for path in targets:
            staged = stage / path.relative_to(folder)
            staged.parent.mkdir(parents=True, exist_ok=True)
            _write_new(staged, files[path])
        os.chmod(stage, 0o777 & ~_umask())
        if not os.path.lexists(folder):
            try:
                os.rename(stage, folder)  # a new meeting: one atomic step
                return targets
            except OSError as exc:
                if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR):
                    raise
                # another run created the folder meanwhile: move the files one by one
        _move_into(stage, folder, [path.relative_to(folder) for path in targets])
    except OSError as exc:
        raise OutputError(folder, exc) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return targets


def _move_into(stage: Path, folder: Path, names: list[Path]) -> None:
    """Replace each output by its staged file; on any failure put the old ones back."""
    backup = stage / f".old{STAGE_SUFFIX}"
    backup.mkdir()
    moved: list[tuple[Path, bool]] = []  # (name, whether an old file was kept)
    try:
        for name in names:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            kept = False
            if os.path.lexists(target) and not target.is_dir():
                saved = backup / name
                saved.parent.mkdir(parents=True, exist_ok=True)
                os.link(target, saved, follow_symlinks=False)
                kept = True
            os.replace(stage / name, target)
            moved.append((name, kept))
    except BaseException:
        for name, kept in reversed(moved):
            try:
                if kept:
                    os.replace(backup / name, folder / name)
                else:
                    (folder / name).unlink(missing_ok=True)
            except OSError:
                continue
        raise


def remove_stale_stages(folder: Path) -> None:
    """Temporary folders that a killed run left beside `folder` (never a live run's)."""
    prefix = stage_prefix(folder)
    try:
        entries = list(os.scandir(folder.parent))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(STAGE_SUFFIX)):
            continue
        owner = entry.name[len(prefix) :].split(".", 1)[0]
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(entry.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True
