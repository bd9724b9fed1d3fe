"""What the build publishes: nothing lost, the data files, and byte-identical rebuilds."""

from __future__ import annotations

import filecmp
import json
import re

import pytest
from hostile_input import refused_story
from library_fixtures import LARGE, LESSON_ORDER, LESSONS, broken_files, library_files, story
from service_stories.json_schemas import json_schema

BROKEN = {
    "broken-year.md": story("Broken year", "exceed-the-ask").replace("year: 2014", "year: x"),
    "broken-yaml.md": story("Broken yaml", "exceed-the-ask").replace("company: Acme", "company: ["),
}


def pages_of(site, first: str) -> str:
    """Every page of a paged list, as one text: /catalog/, /catalog/2/, ..."""
    text, number = site.page(first), 2
    while (site.site / first / str(number) / "index.html").exists():
        text += site.page(f"{first}/{number}")
        number += 1
    return text


def test_nothing_is_lost(build):
    site = build(
        {**LESSONS, **LARGE, **BROKEN}, strict=False, site_url="https://example.org/stories/"
    )
    story_pages = [p for p in site.site.glob("*/index.html") if 'class="ss-facts"' in p.read_text()]
    assert len(story_pages) == len(LARGE)
    catalog = pages_of(site, "catalog")
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {document["location"].split("#")[0] for document in index["docs"]}
    lesson_pages = {lesson_id: pages_of(site, f"lessons/{lesson_id}") for lesson_id in LESSON_ORDER}
    assert (site.site / "lessons" / "personalize-the-reply" / "3" / "index.html").exists()
    assert (site.site / "catalog" / "2" / "index.html").exists()
    for name, text in LARGE.items():
        slug = name.removesuffix(".md")
        lessons = re.search(r"lessons: \[(.*)\]", text).group(1).split(", ")
        for lesson_id in lessons:
            assert f'href="../../{slug}/"' in lesson_pages[lesson_id] or (
                f'href="../../../{slug}/"' in lesson_pages[lesson_id]
            ), (slug, lesson_id)
        assert f'<td><a href="../{slug}/">' in catalog or f'<td><a href="../../{slug}/">' in catalog
        assert f"<loc>https://example.org/stories/{slug}/</loc>" in sitemap, slug
        assert f"{slug}/" in locations, slug
    for name in BROKEN:
        slug = name.removesuffix(".md")
        assert "This page has problems" in site.page(slug)
        assert f'href="../{slug}/"' in site.page("catalog").split("Stories left out until")[1]
    for page in site.site.rglob("*.html"):
        assert page.stat().st_size < 300_000, page


def test_stories_json_lists_every_story_lesson_and_path(library_site):
    site = library_site
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
        "evidence": "reported",
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
        "reviewed": "2026-06-01",
        "review_every": 365,
        "owner": "Ana",
        "minutes": 1,
    }
    assert data["stories"][0]["reviewed"] is None and data["stories"][0]["owner"] is None
    assert [lesson["id"] for lesson in data["lessons"]] == LESSON_ORDER
    # Strongest first: the bread story teaches only this lesson.
    assert data["lessons"][0]["stories"] == ["giraffe-bread", "lego"]
    assert [(p["id"], p["steps"]) for p in data["paths"]] == [
        ("first-week", ["giraffe-bread", "lego", "kindle"]),
        ("mistakes", ["kindle", "lego"]),
    ]


@pytest.mark.parametrize("kind", ["story", "lesson", "path"])
def test_the_schemas_are_published(library_site, kind):
    published = (library_site.site / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(published) == json_schema(kind)


def test_two_builds_of_the_same_content_are_byte_identical(broken_site, build):
    # A second build of the session's broken site: every kind of page, and problems too.
    first = broken_site.site
    second = build(
        {**library_files(), **broken_files(), "refused.md": refused_story()},
        strict=False,
        name="again",
    ).site
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()
    )
    _, different, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (different, errors) == ([], [])
