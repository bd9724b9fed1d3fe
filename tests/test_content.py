"""The repository's own library: it builds strictly and keeps the promises of the README."""

from __future__ import annotations

import logging
import re
from datetime import date

import pytest
from builds import ROOT
from service_stories.model import CHANNELS
from service_stories.site import load_site


@pytest.fixture(scope="module")
def site():
    docs = ROOT / "stories"
    files = [(path.relative_to(docs).as_posix(), path.read_bytes()) for path in docs.rglob("*.md")]
    return load_site(files, "stories", date(2026, 11, 22))


def test_every_file_in_the_library_is_valid(site):
    assert [str(problem) for problem in site.problems] == []


def test_the_starter_library_has_enough_stories_and_failures(site):
    stories = site.library.stories.values()
    assert len(stories) >= 12
    assert sum(story.outcome == "failure" for story in stories) >= 3


def test_every_lesson_is_taught_by_at_least_two_stories(site):
    lessons = site.library.lessons
    assert 8 <= len(lessons) <= 14
    counts = {lesson_id: len(site.library.by_lesson[lesson_id]) for lesson_id in lessons}
    assert {lesson_id: n for lesson_id, n in counts.items() if n < 2} == {}


def test_every_story_names_a_dated_source(site):
    for story in site.library.stories.values():
        assert any(source.date for source in story.sources), story.slug
        assert all(source.publisher for source in story.sources), story.slug


def test_the_readme_lists_the_channel_vocabulary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `channel` |"))
    assert tuple(re.findall(r"`([a-z-]+)`", row)[1:]) == CHANNELS


def test_the_repository_builds_strictly(tmp_path, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        config = load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(tmp_path))
        build(config)
    assert caplog.text == ""
    assert (tmp_path / "lego-lost-ninja" / "index.html").exists()


def test_the_library_carries_quizzes_discussion_and_paths(site):
    stories = list(site.library.stories.values())
    assert sum(bool(story.quiz) for story in stories) >= 6
    assert sum(bool(story.discuss) for story in stories) > len(stories) / 2
    assert len(site.library.paths) >= 2
    for path in site.library.paths.values():
        assert len(site.library.steps(path)) == len(path.steps)
