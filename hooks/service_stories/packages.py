"""A training path as a SCORM package for an LMS: its one page, its manifest, its zip.

A package is one SCO: a single page (`index.html`) holding the path's introduction and each
step's story, which its runtime (`package.js`) shows a step at a time and reports to the
LMS. Nothing in it leaves the package: a link to a story of the path goes to its step,
a link to any other page of the site goes to the published site when its address is known
(`site_url`) and is plain text otherwise, and a link to another host is plain text.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from . import addresses
from .markup import relink
from .model import Path
from .views import Link, StoryView

LAUNCH = "index.html"
VERSIONS = ("1.2", "2004")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the same bytes for the same content, build after build


@dataclass(frozen=True)
class Step:
    number: int
    anchor: str  # the step's id in the page: step-1, step-2, ...
    view: StoryView
    lessons: tuple[Link, ...]  # with the published site's address, or none
    body: str  # the story's text, its links and ids made to work inside the package


@dataclass(frozen=True)
class PackageView:
    path: Path
    version: str
    intro: str  # the path's own text
    steps: tuple[Step, ...]
    questions: int  # knowledge-check questions over every step: the score's maximum
    minutes: int


@dataclass(frozen=True)
class Places:
    """Where the pages of the site are, seen from a package of one path."""

    url: Callable[[str], str]  # a source file's address, from the site's root
    site_url: str  # the published site's address, or "" when not known
    steps: Mapping[str, str]  # a step's story address (from the root) → its anchor
    media: set[str]  # the files of the site the package's pages show (images), as found

    def link(self, address: str, from_url: str, prefix: str) -> str | None:
        """Where a link written on the page at `from_url` goes in the package: a step, the
        published site, a section of this step, or nowhere (None: its text only)."""
        scheme, netloc, path, _, fragment = urlsplit(address)
        if scheme or netloc:
            return None
        if not path:
            return f"#{prefix}{fragment}" if fragment else None
        target = _resolved(path, from_url)
        anchor = self.steps.get(target) or self.steps.get(target.rstrip("/") + "/")
        if anchor:
            return f"#{anchor}-{fragment}" if fragment else f"#{anchor}"
        if self.site_url:
            return self.site_url + target + (f"#{fragment}" if fragment else "")
        return None

    def image(self, address: str, from_url: str) -> str | None:
        """An image of the site, copied into the package under `media/`."""
        scheme, netloc, path, _, _ = urlsplit(address)
        if scheme or netloc or not path:
            return None  # the package makes no request to another host
        target = _resolved(path, from_url)
        self.media.add(target)
        return f"media/{target}"


def _resolved(path: str, from_url: str) -> str:
    """An address from the site's root, for one written on the page at `from_url`."""
    folder = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    target = posixpath.normpath(posixpath.join(folder or ".", path)).lstrip("./")
    return target + "/" if path.endswith("/") else target


def package_view(
    path: Path,
    version: str,
    views: Mapping[str, StoryView],
    bodies: Mapping[str, str],
    intro: str,
    places: Places,
    minutes: int,
) -> PackageView:
    """The package's page, from each story's view and body (by slug) and the path's text."""
    steps = []
    for number, slug in enumerate((step.slug for step in path.steps if step.slug in views), 1):
        anchor = f"step-{number}"
        body = _moved(bodies.get(slug, ""), places, places.url(addresses.story(slug)), anchor)
        lessons = tuple(
            Link(link.title, places.site_url + link.url if places.site_url else "")
            for link in views[slug].lessons
        )
        steps.append(Step(number, anchor, views[slug], lessons, body))
    intro = _moved(intro, places, places.url(addresses.path(path.id)), "intro")
    questions = sum(len(step.view.story.quiz) for step in steps if step.view.story)
    return PackageView(path, version, intro, tuple(steps), questions, minutes)


def _moved(html: str, places: Places, from_url: str, anchor: str) -> str:
    """A page's text as it works inside the package: its links and images, and ids made
    unique in the package's one page (each story has its `what-happened`)."""
    return relink(
        html,
        partial(places.link, from_url=from_url, prefix=f"{anchor}-"),
        src=partial(places.image, from_url=from_url),
        ids=lambda name: f"{anchor}-{name}",
    )


def files(page: str, assets: Mapping[str, bytes]) -> dict[str, bytes]:
    """Every file of a package, by its name in the zip, but the manifest."""
    return {LAUNCH: page.encode("utf-8"), **assets}


