"""Jekyll's SmartyPants converter (``smartify``) on our kramdown engine.

Jekyll runs kramdown with its ``SmartyPants`` parser: no Markdown blocks, the text
kept line for line, and only four span rules (smart quotes, entities, typographic
symbols, span HTML), then kramdown's HTML output with the trailing newline
chomped. The kramdown package has no such entry point, so it is composed here
from its block parser (only ``block_html``; other lines stay text), its span
parser restricted to those four rules, and its HTML converter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["smartypants"]

_SPAN_RULES = ("smart_quotes", "html_entity", "typographic_syms", "span_html")


def smartypants(text: str, config: Mapping[str, Any] | None) -> str:
    """``Jekyll::Converters::SmartyPants#convert``."""
    from ...kramdown.blocks import KramdownBlockParser
    from ...kramdown.converter import HtmlConverter
    from ...kramdown.core import Element, KramdownState
    from ...kramdown.options import KramdownOptions
    from ...kramdown.spans import KramdownInlineParser

    source = text.replace("\r\n", "\n").replace("\r", "\n")
    source = (source[:-1] if source.endswith("\n") else source) + "\n"
    options = KramdownOptions.from_config(config or {}).to_dict()
    state = KramdownState(options)
    inline = KramdownInlineParser()
    inline.rules = list(_SPAN_RULES)
    blocks = KramdownBlockParser(inline)
    blocks.rules = ["block_html"]  # every other line is kept as text ("content")
    inline.block = blocks
    root = state.root
    blocks.parse_blocks(state, root, source)
    children: list[Element] = []
    for child in root.children:
        if child.type == "raw_text":
            inline.parse_text(state, child, child.value)
            children.extend(child.children)
        else:
            children.append(child)
    root.children = children
    html = HtmlConverter(root, options).convert(root)
    return html[:-1] if html.endswith("\n") else html
