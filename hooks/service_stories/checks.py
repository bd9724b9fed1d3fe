"""What rendering the bodies finds: markup the sanitizer removed, and links that lead nowhere.

The build and `stories check` render each body with the same Markdown extensions and the
same link collector, then hand the results here: one code path, so both report the same
problems in the same words, and each page shows its own in its problem box.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Mapping

from . import addresses, safety
from .contents import story_sections
from .links import Docs, Rendered, link_problems, link_targets
from .problems import Problems
from .reading import LessonPage, PathPage, StoryPage
from .site import Site


def checked_body(site: Site, src_uri: str, html: str, display_root: str) -> str:
    """The page's body as it may be published: what the sanitizer returns, with a problem
    for each thing it removed. Plain Markdown (no HTML, entity or link) renders to safe
    HTML and is published as it is."""
    page = site.pages[src_uri]
    if not safety.may_hold_markup(page.body):
        return html
    problems = Problems(posixpath.join(display_root, src_uri))
    html = safety.body_problems(html, page.body, page.body_line, problems)
    site.report(src_uri, problems.found)
    return html


def checked_links(
    site: Site,
    rendered: Mapping[str, Rendered],
    files: Collection[str],
    display_root: str,
    render: Callable[[str], Rendered] | None = None,
) -> dict[str, list[str]]:
    """Report every link that leads to no file or no section, on the page it is written on.

    `rendered` holds what rendering found on each page; a page missing from it that a link
    needs the anchors of is rendered by `render`. Returns, for each story, the slugs of the
    stories its body links to (for *Stories that link here*).
    """
    found = dict(rendered)

    def of(src_uri: str) -> Rendered:
        if src_uri not in found:
            found[src_uri] = render(src_uri) if render else Rendered()
        return found[src_uri]

    story_links = _story_links(site, rendered, Docs(display_root, files, _everything))
    backlinks = site.library.backlinks(story_links)
    docs = Docs(
        display_root,
        files,
        lambda src_uri: of(src_uri).anchors | template_anchors(site, src_uri, backlinks),
    )
    for src_uri, page in site.pages.items():
        if src_uri in rendered and rendered[src_uri].links:
            problems = Problems(posixpath.join(display_root, src_uri))
            link_problems(src_uri, page.body, page.body_line, rendered[src_uri], docs, problems)
            site.report(src_uri, problems.found)
    return story_links


def _story_links(site: Site, rendered: Mapping[str, Rendered], docs: Docs) -> dict[str, list[str]]:
    """For each story, the stories its body links to."""
    return {
        page.slug: [
            posixpath.splitext(target)[0]
            for target in link_targets(page.src_uri, rendered[page.src_uri], docs)
            if isinstance(site.pages.get(target), StoryPage)
        ]
        for page in site.pages.values()
        if isinstance(page, StoryPage) and page.src_uri in rendered
    }


class _Everything(frozenset):
    """Every anchor: for finding where links lead, before anchors are checked."""

    def __contains__(self, anchor: object) -> bool:
        return True


def _everything(src_uri: str) -> _Everything:
    return _Everything()


def template_anchors(site: Site, src_uri: str, backlinks: Mapping[str, list]) -> set[str]:
    """The sections the page's template adds after the body, which a link may name."""
    page = site.pages.get(src_uri)
    library = site.library
    if isinstance(page, StoryPage) and page.story:
        story = page.story
        related = library.related(story)
        linking_here = library.linking_here(story, backlinks, related)
        return {
            section.anchor for section in story_sections(story, bool(related), bool(linking_here))
        }
    if isinstance(page, LessonPage) and page.lesson:
        lesson_id = page.lesson.id
        return {"stories"} | ({"often-taught-with"} if library.companions(lesson_id) else set())
    if isinstance(page, PathPage) and page.path:
        return {"steps"}
    if src_uri == addresses.HOME:
        return {"where-to-start", "lessons", "newest-stories"}
    return set()
