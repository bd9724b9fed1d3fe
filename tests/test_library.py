"""The lesson index: related stories with their reasons, backlinks, companion lessons."""

from __future__ import annotations

import math
import random

import pytest
from library_fixtures import make_lessons, make_story
from service_stories.library import Library
from service_stories.model import Lesson, Story


def related_slugs(library: Library, slug: str, limit: int = 5) -> list[tuple[str, tuple]]:
    return [(r.story.slug, r.shared) for r in library.related(library.stories[slug], limit)]


def test_related_stories_come_with_the_lessons_they_share():
    library = Library(
        [
            make_story("a", "x", "y"),
            make_story("b", "x", "y"),
            make_story("c", "y"),
            make_story("d", "z"),
        ],
        make_lessons("x", "y", "z"),
    )
    assert related_slugs(library, "a") == [("b", ("x", "y")), ("c", ("y",))]
    assert related_slugs(library, "d") == []


def test_a_rare_shared_lesson_outranks_a_common_one():
    # "common" is taught by five stories, "rare" by two: sharing "rare" says more.
    stories = [make_story("target", "common", "rare"), make_story("shares-rare", "rare")]
    stories += [make_story(f"common-{n}", "common") for n in range(4)]
    library = Library(stories, make_lessons("common", "rare"))
    assert library.weight("rare") > library.weight("common")
    assert related_slugs(library, "target", limit=2) == [
        ("shares-rare", ("rare",)),
        ("common-0", ("common",)),
    ]


def test_more_shared_lessons_rank_higher_then_rarity_then_slug():
    library = Library(
        [
            make_story("me", "p", "q"),
            make_story("zed", "p", "q"),
            make_story("bee", "p"),
            make_story("ant", "q"),
            make_story("cat", "q"),
        ],
        make_lessons("p", "q"),
    )
    # p is taught by three stories, q by four: bee (p) outranks ant and cat (q),
    # and ant and cat, alike in every way, go by slug.
    assert related_slugs(library, "me") == [
        ("zed", ("p", "q")),
        ("bee", ("p",)),
        ("ant", ("q",)),
        ("cat", ("q",)),
    ]


def reference_ranking(library: Library, story: Story, limit: int) -> list[str]:
    """Comparing every pair of stories: slow, obviously right, for checking the index."""

    def score(other: Story) -> tuple[float, int, str]:
        shared = [lesson for lesson in story.lessons if lesson in other.lessons]
        weight = sum(
            math.log(1 + len(library.stories) / len(library.by_lesson[lesson]))
            for lesson in sorted(shared)
        )
        return (-round(weight, 9), -len(shared), other.slug)

    others = [
        o
        for o in library.stories.values()
        if o.slug != story.slug and set(o.lessons) & set(story.lessons)
    ]
    return [o.slug for o in sorted(others, key=score)[:limit]]


@pytest.mark.parametrize("seed", range(20))
def test_the_lesson_index_ranks_exactly_as_comparing_every_pair(seed):
    rng = random.Random(seed)
    lesson_ids = [f"l{n}" for n in range(8)]
    stories = [
        make_story(f"s{n:03d}", *rng.sample(lesson_ids, rng.randint(1, 4)))
        for n in range(rng.randint(5, 80))
    ]
    library = Library(stories, make_lessons(*lesson_ids))
    for story in library.stories.values():
        for limit in (1, 3, 5, 100):
            assert [r.story.slug for r in library.related(story, limit)] == reference_ranking(
                library, story, limit
            )
        assert library.related(story, 0) == []


def test_backlinks_list_the_stories_that_link_here():
    library = Library(
        [make_story("a", "x"), make_story("b", "x"), make_story("c", "x")], make_lessons("x")
    )
    backlinks = library.backlinks({"a": ["b", "missing", "b", "a"], "c": ["b"]})
    assert [s.slug for s in backlinks["b"]] == ["a", "c"]
    assert backlinks.get("a", []) == []


def test_companion_lessons_are_counted_and_ordered():
    library = Library(
        [
            make_story("a", "x", "y", "z"),
            make_story("b", "x", "y"),
            make_story("c", "x", "z"),
            make_story("d", "x", "y"),
        ],
        make_lessons("x", "y", "z"),
    )
    assert [(lesson.id, count) for lesson, count in library.companions("x")] == [("y", 3), ("z", 2)]


def test_a_lessons_strongest_stories_come_first():
    library = Library(
        [
            make_story("broad", "x", "y", "z", year=2020),
            make_story("old", "x", year=2001),
            make_story("new", "x", year=2019),
            make_story("pair", "x", "y", year=2022),
        ],
        make_lessons("x", "y", "z"),
    )
    assert [s.slug for s in library.teaching("x")] == ["new", "old", "pair", "broad"]
    assert [s.slug for s in library.teaching("x", limit=2)] == ["new", "old"]


def test_teaching_and_newest_list_recent_stories_first():
    library = Library(
        [
            make_story("old", "x", year=2001),
            make_story("new", "x", year=2020),
            make_story("mid", "y", year=2010),
        ],
        make_lessons("x", "y"),
    )
    assert [s.slug for s in library.teaching("x")] == ["new", "old"]
    assert [s.slug for s in library.newest(2)] == ["new", "mid"]


def test_lessons_are_ordered_by_their_order_then_title():
    lessons = [Lesson("b", "Bravo", "s"), Lesson("a", "Alpha", "s", 2), Lesson("c", "C", "s", 1)]
    assert list(Library([], lessons).lessons) == ["c", "a", "b"]
