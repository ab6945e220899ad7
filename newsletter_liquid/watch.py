"""``build --watch``: build again whenever a file of the site changes, as ``jekyll build
--watch`` does.

Changes are found by comparing each file's size and modification time every half
second (no extra dependency, and it works on every file system, network ones
included); the output folder, the build cache and dot folders (``.git``) are not
watched, nor the top-level names in ``exclude:``. Each rebuild is a fresh read of
the site in the running process, so it pays neither the start-up nor the imports, and
it reuses the build cache: a post edit is rebuilt in a fraction of a second.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["changed_files", "snapshot", "watch"]

Snapshot = dict[str, tuple[int, int]]


def snapshot(source: Path, ignore: Iterable[Path] = (), ignore_names: Iterable[str] = ()
             ) -> Snapshot:
    """Every watched file under ``source`` (relative path) with its size and mtime."""
    skip = {os.fspath(p.resolve()) for p in ignore}
    names = set(ignore_names)
    root = os.fspath(source.resolve())
    found: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        top = folder == root
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (top and d in names)
                         and os.path.join(folder, d) not in skip)
        for name in files:
            if top and name in names:
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue  # removed while we looked
            found[os.path.relpath(path, root)] = (st.st_size, st.st_mtime_ns)
    return found


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    """Files added, removed or modified between two snapshots, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def watch(source: Path, rebuild: Callable[[list[str]], None], *,
          ignore: Callable[[], tuple[list[Path], list[str]]], interval: float = 0.5,
          rounds: int | None = None) -> None:
    """Call ``rebuild(changed)`` after every change, until interrupted (Ctrl-C ends it
    quietly). ``ignore`` gives the folders and top-level names not to watch, asked
    again after each rebuild (the configuration may have changed). ``rounds`` bounds
    the number of polls (tests)."""
    folders, names = ignore()
    before = snapshot(source, folders, names)
    polls = 0
    try:
        while rounds is None or polls < rounds:
            polls += 1
            time.sleep(interval)
            after = snapshot(source, folders, names)
            changes = changed_files(before, after)
            if not changes:
                continue
            rebuild(changes)
            # an edit made while building shows at the next poll
            before = after
            if ignore() != (folders, names):  # the configuration changed what is watched
                folders, names = ignore()
                before = snapshot(source, folders, names)
    except KeyboardInterrupt:
        return
