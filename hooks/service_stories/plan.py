"""The pages the build makes itself, beside the ones trainers write."""

from __future__ import annotations

from dataclasses import dataclass

from . import addresses
from .library import Library
from .model import CATALOG_PAGE, COVERAGE_PAGE, LESSON_PAGE


@dataclass(frozen=True)
class Generated:
    title: str
    template: str
    path_id: str | None = None
    listing: int | None = None  # the page number, for a paged list
    lesson_id: str | None = None  # for the further pages of a lesson's stories


def _pages(count: int, size: int) -> range:
    return range(1, max(1, -(-count // size)) + 1)


def generated_pages(library: Library) -> dict[str, Generated]:
    """Each page the build makes, by source file."""
    pages = {
        addresses.LESSONS_INDEX: Generated("Lessons", "lessons.html"),
        addresses.PATHS_INDEX: Generated("Paths", "paths.html"),
    }
    stories = len(library.stories)
    for number in _pages(stories, CATALOG_PAGE):
        title = "Catalog" if number == 1 else f"Catalog, page {number}"
        pages[addresses.catalog(number)] = Generated(title, "catalog.html", listing=number)
    for number in _pages(stories, COVERAGE_PAGE):
        title = "Trainer's corner" if number == 1 else f"Coverage, page {number}"
        template = "trainers.html" if number == 1 else "coverage.html"
        pages[addresses.coverage(number)] = Generated(title, template, listing=number)
    for lesson in library.lessons.values():
        for number in range(2, len(_pages(len(library.by_lesson[lesson.id]), LESSON_PAGE)) + 1):
            pages[addresses.lesson(lesson.id, number)] = Generated(
                f"{lesson.title}, page {number}", "lesson.html", listing=number, lesson_id=lesson.id
            )
    for path in library.paths.values():
        pages[addresses.guide(path.id)] = Generated(
            f"Facilitator guide: {path.title}", "guide.html", path.id
        )
        pages[addresses.handout(path.id)] = Generated(
            f"Handout: {path.title}", "handout.html", path.id
        )
    return pages
