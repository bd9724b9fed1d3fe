"""The front-matter schema of every kind of file, declared once.

Reading (`values.py`) walks these tables to check a story, a lesson, a path or an ordinary
page, and `json_schemas.py` turns the same tables into JSON Schemas for editors and other
tools: each rule is written once, with its limit named in `model.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import (
    CHANNELS,
    EVIDENCE,
    FIRST_YEAR,
    MAX_CHOICES,
    MAX_EXPLANATION,
    MAX_LESSON_SUMMARY,
    MAX_LESSONS,
    MAX_ORDER,
    MAX_QUESTION,
    MAX_REVIEW_DAYS,
    MAX_SLUG,
    MAX_STEPS,
    MAX_SUMMARY,
    MAX_TITLE,
    OUTCOMES,
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # how it is read: text, year, word, number, list kinds, mappings...
    description: str
    required: bool = True
    example: str = ""
    limit: int | None = None  # characters of text, or entries of a list
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    items: tuple[Field, ...] = ()  # the fields of each entry of a list of mappings


def _order(what: str) -> Field:
    return Field(
        "order",
        "number",
        f"Where the {what} sits in lists (lower first).",
        required=False,
        example="1",
        low=0,
        high=MAX_ORDER,
    )


SOURCE: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        "The article's headline.",
        example="The article's headline",
        limit=MAX_SUMMARY,
    ),
    Field("publisher", "text", "Who published it.", required=False, limit=MAX_TITLE),
    Field("date", "date", "When it was published, as YYYY-MM-DD.", required=False),
    Field("url", "url", "The page's real address (http or https).", required=False),
)

QUESTION: tuple[Field, ...] = (
    Field(
        "question",
        "text",
        "The question.",
        example="What did the agent do first?",
        limit=MAX_QUESTION,
    ),
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
    Field("why", "text", "Why that is the answer.", example="Because ...", limit=MAX_EXPLANATION),
)

STORY: tuple[Field, ...] = (
    Field("title", "text", "Plain text.", example="LEGO replaces a lost ninja", limit=MAX_TITLE),
    Field("company", "text", "The company the story is about.", example="LEGO", limit=MAX_TITLE),
    Field(
        "year",
        "year",
        "The year it happened, or of the earliest report when reports do not say; "
        "an anecdote (evidence: anecdote) may leave it out.",
        example="{year}, or evidence: anecdote for a story told without a date",
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
        "evidence",
        "word",
        "How sure the story is. reported (the default): contemporary reports confirm it; "
        "anecdote: one secondary account tells it, its names, place or date unconfirmed "
        "(its sources name that account; it may leave out its year); internal: a case "
        "from the team's own work (its sources may be internal references without a url).",
        required=False,
        example="anecdote",
        choices=tuple(EVIDENCE),
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
        "number",
        "How often to check it again, in days.",
        required=False,
        low=1,
        high=MAX_REVIEW_DAYS,
    ),
    Field("owner", "text", "Who keeps it up to date.", required=False, limit=MAX_TITLE),
    Field("discuss", "texts", "Discussion questions.", required=False, limit=MAX_QUESTION),
    Field("quiz", "questions", "Knowledge-check questions.", required=False, items=QUESTION),
)

# An anecdote's table: its year may be left out.
ANECDOTE: tuple[Field, ...] = tuple(
    replace(field, required=False) if field.name == "year" else field for field in STORY
)

LESSON: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        "The lesson's name.",
        example="Speak to the person, not the ticket",
        limit=MAX_TITLE,
    ),
    Field(
        "summary",
        "text",
        "One line on what it teaches.",
        example="One line on what the lesson teaches.",
        limit=MAX_LESSON_SUMMARY,
    ),
    _order("lesson"),
)

STEP: tuple[Field, ...] = (
    Field("story", "slug", "The story, by its file name without .md.", limit=MAX_SLUG),
    Field(
        "note",
        "text",
        "For the trainer: what to draw out at this step.",
        required=False,
        limit=MAX_EXPLANATION,
    ),
)

PATH: tuple[Field, ...] = (
    Field("title", "text", "The path's name.", example="Your first week", limit=MAX_TITLE),
    Field("audience", "text", "Who it is for.", example="New agents", limit=MAX_TITLE),
    Field(
        "summary",
        "text",
        "One or two sentences.",
        example="One or two sentences.",
        limit=MAX_SUMMARY,
    ),
    Field(
        "steps",
        "steps",
        "The stories in order: slugs, or mappings with a story and a note.",
        example="[lego-lost-ninja]",
        limit=MAX_STEPS,
        items=STEP,
    ),
    Field(
        "pass_mark",
        "number",
        "The share of knowledge-check questions, in percent, a learner must get right to "
        "pass the path in an LMS; without it, finishing the path is all it takes.",
        required=False,
        example="80",
        low=1,
        high=100,
    ),
    _order("path"),
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
