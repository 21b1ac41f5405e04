"""How each connective sentence fits this meeting: the layer between model and templates.

The templates hold the wording (templates/parts/phrases.j2 has every variant of every
connective slot); this module decides what the wording is made of, so that a field is
never glued to another that already says the same thing:

- the meeting's own noun (a Phiên họp is never called “Hội nghị”);
- the event, the reviewed subject, the period and the next period, each said once;
- people: first mention with the full title, later mentions by the leading post,
  attendees grouped (“các đồng chí: A, chức vụ; B, chức vụ; cùng …”);
- directives sorted by what they are (acknowledgement, request, statement), each with a
  frame that gives a verb to the subject;
- tasks in the user's order, each with its assignee and a deadline in the register of
  the text (news or document).

A slot's variant is picked from the meeting's own content (a hash), so a batch does not
read alike while the same input always gives the same bytes. Language rules (closed word
lists, case at seams) live in vietnamese.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from report_gen.model import MeetingFile, Person, Task
from report_gen.vietnamese import (
    ACK_VERBS,
    CONNECTIVES,
    REQUEST_VERBS,
    TASK_VERBS,
    VERBS,
    body_key,
    capfirst,
    directive_kind,
    ends_closed,
    join_vi,
    lowerfirst,
    meeting_noun,
    mentions,
    opens_with,
    opens_with_verb,
    seam_lower,
    shares_run,
    strip_body,
    strip_noun,
    strip_tail,
    without_end,
)

# First words of a post in a title (“Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh”): a comma
# part that begins otherwise continues the previous post (“Sở Văn hóa, Thể thao và Du lịch”).
_POST_WORDS = frozenset(
    [
        "Bí",
        "Phó",
        "Chủ",
        "Giám",
        "Trưởng",
        "Ủy",
        "Uỷ",
        "Chánh",
        "Tổng",
        "Hiệu",
        "Thứ",
        "Bộ",
        "Đại",
        "Thường",
        "Viện",
        "Thủ",
        "Chỉ",
        "Tư",
        "Chính",
        "Bác",
        "Kế",
        "Thư",
        "Quyền",
        "Nguyên",
        "Hội",
        "Cục",
        "Chi",
        "Ban",
    ]
)
# Posts that are memberships, not the post the person acts in.
_MEMBERSHIPS = (
    "ủy viên",
    "uỷ viên",
    "tỉnh ủy viên",
    "thành ủy viên",
    "huyện ủy viên",
    "quận ủy viên",
    "thị ủy viên",
    "đảng ủy viên",
    "uvbtv",
    "uvbch",
    "tuv",
    "huv",
    "đại biểu quốc hội",
    "đại biểu hđnd",
)

_SHORT_FORMS = frozenset(["ubnd", "hđnd", "mttq", "ubmttq", "bch", "btv"])

# Activities a meeting name opens with after its noun (“Hội nghị sơ kết …”).
ACTIVITIES = (
    "sơ kết",
    "tổng kết",
    "triển khai",
    "đánh giá",
    "quán triệt",
    "giao ban",
    "góp ý",
    "thông qua",
    "học tập",
    "bàn",
    "trao đổi",
    "lấy ý kiến",
    "chất vấn",
    "kiểm điểm",
    "rà soát",
    "công bố",
    "tập huấn",
    "thảo luận",
    "cho ý kiến",
    "xem xét",
)
# The part of a review that names its activity, not its subject.
_REVIEW_VERBS = ("sơ kết", "tổng kết", "đánh giá", "giao ban")


def posts(title: str) -> list[str]:
    """The posts of a title, split at commas (or dashes) that begin a new post."""
    parts: list[str] = []
    for part in re.split(r", | [–-] ", title):
        first = part.split(maxsplit=1)[0] if part.split() else ""
        if parts and first not in _POST_WORDS:
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    return parts


def leading_post(person: Person, bodies: Sequence[str] = ()) -> str:
    """The post a later mention uses: the one tied to this meeting's body, else the first
    that is not a mere membership (“Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy” →
    “Bí thư Huyện ủy”)."""
    candidates = posts(person.title)
    acting = [p for p in candidates if not opens_with(p, _MEMBERSHIPS)] or candidates
    for body in bodies:
        for post in acting:
            if body and (mentions(post, body) or _names_body(post, body)):
                return post
    return acting[0]


def _names_body(post: str, body: str) -> bool:
    """“Chủ tịch UBND tỉnh” names “UBND tỉnh Quảng Nam”, “Chủ tịch HĐND” names “Thường trực
    HĐND tỉnh”: the post ends with the body's head, or with an acronym the body holds."""
    words, key = body_key(post).split(), body_key(body)
    # a tail that names a body: one of its words is a name (capital) or a body's short form
    names = {w.lower() for w in post.split()[1:] if w[:1].isupper()} | _SHORT_FORMS
    for k in range(1, len(words) - 1):
        tail = words[k:]
        if len(tail) >= 2 and " ".join(tail) in key and names & set(tail):
            return True
    last = post.split()[-1] if post.split() else ""
    return len(last) > 1 and last.isupper() and last.lower() in key.split()


