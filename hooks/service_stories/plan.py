"""The plan of the site: every page the build makes or enriches, decided in one place.

Built once from the `Site`, the plan holds one typed object per page: its source file,
its address (from `addresses`), its title, its template, its meta, and how to make the view
its template lays out. Long lists are paged here, once. The hooks ask the plan what a page
is; templates get its view; nothing else decides.

Where does the catalog's second page get its title, address and rows? `Plan._paged` names
it `addresses.catalog(2)` (`catalog/2.md`, published at `catalog/2/`), titles it "Catalog,
page 2", and hands it the second `Listing` of the library's stories by title, with its
`Pager`; `kinds.CatalogPlan.view` turns those rows into the view `catalog.html` lays out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import partial

from . import addresses, corner, views
from .export import catalog_document, library_document
from .json_schemas import KINDS, json_schema
from .kinds import (
    CatalogPlan,
    CoveragePlan,
    Found,
    GuidePlan,
    HandoutPlan,
    LessonPlan,
    ListPlan,
    PathPlan,
    Planned,
    RecordPlan,
    StoryPlan,
)
from .library import paginate
from .model import CATALOG_PAGE, COVERAGE_PAGE, DEFAULT_EVIDENCE, LESSON_PAGE
from .reading import LessonPage, PathPage, StoryPage
from .site import Site
from .words import Words

__all__ = ["Found", "Plan", "Planned"]


def _pager(url, first: Callable[[int], str], count: int, number: int) -> views.Pager:
    return views.Pager(number, count, tuple(url(first(n)) for n in range(1, count + 1)))


class Plan:
    """Every page of the site, by source file, planned once per build."""

    def __init__(self, site: Site, today: date, words: Words, directory_urls: bool = True) -> None:
        self.site = site
        self.today = today
        self.words = words  # the site's own words, in its language
        self.directory_urls = directory_urls
        self.shelf = views.Shelf(site.library, self.url)
        paths = site.library.paths.values()
        in_paths = frozenset(step.slug for path in paths for step in path.steps)
        self.pages: dict[str, Planned] = {
            src_uri: _written(page, in_paths) for src_uri, page in site.pages.items()
        }
        self._indexes()
        self._paged(
            CatalogPlan, addresses.catalog, CATALOG_PAGE, words["title.catalog"],
            partial(words.say, "title.catalog-page"),
        )  # fmt: skip
        self._by_evidence()
        self._paged(
            CoveragePlan, addresses.coverage, COVERAGE_PAGE, words["nav.trainers"],
            partial(words.say, "title.coverage-page"),
        )  # fmt: skip
        self._lessons()
        self._sessions()
        # A learner's own record, kept in their browser: nothing on it is for search.
        self.pages[addresses.RECORD] = RecordPlan(
            addresses.RECORD, words["title.record"], "record.html", hide=("toc",), searchable=False
        )

    def page(self, src_uri: str) -> Planned | None:
        return self.pages.get(src_uri)

    def url(self, src_uri: str) -> str:
        """Where a source file is published, in this build (see `addresses.url`)."""
        return addresses.url(src_uri, self.directory_urls)

    def generated(self) -> list[str]:
        """The source files of the pages the build makes: no trainer wrote them."""
        return [src_uri for src_uri in self.pages if src_uri not in self.site.pages]

    def flagged(self, found: Found) -> list[corner.Flagged]:
        """The stories left out until the problems in their files are fixed."""
        return [
            corner.Flagged(views.Link(page.title, self.url(page.src_uri)), len(problems))
            for page in self.site.stories_with_problems()
            if (problems := found.problems_of(page.src_uri))
        ]

    def data(self, site_url: str) -> dict[str, str]:
        """The files of data the site publishes beside its pages, by name."""
        library = self.site.library
        catalog = catalog_document(library, self.url)
        whole = library_document(library, lambda src_uri: site_url + self.url(src_uri))
        compact = json.dumps(catalog, ensure_ascii=False, separators=(",", ":"))
        files = {
            addresses.CATALOG_DATA: compact,
            addresses.LIBRARY_DATA: json.dumps(whole, indent=2, ensure_ascii=False) + "\n",
        }
        if not self.directory_urls:  # a copy read from the file system: no fetch there
            files[addresses.CATALOG_SCRIPT] = f"window.__catalog = {compact};\n"
        for kind in KINDS:
            files[addresses.schema(kind)] = json.dumps(json_schema(kind), indent=2) + "\n"
        return files

    def _indexes(self) -> None:
        """The home page and the lists of lessons and paths: each may have a trainer's
        introduction, whose title wins."""
        words = self.words
        for src_uri, title, shows, template in (
            (addresses.HOME, None, ("paths", "lessons", "newest"), "home.html"),
            (addresses.LESSONS_INDEX, words["nav.lessons"], ("lessons",), "lessons.html"),
            (addresses.PATHS_INDEX, words["nav.paths"], ("paths",), "paths.html"),
        ):
            record = self.site.pages.get(src_uri)
            if record is not None and not record.title_from_heading:
                title = record.title
            self.pages[src_uri] = ListPlan(
                src_uri,
                title,
                template,
                nav_title=words["nav.home"] if src_uri == addresses.HOME else None,
                description=record.description if record else None,
                hide=record.hide if record else (),
                shows=shows,
            )

    def _by_evidence(self) -> None:
        """The catalog of each kind of evidence but the default, where stories have it."""
        for evidence, stories in self.site.library.by_evidence().items():
            kind = self.words[f"evidence.{evidence}-list"]
            if evidence != DEFAULT_EVIDENCE:
                self._paged(
                    CatalogPlan,
                    partial(addresses.catalog, evidence=evidence),
                    CATALOG_PAGE,
                    self.words.say("title.catalog-kind", kind=kind),
                    partial(self.words.say, "title.catalog-kind-page", kind=kind),
                    stories=stories,
                    evidence=evidence,
                )

    def _paged(
        self,
        kind,
        first,
        size: int,
        title: str,
        further: Callable[..., str],
        stories=None,
        **extra,
    ) -> None:
        """A list of stories by title (every story, unless `stories`), `size` a page: the
        catalog, or the coverage grid (whose first page is the trainer's corner)."""
        every = self.site.library.by_title
        for listing in paginate(every if stories is None else stories, size):
            number = listing.number
            template = kind.templates[min(number, 2) - 1]
            self.pages[first(number)] = kind(
                first(number),
                title if number == 1 else further(number=number),
                template,
                hide=("toc",),  # wide tables need the room of the table of contents
                searchable=number == 1,  # further pages repeat what search finds
                listing=listing,
                pager=_pager(self.url, first, listing.count, number),
                **extra,
            )

    def _lessons(self) -> None:
        """Each lesson's page, its stories 100 a page (strongest first)."""
        library = self.site.library
        for lesson in library.lessons.values():
            record = self.site.pages[addresses.lesson(lesson.id)]
            pages = paginate(library.teaching(lesson.id), LESSON_PAGE)
            for listing in pages:
                number = listing.number
                src_uri = addresses.lesson(lesson.id, number)
                self.pages[src_uri] = LessonPlan(
                    src_uri,
                    record.title
                    if number == 1
                    else self.words.say("title.lesson-page", lesson=lesson.title, number=number),
                    "lesson.html",
                    description=lesson.summary if number == 1 else None,
                    searchable=number == 1,
                    lesson=lesson,
                    listing=listing,
                    pager=_pager(
                        self.url, partial(addresses.lesson, lesson.id), len(pages), number
                    ),
                )

    def _sessions(self) -> None:
        """Each path's facilitator guide, and its handout, printed without the site's frame."""
        for path in self.site.library.paths.values():
            guide, handout = addresses.guide(path.id), addresses.handout(path.id)
            self.pages[guide] = GuidePlan(
                guide,
                self.words.say("title.guide", path=path.title),
                "guide.html",
                searchable=False,
                path=path,
            )
            self.pages[handout] = HandoutPlan(
                handout,
                self.words.say("title.handout", path=path.title),
                "handout.html",
                hide=("navigation", "toc"),
                searchable=False,
                path=path,
            )


def _written(record, in_paths: frozenset[str]) -> Planned:
    """The page a trainer's file becomes; `in_paths` are the stories of the paths."""
    common = dict(description=record.description, hide=record.hide)
    if isinstance(record, StoryPage):
        story = record.story
        return StoryPlan(
            record.src_uri,
            record.title,
            "story.html",
            search_parts=story is not None,
            keeps_body=bool(story and story.slug in in_paths),
            story=story,
            **common,
        )
    if isinstance(record, LessonPage):
        return LessonPlan(
            record.src_uri, record.title, "lesson.html", lesson=record.lesson, **common
        )
    if isinstance(record, PathPage):
        return PathPlan(
            record.src_uri, record.title, "path.html", keeps_body=True, path=record.path, **common
        )
    return Planned(
        record.src_uri, record.title, None, title_from_heading=record.title_from_heading, **common
    )
