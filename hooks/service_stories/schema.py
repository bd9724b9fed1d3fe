"""The front-matter schema, declared once.

Reading (`reading.py`) walks these tables to check a story, and `json_schema()` turns the
same tables into a JSON Schema for editors and other tools: the rules are written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import (
    CHANNELS,
    FIRST_YEAR,
    MAX_CHOICES,
    MAX_LESSONS,
    MAX_SUMMARY,
    MAX_TITLE,
    OUTCOMES,
    SLUG,
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, year, word, lessons, sources, date, url, days, texts, questions, ...
    description: str
    required: bool = True
    example: str = ""
    limit: int | None = None  # characters of text, or entries of a list
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    items: tuple[Field, ...] = ()  # the fields of each entry of a list of mappings


SOURCE: tuple[Field, ...] = (
    Field("title", "text", "The article's headline.", example="The article's headline", limit=300),
    Field("publisher", "text", "Who published it.", required=False, limit=MAX_TITLE),
    Field("date", "date", "When it was published, as YYYY-MM-DD.", required=False),
    Field("url", "url", "The page's real address (http or https).", required=False),
)

QUESTION: tuple[Field, ...] = (
    Field("question", "text", "The question.", example="What did the agent do first?", limit=500),
    Field(
        "choices",
        "choices",
        "The possible answers.",
        example="[First, Second, Third]",
        low=2,
        limit=MAX_CHOICES,
    ),
    Field(
        "answer",
        "answer",
        "The right choice, word for word, or a list of them when several are right.",
        example="Second",
    ),
    Field("why", "text", "Why that is the answer.", example="Because ...", limit=1000),
)

STORY: tuple[Field, ...] = (
    Field("title", "text", "Plain text.", example="LEGO replaces a lost ninja", limit=MAX_TITLE),
    Field("company", "text", "The company the story is about.", example="LEGO", limit=MAX_TITLE),
    Field(
        "year",
        "year",
        "The year it happened, or of the earliest report when reports do not say.",
        low=FIRST_YEAR,
    ),
    Field(
        "channel",
        "word",
        "How the company served or answered the customer.",
        example=CHANNELS[0],
        choices=CHANNELS,
    ),
    Field(
        "outcome",
        "word",
        "delight: beyond expectations; recovery: a mistake turned around; "
        "failure: a counter-example.",
        example="delight",
        choices=tuple(OUTCOMES),
    ),
    Field(
        "lessons",
        "lessons",
        "The lessons it teaches: ids of files in stories/lessons/.",
        example="[exceed-the-ask]",
        limit=MAX_LESSONS,
    ),
    Field(
        "summary",
        "text",
        "One or two sentences.",
        example="One or two sentences.",
        limit=MAX_SUMMARY,
    ),
    Field(
        "sources",
        "sources",
        "The reports the story rests on.",
        example="(a list, see the README)",
        items=SOURCE,
    ),
    Field("reviewed", "date", "When it was last checked against its sources.", required=False),
    Field(
        "review_every",
        "days",
        "How often to check it again, in days.",
        required=False,
        low=1,
        high=3650,
    ),
    Field("owner", "text", "Who keeps it up to date.", required=False, limit=MAX_TITLE),
    Field("discuss", "texts", "Discussion questions.", required=False, limit=500),
    Field("quiz", "questions", "Knowledge-check questions.", required=False, items=QUESTION),
)


# An ordinary page (a guide, the home page, an index page's introduction): its front matter
# is optional, and what it holds reaches the page's head, so it is read as strictly.
PAGE_PARTS = ("navigation", "toc", "footer")
PAGE: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        "The page's title; without one, its first heading.",
        required=False,
        limit=MAX_TITLE,
    ),
    Field(
        "description",
        "text",
        "One or two sentences, for search engines and link previews.",
        required=False,
        limit=MAX_SUMMARY,
    ),
    Field(
        "hide",
        "parts",
        "Parts of the page's frame to leave out: " + ", ".join(PAGE_PARTS) + ".",
        required=False,
        example="[toc]",
        choices=PAGE_PARTS,
    ),
)


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(field.name for field in fields)


def json_schema() -> dict[str, Any]:
    """The story front matter as a JSON Schema (draft 2020-12)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "story.schema.json",
        "title": "Service Stories: story front matter",
        **_object(STORY),
    }


def _object(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _property(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def _text(limit: int | None) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": limit}


def _property(field: Field) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {
        "text": _text(field.limit),
        "year": {"type": "integer", "minimum": field.low},
        "word": {"enum": list(field.choices)},
        "lessons": {
            "type": "array",
            "items": {"type": "string", "pattern": SLUG.pattern},
            "minItems": 1,
            "maxItems": field.limit,
            "uniqueItems": True,
        },
        "sources": {"type": "array", "items": _object(field.items), "minItems": 1},
        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "url": {"type": "string", "pattern": "^https?://[^ ]+$"},
        "days": {"type": "integer", "minimum": field.low, "maximum": field.high},
        "texts": {"type": "array", "items": _text(field.limit), "minItems": 1},
        "questions": {"type": "array", "items": _object(field.items), "minItems": 1},
        "choices": {
            "type": "array",
            "items": _text(300),
            "minItems": field.low,
            "maxItems": field.limit,
            "uniqueItems": True,
        },
        "answer": {"oneOf": [_text(300), {"type": "array", "items": _text(300), "minItems": 1}]},
        "parts": {"type": "array", "items": {"enum": list(field.choices)}, "uniqueItems": True},
    }
    return {"description": field.description, **kinds[field.kind]}
