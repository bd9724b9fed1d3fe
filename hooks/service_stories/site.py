"""Reading the whole docs folder: which file is what, every problem, and the library."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from datetime import date

from . import addresses
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

HOME = addresses.HOME
LESSONS_INDEX = addresses.LESSONS_INDEX
PATHS_INDEX = addresses.PATHS_INDEX
CATALOG = addresses.CATALOG
TRAINERS = addresses.TRAINERS


def kind_of(src_uri: str) -> str:
    """`story`, `lesson`, `path` or `page`, from where a Markdown file sits in the docs folder."""
    folder, name = posixpath.split(src_uri)
    if posixpath.splitext(name)[0] in ("index", "README"):
        return "page"
    if folder == "":
        return "story"
    if folder == addresses.LESSONS:
        return "lesson"
    if folder == addresses.PATHS:
        return "path"
    return "page"


@dataclass(frozen=True)
class Site:
    pages: dict[str, Page]  # by src_uri: every Markdown file, valid or not
    library: Library
    # Problems found once the files were read: between files (clashing names), and in
    # the rendered bodies (unsafe markup, links), by the page they are on.
    later: dict[str, list[Problem]] = field(default_factory=dict)

    def report(self, src_uri: str, problems: list[Problem]) -> None:
        if problems:
            self.later.setdefault(src_uri, []).extend(problems)

    def problems_of(self, src_uri: str) -> list[Problem]:
        page = self.pages.get(src_uri)
        return [*(page.problems if page else ()), *self.later.get(src_uri, ())]

    @property
    def problems(self) -> list[Problem]:
        within = (problem for page in self.pages.values() for problem in page.problems)
        return sorted([*within, *(p for found in self.later.values() for p in found)])

    def stories_with_problems(self) -> list[StoryPage]:
        return [
            page
            for page in self.pages.values()
            if isinstance(page, StoryPage) and self.problems_of(page.src_uri)
        ]


def load_site(
    markdown_files: Iterable[tuple[str, bytes]],
    display_root: str,
    today: date,
    remembered: MutableMapping[bytes, StoryPage] | None = None,
) -> Site:
    """Read every Markdown file of the docs folder, given as (src_uri, content) pairs.
    `remembered` holds stories as an earlier build read them, by everything a story's
    reading depends on (see `_reading_key`): each is read again only when one changed."""
    by_kind: dict[str, list[tuple[str, bytes]]] = {
        "story": [], "lesson": [], "path": [], "page": []
    }  # fmt: skip
    for src_uri, raw in markdown_files:
        by_kind[kind_of(src_uri)].append((src_uri, raw))
    pages: dict[str, Page] = {}
    for src_uri, raw in by_kind["lesson"]:
        pages[src_uri] = read_lesson(src_uri, raw, display_root)
    lesson_ids = {posixpath.splitext(posixpath.basename(uri))[0] for uri, _ in by_kind["lesson"]}
    pages.update(_read_stories(by_kind["story"], display_root, lesson_ids, today, remembered))
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
    site = Site(pages, library)
    for src_uri, problem in _clashing_names(pages, display_root):
        site.report(src_uri, [problem])
    return site


def _read_stories(
    stories: list[tuple[str, bytes]],
    display_root: str,
    lesson_ids: set[str],
    today: date,
    remembered: MutableMapping[bytes, StoryPage] | None,
) -> dict[str, StoryPage]:
    context = repr((display_root, sorted(lesson_ids), today.isoformat())).encode()
    read = {}
    for src_uri, raw in stories:
        key = _reading_key(context, src_uri, raw) if remembered is not None else b""
        story = remembered.get(key) if remembered is not None else None
        if story is None:
            story = read_story(src_uri, raw, display_root, lesson_ids, today)
            if remembered is not None:
                remembered[key] = story
        read[src_uri] = story
    return read


def _reading_key(context: bytes, src_uri: str, raw: bytes) -> bytes:
    """What a story's reading depends on: its file's name and bytes, and the library's
    lessons, the docs folder's name and the day it is read on (`context`)."""
    return hashlib.sha256(b"\0".join((context, src_uri.encode(), raw))).digest()


def _clashing_names(pages: dict[str, Page], display_root: str) -> list[tuple[str, Problem]]:
    """Stories whose names differ only in case would be one page on Windows and macOS."""
    seen: dict[str, str] = {}
    found = []
    for src_uri in sorted(uri for uri, page in pages.items() if isinstance(page, StoryPage)):
        folded = src_uri.casefold()
        if folded in seen:
            problem = Problem(
                posixpath.join(display_root, src_uri),
                1,
                "file name",
                f"`{src_uri}` and `{seen[folded]}` differ only in case",
                "rename one of them: on Windows and macOS they would be the same page",
            )
            found.append((src_uri, problem))
        else:
            seen[folded] = src_uri
    return found
