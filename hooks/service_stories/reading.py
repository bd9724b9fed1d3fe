"""Reading one file at a time: a story, a lesson, or an ordinary page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from . import fields as read
from . import schema, training
from .frontmatter import Document, Mapping, Sequence, decode, split
from .model import (
    MAX_FILE_BYTES,
    MAX_LESSONS,
    MAX_SUMMARY,
    MAX_TITLE,
    RESERVED_SLUGS,
    SLUG,
    Lesson,
    Path,
    Source,
    Story,
)
from .problems import Problem, Problems
from .safety import within_limits

LESSON_FIELDS = ("title", "summary", "order")
PATH_FIELDS = ("title", "audience", "summary", "steps", "order")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


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


def _document(src_uri: str, raw: bytes, problems: Problems, required: bool) -> Document:
    if len(raw) > MAX_FILE_BYTES:
        problems.add(
            1,
            "file",
            f"is {len(raw) / 1_000_000:.1f} MB, more than the {MAX_FILE_BYTES // 1_000_000} MB "
            "a page may be",
            "shorten it, or split it into several stories",
        )
        return Document(None, "", 1)
    if b"\x00" in raw:
        problems.add(
            raw[: raw.index(b"\x00")].count(b"\n") + 1,
            "file",
            "is binary, not text",
            "a story is a Markdown text file; put images and other files in a folder of their own",
        )
        return Document(None, "", 1)
    text = decode(raw, problems)
    if text is None:
        return Document(None, "", 1)
    document = split(text, problems, required=required)
    if not within_limits(document.body, document.body_line, problems):
        # Never handed to Markdown: the page shows its problems instead.
        return Document(document.fields, "", document.body_line)
    return document


def _stand_in_title(src_uri: str) -> str:
    name = posixpath.splitext(posixpath.basename(src_uri))[0]
    return name.replace("-", " ").replace("_", " ").capitalize()


def _check_name(src_uri: str, kind: str, problems: Problems) -> str:
    """The id a story, lesson or path takes from its file name, which must be `<id>.md`."""
    name, extension = posixpath.splitext(posixpath.basename(src_uri))
    if extension != ".md":
        problems.add(
            1,
            "file name",
            f"`{posixpath.basename(src_uri)}` is not a .md file",
            f"rename it to {name}.md: every {kind} is a .md file",
        )
    if not SLUG.match(name):
        fixed = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "my-story"
        problems.add(
            1,
            "file name",
            f"`{name}` is not a valid {kind} id",
            f"rename the file to {fixed}.md: lowercase letters, digits and hyphens",
        )
    return name


def read_page(src_uri: str, raw: bytes, display_root: str) -> Page:
    """An ordinary page: its front matter is optional, and read as strictly as a story's."""
    problems = Problems(posixpath.join(display_root, src_uri))
    document = _document(src_uri, raw, problems, required=False)
    title = description = None
    hide: tuple[str, ...] = ()
    if document.fields is not None:
        reader = read.FieldReader(document.fields, problems)
        reader.unknown(schema.names(schema.PAGE), "page")
        titled, described, hidden = schema.PAGE
        title = reader.text(titled.name, limit=titled.limit or 0, required=False)
        description = reader.text(described.name, limit=described.limit or 0, required=False)
        hide = _parts(reader.value(hidden.name, required=False), hidden, problems)
    return Page(
        src_uri,
        title or _stand_in_title(src_uri),
        document.body,
        document.body_line,
        tuple(problems.found),
        description=description,
        hide=hide,
        title_from_heading=title is None,
    )


