"""Search that finds a story by any form of a word in it, and by what its page shows
beyond its body.

Material's search worker matches typed words as prefixes and stems nothing (see
search_forms.js). The build writes, beside Material's worker, one that runs
search_forms.js first and then Material's own code unchanged; every page's
configuration names it in place of Material's (overrides/main.html). What it indexes of
a story is `story_text`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Story
    from .words import Words

PREFIX = "stories-"  # the worker's name: Material's, after this
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S*\s*$")


def forms_source() -> str:
    return resources.files(__package__).joinpath("search_forms.js").read_text("utf-8")


def write_worker(site_dir: str | Path) -> list[Path]:
    """Write the site's search worker beside each of Material's; returns what it wrote."""
    written = []
    workers = Path(site_dir) / "assets" / "javascripts" / "workers"
    for material in sorted(workers.glob("search.*.js")):
        if material.name.endswith(".map"):
            continue
        code = _SOURCE_MAP.sub("", material.read_text(encoding="utf-8"))
        worker = material.with_name(PREFIX + material.name)
        worker.write_text(forms_source() + "\n" + code, encoding="utf-8")
        written.append(worker)
    return written


def story_text(story: Story, lessons: Iterable[str], body: str, words: Words) -> str:
    """What search indexes of a story, in place of its body alone (`body`, its HTML): the
    summary and lesson titles first, so that a story is found by them, and found at all
    when it has no body yet; then the body, the discussion questions and the knowledge
    check, each a section of its own that a result leads to (their ids are the page's)."""
    separator = words["list.separator"]
    parts = [
        f"<p>{escape(story.summary)}</p>",
        f"<p>{escape(words.say('search.lessons', lessons=separator.join(lessons)))}</p>",
        body,
    ]
    if story.discuss:
        parts.append(f'<h2 id="discuss">{escape(words["practice.discuss"])}</h2>')
        parts += (f"<p>{escape(question)}</p>" for question in story.discuss)
    if story.quiz:
        parts.append(f'<h2 id="check-yourself">{escape(words["practice.check-yourself"])}</h2>')
        parts += (
            f"<p>{escape(q.question)} {escape(separator.join(q.choices))}. {escape(q.why)}</p>"
            for q in story.quiz
        )
    return "\n".join(parts)
