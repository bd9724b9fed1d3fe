"""Lighthouse on the repository's own site, served as GitHub Pages serves it, in Chromium
as a phone: accessibility, best practices and SEO at 100, and a layout shift of 0.05 at
most, on the home page, a story, the catalog and a lesson. Performance is timed, so
`python tests/lighthouse_run.py` checks it (95 or more), as the benchmark checks speed.

One Lighthouse run per page (10 to 60 seconds each), shared by that page's tests. Without
Chromium or `npm ci`'s Lighthouse they skip with the reason; with `CI` set they fail.
"""

from __future__ import annotations

import os

import pytest
from lighthouse_run import PAGES, LighthouseError, Report, audit, chromium, missing_tools, served

LAYOUT_SHIFT_AT_MOST = 0.05


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = chromium()
    why_not = missing_tools(path)
    if why_not:
        if os.environ.get("CI"):
            pytest.fail(why_not)
        pytest.skip(why_not)
    return path


@pytest.fixture(scope="module")
def site_url():
    with served() as url:
        yield url


@pytest.fixture(scope="module")
def reports() -> dict[str, Report | LighthouseError]:
    """Each page's report, or why Lighthouse could not make it, kept for the page's tests."""
    return {}


@pytest.fixture
def report(name, reports, chromium_path, site_url) -> Report:
    if name not in reports:
        try:
            reports[name] = audit(site_url + PAGES[name], chromium_path)
        except LighthouseError as error:
            reports[name] = error
    if isinstance(reports[name], LighthouseError):
        raise reports[name]
    return reports[name]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("category", ["accessibility", "best-practices", "seo"])
def test_scores_100(report, name, category):
    assert report.scores[category] == 100, report.problems(category)


@pytest.mark.parametrize("name", PAGES)
def test_layout_shifts_at_most_0_05(report, name):
    assert report.cls <= LAYOUT_SHIFT_AT_MOST, (
        f"cumulative layout shift {report.cls:.3f} at {report.url}\n"
        + report.problems("performance")
    )
