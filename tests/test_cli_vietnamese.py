"""The command line speaks Vietnamese, click's own words included; Ctrl-C, --debug, --strict."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import INPUTS, run_cli
from report_gen import cli, i18n

COMMANDS = sorted(cli.main.commands)
# Words of click's English messages; none may reach a user.
ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Error|Try|help|No such|Missing|Invalid|Show|default|"
    r"argument|option|value|for|the|is|not|and|exit|version|message|Got|extra)\b"
)


def _english(text: str) -> list[str]:
    # command, option and metavar names are the program's own identifiers, not English text
    text = re.sub(r"--?[a-z][a-z-]*|\b(report-gen|news|report|notice|html|md|docx|pdf)\b", "", text)
    text = re.sub(r"\b(party|state|document|YAML|JSON Schema|traceback|CPU|Ctrl-C)\b", "", text)
    return ENGLISH.findall(text)


def test_catalog_is_compiled_from_its_source() -> None:
    compiled = i18n.compile_mo(i18n.parse_po(i18n.PO.read_text("utf-8")))
    assert i18n.MO.read_bytes() == compiled, "run: python -m report_gen.i18n"
    catalog = i18n.translations()
    assert catalog.gettext("Usage:") == "Cách dùng:"
    assert catalog.ngettext("Got unexpected extra argument ({args})", "x", 2).startswith("Thừa")


@pytest.mark.parametrize("args", [[], ["--help"], *[[c, "--help"] for c in COMMANDS]])
def test_help_is_vietnamese_from_first_word_to_last(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == (2 if not args else 0), result.stderr  # bare: help, as an error
    text = result.stdout or result.stderr
    assert text.startswith("Cách dùng: report-gen")
    assert "Tùy chọn:" in text
    assert _english(text) == [], text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["render", "--bogus", "x.yaml"], "Không có tùy chọn “--bogus”"),
        (["render"], "Thiếu đối số"),
        (["batch", "-j", "x", "inputs"], "không phải là số nguyên hợp lệ"),
        (["render", "-k", "tin", "x.yaml"], "loại văn bản không hợp lệ: tin"),
        (["render", "--style", "dang", "x.yaml"], "Giá trị không hợp lệ"),
        (["renderr"], "Không có lệnh “renderr”"),
        (["check", "a.yaml", "--strict=1"], "không nhận giá trị"),
    ],
)
def test_usage_errors_are_vietnamese(args: list[str], expected: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Lỗi: " in result.stderr
    if "--strict=1" not in args:  # click gives that one error no usage line
        assert result.stderr.startswith("Cách dùng: report-gen")
        assert "để xem hướng dẫn" in result.stderr
    assert _english(result.stderr) == [], result.stderr


def _raising(monkeypatch: pytest.MonkeyPatch, name: str, exc: BaseException) -> None:
    def callback(**kwargs: Any) -> None:
        raise exc

    monkeypatch.setattr(cli.main.commands[name], "callback", callback)


@pytest.mark.parametrize("name", COMMANDS)
def test_ctrl_c_exits_130_from_every_command(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _raising(monkeypatch, name, KeyboardInterrupt())
    args = {"new": ["x.yaml"], "schema": []}.get(name, ["x.yaml"])
    result = CliRunner().invoke(cli.main, [name, *args])
    assert result.exit_code == 130, result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_debug_shows_the_traceback_of_a_bug(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _raising(monkeypatch, name, RuntimeError("hỏng"))
    args = [] if name == "schema" else ["x.yaml"]
    short = CliRunner().invoke(cli.main, [name, *args])
    assert short.exit_code == 1
    assert "Traceback" not in short.output
    assert short.output.strip().count("\n") == 0 and "--debug" in short.output
    full = CliRunner().invoke(cli.main, [name, *args, "--debug"])
    assert full.exit_code == 1
    assert "Traceback" in full.output and "RuntimeError: hỏng" in full.output


def test_check_strict_fails_on_warnings() -> None:
    source = INPUTS / "reference-meeting.yaml"  # the article's own quirks give warnings
    relaxed = run_cli("check", source)
    assert relaxed.returncode == 0 and "cảnh báo" in relaxed.stdout
    strict = run_cli("check", "--strict", source)
    assert strict.returncode == 1 and "dấu phẩy lặp lại" in strict.stderr
    clean = run_cli("check", "--strict", INPUTS / "ubnd-tong-ket-cai-cach-hanh-chinh-2024.yaml")
    assert clean.returncode == 0, clean.stderr


@pytest.mark.parametrize(
    ("args", "incomplete", "expected"),
    [
        (["render", "x.yaml", "-k"], "", ["news", "report", "notice"]),
        (["render", "x.yaml", "-k"], "n", ["news", "notice"]),
        (["render", "x.yaml", "-k"], "news,", ["news,report", "news,notice"]),
        (["batch", "in", "-f"], "d", ["docx"]),
        (["batch", "in", "--formats"], "html,p", ["html,pdf"]),
    ],
)
def test_shell_completion_of_kinds_and_formats(
    args: list[str], incomplete: str, expected: list[str]
) -> None:
    from click.shell_completion import ShellComplete

    completion = ShellComplete(cli.main, {}, "report-gen", "_REPORT_GEN_COMPLETE")
    found = [item.value for item in completion.get_completions(args, incomplete)]
    assert found == expected


def test_bash_completion_script_is_offered(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "_REPORT_GEN_COMPLETE": "bash_source"}
    code = "import sys; from report_gen.cli import main; main(prog_name='report-gen')"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "_report_gen_completion" in out.stdout
