"""A checker of the generated text: where the tool's words meet the user's.

It reads a rendered document as sentences and looks for what a portal editor or a
văn thư would rewrite at a seam: a phrase said twice, punctuation doubled, a capital
carried into mid-sentence or a name lower-cased, a meeting noun that is not the
meeting's, a generated subject glued to a user sentence without a verb, a sapo that
repeats the opening, a sentence that starts in lower case.

The user's own quirks are theirs: whatever the input itself says (in one value) is
never counted. Tests run it on every output of the corpus; `report-gen check` reports
what it finds as warnings at the input line of the value involved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import html as lxml_html

from report_gen.errors import InputError, Problem
from report_gen.loader import PathKey
from report_gen.model import MeetingFile, Person
from report_gen.phrasing import Phrasing
from report_gen.pipeline import default_kinds
from report_gen.render import render
from report_gen.validate import LoadedMeeting, check_for_documents
from report_gen.vietnamese import (
    ACK_VERBS,
    MEETING_NOUNS,
    NAME_WORDS,
    REQUEST_VERBS,
    TASK_VERBS,
    body_key,
    meeting_noun,
    opens_with,
    seam_lower,
    sentence,
    unsure_case,
)

# What may follow a person the text names: a verb of the tool's own sentences.
_AFTER_PERSON = (
    *ACK_VERBS,
    *REQUEST_VERBS,
    *TASK_VERBS,
    "chủ trì",
    "đồng chủ trì",
    "dự",
    "dự và chỉ đạo",
    "phát biểu",
    "kết luận",
    "trình bày",
    "có",
    "cũng",
    "giao",
    "tại",
    "đã",
    "đến",
    "và",
    "cùng",
    "đồng thời",
)
_PUNCTUATION = re.compile(
    r",\s*,|(?<!\.)\.\s*\.(?!\.)|\s+[,.;:](?!\.\.)|[,;:]\s*\.(?!\.\.)|\.,|::|  +"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_WORD = re.compile(r"\w+", re.UNICODE)
_DATE = re.compile(r"ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d+", re.IGNORECASE)
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_BLOCKS = ("h1", "h2", "p", "li", "figcaption")
# Running text, where a sentence starts with a capital (a Party trích yếu does not).
_RUNNING = frozenset(
    ["news-lead", "news-opening", "news-text", "li", "body-text", "body-text closing", "item"]
)


@dataclass(frozen=True, order=True)
class Seam:
    """One place to rewrite: what kind, the snippet, and the user's text it involves."""

    kind: str
    snippet: str
    near: str = ""

    @property
    def message(self) -> str:
        return f"{_MESSAGES[self.kind]}: “{self.snippet}”"


_MESSAGES = {
    "repeat": "cụm từ bị lặp ở chỗ nối",
    "punctuation": "dấu câu ở chỗ nối không đúng",
    "capital": "chữ hoa giữa câu ở chỗ nối",
    "name-lowered": "tên riêng bị viết thường",
    "noun": "gọi sai tên cuộc họp",
    "glue": "chủ ngữ nối với câu không có động từ",
    "lead": "sapo lặp lại câu mở đầu",
    "sentence-start": "câu bắt đầu bằng chữ thường",
}


def blocks(body: str) -> list[tuple[str, str]]:
    """Each block (headline, paragraph, list item, caption) of a rendered body: its class
    and its text."""
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    out = []
    for element in root.iter(*_BLOCKS):
        text = " ".join(element.text_content().replace("\u00a0", " ").replace("\u2060", "").split())
        if text:
            out.append((element.get("class") or element.tag, text))
    return out


def user_strings(m: MeetingFile) -> list[str]:
    """Every text the user wrote, each as one string."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(" ".join(value.split()))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    walk(m.model_dump(mode="json"))
    return found


def sentences(block: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(block) if s]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _ngrams(words: list[str], n: int) -> Iterator[tuple[str, ...]]:
    for i in range(len(words) - n + 1):
        yield tuple(words[i : i + n])


def _said_twice_in_one(phrase: tuple[str, ...], inputs: list[list[str]]) -> bool:
    return any(sum(1 for g in _ngrams(words, len(phrase)) if g == phrase) > 1 for words in inputs)


def _in_input(snippet: str, inputs: Iterable[str]) -> bool:
    key = " ".join(snippet.split())
    if isinstance(inputs, _Joined):
        return key in inputs.text
    return any(key in text for text in inputs)


class _Joined(list[str]):
    """The user's strings, also joined once, so that a look-up is one substring search."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts)
        self.text = "\n".join(texts)


