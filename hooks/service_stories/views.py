"""What each template lays out: plain, frozen data, computed before any template renders.

Templates receive one of these as `view` and never reach back into the library: related
stories come with their reasons, paths with their steps and positions, a story with its
review state, every address ready (from the site's root; templates write it relative to
the page). `Shelf` holds what many views share, made once per build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from . import addresses, evidence
from .contents import Section, story_sections
from .library import Library, Listing
from .model import Lesson, Path, Story
from .problems import Problem
from .training import review


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # from the site's root


@dataclass(frozen=True)
class Card:
    """A story as other pages list it."""

    story: Story
    url: str


@dataclass(frozen=True)
class Pager:
    """The pages of a paged list: where this one sits, and the address of each."""

    number: int
    count: int
    urls: tuple[str, ...]  # the address of page 1, 2, ...

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


@dataclass(frozen=True)
class Position:
    """Where a story sits in a path: step n of m, with the previous and next steps."""

    path: Link
    number: int
    total: int
    previous: Link | None
    next: Link | None


@dataclass(frozen=True)
class Review:
    state: str  # "current", "overdue" or "never"
    reviewed: date | None
    due: date | None
    owner: str | None


@dataclass(frozen=True)
class Related:
    card: Card
    shared: tuple[Link, ...]  # the lessons both stories teach: why it is shown


@dataclass(frozen=True)
class LessonItem:
    link: Link
    summary: str
    count: int  # stories that teach it


@dataclass(frozen=True)
class PathItem:
    link: Link
    audience: str
    count: int  # stories
    minutes: int
    summary: str


@dataclass(frozen=True)
class Step:
    card: Card
    note: str | None


class Shelf:
    """What many pages show, made once: each story's card, each lesson's and path's link,
    every story's places in the paths. Views are assembled from these."""

    def __init__(self, library: Library, url: Callable[[str], str] = addresses.url) -> None:
        self.library = library
        self.url = url  # where a source file is published, in this build
        self.cards = {
            slug: Card(story, url(addresses.story(slug))) for slug, story in library.stories.items()
        }
        self.lessons = {
            lesson_id: Link(lesson.title, url(addresses.lesson(lesson_id)))
            for lesson_id, lesson in library.lessons.items()
        }
        self.paths = {
            path_id: Link(path.title, url(addresses.path(path_id)))
            for path_id, path in library.paths.items()
        }
        self.positions: dict[str, list[Position]] = {}
        for path in library.paths.values():
            steps = library.steps(path)
            for index, story in enumerate(steps):
                before = steps[index - 1] if index else None
                after = steps[index + 1] if index + 1 < len(steps) else None
                self.positions.setdefault(story.slug, []).append(
                    Position(
                        self.paths[path.id],
                        index + 1,
                        len(steps),
                        self.link_to(before) if before else None,
                        self.link_to(after) if after else None,
                    )
                )
        self.kinds = evidence.kinds(library, url)

    def link_to(self, story: Story) -> Link:
        return Link(story.title, self.cards[story.slug].url)

    def lesson_link(self, lesson_id: str) -> Link:
        """A lesson's link; a lesson whose file has problems keeps its id as its title."""
        return self.lessons.get(lesson_id) or Link(lesson_id, self.url(addresses.lesson(lesson_id)))

    def lesson_items(self) -> list[LessonItem]:
        by_lesson = self.library.by_lesson
        return [
            LessonItem(self.lessons[lesson.id], lesson.summary, len(by_lesson[lesson.id]))
            for lesson in self.library.lessons.values()
        ]

    def path_items(self) -> list[PathItem]:
        library = self.library
        return [
            PathItem(
                self.paths[path.id],
                path.audience,
                len(library.steps(path)),
                library.minutes(path),
                path.summary,
            )
            for path in library.paths.values()
        ]

    def steps(self, path: Path) -> list[Step]:
        notes = {step.slug: step.note for step in path.steps}
        return [Step(self.cards[s.slug], notes[s.slug]) for s in self.library.steps(path)]