@dataclass(frozen=True)
class Speaker:
    """A person the text names: in full the first time, by the leading post later."""

    person: Person
    post: str

    @property
    def first(self) -> str:
        return f"đồng chí {self.person.name}, {self.person.title}"

    @property
    def later(self) -> str:
        return f"đồng chí {self.post}"

    @property
    def name(self) -> str:
        return self.person.name


@dataclass(frozen=True)
class Directive:
    """One of the concluder's statements, and how it may follow a subject."""

    text: str
    kind: str  # "ack", "request" or "statement"
    verb: bool  # opens with a verb: it continues “đồng chí X …”

    def after(self, subject: str, frame: str = "nhấn mạnh") -> str:
        """`đồng chí X đề nghị …`: a reporting verb continues the subject; a task verb gets
        “đề nghị”; anything else its own frame (“… nhấn mạnh: Năm 2026 là …”). A leading
        connective (“Đồng thời, …”) stays in front."""
        end = "" if ends_closed(self.text) else "."  # our sentence ends even if the text does not
        connective = opens_with(self.text, CONNECTIVES)
        text = self.text
        if connective:
            text = text[len(connective) :].lstrip(" ,")
            subject = lowerfirst(subject)
        continues = not connective and text[:1].islower()  # written to follow a subject
        if continues or opens_with(text, ACK_VERBS + REQUEST_VERBS):
            said = f"{subject} {lowerfirst(text)}"
        elif opens_with(text, TASK_VERBS):
            said = f"{subject} đề nghị {lowerfirst(text)}"
        else:
            said = f"{subject} {frame}: {text}"
        if connective:
            said = f"{capfirst(connective)}, {said}"
        return f"{said}{end}"


@dataclass(frozen=True)
class TaskLine:
    """One task with its assignee and deadline, in the register of each kind of text."""

    text: str
    assignee: str | None  # as written, for the start of a line
    assignee_mid: str | None  # as it stands in mid-sentence
    deadline: dt.date | str | None
    meeting_year: int
    verb: bool
    next_period: str | None = None

    def news_deadline(self) -> str:
        """`hoàn thành trước ngày 30/9`: as a reporter writes a deadline."""
        d = self.deadline
        if d is None:
            return ""
        done = "" if "hoàn thành" in self.text.lower() else "hoàn thành "  # said once
        if isinstance(d, dt.date):
            year = "" if d.year == self.meeting_year else f"/{d.year}"
            return f"{done}trước ngày {d.day}/{d.month}{year}"
        if self.next_period and mentions(d, self.next_period):
            return ""  # the lead-in already says “Trong <next period>”
        if opens_with(d, ("hoàn thành", "xong", "chậm nhất", "kết thúc", "hạn chót")):
            return d
        if opens_with(d, ("trong", "trước", "ngay", "cuối", "đầu", "giữa")):
            return f"{done}{d}"
        return f"thời hạn {d}"

    def with_news_deadline(self, text: str) -> str:
        tail = self.news_deadline()
        if not tail:
            return text
        if not opens_with(tail, ("hoàn thành", "xong", "chậm nhất", "thời hạn")):
            return f"{without_end(text).rstrip(';,')} ({tail})."  # a bare date reads as a new item
        return f"{without_end(text).rstrip(';,')}, {tail}."

    @property
    def news_item(self) -> str:
        """A line of the article's task list: the assignee, when there is one, is its subject."""
        if self.assignee is None:  # a line of a list begins a sentence
            return self.with_news_deadline(capfirst(self.text))
        if self.verb:
            return self.with_news_deadline(f"{capfirst(self.assignee)} {lowerfirst(self.text)}")
        return self.with_news_deadline(f"{capfirst(self.assignee)}: {self.text}")

    def clause(self) -> str:
        """The task continuing a sentence (“… đề nghị <task>”), the assignee first."""
        if self.assignee_mid is not None:
            body = lowerfirst(self.text) if self.verb else f"thực hiện: {self.text}"
            return self.with_news_deadline(f"{self.assignee_mid} {body}")
        return self.with_news_deadline(lowerfirst(self.text))


