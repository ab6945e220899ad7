"""kramdown's block-level grammar (GFM flavour) as a mistune block parser.

Unlike CommonMark, kramdown tries its block rules one after another at the
start of each line, in a fixed priority order, and the first rule whose
start pattern matches *and* which accepts the text wins. The rules are
registered with mistune's rule registry; ``parse_blocks`` is kramdown's loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

import mistune

from . import patterns as P
from .core import (
    MAX_NESTING,
    Element,
    KramdownState,
    Scanner,
    StopBlockParsing,
    normalize_link_id,
)

if TYPE_CHECKING:
    from .spans import KramdownInlineParser

RSTRIP_CHARS = " \t\n\v\f\r\0"
LSTRIP_CHARS = " \t\n\v\f\r"
MARKDOWN_ATTR_MAP = {"0": "raw", "1": "default", "span": "span", "block": "block"}
_TASK_UNCHECKED = re.compile(r"\A[ \t\n\r\f\v]*\[ \][ \t\n\r\f\v]+")
_TASK_CHECKED = re.compile(r"\A[ \t\n\r\f\v]*\[[xX]\][ \t\n\r\f\v]+")
BOX_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
BOX_CHECKED = (
    '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" '
    'checked="checked" />'
)

BlockRule = Callable[["KramdownBlockParser", "re.Match[str]", mistune.BlockState], "int | None"]

# (rule name, start regexp) in kramdown's priority order, GFM substitutions applied.
BLOCK_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("blank_line", P.BLANK_LINE),
    ("codeblock", P.INDENT),
    ("codeblock_fenced", P.FENCED_CODEBLOCK_START),
    ("blockquote", P.BLOCKQUOTE_START),
    ("atx_header", P.ATX_HEADER_START),
    ("horizontal_rule", P.HR_START),
    ("list", P.LIST_START),
    ("definition_list", P.DEFINITION_LIST_START),
    ("block_html", P.HTML_BLOCK_START),
    ("setext_header", P.SETEXT_HEADER_START),
    ("block_math", P.BLOCK_MATH_START),
    ("table", P.TABLE_START),
    ("footnote_definition", P.FOOTNOTE_DEFINITION_START),
    ("link_definition", P.LINK_DEFINITION_START),
    ("abbrev_definition", P.ABBREV_DEFINITION_START),
    ("block_extensions", P.BLOCK_EXTENSIONS_START),
    ("eob_marker", P.EOB_MARKER),
    ("paragraph", P.PARAGRAPH_START),
)


def rstrip(text: str) -> str:
    return text.rstrip(RSTRIP_CHARS)


class KramdownBlockParser(mistune.BlockParser):
    """Block rules registered with mistune, driven in kramdown's order."""

    def __init__(self, inline: KramdownInlineParser) -> None:
        super().__init__()
        self.inline = inline
        self._starts: dict[str, re.Pattern[str]] = {}
        # What registering each rule with mistune's ``register`` sets, in one go
        # (a parser is made per document).
        self.rules = [name for name, _start in BLOCK_RULES]
        self.specification = {name: start.pattern for name, start in BLOCK_RULES}
        self._starts = dict(BLOCK_RULES)
        self._methods = {name: partial(_BLOCK_ADAPTERS[name], self) for name in self.rules}

    # -- the loop
    def parse(self, state: mistune.BlockState, rules: list[str] | None = None) -> None:
        assert isinstance(state, KramdownState)
        self.parse_blocks(state, state.root, state.src)

    def parse_blocks(self, state: KramdownState, el: Element, text: str | None = None) -> bool:
        """Parse lines into ``el`` until the text ends (False) or an end tag closes it (True).

        Each rule is tried in order where its start pattern matches; the first
        that accepts (returns the new cursor, as mistune rules do) wins.
        """
        if state.nesting >= MAX_NESTING:
            self._too_deep(state, el, text)
            return False
        saved = (state.tree, state.scanner, state.block_ial)
        state.tree, state.block_ial = el, None
        if text is not None:
            state.scanner = Scanner(text)
        src = state.scanner
        string = src.string
        end = len(string)
        found = False
        rules = tuple(self.rules)
        state.nesting += 1
        try:
            while src.pos < end:
                pos = src.pos
                # Only the rules that can start with what the line starts with.
                spaces = 0
                while spaces < 4 and string.startswith(" ", pos + spaces):
                    spaces += 1
                char = string[pos + spaces : pos + spaces + 1] if spaces < 4 else " "
                # At a line start the scanner's check is a plain match (no slicing).
                line_start = pos == 0 or string[pos - 1] == "\n"
                eol = -1
                for start, func, line_test in _block_order(rules, spaces, char):
                    if line_test is not None:
                        if eol < 0:
                            eol = string.find("\n", pos)
                            if eol < 0:
                                eol = end
                        if not line_test(string, pos, eol):
                            continue
                    if isinstance(func, str):  # registered from outside
                        m = src.check(self._starts[func])
                        if m is not None and self._methods[func](m, state) is not None:
                            break
                        continue
                    if line_start and src.pos == pos:  # (a declining rule may have moved)
                        m = src.m = start.match(string, pos)
                    else:
                        m = src.check(start)
                    if m is not None and func(self, m, state):
                        break
                else:
                    state.add_text(src.scan(P.ANY_LINE) or src.getch())
        except StopBlockParsing:
            found = True
        finally:
            state.nesting -= 1
        state.tree, state.scanner, state.block_ial = saved
        return found

    @staticmethod
    def _too_deep(state: KramdownState, el: Element, text: str | None) -> None:
        """Beyond the nesting limit the rest of the text becomes one paragraph."""
        if text is None:
            text = state.scanner.rest()
            state.scanner.terminate()
        text = text.strip(LSTRIP_CHARS)
        if text:
            el.children.append(Element("p", children=[Element("raw_text", text)]))

    # -- simple blocks
    def rule_blank_line(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        state.scanner.pos = m.end()
        children = state.tree.children
        if children and children[-1].type == "blank":
            children[-1].value += m.group(0)
        else:
            children.append(state.new_block_el("blank", m.group(0)))
        return True

    def rule_eob_marker(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        state.scanner.pos = m.end()
        state.tree.children.append(state.new_block_el("eob"))
        return True

    def rule_horizontal_rule(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        state.scanner.pos = m.end()
        state.tree.children.append(state.new_block_el("hr"))
        return True

    def rule_codeblock(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        data = state.scanner.scan(P.CODEBLOCK_MATCH) or ""
        data = re.sub(r"\n( {0,3}[^ \t\n\r\f\v])", r" \1", data)
        data = P.INDENT.sub("", data)
        state.tree.children.append(state.new_block_el("codeblock", data))
        return True

    def rule_codeblock_fenced(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        line_end = src.string.find("\n", src.pos)
        if line_end < 0 or _FENCE_LINE.search(src.string, line_end) is None:
            return False  # no closing fence can follow (and the regexp is slow to say so)
        fm = src.check(P.FENCED_CODEBLOCK_MATCH)
        if fm is None:
            return False
        state.scanner.pos = fm.end()
        el = state.new_block_el("codeblock", fm.group(5), fenced=True)
        lang = (fm.group(3) or "").strip(LSTRIP_CHARS + "\0")
        if lang:
            el.options["lang"] = lang
            el.attr["class"] = f"language-{fm.group(4)}"
        state.tree.children.append(el)
        return True

    def rule_blockquote(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        result = src.scan(P.PARAGRAPH_MATCH) or ""
        while src.check(P.LAZY_END) is None:
            line = src.scan(P.PARAGRAPH_MATCH)
            if line is None:
                break
            result += line
        result = P.BLOCKQUOTE_START.sub("", result)
        el = state.new_block_el("blockquote")
        state.tree.children.append(el)
        self.parse_blocks(state, el, result)
        return True

    # -- headers
    def _header_contents(self, m: re.Match[str]) -> tuple[str, str | None]:
        text = rstrip(m.group("contents"))
        id_match = P.header_id().search(text) if "{#" in text else None
        ident = None
        if id_match:
            ident = id_match.group("id")
            text = rstrip(text[: id_match.start()])
        return text, ident

    def _add_header(
        self, state: KramdownState, m: re.Match[str], level: int, text: str, ident: str | None
    ) -> None:
        assert state.tree is not None
        state.scanner.pos = m.end()
        el = state.new_block_el("header", level=level, raw_text=text)
        state.add_text(text, el)
        if ident:
            el.attr["id"] = ident
        state.tree.children.append(el)

    def rule_atx_header(self, m: re.Match[str], state: KramdownState) -> bool:
        if "paragraph_end" not in state.options["gfm_quirks"] and not state.after_block_boundary():
            return False
        text, ident = self._header_contents(m)
        stripped = re.sub(r"[\t ]#+\Z", "", text, count=1)
        if stripped != text:
            text = rstrip(stripped)
        if not text:
            return False
        self._add_header(state, m, len(m.group("level")), text, ident)
        return True

    def rule_setext_header(self, m: re.Match[str], state: KramdownState) -> bool:
        if not state.after_block_boundary():
            return False
        text, ident = self._header_contents(m)
        if not text:
            return False
        self._add_header(state, m, 2 if m.group("level") == "-" else 1, text, ident)
        return True

    # -- paragraphs
    def rule_paragraph(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        pos = src.pos
        result = src.scan(P.PARAGRAPH_MATCH) or src.getch()
        end_re = P.PARAGRAPH_END_GFM if "paragraph_end" in state.options["gfm_quirks"] else None
        while src.check(end_re or _PARAGRAPH_END) is None:
            line = src.scan(P.PARAGRAPH_MATCH)
            if line is None:
                break
            result += line
        result = rstrip(result)
        children = state.tree.children
        if children and children[-1].type == "p":
            last = children[-1]
            last_item = last.children[-1] if last.children else None
            if last_item is not None and last_item.type == state.text_type:
                joiner = "  \n" if src.string[max(pos - 3, 0) : pos] == "  \n" else "\n"
                last_item.value += joiner + result
            else:
                state.add_text(result, last)
        else:
            para = state.new_block_el("p")
            children.append(para)
            state.add_text(result.lstrip(LSTRIP_CHARS), para)
        return True

    # -- lists
    @staticmethod
    def _first_list_line(
        indentation: int, content: str
    ) -> tuple[str, int, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        if P.LIST_ITEM_IAL_CHECK.search(content):
            indentation = 4
        else:
            while re.search(r"^ *\t", content, re.M):
                temp = len(re.match(r" *", content).group(0)) + indentation  # type: ignore[union-attr]

                def expand(mt: re.Match[str], temp: int = temp) -> str:
                    tabs = len(mt.group(2))
                    return mt.group(1) + " " * (4 - (temp % 4) + (tabs - 1) * 4)

                content = re.sub(r"^( *)(\t+)", expand, content, count=1, flags=re.M)
            indentation += len(re.match(r" *", content).group(0))  # type: ignore[union-attr]
        content = re.sub(r"^[ \t\n\r\f\v]*", "", content, count=1)
        return (content, indentation, *P.list_item_patterns(indentation))

    def _item_ial(self, state: KramdownState, item: Element, value: str) -> str:
        def take(mt: re.Match[str]) -> str:
            state.parse_attribute_list(mt.group(1), _ial_of(item))
            return ""

        return P.LIST_ITEM_IAL.sub(take, value, count=1)

    def rule_list(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        if src.check(P.LIST_START_UL):
            kind, marker_re = "ul", P.LIST_START_UL
        else:
            kind, marker_re = "ol", P.LIST_START_OL
        lst = state.new_block_el(kind)
        item: Element | None = None
        values: list[list[str]] = []
        content_re = lazy_re = indent_re = P.LIST_START_UL
        indentation = 0
        eob_found = nested_list_found = last_is_blank = False
        while not src.eos():
            if last_is_blank and src.check(P.HR_START):
                break
            if src.scan(P.EOB_MARKER) is not None:
                eob_found = True
                break
            if src.scan(marker_re) is not None:
                lst.options.setdefault("first_list_marker", src.group(1).strip())
                item = Element("li")
                value, indentation, content_re, lazy_re, indent_re = self._first_list_line(
                    len(src.group(1)), src.group(2)
                )
                lst.children.append(item)
                value = self._item_ial(state, item, value)
                marker_re = P.list_marker_re(kind, indentation)
                nested_list_found = P.LIST_START.search(value) is not None
                last_is_blank = False
                values.append([value])
                continue
            result = src.scan(content_re)
            if result is None and not last_is_blank:
                result = src.scan(lazy_re)
            if result is not None and item is not None:
                result = re.sub(r"^(\t+)", lambda t: " " * 4 * len(t.group(1)), result, count=1)
                indentation_found = indent_re.search(result) is not None
                result = indent_re.sub("", result, count=1)
                if not nested_list_found and indentation_found and P.LIST_START.search(result):
                    values[-1].append("")
                    nested_list_found = True
                elif nested_list_found and not indentation_found and P.LIST_START.search(result):
                    result = " " * (indentation + 4) + result
                values[-1][-1] += result
                last_is_blank = False
                continue
            blank = src.scan(P.BLANK_LINE)
            if blank is not None and item is not None:
                nested_list_found = True
                last_is_blank = True
                values[-1][-1] += blank
                continue
            break

        state.tree.children.append(lst)
        last: Element | None = None
        for it, parts in zip(lst.children, values, strict=True):
            temp = Element("temp")
            env = state.save_env()
            for part in parts:
                state.scanner = Scanner(part)
                self.parse_blocks(state, temp)
            state.restore_env(env)
            it.children = temp.children
            kids = it.children
            if not kids:
                continue
            if (
                kids[0].type == "p"
                and len(kids) >= 2
                and kids[1].type == "eob"
                and kids[0].options.get("ial")
            ):
                del kids[1]
            if (
                kids[0].type == "p"
                and (
                    len(kids) < 2
                    or kids[1].type != "blank"
                    or (it is lst.children[-1] and len(kids) == 2 and not eob_found)
                )
                and (
                    lst.children[-1] is not it
                    or len(lst.children) == 1
                    or any(
                        not c.children
                        or c.children[0].type != "p"
                        or c.children[0].options.get("transparent")
                        for c in lst.children[:-1]
                    )
                )
            ):
                if len(kids) > 1 and kids[1].type != "blank" and kids[0].children:
                    kids[0].children[0].value += "\n"
                kids[0].options["transparent"] = True
            last = kids.pop() if kids[-1].type == "blank" else None
        if last is not None and not eob_found:
            state.tree.children.append(last)
        self._task_list(lst)
        return True

    @staticmethod
    def _task_list(lst: Element) -> None:
        """kramdown-parser-gfm turns ``[ ]``/``[x]`` at an item's start into checkboxes."""
        is_tasklist = False
        for li in lst.children:
            if not li.children or li.children[0].type != "p" or not li.children[0].children:
                continue
            first = li.children[0].children[0]
            value, n1 = _TASK_UNCHECKED.subn(BOX_UNCHECKED, first.value, count=1)
            value, n2 = _TASK_CHECKED.subn(BOX_CHECKED, value, count=1)
            first.value = value
            is_tasklist = is_tasklist or bool(n1 or n2)
            if is_tasklist:
                li.attr["class"] = "task-list-item"
        if is_tasklist:
            lst.attr["class"] = "task-list"

    def rule_definition_list(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        children = state.tree.children
        if (
            not children
            or (len(children) == 1 and children[-1].type != "p")
            or (
                len(children) >= 2
                and children[-1].type != "p"
                and (
                    children[-1].type != "blank"
                    or children[-1].value != "\n"
                    or children[-2].type != "p"
                )
            )
        ):
            return False
        first_as_para = False
        deflist = state.new_block_el("dl")
        para = children.pop()
        if para.type == "blank":
            para = children.pop()
            first_as_para = True
        terms = para.children[0].value.split("\n") if para.children else []
        while terms and not terms[-1]:
            terms.pop()
        for term in terms:
            dt = Element("dt")
            term = self._item_ial(state, dt, term)
            dt.options["raw_text"] = term
            dt.children.append(Element("raw_text", term))
            deflist.children.append(dt)
        deflist.options["ial"] = para.options.get("ial")

        item: Element | None = None
        values: dict[int, list[str]] = {}
        content_re = lazy_re = indent_re = P.LIST_START_UL
        def_start_re = P.DEFINITION_LIST_START
        last_is_blank = False
        while not src.eos():
            if src.scan(def_start_re) is not None:
                item = Element("dd", options={"first_as_para": first_as_para})
                value, indentation, content_re, lazy_re, indent_re = self._first_list_line(
                    len(src.group(1)), src.group(2)
                )
                deflist.children.append(item)
                values[id(item)] = [self._item_ial(state, item, value)]
                def_start_re = P.list_marker_re("dl", indentation)
                first_as_para = last_is_blank = False
                continue
            if src.check(P.EOB_MARKER):
                break
            result = src.scan(content_re)
            if result is None and not last_is_blank:
                result = src.scan(lazy_re)
            if result is not None and item is not None:
                result = re.sub(r"^(\t+)", lambda t: " " * 4 * len(t.group(1)), result, count=1)
                values[id(item)].append(indent_re.sub("", result, count=1))
                first_as_para = last_is_blank = False
                continue
            blank = src.scan(P.BLANK_LINE)
            if blank is not None and item is not None:
                first_as_para = True
                values[id(item)].append(blank)
                last_is_blank = True
                continue
            break

        last: Element | None = None
        for it in deflist.children:
            if it.type == "dt":
                continue
            self.parse_blocks(state, it, "".join(values.get(id(it), [])))
            kids = it.children
            if not kids:
                continue
            last = kids.pop() if kids[-1].type == "blank" else None
            fap = it.options.pop("first_as_para", False)
            if kids and kids[0].type == "p" and not fap:
                if len(kids) > 1 and kids[0].children:
                    kids[0].children[0].value += "\n"
                kids[0].options["transparent"] = True
        children = state.tree.children
        if children and children[-1].type == "dl":
            children[-1].children.extend(deflist.children)
        elif len(children) >= 2 and children[-1].type == "blank" and children[-2].type == "dl":
            children.pop()
            children[-1].children.extend(deflist.children)
        else:
            children.append(deflist)
        if last is not None:
            children.append(last)
        return True

    # -- math, tables, definitions
    def rule_block_math(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        if not state.after_block_boundary():
            return False
        if m.group(1):
            if m.group(3):
                src.scan(re.compile(r" {0,3}\\"))
            return False
        saved = src.pos
        src.pos = m.end()
        data = m.group(2).strip(LSTRIP_CHARS + "\0")
        if state.before_block_boundary():
            state.tree.children.append(state.new_block_el("math", data, category="block"))
            return True
        src.pos = saved
        return False

    def rule_table(self, m: re.Match[str], state: KramdownState) -> bool:
        if not state.after_block_boundary():
            return False
        from .tables import parse_table

        return parse_table(self, state)

    def rule_link_definition(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        if m.group(3) and re.search(r"[ \t]+[\"']", m.group(3)):
            return False
        state.scanner.pos = m.end()
        link_id = normalize_link_id(m.group(1))
        url = m.group(2) if m.group(2) is not None else m.group(3)
        eob = state.new_block_el("eob", "link_def")
        state.tree.children.append(eob)
        state.link_defs[link_id] = [url, m.group(5), eob]
        return True

    def rule_footnote_definition(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        state.scanner.pos = m.end()
        name, body = m.group(1), m.group(2)
        el = Element("footnote_def")
        self.parse_blocks(state, el, P.INDENT.sub("", body))
        eob = state.new_block_el("eob", "footnote_def")
        state.tree.children.append(eob)
        state.footnotes[name] = {"content": el, "eob": eob}
        return True

    def rule_abbrev_definition(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        state.scanner.pos = m.end()
        abbrev_id, text = m.group(1), m.group(2).strip(LSTRIP_CHARS + "\0")
        eob = state.new_block_el("eob", "abbrev_def")
        state.tree.children.append(eob)
        state.root.options["abbrev_defs"][abbrev_id] = text
        state.root.options["abbrev_attr"][abbrev_id] = eob
        return True

    # -- extensions
    def rule_block_extensions(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        if src.last_index("}") < src.pos:
            return False
        if src.scan(P.ALD_START) is not None:
            state.parse_attribute_list(src.group(2), state.alds.setdefault(src.group(1), {}))
            state.tree.children.append(state.new_block_el("eob", "ald"))
            return True
        if src.check(P.EXT_BLOCK_START):
            return self.inline.parse_extension_start_tag(state, "block")
        if src.scan(P.IAL_BLOCK_START) is not None:
            text = src.group(1)
            children = state.tree.children
            last = children[-1] if children else None
            if (
                last is not None
                and last.type != "blank"
                and (last.type != "eob" or last.value in ("link_def", "abbrev_def", "footnote_def"))
            ):
                state.parse_attribute_list(text, _ial_of(last))
                if not src.check(P.IAL_BLOCK_START):
                    children.append(state.new_block_el("eob", "ial"))
            else:
                if state.block_ial is None:
                    state.block_ial = {}
                state.parse_attribute_list(text, state.block_ial)
            return True
        return False

    # -- HTML
    def rule_block_html(self, m: re.Match[str], state: KramdownState) -> bool:
        assert state.tree is not None
        src = state.scanner
        comment = src.scan(P.HTML_COMMENT_RE) if src.last_index("-->") > src.pos else None
        if comment is not None:
            state.tree.children.append(
                Element("xml_comment", comment, options={"category": "block"})
            )
            src.scan(P.TRAILING_WHITESPACE)
            return True
        tm = src.check(P.HTML_BLOCK_TAG)
        if tm is not None and tm.group("tag").lower() not in P.HTML_SPAN_ELEMENTS:
            src.pos = tm.end()
            self.handle_html_start_tag(state, tm, self.handle_kramdown_html_tag)
            return True
        cm = src.check(P.HTML_BLOCK_TAG_CLOSE)
        if cm is not None and cm.group(1).lower() not in P.HTML_SPAN_ELEMENTS:
            name = cm.group(1).lower()
            if state.tree.type == "html_element" and state.tree.value == name:
                src.pos = cm.end()
                raise StopBlockParsing
        return False

    def handle_html_start_tag(
        self,
        state: KramdownState,
        tm: re.Match[str],
        handler: Callable[[KramdownState, Element, bool, bool], None],
    ) -> None:
        assert state.tree is not None
        name = tm.group("tag")
        if name.lower() in P.HTML_ELEMENT:
            name = name.lower()
        closed = tm.group("closed") is not None
        attrs = parse_html_attributes(tm.group("attrs") or "", name in P.HTML_ELEMENT)
        el = Element("html_element", name, attrs, {"category": "block"})
        state.tree.children.append(el)
        if not closed and name in P.HTML_ELEMENTS_WITHOUT_BODY:
            closed = True
        if name in ("script", "style"):
            self.handle_raw_html_tag(state, name)
            handler(state, el, False, False)
        else:
            handler(state, el, closed, True)

    def handle_kramdown_html_tag(
        self, state: KramdownState, el: Element, closed: bool, handle_body: bool
    ) -> None:
        assert state.tree is not None
        src = state.scanner
        if state.block_ial is not None:
            el.options["ial"] = state.block_ial
            state.block_ial = None
        tree = state.tree
        in_raw = tree.type == "html_element" and tree.options.get("content_model") == "raw"
        if not in_raw:
            model = P.content_model(el.value) if state.options["parse_block_html"] else "raw"
        else:
            model = "raw"
        val = MARKDOWN_ATTR_MAP.get(el.attr.pop("markdown", None) or "")
        if val:
            model = P.content_model(el.value) if val == "default" else val
        if model == "block":
            src.scan(P.TRAILING_WHITESPACE)
        el.options["content_model"] = model
        el.options["is_closed"] = closed
        if closed or not handle_body:
            return
        if model == "block":
            self.parse_blocks(state, el)
        elif model == "span":
            curpos = src.pos
            if src.scan_until(P.html_close_ahead(el.value)) is not None:
                state.add_text(src.string[curpos : src.pos], el)
                src.scan(P.HTML_TAG_CLOSE_RE)
            else:
                state.add_text(src.rest(), el)
                src.terminate()
        else:
            self.parse_raw_html_body(state, el, self.handle_kramdown_html_tag)
        tree = state.tree
        if not (tree.type == "html_element" and tree.options.get("content_model") == "raw"):
            src.scan(P.TRAILING_WHITESPACE)

    def handle_raw_html_tag(self, state: KramdownState, name: str) -> None:
        assert state.tree is not None
        src = state.scanner
        curpos = src.pos
        target = state.tree.children[-1]
        if src.scan_until(P.html_close_ahead(name)) is not None:
            state.add_text(src.string[curpos : src.pos], target, "raw")
            src.scan(P.HTML_TAG_CLOSE_RE)
        else:
            state.add_text(src.rest(), target, "raw")
            src.terminate()

    def parse_raw_html_body(
        self,
        state: KramdownState,
        el: Element,
        handler: Callable[[KramdownState, Element, bool, bool], None],
    ) -> None:
        src = state.scanner
        if state.nesting >= MAX_NESTING:
            state.add_text(src.rest(), el, "text")
            src.terminate()
            return
        state.nesting += 1
        state.stack.append(state.tree)
        state.tree = el
        done = False
        string = src.string
        while not src.eos() and not done:
            start = P.HTML_RAW_START.search(string, src.pos)
            if start is None:
                state.add_text(src.rest(), state.tree, "text")
                src.terminate()
                break
            state.add_text(string[src.pos : start.start()], state.tree, "text")
            src.pos = start.start()
            tree = state.tree
            # What follows "<" tells which one construct can match (a comment starts
            # "<!--", an instruction "<?", an end tag "</", a start tag a letter).
            after = string[src.pos + 1 : src.pos + 2]
            if after == "!":
                has_end = src.last_index("-->") > src.pos
                comment = src.scan(P.HTML_COMMENT_RE) if has_end else None
                if comment is not None:
                    tree.children.append(
                        Element("xml_comment", comment, options={"category": "block"}))
                    continue
            elif after == "?":
                pi = src.scan(P.HTML_INSTRUCTION_RE)
                if pi is not None:
                    tree.children.append(Element("xml_pi", pi, options={"category": "block"}))
                    continue
            elif after != "/":
                tm = src.check(P.HTML_TAG_RE)
                if tm is not None:
                    src.pos = tm.end()
                    self.handle_html_start_tag(state, tm, handler)
                    continue
            elif (cm := src.check(P.HTML_TAG_CLOSE_RE)) is not None:
                src.pos = cm.end()
                name = cm.group(1)
                wanted = name.lower() if tree.value in P.HTML_ELEMENT else name
                if tree.value == wanted:
                    done = True
                else:
                    state.add_text(cm.group(0), tree, "text")
                continue
            state.add_text(src.getch(), tree, "text")
        state.tree = state.stack.pop()
        state.nesting -= 1


def _ial_of(el: Element) -> dict[str, Any]:
    """``el.options[:ial] ||= {}``: a definition list can carry an IAL of None."""
    ial = el.options.get("ial")
    if ial is None:
        ial = el.options["ial"] = {}
    return ial


def parse_html_attributes(text: str, in_html_tag: bool) -> dict[str, Any]:
    if not text:
        return {}
    return dict(_html_attributes(text, in_html_tag))


@lru_cache(maxsize=4096)
def _html_attributes(text: str, in_html_tag: bool) -> tuple[tuple[str, str], ...]:
    """The attributes as pairs, kept per text: highlighted code brings the same few
    ``class="n"`` spans back thousands of times when its HTML is converted again."""
    attrs: dict[str, str] = {}
    for am in P.HTML_ATTRIBUTE_RE.finditer(text):
        name = am.group(1).lower() if in_html_tag else am.group(1)
        if am.group(2) is not None:
            attrs[name] = am.group(2)
        elif am.group(4) is not None:
            attrs[name] = am.group(4)
        else:
            attrs[name] = ""
    return tuple(attrs.items())


_SP = " \t\n\r\f\v"
# Whether a block rule's start regexp can match a line (or rest of a line)
# that begins with ``spaces`` spaces (4 meaning four or more) then ``char``.
_BLOCK_START_AT: dict[str, Callable[[int, str], bool]] = {
    "blank_line": lambda spaces, char: char in _SP,
    "codeblock": lambda spaces, char: spaces == 4 or (spaces == 0 and char == "\t"),
    "codeblock_fenced": lambda spaces, char: spaces < 4 and char in "~`",
    "blockquote": lambda spaces, char: spaces < 4 and char in ">",
    "atx_header": lambda spaces, char: spaces == 0 and char in "#",
    "horizontal_rule": lambda spaces, char: spaces < 4 and char in "*-_",
    "list": lambda spaces, char: spaces < 4 and char in "+*-0123456789",
    "definition_list": lambda spaces, char: spaces < 4 and char in ":",
    "block_html": lambda spaces, char: spaces < 4 and char in "<",
    "setext_header": lambda spaces, char: spaces < 4 and char not in " \t",
    "block_math": lambda spaces, char: spaces < 4 and char in "\\$",
    "table": lambda spaces, char: spaces < 4 and char not in _SP,
    "footnote_definition": lambda spaces, char: spaces < 4 and char in "[",
    "link_definition": lambda spaces, char: spaces < 4 and char in "[",
    "abbrev_definition": lambda spaces, char: spaces < 4 and char in "*",
    "block_extensions": lambda spaces, char: spaces < 4 and char in "{",
    "eob_marker": lambda spaces, char: spaces == 0 and char in "^",
    "paragraph": lambda spaces, char: spaces < 4 and char not in " \t",
}

# A cheap look at the line (text, cursor, end of line) that its start regexp
# needs to hold, tried first: tables need a pipe, setext headers an underline.
_BLOCK_LINE_NEEDS: dict[str, Callable[[str, int, int], bool]] = {
    "table": lambda string, pos, eol: string.find("|", pos, eol) >= 0,
    "setext_header": lambda string, pos, eol: string.startswith(("-", "="), eol + 1),
}
_Entry = tuple[
    "re.Pattern[str]",
    "Callable[[KramdownBlockParser, re.Match[str], KramdownState], bool] | str",
    "Callable[[str, int, int], bool] | None",
]


@lru_cache(maxsize=512)
def _block_order(rules: tuple[str, ...], spaces: int, char: str) -> tuple[_Entry, ...]:
    """The rules, in order, that may start after ``spaces`` spaces then ``char``.

    Rules registered from outside are always kept, by name.
    """
    order: list[_Entry] = []
    for name in rules:
        applies = _BLOCK_START_AT.get(name)
        if applies is None:
            order.append((_NEVER, name, None))
        elif applies(spaces, char):
            line_test = _BLOCK_LINE_NEEDS.get(name) if char != "\n" else None
            method = getattr(KramdownBlockParser, f"rule_{name}")
            order.append((_BLOCK_STARTS[name], method, line_test))
    return tuple(order)


_BLOCK_STARTS = dict(BLOCK_RULES)
_NEVER = re.compile(r"(?!)")  # in place of the start of a rule registered from outside
_FENCE_LINE = re.compile(r"\n {0,3}[~`]{3}")
_PARAGRAPH_END = P.rx(f"{P.g(P.LAZY_END_S)}|{P.g(P.DEFINITION_LIST_START_S)}")


def _rule_adapter(method: str) -> BlockRule:
    """A mistune rule function for one of our rule methods: new cursor, or None to decline."""

    def run(parser: KramdownBlockParser, m: re.Match[str], state: mistune.BlockState) -> int | None:
        assert isinstance(state, KramdownState)
        accepted: bool = getattr(parser, method)(m, state)
        return state.scanner.pos if accepted else None

    return run


_BLOCK_ADAPTERS: dict[str, BlockRule] = {
    name: _rule_adapter(f"rule_{name}") for name, _start in BLOCK_RULES
}


def register_block_rule(
    parser: KramdownBlockParser,
    name: str,
    start: re.Pattern[str],
    func: BlockRule,
    before: str | None = None,
) -> None:
    """Register a block rule with mistune, tried before ``before`` in kramdown's order."""
    parser.register(name, start.pattern, func, before=before)
    parser._starts[name] = start
