"""Positions in source files: offsets to line/column, front matter keys.

Every finding points into the file the user edits, so these helpers work on the
file's own text (front matter included), never on rendered output.
"""

from __future__ import annotations

import re

__all__ = ["front_matter_end", "key_position", "line_col"]

_FRONT_MATTER_RE = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.M | re.S)


def line_col(text: str, offset: int, line_offset: int = 0) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``, lines shifted by ``line_offset``."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line + line_offset, col


def front_matter_end(text: str) -> int:
    """Offset just past the front matter block (0 when there is none)."""
    m = _FRONT_MATTER_RE.match(text.removeprefix("\ufeff"))
    return m.end(1) if m else 0


def key_position(text: str, key: str) -> tuple[int, int] | None:
    """(line, column) of the top-level front matter ``key:`` in a file's text, if written."""
    clean = text.removeprefix("\ufeff")
    end = front_matter_end(clean)
    if not end:
        return None
    pattern = rf"""^(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')[ \t]*:"""
    m = re.search(pattern, clean[:end], re.M)
    if not m:
        return None
    return line_col(clean, m.start())


def value_position(text: str, key: str) -> tuple[int, int] | None:
    """(line, column) of the value after a top-level ``key:`` (the key itself if empty)."""
    clean = text.removeprefix("\ufeff")
    pos = key_position(clean, key)
    if pos is None:
        return None
    line_start = 0
    for _ in range(pos[0] - 1):
        line_start = clean.index("\n", line_start) + 1
    line_end = clean.find("\n", line_start)
    line_text = clean[line_start: line_end if line_end >= 0 else len(clean)]
    m = re.match(r"[^:]*:[ \t]*", line_text)
    if m and m.end() < len(line_text.rstrip()):
        return pos[0], m.end() + 1
    return pos