def _stable(seed: str, slot: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}\x1f{slot}".encode()).digest()[:8], "big")


@dataclass
class Phrasing:
    """What the connective sentences of one meeting are made of; see the module docstring."""

    m: MeetingFile
    style: str
    seed: str = field(init=False)
    choices: dict[str, int] = field(init=False, default_factory=dict)
    _issuers: dict[str, str] = field(init=False, default_factory=dict)
    _hashes: dict[str, int] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        mt = self.m.meeting
        self.seed = f"{mt.name}\x1f{mt.date.isoformat()}\x1f{mt.organizer or ''}"

    # --- choice ------------------------------------------------------------------------

    def variant(self, slot: str, *fits: object) -> int:
        """Which of a slot's variants to write (its place among `fits`; only variants that
        fit the meeting are candidates). The template holds the wording of each."""
        offered = [i for i, fit in enumerate(fits) if fit]
        if slot not in self._hashes:
            self._hashes[slot] = _stable(self.seed, slot)
        index = offered[self._hashes[slot] % len(offered)]
        self.choices[slot] = index
        return index

    # --- the meeting -------------------------------------------------------------------

    @cached_property
    def noun(self) -> str:
        """The meeting's noun in mid-sentence (“Phiên họp”, “buổi làm việc”)."""
        return meeting_noun(self.m.meeting.name, self.m.meeting.kind)

    @property
    def Noun(self) -> str:
        return capfirst(self.noun)

    @property
    def held(self) -> str:
        """The organizer's verb: a body “tổ chức” a meeting but “có” a working session."""
        return "có" if self.noun == "buổi làm việc" else "tổ chức"

    @property
    def organizer(self) -> str | None:
        return self.m.meeting.organizer

    @property
    def location(self) -> str | None:
        return self.m.meeting.location

    @cached_property
    def location_names_organizer(self) -> bool:
        """The place is the organizer's own (“Hội trường UBND huyện” of “UBND huyện X”): the
        sentence then names the place, not the organizer again."""
        if not (self.organizer and self.location):
            return False
        place, body = body_key(self.location).split(), body_key(self.organizer)
        return any(
            body.startswith(" ".join(place[i:])) for i in range(len(place) - 1) if place[i:]
        ) or mentions(self.location, self.organizer)

    @cached_property
    def event(self) -> str:
        """The meeting as the object of “<organizer> tổ chức …”: its name, less the organizer
        that the sentence already names (“… của UBND huyện X”, “Hội nghị Ban Chấp hành …”)."""
        name = self.event_named
        if not self.organizer:
            return name
        name = strip_tail(name, self.organizer)
        rest = strip_noun(name)
        if rest != name:
            trimmed = strip_body(rest, self.organizer)
            if trimmed != rest and trimmed:
                name = f"{name[: len(name) - len(rest)].rstrip()} {trimmed}"
        return name

    @cached_property
    def event_named(self) -> str:
        """The meeting's name as the object of a sentence: as written when it opens with its
        noun; else led by the noun (“UBND tỉnh họp đánh giá …” of a Cuộc họp →
        “cuộc họp đánh giá …”; “Làm việc với …” of a Buổi làm việc → “buổi làm việc với …”)."""
        name = self.m.meeting.name
        own = strip_noun(name)
        if own != name and meeting_noun(name) == self.noun:
            # “Buổi làm việc …” is a common noun mid-sentence
            return lowerfirst(name) if self.noun[:1].islower() else name
        if own != name:  # the name opens with another noun (“Họp giao ban …” of a Hội nghị)
            return f"{self.noun} {own}"
        words = name.split()
        if self.organizer:  # a body the organizer opens with: “UBND tỉnh” of “UBND tỉnh X”
            organizer = body_key(self.organizer)
            for i in range(len(words) - 1, 1, -1):
                if organizer.startswith(body_key(" ".join(words[:i]))):
                    words = words[i:]
                    break
        rest = " ".join(words)
        action = self.noun.split(maxsplit=1)[-1].lower()  # “họp”, “làm việc”, “nghị”
        if opens_with(rest, (action,)):
            rest = rest[len(action) :].strip()
        elif opens_with(rest, ACTIVITIES):
            rest = lowerfirst(rest)
        return f"{self.noun} {rest}"

    @cached_property
    def rest(self) -> str:
        """The name after its noun: `sơ kết công tác dân vận …`."""
        return strip_noun(self.m.meeting.name)

    @cached_property
    def activity(self) -> str | None:
        """The activity the name opens with after its noun (“sơ kết”), if any."""
        return opens_with(self.rest, ACTIVITIES) if self.rest != self.m.meeting.name else None

    @cached_property
    def review(self) -> str | None:
        """What the meeting reviewed: `kết quả công tác dân vận 6 tháng đầu năm 2019`.

        Topic and period are each said once: a topic that opens with “kết quả” gets no
        second one, and a period the topic already holds is not added again.
        """
        mt = self.m.meeting
        if mt.topic:
            subject = mt.topic
            if opens_with(subject, ("kết quả", "tình hình", "việc")):
                pass
            elif opens_with(subject, VERBS) and not opens_with(subject, ("thực hiện",)):
                subject = (
                    f"việc {subject}"  # “việc thống nhất nội dung …”, not “kết quả thống nhất”
                )
            else:
                subject = f"kết quả {subject}"
        elif self.activity in _REVIEW_VERBS:
            subject = strip_tail(self.rest[len(self.activity or "") :].strip(), mt.organizer or "")
            if not subject:
                return None
            if not opens_with(subject, ("kết quả", "tình hình", "việc")):
                subject = f"kết quả {subject}"
        else:
            return None
        if mt.period and not mentions(subject, mt.period):
            subject = f"{subject} {mt.period}"
        return subject

    @cached_property
    def name_says_review(self) -> bool:
        """The name already says what the meeting reviewed (no “nhằm đánh giá …” after it)."""
        mt = self.m.meeting
        review = self.review or ""
        return (
            bool(mt.topic and mentions(mt.name, mt.topic))
            or self.activity in _REVIEW_VERBS
            or shares_run(mt.name, review)
        )

    @cached_property
    def outcome(self) -> str | None:
        """The review, for a sapo that says what the meeting did, when it says more than the
        name does."""
        if not self.review or not opens_with(self.review, ("kết quả", "tình hình")):
            return None  # “đánh giá việc thống nhất …” is not how a reporter puts it
        if self.name_says_review and shares_run(self.m.meeting.name, self.review):
            return None
        return self.review

    @cached_property
    def purpose(self) -> str | None:
        """What the meeting was held to assess, for a document's opening, when the name does
        not already say it."""
        if self.name_says_review or not self.review:
            return None
        return self.review if opens_with(self.review, ("kết quả", "tình hình")) else None

    @property
    def next_period(self) -> str | None:
        return self.m.meeting.next_period

    @cached_property
    def next_in_name(self) -> bool:
        """The name already announces the next period's tasks."""
        mt = self.m.meeting
        return bool(
            (mt.next_period and mentions(mt.name, mt.next_period))
            or opens_with(strip_noun(mt.name), ("triển khai",))
            or "phương hướng" in mt.name.lower()
        )

    @cached_property
    def has_direction(self) -> bool:
        """The meeting set tasks or requests: a “phương hướng, nhiệm vụ” section exists."""
        return bool(self.m.tasks or self.requests)

    @cached_property
    def when_news(self) -> str:
        """`Sáng 9/7`: a portal's opening; the year only when it is not this year's text."""
        mt = self.m.meeting
        session = {"sáng": "Sáng", "chiều": "Chiều", "tối": "Tối"}.get(mt.session or "", "Ngày")
        return f"{session} {mt.date.day}/{mt.date.month}"

    @cached_property
    def mode_sentence(self) -> str | None:
        """How people took part, when the file says so."""
        mt = self.m.meeting
        if mt.mode is None and mt.connected_to is None:
            return None
        reach = f" đến {mt.connected_to}" if mt.connected_to else ""
        if mt.mode == "trực tuyến":
            return f"{self.Noun} được tổ chức theo hình thức trực tuyến{reach}."
        if mt.mode == "trực tiếp kết hợp trực tuyến":
            return f"{self.Noun} được tổ chức theo hình thức trực tiếp kết hợp trực tuyến{reach}."
        if mt.mode == "trực tiếp":
            return f"{self.Noun} được tổ chức theo hình thức trực tiếp."
        return f"{self.Noun} được kết nối trực tuyến{reach}."

    # --- people ------------------------------------------------------------------------

    @cached_property
    def _bodies(self) -> list[str]:
        d = self.m.document
        return [b for b in (self.organizer, d.issuer.name) if b]

    def speaker(self, person: Person) -> Speaker:
        return Speaker(person, leading_post(person, self._bodies))

    @cached_property
    def chair(self) -> Speaker:
        return self.speaker(self.m.chair)

    @property
    def role(self) -> str:
        return self.m.chair.role

    @cached_property
    def co_chairs(self) -> list[Speaker]:
        return [self.speaker(p) for p in self.m.co_chairs]

    @cached_property
    def concluder(self) -> Speaker:
        """Who gave the conclusions: `concluded_by`, else the chair."""
        return self.speaker(self.m.concluded_by or self.m.chair)

    @cached_property
    def concluder_is_chair(self) -> bool:
        return self.m.concluded_by is None or self.m.concluded_by.name == self.m.chair.name

    @cached_property
    def chairs_phrase(self) -> str:
        """`đồng chí A, chức vụ` or `các đồng chí: A, chức vụ; B, chức vụ` (chair first)."""
        people = [self.m.chair, *self.m.co_chairs]
        return persons_phrase(people)

    @cached_property
    def _chair_names(self) -> set[str]:
        return {p.name for p in (self.m.chair, *self.m.co_chairs)}

    @cached_property
    def attendee_people(self) -> list[Person]:
        """People who attended, less the chairs; a concluder who did not chair comes first."""
        people = [
            a
            for a in self.m.meeting.attendees
            if isinstance(a, Person) and a.name not in self._chair_names
        ]
        by = self.m.concluded_by
        if by and by.name not in self._chair_names and by.name not in {p.name for p in people}:
            people.insert(0, by)
        return people

    @cached_property
    def attendee_groups(self) -> list[str]:
        return [seam_lower(a) for a in self.m.meeting.attendees if isinstance(a, str)]

    @cached_property
    def attendees(self) -> str | None:
        """Everyone who attended, as one phrase: people first, then bodies after “cùng”."""
        people, groups = self.attendee_people, self.attendee_groups
        joined = groups_phrase(groups)
        if people and groups:
            return f"{persons_phrase(people)}; cùng {joined}"
        if people:
            return persons_phrase(people)
        return joined or None

    # --- what was said -----------------------------------------------------------------

    @cached_property
    def directives(self) -> list[Directive]:
        return [Directive(t, directive_kind(t), opens_with_verb(t)) for t in self.m.directives]

    @cached_property
    def acknowledgements(self) -> list[Directive]:
        """Acknowledgements, and statements that come before any request (the assessment)."""
        return self._split()[0]

    @cached_property
    def requests(self) -> list[Directive]:
        """Requests, and statements that come with or after them (the direction)."""
        return self._split()[1]

    def _split(self) -> tuple[list[Directive], list[Directive]]:
        ack: list[Directive] = []
        req: list[Directive] = []
        for d in self.directives:
            if d.kind == "request" or (d.kind == "statement" and req):
                req.append(d)
            else:
                ack.append(d)
        return ack, req

    @cached_property
    def tasks(self) -> list[TaskLine]:
        """Tasks in the order the user wrote them."""
        return [self._task(t) for t in self.m.tasks]

    def _task(self, task: Task) -> TaskLine:
        return TaskLine(
            text=task.text,
            assignee=task.assignee,
            assignee_mid=seam_lower(task.assignee) if task.assignee else None,
            deadline=task.deadline,
            meeting_year=self.m.meeting.date.year,
            verb=opens_with_verb(task.text),
            next_period=self.m.meeting.next_period,
        )

    @cached_property
    def all_assigned(self) -> bool:
        return bool(self.m.tasks) and all(t.assignee for t in self.m.tasks)

    @property
    def addressee(self) -> str | None:
        """Whom the requests go to, as the user named them (never a guessed default)."""
        return self.m.tasks_addressee

    @cached_property
    def task_verbs(self) -> set[str]:
        """Opening verbs of the tasks: a lead-in avoids them (“tập trung … sau: Tập trung …”)."""
        found = {opens_with(t.text, _LEAD_VERBS) for t in self.m.tasks}
        return {v for v in found if v}

    def issuer_in_text(self, kind: str) -> str:
        """The issuing body of one document in running text: its own name, else the organizer."""
        if kind not in self._issuers:
            issuer = self.m.document.for_kind(kind).issuer.name
            named = (running_name(issuer) if issuer else None) or self.organizer or "Cơ quan"
            self._issuers[kind] = named
        return self._issuers[kind]

    @cached_property
    def notice_addressee(self) -> str:
        """Whom a notice informs: the user's addressee, the assignees (up to three), or the
        bodies such an issuer usually informs."""
        if self.m.tasks_addressee:
            return self.m.tasks_addressee
        assignees = list(dict.fromkeys(t.assignee_mid for t in self.tasks if t.assignee_mid))
        if self.all_assigned and len(assignees) <= 3:
            return join_vi(assignees)
        issuer = body_key(self.m.document.issuer.name or self.organizer or "")
        for marks, who in _ADDRESSEES:
            if any(mark in issuer for mark in marks):
                return who
        return "các cơ quan, đơn vị liên quan"

    @cached_property
    def scope(self) -> str:
        """` trong công tác dân vận 6 tháng đầu năm 2019`: where limitations were found."""
        mt = self.m.meeting
        if not mt.topic:
            return f" trong {mt.period}" if mt.period else ""
        topic = mt.topic
        if opens_with(topic, ("kết quả",)):
            topic = topic[len("kết quả") :].strip()
        if opens_with(topic, ("thực hiện", "triển khai")):
            topic = f"việc {topic}"
        if mt.period and not mentions(topic, mt.period):
            topic = f"{topic} {mt.period}"
        return f" trong {topic}"

    @cached_property
    def headline(self) -> str:
        """A headline from the name: the organizer doing the activity (“Ban Thường vụ Huyện ủy
        sơ kết công tác dân vận …”), the activity alone, or the name as written."""
        if not self.activity:
            return self.m.meeting.name
        rest = strip_tail(self.rest, self.organizer or "")
        if self.organizer and not mentions(rest, self.organizer):
            # the activity alone only where it names its subject (“Sơ kết công tác dân vận …”)
            named = bool(self.m.meeting.topic and mentions(rest, self.m.meeting.topic))
            named = named or "công tác" in rest.lower()
            forms = (f"{self.organizer} {rest}", capfirst(rest))
            return forms[self.variant("headline", True, named)]
        return capfirst(rest)

    @cached_property
    def report_summary(self) -> str:
        """The report's trích yếu: what it reports on, the next period's tasks only when the
        report has that section and the name does not already announce them."""
        from_name = bool(self.activity) and not (self.activity == "giao ban" and self.review)
        if from_name:  # “sơ kết công tác …”; a giao ban reports what it reviewed instead
            summary = strip_tail(self.rest, self.organizer or "")
        elif self.review:
            summary = self.review
        else:
            summary = f"kết quả {self.event}"
        said = from_name and self.next_in_name
        if self.next_period and self.has_direction and not said:
            summary = f"{summary}, phương hướng, nhiệm vụ {self.next_period}"
        return summary

    @cached_property
    def notice_summary(self) -> str:
        """The notice's trích yếu: `kết luận của đồng chí …, … tại Hội nghị …`."""
        return f"kết luận của {self.concluder.first} tại {self.event_named}"

    @cached_property
    def lead_covers_opening(self) -> bool:
        """The user's own lead already says when and what: the opening does not say it again."""
        lead = self.m.article.lead
        if not lead:
            return False
        d = self.m.meeting.date
        dated = any(f"{d.day}{sep}{d.month}" in lead for sep in "/-") or f"{d.day:02d}/" in lead
        return dated or mentions(lead, self.event)

    @staticmethod
    def basis_clause(basis: str) -> str:
        """`Thực hiện Công văn số …`: the basis as written when it opens so, else after
        “Thực hiện”."""
        if opens_with(basis, ("thực hiện", "căn cứ", "theo", "triển khai")):
            return capfirst(without_end(basis))
        return f"Thực hiện {without_end(basis)}"

    @cached_property
    def quote(self) -> str | None:
        """A short statement of the concluder fit for a quoted sapo, if there is one."""
        for d in self.directives:
            sentence = d.text.split(". ")[0].rstrip(".")
            if d.kind == "statement" and 60 <= len(sentence) <= 220 and "“" not in sentence:
                return sentence
        return None