def manifest(view: PackageView, names: list[str]) -> bytes:
    """`imsmanifest.xml`: one organization, one item, one SCO naming every file."""
    return _manifest(view, sorted(names))


def zipped(contents: Mapping[str, bytes]) -> bytes:
    """A zip of the files, in name order, dated alike: the same bytes for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(contents):
            entry = zipfile.ZipInfo(name, _ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, contents[name])
    return buffer.getvalue()


_XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Each version's namespaces, by prefix, and the schema of each.
_SPACES = {
    "1.2": (
        ("", "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
        ("imsmd", "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd"),
        ("adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
    ),
    "2004": (
        ("", "http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
        ("adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        ("adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
        ("imsss", "http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
    ),
}
_LOM_2004 = "http://ltsc.ieee.org/xsd/LOM"


def _metadata(view: PackageView) -> list[str]:
    """The schema the package follows, and the path's title and description (as LOM)."""
    path = view.path
    if view.version == "1.2":
        text = [
            f'<imsmd:{tag}><imsmd:langstring xml:lang="en">{escape(value)}</imsmd:langstring>'
            f"</imsmd:{tag}>"
            for tag, value in (("title", path.title), ("description", path.summary))
        ]
        lom = ["<imsmd:lom>", "  <imsmd:general>", *(f"    {line}" for line in text)]
        lom += ["  </imsmd:general>", "</imsmd:lom>"]
        version = "1.2"
    else:
        text = [
            f'<{tag}><string language="en">{escape(value)}</string></{tag}>'
            for tag, value in (("title", path.title), ("description", path.summary))
        ]
        lom = [f'<lom xmlns="{_LOM_2004}">', "  <general>", *(f"    {line}" for line in text)]
        lom += ["  </general>", "</lom>"]
        version = "2004 4th Edition"
    schema = ["<schema>ADL SCORM</schema>", f"<schemaversion>{version}</schemaversion>"]
    return ["<metadata>", *(f"  {line}" for line in schema + lom), "</metadata>"]


def _item(view: PackageView, item: str, resource: str) -> list[str]:
    """The path as the one item of its organization, with its pass mark."""
    path = view.path
    lines = [f'<item identifier="{item}" identifierref="{resource}">']
    lines.append(f"  <title>{escape(path.title)}</title>")
    if view.version == "1.2":
        if path.pass_mark is not None:
            lines.append(f"  <adlcp:masteryscore>{path.pass_mark}</adlcp:masteryscore>")
    else:
        lines.append("  <imsss:sequencing>")
        if path.pass_mark is not None:
            lines += [
                "    <imsss:objectives>",
                '      <imsss:primaryObjective objectiveID="passed" satisfiedByMeasure="true">',
                f"        <imsss:minNormalizedMeasure>{path.pass_mark / 100:g}"
                "</imsss:minNormalizedMeasure>",
                "      </imsss:primaryObjective>",
                "    </imsss:objectives>",
            ]
        lines.append(
            '    <imsss:deliveryControls completionSetByContent="true" '
            'objectiveSetByContent="true"/>'
        )
        lines.append("  </imsss:sequencing>")
    return [*lines, "</item>"]


def _manifest(view: PackageView, names: list[str]) -> bytes:
    path = view.path
    # XML ids may not start with a digit, as a path's id may.
    item, resource, organization = f"ITEM-{path.id}", f"RES-{path.id}", f"ORG-{path.id}"
    spaces = _SPACES[view.version]
    declared = " ".join(
        f'xmlns{":" + prefix if prefix else ""}="{uri}"' for prefix, uri, _ in spaces
    )
    where = " ".join(f"{uri} {schema}" for _, uri, schema in spaces)
    kind = "adlcp:scormtype" if view.version == "1.2" else "adlcp:scormType"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<manifest identifier="service-stories-{path.id}" version="1" {declared} '
        f'xmlns:xsi="{_XSI}" xsi:schemaLocation="{where}">',
        *(f"  {line}" for line in _metadata(view)),
        f'  <organizations default="{organization}">',
        f'    <organization identifier="{organization}">',
        f"      <title>{escape(path.title)}</title>",
        *(f"      {line}" for line in _item(view, item, resource)),
        "    </organization>",
        "  </organizations>",
        "  <resources>",
        f'    <resource identifier="{resource}" type="webcontent" {kind}="sco" href="{LAUNCH}">',
        *(f'      <file href="{escape(name, _QUOTE)}"/>' for name in names),
        "    </resource>",
        "  </resources>",
        "</manifest>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


_QUOTE = {'"': "&quot;"}
