"""`stories bundle`: the library as a zip to read without a server, built by the engine.

The build runs as its own process (the engine is a command, not a library to this
package), with Material's offline plugin turned on; see `offline.py` for what that copy
holds. The ordinary build is not touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .offline import zipped
from .project import Project

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}  # STORIES_ENGINE: which to run


def engine() -> str:
    """The engine's module: `STORIES_ENGINE`, or MkDocs."""
    return ENGINES.get(os.environ.get("STORIES_ENGINE", "mkdocs"), "mkdocs")


def build_offline(project: Project, site: Path) -> subprocess.CompletedProcess[str]:
    """Build the copy into `site`, strictly; the engine's output tells what went wrong."""
    command = [sys.executable, "-m", engine(), "build", "--strict"]
    command += ["--config-file", str(project.config_file), "--site-dir", str(site)]
    environment = {**os.environ, "STORIES_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, cwd=project.config_file.parent, env=environment, capture_output=True, text=True
    )


def bundle(project: Project, output: Path, folder: str) -> subprocess.CompletedProcess[str]:
    """Build the copy and write it to `output` as a zip, its files under `folder`/."""
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        built = build_offline(project, site)
        if built.returncode == 0:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(zipped(site, folder))
        return built
