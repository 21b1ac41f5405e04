"""`check` against `render` on a meeting file of about 1 MB (issue 9: check must be linear).

    .venv/bin/python benchmarks/check_vs_render.py           # render: the article, html and md
    .venv/bin/python benchmarks/check_vs_render.py --full    # render: every default output

The file is the reference meeting with paragraphs added up to ~1 MB, among them what made
`check` quadratic before: folded lines starting “, x” and a run of 100,000 spaces before a
comma. The target: `check` takes at most twice what `render` takes on the same file.
Quick mode renders the fastest outputs only (html, md), which makes the target harder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "inputs" / "reference-meeting.yaml"
SIZE = 1_000_000
PARAGRAPH = (
    "Ban Thường vụ Huyện ủy đã lãnh đạo, chỉ đạo các cấp ủy, chính quyền , mặt trận và các "
    "đoàn thể thực hiện tốt công tác dân vận , hoà giải ở cơ sở, góp phần giữ vững ổn định "
    "chính trị, phát triển kinh tế - xã hội của địa phương."
)


def big_meeting(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REFERENCE.parent / "images", folder / "images", dirs_exist_ok=True)
    text = REFERENCE.read_text(encoding="utf-8")
    extra = ["  - >-\n    Mở đầu\n" + "    , x\n" * 20_000, '  - "a' + " " * 100_000 + ', b"\n']
    size = len(text.encode()) + sum(len(e.encode()) for e in extra)
    n = 0
    while size < SIZE - 2_000:
        line = f"  - {PARAGRAPH} (ý {n})\n"
        extra.append(line)
        size += len(line.encode())
        n += 1
    source = folder / "lon.yaml"
    source.write_text(text.replace("achievements:\n", "achievements:\n" + "".join(extra), 1))
    return source


def timed(*args: str | Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "report_gen", *map(str, args)], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true", help="render every default output")
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()
    source = big_meeting(args.work / "check-vs-render")
    out = args.work / "check-vs-render-out"
    shutil.rmtree(out, ignore_errors=True)
    options = [] if args.full else ["-k", "news", "-f", "html,md"]
    check = min(timed("check", "-q", source) for _ in range(2))
    render = min(timed("render", "-q", source, "-o", out, *options) for _ in range(2))
    ratio = check / render
    what = "mọi kết quả mặc định" if args.full else "tin bài html, md"
    print(f"check vs render, tệp {source.stat().st_size:,} byte ({what}):")
    print(
        f"  check  {check:6.2f} s\n  render {render:6.2f} s\n  tỉ lệ  {ratio:6.2f} (mục tiêu ≤ 2)"
    )
    print("  " + ("ĐẠT" if ratio <= 2 else "KHÔNG ĐẠT"))
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