class Checker:
    """The seams of one meeting's rendered texts."""

    def __init__(self, m: MeetingFile, style: str = "state") -> None:
        self.m = m
        self.p = Phrasing(m, style)
        self.inputs = _Joined(user_strings(m))
        self.input_words = [_words(t) for t in self.inputs]
        self.joined = "\n".join(self.inputs)
        prose = [*m.achievements, *m.limitations, *m.directives, *(t.text for t in m.tasks)]
        prose += [i.caption for i in m.article.images if i.caption]
        prose += [m.article.lead] if m.article.lead else []
        prose += [b for b in (m.document.for_kind(k).basis for k in ("report", "notice")) if b]
        self.paragraphs = [w for w in (t.split() for t in prose) if len(w) >= 10]
        # paragraphs the drafts set whole, as the user wrote them (no seam can be inside)
        self.user_blocks = {" ".join(sentence(t).split()) for t in prose}
        self.user_blocks |= {" ".join(t.split()) for t in prose}
        heads: dict[str, str] = {}  # names (Ban Dân vận …) whose lowered form would be a seam
        for text in self.inputs:
            words = text.split()
            if len(words) >= 2 and words[0] in NAME_WORDS and words[1][:1].isupper():
                head = " ".join(words[:2])
                heads.setdefault(head[:1].lower() + head[1:], text)
        self.names = [(low, text) for low, text in heads.items() if not _in_input(low, self.inputs)]
        self.interiors = list(dict.fromkeys(" ".join(w[3:-3]) for w in self.paragraphs))
        mt = m.meeting
        short = (mt.organizer, mt.period, mt.next_period, mt.topic, mt.location, mt.name)
        self.fields = [_words(f) for f in short if f]  # the fields glued into sentences
        self.people = [m.chair, *m.co_chairs, *([m.concluded_by] if m.concluded_by else [])]
        self.people += [a for a in m.meeting.attendees if isinstance(a, Person)]

    def check(self, body: str, kind: str) -> list[Seam]:
        found: list[Seam] = []
        parts = blocks(body)
        for cls, block in parts:
            if block in self.user_blocks:  # a user's paragraph set whole: no seam inside
                continue
            found += self._punctuation(block)
            found += self._nouns(block)
            found += self._names_lowered(block)
            for one in sentences(block):
                found += self._repeats(one)
                found += self._capitals(one)
                found += self._glue(one)
                if cls in _RUNNING:
                    found += self._sentence_start(one)
        if kind == "news" and len(parts) > 2:
            found += self._lead(parts[1][1], parts[2][1])
        return sorted(set(found))

    # --- each seam ---------------------------------------------------------------------

    def _punctuation(self, block: str) -> Iterator[Seam]:
        for match in _PUNCTUATION.finditer(block):
            around = block[max(match.start() - 12, 0) : match.end() + 12]
            if not any(match[0] in text for text in self.inputs) and not _in_input(
                around.strip(), self.inputs
            ):
                yield Seam("punctuation", around.strip())

    def _masked(self, sentence: str) -> str:
        """The sentence as the seams make it: people's titles out (an appositive title may
        repeat a body named elsewhere: “Chủ tịch UBND huyện … của UBND huyện”), and the
        inside of the user's paragraphs out (their own repeats are theirs); the first and
        last words of a paragraph stay, where it meets the tool's words."""
        for person in self.people:
            sentence = sentence.replace(person.title, "·")
        for interior in self.interiors:
            if interior in sentence:
                sentence = sentence.replace(interior, "⋯")
        return _DATE.sub("⋯", sentence)

    def _repeats(self, sentence: str) -> Iterator[Seam]:
        tokens = [t.lower() for t in _TOKEN.findall(self._masked(sentence))]
        for n in range(1, 9):  # adjacent: “kết quả kết quả”
            for i in range(len(tokens) - 2 * n + 1):
                run = tokens[i : i + 2 * n]
                if run[:n] != run[n:] or not all(t[0].isalnum() for t in run):
                    continue
                if not any(_contains(words, run) for words in self.input_words):
                    yield Seam("repeat", " ".join(run))
        words = [t for t in tokens if t[0].isalnum()]
        for field in self.fields:  # within a sentence: a whole field said twice
            twice = len(field) >= 2 and _count(words, field) > 1
            if twice and not _said_twice_in_one(tuple(field), self.input_words):
                yield Seam("repeat", " ".join(field))

    def _capitals(self, sentence: str) -> Iterator[Seam]:
        for person in self.people:  # a title after a name or “đồng chí” keeps its capitals
            sentence = sentence.replace(person.title, "·")
            sentence = sentence.replace(self.p.speaker(person).post, "·")
        for match in re.finditer(r"(?<=[\w,;]) (?=[A-ZÀ-Ỹ])", sentence):
            rest = sentence[match.end() :]
            before = sentence[: match.start()].split()
            if before and before[-1][:1].isupper():
                continue  # inside a name (“Ban Giám đốc”)
            opening = " ".join(rest.split()[:2])
            if seam_lower(rest) == rest or rest.split()[0].isupper():
                continue
            if any(text.startswith(opening) for text in self.inputs):  # a value's first word
                snippet = " ".join([*before[-2:], opening])
                if not _in_input(snippet, self.inputs):
                    yield Seam("capital", snippet)

    def _names_lowered(self, block: str) -> Iterator[Seam]:
        for lowered, text in self.names:
            if f" {lowered}" in block:
                yield Seam("name-lowered", lowered, text)

    def _nouns(self, block: str) -> Iterator[Seam]:
        ours = body_key(self.p.noun)
        for noun in MEETING_NOUNS:
            if noun in ("họp", "giao ban"):
                continue
            if (
                noun in block.lower()
                and body_key(meeting_noun(noun)) != ours
                and noun not in self.joined.lower()
                and not ours.endswith(noun)
            ):
                yield Seam("noun", noun)

    def _glue(self, sentence: str) -> Iterator[Seam]:
        mentions: list[str] = []
        for person in self.people:
            mentions += [f"đồng chí {person.name}, {person.title}", f"đồng chí {person.name}"]
            mentions.append(self.p.speaker(person).later)
        for mention in sorted(mentions, key=len, reverse=True):
            for start in _find_all(sentence.lower(), mention.lower()):
                after = sentence[start + len(mention) :].lstrip()
                if not after or not after[0].isalpha() or opens_with(after, _AFTER_PERSON):
                    continue
                snippet = sentence[start : start + len(mention)] + " " + " ".join(after.split()[:3])
                if not _in_input(snippet, self.inputs):
                    yield Seam("glue", snippet, after[:40])
                break

    def _sentence_start(self, sentence: str) -> Iterator[Seam]:
        first = sentence.lstrip('-–•*“"( 0123456789.)')
        if first[:1].islower() and not sentence.startswith(("- ", "– ")):
            snippet = " ".join(first.split()[:4])
            if not _in_input(snippet, self.inputs):
                yield Seam("sentence-start", snippet)

    def _lead(self, lead: str, opening: str) -> Iterator[Seam]:
        """The sapo said again: most of its words open the first paragraph in the same order."""
        a, b = _words(lead), _words(sentences(opening)[0] if opening else "")
        shared = _longest_common_run(a, b)
        if a and shared >= 0.6 * len(a):
            yield Seam("lead", " ".join(a[:12]))


