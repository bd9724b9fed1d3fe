"""The hostile site as Chromium itself reads it: on pages built from injection payloads in
every field, nothing runs (no dialog opens, the policy has nothing to refuse), no element
carries an event handler, and the only inline scripts are Material's own."""

from __future__ import annotations

import pytest
from browser import launch_chromium, serving
from hostile_input import PAYLOADS

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")

HANDLERS = """() => Array.from(document.querySelectorAll('*')).flatMap(element =>
  Array.from(element.attributes)
    .filter(attribute => attribute.name.startsWith('on') || (
      ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attribute.name)
      && attribute.value.toLowerCase().replace(/[\\s\\u0000-\\u001f]/g, '')
        .startsWith('javascript:')))
    .map(attribute => element.tagName + ' ' + attribute.name))"""
# Every inline script: its type, and whether it is the site's words (data for the scripts).
INLINE = """() => Array.from(document.querySelectorAll('script:not([src])'))
    .map(s => s.type + (s.hasAttribute('data-ss-words') ? ' words' : ''))"""


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serving(hostile_site) as url:
        yield url


def test_nothing_from_a_payload_runs_in_chromium(hostile_url):
    pages = [f"hostile-{number:02d}/" for number in range(len(PAYLOADS))]
    pages += [f"guides/heading-{number:02d}/" for number in (0, 3, 13, 14, 25)]
    pages += ["", "lessons/", "lessons/exceed-the-ask/", "paths/hostile/", "catalog/"]
    pages += ["trainers/", "trainers/hostile/guide/", "trainers/hostile/handout/"]
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        context = chromium.new_context(base_url=hostile_url)
        page = context.new_page()
        happened: list[str] = []
        page.on(
            "dialog", lambda dialog: (happened.append(f"dialog {dialog.message}"), dialog.dismiss())
        )
        page.on(
            "console",
            lambda message: happened.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: happened.append(str(error)))
        for address in pages:
            page.goto(address)
            page.wait_for_load_state("load")
            assert page.evaluate(HANDLERS) == [], address
            # Material's three inline scripts and its configuration (JSON, never run), and at
            # most one block of the site's words for its scripts (JSON too).
            found = sorted(page.evaluate(INLINE))
            assert found in (
                ["", "", "", "application/json"],
                ["", "", "", "application/json", "application/json words"],
            ), address
            assert happened == [], (address, happened)
        context.close()
        chromium.close()
