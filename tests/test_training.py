"""The training fields: quizzes, discussion questions, paths and review freshness."""

from __future__ import annotations

from datetime import date

import pytest
from library_fixtures import LESSON_IDS as LESSONS
from library_fixtures import TODAY, VALID, make_lessons, make_story
from service_stories.library import Library
from service_stories.model import Path, Question, Step
from service_stories.reading import read_path, read_story
from service_stories.training import review, review_queue


def story_with(extra: str):
    text = VALID.replace("---\n\n## What happened", extra + "---\n\n## What happened")
    return read_story("lego.md", text.encode(), "stories", LESSONS, TODAY)


def test_quiz_and_discussion_are_read_into_the_story():
    page = story_with(
        "discuss:\n  - Why did it work?\n  - What would you change?\n"
        "quiz:\n  - question: Which?\n    choices: [A, B, C]\n    answer: B\n    why: Because.\n"
        "  - question: Which two?\n    choices: [A, B, C]\n    answer: [C, A]\n    why: Both.\n"
    )
    assert page.problems == ()
    assert page.story.discuss == ("Why did it work?", "What would you change?")
    assert page.story.quiz == (
        Question("Which?", ("A", "B", "C"), (1,), "Because."),
        Question("Which two?", ("A", "B", "C"), (0, 2), "Both."),
    )
    assert not page.story.quiz[0].multiple and page.story.quiz[1].multiple
    assert page.story.quiz[1].correct == ("A", "C")


QUESTION = "quiz:\n  - question: Which?\n    choices: [Apple, Banana]\n    answer: Apple\n"
QUIZ_CASES = {
    "discussion given as text": (
        "discuss: Why?\n",
        ["stories/lego.md:14: discuss: is not a list (write one question per line, each after - )"],
    ),
    "a discussion question YAML reads as a number": (
        "discuss:\n  - 42\n",
        [
            "stories/lego.md:15: discuss[1]: `42` is read by YAML as a number, not as text "
            '(put it in double quotes: discuss[1]: "42")'
        ],
    ),
    "quiz given as text": (
        "quiz: hello\n",
        [
            "stories/lego.md:14: quiz: is not a list (write quiz: and then, for each question, "
            "- question:, choices:, answer: and why:)"
        ],
    ),
    "a question given as text": (
        "quiz:\n  - Which?\n",
        [
            "stories/lego.md:15: quiz[1]: is not a question (write quiz: and then, for each "
            "question, - question:, choices:, answer: and why:)"
        ],
    ),
    "one choice": (
        "quiz:\n  - question: Which?\n    choices: [Apple]\n    answer: Apple\n    why: x\n",
        [
            "stories/lego.md:16: quiz[1].choices: has 1 choice "
            "(give from 2 to 6 choices, one per line, each after - )"
        ],
    ),
    "a choice twice": (
        "quiz:\n  - question: Which?\n    choices: [A, B, B]\n    answer: A\n    why: x\n",
        ["stories/lego.md:16: quiz[1].choices: `B` is listed twice (make each choice different)"],
    ),
    "a misspelt answer": (
        QUESTION.replace("answer: Apple", "answer: Banan") + "    why: x\n",
        [
            "stories/lego.md:17: quiz[1].answer: `Banan` is not one of the choices (did you mean "
            "Banana? The answer repeats a choice word for word)"
        ],
    ),
    "an answer that is no choice": (
        QUESTION.replace("answer: Apple", "answer: Cherry") + "    why: x\n",
        [
            "stories/lego.md:17: quiz[1].answer: `Cherry` is not one of the choices (use one of "
            "the choices: Apple, Banana; the answer repeats a choice word for word)"
        ],
    ),
    "no why": (
        QUESTION,
        ["stories/lego.md:15: quiz[1].why: is missing (add a line such as why: Because ...)"],
    ),
    "an empty answer list": (
        QUESTION.replace("answer: Apple", "answer: []") + "    why: x\n",
        ["stories/lego.md:17: quiz[1].answer: is empty (repeat the right choice word for word)"],
    ),
    "an unknown question field": (
        QUESTION + "    why: x\n    hint: y\n",
        [
            "stories/lego.md:19: quiz[1].hint: is not a question field "
            "(the question fields are: question, choices, answer, why)"
        ],
    ),
    "choices YAML reads as true and false": (
        "quiz:\n  - question: Which?\n    choices: [Yes, No]\n    answer: Yes\n    why: x\n",
        [
            "stories/lego.md:16: quiz[1].choices[1]: `Yes` is read by YAML as true or false, "
            'not as text (put it in double quotes: quiz[1].choices[1]: "Yes")',
            "stories/lego.md:16: quiz[1].choices[2]: `No` is read by YAML as true or false, "
            'not as text (put it in double quotes: quiz[1].choices[2]: "No")',
        ],
    ),
}


@pytest.mark.parametrize("extra, expected", QUIZ_CASES.values(), ids=QUIZ_CASES.keys())
def test_quiz_and_discussion_problems(extra, expected):
    page = story_with(extra)
    assert [str(problem) for problem in page.problems] == expected
    assert page.story is None