def _longest_common_run(a: list[str], b: list[str]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _count(words: list[str], run: list[str]) -> int:
    n = len(run)
    return sum(1 for i in range(len(words) - n + 1) if words[i : i + n] == run)


def _contains(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


def _find_all(text: str, part: str) -> Iterator[int]:
    start = text.find(part)
    while start >= 0:
        yield start
        start = text.find(part, start + 1)


def warnings(loaded: LoadedMeeting) -> list[Problem]:
    """What `report-gen check` says of the drafts' text, located at the input value involved.

    Seams the generator could not settle itself, and values whose case it kept as written
    because it could not tell a common noun from a name.
    """
    m = loaded.meeting
    problems: list[Problem] = []
    checker = Checker(m, m.style)
    kinds = default_kinds(loaded)
    try:
        check_for_documents(loaded, kinds=kinds)
    except InputError:
        kinds = ("news",)  # render reports what the documents lack
    strings = _strings(loaded.located.data)
    for kind in kinds:
        for seam in checker.check(render(loaded, kind).body, kind):
            loc = _where(strings, seam.near or seam.snippet)
            pos = loaded.located.where(loc)
            problems.append(Problem(pos.path, pos.line, pos.column, f"cảnh báo: {seam.message}"))
    unsure: list[tuple[PathKey, object]] = [
        (("meeting", "attendees", i), a) for i, a in enumerate(m.meeting.attendees)
    ]
    unsure += [(("tasks", i, "assignee"), t.assignee) for i, t in enumerate(m.tasks)]
    for loc, value in unsure:
        if isinstance(value, str) and unsure_case(value):
            pos = loaded.located.where(loc)
            first = value.split()[0]
            problems.append(
                Problem(
                    pos.path,
                    pos.line,
                    pos.column,
                    f"cảnh báo: “{first}” được giữ chữ hoa ở giữa câu; nếu đây không phải "
                    "tên riêng, hãy viết thường chữ cái đầu",
                )
            )
    return sorted(set(problems))


def _strings(data: object, loc: PathKey = ()) -> list[tuple[PathKey, str]]:
    if isinstance(data, str):
        return [(loc, " ".join(data.split()))]
    if isinstance(data, dict):
        return [x for k, v in data.items() for x in _strings(v, (*loc, k))]
    if isinstance(data, list):
        return [x for i, v in enumerate(data) for x in _strings(v, (*loc, i))]
    return []


def _where(strings: list[tuple[PathKey, str]], text: str) -> PathKey:
    """The input value a seam involves: the one that shares most of its words."""
    words = set(_words(text))
    best: tuple[int, PathKey] = (0, ("meeting", "name"))
    for loc, value in strings:
        score = len(words & set(_words(value)))
        if score > best[0]:
            best = (score, loc)
    return best[1]