@dataclass(frozen=True)
class StoryView:
    title: str
    story: Story | None  # None while the story has problems
    problems: tuple[Problem, ...]
    lessons: tuple[Link, ...] = ()
    positions: tuple[Position, ...] = ()
    review: Review | None = None
    related: tuple[Related, ...] = ()
    backlinks: tuple[Card, ...] = ()
    sections: tuple[Section, ...] = ()  # what the template adds after the body


def story_view(
    shelf: Shelf,
    title: str,
    story: Story | None,
    problems: list[Problem],
    backlinks: Mapping[str, list[Story]],
    today: date,
) -> StoryView:
    if story is None:
        return StoryView(title, None, tuple(problems))
    status = review(story, today)
    related = shelf.library.related(story)
    linking_here = shelf.library.linking_here(story, backlinks, related)
    return StoryView(
        title,
        story,
        tuple(problems),
        lessons=tuple(shelf.lesson_link(lesson_id) for lesson_id in story.lessons),
        positions=tuple(shelf.positions.get(story.slug, ())),
        review=Review(status.state, story.reviewed, status.due, story.owner),
        related=tuple(
            Related(shelf.cards[item.story.slug], tuple(map(shelf.lesson_link, item.shared)))
            for item in related
        ),
        backlinks=tuple(shelf.cards[other.slug] for other in linking_here),
        sections=story_sections(story, bool(related), bool(linking_here)),
    )


@dataclass(frozen=True)
class LessonView:
    title: str
    lesson: Lesson | None  # None while the lesson has problems
    problems: tuple[Problem, ...]
    first: Link | None = None  # the lesson's own page, for its further pages
    listing: Listing | None = None
    cards: tuple[Card, ...] = ()
    pager: Pager | None = None
    companions: tuple[tuple[Link, int], ...] = ()
    catalog: str = ""  # the catalog, filtered to this lesson


def lesson_view(
    shelf: Shelf,
    title: str,
    lesson: Lesson | None,
    problems: list[Problem],
    listing: Listing | None,
    pager: Pager | None,
) -> LessonView:
    if lesson is None or listing is None:
        return LessonView(title, None, tuple(problems))
    companions = shelf.library.companions(lesson.id) if listing.number == 1 else []
    return LessonView(
        title,
        lesson,
        tuple(problems),
        first=shelf.lessons[lesson.id],
        listing=listing,
        cards=tuple(shelf.cards[story.slug] for story in listing.stories),
        pager=pager,
        companions=tuple((shelf.lessons[other.id], count) for other, count in companions),
        catalog=f"{shelf.url(addresses.catalog())}?lesson={lesson.id}",
    )


@dataclass(frozen=True)
class PathView:
    title: str
    path: Path | None  # None while the path has problems
    problems: tuple[Problem, ...]
    steps: tuple[Step, ...] = ()
    minutes: int = 0
    record: str = ""  # the learner's own record of every path


def path_view(shelf: Shelf, title: str, path: Path | None, problems: list[Problem]) -> PathView:
    if path is None:
        return PathView(title, None, tuple(problems))
    steps = tuple(shelf.steps(path))
    minutes, record = shelf.library.minutes(path), shelf.url(addresses.RECORD)
    return PathView(title, path, tuple(problems), steps, minutes, record)


@dataclass(frozen=True)
class ListView:
    """The home page, the lesson list and the path list: a trainer's introduction (with or
    without its own heading), then what the build adds."""

    heading: str | None  # None when the introduction has its own level-one heading
    problems: tuple[Problem, ...]
    lessons: tuple[LessonItem, ...] = ()
    paths: tuple[PathItem, ...] = ()
    newest: tuple[Card, ...] = ()
    lessons_url: str = ""
    catalog_url: str = ""
    record_url: str = ""  # the learner's own record of the paths


@dataclass(frozen=True)
class PageView:
    """An ordinary page: the problems found in its file, shown above its text."""

    problems: tuple[Problem, ...]
