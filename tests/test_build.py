"""Full builds of small fixture sites: the cross-links, both ways, and how problems surface."""

from __future__ import annotations

import gc
import html
import json
import logging
import pickle
import re
from types import SimpleNamespace

import pytest
from builds import build_project, logged, make_project
from html_checks import article, article_links, parse
from library_fixtures import LESSONS, STORIES, library_files, story
from mkdocs.exceptions import Abort
from speedups import frame_is_its_own


@pytest.fixture
def site(library_site):
    return library_site


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


def test_related_stories_list_the_lessons_they_share_as_chips(site):
    page = parse(site.page("giraffe-bread"))
    card = page.css_first("#related-stories + ul.ss-cards > li.ss-card")
    assert card.css_first("a.ss-card__title").attributes["href"] == "../lego/"
    chips = [(a.text(), a.attributes["href"]) for a in card.css("ul.ss-chips a.ss-chip")]
    assert chips == [("Speak to the person", "../lessons/personalize-the-reply/")]
    assert "kindle" not in page.css_first("#related-stories + ul").html


def test_a_story_lists_the_stories_that_link_to_it_once(site):
    page = parse(site.page("giraffe-bread"))
    # Both link here; LEGO is already a related story, so only Amazon is listed again.
    backlinks = page.css_first("#stories-that-link-here + ul.ss-cards")
    assert [a.attributes["href"] for a in backlinks.css("a.ss-card__title")] == ["../kindle/"]
    titles = [a.attributes["href"] for a in page.css("article a.ss-card__title")]
    assert len(titles) == len(set(titles))
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
        r"data-outcome=\"([^\"]*)\" data-evidence=\"reported\">",
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
    form = parse(page).css_first("form[data-ss-filters]")
    assert form.attributes["data-ss-data"] == "../catalog.json"
    assert "hidden" not in form.attributes  # in place from the start; no-js.css hides it
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


def test_a_story_page_is_the_same_size_however_many_stories_there_are(library_site, build):
    others = {
        f"other-{n:03d}.md": story(f"Another story {n}", "own-the-mistake", year=2000 + n % 20)
        for n in range(60)
    }
    large = build({**library_files(), **others}, name="large")
    assert library_site.page("lego") == large.page("lego")
    assert library_site.page("giraffe-bread") == large.page("giraffe-bread")


BROKEN_YEAR = story("Broken", "exceed-the-ask").replace("year: 2014", "year: soon")


def test_a_broken_story_fails_the_strict_build_naming_file_and_field(build):
    with logged(logging.WARNING) as lines, pytest.raises(Abort):
        build({**LESSONS, **STORIES, "broken.md": BROKEN_YEAR})
    named = [line for line in lines if "stories/broken.md:" in line]
    assert named == [
        "WARNING  mkdocs.plugins.service_stories: stories/broken.md:4: year: `soon` is not a "
        "whole number (write a number such as 2026)"
    ]


def test_a_build_hands_back_to_the_garbage_collector_what_it_held(library_site, build):
    # `mkdocs serve` rebuilds in one process: nothing may stay frozen between builds, and
    # the collector, paused while the library is read, runs again.
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    with pytest.raises(Abort):
        build({**LESSONS, **STORIES, "broken.md": BROKEN_YEAR}, name="broken")
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_every_problem_is_logged_once_without_a_traceback(broken_site):
    for problem in (
        "stories/broken.md:4: year: `soon` is not a whole number (write a number such as 2026)",
        "stories/broken.md:7: lessons: `excede-the-ask` is not a lesson "
        "(did you mean exceed-the-ask? Or add stories/lessons/excede-the-ask.md)",
    ):
        assert broken_site.log.count(f"WARNING  mkdocs.plugins.service_stories: {problem}") == 1
    assert "Traceback" not in broken_site.log


def test_without_strict_a_broken_story_still_renders_with_a_visible_warning(broken_site):
    page = article(broken_site.page("broken"))
    assert "<h1>Broken but readable</h1>" in page
    assert "This page has problems" in page
    assert "stories/broken.md:4: year:" in page
    assert "Something happened." in page
    catalog = broken_site.page("catalog")
    assert "Stories left out until their problems are fixed" in catalog
    assert 'href="../broken/">Broken but readable</a>: 2 problems' in catalog


def test_front_matter_yaml_cannot_read_never_shows_as_page_text(broken_site):
    page = article(broken_site.page("unreadable"))
    assert "company:" not in page and "The Daily Example" not in page
    assert "Something happened." in page


def test_a_changed_template_shows_in_the_next_build_despite_the_template_cache(tmp_path):
    project = make_project(tmp_path, {**LESSONS, **STORIES}, own=True)

    def lego_page() -> str:
        return build_project(project).page("lego")

    first = lego_page()
    assert any((project / ".cache" / "templates").iterdir())
    template = project / "overrides" / "partials" / "story-parts.html"
    source = template.read_text(encoding="utf-8")
    edited = source.replace('<ul class="ss-sources">', '<ul class="ss-sources ss-edited">')
    template.write_text(edited, encoding="utf-8")
    second = lego_page()
    assert '<ul class="ss-sources">' in first and '<ul class="ss-sources ss-edited">' in second


