"""Benchmark of `report-gen batch`, with its baselines measured in the same run.

    .venv/bin/python benchmarks/run.py            # about 6-8 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick    # a smoke run (N=12, no N=500)

What it measures, on synthetic meetings (benchmarks/synthetic.py; seeded, Vietnamese):

1. documents per second for every kind and format, with -j 1 and -j 2 (N meetings);
   end to end (the whole command) and steady (first to last document: start-up left out);
   PDF runs are made twice and the faster one counts;
2. a bare WeasyPrint render, `weasyprint.HTML(string=...).write_pdf()` fresh for each
   document, of the very HTML the PDF writer lays out (its stylesheets inlined), run in
   its own process right after each of the project's -j 1 PDF runs of the same kind (the
   faster of the two counts; the first render of a process, which loads fonts, is left
   out, as the project's start-up is from its steady figure);
3. a full run (every kind, default formats, -j 2) and a second, unchanged run of it;
4. peak memory, and the unchanged re-run again, of a PDF-heavy run (notice as docx and
   pdf, -j 2) at N and at BIG meetings: the largest process (wait4's ru_maxrss, which
   takes in the workers) and the sampled sum of RSS over the process tree. Only this
   run is made at BIG, to keep the whole benchmark within about 8 minutes;
5. `check` against `render` on a ~1 MB meeting file (benchmarks/check_vs_render.py): check
   must take at most twice what render takes (quick mode renders html and md only).
6. HTML rendering with the phrasing layer against the version-1 wording it replaced
   (benchmarks/phrasing.py): the layer may add at most 5 %.

It prints a table and the targets with the ratios found. All timing is wall-clock; other
load on the machine shows in the figures, so compare within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

KINDS = ("news", "report", "notice")
FORMATS = ("html", "md", "docx", "pdf")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MEMORY_OPTIONS = ("-k", "notice", "-f", "docx,pdf", "-j", "2")
PDF_REPEATS = 2


@dataclass
class Run:
    """One `report-gen batch` command: its wall time, progress line times, memory."""

    wall: float
    lines: list[float] = field(default_factory=list)  # arrival of each "[k/N]" line
    max_rss_mib: float = 0.0  # largest single process (parent or worker)
    tree_rss_mib: float = 0.0  # largest sampled sum over the process tree
    stdout: str = ""

    @property
    def docs(self) -> int:
        return len(self.lines)

    def steady_per_doc(self) -> float:
        """Seconds per document between the first and the last one done (start-up left out)."""
        if len(self.lines) < 2:
            return self.wall / max(1, self.docs)
        return (self.lines[-1] - self.lines[0]) / (len(self.lines) - 1)


def _descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


def _tree_rss(pid: int) -> int:
    total = 0
    for member in _descendants(pid):
        try:
            with open(f"/proc/{member}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
    return total


def batch(inputs: Path, outdir: Path, *options: str, sample: bool = False) -> Run:
    """Run the real command in a fresh process, as users do."""
    command = [sys.executable, "-m", "report_gen", "batch", str(inputs), "-o", str(outdir)]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    stop = threading.Event()

    def sampler() -> None:
        while not stop.wait(0.25):
            peak[0] = max(peak[0], _tree_rss(process.pid))

    thread = threading.Thread(target=sampler, daemon=True)
    if sample:
        thread.start()
    lines, out = [], []
    assert process.stdout is not None and process.stderr is not None
    for line in process.stdout:
        if line.startswith("["):
            lines.append(time.perf_counter())
        out.append(line)
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    stop.set()
    if sample:
        thread.join()
    if process.returncode != 0:
        raise SystemExit(f"report-gen batch {' '.join(options)} failed:\n{errors}")
    return Run(wall, lines, usage.ru_maxrss / 1024, peak[0] / 2**20, "".join(out))


BARE = r"""
import json, sys, time
from pathlib import Path
from report_gen.render import render
from report_gen.styles import css_text
from report_gen.validate import load_meeting
from report_gen.writers import pdf as pdf_writer
import weasyprint

kind, listing = sys.argv[1], sys.argv[2]
pages = []
for source in Path(listing).read_text(encoding="utf-8").splitlines():
    doc = render(load_meeting(Path(source)), kind)
    html = pdf_writer.html_document(doc).replace(
        "</head>", "<style>" + css_text(doc.kind, doc.style) + "</style>\n</head>", 1
    )
    pages.append((html, Path(source).resolve().parent.as_uri() + "/"))
times = []
for html, base in pages:
    start = time.perf_counter()
    weasyprint.HTML(string=html, base_url=base).write_pdf()
    times.append(time.perf_counter() - start)