PATH = """---
title: First week
audience: New agents
summary: Start here.
steps:
  - lego
  - story: bread
    note: Ask why.
---

Read these in order.
"""
STORIES = {"lego", "bread", "kindle"}


def path_problems(text: str) -> list[str]:
    page = read_path("paths/first-week.md", text.encode(), "stories", STORIES)
    assert (page.path is None) == bool(page.problems)
    return [str(problem) for problem in page.problems]


def test_a_path_lists_its_steps_with_trainer_notes():
    page = read_path("paths/first-week.md", PATH.encode(), "stories", STORIES)
    assert page.path == Path(
        "first-week",
        "First week",
        "New agents",
        "Start here.",
        (Step("lego"), Step("bread", "Ask why.")),
    )
    assert page.body.strip() == "Read these in order."


PATH_CASES = {
    "a story twice": (
        PATH.replace("  - lego\n", "  - lego\n  - lego\n"),
        [
            "stories/paths/first-week.md:7: steps[2]: `lego` is already step 1 "
            "(list each story once)"
        ],
    ),
    "an unknown story": (
        PATH.replace("  - lego\n", "  - lgeo\n"),
        [
            "stories/paths/first-week.md:6: steps[1]: `lgeo` is not a story (did you mean lego? "
            "Give the story's file name without .md)"
        ],
    ),
    "no audience": (
        PATH.replace("audience: New agents\n", ""),
        [
            "stories/paths/first-week.md:2: audience: is missing "
            "(add a line such as audience: New agents)"
        ],
    ),
    "steps given as text": (
        PATH.replace("steps:\n  - lego\n  - story: bread\n    note: Ask why.\n", "steps: lego\n"),
        [
            "stories/paths/first-week.md:5: steps: is not a list of 1 to 50 stories "
            "(list the stories in order, one slug per line, each after - )"
        ],
    ),
    "a misspelt step field": (
        PATH.replace("    note: Ask why.\n", "    notes: Ask why.\n"),
        ["stories/paths/first-week.md:8: steps[2].notes: is not a step field (did you mean note?)"],
    ),
}


@pytest.mark.parametrize("text, expected", PATH_CASES.values(), ids=PATH_CASES.keys())
def test_path_problems(text, expected):
    assert path_problems(text) == expected


def test_a_step_may_name_the_story_file():
    assert path_problems(PATH.replace("  - lego\n", "  - kindle.md\n")) == []


@pytest.mark.parametrize(
    "reviewed, every, state, due",
    [
        (None, None, "never", None),
        (date(2026, 1, 1), None, "current", date(2027, 1, 1)),
        (date(2025, 11, 21), None, "overdue", date(2026, 11, 21)),
        (date(2025, 11, 22), None, "current", date(2026, 11, 22)),
        (date(2026, 10, 1), 30, "overdue", date(2026, 10, 31)),
    ],
)
def test_review_is_due_once_reviewed_plus_interval_is_past(reviewed, every, state, due):
    story = make_story("a", "x")
    story = type(story)(**{**story.__dict__, "reviewed": reviewed, "review_every": every})
    assert review(story, TODAY) == (state, due) or (
        review(story, TODAY).state,
        review(story, TODAY).due,
    ) == (state, due)


def test_the_review_queue_lists_overdue_first_and_never_reviewed():
    def reviewed(slug, day):
        story = make_story(slug, "x")
        return type(story)(**{**story.__dict__, "reviewed": day})

    stories = [
        reviewed("late", date(2024, 1, 1)),
        reviewed("later", date(2023, 6, 1)),
        reviewed("fine", date(2026, 6, 1)),
        make_story("new", "x"),
    ]
    overdue, never = review_queue(stories, TODAY)
    assert [story.slug for story, _ in overdue] == ["later", "late"]
    assert [story.slug for story in never] == ["new"]


def test_a_story_knows_where_it_sits_in_each_path():
    stories = [make_story(slug, "x") for slug in ("a", "b", "c")]
    paths = [
        Path("one", "One", "All", "s", (Step("a"), Step("b"), Step("c"))),
        Path("two", "Two", "All", "s", (Step("b"), Step("a"))),
    ]
    library = Library(stories, make_lessons("x"), paths)
    positions = {
        p.path.id: (p.number, p.total, p.previous and p.previous.slug, p.next and p.next.slug)
        for p in library.positions("b")
    }
    assert positions == {"one": (2, 3, "a", "c"), "two": (1, 2, None, "a")}
    assert library.positions("z") == []


def test_reading_time_is_words_over_two_hundred_rounded_up():
    story = make_story("a", "x")
    assert [
        type(story)(**{**story.__dict__, "words": words}).minutes for words in (0, 200, 201, 650)
    ] == [1, 1, 2, 4]


def test_coverage_flags_thin_lessons_and_grades_heat():
    library = Library(
        [
            make_story("a", "x", "y"),
            make_story("b", "x"),
            make_story("c", "x"),
            make_story("d", "x"),
        ],
        make_lessons("x", "y", "z"),
    )
    assert library.thin_lessons() == ["y", "z"]
    assert [library.heat(n) for n in (0, 1, 2, 4)] == [0, 1, 2, 4]
