"""kramdown's pipe tables: rows split on unescaped pipes outside code spans."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P
from .core import Element, KramdownState, Scanner

if TYPE_CHECKING:
    from .blocks import KramdownBlockParser

_CODE_HTML = re.compile(r"(<code.*?>.*?</code>)")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_LEADING_PIPE = re.compile(r"^[ \t\n\r\f\v]*\|", re.M)
_TICKS = re.compile(r"`+")
_WS = " \t\n\v\f\r\0"


def _alignment(sep: str) -> list[str]:
    result = []
    for left, right in P.TABLE_HSEP_ALIGN.findall(sep):
        if not left and not right:
            result.append("default")
        elif not right:
            result.append("left")
        elif not left:
            result.append("right")
        else:
            result.append("center")
    return result


def _split_row(parser: KramdownBlockParser, state: KramdownState, line: str) -> list[str]:
    cells: list[str] = []

    def append(text: str) -> None:
        if cells:
            cells[-1] += text
        else:
            cells.append(text)

    env = state.save_env()
    for i, part in enumerate(_CODE_HTML.split(line)):
        if i % 2:
            append(part)
            continue
        state.reset_env(Scanner(part))
        root = Element("root")
        parser.inline.parse_spans(state, root, None, ["codespan"])
        for c in root.children:
            if c.type == "raw_text":
                first, *more = (t.replace("\\|", "|") for t in _PIPE_SPLIT.split(c.value))
                append(first)
                cells.extend(more)
            else:
                delim = max(_TICKS.findall(c.value), default="") + "`"
                pad = " " if len(delim) > 1 else ""
                append(f"{delim}{pad}{c.value}{pad}{delim}")
    state.restore_env(env)
    return cells


def parse_table(parser: KramdownBlockParser, state: KramdownState) -> bool:
    """Parse a table at the cursor, or leave the cursor alone and decline."""
    assert state.tree is not None
    src = state.scanner
    saved = orig_pos = src.pos
    table = state.new_block_el("table", alignment=[])
    line_m = src.check(P.TABLE_LINE)
    leading_pipe = bool(line_m and _LEADING_PIPE.search(line_m.group(0)))
    src.scan(P.TABLE_SEP_LINE)

    rows: list[Element] = []
    has_footer = False
    columns = 0

    def add_container(kind: str, force: bool) -> None:
        nonlocal rows
        if not has_footer or kind != "tbody" or force:
            table.children.append(Element(kind, children=rows))
            rows = []

    while not src.eos():
        if src.check(P.TABLE_LINE) is None:
            break
        if src.scan(P.TABLE_SEP_LINE) is not None:
            if not rows:
                pass
            elif not table.options["alignment"] and not has_footer:
                add_container("thead", False)
                table.options["alignment"] = _alignment(src.group(1))
            else:
                add_container("tbody", False)
        elif src.scan(P.TABLE_FSEP_LINE) is not None:
            if rows:
                add_container("tbody", True)
            has_footer = True
        elif src.scan(P.TABLE_ROW_LINE) is not None:
            cells = _split_row(parser, state, src.group(1))
            if leading_pipe and cells and not cells[0].strip(_WS):
                cells.pop(0)
            if cells and not cells[-1].strip(_WS):
                cells.pop()
            row = Element("tr")
            for text in cells:
                row.children.append(Element("td", children=[Element("raw_text", text.strip(_WS))]))
            columns = max(columns, len(cells))
            rows.append(row)
        else:
            break

    if not state.before_block_boundary():
        src.pos = saved
        return False

    # Every line needs an unescaped pipe outside code spans and code HTML.
    env = state.save_env()
    state.reset_env(Scanner(src.string[orig_pos : src.pos - 1]))
    root = Element("root")
    parser.inline.parse_spans(state, root, None, ["codespan", "span_html"])
    state.restore_env(env)
    pipe_on_line = False
    for c in root.children:
        if c.value is None:
            continue
        lines = str(c.value).split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        if c.type == "codespan":
            if len(lines) > 2 or (len(lines) == 2 and not pipe_on_line):
                break
            if len(lines) == 2 and pipe_on_line:
                pipe_on_line = False
        else:
            if len(lines) > 1 and not pipe_on_line and not P.TABLE_PIPE_CHECK.match(lines[0]):
                break
            last_pipe = bool(lines) and P.TABLE_PIPE_CHECK.match(lines[-1]) is not None
            pipe_on_line = (False if len(lines) > 1 else pipe_on_line) or last_pipe
    if not pipe_on_line:
        src.pos = saved
        return False

    if rows:
        add_container("tfoot" if has_footer else "tbody", False)
    if not any(c.type == "tbody" for c in table.children):
        src.pos = saved
        return False

    for section in table.children:
        for row in section.children:
            row.children.extend(Element("td") for _ in range(columns - len(row.children)))
    alignment = table.options["alignment"]
    if len(alignment) > columns:
        table.options["alignment"] = alignment[:columns]
    else:
        table.options["alignment"] = alignment + ["default"] * (columns - len(alignment))
    state.tree.children.append(table)
    return True