print(json.dumps({"times": times}))
"""


def bare_weasyprint(kind: str, sources: list[Path], work: Path) -> list[float]:
    """Seconds per bare render, in one process rendering one document after another."""
    listing = work / f"bare-{kind}.txt"
    listing.write_text("\n".join(str(s) for s in sources), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", BARE, kind, str(listing)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"bare WeasyPrint run failed:\n{stderr}")
    return json.loads(stdout)["times"]  # type: ignore[no-any-return]


def meetings(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if p.name != "_defaults.yaml")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def verdict(ok: bool) -> str:
    return "ĐẠT" if ok else "CHƯA ĐẠT"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100, help="meetings for the main runs")
    parser.add_argument("--big", type=int, default=500, help="meetings for the memory run")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--quick", action="store_true", help="N=12, no big run: a smoke test")
    parser.add_argument("--work", type=Path, default=HERE / "out")
    args = parser.parse_args()
    if args.quick:
        args.n, args.big = 12, 0
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()

    small = synthetic.generate(work / f"inputs-{args.n}", args.n, args.seed)
    print(f"report-gen batch benchmark: {args.n} synthetic meetings (seed {args.seed}), "
          f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}")  # fmt: skip
    print("Timings are wall-clock; 'steady' leaves out start-up (first to last document).\n")

    # 1 and 2: every kind and format, -j 1 and -j 2; the bare WeasyPrint baseline per kind.
    rates: dict[tuple[str, str], dict[str, Run]] = {}
    bare: dict[str, list[float]] = {}
    for fmt in FORMATS:
        for kind in KINDS:
            runs: dict[str, Run] = {}
            # PDF runs are long enough for other load to matter: the faster of two counts,
            # for the project and for bare WeasyPrint alike.
            for _ in range(PDF_REPEATS if fmt == "pdf" else 1):
                for jobs in ("1", "2"):
                    out = work / f"out-{kind}-{fmt}-j{jobs}"
                    shutil.rmtree(out, ignore_errors=True)
                    run = batch(small, out, "-k", kind, "-f", fmt, "-j", jobs)
                    if jobs not in runs or run.wall < runs[jobs].wall:
                        runs[jobs] = run
                    if fmt == "pdf" and jobs == "1":
                        times = bare_weasyprint(kind, meetings(small), work)[1:]
                        if kind not in bare or statistics.fmean(times) < statistics.fmean(
                            bare[kind]
                        ):
                            bare[kind] = times  # the first render loads the fonts: left out
            rates[(kind, fmt)] = runs
            one, two = runs["1"], runs["2"]
            print(
                f"  {kind:<6} {fmt:<4}  -j1 {one.docs / one.wall:6.1f}/s"
                f"  -j2 {two.docs / two.wall:6.1f}/s",
                flush=True,
            )

    # 3: the full default run and its unchanged re-run.
    out = work / f"out-full-{args.n}"
    shutil.rmtree(out, ignore_errors=True)
    full = (batch(small, out, "-j", "2", sample=True), batch(small, out, "-j", "2", sample=True))
    print(f"  full run: {full[0].wall:.1f} s; unchanged re-run {full[1].wall:.2f} s", flush=True)

    # 4: memory (and the re-run again) at N and at BIG, on a PDF-heavy subset.
    memory: dict[int, tuple[Run, Run]] = {}
    for count in [args.n] + ([args.big] if args.big else []):
        inputs = small if count == args.n else synthetic.generate(work / f"inputs-{count}", count)
        out = work / f"out-memory-{count}"
        shutil.rmtree(out, ignore_errors=True)
        first = batch(inputs, out, *MEMORY_OPTIONS, sample=True)
        memory[count] = (first, batch(inputs, out, *MEMORY_OPTIONS, sample=True))
        print(f"  {' '.join(MEMORY_OPTIONS)}, {count} meetings: {first.wall:.1f} s", flush=True)

    # ----------------------------------------------------------------------- the table
    print("\nDocuments per second (end to end | steady), N =", args.n)
    print(f"{'kind':<7}{'fmt':<5}{'-j 1':>16}{'-j 2':>16}{'j2/j1':>14}")
    for (kind, fmt), runs in rates.items():
        one, two = runs["1"], runs["2"]
        e1, e2 = one.docs / one.wall, two.docs / two.wall
        s1, s2 = 1 / one.steady_per_doc(), 1 / two.steady_per_doc()
        print(
            f"{kind:<7}{fmt:<5}{e1:7.1f} |{s1:6.1f} {e2:7.1f} |{s2:6.1f}"
            f"{e2 / e1:7.2f} |{s2 / s1:5.2f}"
        )

    print("\nPDF, ms per document, -j 1, against a bare WeasyPrint call on the same HTML")
    print(f"{'kind':<7}{'bare':>8}{'project steady':>16}{'ratio':>7}{'end to end':>12}{'ratio':>7}")
    pdf_ok = True
    for kind in KINDS:
        bare_ms = statistics.fmean(bare[kind])
        one = rates[(kind, "pdf")]["1"]
        steady, whole = one.steady_per_doc(), one.wall / one.docs
        pdf_ok &= steady <= bare_ms
        print(
            f"{kind:<7}{ms(bare_ms)}{ms(steady):>16}{steady / bare_ms:7.2f}"
            f"{ms(whole):>12}{whole / bare_ms:7.2f}"
        )

    print("\nIncremental: a second, unchanged run (every meeting skipped)")
    print(f"{'run':<36}{'N':>5}{'first s':>9}{'re-run s':>10}{'ratio':>8}")
    reruns = [("full: every kind, default formats", args.n, *full)]
    reruns += [(" ".join(MEMORY_OPTIONS), n, *runs) for n, runs in memory.items()]
    for label, count, first, second in reruns:
        ratio = second.wall / first.wall
        print(f"{label:<36}{count:>5}{first.wall:9.2f}{second.wall:10.2f}{ratio:8.1%}")
        redone = re.search(r"đã soạn (\d+) hội nghị", second.stdout)
        if not redone or redone[1] != "0":
            print("  ^ the re-run rendered meetings again: was the program or a template "
                  "edited during the benchmark?")  # fmt: skip

    print("\nPeak memory, MiB (largest process: wait4 ru_maxrss; tree: sampled sum of RSS)")
    print(f"{'run':<36}{'N':>5}{'largest':>9}{'tree':>8}")
    peaks = [("full: every kind, default formats", args.n, full[0])]
    peaks += [(" ".join(MEMORY_OPTIONS), n, runs[0]) for n, runs in memory.items()]
    for label, count, run in peaks:
        print(f"{label:<36}{count:>5}{run.max_rss_mib:9.1f}{run.tree_rss_mib:8.1f}")
    if args.big:
        print(
            f"At N={args.big} only `{' '.join(MEMORY_OPTIONS)}` is run (and re-run), to keep "
            f"the benchmark short; every kind and format is measured at N={args.n}."
        )

    print("\nTargets")
    pdf_runs = [rates[(k, "pdf")] for k in KINDS]
    speedups = [r["1"].wall / r["2"].wall for r in pdf_runs]
    steady_up = [r["1"].steady_per_doc() / r["2"].steady_per_doc() for r in pdf_runs]
    print(f"  PDF per document no slower than bare WeasyPrint (steady, -j 1): "
          f"{verdict(pdf_ok)}")  # fmt: skip
    for label, ups in (("end to end", speedups), ("steady", steady_up)):
        listed = ", ".join(f"{k} {s:.2f}x" for k, s in zip(KINDS, ups, strict=True))
        print(f"  -j 2 >= 1.7x -j 1 (PDF, {label}): {listed} {verdict(min(ups) >= 1.7)}")
    worst = max(second.wall / first.wall for _, _, first, second in reruns)
    print(f"  unchanged re-run < 5% of the first run: worst {worst:.1%} {verdict(worst < 0.05)}")
    if args.big:
        small_run, big_run = memory[args.n][0], memory[args.big][0]
        grow = big_run.max_rss_mib / small_run.max_rss_mib
        grow_tree = big_run.tree_rss_mib / max(small_run.tree_rss_mib, 1e-9)
        print(f"  peak memory flat from N={args.n} to N={args.big} (within 10%): largest "
              f"process x{grow:.2f}, process tree x{grow_tree:.2f} "
              f"{verdict(grow <= 1.10 and grow_tree <= 1.10)}")  # fmt: skip
    # 5: check against render on a ~1 MB file (check must stay linear in its input).
    print()
    sys.stdout.flush()
    subprocess.run(
        [sys.executable, str(HERE / "check_vs_render.py"), "--work", str(work)]
        + ([] if args.quick else ["--full"]),
        check=False,
    )
    # 6: what the phrasing layer adds to HTML rendering, against the version-1 wording.
    print()
    sys.stdout.flush()
    subprocess.run(
        [sys.executable, str(HERE / "phrasing.py")]
        + (["--count", "30", "--rounds", "2"] if args.quick else []),
        check=False,
    )
    print(f"\nBenchmark time: {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
