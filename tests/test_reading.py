"""Reading one story or lesson: every problem, word for word, at the right line."""

from __future__ import annotations

from datetime import date

import pytest
from library_fixtures import LESSON_IDS as LESSONS
from library_fixtures import TODAY, VALID
from service_stories.model import Source, Story
from service_stories.reading import read_lesson, read_page, read_story


def problems(content: str | bytes, name: str = "lego.md") -> list[str]:
    raw = content if isinstance(content, bytes) else content.encode("utf-8")
    page = read_story(name, raw, "stories", LESSONS, TODAY)
    assert (page.story is None) == bool(page.problems)
    return [str(problem) for problem in page.problems]


def test_a_valid_story_becomes_a_typed_frozen_story():
    page = read_story("lego.md", VALID.encode(), "stories", LESSONS, TODAY)
    assert page.problems == ()
    assert page.story == Story(
        slug="lego",
        title="LEGO replaces a lost ninja",
        company="LEGO",
        year=2013,
        channel="email",
        outcome="delight",
        lessons=("personalize-the-reply", "exceed-the-ask"),
        summary="A boy lost a minifigure and LEGO replied in character.",
        sources=(
            Source(
                title="Lego turns boy's loss into customer service win",
                publisher="MSN Money",
                date=date(2013, 1, 11),
                url="https://example.com/lego",
            ),
        ),
        words=19,  # runs of text between spaces: a rough reading time is enough
    )
    assert page.body.startswith("\n## What happened")
    with pytest.raises(AttributeError):
        page.story.title = "changed"  # type: ignore[misc]


def test_byte_order_mark_and_crlf_line_endings_are_accepted():
    content = ("\ufeff" + VALID).replace("\n", "\r\n").encode("utf-8")
    page = read_story("lego.md", content, "stories", LESSONS, TODAY)
    assert page.problems == ()
    assert "\r" not in page.body


def replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


