"""Issue 9: every defect the attack found, each reproduced (these failed before the fix).

Nothing crashes (a located Vietnamese message or success), work is bounded, `check`
equals `render`, outputs stay in OUTDIR/<meeting>/ and are all or nothing, batches
leave no process behind and do not break each other.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REFERENCE, run_cli
from report_gen.errors import InputError
from report_gen.lint import lint
from report_gen.loader import load_file
from report_gen.validate import load_meeting

GOOD = REFERENCE.read_text(encoding="utf-8")
IMAGE = REFERENCE.parent / "images" / "chair.png"
ENGLISH = re.compile(
    r"\b(error|expected|found|while|scanning|parsing|could not|Traceback|object|"
    r"unacceptable|special characters|None|Errno|invalid|not allowed)\b",
    re.IGNORECASE,
)


def meeting(folder: Path, text: str | bytes, name: str = "hop.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    shutil.copy(IMAGE, folder / "images" / "chair.png")
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def assert_located(stderr: str, source: Path, line: int | None = None) -> list[str]:
    """Every line of stderr is `source:line:column: message` (or `source: message`),
    Vietnamese, no repr, no English library text."""
    rows = [row for row in stderr.splitlines() if row.strip()]
    assert rows, "no message"
    for row in rows:
        match = re.match(rf"{re.escape(str(source))}(?::(\d+):(\d+))?: (.+)$", row)
        assert match, f"not located: {row!r}"
        assert not ENGLISH.search(match[3]), f"English: {row!r}"
        assert "Error(" not in row and "\\x" not in row, row
    if line is not None:
        assert any(row.startswith(f"{source}:{line}:") for row in rows), stderr
    return rows


# ------------------------------------------------------------------ unhandled errors

HOSTILE = {
    "NUL escaped": ("  name: Lê Bình Nguyên", '  name: "Lê\\0 Bình"', 16),
    "VT raw": ("  name: Lê Bình Nguyên", "  name: Lê\x0bBình", 16),
    "FF raw": ("  name: Lê Bình Nguyên", "  name: Lê\x0cBình", 16),
    "ESC escaped": ("  name: Lê Bình Nguyên", '  name: "Lê\\e[31mBình"', 16),
    "bad bool": ("  author: ĐTK", "  author: !!bool có lẽ", None),
    "bad int": ("  author: ĐTK", "  author: !!int mười", None),
    "bad float": ("  author: ĐTK", "  author: !!float x", None),
    "merge of a number": ("  author: ĐTK", "  <<: 5\n  author: ĐTK", None),
    "no such code point": ("  author: ĐTK", '  author: "\\U00110000"', None),
    "unknown tag": ("  author: ĐTK", "  author: !!binary aGk=", None),
    "local tag": ("  author: ĐTK", "  author: !ten ĐTK", None),
    "deep nesting": ("  author: ĐTK", "  author: " + "[" * 500 + "]" * 500, None),
    "image NUL": ("    - file: images/chair.png", '    - file: "images/\\0chair.png"', None),
    "image long name": ("    - file: images/chair.png", "    - file: " + "a" * 300 + ".png", None),
    "image loop": ("    - file: images/chair.png", "    - file: loop/chair.png", None),
    "image not an image": ("    - file: images/chair.png", "    - file: hop.yaml", None),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_gives_a_located_vietnamese_message(tmp_path: Path, case: str) -> None:
    old, new, line = HOSTILE[case]
    assert old in GOOD
    source = meeting(tmp_path, GOOD.replace(old, new, 1))
    if case == "image loop":
        (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for command in (("check",), ("render", "-o", tmp_path / "out")):
        result = run_cli(*command, source)
        assert result.returncode == 1, result.stdout
        assert_located(result.stderr, source, line)
    assert not (tmp_path / "out").exists()


def test_unprintable_characters_are_named_in_the_message(tmp_path: Path) -> None:
    source = meeting(tmp_path, GOOD.replace("  author: ĐTK", '  author: "Đ\\x1bTK"'))
    with pytest.raises(InputError) as caught:
        load_meeting(source)
    assert "U+001B" in str(caught.value) and "\x1b" not in str(caught.value)


def test_nfc_without_a_combining_mark_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    source = meeting(tmp_path, GOOD.replace("  author: ĐTK", "  author: ĐTK \u2126 \u212b"))
    result = run_cli("check", source)
    assert result.returncode == 0, result.stderr
    assert "chữ tổ hợp" in result.stderr and "Traceback" not in result.stderr


def test_yaml_syntax_messages_are_vietnamese_and_one_line(tmp_path: Path) -> None:
    cases = [
        "a: 1\n---\nb: 2\n",
        "a: &x 1\nb: *y\n",
        "a: [1, 2\n",
        "a: {b: 1\n",
        "a: 'chưa đóng\n",
        "a: |9x\n  b\n",
        "%YAML 2.0\n---\na: 1\n",
        "a: !<tag:x> 1\n",
        '"khóa\\ncó xuống dòng": 1\n',
        "a: b: c\n",
        "- a\nb: c\n",
        "a:\n  - b\n c: d\n",
        "? [a, b]\n: c\n",
    ]
    for n, text in enumerate(cases):
        source = tmp_path / f"hop-{n}.yaml"
        source.write_text(text, encoding="utf-8")
        result = run_cli("check", source)
        assert result.returncode == 1, text
        assert_located(result.stderr, source)


def test_new_into_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli("new", blocker / "hop.yaml")
    assert result.returncode == 1
    assert_located(result.stderr, blocker / "hop.yaml")


def test_internal_error_is_one_line_with_a_traceback_under_debug(tmp_path: Path) -> None:
    code = (
        "import sys, report_gen.pipeline as p\n"
        "def boom(job): raise KeyError('x')\n"
        "p.run_with_notes = boom\n"
        "from report_gen.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    source = meeting(tmp_path, GOOD)
    base = [sys.executable, "-c", code, "render", str(source), "-o", str(tmp_path / "out")]
    plain = subprocess.run(base, capture_output=True, text=True)
    assert plain.returncode == 1
    assert plain.stderr.count("\n") == 1 and "lỗi nội bộ" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = subprocess.run([*base, "--debug"], capture_output=True, text=True)
    assert "lỗi nội bộ" in debug.stderr and "Traceback" in debug.stderr


# ------------------------------------------------------------------ what the user typed


def test_scalars_keep_the_text_the_user_typed(tmp_path: Path) -> None:
    text = GOOD.replace("  symbol: TB/HU", "  symbol: TB/HU\n  number: 010")
    text = text.replace("  author: ĐTK", "  author: 1e3")
    text = text.replace("  place: Tân Lập", "  place: 2024")
    loaded = load_meeting(meeting(tmp_path, text))
    document = loaded.meeting.document
    assert (document.number, document.place) == ("010", "2024")
    assert loaded.meeting.article.author == "1e3"
    result = run_cli("render", loaded.source, "-o", tmp_path / "out", "-k", "notice", "-f", "docx")
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------- bounded work


def test_lint_is_linear_on_folded_commas_and_long_spaces(tmp_path: Path) -> None:
    folded = "  - >-\n    Mở đầu\n" + "    , x\n" * 60_000
    spaces = '  - "a' + " " * 100_000 + ', b"\n'
    for n, extra in enumerate((folded, spaces)):
        text = GOOD.replace("achievements:\n", "achievements:\n" + extra, 1)
        loaded = load_meeting(meeting(tmp_path / str(n), text))
        started = time.monotonic()
        warnings = lint(loaded.located)
        assert time.monotonic() - started < 5, "lint must be linear (was 47-82 s)"
        assert warnings


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "lon.yaml"
    with big.open("wb") as handle:
        handle.truncate(1_500_000_000)  # sparse: costs no disk
    code = (
        "import sys\nfrom pathlib import Path\nfrom report_gen.loader import load_file\n"
        "from report_gen.errors import InputError\n"
        "try:\n load_file(Path(sys.argv[1]))\nexcept InputError as e:\n print(e)\n"
        # VmHWM: this process's own peak (ru_maxrss would keep the forking parent's, which
        # grows as the suite runs)
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, big], capture_output=True, text=True)
    message, peak_kib = result.stdout.splitlines()
    assert "tệp quá lớn" in message
    assert int(peak_kib) < 300_000, "read at most the limit plus one byte"


def test_fifo_and_devices_are_refused_before_reading(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "ong.yaml")
    (folder / "khong.yaml").symlink_to("/dev/zero")
    result = subprocess.run(
        [sys.executable, "-m", "report_gen", "batch", folder, "-o", tmp_path / "out", "-j", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert f"{folder / 'ong.yaml'}: không phải tệp thông thường" in result.stderr
    assert f"{folder / 'khong.yaml'}: không phải tệp thông thường" in result.stderr


def test_huge_image_is_refused_in_vietnamese_and_pillow_is_silent(tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "in"
    source = meeting(folder, GOOD)
    Image.new("1", (12000, 12000)).save(folder / "images" / "chair.png")
    assert (folder / "images" / "chair.png").stat().st_size < 1_000_000
    for command in (("check",), ("render", "-o", tmp_path / "out", "-f", "pdf")):
        result = run_cli(*command, source)
        assert result.returncode == 1
        rows = assert_located(result.stderr, source)
        assert any("quá lớn" in row and "12.000 × 12.000" in row for row in rows), rows


# ------------------------------------------------------------------ check equals render


def test_check_refuses_what_render_refuses(tmp_path: Path) -> None:
    source = meeting(tmp_path, GOOD.replace("  place: Tân Lập\n", ""))
    rendered = run_cli("render", source, "-o", tmp_path / "out")
    checked = run_cli("check", source)
    assert rendered.returncode == checked.returncode == 1
    assert "document.place" in checked.stderr
    assert checked.stderr.strip() == rendered.stderr.strip()


def test_long_metadata_is_cleaned_by_the_writers(tmp_path: Path) -> None:
    from docx import Document

    long_name = "Hội nghị " + "rất dài " * 40
    text = GOOD.replace(
        "  name: Hội nghị sơ kết công tác dân vận và thực hiện Quy chế dân chủ ở cơ sở 6 tháng "
        "đầu năm 2019",
        f"  name: {long_name}",
    )
    text = text.replace("article:\n", "article:\n  lead: " + "Mở đầu dài. " * 40 + "\n", 1)
    source = meeting(tmp_path, text)
    assert run_cli("check", source).returncode == 0
    result = run_cli("render", source, "-o", tmp_path / "out", "-f", "docx,pdf")
    assert result.returncode == 0, result.stderr
    props = Document(str(tmp_path / "out" / "hop" / "news.docx")).core_properties
    assert len(props.subject) <= 255 and props.subject.startswith("Hội nghị rất dài")


# -------------------------------------------------------- outputs stay where they belong


def test_images_land_in_the_meetings_own_folder_under_a_chosen_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    text = GOOD.replace(
        "    - file: images/chair.png",
        "    - file: images/../images/chair.png\n    - file: news.html\n    - file: images/chair.png",
    )
    source = meeting(folder, text)
    shutil.copy(IMAGE, folder / "news.html")  # a PNG named like an output
    out = tmp_path / "out"
    result = run_cli("render", source, "-o", out, "-k", "news", "-f", "html,md")
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [
        "hop/chair-2.png",
        "hop/chair.png",
        "hop/news.fragment.html",
        "hop/news.html",
        "hop/news.md",
        "hop/news.png",
    ]
    assert (out / "hop" / "news.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_image_urls_are_percent_encoded_everywhere(tmp_path: Path) -> None:
    import pdfplumber

    folder = tmp_path / "in"
    source = meeting(folder, GOOD.replace("images/chair.png", '"ảnh hội nghị #1?%20.png"'))
    shutil.copy(IMAGE, folder / "ảnh hội nghị #1?%20.png")
    out = tmp_path / "out"
    result = run_cli("render", source, "-o", out, "-k", "news", "-f", "html,md,pdf")
    assert result.returncode == 0, result.stderr
    url = "%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B%20%231-%2520.png"  # “?” made safe
    assert f'src="{url}"' in (out / "hop" / "news.html").read_text("utf-8")
    assert f"]({url})" in (out / "hop" / "news.md").read_text("utf-8")
    assert (out / "hop" / "ảnh hội nghị #1-%20.png").read_bytes() == IMAGE.read_bytes()
    with pdfplumber.open(out / "hop" / "news.pdf") as pdf:
        assert sum(len(page.images) for page in pdf.pages) == 1


# ------------------------------------------------------------------ all or nothing


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_failure_halfway_leaves_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from report_gen import output
    from report_gen.errors import OutputError
    from report_gen.pipeline import Job, run

    source = meeting(tmp_path / "in", GOOD)
    job = Job(source, tmp_path / "out" / "hop", ("news",), ("html", "md"))
    run(job)
    before = _tree(tmp_path / "out")
    source.write_text(GOOD.replace("ĐTK", "TTK"), encoding="utf-8")
    real, calls = os.replace, []

    def failing(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(OutputError) as caught:
        run(job)
    assert "ổ đĩa đã đầy" in str(caught.value)
    assert _tree(tmp_path / "out") == before


def test_disk_full_keeps_the_previous_outputs(tmp_path: Path) -> None:
    mount = tmp_path / "nho"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", mount],
                          capture_output=True)  # fmt: skip
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root, or no mount namespace)")
    try:
        source = meeting(tmp_path / "in", GOOD)
        out = mount / "out"
        first = run_cli("render", source, "-o", out, "-k", "news", "-f", "html,md")
        assert first.returncode == 0, first.stderr
        before = _tree(out)
        (mount / "day").write_bytes(b"\0" * (400_000 - sum(map(len, before.values())) - 30_000))
        source.write_text(GOOD.replace("ĐTK", "TTK " * 2000), encoding="utf-8")
        second = run_cli("render", source, "-o", out, "-k", "news,notice", "-f", "html,md")
        assert second.returncode == 1
        assert_located(second.stderr, out / "hop")
        assert "ổ đĩa đã đầy" in second.stderr
        assert _tree(out) == before
    finally:
        subprocess.run(["umount", mount], check=False)


def test_outputs_get_the_umask_permissions(tmp_path: Path) -> None:
    source = meeting(tmp_path / "in", GOOD)
    code = "import os, sys; os.umask(0o022); from report_gen.cli import main; main(sys.argv[1:])"
    args = ["render", str(source), "-o", str(tmp_path / "out"), "-k", "news", "-f", "html"]
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for path in (tmp_path / "out").rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


def test_render_refuses_two_inputs_for_one_folder(tmp_path: Path) -> None:
    first = meeting(tmp_path / "a", GOOD)
    second = meeting(tmp_path / "b", GOOD.replace("ĐTK", "TTK"))
    out = tmp_path / "out"
    result = run_cli("render", first, second, "-o", out, "-k", "news", "-f", "md")
    assert result.returncode == 1
    rows = assert_located(result.stderr, second)
    assert "trùng thư mục kết quả" in rows[0]
    assert "ĐTK" in (out / "hop" / "news.md").read_text("utf-8")


# -------------------------------------------------------------------------------- batch


def _batch(*args: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "report_gen", "batch", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def test_batch_takes_yml_and_searches_an_output_folder_inside_the_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    meeting(inputs, GOOD, "a.yml")
    meeting(inputs / "ket-qua", GOOD, "b.yaml")
    out = inputs / "ket-qua"
    result = _batch(inputs, "-o", out, "-k", "news", "-f", "md", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert (out / "a" / "news.md").is_file()
    assert (out / "ket-qua" / "b" / "news.md").is_file()


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_process_is_left_behind_after_kill_9_of_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for n in range(12):
        meeting(inputs, GOOD.replace("ĐTK", f"ĐTK {n}"), f"hop-{n}.yaml")
    process = subprocess.Popen(
        [sys.executable, "-m", "report_gen", "batch", inputs, "-o", tmp_path / "out",
         "-k", "news,notice", "-f", "html,pdf", "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 or not list((tmp_path / "out").rglob("news.html")):
            assert process.poll() is None and time.monotonic() < deadline
            workers = _descendants(process.pid)
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)  # the parent only, not its process group
        process.wait()
    deadline = time.monotonic() + 2
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "processes of the killed batch still alive after 2 s"


def test_two_concurrent_batches_on_one_folder_both_succeed(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for n in range(8):
        meeting(inputs, GOOD.replace("ĐTK", f"ĐTK {n}"), f"hop-{n}.yaml")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "report_gen", "batch", str(inputs), "-o", str(out),
            "-k", "news", "-f", "html,md", "-j", "1", "--force"]  # fmt: skip
    runs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]  # fmt: skip
    results = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
    assert [code for code, _ in results] == [0, 0], results
    clean = _batch(inputs, "-o", tmp_path / "clean", "-k", "news", "-f", "html,md")
    assert clean.returncode == 0
    drop = re.compile(r"\.report-gen-stamp\.json$")
    assert {k: v for k, v in _tree(out).items() if not drop.search(k)} == {
        k: v for k, v in _tree(tmp_path / "clean").items() if not drop.search(k)
    }


def test_stamp_covers_fonts_libraries_and_output_hashes(tmp_path: Path) -> None:
    from report_gen import batch

    versions = batch.library_versions()
    for library in ("fonttools", "pillow", "pydyf", "tinycss2", "cssselect2", "lxml"):
        assert versions.get(library), library
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "a.ttf").write_bytes(b"x")
    before = batch.fonts_digest([fonts])
    (fonts / "b.ttf").write_bytes(b"y")
    assert batch.fonts_digest([fonts]) != before

    inputs, out = tmp_path / "in", tmp_path / "out"
    meeting(inputs, GOOD)
    assert _batch(inputs, "-o", out, "-k", "news", "-f", "html").returncode == 0
    page = out / "hop" / "news.html"
    data = page.read_bytes()
    page.write_bytes(data[:-2] + b"X\n")  # same size, other bytes
    again = _batch(inputs, "-o", out, "-k", "news", "-f", "html")
    assert "đã soạn 1 hội nghị" in again.stdout, again.stdout
    assert page.read_bytes() == data


def test_loader_refuses_tags_outside_the_contract(tmp_path: Path) -> None:
    for text in (
        "a: !!set {b}\n",
        "a: !!omap [b: 1]\n",
        "a: !!python/tuple [1]\n",
        "a: !!str {b: 1}\n",
    ):
        source = tmp_path / "t.yaml"
        source.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as caught:
            load_file(source)
        assert "thẻ (tag)" in str(caught.value)


def test_resource_use_is_bounded_for_deep_aliases(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]" for n in range(1, 12)]
    source = tmp_path / "lol.yaml"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_file(source)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2_000_000
