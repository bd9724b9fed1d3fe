"""Full builds of small fixture sites: the cross-links, both ways, and how problems surface."""

from __future__ import annotations

import gc
import html
import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from speedups import frame_is_its_own
from conftest import lesson, make_project, story
from mkdocs.exceptions import Abort

LESSONS = {
    "lessons/personalize-the-reply.md": lesson("Speak to the person", 1),
    "lessons/exceed-the-ask.md": lesson("Do a little more", 2),
    "lessons/own-the-mistake.md": lesson("Own the mistake", 3),
}
STORIES = {
    "lego.md": story(
        "LEGO replaces a lost ninja",
        "personalize-the-reply, exceed-the-ask",
        company="LEGO",
        year=2013,
        body="Compare [the bread](giraffe-bread.md).",
    ),
    "giraffe-bread.md": story(
        "Tiger bread becomes giraffe bread",
        "personalize-the-reply",
        company="Sainsbury's",
        year=2011,
        channel="letter",
    ),
    "kindle.md": story(
        "Amazon apologises for deleting 1984",
        "own-the-mistake",
        company="Amazon",
        year=2009,
        channel="public-statement",
        outcome="recovery",
    ),
}


class Links(HTMLParser):
    """The links inside a page's <article>: what a reader can follow without the sidebar."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag == "a" and self.depth:
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1


def article_links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


@pytest.fixture
def site(build):
    return build({**LESSONS, **STORIES})


def test_a_story_links_to_its_lessons_and_each_lesson_page_back_to_the_story(site):
    lego = site.page("lego")
    assert 'href="../lessons/personalize-the-reply/"' in lego
    assert 'href="../lessons/exceed-the-ask/"' in lego
    for lesson_id in ("personalize-the-reply", "exceed-the-ask"):
        assert 'href="../../lego/"' in site.page(f"lessons/{lesson_id}")
    assert 'href="../../lego/"' not in site.page("lessons/own-the-mistake")


def test_a_story_shows_its_header_facts(site):
    facts = re.sub(r"\s+", " ", article(site.page("kindle")))
    assert "<dt>Company</dt><dd>Amazon</dd>" in facts
    assert "<dt>Year</dt><dd>2009</dd>" in facts
    assert "<dt>Channel</dt><dd>public statement</dd>" in facts
    assert 'ss-outcome--recovery">recovery</span>' in facts
    assert "<h1>Amazon apologises for deleting 1984</h1>" in facts
    assert "The Daily Example" in facts


def test_related_stories_say_which_lessons_they_share(site):
    related = article(site.page("giraffe-bread")).split('id="related-stories"')[1]
    assert 'href="../lego/"' in related
    assert "Shares Speak to the person</span>" in related

    assert "kindle" not in related


def test_a_story_lists_the_stories_that_link_to_it(site):
    backlinks = article(site.page("giraffe-bread")).split('id="stories-that-link-here"')[1]
    assert 'href="../lego/"' in backlinks
    assert 'id="stories-that-link-here"' not in site.page("lego")


def test_a_lesson_page_shows_companion_lessons(site):
    page = article(site.page("lessons/exceed-the-ask"))
    companions = page.split('id="often-taught-with"')[1]
    assert 'href="../../lessons/personalize-the-reply/"' in companions
    assert "What a trainer writes about Do a little more." in page


def test_the_lessons_index_counts_stories(site):
    page = re.sub(r"\s+", " ", article(site.page("lessons")))
    # Lesson links go by way of the site's root, here one folder up.
    assert (
        'href="../lessons/personalize-the-reply/">Speak to the person</a> '
        '<span class="ss-count">2 stories' in page
    )
    assert (
        'href="../lessons/own-the-mistake/">Own the mistake</a> <span class="ss-count">1 story'
        in page
    )


def test_the_catalog_is_a_complete_plain_table_with_filter_data(site):
    page = site.page("catalog")
    rows = re.findall(
        r"<tr data-lessons=\"([^\"]*)\" data-channel=\"([^\"]*)\" "
        r"data-outcome=\"([^\"]*)\">",
        page,
    )
    assert sorted(rows) == sorted(
        [
            ("personalize-the-reply exceed-the-ask", "email", "delight"),
            ("personalize-the-reply", "letter", "delight"),
            ("own-the-mistake", "public-statement", "recovery"),
        ]
    )
    for slug in ("lego", "giraffe-bread", "kindle"):
        assert f'href="../{slug}/"' in page
    assert '<form class="ss-filters" data-ss-filters data-ss-data="../catalog.json" hidden>' in page
    assert "assets/javascripts/catalog.js" in page
    assert (site.site / "assets" / "javascripts" / "catalog.js").exists()


def test_the_home_page_shows_lessons_and_newest_stories(site):
    page = article(site.page(""))
    assert "Welcome." in page
    newest = page.split('id="newest-stories"')[1]
    assert newest.index('href="lego/"') < newest.index('href="giraffe-bread/"')
    assert 'href="lessons/own-the-mistake/"' in page


def test_a_reader_goes_home_lesson_story_related_lesson_without_the_sidebar(site):
    def follow(url: str, target: str) -> str:
        links = article_links(site.page(url))
        assert any(
            href.rstrip("/").endswith(target.rstrip("/").split("/")[-1]) or href == target
            for href in links
        ), f"{url} has no link to {target}"
        return target

    here = follow("", "lessons/exceed-the-ask/")
    here = follow(here.rstrip("/"), "lego/")
    here = follow("lego", "giraffe-bread/")
    assert any(
        href == "../lessons/personalize-the-reply/"
        for href in article_links(site.page("giraffe-bread"))
    )


def test_the_sidebar_holds_sections_only(site):
    nav = site.page("lego").split('data-md-type="navigation"')[1].split("</nav>")[0]
    assert re.findall(r'class="md-nav__link[^"]*"[^>]*href', nav) == re.findall(
        r'class="md-nav__link[^"]*"[^>]*href',
        site.page("kindle").split('data-md-type="navigation"')[1].split("</nav>")[0],
    )
    for slug in ("lego", "giraffe-bread", "kindle", "lessons/exceed-the-ask"):
        assert f'href="../{slug}/"' not in nav and f'href="{slug}/"' not in nav


def sidebar(html: str) -> str:
    return html.split('data-md-type="navigation"')[1].split("</nav>")[0]


def test_the_sidebar_marks_the_section_being_read_though_shared_by_other_pages(site):
    # The sidebar is rendered once per folder for the pages the nav does not list;
    # the sections themselves, in the same folders, must still show as active.
    active = re.compile(r'href="([^"]*)" class="md-nav__link md-nav__link--active"')
    assert active.findall(sidebar(site.page("catalog"))) == ["./"]
    assert active.findall(sidebar(site.page("trainers"))) == ["./"]
    assert active.findall(sidebar(site.page("lessons"))) == ["./"]
    for page in ("lego", "kindle", "lessons/exceed-the-ask"):
        assert active.findall(sidebar(site.page(page))) == []
    # Its addresses are relative to each page's folder.
    assert 'href="../catalog/"' in sidebar(site.page("lego"))
    assert 'href="../../catalog/"' in sidebar(site.page("lessons/own-the-mistake"))


def test_a_page_above_a_listed_page_renders_its_own_sidebar():
    # From `guides/`, the listed `guides/setup/` is `setup/`; from `lego/`, `../guides/setup/`.
    listed = SimpleNamespace(url="guides/setup/")
    nav = SimpleNamespace(pages=[SimpleNamespace(url=""), listed])
    assert frame_is_its_own(listed, nav)
    assert frame_is_its_own(SimpleNamespace(url="guides/"), nav)
    assert not frame_is_its_own(SimpleNamespace(url="lego/"), nav)
    assert not frame_is_its_own(SimpleNamespace(url="guides/other/"), nav)


def test_a_story_page_is_the_same_size_however_many_stories_there_are(build):
    small = build({**LESSONS, **STORIES}, name="small")
    others = {
        f"other-{n:03d}.md": story(f"Another story {n}", "own-the-mistake", year=2000 + n % 20)
        for n in range(60)
    }
    large = build({**LESSONS, **STORIES, **others}, name="large")
    assert small.page("lego") == large.page("lego")
    assert small.page("giraffe-bread") == large.page("giraffe-bread")


def test_a_broken_story_fails_the_strict_build_naming_file_and_field(build):
    broken = story("Broken", "exceed-the-ask").replace("year: 2014", "year: soon")
    with pytest.raises(Abort):
        build({**LESSONS, **STORIES, "broken.md": broken})


def test_a_build_hands_back_to_the_garbage_collector_what_it_held(build):
    # `mkdocs serve` rebuilds in one process: nothing may stay frozen between builds.
    build({**LESSONS, **STORIES})
    assert gc.get_freeze_count() == 0
    broken = story("Broken", "exceed-the-ask").replace("year: 2014", "year: soon")
    with pytest.raises(Abort):
        build({**LESSONS, **STORIES, "broken.md": broken}, name="broken")
    assert gc.get_freeze_count() == 0


def test_every_problem_is_logged_once_without_a_traceback(build):
    broken = story("Broken", "excede-the-ask").replace("year: 2014", "year: soon")
    site = build({**LESSONS, **STORIES, "broken.md": broken}, strict=False)
    assert "WARNING  mkdocs.plugins.service_stories" in site.log
    assert (
        "stories/broken.md:4: year: `soon` is not a whole number (write a number such as 2026)"
    ) in site.log
    assert (
        "stories/broken.md:7: lessons: `excede-the-ask` is not a lesson "
        "(did you mean exceed-the-ask? Or add stories/lessons/excede-the-ask.md)"
    ) in site.log
    assert "Traceback" not in site.log


def test_without_strict_a_broken_story_still_renders_with_a_visible_warning(build):
    broken = story("Broken but readable", "exceed-the-ask").replace("year: 2014", "year: soon")
    site = build({**LESSONS, **STORIES, "broken.md": broken}, strict=False)
    page = article(site.page("broken"))
    assert "<h1>Broken but readable</h1>" in page
    assert "This page has problems" in page
    assert "stories/broken.md:4: year:" in page
    assert "Something happened." in page
    catalog = site.page("catalog")
    assert "Stories left out until their problems are fixed" in catalog
    assert 'href="../broken/">Broken but readable</a>: 1 problem' in catalog


def test_front_matter_yaml_cannot_read_never_shows_as_page_text(build):
    broken = story("Unreadable", "exceed-the-ask").replace("company: Acme", "company: [Acme")
    site = build({**LESSONS, **STORIES, "broken.md": broken}, strict=False)
    page = article(site.page("broken"))
    assert "company:" not in page and "The Daily Example" not in page
    assert "Something happened." in page


HOSTILE_STORY = """---
title: "<script>alert('x')</script> & \\"quoted\\" <b onmouseover=alert(1)>"
company: "<b onmouseover=alert(1)>Acme</b>"
year: 2014
channel: email
outcome: delight
lessons: [exceed-the-ask]
summary: "<img src=x onerror=alert(2)> in a sentence."
sources:
  - title: "<script>alert('source')</script>"
    publisher: "<script>alert('publisher')</script>"
