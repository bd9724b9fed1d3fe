"""Hostile input: script-injection payloads for every field of every kind of page, and
markup that a simpler parser than a browser's would miscount."""

from __future__ import annotations

import html
import json

from library_fixtures import LESSONS, STORIES, story

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


# Quotes and ampersands beside the markup, as a title might hold them.
QUOTED_STORY = """---
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


def hostile_files() -> dict[str, str]:
    files = {**LESSONS, **STORIES, "quoted.md": QUOTED_STORY}
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


def refused_story() -> str:
    """A story whose body holds every payload and every bypass, from line 19 on."""
    return story("Refused", "exceed-the-ask") + "\n" + "\n\n".join([*PAYLOADS, *BYPASSES]) + "\n"
