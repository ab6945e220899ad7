"""YAML loaded as Ruby's Psych ``safe_load`` (Jekyll's loader) would load it.

The loaders live in ``_yaml_psych``, imported on the first text that must be parsed:
PyYAML's import costs more than a whole cached read of a site's front matter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["YamlError", "load_yaml"]


class YamlError(Exception):
    """A YAML syntax error with a 0-based position inside the YAML text."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def load_yaml(text: str, zone: dt.tzinfo | None = None) -> Any:
    """Load one YAML document as Jekyll (Psych.safe_load with aliases) would; ``zone``
    shows times written without an offset (None: the process's local zone)."""
    from ._yaml_psych import load_yaml as load

    return load(text, zone)
