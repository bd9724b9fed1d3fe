"""What the site takes from inside Material for MkDocs, beyond its documented theme API.

Each test names the file of this project to update when a Material release changes what
it relies on; pyproject.toml's range for mkdocs-material says which releases passed.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material.templates
import pytest
from builds import ROOT
from jinja2 import Environment, nodes
from service_stories import search
from service_stories.csp import CONFIG_BLOCK, script_texts

THEME = Path(material.templates.__file__).parent
OVERRIDES = ROOT / "overrides"
RELEASE = f"Material {version('mkdocs-material')}"
# Material's inline scripts that hooks/scripts.py need not hash, and why.
UNUSED_SCRIPTS = {
    "partials/integrations/analytics.html": "the site sets no extra.analytics",
    "redirect.html": "the redirects plugin's page; the site uses no redirects",
}


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def without_comment(template: str) -> str:
    """A template without the Jinja comment it opens with."""
    return re.sub(r"\A\{#-?.*?-?#\}\n", "", template, count=1, flags=re.S)


def test_our_search_partial_is_materials_with_one_change():
    ours = without_comment(source(OVERRIDES / "partials" / "search.html"))
    # The speed-up's wrapper (hooks/speedups.py) leaves the markup as it is.
    ours = re.sub(r"\{%-? call fragment\(\"search\"\) -?%\}\n|\{%-? endcall -?%\}\n?", "", ours)
    # The one change: the dialog's accessible name.
    ours = re.sub(r'(role="dialog") aria-label="[^"]*"', r"\1", ours, count=1)
    theirs = without_comment(source(THEME / "partials" / "search.html"))
    assert ours == theirs, (
        f"{RELEASE} changed partials/search.html: copy {THEME / 'partials' / 'search.html'} "
        "over overrides/partials/search.html again, keeping its comment, the dialog's "
        "aria-label and the fragment call around it"
    )


def material_includes() -> list[tuple[str, str]]:
    """Each Material template an override reaches as `material/...` (hooks/pages.py
    `reach_material`), with the override's name."""
    found = []
    for path in sorted(OVERRIDES.rglob("*.html")):
        for name in re.findall(r"[\"']material/([^\"']+\.html)[\"']", source(path)):
            found.append((path.relative_to(ROOT).as_posix(), name))
    return found


def test_some_overrides_wrap_materials_own_partials():
    assert len(material_includes()) >= 4


@pytest.mark.parametrize(("override", "name"), material_includes(), ids=lambda item: item)
def test_each_material_template_an_override_wraps_exists(override, name):
    assert (THEME / name).is_file(), (
        f"{override} includes material/{name}, which {RELEASE} no longer has: "
        f"find where Material moved it under {THEME} and update {override}"
    )


def blocks(template: str) -> set[str]:
    return {block.name for block in Environment().parse(template).find_all(nodes.Block)}


def test_every_block_our_base_fills_is_in_materials_base():
    missing = blocks(source(OVERRIDES / "main.html")) - blocks(source(THEME / "base.html"))
    assert not missing, (
        f"{RELEASE}'s base.html has no block {', '.join(sorted(missing))}: "
        "overrides/main.html fills it; move what it adds to the block Material now uses"
    )


def config_block() -> str:
    """The markup and the strings in Material's `{% block config %}`."""
    tree = Environment().parse(source(THEME / "base.html"))
    (block,) = [b for b in tree.find_all(nodes.Block) if b.name == "config"]
    markup = [data.data for data in block.find_all(nodes.TemplateData)]
    strings = [c.value for c in block.find_all(nodes.Const) if isinstance(c.value, str)]
    return "\n".join(markup + strings)


def test_materials_config_block_names_the_search_worker_our_base_replaces():
    block = config_block()
    assert block.count(f"<script{CONFIG_BLOCK}>") == 1, (
        f"{RELEASE} writes its configuration other than as <script{CONFIG_BLOCK}>: "
        "update CONFIG_BLOCK in hooks/service_stories/csp.py"
    )
    worker = re.findall(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", block)
    assert len(worker) == 1 and block.count("workers/search.") == 1, (
        f"{RELEASE}'s config block in base.html no longer names its search worker once as "
        "assets/javascripts/workers/search.<hash>.min.js: update the replace in "
        "overrides/main.html's block config and the worker's name in "
        "hooks/service_stories/search.py"
    )
    assert (THEME / worker[0]).is_file()


def test_material_ships_one_search_worker_for_ours_to_wrap():
    workers = THEME / "assets" / "javascripts" / "workers"
    names = [p.name for p in workers.glob("search.*.js") if not p.name.endswith(".map")]
    assert len(names) == 1 and not names[0].startswith(search.PREFIX), (
        f"{RELEASE} ships {names or 'no'} search worker(s) in {workers}: "
        "hooks/scripts.py `_worker` and hooks/service_stories/search.py `write_worker` "
        "expect exactly one search.<hash>.min.js"
    )


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (THEME / "partials" / "javascripts").glob("*.html"))
)
def test_materials_inline_script_partials_still_write_inline_scripts(name):
    assert script_texts(source(THEME / "partials" / "javascripts" / name)), (
        f"{RELEASE}'s partials/javascripts/{name} writes no inline <script>: "
        "hooks/scripts.py `known_scripts` hashes what those partials write into each "
        "page's Content-Security-Policy; see what Material does there now"
    )


def test_material_writes_inline_scripts_only_where_the_policy_reads_them():
    outside = {
        path.relative_to(THEME).as_posix()
        for path in THEME.rglob("*.html")
        if not path.relative_to(THEME).as_posix().startswith("partials/javascripts/")
        and script_texts(source(path))
    }
    assert outside <= set(UNUSED_SCRIPTS), (
        f"{RELEASE} writes inline scripts in {sorted(outside - set(UNUSED_SCRIPTS))}, "
        "outside partials/javascripts/: hooks/scripts.py `known_scripts` must render and "
        "hash them too, or each page that holds one fails the build"
    )
    assert "analytics" not in source(ROOT / "mkdocs.yml")
