"""The library as data: `stories.json` at the site's root, for an LMS import or a search bot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import addresses
from .library import Library
from .model import Source, Story


def _source(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.isoformat() if source.date else None,
        "url": source.url,
    }


def _story(story: Story, url: str) -> dict[str, Any]:
    return {
        "slug": story.slug,
        "url": url,
        "title": story.title,
        "company": story.company,
        "year": story.year,
        "channel": story.channel,
        "outcome": story.outcome,
        "evidence": story.evidence,
        "lessons": list(story.lessons),
        "summary": story.summary,
        "sources": [_source(source) for source in story.sources],
        "reviewed": story.reviewed.isoformat() if story.reviewed else None,
        "review_every": story.review_every,
        "owner": story.owner,
        "minutes": story.minutes,
    }


def library_document(library: Library, url_of: Callable[[str], str]) -> dict[str, Any]:
    """Every story, lesson and path; `url_of` gives a page's address from its source file."""
    return {
        "stories": [
            _story(story, url_of(addresses.story(story.slug))) for story in library.stories.values()
        ],
        "lessons": [
            {
                "id": lesson.id,
                "url": url_of(addresses.lesson(lesson.id)),
                "title": lesson.title,
                "summary": lesson.summary,
                "stories": [story.slug for story in library.teaching(lesson.id)],
            }
            for lesson in library.lessons.values()
        ],
        "paths": [
            {
                "id": path.id,
                "url": url_of(addresses.path(path.id)),
                "title": path.title,
                "audience": path.audience,
                "summary": path.summary,
                "steps": [step.slug for step in path.steps],
            }
            for path in library.paths.values()
        ],
    }


def catalog_document(library: Library, url_of: Callable[[str], str]) -> dict[str, Any]:
    """What the catalog's filters need to work over every story at once, and no more:
    rows of [address, title, company, year (null when undated), channel, outcome, lessons,
    evidence], in title order."""
    return {
        "lessons": {
            lesson.id: [lesson.title, url_of(addresses.lesson(lesson.id))]
            for lesson in library.lessons.values()
        },
        "stories": [
            [
                url_of(addresses.story(story.slug)),
                story.title,
                story.company,
                story.year,
                story.channel,
                story.outcome,
                list(story.lessons),
                story.evidence,
            ]
            for story in library.by_title
        ],
    }
