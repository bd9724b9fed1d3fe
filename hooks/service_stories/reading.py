"""Reading one file at a time: a story, a lesson, a path, or an ordinary page.

Each is read by its schema table (`values.read_values`), so every field of every kind of
file follows the same rules and reports its problems in the same words.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from . import schema, training
from .documents import check_headings, check_name, document, stand_in_title
from .frontmatter import Mapping, Scalar
from .model import DEFAULT_EVIDENCE, RESERVED_SLUGS, Lesson, Path, Story
from .problems import Problem, Problems
from .values import Known, read_values


@dataclass(frozen=True)
class Page:
    """A file as the build shows it: its body, and the problems that stop it being valid."""

    src_uri: str
    title: str  # the front matter's title, or a stand-in made from the file name
    body: str
    body_line: int  # the line of the file where the body starts
    problems: tuple[Problem, ...]
    description: str | None = None
    hide: tuple[str, ...] = ()  # parts of the page's frame to leave out
    # An ordinary page without a title takes its first heading's, known once rendered.
    title_from_heading: bool = False


@dataclass(frozen=True)
class StoryPage(Page):
    slug: str = ""
    story: Story | None = None  # None while the story has problems


@dataclass(frozen=True)
class LessonPage(Page):
    lesson: Lesson | None = None


@dataclass(frozen=True)
class PathPage(Page):
    path: Path | None = None


def _problems(src_uri: str, display_root: str) -> Problems:
    return Problems(posixpath.join(display_root, src_uri))


def read_page(src_uri: str, raw: bytes, display_root: str) -> Page:
    """An ordinary page: its front matter is optional, and read as strictly as a story's."""
    problems = _problems(src_uri, display_root)
    found = document(raw, problems, required=False)
    values: dict[str, object] = {}
    if found.fields is not None:
        values = read_values(schema.PAGE, found.fields, "page", problems, Known(date.min))
    title = values.get("title")
    return Page(
        src_uri,
        str(title or stand_in_title(src_uri)),
        found.body,
        found.body_line,
        tuple(problems.found),
        description=values.get("description"),  # type: ignore[arg-type]
        hide=values.get("hide") or (),  # type: ignore[arg-type]
        title_from_heading=title is None,
    )


def read_lesson(src_uri: str, raw: bytes, display_root: str) -> LessonPage:
    problems = _problems(src_uri, display_root)
    lesson_id = check_name(src_uri, "lesson", problems)
    found = document(raw, problems, required=True)
    lesson = values = None
    if found.fields is not None:
        values = read_values(schema.LESSON, found.fields, "lesson", problems, Known(date.min))
        if not problems:
            lesson = Lesson(lesson_id, **values)  # type: ignore[arg-type]
    return LessonPage(
        src_uri,
        (values or {}).get("title") or stand_in_title(src_uri),  # type: ignore[arg-type]
        found.body,
        found.body_line,
        tuple(problems.found),
        description=lesson.summary if lesson else None,
        lesson=lesson,
    )


def read_path(src_uri: str, raw: bytes, display_root: str, stories: Collection[str]) -> PathPage:
    """A training path: its steps must name stories, each once."""
    problems = _problems(src_uri, display_root)
    path_id = check_name(src_uri, "path", problems)
    found = document(raw, problems, required=True)
    path = values = None
    if found.fields is not None:
        known = Known(date.min, stories=stories)
        values = read_values(schema.PATH, found.fields, "path", problems, known)
        if not problems:
            path = Path(path_id, **values)  # type: ignore[arg-type]
    return PathPage(
        src_uri,
        (values or {}).get("title") or stand_in_title(src_uri),  # type: ignore[arg-type]
        found.body,
        found.body_line,
        tuple(problems.found),
        description=path.summary if path else None,
        path=path,
    )


def _evidence(fields: Mapping) -> object:
    """The evidence a story's front matter gives, as written, to choose the rules it is
    read by (its reader reports a value that is not one of the kinds)."""
    entry = fields.entries.get("evidence")
    return entry.value.text if entry and isinstance(entry.value, Scalar) else None


def read_story(
    src_uri: str, raw: bytes, display_root: str, lessons: Collection[str], today: date
) -> StoryPage:
    """Read and check one story against the schema and the library's lessons."""
    problems = _problems(src_uri, display_root)
    slug = check_name(src_uri, "story", problems)
    if slug in RESERVED_SLUGS:
        problems.add(
            1,
            "file name",
            f"`{slug}` is the address of a page the build makes",
            f"rename the file, for instance to {slug}-story.md",
        )
    found = document(raw, problems, required=True)
    check_headings(found, problems)
    values: dict[str, object] = {}
    if found.fields is not None:
        table = schema.ANECDOTE if _evidence(found.fields) == "anecdote" else schema.STORY
        values = read_values(table, found.fields, "story", problems, Known(today, lessons=lessons))
        values["evidence"] = values["evidence"] or DEFAULT_EVIDENCE
    story = None
    if not problems and found.fields is not None:
        story = Story(slug=slug, words=training.count_words(found.body), **values)  # type: ignore[arg-type]
    return StoryPage(
        src_uri,
        str(values.get("title") or stand_in_title(src_uri)),
        found.body,
        found.body_line,
        tuple(problems.found),
        description=story.summary if story else None,
        slug=slug,
        story=story,
    )
