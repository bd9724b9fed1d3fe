"""The content the tests build sites from: small libraries of stories, lessons and paths,
and the same stories as model objects. Shared by the test modules, which never import
each other."""

from __future__ import annotations

from datetime import date

from service_stories.model import Lesson, Source, Story

TODAY = date(2026, 11, 22)  # the day SOURCE_DATE_EPOCH names in conftest.py
SOURCE_DATE_EPOCH = "1795305600"

LESSON = """---
title: {title}
summary: {title}, in one line.
order: {order}
---

## What it is

What a trainer writes about {title}.
"""

STORY = """---
title: {title}
company: {company}
year: {year}
channel: {channel}
outcome: {outcome}
lessons: [{lessons}]
summary: {title}, in a sentence.
sources:
  - title: A report of {title}
    publisher: The Daily Example
    date: 2014-02-06
---

## What happened

{body}
"""


def story(
    title: str,
    lessons: str,
    *,
    company: str = "Acme",
    year: int = 2014,
    channel: str = "email",
    outcome: str = "delight",
    body: str = "Something happened.",
) -> str:
    return STORY.format(
        title=title,
        company=company,
        year=year,
        channel=channel,
        outcome=outcome,
        lessons=lessons,
        body=body,
    )


def lesson(title: str, order: int = 1) -> str:
    return LESSON.format(title=title, order=order)


LESSONS = {
    "lessons/personalize-the-reply.md": lesson("Speak to the person", 1),
    "lessons/exceed-the-ask.md": lesson("Do a little more", 2),
    "lessons/own-the-mistake.md": lesson("Own the mistake", 3),
}
STORIES = {
    "lego.md": story(
        "LEGO replaces a lost ninja",
        "personalize-the-reply, exceed-the-ask",
        company="LEGO",
        year=2013,
        body="Compare [the bread](giraffe-bread.md).",
    ),
    "giraffe-bread.md": story(
        "Tiger bread becomes giraffe bread",
        "personalize-the-reply",
        company="Sainsbury's",
        year=2011,
        channel="letter",
    ),
    "kindle.md": story(
        "Amazon apologises for deleting 1984",
        "own-the-mistake",
        company="Amazon",
        year=2009,
        channel="public-statement",
        outcome="recovery",
        body="Unlike [the bread](giraffe-bread.md), this began with a mistake.",
    ),
}

QUIZ = """discuss:
  - What made the reply personal?
quiz:
  - question: What did LEGO send?
    choices: [Nothing, A new figure, A voucher]
    answer: A new figure
    why: The reply promised a replacement.
  - question: Which were true?
    choices: [It was in character, It was a form letter, It was warm]
    answer: [It was in character, It was warm]
    why: Both show in the reply.
reviewed: 2026-06-01
review_every: 365
owner: Ana
"""
PATHS = {
    "paths/first-week.md": """---
title: First week
audience: New agents
summary: The basics, in order.
order: 1
steps:
  - giraffe-bread
  - story: lego
    note: Ask what the reply echoed.
  - kindle
---

Read one a day.
""",
    "paths/mistakes.md": """---
title: Mistakes
audience: Team leads
summary: When it goes wrong.
order: 2
steps: [kindle, lego]
---

Owning it.
""",
}


def library_files() -> dict[str, str]:
    """The library most build tests share: three lessons, three stories (one with a quiz,
    discussion questions and a review), and two paths."""
    lego = STORIES["lego.md"].replace("sources:", QUIZ + "sources:")
    return {**LESSONS, **STORIES, "lego.md": lego, **PATHS}


