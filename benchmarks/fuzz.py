"""The large fuzz of issue 9: N mutated meeting files through check and render.

    .venv/bin/python benchmarks/fuzz.py            # 5,000 files
    .venv/bin/python benchmarks/fuzz.py -n 200     # quick

Each file is the reference meeting with 1 to 4 random edits (hostile snippets from
tests/fuzzing.py or random text). It counts tracebacks (an exception other than a
located input or output error), English messages, messages without their file, and
partial outputs (a failed render that left files). Every count must be 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzzing import GOOD, SNIPPETS, examine, mutate, scratch

ALPHABET = [chr(c) for c in range(0x20, 0x250)] + ["\n", "\t", "ệ", "ữ", "Đ", "\u0301", ":"]


def random_edit(rng: random.Random) -> tuple[int, int, int, str]:
    if rng.random() < 0.6:
        text = rng.choice(SNIPPETS)
    else:
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
    return rng.randint(0, 4), rng.randint(0, 10_000), rng.randint(0, 200), text


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lines = GOOD.splitlines()
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    started = time.monotonic()
    for n in range(args.n):
        edits = [random_edit(rng) for _ in range(rng.randint(1, 4))]
        with tempfile.TemporaryDirectory() as tmp:
            source = scratch(Path(tmp) / "in", mutate(lines, edits))
            verdict = examine(source, Path(tmp) / "out" / "hop")
        counts["rendered" if verdict.ok else "refused"] += 1
        for bug in verdict.bugs:
            kind = bug.split(":", 1)[0]
            kind = {"check": "traceback", "render": "traceback"}.get(kind, kind)
            counts[kind] += 1
            examples.setdefault(kind, bug)
        if (n + 1) % 500 == 0:
            print(f"{n + 1} tệp, {time.monotonic() - started:.0f} s: {dict(counts)}", flush=True)
    print(f"\n{args.n} tệp trong {time.monotonic() - started:.0f} s")
    for key in ("rendered", "refused", "traceback", "English or repr", "without location",
                "partial output", "render refused what check accepted", "split over lines"):  # fmt: skip
        print(f"  {key}: {counts.get(key, 0)}")
    for kind, bug in examples.items():
        print(f"  ví dụ {kind}: {bug[:240]}")
    bad = sum(v for k, v in counts.items() if k not in ("rendered", "refused"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