@pytest.fixture
def stories_read(monkeypatch):
    """The stories each build reads from their files, by name, in order."""
    import service_stories.site

    read: list[str] = []
    real = service_stories.site.read_story

    def counted(src_uri, *arguments):
        read.append(src_uri)
        return real(src_uri, *arguments)

    monkeypatch.setattr(service_stories.site, "read_story", counted)
    return read


def test_a_build_reads_again_only_the_stories_whose_reading_would_change(tmp_path, stories_read):
    broken = story("Broken", "exceed-the-ask").replace("year: 2014", "year: soon")
    project = make_project(tmp_path, {**LESSONS, **STORIES, "broken.md": broken}, own=True)
    docs = project / "stories"
    first = build_project(project, strict=False)
    assert sorted(stories_read) == sorted([*STORIES, "broken.md"])
    assert list((project / ".cache" / "stories").glob("*.pickle"))

    stories_read.clear()
    second = build_project(project, strict=False)
    assert stories_read == []  # nothing changed: every story as the first build read it
    assert second.page("lego") == first.page("lego")
    # A remembered story's problems reach the author again, word for word.
    problem = "stories/broken.md:4: year: `soon` is not a whole number (write a number"
    assert problem in first.log and problem in second.log

    (docs / "kindle.md").write_text(STORIES["kindle.md"].replace("Amazon", "Amazon.com", 1))
    build_project(project, strict=False)
    assert stories_read == ["kindle.md"]

    stories_read.clear()  # a new lesson: every story's lessons are checked against it again
    (docs / "lessons" / "listen.md").write_text(LESSONS["lessons/own-the-mistake.md"])
    build_project(project, strict=False)
    assert sorted(stories_read) == sorted([*STORIES, "broken.md"])


def test_stories_read_by_another_version_of_the_code_are_let_go(tmp_path, stories_read):
    project = make_project(tmp_path, {**LESSONS, **STORIES}, own=True)
    folder = project / ".cache" / "stories"
    folder.mkdir(parents=True)
    (folder / "0123456789abcdef.pickle").write_bytes(b"stories an older reader read")
    build_project(project)
    (kept,) = folder.glob("*.pickle")
    assert kept.name != "0123456789abcdef.pickle"


def test_a_memory_of_stories_that_cannot_be_written_fails_no_build(tmp_path, monkeypatch):
    import speedups

    def full_disk(*_, **__):
        raise OSError(28, "No space left on device")

    shim = SimpleNamespace(**{n: getattr(pickle, n) for n in ("load", "HIGHEST_PROTOCOL")})
    shim.dump, shim.PicklingError = full_disk, pickle.PicklingError
    monkeypatch.setattr(speedups, "pickle", shim)  # the stories' file only, not Jinja's
    project = make_project(tmp_path, {**LESSONS, **STORIES}, own=True)
    assert "LEGO" in build_project(project).page("lego")
    assert list((project / ".cache" / "stories").iterdir()) == []  # no half-written file
    assert gc.isenabled()


def test_an_unreadable_memory_of_stories_read_is_read_past(tmp_path, stories_read):
    project = make_project(tmp_path, {**LESSONS, **STORIES}, own=True)
    build_project(project)
    (stored,) = (project / ".cache" / "stories").glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    stories_read.clear()
    assert "lego" in build_project(project).page("lego")
    assert sorted(stories_read) == sorted(STORIES)


def test_front_matter_broken_by_a_fence_inside_a_value_never_shows_as_page_text(broken_site):
    page = article(broken_site.page("fence"))
    assert "stories/fence.md:3: front matter: YAML cannot read this" in page
    for raw in ("past a line of dashes", "company:", "year:", "Something happened."):
        assert raw not in page


def test_a_story_without_a_body_is_found_by_its_summary(broken_site):
    index = json.loads((broken_site.site / "search" / "search_index.json").read_text("utf-8"))
    entries = [entry for entry in index["docs"] if entry["location"] == "bodiless/"]
    assert entries and "Bodiless, in a sentence." in entries[0]["text"]


def test_every_kind_of_page_shows_its_link_problems_in_its_problem_box(broken_site):
    boxes = {
        "linking": [
            "stories/linking.md:21: body: links to `gone.md`, which is not a page in stories/",
            "stories/linking.md:19: body: links to `giraffe-bread.md#nowhere`, but "
            "giraffe-bread.md has no section #nowhere",
        ],
        "lessons/dead-end": [
            "stories/lessons/dead-end.md:11: body: links to `../gone.md`, which is not a "
            "page in stories/"
        ],
        "guides/setup": [
            "stories/guides/setup.md:3: body: links to `../lego.md#nowhere`, but lego.md has no "
            "section #nowhere"
        ],
    }
    for url, problems in boxes.items():
        box = article(broken_site.page(url)).split('class="admonition warning ss-problems"')[1]
        for problem in problems:
            assert html.escape(problem, quote=False) in box, (url, problem)
            assert problem in broken_site.log
    assert "a strict build fails until they are fixed" in article(broken_site.page("linking"))


def test_a_build_that_fails_while_reading_turns_the_collector_back_on():
    import speedups

    with pytest.raises(RuntimeError), speedups.reading(None):
        assert not gc.isenabled()
        raise RuntimeError("a file could not be read")
    assert gc.isenabled() and gc.get_freeze_count() == 0
