"""A front-matter mapping read by its schema table: each field by the reader of its kind.

Every kind of file is read this way (`schema.STORY`, `LESSON`, `PATH`, `PAGE`), so each
rule and limit lives in the table and each message comes from the same readers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from . import fields as read
from . import schema, training
from .frontmatter import Mapping, Sequence, Value
from .model import MAX_ADDRESS, MAX_LESSONS, Source
from .problems import Problems


@dataclass(frozen=True)
class Known:
    """What a field may name: the library's lessons and stories, and today's year."""

    today: date
    lessons: Collection[str] = ()
    stories: Collection[str] = ()


Reader = Callable[[schema.Field, Value | None, Problems, Known], object]

_READERS: dict[str, Reader] = {
    "text": lambda field, value, problems, known: read.text(
        value, field.name, problems, field.limit or 0
    ),
    "year": lambda field, value, problems, known: read.integer(
        value, field.name, problems, field.low or 0, known.today.year
    ),
    "word": lambda field, value, problems, known: read.word(
        value, field.name, problems, field.choices
    ),
    "number": lambda field, value, problems, known: read.integer(
        value, field.name, problems, field.low or 0, field.high or 0
    ),
    "date": lambda field, value, problems, known: read.iso_date(value, field.name, problems),
    "lessons": lambda field, value, problems, known: _lessons(value, problems, known.lessons),
    "sources": lambda field, value, problems, known: _sources(value, problems),
    "texts": lambda field, value, problems, known: training.discussion(value, field, problems),
    "questions": lambda field, value, problems, known: training.quiz(value, problems),
    "steps": lambda field, value, problems, known: training.steps(
        value, field, problems, known.stories
    ),
    "parts": lambda field, value, problems, known: _parts(value, field, problems),
}


def read_values(
    table: tuple[schema.Field, ...], fields: Mapping, kind: str, problems: Problems, known: Known
) -> dict[str, object]:
    """Each field of the table, by name; None for one that is missing or has a problem."""
    reader = read.FieldReader(fields, problems)
    reader.unknown(schema.names(table), kind)
    values = {}
    for field in table:
        example = field.example
        if field.kind == "year":
            example = (example or "{year}").format(year=known.today.year)
        value = reader.value(field.name, example, required=field.required)
        values[field.name] = _READERS[field.kind](field, value, problems, known)
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
            title=reader.text(title.name, title.example, limit=title.limit or 0),
            publisher=reader.text(publisher.name, limit=publisher.limit or 0, required=False),
            date=read.iso_date(reader.value(when.name, required=False), f"{name}.date", problems),
            url=read.web_address(
                reader.value(url.name, required=False), f"{name}.url", problems, MAX_ADDRESS
            ),
        )
        if len(problems.found) == before:
            sources.append(source)
    return tuple(sources) if len(sources) == len(value.items) else None


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
