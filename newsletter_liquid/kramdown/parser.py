"""The document pass: mistune drives kramdown's block rules, then the tree is finished.

After the blocks, kramdown parses every ``raw_text`` node with the span
rules (``update_tree``), applies IALs, replaces abbreviations, and the GFM
parser adds header ids and turns backslash line ends into ``<br />``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import mistune

from .blocks import KramdownBlockParser
from .core import Element, KramdownState, Scanner
from .entities import entity
from .ids import gfm_header_id
from .spans import KramdownInlineParser
from .typography import TYPOGRAPHIC_ENTITIES

_BOOL_OPTIONS = frozenset(
    {
        "auto_ids",
        "auto_id_stripping",
        "parse_block_html",
        "parse_span_html",
        "hard_wrap",
        "footnote_backlink_inline",
        "transliterated_header_ids",
        "remove_line_breaks_for_cjk",
    }
)
_INT_OPTIONS = frozenset({"footnote_nr", "header_offset"})
_STR_OPTIONS = frozenset({"auto_id_prefix", "footnote_prefix", "footnote_backlink"})


def apply_inline_options(state: KramdownState, opts: dict[str, Any]) -> None:
    """``{::options key="value" /}``: kramdown lets a document change its own options."""
    changed = state.root.options.setdefault("options", {})
    for key, value in opts.items():
        if not isinstance(key, str) or key.startswith(":"):
            continue
        parsed: Any
        if key in _BOOL_OPTIONS:
            parsed = str(value).strip().lower() not in ("false", "no", "off", "nil", "")
        elif key in _INT_OPTIONS:
            try:
                parsed = int(str(value))
            except ValueError:
                continue
        elif key in _STR_OPTIONS:
            parsed = str(value)
        elif key == "toc_levels":
            # kramdown's own syntax, "2..4" or "1,3"; anything else is an error it ignores
            text = str(value)
            if m := re.fullmatch(r"(\d)\.\.(\d)", text):
                parsed = tuple(range(int(m.group(1)), int(m.group(2)) + 1))
            elif re.fullmatch(r"\d(?:,\d)*", text):
                parsed = tuple(dict.fromkeys(int(v) for v in text.split(",")))
            else:
                continue
        elif key == "syntax_highlighter_opts":
            parsed = _yaml_mapping(str(value))
            if parsed is None:
                continue
        else:
            continue
        state.options[key] = parsed
        changed[key] = parsed


def _yaml_mapping(text: str) -> dict[str, Any] | None:
    """kramdown reads hash-valued options as YAML; the mapping replaces the option."""
    import yaml

    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(value, dict):
        return None
    return {str(k): v for k, v in value.items()}


class KramdownMarkdown:
    """A mistune ``Markdown`` wired with kramdown's parsers and our converter."""

    def __init__(self, options: dict[str, Any], renderer: Any) -> None:
        self.options = options
        self.inline = KramdownInlineParser(
            hard_wrap=bool(options["hard_wrap"]),
            typographic="no_auto_typographic" not in options["gfm_quirks"],
        )
        self.block = KramdownBlockParser(self.inline)
        self.inline.block = self.block
        self.markdown = mistune.Markdown(renderer=renderer, block=self.block, inline=self.inline)
        self.markdown.before_render_hooks.append(self._finish_tree)

    def convert(self, text: str) -> str:
        state = KramdownState(dict(self.options))
        result, _ = self.markdown.parse(text, state)
        return str(result)

    # -- after the block pass
    def _finish_tree(self, _md: mistune.Markdown, state: mistune.BlockState) -> None:
        assert isinstance(state, KramdownState)
        root = state.root
        self.update_tree(state, root)
        abbrev_attr = root.options["abbrev_attr"]
        for key, eob in list(abbrev_attr.items()):
            abbrev_attr[key] = eob.attr
        replace_abbreviations(state, root)
        for data in state.footnotes.values():
            self.update_tree(state, data["content"])
            replace_abbreviations(state, data["content"])
        root.options["footnote_count"] = sum(1 for d in state.footnotes.values() if "marker" in d)
        hard_break = "\n" if state.options["hard_wrap"] else "\\\n"
        update_gfm_elements(state, root, hard_break)

    def update_tree(self, state: KramdownState, element: Element) -> None:
        last_blank: Element | None = None
        children: list[Element] = []
        for child in element.children:
            if child.type == "raw_text":
                last_blank = None
                self.inline.parse_text(state, child, child.value)
                children.extend(child.children)
            elif child.type == "eob":
                if child.options.get("ial"):
                    state.update_attr_with_ial(child.attr, child.options["ial"])
            elif child.type == "blank":
                if last_blank is not None:
                    last_blank.value += child.value
                else:
                    last_blank = child
                    children.append(child)
            else:
                last_blank = None
                if child.children:
                    self.update_tree(state, child)
                if child.options.get("ial"):
                    state.update_attr_with_ial(child.attr, child.options["ial"])
                if child.type in ("dt", "header"):
                    # kramdown-parser-gfm forces auto_id_stripping on: ids come from the
                    # parsed text, not the source.
                    child.options["raw_text"] = gfm_raw_text(child)
                children.append(child)
        element.children = children


