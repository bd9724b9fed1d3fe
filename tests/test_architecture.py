"""The shape of the code, as the style guide asks for it: a domain package free of MkDocs,
thin hooks, templates that lay out views, and addresses spelt in one place."""

from __future__ import annotations

import ast
import re

import pages
import pytest
from builds import ROOT
from jinja2 import Environment, meta, nodes

HOOKS = ROOT / "hooks"
DOMAIN = HOOKS / "service_stories"
TEMPLATES = ROOT / "overrides"
# What MkDocs and Material give every template, and Jinja's own names.
MATERIAL = {"page", "config", "nav", "base_url", "lang", "features", "super", "loop"}


def imported(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda path: path.name)
def test_the_domain_package_never_imports_mkdocs_or_material(path):
    assert not imported(path) & {"mkdocs", "properdocs", "material", "jinja2"}, path.name


@pytest.mark.parametrize("path", sorted(HOOKS.rglob("*.py")), ids=lambda path: path.name)
def test_the_hooks_reach_either_engine_by_mkdocs_names(path):
    # ProperDocs answers every `mkdocs.*` import with its own module, so hooks that name
    # only `mkdocs` run on both engines (tests/test_engines.py).
    assert "properdocs" not in imported(path), path.relative_to(ROOT).as_posix()


def test_the_hooks_are_thin_and_every_module_and_function_short():
    assert len((HOOKS / "main.py").read_text(encoding="utf-8").splitlines()) <= 150
    for path in HOOKS.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 300, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno - node.lineno + 1 <= 40, f"{path.name}: {node.name}"


def _environment() -> Environment:
    environment = Environment()
    environment.filters.update(url=str, root=str)
    return environment


def _assigned(tree: nodes.Template) -> set[str]:
    """The names a template sets for itself: `set` (and `{% set %}...{% endset %}`), `for`,
    `with`, imports, macros."""
    found = set()
    for node in tree.find_all((nodes.Assign, nodes.AssignBlock, nodes.For, nodes.With)):
        targets = node.targets if isinstance(node, nodes.With) else [node.target]
        for target in targets:
            found |= {name.name for name in target.find_all(nodes.Name)}
            if isinstance(target, nodes.Name):
                found.add(target.name)
    found |= {
        node.target
        for node in tree.find_all((nodes.Import, nodes.FromImport))
        if hasattr(node, "target")
    }
    return found


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_every_template_uses_only_the_names_its_contract_gives_it(path):
    name = path.relative_to(TEMPLATES).as_posix()
    tree = _environment().parse(path.read_text(encoding="utf-8"))
    used = meta.find_undeclared_variables(tree) - _assigned(tree) - MATERIAL
    allowed = set(pages.CONTRACT.get(name, ())) | set(pages.GLOBALS)
    assert used <= allowed, f"{name} uses {sorted(used - allowed)}: add them to pages.CONTRACT"


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_no_template_decides_what_a_page_is(path):
    source = path.read_text(encoding="utf-8")
    assert "page.content" not in source, "lay out `body` and `view` instead"
    assert not re.search(r"template\s*==", source), "the plan decides a page's template"
    assert not re.search(r"(\{\{|\{%)[^}%]*\blibrary\.", source), "views carry what it shows"


ADDRESS = re.compile(r"""["'](lessons|paths|trainers|catalog)(/|\.md|\.json)""")


def test_addresses_are_spelt_in_one_place():
    sources = [*TEMPLATES.rglob("*.html"), *HOOKS.rglob("*.py")]
    for path in sources:
        if path.name == "addresses.py":
            continue
        found = ADDRESS.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.relative_to(ROOT)} spells an address: ask addresses.py"
