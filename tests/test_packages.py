"""SCORM packages of each training path: valid manifests that name exactly the files in
the zip, and a page that holds the path and every step, with no way out of the package."""

from __future__ import annotations

import io
import zipfile

import pytest
from html_checks import active
from scorm_schemas import schema
from service_stories import addresses
from service_stories.markup import elements
from service_stories.packages import Places

VERSIONS = ["1.2", "2004"]
PATH_IDS = ["first-week", "mistakes"]


def opened(site, path_id: str, version: str) -> zipfile.ZipFile:
    data = (site.site / addresses.package(path_id, version)).read_bytes()
    return zipfile.ZipFile(io.BytesIO(data))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path_id", PATH_IDS)
def test_each_manifest_is_valid_against_the_official_schemas(
    library_site, tmp_path, path_id, version
):
    validator = schema(version, tmp_path)
    manifest = opened(library_site, path_id, version).read("imsmanifest.xml").decode()
    assert [str(error) for error in validator.iter_errors(manifest)] == []
    # And the validator does refuse a manifest that breaks the schemas.
    broken = manifest.replace('scormtype="sco"', 'scormtype="scorm"').replace(
        'scormType="sco"', 'scormType="scorm"'
    )
    assert not validator.is_valid(broken)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path_id", PATH_IDS)
def test_the_manifest_names_every_file_of_the_zip_and_no_other(library_site, path_id, version):
    from xml.etree import ElementTree

    archive = opened(library_site, path_id, version)
    manifest = ElementTree.fromstring(archive.read("imsmanifest.xml"))
    space = {"cp": manifest.tag.split("}")[0].lstrip("{")}
    named = {node.get("href") for node in manifest.iterfind(".//cp:file", space)}
    assert named | {"imsmanifest.xml"} == set(archive.namelist())
    (resource,) = manifest.iterfind(".//cp:resource", space)
    (item,) = manifest.iterfind(".//cp:item", space)
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get("href") == "index.html" and "index.html" in named
    organizations = manifest.find("cp:organizations", space)
    assert organizations.get("default") == organizations[0].get("identifier")


def test_title_description_and_pass_mark_come_from_the_path(library_site):
    manifest = opened(library_site, "first-week", "1.2").read("imsmanifest.xml").decode()
    assert "<title>First week</title>" in manifest
    assert ">The basics, in order.</imsmd:langstring>" in manifest
    assert "masteryscore" not in manifest  # no pass mark: completion only


def test_the_page_holds_the_introduction_and_every_step_and_links_only_inside(library_site):
    page = opened(library_site, "first-week", "2004").read("index.html").decode()
    ids = [dict(e.attributes).get("id") for e in elements(page) if dict(e.attributes).get("id")]
    assert len(ids) == len(set(ids)), "every id is unique on the package's one page"
    for anchor in ("intro", "step-1", "step-2", "step-3", "step-2-what-happened"):
        assert anchor in ids
    hrefs = [dict(e.attributes)["href"] for e in elements(page) if "href" in dict(e.attributes)]
    assert hrefs and all(href.startswith(("#", "assets/")) for href in hrefs), hrefs
    # The LEGO story's link to the bread story, a step of the same path, goes to its step.
    assert '<a href="#step-1">the bread</a>' in page
    found = active(page)
    scripts = {
        "<script src=assets/words.js>",
        "<script src=assets/package.js>",
        "<script src=assets/training.js>",
    }
    assert set(found.found) == scripts and found.inline_scripts == []


def test_the_trainers_corner_and_each_guide_link_both_packages(library_site):
    corner = library_site.page("trainers")
    guide = library_site.page("trainers/first-week/guide")
    for version in VERSIONS:
        name = addresses.package("first-week", version).removeprefix("trainers/")
        assert f'href="{name}" download' in corner
        assert f'href="../{name.removeprefix("first-week/")}" download' in guide
        assert (library_site.site / addresses.package("first-week", version)).is_file()


@pytest.mark.parametrize(
    "address, site_url, expected",
    [
        ("../giraffe-bread/", "", "#step-1"),
        ("../giraffe-bread/#what-happened", "", "#step-1-what-happened"),
        ("#try-it", "", "#step-2-try-it"),
        ("../kindle/", "", None),  # a story outside the path: its text only
        ("../kindle/", "https://example.org/stories/", "https://example.org/stories/kindle/"),
        (
            "../lessons/own-the-mistake/",
            "https://example.org/",
            "https://example.org/lessons/own-the-mistake/",
        ),
        ("https://www.bbc.co.uk/news", "https://example.org/", None),  # another host: text
    ],
)
def test_a_link_in_a_package_goes_to_a_step_the_published_site_or_nowhere(
    address, site_url, expected
):
    places = Places(addresses.url, site_url, {"giraffe-bread/": "step-1", "lego/": "step-2"}, set())
    assert places.link(address, "lego/", "step-2-") == expected


def test_an_image_in_a_package_is_copied_in(library_site):
    places = Places(addresses.url, "", {}, set())
    assert places.image("../images/reply.png", "lego/") == "media/images/reply.png"
    assert places.image("https://example.org/a.png", "lego/") is None
    assert places.media == {"images/reply.png"}
