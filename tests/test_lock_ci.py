"""The places that install and check the project agree: `.ci/run`, the pre-commit hooks,
scripts/bootstrap and the GitHub workflows (locked packages with hashes, pinned actions).

Read as text: PyYAML is not a dependency, and these files are written in a plain subset.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# How scripts/bootstrap and CI install: everything from the lock, then the project alone.
INSTALL_LOCKED = "pip install --quiet --require-hashes -r requirements/test.txt"
INSTALL_PROJECT = "pip install --quiet --no-deps --no-build-isolation -e ."


def _style_gates() -> list[str]:
    """The commands `.ci/run` runs after the test suite."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    suite = next(i for i, line in enumerate(lines) if "-m pytest" in line)
    return [line for line in lines[suite + 1 :] if line and not line.startswith("#")]


def test_the_pre_commit_hooks_run_the_style_gates_of_ci_run() -> None:
    text = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^\s+entry: (.+)$", text, flags=re.MULTILINE)
    assert entries == _style_gates()
    assert text.count("language: system") == text.count("pass_filenames: false") == len(entries)


def test_bootstrap_installs_the_lock_with_hashes_then_the_project() -> None:
    text = (ROOT / "scripts" / "bootstrap").read_text(encoding="utf-8")
    locked, project = text.index(INSTALL_LOCKED), text.index(INSTALL_PROJECT)
    assert locked < project
    assert not re.search(r"pip install(?!.*--require-hashes)(?!.*--no-deps)", text)


def test_every_action_is_pinned_by_commit_with_its_version_beside_it() -> None:
    assert {w.name for w in WORKFLOWS} >= {"ci.yml", "release.yml"}
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        uses = re.findall(r"uses: (\S+)(.*)$", text, flags=re.MULTILINE)
        assert uses, workflow.name
        for action, comment in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (workflow.name, action)
            assert re.fullmatch(r" # v\d+(\.\d+)*", comment), (workflow.name, action, comment)
        assert re.search(r"^permissions:\n  contents: read$", text, flags=re.MULTILINE)
        checkouts = text.count("uses: actions/checkout@")
        assert text.count("persist-credentials: false") == checkouts, workflow.name


def test_the_workflows_install_only_locked_packages_with_hashes() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        for command in re.findall(r"pip install [^\n]*", text):
            assert "--require-hashes -r requirements/" in command or command == (
                "pip install --no-deps --no-build-isolation -e ."
            ), (workflow.name, command)
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "run: bash .ci/run" in ci
    assert "python -m pip install --require-hashes -r requirements/test.txt" in ci
    assert "run: python -m pytest" in ci
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert runner in ci, runner
