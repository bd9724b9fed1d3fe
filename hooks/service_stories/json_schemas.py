"""The front-matter tables of `schema.py` as JSON Schemas (draft 2020-12), for editors
that check YAML as it is written, and for the site to publish beside its pages."""

from __future__ import annotations

from typing import Any

from .model import MAX_SUMMARY, SLUG
from .schema import LESSON, PATH, STORY, Field

# What `json_schema` publishes: each kind's table, with its title.
# A story in a path's steps: its file name, with or without .md.
_STEP = SLUG.pattern.removesuffix("$") + r"(\.md)?$"
KINDS: dict[str, tuple[str, tuple[Field, ...]]] = {
    "story": ("Service Stories: story front matter", STORY),
    "lesson": ("Service Stories: lesson front matter", LESSON),
    "path": ("Service Stories: training path front matter", PATH),
}


def json_schema(kind: str = "story") -> dict[str, Any]:
    """The front matter of a story, a lesson or a path as a JSON Schema (draft 2020-12)."""
    title, fields = KINDS[kind]
    body = _object(fields)
    if kind == "story":  # the year is required unless the story is an anecdote
        body["required"].remove("year")
        body["if"] = {"properties": {"evidence": {"const": "anecdote"}}, "required": ["evidence"]}
        body["else"] = {"required": ["year"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": title,
        **body,
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
    return {"description": field.description, **(_value(field) or _list(field))}


def _value(field: Field) -> dict[str, Any] | None:
    """A single value: text, a number, a word from a vocabulary, a date or an address."""
    kinds: dict[str, dict[str, Any]] = {
        "text": _text(field.limit),
        "year": {"type": "integer", "minimum": field.low},
        "word": {"enum": list(field.choices)},
        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "url": {"type": "string", "pattern": "^https?://[^ ]+$"},
        "number": {"type": "integer", "minimum": field.low, "maximum": field.high},
        "slug": {"type": "string", "pattern": _STEP, "maxLength": field.limit},
        "answer": {
            "oneOf": [
                _text(MAX_SUMMARY),
                {"type": "array", "items": _text(MAX_SUMMARY), "minItems": 1},
            ]
        },
    }
    return kinds.get(field.kind)


def _list(field: Field) -> dict[str, Any]:
    """A list: of lesson ids, sources, questions, choices, steps or parts of a page."""
    slugs = {"type": "string", "pattern": SLUG.pattern}
    kinds: dict[str, dict[str, Any]] = {
        "lessons": {"items": slugs, "minItems": 1, "maxItems": field.limit, "uniqueItems": True},
        "sources": {"items": _object(field.items), "minItems": 1},
        "texts": {"items": _text(field.limit), "minItems": 1},
        "questions": {"items": _object(field.items), "minItems": 1},
        "choices": {
            "items": _text(MAX_SUMMARY),
            "minItems": field.low,
            "maxItems": field.limit,
            "uniqueItems": True,
        },
        "steps": {
            "items": {"oneOf": [{"type": "string", "pattern": _STEP}, _object(field.items)]},
            "minItems": 1,
            "maxItems": field.limit,
        },
        "parts": {"items": {"enum": list(field.choices)}, "uniqueItems": True},
    }
    return {"type": "array", **kinds[field.kind]}
