"""The typed, frozen model of the library: stories, their sources, and lessons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# The channel vocabulary lives here and nowhere else: validation, the catalog
# filters and the README's field table all read it from this tuple.
CHANNELS: tuple[str, ...] = (
    "email",
    "letter",
    "phone",
    "chat",
    "social-media",
    "in-person",
    "public-statement",
    "note",
    "video",
)

OUTCOMES: dict[str, str] = {
    "delight": "went beyond what the customer expected",
    "recovery": "a mistake turned around",
    "failure": "a counter-example: what not to do",
}

# How sure a story is. `reported` is the default; an anecdote may leave out its year.
EVIDENCE: dict[str, str] = {
    "reported": "contemporary reports confirm it",
    "anecdote": "one secondary account tells it; names, place or date are unconfirmed",
    "internal": "a case from the team's own work; its sources may be internal",
}
DEFAULT_EVIDENCE = "reported"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Pages the build makes itself; a story cannot take their address.
RESERVED_SLUGS = frozenset(
    {"index", "catalog", "lessons", "paths", "trainers", "record", "search", "assets"}
)

MAX_FILE_BYTES = 1_000_000
MAX_LESSONS = 5
MAX_CHOICES = 6
MAX_STEPS = 50
DEFAULT_REVIEW_DAYS = 365
# Generated pages stay small however large the library: long lists are paged or cut.
CATALOG_PAGE = 200  # stories per catalog page
COVERAGE_PAGE = 200  # stories per page of the coverage grid
LESSON_PAGE = 100  # stories per page of a lesson, strongest first
REVIEW_LIST = 100  # stories shown in each review list of the trainer's corner
WORDS_PER_MINUTE = 200
FIRST_YEAR = 1800
# How long each kind of text may be, in characters (a list's entries each).
MAX_TITLE = 120  # titles, companies, publishers, owners, audiences
MAX_SUMMARY = 300  # a story's or a path's summary, a source's headline, a quiz choice
MAX_LESSON_SUMMARY = 200  # a lesson's one line
MAX_QUESTION = 500  # a discussion or quiz question
MAX_EXPLANATION = 1000  # why an answer is right; a trainer's note on a step
MAX_ADDRESS = 2000  # a source's web address
MAX_SLUG = 200  # a story named in a path's steps
MAX_ORDER = 10_000  # where a lesson or path sits in its list
MAX_REVIEW_DAYS = 3650


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str | None = None
    date: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Question:
    """A knowledge check: the choices, which of them are right, and why."""

    question: str
    choices: tuple[str, ...]
    answers: tuple[int, ...]  # indexes into choices
    why: str

    @property
    def multiple(self) -> bool:
        return len(self.answers) > 1

    @property
    def correct(self) -> tuple[str, ...]:
        return tuple(self.choices[index] for index in self.answers)


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    company: str
    year: int | None  # None only for an anecdote told without a date
    channel: str
    outcome: str
    lessons: tuple[str, ...]
    summary: str
    sources: tuple[Source, ...]
    evidence: str = DEFAULT_EVIDENCE
    reviewed: date | None = None
    review_every: int | None = None
    owner: str | None = None
    discuss: tuple[str, ...] = ()
    quiz: tuple[Question, ...] = ()
    words: int = 0  # in the body, for the reading time

    @property
    def minutes(self) -> int:
        """Reading time, rounded up, never under a minute."""
        return max(1, -(-self.words // WORDS_PER_MINUTE))


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    summary: str
    order: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.order is None, self.order or 0, self.title.casefold())


@dataclass(frozen=True)
class Step:
    slug: str
    note: str | None = None  # for the trainer: what to draw out at this step


@dataclass(frozen=True)
class Path:
    """A training path: stories to read in order, for an audience."""

    id: str
    title: str
    audience: str
    summary: str
    steps: tuple[Step, ...]
    pass_mark: int | None = None  # percent of knowledge-check questions, for an LMS
    order: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.order is None, self.order or 0, self.title.casefold())
