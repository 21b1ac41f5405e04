"""What the phrasing layer costs: HTML rendering with it against the wording it replaced.

    .venv/bin/python benchmarks/phrasing.py [--count N] [--rounds R]

The baseline is the version-1 wording templates (benchmarks/baseline_templates/: fixed
wording, no phrasing layer) over today's document layout (header measured from its text,
no-break spaces), rendered by the same Jinja environment, filters and HTML writer on the
same synthetic meetings in the same run; the best of R interleaved rounds counts.

Two figures:
- HTML rendering of a meeting file, as `report-gen render -f html` does it in a warm
  process: read and validate the file, render news, report and notice, write the pages
  and fragments to disk. The target: the phrasing layer adds at most 5 % to this time.
- The template step alone (render() and the HTML writer, no file read or written), where
  the layer's share shows unmixed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from report_gen import forms
from report_gen.render import RenderedDoc, environment, render
from report_gen.render import _images as image_list
from report_gen.validate import LoadedMeeting, load_meeting
from report_gen.vietnamese import NAME_WORDS, lowerfirst
from report_gen.writers import get_writer


# The version-1 filters its templates use (the phrasing layer replaced them in the product).
def continue_sentence(text: str) -> str:
    """Let a user's sentence continue ours ("đồng chí … trân trọng ghi nhận …").

    The first letter is lowered only when the text does not start with a name: an
    abbreviation (UBND), a capitalised pair (Ban Dân vận) or a word that begins names.
    """
    words = text.split(maxsplit=2)
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 else ""
    if first.isupper() or first in NAME_WORDS or second[:1].isupper():
        return text
    return lowerfirst(text)


def first_mention(person: Any) -> str:
    """`đồng chí Lê Bình Nguyên, Phó Bí thư Thường trực Huyện ủy` (§6: name, then title)."""
    return f"đồng chí {person.name}, {person.title}"


def later_mention(person: Any) -> str:
    """`đồng chí Phó Bí thư Thường trực Huyện ủy`: later mentions give the title alone."""
    return f"đồng chí {person.title}"


def strip_meeting_word(name: str) -> str:
    """`Hội nghị sơ kết …` → `sơ kết …`, for headlines and summaries built from the name."""
    for word in ("Hội nghị ", "hội nghị "):
        if name.startswith(word):
            return name[len(word) :]
    return name


HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import generate  # noqa: E402

KINDS = ("news", "report", "notice")


def baseline_environment() -> jinja2.Environment:
    """The project's environment (filters, escaping) over the version-1 templates."""
    env = environment().overlay(loader=jinja2.FileSystemLoader(HERE / "baseline_templates"))
    env.filters.update(
        continue_sentence=continue_sentence,
        first_mention=first_mention,
        later_mention=later_mention,
        strip_meeting_word=strip_meeting_word,
    )
    return env


def render_baseline(env: jinja2.Environment, loaded: LoadedMeeting, kind: str) -> RenderedDoc:
    """What render() did before the phrasing layer: the fixed version-1 wording."""
    meeting = loaded.meeting
    style = meeting.style
    titles = env.get_template("parts/title.j2").module
    title = Markup(titles.title(meeting, kind, style)).unescape().strip()  # type: ignore[attr-defined]
    description = Markup(titles.description(meeting, kind)).unescape().strip()  # type: ignore[attr-defined]
    own = meeting.document.for_kind(kind)
    draft = kind != "news" and (own.number is None or own.date is None)
    body = env.get_template(f"{kind}.html.j2").render(
        {"m": meeting, "style": style, "kind": kind, "draft": draft}, title=title
    )
    if kind != "news":
        body = forms.nobreak_html(body)
    return RenderedDoc(
        kind=kind,
        style=style,
        title=title,
        description=description,
        body=body,
        loaded=loaded,
        images=image_list(loaded) if kind == "news" else (),
        draft=draft,
    )


def timed(paths: list[Path], step, out: Path | None = None) -> float:  # type: ignore[no-untyped-def]
    """Seconds to turn every meeting into HTML; with `out`, read from and written to disk."""
    write = get_writer("html")
    loaded = None if out else [load_meeting(p) for p in paths]
    start = time.perf_counter()
    for i, path in enumerate(paths):
        meeting = load_meeting(path) if loaded is None else loaded[i]
        for kind in KINDS:
            for name, data in write(step(meeting, kind)).items():
                if out is not None:
                    target = out / path.stem / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    env = baseline_environment()
    old_step = lambda m, k: render_baseline(env, m, k)  # noqa: E731
    results: dict[str, list[float]] = {"file new": [], "file old": [], "tpl new": [], "tpl old": []}
    with tempfile.TemporaryDirectory() as tmp:
        paths = sorted(generate(Path(tmp) / "meetings", args.count).rglob("hoi-nghi-*.yaml"))
        out = Path(tmp) / "out"
        for _ in range(args.rounds):  # interleaved, so that other load weighs on both alike
            results["file new"].append(timed(paths, render, out))
            results["file old"].append(timed(paths, old_step, out))
            results["tpl new"].append(timed(paths, render))
            results["tpl old"].append(timed(paths, old_step))
    best = {key: min(values) * 1000 / args.count for key, values in results.items()}
    print(f"HTML, {args.count} meetings (news, report, notice each), best of {args.rounds} rounds")
    print("ms per meeting               version 1   phrasing   ratio")
    for label, key in (("meeting file to HTML files", "file"), ("template step alone", "tpl")):
        new, old = best[f"{key} new"], best[f"{key} old"]
        print(f"{label:<28} {old:9.2f} {new:10.2f} {new / old:7.3f}")
    ratio = best["file new"] / best["file old"]
    verdict = "ĐẠT" if ratio <= 1.05 else "CHƯA ĐẠT"
    print(
        f"Target: the phrasing layer adds at most 5 % to HTML rendering time: "
        f"{(ratio - 1) * 100:+.1f} % {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
