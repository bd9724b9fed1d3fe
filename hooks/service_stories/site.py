"""Reading the whole docs folder: which file is what, every problem, and the library."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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

    @property
    def problems(self) -> list[Problem]:
        return sorted(problem for page in self.pages.values() for problem in page.problems)

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
    library = Library(
        stories=[p.story for p in pages.values() if isinstance(p, StoryPage) and p.story],
        lessons=[p.lesson for p in pages.values() if isinstance(p, LessonPage) and p.lesson],
        paths=[p.path for p in pages.values() if isinstance(p, PathPage) and p.path],
    )
    return Site(pages, library)