---

Body.
"""
HOSTILE_LESSON = """---
title: "<script>alert(3)</script>"
summary: "<script>alert(4)</script>"
---

Text.
"""


def test_front_matter_text_is_escaped_everywhere_it_is_shown(build):
    site = build(
        {
            **LESSONS,
            "lessons/exceed-the-ask.md": HOSTILE_LESSON,
            **STORIES,
            "hostile.md": HOSTILE_STORY,
        }
    )
    for page in site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for raw in ("<script>alert", "<img src=x", "<b onmouseover"):
            assert raw not in html, f"{raw} unescaped in {page.relative_to(site.site)}"
    story_page = site.page("hostile")
    assert (
        "<title>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;"
        in story_page
    )
    assert 'name="description" content="&lt;img src=x onerror=alert(2)&gt;' in story_page
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in index


def test_a_changed_template_shows_in_the_next_build_despite_the_template_cache(tmp_path):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = make_project(tmp_path, {**LESSONS, **STORIES})

    def lego_page() -> str:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        mkdocs_build(config)
        return (project / "site" / "lego" / "index.html").read_text(encoding="utf-8")

    first = lego_page()
    assert any((project / ".cache" / "templates").iterdir())
    template = project / "overrides" / "story.html"
    source = template.read_text(encoding="utf-8")
    template.write_text(source.replace(">Sources<", ">Where this comes from<"), encoding="utf-8")
    second = lego_page()
    assert ">Sources</h2>" in first and ">Where this comes from</h2>" in second


FENCE_IN_A_VALUE = """---
title: "A title that runs on
---
past a line of dashes"
company: Acme
year: 2014
---