CASES = {
    "not utf-8": (
        replace("title: LEGO", "title: Caf\u00e9 LEGO").encode("latin-1"),
        [
            "stories/lego.md:2: file: is not UTF-8 text (byte 0xe9 cannot be read) "
            "(save the file with the UTF-8 encoding)"
        ],
    ),
    "missing front matter": (
        "## What happened\n",
        [
            "stories/lego.md:1: front matter: is missing (start the file with a line of three "
            "dashes (---), the fields, and another --- line)"
        ],
    ),
    "no closing line": (
        replace("---\n\n## What", "\n## What"),
        [
            "stories/lego.md:1: front matter: has no closing --- line "
            "(add a line of three dashes after the last field)"
        ],
    ),
    "unparseable yaml": (
        replace("company: LEGO", "company: [LEGO"),
        [
            "stories/lego.md:4: front matter: YAML cannot read this: expected ',' or ']', but got "
            "':' (check the indentation, and put a value in double quotes when it contains ': ' "
            "or starts with a character such as * & ! [ { ' \" % @ or `)"
        ],
    ),
    "a colon inside a value": (
        replace("company: LEGO", "company: LEGO: the toy company"),
        [
            "stories/lego.md:3: front matter: YAML cannot read this: mapping values are not "
            "allowed here (check the indentation, and put a value in double quotes when it "
            "contains ': ' or starts with a character such as * & ! [ { ' \" % @ or `)"
        ],
    ),
    "tab indentation": (
        replace("  - title: Lego", "\t- title: Lego"),
        [
            "stories/lego.md:10: front matter: YAML cannot read this: found character '\\t' that "
            "cannot start any token (indent with spaces, not tabs)"
        ],
    ),
    "a control character": (
        replace("company: LEGO", "company: LE\x07GO"),
        [
            "stories/lego.md:3: front matter: has a character that YAML does not allow (#x0007) "
            "(remove the character)"
        ],
    ),
    "front matter that is a list": (
        "---\n- a\n- b\n---\n",
        [
            "stories/lego.md:2: front matter: is a list, not fields "
            "(write one field per line, as name: value)"
        ],
    ),
    "front matter that is one value": (
        "---\njust text\n---\n",
        [
            "stories/lego.md:2: front matter: is a single value, not fields "
            "(write one field per line, as name: value)"
        ],
    ),
    "empty front matter": (
        "---\n---\nbody\n",
        ["stories/lego.md:2: front matter: is empty (add the fields between the --- lines)"],
    ),
    "duplicate key": (
        replace("company: LEGO", "company: LEGO\ntitle: Again"),
        ["stories/lego.md:4: title: appears twice (lines 2 and 4) (keep only one of them)"],
    ),
    "a key that is not a name": (
        replace("company: LEGO", "company: LEGO\n1: x"),
        [
            "stories/lego.md:4: front matter: has a key that is not a plain name "
            "(write each field as name: value, with a name made of letters)"
        ],
    ),
    "outcome: NO": (
        replace("outcome: delight", "outcome: NO"),
        [
            "stories/lego.md:6: outcome: `NO` is read by YAML as true or false "
            "(use one of: delight, recovery, failure)"
        ],
    ),
    "a title YAML reads as a number": (
        replace("title: LEGO replaces a lost ninja", "title: 1984"),
        [
            "stories/lego.md:2: title: `1984` is read by YAML as a number, not as text "
            '(put it in double quotes: title: "1984")'
        ],
    ),
    "a company YAML reads as empty": (
        replace("company: LEGO", "company: null"),
        ["stories/lego.md:3: company: is empty (write the company after the colon)"],
    ),
    "an empty title": (
        replace("title: LEGO replaces a lost ninja", "title:"),
        ["stories/lego.md:2: title: is empty (write the title after the colon)"],
    ),
    "a title over 120 characters": (
        replace("title: LEGO replaces a lost ninja", "title: " + "x" * 121),
        [
            "stories/lego.md:2: title: is 121 characters long, more than 120 "
            "(shorten it to 120 characters or fewer)"
        ],
    ),
    "a summary over 300 characters": (
        replace("summary: A", "summary: " + "y" * 300 + " A"),
        [
            "stories/lego.md:8: summary: is 355 characters long, more than 300 "
            "(shorten it to 300 characters or fewer)"
        ],
    ),
    "a misspelt channel": (
        replace("channel: email", "channel: e-mail"),
        ["stories/lego.md:5: channel: `e-mail` is not a channel (did you mean email?)"],
    ),
    "an unknown channel": (
        replace("channel: email", "channel: carrier pigeon"),
        [
            "stories/lego.md:5: channel: `carrier pigeon` is not a channel (use one of the "
            "channels: email, letter, phone, chat, social-media, in-person, public-statement, "
            "note, video)"
        ],
    ),
    "an unknown outcome": (
        replace("outcome: delight", "outcome: delighted"),
        ["stories/lego.md:6: outcome: `delighted` is not an outcome (did you mean delight?)"],
    ),
    "an unknown lesson": (
        replace("exceed-the-ask]", "excede-the-ask]"),
        [
            "stories/lego.md:7: lessons: `excede-the-ask` is not a lesson (did you mean "
            "exceed-the-ask? Or add stories/lessons/excede-the-ask.md)"
        ],
    ),
    "lessons given as a string": (
        replace("lessons: [personalize-the-reply, exceed-the-ask]", "lessons: exceed-the-ask"),
        [
            "stories/lego.md:7: lessons: `exceed-the-ask` is not a list "
            "(write a list: lessons: [personalize-the-reply, exceed-the-ask])"
        ],
    ),
    "six lessons": (
        replace("[personalize-the-reply, exceed-the-ask]", "[a, b, c, d, e, f]"),
        [
            "stories/lego.md:7: lessons: has 6 entries "
            "(give from 1 to 5, such as lessons: [personalize-the-reply, exceed-the-ask])"
        ],
    ),
    "no lessons": (
        replace("[personalize-the-reply, exceed-the-ask]", "[]"),
        [
            "stories/lego.md:7: lessons: has 0 entries "
            "(give from 1 to 5, such as lessons: [personalize-the-reply, exceed-the-ask])"
        ],
    ),
    "a lesson twice": (
        replace("[personalize-the-reply, exceed-the-ask]", "[exceed-the-ask, exceed-the-ask]"),
        ["stories/lego.md:7: lessons: `exceed-the-ask` is listed twice (list it once)"],
    ),
    "a year in quotes": (
        replace("year: 2013", "year: '2013'"),
        [
            "stories/lego.md:4: year: `2013` is in quotes, so YAML reads it as text "
            "(write it without quotes: year: 2013)"
        ],
    ),
    "a year in the future": (
        replace("year: 2013", "year: 2031"),
        ["stories/lego.md:4: year: 2031 is out of range (use a number from 1800 to 2026)"],
    ),
    "a year in words": (
        replace("year: 2013", "year: last year"),
        [
            "stories/lego.md:4: year: `last year` is not a whole number "
            "(write a number such as 2026)"
        ],
    ),
    "an impossible date": (
        replace("date: 2013-01-11", "date: 2013-02-30"),
        [
            "stories/lego.md:12: sources[1].date: 2013-02-30 is not a date "
            "(check the month and the day)"
        ],
    ),
    "a date in words": (
        replace("date: 2013-01-11", "date: January 2013"),
        [
            "stories/lego.md:12: sources[1].date: `January 2013` is not a date "
            "(write it as YYYY-MM-DD, such as 2014-02-06)"
        ],
    ),
    "a javascript: url": (
        replace("url: https://example.com/lego", "url: javascript:alert(1)"),
        [
            "stories/lego.md:13: sources[1].url: `javascript:alert(1)` is not a web address "
            "(give the full http:// or https:// address of the page, or leave url out)"
        ],
    ),
    "a relative url": (
        replace("url: https://example.com/lego", "url: /lego"),
        [
            "stories/lego.md:13: sources[1].url: `/lego` is not a web address "
            "(give the full http:// or https:// address of the page, or leave url out)"
        ],
    ),
    "a source without a title": (
        replace(
            "  - title: Lego turns boy's loss into customer service win\n    publisher",
            "  - publisher",
        ),
        [
            "stories/lego.md:10: sources[1].title: is missing "
            "(add a line such as title: The article's headline)"
        ],
    ),
    "a source that is only text": (
        replace("  - title: Lego", "  - Lego").split("    publisher")[0] + "---\n",
        [
            "stories/lego.md:10: sources[1]: is not a source with a title (give a list of "
            "sources, each with a title, and optionally publisher, date, url)"
        ],
    ),
    "no sources": (
        VALID.split("sources:")[0] + "sources: []\n---\n",
        [
            "stories/lego.md:9: sources: is not a list of sources (give a list of sources, each "
            "with a title, and optionally publisher, date, url)"
        ],
    ),
    "a misspelt source field": (
        replace("publisher: MSN Money", "publsher: MSN Money"),
        [
            "stories/lego.md:11: sources[1].publsher: is not a source field "
            "(did you mean publisher?)"
        ],
    ),
    "a misspelt field": (
        replace("company: LEGO", "company: LEGO\nsumary: x"),
        ["stories/lego.md:4: sumary: is not a story field (did you mean summary?)"],
    ),
    "an unknown field": (
        replace("company: LEGO", "company: LEGO\nmood: happy"),
        [
            "stories/lego.md:4: mood: is not a story field (the story fields are: title, company, "
            "year, channel, outcome, evidence, lessons, summary, sources, reviewed, review_every, "
            "owner, "
            "discuss, quiz)"
        ],
    ),
    "an alias": (
        replace("company: LEGO", "company: &c LEGO\nowner: *c"),
        [
            "stories/lego.md:4: owner: repeats an earlier value through a YAML alias (*name) "
            "(write the value out in full: YAML aliases are not supported)"
        ],
    ),
    "a python tag": (
        replace("company: LEGO", "company: !!python/object/apply:os.system ['ls']"),
        [
            "stories/lego.md:3: company: has the YAML tag !!python/object/apply:os.system "
            "(remove the tag: front matter holds only text, numbers, dates and lists)"
        ],
    ),
    "a level-one heading in the body": (
        replace("## What happened", "# LEGO replaces a lost ninja\n\n## What happened"),
        [
            "stories/lego.md:16: body: has a level-one heading (# ...) (remove it, the page "
            "title comes from the front matter; use ## for sections)"
        ],
    ),
    "review fields": (
        replace("company: LEGO", "company: LEGO\nreviewed: yesterday\nreview_every: 0"),
        [
            "stories/lego.md:4: reviewed: `yesterday` is not a date "
            "(write it as YYYY-MM-DD, such as 2014-02-06)",
            "stories/lego.md:5: review_every: 0 is out of range (use a number from 1 to 3650)",
        ],
    ),
}


