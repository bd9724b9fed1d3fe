"""The Content-Security-Policy allows the scripts the site writes, and only those: a script
that reaches a page any other way (a template that writes a value unescaped, say) fails
the build, named page by page, and is never hashed into any page's policy."""

from __future__ import annotations

import base64
import hashlib
import logging

import pytest
from builds import build_project, make_project
from library_fixtures import LESSONS, PATHS, STORIES, story
from mkdocs.exceptions import Abort, PluginError
from service_stories.markup import elements

INJECTED = "window.injected = 1"


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def policy_of(html: str) -> str:
    for element in elements(html):
        attributes = dict(element.attributes)
        if element.tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            return attributes["content"]
    raise AssertionError("the page has no Content-Security-Policy")


def build_injected(tmp_path, caplog, template: str, old: str, new: str, files=None, strict=True):
    project = make_project(tmp_path, files or {**LESSONS, **STORIES, **PATHS}, own=True)
    path = project / "overrides" / template
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises((Abort, PluginError)):
        build_project(project, strict=strict)
    return project / "site"


def test_a_script_injected_into_every_page_fails_the_build_even_without_strict(tmp_path, caplog):
    # Written in mixed case, as an attacker would, past a quick search for "<script".
    site = build_injected(
        tmp_path,
        caplog,
        "main.html",
        "{% block extrahead %}\n  {{ super() }}",
        f"{{% block extrahead %}}\n  {{{{ super() }}}}<ScRiPt>{INJECTED}</ScRiPt>",
        strict=False,
    )
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert sha256(INJECTED) not in policy_of(page.read_text(encoding="utf-8")), page
    errors = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.service_stories"]
    for named in (
        "stories/index.md:1: page:",
        "stories/lego.md:1: page:",
        "stories/lessons/exceed-the-ask.md:1: page:",
        "stories/lessons/index.md:1: page:",
        "stories/catalog.md:1: page:",
        "stories/trainers.md:1: page:",
        "stories/paths/first-week.md:1: page:",
        "stories/trainers/first-week/guide.md:1: page:",
        "stories/trainers/first-week/handout.md:1: page:",
        "overrides/404.html:1: page:",
    ):
        assert any(error.startswith(named) for error in errors), named
    assert all(f"`<script>{INJECTED}`" in error for error in errors)
    assert len(errors) == len(pages)


def test_a_value_written_unescaped_is_caught_in_the_article(tmp_path, caplog):
    hostile = story("Hostile", "exceed-the-ask").replace(
        "summary: Hostile, in a sentence.", 'summary: "<script>alert(1)</script>"'
    )
    site = build_injected(
        tmp_path,
        caplog,
        "partials/story-parts.html",
        "{{ story.summary }}",
        "{{ story.summary | safe }}",
        files={**LESSONS, **STORIES, "hostile.md": hostile},
    )
    page = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    assert sha256("alert(1)") not in policy_of(page)
    errors = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.service_stories"]
    assert errors == [
        "stories/hostile.md:1: page: holds a script that no template of the site writes, "
        "`<script>alert(1)` (find where a template writes a value with | safe or outside "
        "autoescape; the page's policy does not let it run)"
    ]


def test_a_clean_site_names_each_of_its_inline_scripts_in_its_policy(library_site):
    site = library_site
    for page in ("", "lego", "lessons/exceed-the-ask", "trainers/first-week/guide"):
        html = site.page(page)
        policy = policy_of(html)
        inline = [
            element.text
            for element in elements(html)
            if element.tag == "script" and not dict(element.attributes)
        ]
        assert len(inline) >= 3
        assert {sha256(code) for code in inline} <= set(policy.split())
        assert "'unsafe-inline'" not in policy
