"""Hostile input: script-injection payloads in every field of every kind of page that
reaches a page's head or body (stories, lessons, paths, guides, the home and index pages,
a title taken from a heading), and in bodies, including markup that a simpler parser than
a browser's would miscount. Every built page and the search index are parsed as a browser
parses them (a WHATWG parser, never a regular expression), and must hold no script but
the site's own, no event handler and no javascript: or data: address."""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from conftest import make_project
from service_stories.markup import elements
from service_stories.project import check, load_project
from test_build import LESSONS, STORIES
from test_corpus import TODAY

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!--<script>alert(1)</script>-->",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<style>@import 'javascript:alert(1)';</style>",
    "`\"'><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href='javascript:alert(1)//'>",
    "{{ config }}{% raw %}",
    "<form action=javascript:alert(1)><button>x</button></form>",
]
# In a body, these are plain text or harmless Markdown, not markup.
INERT_IN_BODY = {
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "{{ config }}{% raw %}",
    PAYLOADS[9],
    "<!--<script>alert(1)</script>-->",
    PAYLOADS[5],
    PAYLOADS[6],
}
# Markup that a counter of tags and attributes reads differently from a browser, or that
# hides a script behind a malformed comment: each is refused, and published without it.
BYPASSES = [
    '<p><img src="https://example.com/a.png"/onerror=alert(1)></p>',
    '<p><img src="https://example.com/a.png" onerror=alert(1)>&#32;onerror=x</p>',
    '<p><a href="jav&#x09;ascript:alert(1)">x</a></p>',
    "<!--><script>alert(1)</script>-->",
    "<p>a<!-- x --!><script>alert(1)</script></p>",
    "<div><!--<!--><script>alert(1)</script>--></div>",
    '<p><a href="&#x6A;avascript&#x3A;alert(1)">x</a></p>',
    "<p><svg><script>alert(1)</script></svg></p>",
]
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
}  # fmt: skip
EMBEDDING = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


@dataclass
class ActiveContent:
    """What in a page could run: script elements, event handlers, embedded frames, and
    addresses that run code."""

    found: list[str] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)


def active(page: str) -> ActiveContent:
    result = ActiveContent()
    for element in elements(page):
        attributes = dict(element.attributes)
        tag = element.tag
        if tag in EMBEDDING:
            result.found.append(f"<{tag}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            result.found.append("<meta refresh>")
        if tag == "script":
            src = attributes.get("src")
            if src is not None and (urlsplit(src).scheme or "assets/javascripts/" not in src):
                result.found.append(f"<script src={src}>")
            elif src is None and attributes.get("type", "").lower() != "application/json":
                # Material's scope script differs only in the relative address of the root.
                result.inline_scripts.append(
                    re.sub(r'new URL\("[./]*",', 'new URL("",', element.text)
                )
        for name, value in element.attributes:
            if name.startswith("on") or name == "srcdoc":
                result.found.append(f"{name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in ("http", "https", "mailto", "tel"):
                    result.found.append(f"{name}={value}")
    return result


def texts_of(page: str, tag: str) -> list[str]:
    return [element.text for element in elements(page, text_of=(tag,)) if element.tag == tag]


def meta_of(page: str, name: str) -> list[str]:
    return [
        dict(element.attributes).get("content", "")
        for element in elements(page)
        if element.tag == "meta"
        and name in (dict(element.attributes).get("name"), dict(element.attributes).get("property"))
    ]


def story_with(payload: str, number: int) -> str:
    quoted = json.dumps(payload)  # a JSON string is a YAML double-quoted string
    return f"""---
title: {json.dumps(payload + f" story {number}")}
company: {quoted}
year: 2014
channel: email
outcome: delight
lessons: [exceed-the-ask]
summary: {quoted}
sources:
  - title: {quoted}
    publisher: {quoted}
    url: "https://example.com/?q={number}"
owner: {quoted}
discuss: [{quoted}]
quiz:
  - question: {quoted}
    choices: [{quoted}, "Another choice"]
    answer: {quoted}
    why: {quoted}
---

## What happened

Plain text.
"""


def page_with(payload: str, *, heading: bool = False) -> str:
    """An ordinary page: the payload as its title and description, or as its first
    heading, written so that Markdown shows it as text."""
    if heading:
        return f"# {html.escape(payload)}\n\nA guide.\n"
    quoted = json.dumps(payload)
    return (
        f"---\ntitle: {quoted}\ndescription: {quoted}\n---\n\n## {html.escape(payload)}\n\nText.\n"
    )


def hostile_files() -> dict[str, str]:
    files = {**LESSONS, **STORIES}
    for number, payload in enumerate(PAYLOADS):
        files[f"hostile-{number:02d}.md"] = story_with(payload, number)
        files[f"guides/front-matter-{number:02d}.md"] = page_with(payload)
        files[f"guides/heading-{number:02d}.md"] = page_with(payload, heading=True)
    files["index.md"] = page_with(PAYLOADS[13])
    files["lessons/index.md"] = page_with(PAYLOADS[3])
    files["paths/index.md"] = page_with(PAYLOADS[13], heading=True)
    files["lessons/exceed-the-ask.md"] = (
        f"---\ntitle: {json.dumps(PAYLOADS[0])}\nsummary: {json.dumps(PAYLOADS[1])}\n---\n\n"
        f"## {html.escape(PAYLOADS[14])}\n\nText.\n"
    )
    steps = [
        "steps:",
        "  - story: hostile-00",
        f"    note: {json.dumps(PAYLOADS[2])}",
        "  - hostile-01",
    ]
    files["paths/hostile.md"] = (
        "---\n"
        + "\n".join(
            [
                f"title: {json.dumps(PAYLOADS[3])}",
                f"audience: {json.dumps(PAYLOADS[5])}",
                f"summary: {json.dumps(PAYLOADS[1])}",
                *steps,
            ]
        )
        + "\n---\n\nText.\n"
    )
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = make_project(tmp_path_factory.mktemp("hostile"), hostile_files())
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site")))
    finally:
        logger.setLevel(level)
    return project / "site"


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


def test_the_build_publishes_what_the_sanitizer_returns(build):
    body_story = STORIES["lego.md"] + "\n" + "\n\n".join([*PAYLOADS, *BYPASSES]) + "\n"
    site = build({**LESSONS, **STORIES, "lego.md": body_story}, strict=False)
    assert "stories/lego.md:19: body: has a <script> element" in site.log
    page = site.page("lego")
    material = set(active(site.page("giraffe-bread")).inline_scripts)
    assert active(page).found == []
    assert set(active(page).inline_scripts) <= material
