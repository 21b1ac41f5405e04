"""The news article: every fact of the reference article, in all three web formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from lxml import html as lxml_html

from conftest import INPUTS, run_cli


def _squash(text: str) -> str:
    return " ".join(text.split())


def _render(source: Path, out: Path, *extra: str) -> Path:
    result = run_cli("render", source, "-o", out, "-k", "news", *extra)
    assert result.returncode == 0, result.stderr
    return out / source.stem


def _facts(source: Path) -> list[str]:
    """Every fact of the meeting file that the article must carry, as the user wrote it."""
    data = yaml.safe_load(source.read_text("utf-8"))
    facts = [*data["achievements"], *data.get("limitations", []), *data.get("directives", [])]
    for task in data.get("tasks", []):
        if isinstance(task, str):
            facts.append(task)
        else:
            facts += [task["text"], task["assignee"]]
    facts += [image["caption"] for image in data["article"].get("images", [])]
    facts += [data["article"]["author"], data["chair"]["name"], data["chair"]["title"]]
    return [_squash(f) for f in facts]


def _without_first_letter_case(fact: str, text: str) -> bool:
    """Sentences the article continues start lower-case ("… trân trọng ghi nhận …")."""
    return fact in text or (fact[:1].lower() + fact[1:]) in text


def test_reference_article_carries_every_fact(reference: Path, tmp_path: Path) -> None:
    folder = _render(reference, tmp_path / "out")
    page = (folder / "news.html").read_text("utf-8")
    text = _squash(lxml_html.fromstring(page).text_content())
    markdown = _squash((folder / "news.md").read_text("utf-8").replace("\\", ""))
    for fact in _facts(reference):
        assert _without_first_letter_case(fact, text), fact
        assert _without_first_letter_case(fact, markdown), fact
    # the author's initials close the article, right-aligned by its class
    fragment = lxml_html.fragment_fromstring((folder / "news.fragment.html").read_text("utf-8"))
    last = fragment.xpath("./*")[-1]
    assert last.get("class") == "news-author" and last.text_content() == "ĐTK"
    assert (folder / "chair.png").read_bytes() == (
        reference.parent / "images/chair.png"
    ).read_bytes()


def test_sapo_and_opening_say_when_who_where_once(reference: Path, tmp_path: Path) -> None:
    folder = _render(reference, tmp_path / "out")
    fragment = lxml_html.fragment_fromstring((folder / "news.fragment.html").read_text("utf-8"))
    lead = _squash(fragment.xpath("//p[@class='news-lead']")[0].text_content())
    opening = _squash(fragment.xpath("//p[@class='news-opening']")[0].text_content())
    both = f"{lead} {opening}"
    for fact in ("9/7", "Hội trường Huyện ủy", "Ban Thường vụ Huyện ủy", "Lê Bình Nguyên"):
        assert both.count(fact) == 1, fact
    assert "Phó Bí thư Thường trực Huyện ủy" in both and "dự và chỉ đạo" in both.lower()
    title = fragment.xpath("//h1[@class='news-title']")[0].text_content()
    assert (
        "ơ kết công tác dân vận và thực hiện Quy chế dân chủ ở cơ sở 6 tháng đầu năm 2019" in title
    )


def test_page_metadata(reference: Path, tmp_path: Path) -> None:
    folder = _render(reference, tmp_path / "out")
    root = lxml_html.fromstring((folder / "news.html").read_bytes())
    assert root.get("lang") == "vi"
    assert "ơ kết công tác dân vận" in root.findtext(".//title")
    og = {m.get("property"): m.get("content") for m in root.iter("meta") if m.get("property")}
    assert og["og:type"] == "article" and og["og:image"] == "chair.png"
    assert root.xpath("//meta[@name='description']/@content")[0]
    ld = json.loads(root.xpath("//script[@type='application/ld+json']")[0].text)
    assert ld["@type"] == "NewsArticle" and ld["datePublished"] == "2019-07-09"
    assert ld["author"]["name"] == "ĐTK"
    assert root.xpath("//style") and "news-title" in root.xpath("//style")[0].text


def test_empty_parts_are_left_out(tmp_path: Path) -> None:
    data = yaml.safe_load((INPUTS / "dang-uy-xa-giao-ban-quy-3-2025.yaml").read_text("utf-8"))
    data.pop("directives")
    data.pop("tasks")
    source = tmp_path / "bare.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    folder = _render(source, tmp_path / "out")
    fragment = (folder / "news.fragment.html").read_text("utf-8")
    assert "hạn chế" not in fragment  # no limitations in this meeting
    assert "news-tasks" not in fragment and "nhiệm vụ" not in fragment
    assert "Phát biểu chỉ đạo" not in fragment
    assert "<figure" not in fragment
    assert not re.search(r"<p[^>]*>\s*</p>", fragment)


def test_user_text_is_escaped_not_evaluated(reference: Path, tmp_path: Path) -> None:
    text = reference.read_text("utf-8").replace(
        "author: ĐTK", "author: \"<script>alert('x')</script> {{ 7*7 }} & Co\"\n  title: A & B <i>"
    )
    reference.write_text(text, "utf-8")
    folder = _render(reference, tmp_path / "out", "-f", "html,md")
    page = (folder / "news.html").read_text("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "{{ 7*7 }}" in page and "49" not in page.split("news-author")[1]
    assert "&amp; Co" in page
    assert "<title>A &amp; B &lt;i&gt;</title>" in page and "&amp;amp;" not in page
    ld = lxml_html.fromstring(page).xpath("//script[@type='application/ld+json']")[0].text
    assert "</script>" not in ld and json.loads(ld)["author"]["name"].startswith("<script>")
    markdown = (folder / "news.md").read_text("utf-8")
    assert "\\<script\\>" in markdown
