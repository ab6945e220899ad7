"""The checker's folder-by-folder ``RealPaths`` resolves exactly as ``Path.resolve``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsletter_liquid.check.paths import RealPaths


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "f.md").write_text("x")
    (tmp_path / "lnk").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "b" / "fl").symlink_to(tmp_path / "a" / "b" / "f.md")
    (tmp_path / "a" / "b" / "dangling").symlink_to(tmp_path / "nope")
    (tmp_path / "a" / "b" / "up").symlink_to(Path("..") / ".." / "lnk")
    return tmp_path


@pytest.mark.parametrize("rel", [
    "a/b/f.md", "lnk/b/f.md", "a/b/fl", "lnk/b/fl", "a/b/missing", "missing/x",
    "lnk/b/../b/f.md", "a/b/dangling", "a/b/up", "a/b/up/b/f.md", "", "lnk", "lnk/b",
])
def test_same_as_resolve(tree: Path, rel: str) -> None:
    real = RealPaths()
    path = tree / rel if rel else tree
    assert real(path) == path.resolve()
    assert real(path) == path.resolve()  # from what it remembered


def test_relative_paths(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert RealPaths()(Path("lnk/b/f.md")) == Path("lnk/b/f.md").resolve()
    assert RealPaths()(Path("/")) == Path("/").resolve()
    assert os.getcwd() == str(tree)
