"""The corpus of real meetings (tests/corpus/, each written from one published article):
no seam in any output, every fact in every output, and what an editor would write.

The corpus is never edited to make a test pass: the generator is.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from report_gen.pipeline import default_kinds
from report_gen.render import render
from report_gen.seams import Checker
from report_gen.validate import LoadedMeeting, check_for_documents, load_meeting
from report_gen.vietnamese import CONNECTIVES, opens_with

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.yaml"))
MEETINGS = CORPUS + sorted((ROOT / "inputs").glob("*.yaml"))
EXPECTED = yaml.safe_load((ROOT / "tests" / "corpus-expected.yaml").read_text("utf-8"))


def _id(path: Path) -> str:
    return path.stem


def _kinds(loaded: LoadedMeeting) -> tuple[str, ...]:
    """The kinds `render` drafts by default, checked as `render` checks them."""
    kinds = default_kinds(loaded)
    check_for_documents(loaded, kinds=kinds)
    return kinds


def _text(body: str) -> str:
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    return " ".join(root.text_content().replace("\u00a0", " ").replace("\u2060", "").split())


def _flat(text: str) -> str:
    """Spacing folded and the first letter free: a user's sentence may continue ours."""
    text = " ".join(text.split())
    return text[1:] if text else text


def _after_connective(text: str) -> str:
    found = opens_with(text, CONNECTIVES)
    return text[len(found) :].lstrip(" ,") if found else text


def test_the_corpus_is_large_and_sourced() -> None:
    assert len(CORPUS) >= 30
    for path in CORPUS:
        head = path.read_text("utf-8").splitlines()[0]
        assert re.match(r"# source: https?://", head), path.name
        assert path.with_suffix(".article.txt").is_file(), path.name


@pytest.mark.parametrize("source", MEETINGS, ids=_id)
def test_no_seam_in_any_output(source: Path) -> None:
    loaded = load_meeting(source)
    checker = Checker(loaded.meeting, loaded.meeting.style)
    found = {}
    for kind in _kinds(loaded):
        for style in ("party", "state") if kind != "news" else (loaded.meeting.style,):
            seams = checker.check(render(loaded, kind, style).body, kind)
            if seams:
                found[f"{kind}/{style}"] = [s.message for s in seams]
    assert not found


@pytest.mark.parametrize("source", MEETINGS, ids=_id)
def test_every_fact_reaches_every_output(source: Path) -> None:
    loaded = load_meeting(source)
    m = loaded.meeting
    for kind in _kinds(loaded):
        text = _text(render(loaded, kind).body)
        # a directive's leading connective (“Đồng thời, …”) stands before the speaker
        directives = [_after_connective(d) for d in m.directives]
        facts = [*m.achievements, *m.limitations, *directives]
        if kind != "report" or m.directives:  # a report names the chair only with their words
            facts.append((m.concluded_by or m.chair).name)
        facts += [t.text.rstrip(".") for t in m.tasks]
        facts += [t.assignee for t in m.tasks if t.assignee]
        if kind == "news":
            facts += [p.name for p in m.co_chairs]
            facts += [a if isinstance(a, str) else a.name for a in m.meeting.attendees]
            facts += [i.caption for i in m.article.images if i.caption]
            if m.meeting.location:
                facts.append(m.meeting.location)
        missing = [f[:60] for f in facts if _flat(f.rstrip(".;")) not in text]
        assert not missing, kind


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_what_an_editor_would_write(name: str) -> None:
    """Key connective sentences, as a portal editor or a văn thư wrote them for that meeting."""
    source = next(p for p in MEETINGS if p.stem == name)
    loaded = load_meeting(source)
    for kind, expected in EXPECTED[name].items():
        doc = render(loaded, kind)
        text = _text(doc.body)
        for sentence in expected.get("contains", []):
            assert sentence in text, f"{kind}: {sentence}"
        for phrase in expected.get("absent", []):
            assert phrase not in text, f"{kind}: {phrase}"
        if "title" in expected:
            assert doc.title == expected["title"]


SLOTS = ("sapo", "chair", "attendees", "limitations", "speech", "tasks", "closing")


def test_a_batch_does_not_read_alike(tmp_path: Path) -> None:
    """200 synthetic meetings: each connective slot uses at least three phrasings, none more
    than half the time; rendering again gives the same text."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    root = generate(tmp_path / "meetings", 200)
    used: dict[str, Counter[int]] = {slot: Counter() for slot in SLOTS}
    for path in sorted(root.rglob("hoi-nghi-*.yaml")):
        loaded = load_meeting(path)
        seen: dict[str, int] = {}
        for kind in ("news", "notice", "report"):
            doc = render(loaded, kind)
            assert render(load_meeting(path), kind).body == doc.body
            for slot, choice in doc.choices.items():
                if slot in SLOTS and slot not in seen:
                    seen[slot] = choice
        for slot, choice in seen.items():
            used[slot][choice] += 1
    for slot, counts in used.items():
        total = sum(counts.values())
        assert len(counts) >= 3, (slot, counts)
        assert max(counts.values()) <= total / 2, (slot, counts)
