"""Hostile input: script-injection payloads in every field of every kind of page that
reaches a page's head or body (stories, lessons, paths, guides, the home and index pages,
a title taken from a heading), and in bodies, including markup that a simpler parser than
a browser's would miscount. Every built page and the search index are parsed as a browser
parses them (a WHATWG parser, never a regular expression), and must hold no script but
the site's own, no event handler and no javascript: or data: address."""

from __future__ import annotations

import json
import re

import pytest
from builds import make_project
from hostile_input import BYPASSES, INERT_IN_BODY, PAYLOADS
from html_checks import active
from library_fixtures import LESSONS, STORIES, TODAY
from service_stories.markup import elements
from service_stories.project import check, load_project


def texts_of(page: str, tag: str) -> list[str]:
    return [element.text for element in elements(page, text_of=(tag,)) if element.tag == tag]


def meta_of(page: str, name: str) -> list[str]:
    return [
        dict(element.attributes).get("content", "")
        for element in elements(page)
        if element.tag == "meta"
        and name in (dict(element.attributes).get("name"), dict(element.attributes).get("property"))
    ]


def test_there_are_enough_payloads():
    assert len(PAYLOADS) >= 25 and len(BYPASSES) >= 8


def test_front_matter_payloads_never_become_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 3 * len(PAYLOADS)
    # Material's own inline scripts, from a page no payload reaches.
    material = set(active((hostile_site / "lego/index.html").read_text("utf-8")).inline_scripts)
    assert len(material) >= 3
    for page in pages:
        found = active(page.read_text(encoding="utf-8"))
        assert found.found == [], f"{page.relative_to(hostile_site)}: {found.found}"
        assert set(found.inline_scripts) <= material, page


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_payloads_reach_every_kind_of_page_as_text(hostile_site, number):
    payload = PAYLOADS[number]
    story = (hostile_site / f"hostile-{number:02d}" / "index.html").read_text("utf-8")
    assert texts_of(story, "title") == [f"{payload} story {number} - Service Stories"]
    assert texts_of(story, "h1") == [f"{payload} story {number}"]
    assert meta_of(story, "description") == [payload]
    assert meta_of(story, "og:description") == [payload]
    guide = (hostile_site / "guides" / f"front-matter-{number:02d}" / "index.html").read_text()
    assert texts_of(guide, "title") == [f"{payload} - Service Stories"]
    assert meta_of(guide, "description") == [payload]
    titled = (hostile_site / "guides" / f"heading-{number:02d}" / "index.html").read_text()
    shown = " ".join(payload.split())  # a heading's text, as a browser shows it
    assert [" ".join(text.split()) for text in texts_of(titled, "title")] == [
        f"{shown} - Service Stories"
    ]


def test_front_matter_text_is_escaped_everywhere_it_is_shown(hostile_site):
    page = (hostile_site / "quoted" / "index.html").read_text(encoding="utf-8")
    assert texts_of(page, "title") == [
        "<script>alert('x')</script> & \"quoted\" <b onmouseover=alert(1)> - Service Stories"
    ]
    assert (
        "<title>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
    )
    assert meta_of(page, "description") == ["<img src=x onerror=alert(2)> in a sentence."]


def test_index_pages_and_the_home_page_keep_payloads_as_text(hostile_site):
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert meta_of(home, "description") == [PAYLOADS[13]]
    lessons = (hostile_site / "lessons" / "index.html").read_text(encoding="utf-8")
    assert texts_of(lessons, "title") == [f"{PAYLOADS[3]} - Service Stories"]
    paths = (hostile_site / "paths" / "index.html").read_text(encoding="utf-8")
    # An index page keeps its section's name as its title; its heading is text.
    assert texts_of(paths, "title") == ["Paths - Service Stories"]
    assert texts_of(paths, "h1") == [PAYLOADS[13]]


def test_the_search_index_holds_no_markup_from_front_matter(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    titles = []
    for document in index["docs"]:
        # Material's search shows titles and text as HTML, so they must be inert HTML.
        for name in ("title", "text"):
            found = active(document[name])
            assert found.found == [] and found.inline_scripts == [], document["location"]
        titles.append(document["title"])
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in title for title in titles)


def test_stories_json_holds_the_payloads_as_plain_text(hostile_site):
    library = json.loads((hostile_site / "stories.json").read_text(encoding="utf-8"))
    by_slug = {story["slug"]: story for story in library["stories"]}
    assert by_slug["hostile-00"]["title"] == f"{PAYLOADS[0]} story 0"
    assert by_slug["hostile-01"]["summary"] == PAYLOADS[1]


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_script_in_a_body_is_refused_with_a_clear_message(tmp_path, number):
    payload = PAYLOADS[number]
    body_story = STORIES["lego.md"] + f"\n{payload}\n"
    project = make_project(tmp_path, {**LESSONS, **STORIES, "lego.md": body_story})
    problems = [str(p) for p in check(load_project(project / "mkdocs.yml"), TODAY).problems]
    if payload in INERT_IN_BODY:
        assert problems == []
    else:
        assert problems, payload
        for problem in problems:
            assert re.match(r"stories/lego\.md:19: body: (has|links to) ", problem), problem


@pytest.mark.parametrize("number", range(len(BYPASSES)))
def test_markup_a_counter_would_miss_is_refused(tmp_path, number):
    body_story = STORIES["lego.md"] + f"\n{BYPASSES[number]}\n"
    project = make_project(tmp_path, {**LESSONS, **STORIES, "lego.md": body_story})
    problems = [str(p) for p in check(load_project(project / "mkdocs.yml"), TODAY).problems]
    assert problems, BYPASSES[number]
    for problem in problems:
        assert re.match(r"stories/lego\.md:19: body: (has|links to) ", problem), problem


def test_the_build_publishes_what_the_sanitizer_returns(broken_site):
    assert "stories/refused.md:19: body: has a <script> element" in broken_site.log
    page = broken_site.page("refused")
    material = set(active(broken_site.page("giraffe-bread")).inline_scripts)
    assert active(page).found == []
    assert set(active(page).inline_scripts) <= material
