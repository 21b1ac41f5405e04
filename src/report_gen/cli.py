"""The `report-gen` command line (described for users in docs/dong-lenh.md).

Only click is imported at start-up: every command imports what it needs when it runs,
so that `report-gen --help` stays instant.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from click.decorators import FC

from report_gen import __version__, i18n

i18n.install()  # click's own words (Usage, Options, errors) in Vietnamese

KIND_CHOICES = ("news", "report", "notice")
FORMAT_CHOICES = ("html", "md", "docx", "pdf")
EXIT_INVALID = 1
EXIT_INTERRUPTED = 130


def _list_option(
    short: str, long: str, allowed: tuple[str, ...], what: str, help: str, metavar: str
) -> Callable[[FC], FC]:
    """An option taking a comma list (`-k news,notice`) checked against `allowed`."""

    def convert(
        ctx: click.Context, param: click.Parameter, value: str | None
    ) -> tuple[str, ...] | None:
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

    def complete(
        ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[click.shell_completion.CompletionItem]:
        """Offer the values still missing after what is already typed (`news,<Tab>`)."""
        done, _, last = incomplete.rpartition(",")
        chosen = {v.strip() for v in done.split(",")} if done else set()
        prefix = done + "," if done else ""
        return [
            click.shell_completion.CompletionItem(prefix + value)
            for value in allowed
            if value.startswith(last) and value not in chosen
        ]

    return click.option(
        short, long, callback=convert, help=help, metavar=metavar, shell_complete=complete
    )


kinds_option = _list_option(
    "-k",
    "--kinds",
    KIND_CHOICES,
    "loại văn bản",
    "Loại văn bản, cách nhau bằng dấu phẩy: news, report, notice (mặc định: tất cả; "
    "chỉ tin bài nếu tệp chưa có mục document).",
    "LOẠI",
)
formats_option = _list_option(
    "-f",
    "--formats",
    FORMAT_CHOICES,
    "định dạng",
    "Định dạng, cách nhau bằng dấu phẩy: html, md, docx, pdf "
    "(mặc định: tin bài html, md; văn bản docx, pdf).",
    "ĐỊNH_DẠNG",
)
outdir_option = click.option(
    "-o",
    "--outdir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="THƯ_MỤC",
    default=Path("outputs"),
    show_default=True,
    help="Thư mục ghi kết quả.",
)
style_option = click.option(
    "--style",
    type=click.Choice(["party", "state"]),
    metavar="party|state",
    help="Thể thức: party (Hướng dẫn 36-HD/VPTW) hoặc state (Nghị định 30/2020/NĐ-CP).",
)
draft_option = click.option(
    "--draft/--final",
    default=True,
    help="--final từ chối văn bản chưa có số và ngày ký (mặc định: dự thảo).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Chỉ in lỗi.")
debug_option = click.option(
    "--debug",
    is_flag=True,
    help="Gặp lỗi ngoài dự kiến thì in toàn bộ vết lỗi (traceback) để báo người phát triển.",
)


class _Count(click.IntRange):
    name = "số nguyên"


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
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Hiện hướng dẫn này rồi thoát."
        return option


class _Command(_Vietnamese, click.Command):
    """A command that answers Ctrl-C with exit status 130 and a bug with one short line.

    With `--debug` the traceback of an unexpected failure is printed as well.
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("Đã dừng (Ctrl-C).", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # outside one input's work: still one Vietnamese line
            from report_gen.errors import explain

            lines, bug = explain(exc, None)
            for line in lines:
                click.echo(line, err=True)
            if bug and ctx.params.get("debug"):
                traceback.print_exception(exc)
            sys.exit(EXIT_INVALID)


class _Group(_Vietnamese, click.Group):
    command_class = _Command

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI_SỐ]...")
        super().__init__(*args, **kwargs)


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
@click.argument(
    "meetings", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP..."
)
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
    """Soạn văn bản cho từng tệp hội nghị TỆP."""
    from report_gen.pipeline import Job, run_with_notes

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
            outdir=target,
            kinds=kinds,
            formats=formats,
            style=style,  # type: ignore[arg-type]
            final=not draft,
        )
        ok, result = _guarded(source, debug, functools.partial(run_with_notes, job))
        if not ok or result is None:
            failed = True
            continue
        written, notes = result
        for path in written:
            _say(quiet, f"Đã ghi {path}")
        for note in notes:
            _say(quiet, f"Lưu ý: {note}")
    sys.exit(EXIT_INVALID if failed else 0)


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="THƯ_MỤC..."
)
@outdir_option
@kinds_option
@formats_option
@click.option(
    "-j",
    "--jobs",
    type=_Count(min=1),
    metavar="SỐ",
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
    """Soạn văn bản cho mọi tệp *.yaml và *.yml trong các THƯ_MỤC."""
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
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP...")
@click.option("--strict", is_flag=True, help="Coi cảnh báo như lỗi: còn cảnh báo thì thất bại.")
@style_option
@quiet_option
@debug_option
def check(
    files: tuple[Path, ...], strict: bool, style: str | None, quiet: bool, debug: bool
) -> None:
    """Kiểm tra các tệp hội nghị TỆP mà không ghi gì.

    Lỗi làm lệnh thất bại; cảnh báo (dấu câu, ngoặc kép, kiểu đặt dấu thanh, chữ tổ hợp,
    chỗ nối câu trong bản thảo, cách ghi quyền hạn ký và dòng “Lưu” khác thể thức, dòng
    phần đầu quá dài) chỉ được in ra để người soạn xem lại, trừ khi có --strict.
    """
    from report_gen.conventions import style_warnings
    from report_gen.errors import Problem
    from report_gen.lint import lint
    from report_gen.pipeline import check as check_for_render
    from report_gen.seams import warnings as prose_warnings
    from report_gen.validate import load_meeting

    def examine(source: Path) -> list[Problem]:
        loaded = load_meeting(source)
        check_for_render(loaded)  # what render asks of the default kinds, asked here too
        return sorted(
            set(lint(loaded.located))
            | set(prose_warnings(loaded))
            | set(style_warnings(loaded, style))  # type: ignore[arg-type]
        )

    failed = False
    for source in files:
        ok, warnings = _guarded(source, debug, functools.partial(examine, source))
        if not ok or warnings is None:
            failed = True
            continue
        if not quiet or strict:
            _report(warnings)
        if strict and warnings:
            failed = True
        _say(quiet, f"{source}: hợp lệ" + (f", {len(warnings)} cảnh báo" if warnings else ""))
    sys.exit(EXIT_INVALID if failed else 0)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="TỆP")
