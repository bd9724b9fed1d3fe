"""Building small fixture sites with the project's real hooks and templates.

The engine is MkDocs, or ProperDocs with `STORIES_ENGINE=properdocs` (as `stories bundle`
chooses it). It is chosen once, when this module is imported (conftest.py imports it
before any test module), because ProperDocs answers every `mkdocs.*` import from then on.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from service_stories.bundle import ENGINES

ROOT = Path(__file__).resolve().parent.parent


def choose_engine() -> str:
    """The engine `STORIES_ENGINE` names, made the one that `mkdocs.*` imports reach."""
    name = os.environ.get("STORIES_ENGINE", "mkdocs")
    if name not in ENGINES:
        raise RuntimeError(f"STORIES_ENGINE={name!r}: name one of {', '.join(ENGINES)}")
    if name == "properdocs":
        loaded = sorted(module for module in sys.modules if module.split(".")[0] == "mkdocs")
        if loaded:
            raise RuntimeError(f"STORIES_ENGINE=properdocs after MkDocs was imported: {loaded}")
        if importlib.util.find_spec("properdocs") is None:
            raise RuntimeError('STORIES_ENGINE=properdocs: pip install -e ".[test]"')
        # What the `properdocs` command does before it reads a config: every `mkdocs.*`
        # import (the hooks', Material's, the tests') gets ProperDocs' module, and the
        # `mkdocs.*` loggers (the hooks log there) count towards --strict.
        importlib.import_module("properdocs.replacement")
        logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")
    return name


ENGINE = choose_engine()


@dataclass
class Built:
    site: Path
    log: str

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_project(tmp_path: Path, files: dict[str, str | bytes], *, own: bool = False) -> Path:
    """A knowledge base around the given content, built by this project's generator.

    By default the project uses the repository's own hooks and templates, by their
    absolute paths, and shares the repository's cache of compiled templates (the same
    templates compile the same). A test that edits the generator asks for its `own` copy.
    """
    project = tmp_path / "project"
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if own:
        for folder in ("hooks", "overrides"):
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(ROOT / folder, project / folder, ignore=ignore)
    else:
        config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        config = config.replace("  - hooks/main.py", f"  - {ROOT / 'hooks' / 'main.py'}")
        config = config.replace("watch:\n  - overrides", f"watch:\n  - {ROOT / 'overrides'}")
        (ROOT / ".cache").mkdir(exist_ok=True)
        (project / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = project / "stories"
    for name, content in {"index.md": "# Home\n\nWelcome.\n", **files}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return project


@contextmanager
def logged(level: int = logging.INFO):
    """Everything the engine logs at `level` or above, as lines of text; the logger's level
    is put back afterwards."""
    logger = logging.getLogger(ENGINE)
    lines: list[str] = []
    handler = logging.Handler(level)
    handler.emit = lambda record: lines.append(  # type: ignore[method-assign]
        f"{record.levelname:<8} {record.name}: {record.getMessage()}"
    )
    before = logger.level
    logger.setLevel(level)
    logger.addHandler(handler)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)


def engine_build():
    """The engine's `build` and `load_config`."""
    build = importlib.import_module(f"{ENGINE}.commands.build").build
    return build, importlib.import_module(f"{ENGINE}.config").load_config


def build_config(
    config_file: Path, site_dir: Path, *, strict: bool = True, language: str | None = None
) -> Built:
    """Build the site a mkdocs.yml describes into `site_dir`; in another `theme.language`
    than it names, when given one."""
    build, load_config = engine_build()
    with logged() as lines:
        config = load_config(str(config_file), strict=strict, site_dir=str(site_dir))
        if language:
            config.theme["language"] = language
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return Built(site_dir, "\n".join(lines))


def build_project(project: Path, *, strict: bool = True, site_url: str | None = None) -> Built:
    """Build a project made by `make_project` into its `site/` folder."""
    if site_url:
        with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write(f"\nsite_url: {site_url}\n")
    return build_config(project / "mkdocs.yml", project / "site", strict=strict)


def build_site(
    folder: Path, files: dict[str, str | bytes], *, strict: bool = True, site_url=None
) -> Built:
    """A fixture site around `files`, built in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return build_project(make_project(folder, files), strict=strict, site_url=site_url)
