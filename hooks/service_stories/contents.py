"""The sections a page's template writes after the body: the page's table of contents
lists them after the body's own headings, and links may name them."""

from __future__ import annotations

from typing import NamedTuple

from .model import Story


class Section(NamedTuple):
    words: str  # the key of its heading in the site's words (`words.Words`)
    anchor: str


# A story's, in the order the template writes them.
STORY_SECTIONS = (
    Section("practice.discuss", "discuss"),
    Section("practice.check-yourself", "check-yourself"),
    Section("story.related", "related-stories"),
    Section("story.linking-here", "stories-that-link-here"),
    Section("story.sources", "sources"),
)


def story_sections(story: Story, related: bool, linking_here: bool) -> tuple[Section, ...]:
    """The sections a story's page has after its body."""
    shown = {
        "discuss": bool(story.discuss),
        "check-yourself": bool(story.quiz),
        "related-stories": related,
        "stories-that-link-here": linking_here,
        "sources": True,
    }
    return tuple(section for section in STORY_SECTIONS if shown[section.anchor])
