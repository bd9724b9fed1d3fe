"""The repository's own library: it builds strictly and keeps the promises of the README."""

from __future__ import annotations

import logging
import re
from datetime import date

import pytest
from builds import ENGINE, ROOT, engine_build
from service_stories.model import CHANNELS
from service_stories.site import load_site


@pytest.fixture(scope="module")
def site():
    docs = ROOT / "stories"
    files = [(path.relative_to(docs).as_posix(), path.read_bytes()) for path in docs.rglob("*.md")]
    return load_site(files, "stories", date(2026, 11, 22))


def test_every_file_in_the_library_is_valid(site):
    assert [str(problem) for problem in site.problems] == []


# Each company's industry: a new story's company must be placed here, so that the count
# of industries below stays true.
INDUSTRIES = {
    "Adobe": "software",
    "Air Canada": "travel",
    "Amazon": "retail",
    "AOL": "telecoms",
    "Chewy": "retail",
    "Comcast": "telecoms",
    "Domino's": "food",
    "DPD": "delivery",
    "GitLab": "software",
    "KFC": "food",
    "LEGO": "retail",
    "An auto repair shop (not named in the source)": "car repair",
    "Morton's The Steakhouse": "food",
    "Nestlé": "food",
    "Progressive Insurance": "banking and insurance",
    "The Ritz-Carlton": "travel",
    "Sainsbury's": "retail",
    "smart USA": "car making",
    "TD Canada Trust": "banking and insurance",
    "Trader Joe's": "retail",
    "Metropolitan Intercity Railway Company (Tsukuba Express)": "public transport",
    "United Airlines": "travel",
    "Virgin Money": "banking and insurance",
    "Zappos": "retail",
}


def test_the_starter_library_is_broad_enough_for_a_new_agents_first_weeks(site):
    stories = list(site.library.stories.values())
    assert len(stories) >= 25
    assert sum(story.outcome == "failure" for story in stories) >= 8
    for channel in ("chat", "social-media", "phone"):
        assert sum(story.channel == channel for story in stories) >= 3, channel
    unplaced = {story.company for story in stories} - INDUSTRIES.keys()
    assert unplaced == set(), "add each company's industry to INDUSTRIES"
    assert len({INDUSTRIES[story.company] for story in stories}) >= 6
    assert len(site.library.paths) >= 3


def test_every_lesson_is_taught_by_at_least_three_stories(site):
    lessons = site.library.lessons
    assert 8 <= len(lessons) <= 14
    counts = {lesson_id: len(site.library.by_lesson[lesson_id]) for lesson_id in lessons}
    assert {lesson_id: n for lesson_id, n in counts.items() if n < 3} == {}


def test_every_story_has_a_knowledge_check_and_discussion_questions(site):
    for story in site.library.stories.values():
        assert story.quiz and story.discuss, story.slug


def test_every_story_names_its_sources_and_a_reported_one_a_dated_report(site):
    for story in site.library.stories.values():
        assert all(source.publisher for source in story.sources), story.slug
        if story.evidence == "reported":
            assert any(source.date for source in story.sources), story.slug


def test_the_mechanics_note_is_an_anecdote_and_says_so(site):
    story = site.library.stories["mechanics-note-after-a-repair"]
    assert (story.evidence, story.year) == ("anecdote", None)
    assert "make-the-routine-memorable" in story.lessons
    assert story.sources[0].url == (
        "https://www.pollock.com/4-almost-unbelievable-customer-service-stories-to-inspire-you/"
    )


def test_the_readme_lists_the_channel_vocabulary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `channel` |"))
    assert tuple(re.findall(r"`([a-z-]+)`", row)[1:]) == CHANNELS


def test_the_repository_builds_strictly(tmp_path, caplog):
    build, load_config = engine_build()
    with caplog.at_level(logging.WARNING, logger=ENGINE):
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