@quiet_option
@debug_option
def new(file: Path, quiet: bool, debug: bool) -> None:
    """Tạo tệp hội nghị mẫu TỆP, có chú thích hướng dẫn.

    Bên cạnh tệp, ghi thêm lược đồ report-gen.schema.json (nếu chưa có) để trình soạn
    thảo gợi ý khóa và báo lỗi ngay khi gõ.
    """
    import json

    from report_gen.output import write_atomic
    from report_gen.schema import SCHEMA_FILE, meeting_schema
    from report_gen.skeleton import skeleton

    def create() -> bool:
        if os.path.lexists(file):
            click.echo(f"{file}: tệp đã tồn tại, không ghi đè", err=True)
            return False
        write_atomic(file, skeleton().encode("utf-8"))
        schema_file = file.parent / SCHEMA_FILE
        if not schema_file.exists():
            text = json.dumps(meeting_schema(), ensure_ascii=False, indent=2) + "\n"
            write_atomic(schema_file, text.encode("utf-8"))
        return True

    ok, created = _guarded(file, debug, create)
    if not ok or not created:
        sys.exit(EXIT_INVALID)
    _say(quiet, f"Đã tạo {file}; điền thông tin rồi chạy: report-gen check {file}")


@main.command()
@debug_option
def schema(debug: bool) -> None:
    """In JSON Schema của tệp hội nghị."""

    def text() -> str:
        import json

        from report_gen.schema import meeting_schema

        return json.dumps(meeting_schema(), ensure_ascii=False, indent=2)

    ok, out = _guarded(None, debug, text)
    if not ok:
        sys.exit(EXIT_INVALID)
    click.echo(out)
