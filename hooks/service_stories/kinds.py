"""The kinds of page the plan holds: what each is, and how its view is made.

Each planned page knows its source file, address, title, template and meta, and makes
the view its template lays out from the library (`plan.shelf`) and from what rendering
found (`Found`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import addresses, corner, views
from .library import Listing, paginate
from .markup import own_ids, rebase
from .model import Lesson, Path, Story
from .problems import Problem

if TYPE_CHECKING:
    from .plan import Plan


@dataclass(frozen=True)
class Found:
    """What the build knows once every body is rendered, for the views."""

    problems_of: Callable[[str], list[Problem]]
    backlinks: Mapping[str, list[Story]]  # by slug: the stories whose bodies link there
    bodies: Mapping[str, str]  # by source file: the bodies of paths and of their stories
    has_heading: Callable[[str], bool]  # whether a page's body has its own <h1>
    heading: Callable[[str], str | None]  # the text of the <h1> that opens a page's body


@dataclass(frozen=True)
class Preview:
    """What a link to the page shows in a chat or a feed (Open Graph): text only."""

    title: str | None
    description: str | None
    article: bool  # a story; any other page is part of the site


@dataclass(frozen=True)
class Planned:
    """A page: where it comes from and goes, its title, template and meta."""

    src_uri: str
    title: str | None  # None: the home page without a title of its own (the site's name)
    template: str | None  # None: Material's own page
    description: str | None = None
    hide: tuple[str, ...] = ()
    searchable: bool = True
    title_from_heading: bool = False  # an ordinary page titled by its first heading
    # Search indexes a story's summary, lessons, discussion and check with its body.
    search_parts: bool = False
    keeps_body: bool = False  # a handout or a package prints it: keep its rendered body
    nav_title: str | None = None  # the sidebar's name for a page with no title (the home page)

    def view(self, plan: Plan, found: Found) -> object:
        return views.PageView(tuple(found.problems_of(self.src_uri)))

    def preview(self, found: Found) -> Preview:
        title = self.title
        if self.title_from_heading:
            title = found.heading(self.src_uri) or title
        return Preview(title, self.description, isinstance(self, StoryPlan))


@dataclass(frozen=True)
class StoryPlan(Planned):
    story: Story | None = None

    def view(self, plan: Plan, found: Found) -> object:
        problems = found.problems_of(self.src_uri)
        return views.story_view(
            plan.shelf, self.title, self.story, problems, found.backlinks, plan.today
        )


@dataclass(frozen=True)
class LessonPlan(Planned):
    lesson: Lesson | None = None
    listing: Listing | None = None
    pager: views.Pager | None = None

    def view(self, plan: Plan, found: Found) -> object:
        problems = found.problems_of(self.src_uri)
        return views.lesson_view(
            plan.shelf, self.title, self.lesson, problems, self.listing, self.pager
        )


@dataclass(frozen=True)
class PathPlan(Planned):
    path: Path | None = None

    def view(self, plan: Plan, found: Found) -> object:
        problems = found.problems_of(self.src_uri)
        return views.path_view(plan.shelf, self.title, self.path, problems)


@dataclass(frozen=True)
class ListPlan(Planned):
    """The home page and the lists of lessons and paths."""

    shows: tuple[str, ...] = ()  # what it lists: "lessons", "paths", "newest"

    def view(self, plan: Plan, found: Found) -> object:
        shelf = plan.shelf
        heading = None if found.has_heading(self.src_uri) else (self.title or self.nav_title)
        return views.ListView(
            heading,
            tuple(found.problems_of(self.src_uri)),
            lessons=tuple(shelf.lesson_items()) if "lessons" in self.shows else (),
            paths=tuple(shelf.path_items()) if "paths" in self.shows else (),
            newest=tuple(shelf.cards[s.slug] for s in plan.site.library.newest())
            if "newest" in self.shows
            else (),
            lessons_url=plan.url(addresses.LESSONS_INDEX),
            catalog_url=plan.url(addresses.catalog()),
            record_url=plan.url(addresses.RECORD),
        )


@dataclass(frozen=True)
class CatalogPlan(Planned):
    templates = ("catalog.html", "catalog.html")  # for the first page, and the others
    listing: Listing = field(default_factory=lambda: paginate([], 1)[0])
    pager: views.Pager = field(default_factory=lambda: views.Pager(1, 1, ("",)))
    evidence: str | None = None  # the catalog of one kind of evidence only

    def view(self, plan: Plan, found: Found) -> object:
        heading = None if found.has_heading(self.src_uri) else self.title
        # Flagged stories show on the whole catalog's first page only.
        first = self.evidence is None and self.listing.number == 1
        flagged = plan.flagged(found) if first else []
        # A copy read from the file system gets the catalog's data as a script.
        script = None if plan.directory_urls else plan.url(addresses.CATALOG_SCRIPT)
        return corner.catalog_view(
            plan.shelf, heading, self.listing, self.pager, flagged, script, self.evidence
        )


@dataclass(frozen=True)
class CoveragePlan(CatalogPlan):
    """The trainer's corner (the grid's first page) and the grid's further pages."""

    templates = ("trainers.html", "coverage.html")

    def view(self, plan: Plan, found: Found) -> object:
        grid = corner.grid(plan.shelf, self.listing, self.pager)
        if self.listing.number > 1:
            return corner.CoverageView(grid, plan.url(addresses.coverage()))
        heading = None if found.has_heading(self.src_uri) else self.title
        return corner.trainers_view(plan.shelf, heading, grid, plan.today, plan.flagged(found))


@dataclass(frozen=True)
class RecordPlan(Planned):
    def view(self, plan: Plan, found: Found) -> object:
        return corner.record_view(plan.shelf)


@dataclass(frozen=True)
class GuidePlan(Planned):
    path: Path | None = None

    def view(self, plan: Plan, found: Found) -> object:
        return corner.guide_view(plan.shelf, self.path)  # type: ignore[arg-type]


@dataclass(frozen=True)
class HandoutPlan(GuidePlan):
    def view(self, plan: Plan, found: Found) -> object:
        here = plan.url(self.src_uri)
        cards = plan.shelf.cards
        bodies = {
            step.slug: own_ids(
                rebase(found.bodies[addresses.story(step.slug)], cards[step.slug].url, here),
                f"{step.slug}-",
            )
            for step in self.path.steps  # type: ignore[union-attr]
            if step.slug in cards and addresses.story(step.slug) in found.bodies
        }
        return corner.handout_view(plan.shelf, self.path, bodies)  # type: ignore[arg-type]
