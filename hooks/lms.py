"""Each training path as SCORM packages (1.2 and 2004) for an LMS, written once the site is
built: the package's page is rendered from the same views and story bodies as the site,
with the same escaping, sanitizing and Content-Security-Policy."""

from __future__ import annotations

import os
import re
from pathlib import Path as FilePath

from build_state import Build
from mkdocs.config.defaults import MkDocsConfig
from service_stories import addresses, packages
from service_stories.csp import Policy

TEMPLATE = "package.html"
_SOURCE_MAP = re.compile(rb"/\*# sourceMappingURL=[^*]*\*/\s*$")


def _assets(site_dir: FilePath) -> dict[str, bytes]:
    """The stylesheets and scripts a package's page needs, from the built site."""
    sheets, scripts = site_dir / "assets" / "stylesheets", site_dir / "assets" / "javascripts"
    found = {
        "assets/main.css": next(sheets.glob("main.*.min.css")),
        "assets/palette.css": next(sheets.glob("palette.*.min.css")),
        "assets/stories.css": sheets / "stories.css",
        "assets/package.js": scripts / "package.js",
        "assets/training.js": scripts / "training.js",
        "assets/words.js": scripts / "words.js",
    }
    # No source map: a package asks for no file it does not hold.
    return {name: _SOURCE_MAP.sub(b"", path.read_bytes()) for name, path in found.items()}


def write_packages(build: Build, config: MkDocsConfig) -> None:
    site_dir = FilePath(config.site_dir)
    assets = _assets(site_dir)
    plan, found = build.plan, build.found
    site_url = config.site_url or ""
    for path in build.site.library.paths.values():
        stories = build.site.library.steps(path)
        views = {s.slug: plan.page(addresses.story(s.slug)).view(plan, found) for s in stories}
        bodies = {s.slug: build.bodies.get(addresses.story(s.slug), "") for s in stories}
        intro = build.bodies.get(addresses.path(path.id), "")
        minutes = build.site.library.minutes(path)
        for version in packages.VERSIONS:
            steps = {
                plan.url(addresses.story(s.slug)): f"step-{n}" for n, s in enumerate(stories, 1)
            }
            places = packages.Places(plan.url, site_url, steps, set())
            view = packages.package_view(path, version, views, bodies, intro, places, minutes)
            page = build.env.get_template(TEMPLATE).render(view=view, config=config)  # type: ignore[union-attr]
            shown = f"{build.display_root}/{addresses.path(path.id)} (package)"
            allowed = Policy.allowing((), build.data_scripts)
            page = build.policies.check(page, shown, allowed)  # type: ignore[union-attr]
            media = {
                f"media/{name}": (site_dir / name).read_bytes()
                for name in places.media
                if (site_dir / name).is_file()
            }
            contents = packages.files(page, {**assets, **media})
            contents["imsmanifest.xml"] = packages.manifest(view, list(contents))
            target = site_dir / addresses.package(path.id, version)
            os.makedirs(target.parent, exist_ok=True)
            target.write_bytes(packages.zipped(contents))