LESSON_ORDER = ["personalize-the-reply", "exceed-the-ask", "own-the-mistake"]
# Enough for two catalog pages, and three pages for the lesson every story teaches.
LARGE = {
    f"story-{number:03d}.md": story(f"Story {number}", ", ".join(LESSON_ORDER[: 1 + number % 3]))
    for number in range(230)
}
FENCE_IN_A_VALUE = """---
title: "A title that runs on
---
past a line of dashes"
company: Acme
year: 2014
---

## What happened

Something happened.
"""
# Bodies that would make Markdown take minutes: each with the messages it must give.
LINKS = " ".join(f"[link {n}](story-{n}.md)" for n in range(20_000))
PATHOLOGICAL = {
    "links.md": (
        LINKS,
        [
            "stories/links.md:19: body: has 20,000 [ signs, more than 500 (a page needs only a "
            "few links; split a long list of links into several pages)",
            "stories/links.md:19: body: has a block of 557,780 characters with no blank line, "
            "more than 10,000 (break it into paragraphs with blank lines between them)",
        ],
    ),
    "backticks.md": (
        "`" * 100_000,
        [
            "stories/backticks.md:19: body: has a block of 100,001 characters with no blank "
            "line, more than 10,000 (break it into paragraphs with blank lines between them)"
        ],
    ),
    "brackets.md": (
        "\n\n".join(["[" * 50 + " words"] * 2_000),
        [
            "stories/brackets.md:39: body: has 100,000 [ signs, more than 500 (a page needs only "
            "a few links; split a long list of links into several pages)"
        ],
    ),
    "tags.md": (
        "\n\n".join(["<a " * 100] * 10),
        [
            "stories/tags.md:29: body: has 1,000 < signs, more than 500 "
            "(write less HTML: use Markdown for emphasis, lists and links)"
        ],
    ),
}


def broken_files() -> dict[str, str]:
    """Files with problems of every sort, for a site built without --strict."""
    return {
        "broken.md": story("Broken but readable", "excede-the-ask").replace(
            "year: 2014", "year: soon"
        ),
        "unreadable.md": story("Unreadable", "exceed-the-ask").replace(
            "company: Acme", "company: [Acme"
        ),
        "fence.md": FENCE_IN_A_VALUE,
        "bodiless.md": story("Bodiless", "exceed-the-ask").split("## What happened")[0],
        "linking.md": story("Linking", "exceed-the-ask")
        + "\n[Gone][gone] and [here](giraffe-bread.md#nowhere).\n\n[gone]: gone.md\n",
        "lessons/dead-end.md": lesson("A dead end") + "\nSee [it](../gone.md).\n",
        "guides/setup.md": "# Setup\n\nSee [it](../lego.md#nowhere).\n",
        # Just within the limits a body may have: it renders.
        "long.md": story("Long", "exceed-the-ask")
        + "\n\n".join(["[a link](lego.md) " * 10 + "words " * 1_500] * 50),
        **{
            name: story("Pathological", "exceed-the-ask") + "\n" + body + "\n"
            for name, (body, _) in PATHOLOGICAL.items()
        },
    }


# One story as a file, for the tests that read one file at a time.
LESSON_IDS = {"exceed-the-ask", "personalize-the-reply", "own-the-mistake"}
VALID = """---
title: LEGO replaces a lost ninja
company: LEGO
year: 2013
channel: email
outcome: delight
lessons: [personalize-the-reply, exceed-the-ask]
summary: A boy lost a minifigure and LEGO replied in character.
sources:
  - title: Lego turns boy's loss into customer service win
    publisher: MSN Money
    date: 2013-01-11
    url: https://example.com/lego
---

## What happened

A link to [the bread story](sainsburys.md#what-happened) and [the same](./sainsburys.md).
```
[not a link](in-code.md)
```
[ref]: amazon.md
"""


def make_story(slug: str, *lessons: str, year: int = 2014) -> Story:
    return Story(
        slug=slug,
        title=slug.title(),
        company="Acme",
        year=year,
        channel="email",
        outcome="delight",
        lessons=lessons,
        summary="s",
        sources=(Source("t"),),
    )


def make_lessons(*ids: str) -> list[Lesson]:
    return [Lesson(lesson_id, lesson_id.title(), "s", order) for order, lesson_id in enumerate(ids)]
