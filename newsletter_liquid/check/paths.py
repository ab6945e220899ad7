"""Paths as the checker compares them: resolved, and URL paths of outputs.

``Path.resolve`` checks every component of a path for a symbolic link; a check
resolves every file of the site, all in a few folders, so each folder is resolved
once and only the file itself is looked at again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["RealPaths", "output_path"]


class RealPaths:
    """``Path.resolve()`` with each folder's real path remembered (same results)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path) -> Path:
        text = os.fspath(path)
        if not os.path.isabs(text) or "/.." in text:
            return path.resolve()  # ".." after a link is not lexical
        folder, name = os.path.split(text)
        if not name:
            return path.resolve()
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        candidate = os.path.join(real, name)
        if os.path.islink(candidate):
            return path.resolve()
        return Path(candidate)


def output_path(item: Any) -> str:
    """The URL path an item (page, document, static file) is written to: ``/a/b.html``."""
    return "/" + os.path.relpath(item.destination(Path("/")), "/")
