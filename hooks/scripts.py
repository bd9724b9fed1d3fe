"""The Content-Security-Policy, as the hooks apply it: Material's inline-script partials
rendered for each depth of page, and each built page checked against them."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import material.templates
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from service_stories import offline as offline_copy
from service_stories import search
from service_stories.csp import Policy, script_texts

log = logging.getLogger("mkdocs.plugins.service_stories")

PARTIALS = "partials/javascripts"  # where Material keeps the scripts it writes inline
WORKERS = "assets/javascripts/workers"  # and its search worker


def template_page(config: MkDocsConfig, template_name: str) -> tuple[str, str]:
    """A page made from a template alone (the error page): its file, as an author finds it,
    and its root, which MkDocs makes the site's own address."""
    project = os.path.dirname(config.config_file_path or "")
    folder = os.path.relpath(config.theme.custom_dir or project, project).replace(os.sep, "/")
    return f"{folder}/{template_name}", urlsplit(config.site_url or "/").path or "/"


def offline(config: MkDocsConfig) -> bool:
    """Whether this build is the copy read from the file system (`stories bundle`)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def use_local_shim(config: MkDocsConfig) -> None:
    """Material's offline plugin asks for the iframe-worker shim from a CDN: the copy ships
    it instead (`offline.SHIM`), so that it makes no request to any host."""
    if not offline(config):
        return
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, offline_copy.SHIM]


def search_in_language(config: MkDocsConfig, language: str) -> None:
    """Search stems and filters words in the site's language where Material's search can:
    Material leaves some languages it translates (Arabic, Hebrew) to English search, though
    its worker has their lunr language. A `lang` the search plugin's config names stays."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    lunr = os.path.join(os.path.dirname(material.templates.__file__), WORKERS, "..", "lunr")
    if index is None or language == "en" or index.config.get("lang") != ["en"]:
        return
    if os.path.isfile(os.path.join(lunr, "min", f"lunr.{language}.min.js")):
        index.config["lang"] = [language]
        plugin.config.lang = [language]  # type: ignore[union-attr]


def _worker(config: MkDocsConfig) -> str:
    """The site's search worker (Material's, with search_forms.js before it), from the
    site's root."""
    folder = os.path.join(os.path.dirname(material.templates.__file__), WORKERS)
    (name,) = [n for n in os.listdir(folder) if n.startswith("search.") and n.endswith(".js")]
    return f"{WORKERS}/{search.PREFIX}{name}"


def known_scripts(env: Environment, config: MkDocsConfig, base_url: str) -> list[str]:
    """Material's inline scripts (its `partials/javascripts/`, or an override's), as this
    site writes them into a page whose way up to the root is `base_url`; in the offline
    copy, also the script the iframe-worker shim writes into its iframe there."""
    context = {
        "config": config,
        "base_url": base_url,
        "features": config.theme.get("features") or [],
    }
    names = {
        f"{PARTIALS}/{name}"
        for folder in config.theme.dirs
        if os.path.isdir(os.path.join(folder, PARTIALS))
        for name in os.listdir(os.path.join(folder, PARTIALS))
        if name.endswith(".html")
    }
    found = [
        code
        for name in sorted(names)
        for code in script_texts(env.get_template(name).render(context))
    ]
    if offline(config):
        worker = offline_copy.worker_address(_worker(config), base_url)
        found.append(offline_copy.iframe_script(offline_copy.shim_source(), worker))
    return found


@dataclass
class Policies:
    """The policy of each depth of page, made once; the pages that held a foreign script."""

    env: Environment
    config: MkDocsConfig
    by_depth: dict[str, Policy] = field(default_factory=dict)
    injected: set[str] = field(default_factory=set)
    data: set[str] = field(default_factory=set)  # the words data blocks the templates wrote

    def apply(self, output: str, shown: str, base_url: str) -> str:
        """The page with the policy of its depth (see `check`)."""
        if base_url not in self.by_depth:
            known = known_scripts(self.env, self.config, base_url)
            self.by_depth[base_url] = Policy.allowing(known, self.data)
        return self.check(output, shown, self.by_depth[base_url])

    def check(self, output: str, shown: str, policy: Policy) -> str:
        """The page with its policy; each script in it that the site did not write is
        logged, with the page's file, and counted against the build."""
        for script in policy.injected(output):
            self.injected.add(shown)
            log.error(
                f"{shown}:1: page: holds a script that no template of the site writes, "
                f"`{' '.join(script.split())[:80]}` (find where a template writes a value "
                "with | safe or outside autoescape; the page's policy does not let it run)"
            )
        return policy.apply(output)

    def verdict(self) -> str:
        count = len(self.injected)
        return (
            f"{count} page{'s' * (count != 1)} held a script that no template of the site "
            "writes (see the errors above), so the build fails"
        )