@pytest.mark.parametrize("content, expected", CASES.values(), ids=CASES.keys())
def test_each_problem_is_reported_with_file_line_field_and_fix(content, expected):
    assert problems(content) == expected


def test_every_problem_of_a_file_is_reported_at_once():
    content = "---\ntitle: Only a title\nmood: good\n---\n"
    assert problems(content) == [
        "stories/lego.md:3: mood: is not a story field (the story fields are: title, company, "
        "year, channel, outcome, evidence, lessons, summary, sources, reviewed, review_every, "
        "owner, discuss, quiz)",
        "stories/lego.md:2: company: is missing (add a line such as company: LEGO)",
        "stories/lego.md:2: year: is missing "
        "(add a line such as year: 2026, or evidence: anecdote for a story told without a date)",
        "stories/lego.md:2: channel: is missing (add a line such as channel: email)",
        "stories/lego.md:2: outcome: is missing (add a line such as outcome: delight)",
        "stories/lego.md:2: lessons: is missing (add a line such as lessons: [exceed-the-ask])",
        "stories/lego.md:2: summary: is missing "
        "(add a line such as summary: One or two sentences.)",
        "stories/lego.md:2: sources: is missing "
        "(add a line such as sources: (a list, see the README))",
    ]


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "Lego Ninja.md",
            "stories/Lego Ninja.md:1: file name: `Lego Ninja` is not a valid story "
            "id (rename the file to lego-ninja.md: lowercase letters, digits and hyphens)",
        ),
        (
            "catalog.md",
            "stories/catalog.md:1: file name: `catalog` is the address of a page the "
            "build makes (rename the file, for instance to catalog-story.md)",
        ),
    ],
)
def test_file_names_must_be_slugs(name, expected):
    assert problems(VALID, name) == [expected]


