"""The `report-gen` command line (contract: shared/docs/cli.md).

Only click is imported at start-up: every command imports what it needs when it runs,
so that `report-gen --help` stays instant.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from report_gen import __version__

KIND_CHOICES = ("news", "report", "notice")
FORMAT_CHOICES = ("html", "md", "docx", "pdf")
EXIT_INVALID = 1


def _list_option(short: str, long: str, allowed: tuple[str, ...], what: str, help: str):  # type: ignore[no-untyped-def]
    """An option taking a comma list (`-k news,notice`) checked against `allowed`."""

    def convert(ctx: click.Context, param: click.Parameter, value: str | None):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        items = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
        unknown = [v for v in items if v not in allowed]
        if unknown or not items:
            raise click.BadParameter(
                f"{what} không hợp lệ: {', '.join(unknown) or '(trống)'}; "
                f"chọn trong: {', '.join(allowed)}"
            )
        return items

    return click.option(short, long, callback=convert, help=help)


kinds_option = _list_option(
    "-k",
    "--kinds",
    KIND_CHOICES,
    "loại văn bản",
    "Loại văn bản, cách nhau bằng dấu phẩy: news, report, notice (mặc định: tất cả; "
    "chỉ tin bài nếu tệp chưa có mục document).",
)
formats_option = _list_option(
    "-f",
    "--formats",
    FORMAT_CHOICES,
    "định dạng",
    "Định dạng, cách nhau bằng dấu phẩy: html, md, docx, pdf "
    "(mặc định: tin bài html, md; văn bản docx, pdf).",
)
outdir_option = click.option(
    "-o",
    "--outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Thư mục ghi kết quả.",
)
style_option = click.option(
    "--style",
    type=click.Choice(["party", "state"]),
    help="Thể thức: party (Hướng dẫn 36-HD/VPTW) hoặc state (Nghị định 30/2020/NĐ-CP).",
)
draft_option = click.option(
    "--draft/--final",
    default=True,
    help="--final từ chối văn bản chưa có số và ngày ký (mặc định: dự thảo).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Chỉ in lỗi.")
debug_option = click.option(
    "--debug", is_flag=True, help="Khi có lỗi nội bộ, in thêm chi tiết kỹ thuật (traceback)."
)

T = TypeVar("T")


def _guarded(source: Path | None, debug: bool, action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run one command's work on one input: every failure becomes located Vietnamese lines.

    A bug says so in one line; its traceback is printed under --debug only.
    """
    from report_gen.errors import explain

    try:
        return True, action()
    except Exception as exc:
        lines, bug = explain(exc, source)
        for line in lines:
            click.echo(line, err=True)
        if bug and debug:
            traceback.print_exception(exc)
        return False, None


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        click.echo(message)


def _report(problems: object) -> None:
    for problem in problems:  # type: ignore[attr-defined]
        click.echo(str(problem), err=True)


