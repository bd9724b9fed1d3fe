"""Synthetic stories in the real schema, for the benchmark: a fixed seed, about 650 words
each, three of the project's real lessons each, a share of them in paths and with quizzes."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHANNELS = ["email", "letter", "phone", "chat", "social-media", "in-person", "note"]
OUTCOMES = ["delight", "recovery", "failure"]
WORDS = [
    "customer", "agent", "reply", "call", "letter", "order", "refund", "delivery", "apology",
    "manager", "team", "store", "promise", "mistake", "policy", "follow", "listen", "explain",
    "wait", "thank", "help", "fix", "change", "bread", "toy", "flight", "guitar", "steak",
    "flowers", "note", "card", "voucher", "weekend", "morning", "week", "month", "quickly",
    "kindly", "clearly", "always", "never", "again", "first", "last", "small", "simple",
    "personal", "public", "honest",
]  # fmt: skip
QUIZ = """quiz:
  - question: What did the agent do first?
    choices: [Listened, Quoted the policy, Transferred the call]
    answer: Listened
    why: Listening first is what made the rest of the reply possible.
"""


def _paragraph(rng: random.Random, words: int) -> str:
    sentences, left = [], words
    while left > 0:
        length = min(left, rng.randint(8, 20))
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
        left -= length
    return " ".join(sentences)


def story(number: int, rng: random.Random, lessons: list[str]) -> str:
    chosen = rng.sample(lessons, 3)
    body = "\n\n".join(
        f"## {heading}\n\n{_paragraph(rng, 160)}"
        for heading in ("What happened", "What they did", "Why it worked", "Try it")
    )
    quiz = QUIZ if number % 5 == 0 else ""
    return f"""---
title: Story {number} of a customer and a {rng.choice(WORDS)}
company: Company {number % 97}
year: {1990 + number % 35}
channel: {rng.choice(CHANNELS)}
outcome: {rng.choice(OUTCOMES)}
lessons: [{", ".join(chosen)}]
summary: A customer needed {rng.choice(WORDS)} help and the {rng.choice(WORDS)} team answered.
sources:
  - title: Report number {number}
    publisher: The Benchmark Times
    date: 2014-02-06
reviewed: 2026-01-{1 + number % 28:02d}
discuss:
  - What would you have done?
{quiz}---

{body}
"""


def generate(count: int, docs: Path, seed: int = 2026) -> list[str]:
    """Write `count` stories, the real lessons, a home page and two paths into `docs`."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "stories" / "lessons", docs / "lessons")
    lessons = sorted(path.stem for path in (docs / "lessons").glob("*.md"))
    (docs / "index.md").write_text("# Benchmark\n\nSynthetic stories.\n", encoding="utf-8")
    slugs = []
    for number in range(count):
        slug = f"story-{number:05d}"
        (docs / f"{slug}.md").write_text(story(number, rng, lessons), encoding="utf-8")
        slugs.append(slug)
    (docs / "paths").mkdir()
    for path_number in range(2):
        steps = "\n".join(f"  - {slug}" for slug in slugs[path_number * 10 : path_number * 10 + 8])
        (docs / "paths" / f"path-{path_number}.md").write_text(
            f"---\ntitle: Path {path_number}\naudience: New agents\nsummary: Eight stories.\n"
            f"steps:\n{steps}\n---\n\nRead in order.\n",
            encoding="utf-8",
        )
    return slugs