def gfm_raw_text(item: Element) -> str:
    """The text a header id is made from: text, code, math and entity characters."""
    parts: list[str] = []

    def walk(el: Element) -> None:
        if el.type in ("text", "codespan", "math"):
            parts.append(str(el.value))
        elif el.type == "entity":
            parts.append(el.value.char or "")
        elif el.type == "smart_quote":
            parts.append(entity(el.value).char or "")
        elif el.type == "typographic_sym":
            if el.value == "laquo_space":
                parts.append("«\u00a0")
            elif el.value == "raquo_space":
                parts.append("\u00a0»")
            else:
                parts.append(entity(TYPOGRAPHIC_ENTITIES[el.value][0]).char or "")
        else:
            for c in el.children:
                walk(c)

    walk(item)
    return "".join(parts)


def update_gfm_elements(state: KramdownState, element: Element, hard_break: str) -> None:
    auto_ids = state.options["auto_ids"]
    children: list[Element] = []
    split = False
    for child in element.children:
        kind = child.type
        if kind == "text":
            if hard_break in child.value:
                children.extend(_split_hard_breaks(element, child, hard_break))
                split = True
                continue
        elif kind == "header" and auto_ids and "id" not in child.attr:
            child.attr["id"] = gfm_header_id(
                child.options.get("raw_text", ""), state.id_counter, state.options["auto_id_prefix"]
            )
        elif kind != "html_element" and child.children:
            update_gfm_elements(state, child, hard_break)
        children.append(child)
    if split:
        element.children = children


def _split_hard_breaks(parent: Element, child: Element, hard_break: str) -> list[Element]:
    lines = child.value.split(hard_break)
    omit_trailing_br = (
        lines[-1] == ""
        and parent.is_block()
        and bool(parent.children)
        and parent.children[-1] is child
    )
    result: list[Element] = []
    for index, line in enumerate(lines):
        result.append(Element("text", f"\n{line}" if index > 0 else line))
        if index < len(lines) - 2 or (index == len(lines) - 2 and not omit_trailing_br):
            result.append(Element("br"))
    return result


def replace_abbreviations(state: KramdownState, el: Element) -> None:
    defs = state.root.options["abbrev_defs"]
    if not defs:
        return
    names = sorted(defs, key=len, reverse=True)
    union = "|".join(re.escape(k) for k in names)
    any_re = re.compile(union)
    _replace_abbrevs(el, any_re, re.compile(union), _abbrev_finder(union))


def _abbrev_finder(union: str) -> Callable[[Scanner], bool]:
    """Advance to the next abbreviation standing on word boundaries.

    Ruby's scanner lets ``^`` match at the cursor itself, so an abbreviation
    right after the previous one counts as at a line start; emulated here.
    """
    at_cursor = re.compile(rf"(?:{union})(?![a-zA-Z0-9_])")
    ahead = re.compile(rf"(?=(?:[^a-zA-Z0-9_]|^)(?:{union})(?![a-zA-Z0-9_]))", re.M)

    def advance(scanner: Scanner) -> bool:
        if at_cursor.match(scanner.string, scanner.pos):
            return True
        return ahead.search(scanner.string, scanner.pos) is not None and bool(
            scanner.scan_until(ahead) is not None
        )

    return advance


def _replace_abbrevs(
    el: Element,
    any_re: re.Pattern[str],
    abbr_re: re.Pattern[str],
    advance: Callable[[Scanner], bool],
) -> None:
    children: list[Element] = []
    for child in el.children:
        if child.type == "text" and el.options.get("content_model") != "raw":
            if not any_re.search(child.value):
                children.append(child)
                continue
            scanner = Scanner(child.value)
            while True:
                start = scanner.pos
                if not advance(scanner):
                    break
                temp = scanner.string[start : scanner.pos]
                abbr = scanner.scan(abbr_re)
                if abbr is None:
                    temp += scanner.getch()
                    abbr = scanner.scan(abbr_re)
                if abbr is None:
                    scanner.pos = start
                    break
                children.append(Element("text", temp))
                children.append(Element("abbreviation", abbr))
            children.append(Element("text", scanner.rest()))
        else:
            _replace_abbrevs(child, any_re, abbr_re, advance)
            children.append(child)
    el.children = children
