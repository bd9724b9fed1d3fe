"""The plan of the site, without MkDocs: what each page is, where it lives, its title,
template and meta, and the view its template gets."""

from __future__ import annotations

import json

import pytest
from builds import ROOT
from library_fixtures import TODAY, library_files, story
from service_stories import addresses, words
from service_stories.corner import CatalogView
from service_stories.kinds import CatalogPlan, Found, GuidePlan, HandoutPlan, StoryPlan
from service_stories.plan import Plan
from service_stories.site import load_site
from service_stories.views import StoryView

ENGLISH, _ = words.load([ROOT / "overrides"], "en")
NOTHING = Found(
    problems_of=lambda src_uri: [],
    backlinks={},
    bodies={},
    has_heading=lambda src_uri: False,
    heading=lambda src_uri: None,
)


def plan_of(files: dict[str, str]) -> Plan:
    encoded = [(name, text.encode()) for name, text in {"index.md": "# Home\n", **files}.items()]
    return Plan(load_site(encoded, "stories", TODAY), TODAY, ENGLISH)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_of(library_files())


@pytest.fixture(scope="module")
def large() -> Plan:
    extra = {f"story-{n:03d}.md": story(f"Story {n:03d}", "own-the-mistake") for n in range(230)}
    return plan_of({**library_files(), **extra})


def test_the_catalogs_second_page_has_its_address_title_template_and_rows(large):
    second = large.page(addresses.catalog(2))
    assert isinstance(second, CatalogPlan)
    assert (second.src_uri, large.url(second.src_uri)) == ("catalog/2.md", "catalog/2/")
    assert (second.title, second.template, second.searchable) == (
        "Catalog, page 2",
        "catalog.html",
        False,
    )
    view = second.view(large, NOTHING)
    assert isinstance(view, CatalogView)
    assert view.pager.urls == ("catalog/", "catalog/2/")
    assert (view.pager.previous, view.pager.next) == ("catalog/", None)
    assert [row.card.story.slug for row in view.rows][:2] == ["story-198", "story-199"]
    assert len(view.rows) == 233 - 200 and view.flagged == ()


def test_every_page_of_a_lesson_and_of_the_coverage_grid_is_planned(large):
    lesson = "own-the-mistake"
    assert [large.page(addresses.lesson(lesson, n)).title for n in (1, 2, 3)] == [
        "Own the mistake",
        "Own the mistake, page 2",
        "Own the mistake, page 3",
    ]
    assert large.page(addresses.lesson(lesson, 4)) is None
    assert large.page(addresses.coverage(2)).template == "coverage.html"
    assert large.page(addresses.coverage(1)).template == "trainers.html"


def test_the_pages_the_build_makes_are_those_no_trainer_wrote(plan):
    assert sorted(plan.generated()) == [
        "catalog.md",
        "lessons/index.md",
        "paths/index.md",
        "record.md",
        "trainers.md",
        "trainers/first-week/guide.md",
        "trainers/first-week/handout.md",
        "trainers/mistakes/guide.md",
        "trainers/mistakes/handout.md",
    ]
    guide, handout = (
        plan.page(addresses.guide("mistakes")),
        plan.page(addresses.handout("mistakes")),
    )
    assert isinstance(guide, GuidePlan) and isinstance(handout, HandoutPlan)
    assert handout.hide == ("navigation", "toc") and not handout.searchable


def test_a_story_is_planned_with_its_view_computed_before_any_template(plan):
    lego = plan.page("lego.md")
    assert isinstance(lego, StoryPlan)
    assert (lego.template, plan.url(lego.src_uri), lego.search_parts) == (
        "story.html",
        "lego/",
        True,
    )
    assert lego.keeps_body  # a step of a path: its handout and package print its body
    view = lego.view(plan, NOTHING)
    assert isinstance(view, StoryView)
    assert [link.url for link in view.lessons] == [
        "lessons/personalize-the-reply/",
        "lessons/exceed-the-ask/",
    ]
    first, mistakes = view.positions
    assert (first.path.title, first.number, first.total) == ("First week", 2, 3)
    assert (first.previous.url, first.next.url) == ("giraffe-bread/", "kindle/")
    assert (mistakes.number, mistakes.next) == (2, None)
    (related,) = view.related
    assert related.card.url == "giraffe-bread/"
    assert [lesson.title for lesson in related.shared] == ["Speak to the person"]
    assert view.review.state == "current" and view.review.owner == "Ana"


def test_the_data_files_are_planned_with_the_pages(plan):
    files = plan.data("https://example.org/")
    assert sorted(files) == [
        "catalog.json",
        "lesson.schema.json",
        "path.schema.json",
        "stories.json",
        "story.schema.json",
    ]
    library = json.loads(files["stories.json"])
    assert library["stories"][2]["url"] == "https://example.org/lego/"
