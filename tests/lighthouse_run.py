"""Lighthouse's audits of the built site, served as GitHub Pages serves it (gzip, a
ten-minute cache, its 404 page), in Chromium as a phone (Lighthouse's default).

Used by tests/test_lighthouse.py, and on its own to print the scores for the README; it
fails when a page's performance is below 95:

    python tests/lighthouse_run.py            # builds the site in a temporary folder
    python tests/lighthouse_run.py site/      # audits a site built before

Lighthouse is the npm package (`npm ci`); Chromium is found as the browser tests find it.
A folder given here is served as it is: built without `SITE_URL`, it has no canonical
addresses, which the SEO audit then skips.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from browser import _executables, serving
from builds import ROOT, build_config

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "story": "lego-lost-ninja/",
    "catalog": "catalog/",
    "lesson": "lessons/personalize-the-reply/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The goal for performance. It is timed, so this script checks it (as the benchmark checks
# build times), not the test suite, whose machines are shared and noisy.
PERFORMANCE = 95
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
# Audits that do not pass or fail: no score to count against a category.
UNSCORED = {"informative", "notApplicable", "manual"}
# One run takes 20 to 60 seconds on a 2-core machine; past this, something hangs.
TIMEOUT = 300


@dataclass(frozen=True)
class FailingAudit:
    id: str
    title: str
    score: float | None  # None when the audit itself broke
    display_value: str
    items: tuple[str, ...]  # the offending elements, resources or snippets, one a line

    def describe(self, most: int = 10) -> str:
        score = "Lighthouse could not run it" if self.score is None else f"{self.score:g}"
        head = f"{self.id} ({score}): {self.title}"
        if self.display_value:
            head += f" [{self.display_value}]"
        lines = [head, *(f"    {item}" for item in self.items[:most])]
        if len(self.items) > most:
            lines.append(f"    ... and {len(self.items) - most} more")
        return "\n".join(lines)


@dataclass(frozen=True)
class Report:
    url: str
    scores: dict[str, int]  # category id -> 0..100
    cls: float
    failing: dict[str, tuple[FailingAudit, ...]]  # for each category under 100
    seconds: float

    def problems(self, category: str) -> str:
        """The category's failing audits, for an assertion's message."""
        audits = self.failing.get(category, ())
        listed = "\n".join(audit.describe() for audit in audits) or "(none listed)"
        return f"{category} {self.scores[category]} at {self.url}; failing audits:\n{listed}"


class LighthouseError(RuntimeError):
    pass


def missing_tools(browser: str | None) -> str | None:
    """Why Lighthouse cannot run here with this browser (from `chromium()`), or None."""
    if not LIGHTHOUSE.exists():
        return f"Lighthouse is not installed ({LIGHTHOUSE}): run `npm ci` in the repository"
    if browser is None:
        return (
            "no Chromium for Lighthouse: install Debian's chromium package or run "
            "`python -m playwright install chromium`"
        )
    return None


def chromium() -> str | None:
    """The browser the browser tests use: `$CHROMIUM`, Debian's, then Playwright's own."""
    for executable in _executables():
        if executable:
            return executable
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if os.path.exists(path) else None


def item_text(item: dict) -> str:
    """One row of an audit's `details.items` as a line: the element, else the resource."""
    node = item.get("node")
    if isinstance(node, dict):
        text = f"{node.get('selector', '')} {node.get('snippet', '')}".strip()
        explanation = node.get("explanation")
        return f"{text} -- {' '.join(explanation.split())}" if explanation else text
    for key in ("url", "source", "description"):
        value = item.get(key)
        if isinstance(value, dict):  # a source location
            value = value.get("url") or value.get("value")
        if value:
            return str(value)
    return json.dumps(item, sort_keys=True)[:300]


def failing_audit(audit: dict) -> FailingAudit | None:
    """The audit as a failure, or None when it passed or is not scored."""
    mode = audit.get("scoreDisplayMode")
    if mode in UNSCORED:
        return None
    score = audit.get("score")
    if mode != "error" and (score is None or score >= 1):
        return None
    details = audit.get("details") or {}
    items = details.get("items") or []
    return FailingAudit(
        id=audit["id"],
        title=audit.get("title", ""),
        score=None if mode == "error" else score,
        display_value=audit.get("displayValue") or audit.get("errorMessage") or "",
        items=tuple(item_text(item) for item in items if isinstance(item, dict)),
    )


def summarize(result: dict, seconds: float) -> Report:
    """Scores, the failing audits of each category under 100, and the layout shift."""
    if result.get("runtimeError"):
        error = result["runtimeError"]
        raise LighthouseError(f"{result.get('requestedUrl')}: {error['code']}: {error['message']}")
    scores, failing = {}, {}
    for name in CATEGORIES:
        category = result["categories"][name]
        if category["score"] is None:
            raise LighthouseError(f"{result['requestedUrl']}: no {name} score")
        scores[name] = round(category["score"] * 100)
        if scores[name] < 100:
            audits = (result["audits"][ref["id"]] for ref in category["auditRefs"])
            found = filter(None, map(failing_audit, audits))
            # What the page did wrong first, then what Lighthouse itself could not check.
            failing[name] = tuple(sorted(found, key=lambda failure: failure.score is None))
    cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
    return Report(result["finalDisplayedUrl"], scores, cls, failing, seconds)


def audit(url: str, browser: str) -> Report:
    """One Lighthouse run of one address."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--only-categories=" + ",".join(CATEGORIES),
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env={**os.environ, "CHROME_PATH": browser},
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise LighthouseError(f"{url}: lighthouse still running after {TIMEOUT} s") from error
    seconds = time.monotonic() - started
    if done.returncode != 0 or not done.stdout.strip():
        raise LighthouseError(f"{url}: lighthouse exited {done.returncode}: {done.stderr[-2000:]}")
    return summarize(json.loads(done.stdout), seconds)


@contextmanager
def served(site: Path | None = None) -> Iterator[str]:
    """The site served on localhost as Pages serves it; yields its base URL.

    Without a folder, builds the repository's own site into a temporary one, with
    `site_url` set to the local address so that canonical links point where they are read.
    """
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        folder = site or Path(scratch) / "site"
        with serving(folder, compressed=True) as url:
            if site is None:
                with site_url(url):
                    build_config(ROOT / "mkdocs.yml", folder)
            yield url


@contextmanager
def site_url(url: str) -> Iterator[None]:
    """`SITE_URL`, which mkdocs.yml reads, set for the length of a build."""
    before = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = url
    try:
        yield
    finally:
        if before is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = before


def markdown_table(reports: dict[str, Report]) -> str:
    rows = [
        "| page | performance | accessibility | best practices | SEO | CLS |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, report in reports.items():
        scores = " | ".join(str(report.scores[category]) for category in CATEGORIES)
        rows.append(f"| {name} | {scores} | {report.cls:.3f} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    browser = chromium()
    why_not = missing_tools(browser)
    if why_not:
        print(why_not, file=sys.stderr)
        return 2
    site = Path(argv[0]).resolve() if argv else None
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with served(site) as url:
        reports = {name: audit(url + address, browser) for name, address in PAGES.items()}
    print(markdown_table(reports))
    for name, report in reports.items():
        print(f"\n{name} ({report.url}): {report.seconds:.0f} s")
        for category, audits in report.failing.items():
            for failing in audits:
                print(f"  {category}: " + failing.describe(most=50).replace("\n", "\n  "))
    slow = [name for name, report in reports.items() if report.scores["performance"] < PERFORMANCE]
    if slow:
        print(f"\nperformance below {PERFORMANCE}: {', '.join(slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