def test_a_story_with_problems_keeps_its_title_and_body_for_its_own_page():
    page = read_story(
        "lego.md", replace("year: 2013", "year: soon").encode(), "stories", LESSONS, TODAY
    )
    assert page.story is None
    assert page.title == "LEGO replaces a lost ninja"
    assert "## What happened" in page.body
    assert "company:" not in page.body


def test_unreadable_front_matter_never_becomes_page_text():
    page = read_story(
        "lego.md", replace("company: LEGO", "company: [LEGO").encode(), "stories", LESSONS, TODAY
    )
    assert page.title == "Lego"
    assert "company" not in page.body and "## What happened" in page.body


def test_a_valid_lesson():
    page = read_lesson(
        "lessons/own-the-mistake.md",
        b"---\ntitle: Own the mistake\nsummary: Say it was you.\norder: 6\n---\n\nText\n",
        "stories",
    )
    assert page.problems == ()
    assert (page.lesson.id, page.lesson.title, page.lesson.order) == (
        "own-the-mistake",
        "Own the mistake",
        6,
    )


def test_lesson_problems():
    page = read_lesson("lessons/Own.md", b"---\ntitle: Own it\norder: first\n---\n", "stories")
    assert [str(p) for p in page.problems] == [
        "stories/lessons/Own.md:1: file name: `Own` is not a valid lesson id "
        "(rename the file to own.md: lowercase letters, digits and hyphens)",
        "stories/lessons/Own.md:2: summary: is missing "
        "(add a line such as summary: One line on what the lesson teaches.)",
        "stories/lessons/Own.md:3: order: `first` is not a whole number "
        "(write a number such as 10000)",
    ]
    assert page.lesson is None


def test_ordinary_pages_need_no_front_matter_but_it_must_be_readable():
    assert read_page("guides/intro.md", b"# Intro\n", "stories").problems == ()
    page = read_page("guides/intro.md", b"---\ntitle: [x\n---\n# Intro\n", "stories")
    assert [p.field for p in page.problems] == ["front matter"]
    assert page.body == "# Intro\n"
