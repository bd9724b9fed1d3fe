"""The site builds alike on MkDocs and on ProperDocs, its drop-in fork; the tests' builds
run on the engine `STORIES_ENGINE` names (see builds.py)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builds import ENGINE, ROOT, choose_engine, engine_build

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
# One build date for both engines' builds, even for two builds either side of midnight.
BUILT_AT = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))


def require_properdocs() -> None:
    if importlib.util.find_spec("properdocs") is None:  # the test extras install it
        pytest.fail('ProperDocs is not installed: pip install -e ".[test]"')


def build_with(engine: str, site: Path) -> dict[str, bytes]:
    """The repository's site as `engine`'s own command builds it: each file by its path."""
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet"]
    command += ["--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILT_AT}
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, f"{engine} build --strict failed:\n{result.stderr}"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def unnamed(content: bytes) -> bytes:
    """A file without the generator tag, where each engine names itself."""
    return GENERATOR.sub(b"", content)


def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    require_properdocs()
    mkdocs = build_with("mkdocs", tmp_path / "mkdocs")
    properdocs = build_with("properdocs", tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    unlike = [name for name in mkdocs if unnamed(mkdocs[name]) != unnamed(properdocs[name])]
    assert unlike == [], "these differ between MkDocs and ProperDocs beyond the generator tag"
    # Each engine names itself there, so the two builds were not one engine twice.
    assert GENERATOR.findall(mkdocs["index.html"])[0].startswith(b"mkdocs-1.")
    assert b"ProperDocs" in GENERATOR.findall(properdocs["index.html"])[0]


def test_the_tests_build_with_the_engine_stories_engine_names(library_site):
    import mkdocs

    build, _ = engine_build()
    assert mkdocs.__name__ == build.__module__.split(".")[0] == ENGINE
    (generator,) = GENERATOR.findall(library_site.page("").encode())
    assert (b"ProperDocs" in generator) == (ENGINE == "properdocs")


def test_an_engine_the_tests_do_not_know_stops_them(monkeypatch):
    monkeypatch.setenv("STORIES_ENGINE", "zensical")
    with pytest.raises(RuntimeError) as error:
        choose_engine()
    assert str(error.value) == "STORIES_ENGINE='zensical': name one of mkdocs, properdocs"


def test_the_readme_tells_how_to_install_and_run_either_engine():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[properdocs]"' in readme and "properdocs serve" in readme
    ending = readme.index("## When MkDocs and Material end")
    assert ending < readme.index("## For developers")
    assert "5 May 2027" in readme[ending:]