## What happened

Something happened.
"""


def test_front_matter_broken_by_a_fence_inside_a_value_never_shows_as_page_text(build):
    site = build({**LESSONS, **STORIES, "broken.md": FENCE_IN_A_VALUE}, strict=False)
    page = article(site.page("broken"))
    assert "stories/broken.md:3: front matter: YAML cannot read this" in page
    for raw in ("past a line of dashes", "company:", "year:", "Something happened."):
        assert raw not in page


def test_a_story_without_a_body_is_found_by_its_summary(build):
    bodiless = story("Bodiless", "exceed-the-ask").split("## What happened")[0]
    site = build({**LESSONS, **STORIES, "bodiless.md": bodiless})
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    entries = [entry for entry in index["docs"] if entry["location"] == "bodiless/"]
    assert entries and "Bodiless, in a sentence." in entries[0]["text"]


def test_every_kind_of_page_shows_its_link_problems_in_its_problem_box(build):
    files = {
        **LESSONS,
        **STORIES,
        "lego.md": STORIES["lego.md"] + "\n[Gone][gone] and [here](giraffe-bread.md#nowhere).\n\n"
        "[gone]: gone.md\n",
        "lessons/exceed-the-ask.md": lesson("Do a little more") + "\nSee [it](../gone.md).\n",
        "guides/setup.md": "# Setup\n\nSee [it](../lego.md#nowhere).\n",
    }
    site = build(files, strict=False)
    boxes = {
        "lego": [
            "stories/lego.md:21: body: links to `gone.md`, which is not a page in stories/",
            "stories/lego.md:19: body: links to `giraffe-bread.md#nowhere`, but giraffe-bread.md "
            "has no section #nowhere",
        ],
        "lessons/exceed-the-ask": [
            "stories/lessons/exceed-the-ask.md:11: body: links to `../gone.md`, which is not a "
            "page in stories/"
        ],
        "guides/setup": [
            "stories/guides/setup.md:3: body: links to `../lego.md#nowhere`, but lego.md has no "
            "section #nowhere"
        ],
    }
    for url, problems in boxes.items():
        box = article(site.page(url)).split('class="admonition warning ss-problems"')[1]
        for problem in problems:
            assert html.escape(problem, quote=False) in box, (url, problem)
            assert problem in site.log
    assert "a strict build fails until they are fixed" in article(site.page("lego"))
