"""`report-gen batch`: folders, defaults, failures, incremental runs, a killed run resumed."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import REFERENCE, run_cli
from report_gen import batch
from report_gen.batch import STAMP_NAME, Outcome, Task

GOOD = REFERENCE.read_text(encoding="utf-8")
IMAGE = REFERENCE.parent / "images" / "chair.png"
HAS_PDF = importlib.util.find_spec("report_gen.writers.pdf") is not None


def meeting_text(n: int, images: bool = True) -> str:
    """The reference meeting, made distinct by its name (and without photos if asked)."""
    text = GOOD.replace(
        "6 tháng đầu năm 2019\n  date:", f"6 tháng đầu năm 2019 (lần {n})\n  date:", 1
    )
    assert text != GOOD
    if not images:
        text = re.sub(r"\n  images:\n(    .*\n)+", "\n", text)
        assert "images/chair.png" not in text
    return text


def add_meeting(folder: Path, name: str, n: int = 0, images: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if images and not (folder / "images" / "chair.png").exists():
        (folder / "images").mkdir(exist_ok=True)
        shutil.copy(IMAGE, folder / "images" / "chair.png")
    path = folder / name
    path.write_text(meeting_text(n, images), encoding="utf-8")
    return path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too), by relative path."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def inodes(root: Path) -> dict[str, int]:
    return {
        path.relative_to(root).as_posix(): path.stat().st_ino
        for path in root.rglob("*")
        if path.is_file()
    }


def counts(stdout: str) -> tuple[int, int, int]:
    """(rendered, skipped, failed) from the summary line."""
    match = re.search(
        r"đã soạn (\d+) hội nghị .*bỏ qua (\d+) hội nghị .*lỗi (\d+) hội nghị", stdout
    )
    assert match, stdout
    return int(match[1]), int(match[2]), int(match[3])


def batch_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = run_cli("batch", *args)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


# ----------------------------------------------------------------------------- failures


def test_invalid_meeting_is_reported_and_the_others_are_written(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    for n in range(3):
        add_meeting(inputs, f"hop-{n}.yaml", n)
    add_meeting(inputs / "xa" / "quy-3", "giao-ban.yaml", 9)
    bad = inputs / "hong.yaml"
    bad.write_text(GOOD.replace("date: 2019-07-09", "date: 2019-02-30"), encoding="utf-8")
    line = GOOD.splitlines().index("  date: 2019-07-09") + 1

    result = batch_cli(inputs, "-o", out, "-k", "news,notice", "-f", "html,md", "-j", "2")

    assert result.returncode == 1
    assert f"{bad}:{line}:9: " in result.stderr  # file:line:column of the impossible date
    assert "ngày 2019-02-30 không tồn tại" in result.stderr
    assert counts(result.stdout) == (4, 0, 1)
    # Outputs mirror the input folders: OUTDIR/<relative path without .yaml>/<kind>.<ext>.
    for rel in ("hop-0", "hop-1", "hop-2", "xa/quy-3/giao-ban"):
        for name in ("news.html", "news.md", "news.fragment.html", "notice.html", "notice.md"):
            assert (out / rel / name).is_file(), (rel, name)
        assert (out / rel / "chair.png").is_file()
    assert not (out / "hong").exists(), "nothing is written for an invalid meeting"

    again = batch_cli(inputs, "-o", out, "-k", "news,notice", "-f", "html,md")
    assert again.returncode == 1, "an invalid meeting is never skipped as up to date"
    assert counts(again.stdout) == (0, 4, 1)
    assert f"{bad}:{line}:9: " in again.stderr


def test_unwritable_output_is_a_located_message_not_a_traceback(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    add_meeting(inputs, "a.yaml", 1)
    blocked = add_meeting(inputs, "b.yaml", 2)
    out.mkdir()
    (out / "b").write_text("một tệp chắn chỗ thư mục kết quả", encoding="utf-8")

    result = batch_cli(inputs, "-o", out, "-k", "news", "-f", "html", "-j", "1")

    assert result.returncode == 1
    assert blocked.is_file()
    assert re.search(
        rf"^{re.escape(str(out / 'b'))}: không ghi được kết quả \(đã có tệp", result.stderr, re.M
    )
    assert "Traceback" not in result.stderr
    assert (out / "a" / "news.html").is_file()
    assert counts(result.stdout) == (1, 0, 1)


def test_missing_folder_fails_and_quiet_prints_errors_only(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    add_meeting(inputs, "a.yaml", 1)
    result = batch_cli(inputs, tmp_path / "khong-co", "-o", out, "-k", "news", "-f", "md", "-q")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"{tmp_path / 'khong-co'}: không tìm thấy thư mục hay tệp này"
    assert (out / "a" / "news.md").is_file()


def test_crashed_worker_fails_only_its_own_meeting(tmp_path: Path) -> None:
    """A worker killed by a library crash breaks the pool; the others still get done."""
    tasks = [
        Task(tmp_path / f"{name}.yaml", name, tmp_path / name, ("news",), None, None, False, "k")
        for name in ("a", "b", "boom", "c", "d", "e")
    ]
    results: dict[str, Outcome] = {}
    batch.execute(tasks, 2, lambda task, outcome: results.__setitem__(task.name, outcome),
                  worker=crashing_worker)  # fmt: skip
    assert sorted(results) == ["a", "b", "boom", "c", "d", "e"]
    assert all(results[name].ok for name in "abcde")
    assert results["boom"].problems == [batch.crashed_message(tmp_path / "boom.yaml")]


def crashing_worker(task: Task) -> Outcome:
    """Runs in a spawned worker (imported there by name): dies like a segfault on 'boom'."""
    if task.name == "boom":
        os._exit(70)
    time.sleep(0.05)
    return Outcome(files=1)


# ------------------------------------------------------------------------------ defaults


def test_folder_defaults_merge_mappings_and_replace_lists(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    base = yaml.safe_load(GOOD)
    del base["document"], base["article"]
    defaults = {
        "document": {
            "issuer": {"parent": "ĐẢNG BỘ TỈNH MẪU", "name": "HUYỆN ỦY MẪU SƠN"},
            "place": "Mẫu Sơn",
            "signer": {"title": "PHÓ BÍ THƯ MẶC ĐỊNH", "name": "Người Ký Mặc Định"},
            "recipients": ["Nơi nhận mặc định một", "Nơi nhận mặc định hai"],
        },
        "article": {"author": "TGMĐ"},
    }
    own = {
        **base,
        "document": {"signer": {"name": "Người Ký Riêng"}, "recipients": ["Nơi nhận riêng"]},
    }
    inputs.mkdir()
    dump = {"allow_unicode": True, "sort_keys": False}
    (inputs / "_defaults.yaml").write_text(yaml.safe_dump(defaults, **dump), encoding="utf-8")
    (inputs / "rieng.yaml").write_text(yaml.safe_dump(own, **dump), encoding="utf-8")
    (inputs / "chung.yaml").write_text(yaml.safe_dump(base, **dump), encoding="utf-8")

    args = (inputs, "-o", out, "-k", "news,notice", "-f", "html")
    result = batch_cli(*args)
    assert result.returncode == 0, result.stderr
    assert counts(result.stdout) == (2, 0, 0)
    assert not (out / "_defaults").exists(), "_defaults.yaml is not a meeting"

    own_notice = (out / "rieng" / "notice.html").read_text(encoding="utf-8")
    assert "Người Ký Riêng" in own_notice  # the meeting's own value wins
    assert "Người Ký Mặc Định" not in own_notice
    assert "PHÓ BÍ THƯ MẶC ĐỊNH" in own_notice  # mappings merge key by key
    assert "HUYỆN ỦY MẪU SƠN" in own_notice
    assert "Nơi nhận riêng" in own_notice  # lists are replaced whole
    assert "Nơi nhận mặc định" not in own_notice
    shared_notice = (out / "chung" / "notice.html").read_text(encoding="utf-8")
    assert "Người Ký Mặc Định" in shared_notice
    assert "Nơi nhận mặc định một" in shared_notice and "Nơi nhận mặc định hai" in shared_notice
    for name in ("rieng", "chung"):
        assert "TGMĐ" in (out / name / "news.html").read_text(encoding="utf-8")

    # The defaults are an input of every meeting in their folder.
    assert counts(batch_cli(*args).stdout) == (0, 2, 0)
    defaults["article"]["author"] = "TGM2"
    (inputs / "_defaults.yaml").write_text(yaml.safe_dump(defaults, **dump), encoding="utf-8")
    assert counts(batch_cli(*args).stdout) == (2, 0, 0)
    assert "TGM2" in (out / "chung" / "news.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- incremental


def test_unchanged_meetings_are_skipped_and_force_renders_them(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    add_meeting(inputs, "a.yaml", 1)
    add_meeting(inputs, "b.yaml", 2)
    plain = add_meeting(inputs / "sub", "c.yaml", 3, images=False)
    args = (inputs, "-o", out, "-k", "news", "-f", "html,md", "-j", "2")

    first = batch_cli(*args)
    assert first.returncode == 0, first.stderr
    assert counts(first.stdout) == (3, 0, 0)
    assert re.search(r"^\[1/3\] .+: đã ghi \d+ tệp$", first.stdout, re.M), "plain progress lines"
    before = inodes(out)

    second = batch_cli(*args)
    assert second.returncode == 0 and counts(second.stdout) == (0, 3, 0)
    assert inodes(out) == before, "a skipped meeting's files are not touched"

    forced = batch_cli(*args, "--force")
    assert counts(forced.stdout) == (3, 0, 0)
    changed = inodes(out)
    assert all(changed[name] != before[name] for name in before), "--force rewrites all"

    def rendered_now() -> set[str]:
        now = inodes(out)
        redone = {name.split("/")[0] for name in now if now[name] != changed.get(name)}
        changed.update(now)
        return redone

    plain.write_text(plain.read_text(encoding="utf-8") + "\n# chú thích\n", encoding="utf-8")
    assert counts(batch_cli(*args).stdout) == (1, 2, 0)
    assert rendered_now() == {"sub"}

    (inputs / "images" / "chair.png").write_bytes(IMAGE.read_bytes() + b"\0")
    assert counts(batch_cli(*args).stdout) == (2, 1, 0)
    assert rendered_now() == {"a", "b"}

    (out / "b" / "news.md").unlink()
    assert counts(batch_cli(*args).stdout) == (1, 2, 0)
    assert rendered_now() == {"b"}

    other_formats = batch_cli(inputs, "-o", out, "-k", "news", "-f", "html")
    assert counts(other_formats.stdout) == (3, 0, 0), "other formats asked: not up to date"
    assert counts(batch_cli(inputs, "-o", out, "-k", "news", "-f", "html").stdout) == (0, 3, 0)


def test_key_covers_templates_program_and_options(tmp_path: Path) -> None:
    from report_gen.resources import templates_dir

    templates = tmp_path / "templates"
    shutil.copytree(templates_dir(), templates)
    key = batch.build_key(("news",), ("html",), None, False, templates)
    assert key == batch.build_key(("news",), ("html",), None, False, templates)
    assert key != batch.build_key(("news",), ("md",), None, False, templates)
    assert key != batch.build_key(("news",), ("html",), "state", False, templates)
    assert key != batch.build_key(("news", "report"), ("html",), None, False, templates)
    assert key != batch.build_key(None, ("html",), None, False, templates)
    css = next(templates.rglob("*.css"))
    css.write_text(css.read_text(encoding="utf-8") + "\n/* sửa */\n", encoding="utf-8")
    assert key != batch.build_key(("news",), ("html",), None, False, templates)


def test_leftover_temporary_files_are_cleaned_on_the_next_run(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    add_meeting(inputs, "a.yaml", 1)
    add_meeting(inputs, "b.yaml", 2)
    args = (inputs, "-o", out, "-k", "news", "-f", "html,md")
    assert batch_cli(*args).returncode == 0
    complete = tree(out)
    # What a run killed while staging a's files leaves: its temporary folder beside a's
    # (named with its process id, long gone), a's stamp not yet rewritten.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    stale = out / f".a.{dead}.x1y2z3.tmp"
    stale.mkdir()
    (stale / "news.html").write_bytes(b"<!DOCTYPE html><ht")
    live = out / f".a.{os.getpid()}.q9w8e7.tmp"  # a live run's (this test's): left alone
    live.mkdir()
    (out / "a" / STAMP_NAME).unlink()

    result = batch_cli(*args)
    assert counts(result.stdout) == (1, 1, 0)
    assert not stale.exists() and live.is_dir()
    live.rmdir()
    assert tree(out) == complete


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killed_run_then_second_run_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    count = 16 if HAS_PDF else 120
    for n in range(count):
        add_meeting(inputs / f"nhom-{n % 3}", f"hop-{n:03d}.yaml", n, images=n % 4 != 0)
    formats = "html,md,pdf" if HAS_PDF else "html,md"
    options = ("-k", "news,notice", "-f", formats, "-j", "2")

    killed_out = tmp_path / "killed"
    process = subprocess.Popen(
        [sys.executable, "-m", "report_gen", "batch", inputs, "-o", killed_out, *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the parent and its workers
    )
    try:
        deadline = time.monotonic() + 120
        while len(list(killed_out.rglob(STAMP_NAME))) < 2:
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no output appeared"
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    done_before = len(list(killed_out.rglob(STAMP_NAME)))
    assert done_before < count, "killed part-way"

    resumed = batch_cli(inputs, "-o", killed_out, *options)
    assert resumed.returncode == 0, resumed.stderr
    assert counts(resumed.stdout) == (count - done_before, done_before, 0)

    whole_out = tmp_path / "whole"
    whole = batch_cli(inputs, "-o", whole_out, *options)
    assert whole.returncode == 0, whole.stderr

    resumed_files, whole_files = tree(killed_out), tree(whole_out)
    assert sorted(resumed_files) == sorted(whole_files)
    assert not [name for name in resumed_files if name.endswith(".tmp")]
    different = [name for name in whole_files if resumed_files[name] != whole_files[name]]
    assert not different


# ------------------------------------------------------------------------------ progress


def test_progress_bar_and_parent_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    progress = batch.Progress(3, "bar", stream)
    task = Task(tmp_path / "a.yaml", "a.yaml", tmp_path, ("news",), None, None, False, "k")
    for _ in range(3):
        progress.advance(task, Outcome(files=2))
    progress.close()
    drawn = stream.getvalue()
    assert "3/3 hội nghị" in drawn and "/giây" in drawn and "còn 0:00" in drawn
    assert drawn.endswith("\r\x1b[K"), "the bar is cleared before the summary"

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert batch._progress_mode(quiet=False)[0] == "bar"
    assert batch._progress_mode(quiet=True)[0] == "quiet"

    # The parent process never imports WeasyPrint (nor the render pipeline): workers do.
    inputs = tmp_path / "in"
    add_meeting(inputs, "a.yaml", 1)
    code = (
        "import sys; from pathlib import Path; from report_gen.batch import run_batch\n"
        f"ok = run_batch([Path({str(inputs)!r})], outdir=Path({str(tmp_path / 'o')!r}),"
        f" kinds=('notice',), formats=({'pdf' if HAS_PDF else 'html'!r},), jobs=1, quiet=True)\n"
        "print(ok, sorted(m for m in ('weasyprint', 'report_gen.pipeline') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert result.stdout.strip() == "True []", result.stderr
