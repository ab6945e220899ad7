"""Paths as the checker compares them: resolved, and URL paths of outputs.

``Path.resolve`` checks every component of a path for a symbolic link; a check
resolves every file of the site, all in a few folders, so each folder is resolved
and listed once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["RealPaths", "output_path"]


class RealPaths:
    """``Path.resolve()`` with each folder's real path and symbolic links read once
    (one listing per folder instead of a look at every component of every file)."""

    def __init__(self) -> None:
        self._folders: dict[str, tuple[str, frozenset[str]] | None] = {}

    def __call__(self, path: Path) -> Path:
        text = os.fspath(path)
        if not os.path.isabs(text) or "/.." in text:
            return path.resolve()  # ".." after a link is not lexical
        folder, name = os.path.split(text)
        if not name:
            return path.resolve()
        if folder not in self._folders:
            self._folders[folder] = self._scan(folder)
        known = self._folders[folder]
        if known is None or name in known[1]:
            return path.resolve()
        return Path(os.path.join(known[0], name))

    @staticmethod
    def _scan(folder: str) -> tuple[str, frozenset[str]] | None:
        try:
            with os.scandir(folder) as entries:
                links = frozenset(e.name for e in entries if e.is_symlink())
        except OSError:
            return None
        return os.path.realpath(folder), links


def output_path(item: Any) -> str:
    """The URL path an item (page, document, static file) is written to: ``/a/b.html``."""
    return "/" + os.path.relpath(item.destination(Path("/")), "/")
