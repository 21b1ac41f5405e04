"""The command line: instant help, skeleton, schema, exit status."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

HEAVY = ("weasyprint", "docx", "lxml", "pydantic", "jinja2", "yaml")


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from report_gen.cli import main\n"
        "for args in ([], ['--help'], ['render', '--help'], ['batch', '--help']):\n"
        "    result = CliRunner().invoke(main, args)\n"
        "    assert result.exit_code in (0, 2), result.output\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_is_vietnamese() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "Soạn tin bài, báo cáo và thông báo kết luận" in result.stdout


def test_schema_is_json_schema_of_the_contract() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert set(schema["required"]) == {"meeting", "chair", "achievements"}
    assert {
        "meeting",
        "chair",
        "achievements",
        "limitations",
        "directives",
        "tasks",
        "tasks_addressee",
        "co_chairs",
        "concluded_by",
        "article",
        "document",
    } == set(schema["properties"])


def test_check_writes_nothing(reference: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = run_cli("check", reference, cwd=tmp_path)
    assert result.returncode == 0 and "hợp lệ" in result.stdout
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_quiet_prints_only_errors(reference: Path, tmp_path: Path) -> None:
    result = run_cli("render", reference, "-o", tmp_path / "out", "-k", "news", "-q")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_a_file_without_documents_drafts_the_article_only(reference: Path, tmp_path: Path) -> None:
    text = reference.read_text("utf-8")
    reference.write_text(text[: text.index("\ndocument:")] + "\n", "utf-8")
    result = run_cli("render", reference, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out" / "reference-meeting").iterdir())
    assert written == ["chair.png", "news.fragment.html", "news.html", "news.md"]
    asked = run_cli("render", reference, "-o", tmp_path / "out2", "-k", "notice")
    assert asked.returncode == 1
    assert "document.issuer.name" in asked.stderr
    assert re.search(r"reference-meeting\.yaml:\d+:\d+: thiếu khóa", asked.stderr)
    assert not (tmp_path / "out2").exists()


def test_final_refuses_a_draft(reference: Path, tmp_path: Path) -> None:
    result = run_cli(
        "render", reference, "-o", tmp_path / "out", "-k", "notice", "-f", "html", "--final"
    )
    assert result.returncode == 1
    assert "document.number" in result.stderr and "document.date" in result.stderr
    assert "--final" in result.stderr
    assert not (tmp_path / "out").exists()
