"""The training layer's fields: knowledge checks, discussion questions, path steps, reviews."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from . import fields as read
from . import schema
from .frontmatter import Mapping, Sequence, Value
from .model import DEFAULT_REVIEW_DAYS, MAX_SUMMARY, Question, Step, Story
from .problems import Problems

_QUIZ_FIX = "write quiz: and then, for each question, - question:, choices:, answer: and why:"


def _list_of(value: Value, name: str, problems: Problems, fix: str) -> Sequence | None:
    if isinstance(value, Sequence) and value.items:
        return value
    problems.add(value.line, name, "is not a list", fix)
    return None


def discussion(
    value: Value | None, field: schema.Field, problems: Problems
) -> tuple[str, ...] | None:
    if value is None:
        return ()
    items = _list_of(value, field.name, problems, "write one question per line, each after - ")
    if items is None:
        return None
    found = [
        read.text(item, f"{field.name}[{number}]", problems, limit=field.limit or 0)
        for number, item in enumerate(items.items, start=1)
    ]
    return tuple(found) if all(found) else None  # type: ignore[arg-type]


def quiz(value: Value | None, problems: Problems) -> tuple[Question, ...] | None:
    if value is None:
        return ()
    items = _list_of(value, "quiz", problems, _QUIZ_FIX)
    if items is None:
        return None
    questions = [
        _question(item, f"quiz[{number}]", problems)
        for number, item in enumerate(items.items, start=1)
    ]
    return tuple(questions) if all(questions) else None  # type: ignore[arg-type]


def _question(value: Value, name: str, problems: Problems) -> Question | None:
    if not isinstance(value, Mapping):
        problems.add(value.line, name, "is not a question", _QUIZ_FIX)
        return None
    before = len(problems.found)
    reader = read.FieldReader(value, problems, prefix=f"{name}.")
    reader.unknown(schema.names(schema.QUESTION), "question")
    asked, offered, answer, reason = schema.QUESTION
    question = reader.text(asked.name, asked.example, limit=asked.limit or 0)
    choices = _choices(reader.value(offered.name, offered.example), offered, problems, name)
    answers = None
    if choices is not None:
        given = reader.value(answer.name, answer.example)
        answers = _answers(given, f"{name}.answer", problems, choices)
    why = reader.text(reason.name, reason.example, limit=reason.limit or 0)
    if len(problems.found) > before or not (question and choices and answers and why):
        return None
    return Question(question, choices, answers, why)


def _choices(
    value: Value | None, field: schema.Field, problems: Problems, question: str
) -> tuple[str, ...] | None:
    if value is None:
        return None
    name, low, high = f"{question}.{field.name}", field.low or 2, field.limit or 2
    fix = f"give from {low} to {high} choices, one per line, each after - "
    if not isinstance(value, Sequence) or not low <= len(value.items) <= high:
        count = "is not a list"
        if isinstance(value, Sequence):
            count = f"has {len(value.items)} choice{'' if len(value.items) == 1 else 's'}"
        problems.add(value.line, name, count, fix)
        return None
    choices: list[str] = []
    for number, item in enumerate(value.items, start=1):
        choice = read.text(item, f"{name}[{number}]", problems, limit=MAX_SUMMARY)
        if choice is not None and choice in choices:
            problems.add(
                item.line, name, f"`{choice}` is listed twice", "make each choice different"
            )
            return None
        choices.append(choice or "")
    return tuple(choices) if all(choices) else None


def _answers(
    value: Value | None, name: str, problems: Problems, choices: tuple[str, ...]
) -> tuple[int, ...] | None:
    if value is None:
        return None
    items = value.items if isinstance(value, Sequence) else (value,)
    if not items:
        problems.add(value.line, name, "is empty", "repeat the right choice word for word")
        return None
    answers: list[int] = []
    for item in items:
        answer = read.text(item, name, problems, limit=MAX_SUMMARY)
        if answer is None:
            return None
        if answer not in choices:
            problems.add(
                item.line,
                name,
                f"`{answer}` is not one of the choices",
                read.one_of_fix(
                    answer, choices, "choices", "the answer repeats a choice word for word"
                ),
            )
            return None
        answers.append(choices.index(answer))
    return tuple(sorted(set(answers)))


def steps(
    value: Value | None, field: schema.Field, problems: Problems, stories: Collection[str]
) -> tuple[Step, ...] | None:
    if value is None:
        return None
    fix = "list the stories in order, one slug per line, each after - "
    most = field.limit or 0
    if not isinstance(value, Sequence) or not 1 <= len(value.items) <= most:
        problems.add(value.line, field.name, f"is not a list of 1 to {most} stories", fix)
        return None
    found: list[Step] = []
    for number, item in enumerate(value.items, start=1):
        step = _step(item, f"steps[{number}]", problems, stories)
        if step is None:
            continue
        earlier = next((n for n, s in enumerate(found, start=1) if s.slug == step.slug), None)
        if earlier is not None:
            problems.add(
                item.line,
                f"steps[{number}]",
                f"`{step.slug}` is already step {earlier}",
                "list each story once",
            )
            continue
        found.append(step)
    return tuple(found) if len(found) == len(value.items) else None


def _step(value: Value, name: str, problems: Problems, stories: Collection[str]) -> Step | None:
    named, noted = schema.STEP
    note = None
    if isinstance(value, Mapping):
        reader = read.FieldReader(value, problems, prefix=f"{name}.")
        reader.unknown(schema.names(schema.STEP), "step")
        note = reader.text(noted.name, limit=noted.limit or 0, required=False)
        value = reader.value(named.name, "lego-lost-ninja")  # type: ignore[assignment]
        name = f"{name}.{named.name}"
        if value is None:
            return None
    slug = read.text(value, name, problems, limit=named.limit or 0)
    if slug is None:
        return None
    if slug.endswith(".md"):
        slug = slug[: -len(".md")]
    if slug not in stories:
        problems.add(
            value.line,
            name,
            f"`{slug}` is not a story",
            read.one_of_fix(
                slug, sorted(stories), "stories", "give the story's file name without .md"
            ),
        )
        return None
    return Step(slug, note)


@dataclass(frozen=True)
class Review:
    state: str  # "current", "overdue" or "never"
    due: date | None


def review(story: Story, today: date) -> Review:
    """Whether a story is due to be checked against its sources again."""
    if story.reviewed is None:
        return Review("never", None)
    due = story.reviewed + timedelta(days=story.review_every or DEFAULT_REVIEW_DAYS)
    return Review("overdue" if due < today else "current", due)


def review_queue(
    stories: Iterable[Story], today: date
) -> tuple[list[tuple[Story, Review]], list[Story]]:
    """Stories overdue for review, most overdue first, and stories never reviewed."""
    overdue, never = [], []
    for story in stories:
        status = review(story, today)
        if status.state == "overdue":
            overdue.append((story, status))
        elif status.state == "never":
            never.append(story)
    overdue.sort(key=lambda item: (item[1].due, item[0].slug))
    return overdue, never


def count_words(body: str) -> int:
    """Words for the reading time: runs of text between spaces, which is close enough."""
    return len(body.split())
