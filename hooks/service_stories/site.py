"""Reading the whole docs folder: which file is what, every problem, and the library."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .fields import suggest
from .library import Library
from .problems import Problem
from .reading import (
    LessonPage,
    Page,
    PathPage,
    StoryPage,
    read_lesson,
    read_page,
    read_path,
    read_story,
)

HOME = "index.md"
LESSONS_DIR = "lessons"
LESSONS_INDEX = "lessons/index.md"
PATHS_DIR = "paths"
PATHS_INDEX = "paths/index.md"
CATALOG = "catalog.md"
TRAINERS = "trainers.md"


def kind_of(src_uri: str) -> str:
    """`story`, `lesson` or `page`, from where a Markdown file sits in the docs folder."""
    folder, name = posixpath.split(src_uri)
    if name == "index.md":
        return "page"
    if folder == "":
        return "story"
    if folder == LESSONS_DIR:
        return "lesson"
    if folder == PATHS_DIR:
        return "path"
    return "page"


@dataclass(frozen=True)
class Site:
    pages: dict[str, Page]  # by src_uri: every Markdown file, valid or not
    library: Library
    across: tuple[Problem, ...] = ()  # between files: links to missing files, clashing names

    @property
    def problems(self) -> list[Problem]:
        within = (problem for page in self.pages.values() for problem in page.problems)
        return sorted([*within, *self.across])

    def stories_with_problems(self) -> list[StoryPage]:
        return [p for p in self.pages.values() if isinstance(p, StoryPage) and p.problems]


def load_site(markdown_files: Iterable[tuple[str, bytes]], display_root: str, today: date) -> Site:
    """Read every Markdown file of the docs folder, given as (src_uri, content) pairs."""
    by_kind: dict[str, list[tuple[str, bytes]]] = {
        "story": [], "lesson": [], "path": [], "page": []
    }  # fmt: skip
    for src_uri, raw in markdown_files:
        by_kind[kind_of(src_uri)].append((src_uri, raw))
    pages: dict[str, Page] = {}
    for src_uri, raw in by_kind["lesson"]:
        pages[src_uri] = read_lesson(src_uri, raw, display_root)
    lesson_ids = {posixpath.splitext(posixpath.basename(uri))[0] for uri, _ in by_kind["lesson"]}
    for src_uri, raw in by_kind["story"]:
        pages[src_uri] = read_story(src_uri, raw, display_root, lesson_ids, today)
    story_slugs = {posixpath.splitext(uri)[0] for uri, _ in by_kind["story"]}
    for src_uri, raw in by_kind["path"]:
        pages[src_uri] = read_path(src_uri, raw, display_root, story_slugs)
    for src_uri, raw in by_kind["page"]:
        pages[src_uri] = read_page(src_uri, raw, display_root)
    across = _missing_links(pages, display_root) + _clashing_names(pages, display_root)
    library = Library(
        stories=[p.story for p in pages.values() if isinstance(p, StoryPage) and p.story],
        lessons=[p.lesson for p in pages.values() if isinstance(p, LessonPage) and p.lesson],
        paths=[p.path for p in pages.values() if isinstance(p, PathPage) and p.path],
    )
    return Site(pages, library, tuple(across))


def _missing_links(pages: dict[str, Page], display_root: str) -> list[Problem]:
    found = []
    for page in pages.values():
        if not isinstance(page, StoryPage):
            continue
        folder = posixpath.dirname(page.src_uri)
        for line, target in page.links:
            resolved = posixpath.normpath(posixpath.join(folder, target))
            if resolved not in pages:
                close = suggest(resolved, [uri for uri in pages if uri != page.src_uri])
                found.append(
                    Problem(
                        posixpath.join(display_root, page.src_uri),
                        line,
                        "body",
                        f"links to `{target}`, which is not a page in {display_root}/",
                        f"did you mean {close[0]}?" if close else "fix the link or remove it",
                    )
                )
    return found


def _clashing_names(pages: dict[str, Page], display_root: str) -> list[Problem]:
    """Stories whose names differ only in case would be one page on Windows and macOS."""
    seen: dict[str, str] = {}
    found = []
    for src_uri in sorted(uri for uri, page in pages.items() if isinstance(page, StoryPage)):
        folded = src_uri.casefold()
        if folded in seen:
            found.append(
                Problem(
                    posixpath.join(display_root, src_uri),
                    1,
                    "file name",
                    f"`{src_uri}` and `{seen[folded]}` differ only in case",
                    "rename one of them: on Windows and macOS they would be the same page",
                )
            )
        else:
            seen[folded] = src_uri
    return found
