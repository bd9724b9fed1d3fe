"""The views of the pages for working with the whole library: the catalog, the trainer's
corner and its coverage grid, and each path's facilitator guide and handout."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from . import addresses
from .evidence import Kind
from .library import Listing
from .model import CHANNELS, DEFAULT_REVIEW_DAYS, OUTCOMES, REVIEW_LIST, Path, Story
from .training import review_queue
from .views import Card, Link, Pager, Shelf, Step


@dataclass(frozen=True)
class Row:
    """A story in the catalog: its card and its lessons."""

    card: Card
    lessons: tuple[Link, ...]


@dataclass(frozen=True)
class Flagged:
    """A story left out of the library until the problems in its file are fixed."""

    link: Link
    problems: int


@dataclass(frozen=True)
class CatalogView:
    heading: str | None
    rows: tuple[Row, ...]
    pager: Pager
    lessons: tuple[tuple[str, str], ...]  # (id, title), for the lesson filter
    channels: tuple[str, ...]
    outcomes: tuple[str, ...]
    data_url: str  # every story as data, for the filters
    flagged: tuple[Flagged, ...]  # on the first page only
    data_script: str | None = None  # the same data as a script, where nothing is fetched
    evidence: str | None = None  # this catalog's kind of evidence, when it lists one only
    kinds: tuple[Kind, ...] = ()  # each kind of evidence, with its count and catalog


def catalog_view(
    shelf: Shelf,
    heading: str | None,
    listing: Listing,
    pager: Pager,
    flagged: list[Flagged],
    data_script: str | None = None,
    evidence: str | None = None,
) -> CatalogView:
    rows = tuple(
        Row(shelf.cards[story.slug], tuple(map(shelf.lesson_link, story.lessons)))
        for story in listing.stories
    )
    return CatalogView(
        heading,
        rows,
        pager,
        tuple((lesson_id, link.title) for lesson_id, link in shelf.lessons.items()),
        CHANNELS,
        tuple(OUTCOMES),
        shelf.url(addresses.CATALOG_DATA),
        tuple(flagged) if listing.number == 1 else (),
        data_script,
        evidence,
        shelf.kinds,
    )


@dataclass(frozen=True)
class Column:
    """A lesson in the coverage grid: how many stories teach it, and how well covered."""

    link: Link
    summary: str
    count: int
    heat: int  # 0 to 4
    thin: bool


@dataclass(frozen=True)
class GridRow:
    link: Link
    cells: tuple[bool, ...]  # whether the story teaches each column's lesson


@dataclass(frozen=True)
class Grid:
    columns: tuple[Column, ...]
    rows: tuple[GridRow, ...]
    pager: Pager


def grid(shelf: Shelf, listing: Listing, pager: Pager) -> Grid:
    library = shelf.library
    thin = set(library.thin_lessons())
    columns = []
    for lesson in library.lessons.values():
        count = len(library.by_lesson[lesson.id])
        link = shelf.lessons[lesson.id]
        columns.append(Column(link, lesson.summary, count, library.heat(count), lesson.id in thin))
    rows = tuple(
        GridRow(
            shelf.link_to(story),
            tuple(lesson_id in story.lessons for lesson_id in library.lessons),
        )
        for story in listing.stories
    )
    return Grid(tuple(columns), rows, pager)


@dataclass(frozen=True)
class Overdue:
    link: Link
    owner: str | None
    reviewed: date
    due: date


@dataclass(frozen=True)
class Session:
    """A path, with its facilitator guide, handout and SCORM packages for an LMS."""

    path: Link
    guide: str
    handout: str
    packages: tuple[Link, ...]  # "SCORM 1.2", "SCORM 2004"


def _packages(shelf: Shelf, path_id: str) -> tuple[Link, ...]:
    return tuple(
        Link(f"SCORM {version}", shelf.url(addresses.package(path_id, version)))
        for version in ("1.2", "2004")
    )


@dataclass(frozen=True)
class TrainersView:
    heading: str | None
    sessions: tuple[Session, ...]
    thin: tuple[tuple[Link, int], ...]  # lessons that need stories, with their count
    grid: Grid
    review_days: int
    overdue: tuple[Overdue, ...]
    overdue_more: int  # overdue stories not listed
    never: tuple[tuple[Link, str | None], ...]  # never reviewed, with their owner
    never_more: int
    flagged: tuple[Flagged, ...]
    kinds: tuple[Kind, ...] = ()  # each kind of evidence, with its count and catalog


def trainers_view(
    shelf: Shelf,
    heading: str | None,
    coverage: Grid,
    today: date,
    flagged: list[Flagged],
) -> TrainersView:
    library = shelf.library
    overdue, never = review_queue(library.stories.values(), today)
    thin = library.thin_lessons()
    return TrainersView(
        heading,
        tuple(
            Session(
                shelf.paths[path_id],
                shelf.url(addresses.guide(path_id)),
                shelf.url(addresses.handout(path_id)),
                _packages(shelf, path_id),
            )
            for path_id in library.paths
        ),
        tuple((shelf.lessons[lesson_id], len(library.by_lesson[lesson_id])) for lesson_id in thin),
        coverage,
        DEFAULT_REVIEW_DAYS,
        tuple(
            Overdue(shelf.link_to(story), story.owner, story.reviewed, status.due)  # type: ignore[arg-type]
            for story, status in overdue[:REVIEW_LIST]
        ),
        max(0, len(overdue) - REVIEW_LIST),
        tuple((shelf.link_to(story), story.owner) for story in never[:REVIEW_LIST]),
        max(0, len(never) - REVIEW_LIST),
        tuple(flagged),
        shelf.kinds,
    )


@dataclass(frozen=True)
class CoverageView:
    grid: Grid
    corner: str  # the trainer's corner, which holds the first page


@dataclass(frozen=True)
class Printed:
    """A story as the handout prints it."""

    number: int
    total: int
    story: Story
    lessons: tuple[str, ...]  # titles
    body: str  # its rendered body, with addresses that work from the handout


@dataclass(frozen=True)
class GuideView:
    path: Path
    steps: tuple[Step, ...]
    minutes: int
    path_url: str
    handout_url: str
    packages: tuple[Link, ...]


@dataclass(frozen=True)
class HandoutView:
    path: Path
    stories: tuple[Printed, ...]


def guide_view(shelf: Shelf, path: Path) -> GuideView:
    return GuideView(
        path,
        tuple(shelf.steps(path)),
        shelf.library.minutes(path),
        shelf.url(addresses.path(path.id)),
        shelf.url(addresses.handout(path.id)),
        _packages(shelf, path.id),
    )


def handout_view(shelf: Shelf, path: Path, bodies: Mapping[str, str]) -> HandoutView:
    stories = shelf.library.steps(path)
    return HandoutView(
        path,
        tuple(
            Printed(
                number,
                len(stories),
                story,
                tuple(shelf.lesson_link(lesson_id).title for lesson_id in story.lessons),
                bodies.get(story.slug, ""),
            )
            for number, story in enumerate(stories, start=1)
        ),
    )


@dataclass(frozen=True)
class RecordStep:
    card: Card
    questions: int  # knowledge-check questions the story asks


@dataclass(frozen=True)
class RecordView:
    """A learner's record: for each path, its steps and how many questions each asks; what
    the learner read and answered is in their browser, filled in by training.js."""

    paths: tuple[tuple[Link, tuple[RecordStep, ...]], ...]


def record_view(shelf: Shelf) -> RecordView:
    library = shelf.library
    return RecordView(
        tuple(
            (
                shelf.paths[path.id],
                tuple(RecordStep(shelf.cards[s.slug], len(s.quiz)) for s in library.steps(path)),
            )
            for path in library.paths.values()
        )
    )
