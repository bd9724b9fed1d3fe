"""Addresses: where each source file is published, as MkDocs publishes it, with folders
for pages or (for a copy read from the file system) a file per page."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from service_stories import addresses

SOURCES = [
    "index.md",
    "lego.md",
    "lessons/index.md",
    "lessons/own-the-mistake.md",
    "lessons/own-the-mistake/2.md",
    "guides/README.md",
    "catalog/2.md",
    "trainers/first-week/guide.md",
    "story.markdown",
    "images/photo.png",
    "catalog.json",
]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("src_uri", SOURCES)
def test_each_file_is_published_where_mkdocs_publishes_it(src_uri, directory_urls):
    expected = File(src_uri, "/docs", "/site", directory_urls).url
    assert addresses.url(src_uri, directory_urls) == expected


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_pages_way_up_is_mkdocs_base_url(directory_urls):
    for src_uri in SOURCES:
        page_url = addresses.url(src_uri, directory_urls)
        assert addresses.depth(page_url) == get_relative_url(".", page_url), page_url


def test_relative_addresses_are_written_as_mkdocs_writes_them():
    urls = ["./", "lego/", "lessons/", "lessons/x/2/", "a/b.png", "lego.html", "x/y.html", ""]
    for target in urls:
        for page in urls:
            assert addresses.relative(target, page) == get_relative_url(target, page)