class _Vietnamese:
    """Click's own help option, worded in Vietnamese like everything else users read."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Hiện hướng dẫn này rồi thoát."
        return option


class _Command(_Vietnamese, click.Command):
    pass


class _Group(_Vietnamese, click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    "-V",
    "--version",
    message="report-gen %(version)s",
    help="Hiện phiên bản rồi thoát.",
)
def main() -> None:
    """Soạn tin bài, báo cáo và thông báo kết luận hội nghị từ một tệp YAML."""


@main.command()
@click.argument("meetings", nargs=-1, required=True, type=click.Path(path_type=Path))
@outdir_option
@kinds_option
@formats_option
@style_option
@draft_option
@quiet_option
@debug_option
def render(
    meetings: tuple[Path, ...],
    outdir: Path,
    kinds: tuple[str, ...] | None,
    formats: tuple[str, ...] | None,
    style: str | None,
    draft: bool,
    quiet: bool,
    debug: bool,
) -> None:
    """Soạn văn bản cho từng tệp hội nghị MEETINGS."""
    from report_gen.pipeline import Job, run

    failed = False
    claimed: dict[Path, Path] = {}  # output folder: the input that writes it
    for source in meetings:
        target = outdir / source.stem
        if target in claimed:
            if os.path.abspath(claimed[target]) != os.path.abspath(source):
                click.echo(
                    f"{source}: trùng thư mục kết quả {target} với {claimed[target]}; "
                    "không soạn tệp này, hãy đổi tên một trong hai tệp",
                    err=True,
                )
                failed = True
            continue
        claimed[target] = source
        job = Job(
            source=source,
            outdir=outdir / source.stem,
            kinds=kinds,
            formats=formats,
            style=style,  # type: ignore[arg-type]
            final=not draft,
        )
        ok, written = _guarded(source, debug, lambda job=job: run(job))
        if not ok or written is None:
            failed = True
            continue
        for path in written:
            _say(quiet, f"Đã ghi {path}")
    sys.exit(EXIT_INVALID if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@outdir_option
@kinds_option
@formats_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 1,
    show_default="số lõi CPU",
    help="Số tiến trình chạy song song.",
)
@click.option("--force", is_flag=True, help="Soạn lại cả những hội nghị đã có kết quả mới nhất.")
@style_option
@draft_option
@quiet_option
@debug_option
def batch(
    paths: tuple[Path, ...],
    outdir: Path,
    kinds: tuple[str, ...] | None,
    formats: tuple[str, ...] | None,
    jobs: int,
    force: bool,
    style: str | None,
    draft: bool,
    quiet: bool,
    debug: bool,
) -> None:
    """Soạn văn bản cho mọi tệp *.yaml và *.yml trong các thư mục PATHS."""
    from report_gen.batch import run_batch

    ok, done = _guarded(
        None,
        debug,
        lambda: run_batch(
            paths,
            outdir=outdir,
            kinds=kinds,
            formats=formats,
            jobs=jobs,
            force=force,
            quiet=quiet,
            style=style,
            final=not draft,
            debug=debug,
        ),
    )
    sys.exit(0 if ok and done else EXIT_INVALID)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@quiet_option
@debug_option
def check(files: tuple[Path, ...], quiet: bool, debug: bool) -> None:
    """Kiểm tra các tệp hội nghị mà không ghi gì.

    Lỗi làm lệnh thất bại; cảnh báo (dấu câu, ngoặc kép, kiểu đặt dấu thanh, chữ tổ hợp)
    chỉ được in ra để người soạn xem lại.
    """
    from report_gen.lint import lint
    from report_gen.pipeline import check as check_for_render
    from report_gen.validate import load_meeting

    def examine(source: Path) -> list[object]:
        loaded = load_meeting(source)
        check_for_render(loaded)  # what render asks of the default kinds, asked here too
        return lint(loaded.located)  # type: ignore[return-value]

    failed = False
    for source in files:
        ok, warnings = _guarded(source, debug, lambda source=source: examine(source))
        if not ok or warnings is None:
            failed = True
            continue
        if not quiet:
            _report(warnings)
        _say(quiet, f"{source}: hợp lệ" + (f", {len(warnings)} cảnh báo" if warnings else ""))
    sys.exit(EXIT_INVALID if failed else 0)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@debug_option
def new(file: Path, debug: bool) -> None:
    """Tạo tệp hội nghị mẫu FILE, có chú thích hướng dẫn."""
    from report_gen.output import write_atomic
    from report_gen.resources import templates_dir

    def create() -> bool:
        if os.path.lexists(file):
            click.echo(f"{file}: tệp đã tồn tại, không ghi đè", err=True)
            return False
        write_atomic(file, (templates_dir() / "skeleton.yaml").read_bytes())
        return True

    ok, created = _guarded(file, debug, create)
    if not ok or not created:
        sys.exit(EXIT_INVALID)
    click.echo(f"Đã tạo {file}; điền thông tin rồi chạy: report-gen check {file}")


@main.command()
@debug_option
def schema(debug: bool) -> None:
    """In JSON Schema của tệp hội nghị."""

    def text() -> str:
        import json

        from report_gen.model import MeetingFile

        return json.dumps(MeetingFile.model_json_schema(), ensure_ascii=False, indent=2)

    ok, out = _guarded(None, debug, text)
    if not ok:
        sys.exit(EXIT_INVALID)
    click.echo(out)
