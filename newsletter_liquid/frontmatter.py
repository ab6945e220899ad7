"""Front matter split and loaded exactly where Jekyll would.

Jekyll treats a file as a document only when its first line is ``---`` (trailing
blanks allowed) and cuts the block with ``\\A(---\\s*\\n.*?\\n?)^((---|\\.\\.\\.)\\s*$\\n?)``;
the ``\\s*`` after the closing fence also eats whitespace-only lines, so the body
may begin several lines below it. We keep the body's first line number so that
errors in the body point into the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._yaml import YamlError, load_yaml
from .errors import FrontMatterError

__all__ = ["FrontMatter", "has_front_matter", "parse_front_matter", "split_front_matter"]

_HEADER_RE = re.compile(r"\A---[ \t\r\f\v]*\r?\n")
# Jekyll's Document::YAML_FRONT_MATTER_REGEXP, in Python's syntax (Ruby's ^ and $ are
# per line; Ruby's `.` in /m matches newlines, hence DOTALL).
_FRONT_MATTER_RE = re.compile(
    r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.MULTILINE | re.DOTALL
)
_BOM = "\ufeff"


@dataclass(frozen=True)
class FrontMatter:
    """A file split into its front matter data and its body."""

    data: dict[str, Any]
    body: str
    body_line: int
    """1-based line of the file on which ``body`` starts."""
    has_front_matter: bool


def has_front_matter(text: str) -> bool:
    """Whether Jekyll would read this text as a document (first line ``---``)."""
    return bool(_HEADER_RE.match(text.removeprefix(_BOM)))


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (yaml text or None, body, body's first line) the way Jekyll cuts them."""
    text = text.removeprefix(_BOM)
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return None, text, 1
    yaml_text = m.group(1)
    body_line = text.count("\n", 0, m.end()) + 1
    return yaml_text, text[m.end():], body_line


def parse_front_matter(
    text: str, filename: str | None = None, zone: dt.tzinfo | None = None,
    *, load: Callable[[str, dt.tzinfo | None], Any] = load_yaml,
) -> FrontMatter:
    """Split ``text`` and load its front matter as Jekyll (Psych.safe_load) would.

    ``zone`` is the local zone a time without offset is shown in (Jekyll: the site's
    ``timezone:``; None: the process's). Raises FrontMatterError with the line and
    column in the file for bad YAML or front matter that is not a mapping. ``load``
    parses the YAML (a site's read cache passes its own, which remembers texts).
    """
    yaml_text, body, body_line = split_front_matter(text)
    if yaml_text is None:
        return FrontMatter({}, body, body_line, False)
    try:
        data = load(yaml_text, zone)
    except YamlError as exc:
        raise FrontMatterError(
            f"invalid YAML front matter: {exc.message}", filename, exc.line + 1, exc.col + 1
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"front matter must be a mapping of keys to values, not {_yaml_kind(data)}",
            filename, 2, 1,
        )
    return FrontMatter({str(k): v for k, v in data.items()}, body, body_line, True)


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"