# Whom a body's notice informs, by the body's kind (first match wins).
_ADDRESSEES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("đảng ủy xã", "đảng ủy phường", "đảng ủy thị trấn", "đảng ủy đặc khu"),
        "các chi bộ trực thuộc",
    ),
    (
        ("huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "thị ủy", "đảng ủy"),
        "các cấp ủy, tổ chức đảng và cơ quan, đơn vị liên quan",
    ),
    (("ubnd tỉnh", "ubnd thành phố", "ubnd tp."), "các sở, ban, ngành và địa phương liên quan"),
    (("ubnd huyện", "ubnd quận", "ubnd thị xã"), "các phòng, ban, đơn vị liên quan"),
    (
        ("ubnd xã", "ubnd phường", "ubnd thị trấn", "ubnd đặc khu"),
        "các ban, ngành, đoàn thể và đơn vị liên quan",
    ),
)

_LEAD_VERBS = ("tập trung", "thực hiện", "triển khai", "chú trọng", "tiếp tục")


def persons_phrase(people: Iterable[Person]) -> str:
    """`đồng chí A, chức vụ`; several: `các đồng chí: A, chức vụ; B, chức vụ` (§6.2)."""
    people = list(people)
    if not people:
        return ""
    if len(people) == 1:
        return f"đồng chí {people[0].name}, {people[0].title}"
    return "các đồng chí: " + "; ".join(f"{p.name}, {p.title}" for p in people)


