"""The pre-commit hook, run by real pre-commit (`pre-commit try-repo`) on a fresh git
repository holding a small site: it passes on the good post and fails on the bad one.

try-repo installs this repository's committed HEAD into pre-commit's own virtualenv
(which needs the package's dependencies from the package index), so commit before
running it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

GOOD = """---
layout: default
title: Good
---
Read [the other post]({% post_url 2023-01-02-bad %}) and [the home page](/).
"""
BAD = """---
layout: default
title: Bad
---
Machine learning continues to [make its way](STYLE_TRANSFER_LINK) into the arts.
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "blog"
    (repo / "_layouts").mkdir(parents=True)
    (repo / "_posts").mkdir()
    (repo / "_config.yml").write_text("title: Blog\n")
    (repo / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n")
    (repo / "index.html").write_text("---\nlayout: default\n---\nHome\n")
    (repo / "_posts" / "2023-01-01-good.md").write_text(GOOD)
    (repo / "_posts" / "2023-01-02-bad.md").write_text(BAD)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "site")
    return repo


def _try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1704067200"}
    env.pop("PYTHONPATH", None)  # the hook must run the installed package, not this tree
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newsletter-liquid-check",
         "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hook_passes_the_good_post_and_fails_the_bad_one(repo: Path) -> None:
    good = _try_repo(repo, "_posts/2023-01-01-good.md", "_config.yml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = _try_repo(repo, "_posts/2023-01-01-good.md", "_posts/2023-01-02-bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "_posts/2023-01-02-bad.md:5:46: error NL032" in bad.stdout
    assert "2023-01-01-good.md:" not in bad.stdout
