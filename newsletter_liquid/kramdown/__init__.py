"""Markdown converted exactly as kramdown 2.4 (GFM input) does under Jekyll 4.3.1.

Parsed with mistune extended by kramdown's block and span rules, written by a
converter of our own that walks the tree with kramdown's indentation.
"""

from __future__ import annotations

from .options import KramdownOptions
from .render import render_markdown

__all__ = ["KramdownOptions", "render_markdown"]
