"""What the build publishes: nothing lost, the data files, and byte-identical rebuilds."""

from __future__ import annotations

import filecmp
import json
import re

from conftest import story
from test_build import LESSONS, STORIES
from test_training_build import PATHS

LESSON_IDS = ["personalize-the-reply", "exceed-the-ask", "own-the-mistake"]
MANY = {
    f"story-{number:02d}.md": story(
        f"Story number {number}",
        ", ".join(LESSON_IDS[: 1 + number % 3]),
        year=1990 + number,
        outcome=("delight", "recovery", "failure")[number % 3],
    )
    for number in range(30)
}
BROKEN = {
    "broken-year.md": story("Broken year", "exceed-the-ask").replace("year: 2014", "year: x"),
    "broken-yaml.md": story("Broken yaml", "exceed-the-ask").replace("company: Acme", "company: ["),
}


def test_nothing_is_lost(build):
    site = build(
        {**LESSONS, **STORIES, **MANY, **BROKEN},
        strict=False,
        site_url="https://example.org/stories/",
    )
    valid = {**STORIES, **MANY}
    story_pages = [p for p in site.site.glob("*/index.html") if 'class="ss-facts"' in p.read_text()]
    assert len(story_pages) == len(valid)
    catalog = site.page("catalog")
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {document["location"].split("#")[0] for document in index["docs"]}
    lesson_pages = {lesson_id: site.page(f"lessons/{lesson_id}") for lesson_id in LESSON_IDS}
    for name, text in valid.items():
        slug = name.removesuffix(".md")
        lessons = re.search(r"lessons: \[(.*)\]", text).group(1).split(", ")
        for lesson_id in lessons:
            assert f'href="../../{slug}/"' in lesson_pages[lesson_id], (slug, lesson_id)
        assert f'<td><a href="../{slug}/">' in catalog, slug
        assert f"<loc>https://example.org/stories/{slug}/</loc>" in sitemap, slug
        assert f"{slug}/" in locations, slug
    for name in BROKEN:
        slug = name.removesuffix(".md")
        assert "This page has problems" in site.page(slug)
        assert f'href="../{slug}/"' in catalog.split("Stories left out until")[1]


def test_stories_json_lists_every_story_lesson_and_path(build):
    site = build({**LESSONS, **STORIES, **PATHS})
    data = json.loads((site.site / "stories.json").read_text(encoding="utf-8"))
    assert [s["slug"] for s in data["stories"]] == ["giraffe-bread", "kindle", "lego"]
    lego = data["stories"][2]
    assert lego == {
        "slug": "lego",
        "url": "lego/",
        "title": "LEGO replaces a lost ninja",
        "company": "LEGO",
        "year": 2013,
        "channel": "email",
        "outcome": "delight",
        "lessons": ["personalize-the-reply", "exceed-the-ask"],
        "summary": "LEGO replaces a lost ninja, in a sentence.",
        "sources": [
            {
                "title": "A report of LEGO replaces a lost ninja",
                "publisher": "The Daily Example",
                "date": "2014-02-06",
                "url": None,
            }
        ],
        "reviewed": None,
        "review_every": None,
        "owner": None,
        "minutes": 1,
    }
    assert [lesson["id"] for lesson in data["lessons"]] == LESSON_IDS
    assert data["lessons"][0]["stories"] == ["lego", "giraffe-bread"]
    assert [(p["id"], p["steps"]) for p in data["paths"]] == [
        ("first-week", ["giraffe-bread", "lego", "kindle"]),
        ("mistakes", ["kindle", "lego"]),
    ]


def test_the_schema_is_published(build):
    site = build({**LESSONS, **STORIES})
    schema = json.loads((site.site / "story.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Service Stories: story front matter"


def test_two_builds_of_the_same_content_are_byte_identical(build):
    files = {**LESSONS, **STORIES, **PATHS, **MANY}
    first = build(files, name="first").site
    second = build(files, name="second").site
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()
    )
    _, different, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (different, errors) == ([], [])
