"""Hostile input: script-injection payloads in every front-matter field that reaches a
page, and in the body. Every built page is parsed as a browser would, and must hold no
script but the site's own, no event handler and no javascript: or data: address."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from conftest import make_project
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
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "content"}


class ActiveContent(HTMLParser):
    """What in a page could run: scripts, event handlers, embedded frames, bad addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("iframe", "object", "embed", "base", "frame"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta refresh>")
        if tag == "script":
            src = attributes.get("src")
            if src is not None and (urlsplit(src).scheme or "assets/javascripts/" not in src):
                self.found.append(f"<script src={src}>")
            self._in_script = src is None and attributes.get("type") != "application/json"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value and tag != "meta":
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in ("http", "https", "mailto", "tel"):
                    self.found.append(f"{name}={value}")

    def handle_data(self, data):
        if self._in_script:
            # Material's scope script differs only in the relative address of the site root.
            self.inline_scripts.append(re.sub(r'new URL\("[./]*",', 'new URL("",', data))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def active(html: str) -> ActiveContent:
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    return parser


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


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    files = {**LESSONS, **STORIES}
    for number, payload in enumerate(PAYLOADS):
        files[f"hostile-{number:02d}.md"] = story_with(payload, number)
    files["lessons/exceed-the-ask.md"] = (
        f"---\ntitle: {json.dumps(PAYLOADS[0])}\nsummary: {json.dumps(PAYLOADS[1])}\n---\n\nText.\n"
    )
    files["paths/hostile.md"] = (
        "---\n"
        + "\n".join(
            [
                f"title: {json.dumps(PAYLOADS[3])}",
                f"audience: {json.dumps(PAYLOADS[5])}",
                f"summary: {json.dumps(PAYLOADS[1])}",
                "steps:",
                "  - story: hostile-00",
                f"    note: {json.dumps(PAYLOADS[2])}",
                "  - hostile-01",
            ]
        )
        + "\n---\n\nText.\n"
    )
    project = make_project(tmp_path_factory.mktemp("hostile"), files)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site")))
    return project / "site"


def test_there_are_enough_payloads():
    assert len(PAYLOADS) >= 25


def test_front_matter_payloads_never_become_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    # Material's own inline scripts, from a page no payload reaches.
    material = set(active((hostile_site / "lego/index.html").read_text("utf-8")).inline_scripts)
    for page in pages:
        found = active(page.read_text(encoding="utf-8"))
        assert found.found == [], f"{page.relative_to(hostile_site)}: {found.found}"
        assert set(found.inline_scripts) <= material, page


def test_payloads_reach_the_page_as_text(hostile_site):
    html = (hostile_site / "hostile-00" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; story 0" in html
    assert '<meta name="description" content="&lt;script&gt;alert(1)&lt;/script&gt;">' in html


def test_the_search_index_holds_no_markup_from_front_matter(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    for document in index["docs"]:
        # Material's search shows titles and text as HTML, so they must be inert HTML.
        for field in ("title", "text"):
            assert active(document[field]).found == [], document["location"]
            assert not re.search(r"<(script|img|svg|iframe)", document[field], re.I)


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


def test_the_build_publishes_a_refused_body_without_its_script(build):
    body_story = STORIES["lego.md"] + "\n" + "\n\n".join(PAYLOADS) + "\n"
    site = build({**LESSONS, **STORIES, "lego.md": body_story}, strict=False)
    assert "stories/lego.md:19: body: has a <script> element" in site.log
    assert active(site.page("lego")).found == []
