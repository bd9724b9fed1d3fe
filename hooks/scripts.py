"""The Content-Security-Policy, as the hooks apply it: Material's inline-script partials
rendered for each depth of page, and each built page checked against them."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from service_stories.csp import Policy, script_texts

log = logging.getLogger("mkdocs.plugins.service_stories")

PARTIALS = "partials/javascripts"  # where Material keeps the scripts it writes inline


def template_page(config: MkDocsConfig, template_name: str) -> tuple[str, str]:
    """A page made from a template alone (the error page): its file, as an author finds it,
    and its root, which MkDocs makes the site's own address."""
    project = os.path.dirname(config.config_file_path or "")
    folder = os.path.relpath(config.theme.custom_dir or project, project).replace(os.sep, "/")
    return f"{folder}/{template_name}", urlsplit(config.site_url or "/").path or "/"


def known_scripts(env: Environment, config: MkDocsConfig, base_url: str) -> list[str]:
    """Material's inline scripts (its `partials/javascripts/`, or an override's), as this
    site writes them into a page whose way up to the root is `base_url`."""
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
    return [
        code
        for name in sorted(names)
        for code in script_texts(env.get_template(name).render(context))
    ]


@dataclass
class Policies:
    """The policy of each depth of page, made once; the pages that held a foreign script."""

    env: Environment
    config: MkDocsConfig
    by_depth: dict[str, Policy] = field(default_factory=dict)
    injected: set[str] = field(default_factory=set)

    def apply(self, output: str, shown: str, base_url: str) -> str:
        """The page with the policy of its depth (see `check`)."""
        if base_url not in self.by_depth:
            known = known_scripts(self.env, self.config, base_url)
            self.by_depth[base_url] = Policy.allowing(known)
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