def _parts(value, field: schema.Field, problems: Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    items = read.words(value, field.name, problems, most=len(field.choices), example=field.example)
    found: list[str] = []
    for item in items or ():
        if item.text not in field.choices:
            problems.add(
                item.line,
                field.name,
                f"`{item.text}` is not a part of the page",
                read.one_of_fix(item.text, field.choices, "parts"),
            )
        elif item.text not in found:
            found.append(item.text)
    return tuple(found)


def read_lesson(src_uri: str, raw: bytes, display_root: str) -> LessonPage:
    problems = Problems(posixpath.join(display_root, src_uri))
    lesson_id = _check_name(src_uri, "lesson", problems)
    document = _document(src_uri, raw, problems, required=True)
    lesson = title = None
    if document.fields is not None:
        reader = read.FieldReader(document.fields, problems)
        reader.unknown(LESSON_FIELDS, "lesson")
        title = reader.text("title", "Speak to the person, not the ticket", limit=MAX_TITLE)
        summary = reader.text("summary", "One line on what the lesson teaches.", limit=200)
        order = read.integer(
            reader.value("order", "1", required=False), "order", problems, 0, 10_000
        )
        if not problems and title and summary:
            lesson = Lesson(lesson_id, title, summary, order)
    shown = title or _stand_in_title(src_uri)
    return LessonPage(
        src_uri,
        shown,
        document.body,
        document.body_line,
        tuple(problems.found),
        description=lesson.summary if lesson else None,
        lesson=lesson,
    )


def read_path(src_uri: str, raw: bytes, display_root: str, stories: Collection[str]) -> PathPage:
    """A training path: its steps must name stories, each once."""
    problems = Problems(posixpath.join(display_root, src_uri))
    path_id = _check_name(src_uri, "path", problems)
    document = _document(src_uri, raw, problems, required=True)
    path = title = None
    if document.fields is not None:
        reader = read.FieldReader(document.fields, problems)
        reader.unknown(PATH_FIELDS, "path")
        title = reader.text("title", "Your first week", limit=MAX_TITLE)
        audience = reader.text("audience", "New agents", limit=MAX_TITLE)
        summary = reader.text("summary", "One or two sentences.", limit=MAX_SUMMARY)
        steps = training.steps(reader.value("steps", "[lego-lost-ninja]"), problems, stories)
        order = read.integer(reader.value("order", required=False), "order", problems, 0, 10_000)
        if not problems and title and audience and summary and steps:
            path = Path(path_id, title, audience, summary, steps, order)
    shown = title or _stand_in_title(src_uri)
    return PathPage(
        src_uri,
        shown,
        document.body,
        document.body_line,
        tuple(problems.found),
        description=path.summary if path else None,
        path=path,
    )


def read_story(
    src_uri: str, raw: bytes, display_root: str, lessons: Collection[str], today: date
) -> StoryPage:
    """Read and check one story against the schema and the library's lessons."""
    problems = Problems(posixpath.join(display_root, src_uri))
    slug = _check_name(src_uri, "story", problems)
    if slug in RESERVED_SLUGS:
        problems.add(
            1,
            "file name",
            f"`{slug}` is the address of a page the build makes",
            f"rename the file, for instance to {slug}-story.md",
        )
    document = _document(src_uri, raw, problems, required=True)
    _check_body(document, problems)
    values = {}
    if document.fields is not None:
        values = _story_values(document.fields, problems, lessons, today)
    story = None
    if not problems and document.fields is not None:
        story = Story(slug=slug, words=training.count_words(document.body), **values)
    shown = values.get("title") or _stand_in_title(src_uri)
    return StoryPage(
        src_uri,
        shown,
        document.body,
        document.body_line,
        tuple(problems.found),
        description=story.summary if story else None,
        slug=slug,
        story=story,
    )


def _story_values(
    fields: Mapping, problems: Problems, lessons: Collection[str], today: date
) -> dict[str, object]:
    """Each field of the schema's table, read by the reader for its kind."""
    reader = read.FieldReader(fields, problems)
    reader.unknown(schema.names(schema.STORY), "story")
    by_kind = {
        "text": lambda field, value: read.text(value, field.name, problems, field.limit),
        "year": lambda field, value: read.integer(
            value, field.name, problems, field.low, today.year
        ),
        "word": lambda field, value: read.word(value, field.name, problems, field.choices),
        "lessons": lambda field, value: _lessons(value, problems, lessons),
        "sources": lambda field, value: _sources(value, problems),
        "date": lambda field, value: read.iso_date(value, field.name, problems),
        "days": lambda field, value: read.integer(
            value, field.name, problems, field.low, field.high
        ),
        "texts": lambda field, value: training.discussion(value, problems),
        "questions": lambda field, value: training.quiz(value, problems),
    }
    values = {}
    for field in schema.STORY:
        example = str(today.year) if field.kind == "year" else field.example
        value = reader.value(field.name, example, required=field.required)
        values[field.name] = by_kind[field.kind](field, value)
    return values


def _lessons(value, problems: Problems, known: Collection[str]) -> tuple[str, ...] | None:
    example = "[personalize-the-reply, exceed-the-ask]"
    items = read.words(value, "lessons", problems, most=MAX_LESSONS, example=example)
    if items is None:
        return None
    found: list[str] = []
    for item in items:
        if item.text in found:
            problems.add(item.line, "lessons", f"`{item.text}` is listed twice", "list it once")
        elif item.text not in known:
            problems.add(
                item.line,
                "lessons",
                f"`{item.text}` is not a lesson",
                read.one_of_fix(
                    item.text, sorted(known), "lessons", f"or add stories/lessons/{item.text}.md"
                ),
            )
        else:
            found.append(item.text)
    return tuple(found) if len(found) == len(items) else None


def _sources(value, problems: Problems) -> tuple[Source, ...] | None:
    fix = "give a list of sources, each with a title, and optionally publisher, date, url"
    if value is None:
        return None
    if not isinstance(value, Sequence) or not value.items:
        problems.add(value.line, "sources", "is not a list of sources", fix)
        return None
    sources = []
    for number, item in enumerate(value.items, start=1):
        name = f"sources[{number}]"
        if not isinstance(item, Mapping):
            problems.add(item.line, name, "is not a source with a title", fix)
            continue
        before = len(problems.found)
        reader = read.FieldReader(item, problems, prefix=f"{name}.")
        reader.unknown(schema.names(schema.SOURCE), "source")
        title, publisher, when, url = schema.SOURCE
        source = Source(
            title=reader.text(title.name, title.example, limit=title.limit),
            publisher=reader.text(publisher.name, limit=publisher.limit, required=False),
            date=read.iso_date(reader.value(when.name, required=False), f"{name}.date", problems),
            url=read.web_address(reader.value(url.name, required=False), f"{name}.url", problems),
        )
        if len(problems.found) == before:
            sources.append(source)
    return tuple(sources) if len(sources) == len(value.items) else None


def _check_body(document: Document, problems: Problems) -> None:
    for number, line in _prose_lines(document.body):
        if line.startswith("# "):
            problems.add(
                document.body_line + number,
                "body",
                "has a level-one heading (# ...)",
                "remove it, the page title comes from the front matter; use ## for sections",
            )


def _prose_lines(body: str):
    """Numbered lines of the body outside fenced code blocks."""
    fence = None
    for number, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if match and (fence is None or match.group(1).startswith(fence)):
            fence = None if fence else match.group(1)[0] * 3
            continue
        if fence is None:
            yield number, line