def groups_phrase(groups: Sequence[str]) -> str:
    """Bodies and groups: `A và B`; semicolons when the groups hold commas themselves."""
    if len(groups) > 2 and any("," in g for g in groups):
        return "; ".join(groups[:-1]) + " và " + groups[-1]
    return join_vi(groups)


# Running-text names of issuing bodies written in capitals in the header.
_HEADS = (
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("UỶ BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
    ("ỦY BAN KIỂM TRA", "Ủy ban Kiểm tra"),
    ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
    ("BAN CHẤP HÀNH", "Ban Chấp hành"),
    ("BAN DÂN VẬN", "Ban Dân vận"),
    ("BAN TUYÊN GIÁO", "Ban Tuyên giáo"),
    ("BAN TỔ CHỨC", "Ban Tổ chức"),
    ("VĂN PHÒNG", "Văn phòng"),
    ("HUYỆN ỦY", "Huyện ủy"),
    ("TỈNH ỦY", "Tỉnh ủy"),
    ("THÀNH ỦY", "Thành ủy"),
    ("QUẬN ỦY", "Quận ủy"),
    ("THỊ ỦY", "Thị ủy"),
    ("ĐẢNG ỦY", "Đảng ủy"),
)
_LEVELS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")


def running_name(upper: str) -> str | None:
    """`ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC` → `Ủy ban nhân dân huyện Đại Lộc`; None when the
    name is of a shape this table does not know (its capitals are then not guessed)."""
    text = " ".join(upper.replace("UỶ", "ỦY").split())
    out: list[str] = []
    last = ""
    while text:
        for head, written in _HEADS:
            if text.startswith(head):
                out.append(written)
                last = head
                text = text[len(head) :].strip()
                break
        else:
            break
    if not out:
        return None
    level = next((lv for lv in _LEVELS if text.startswith(lv + " ")), None)
    if level is not None:
        out.append(level.lower())
        text = text[len(level) :].strip()
    elif text and not last.endswith("ỦY"):  # only a committee is followed by a bare place
        return None
    if text:
        out.append(" ".join(w.capitalize() for w in text.split()))
    return " ".join(out)
