"""The element tree, the string scanner and the parsing state shared by all rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import mistune

from . import patterns as P

BLOCK_TYPES = frozenset(
    [
        "blank",
        "p",
        "header",
        "blockquote",
        "codeblock",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "td",
        "hr",
    ]
)
SPAN_TYPES = frozenset(
    [
        "text",
        "a",
        "br",
        "img",
        "codespan",
        "footnote",
        "em",
        "strong",
        "entity",
        "typographic_sym",
        "smart_quote",
        "abbreviation",
    ]
)


@dataclass(eq=False, slots=True, init=False)
class Element:
    """One node of kramdown's tree: ``value``, HTML ``attr`` and parser ``options``."""

    type: str
    value: Any = None
    attr: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    children: list[Element] = field(default_factory=list)

    def __init__(
        self,
        type: str,
        value: Any = None,
        attr: dict[str, Any] | None = None,
        options: dict[str, Any] | None = None,
        children: list[Element] | None = None,
    ) -> None:
        # Written out: a tree has tens of thousands of these, and literals beat
        # the generated default factories.
        self.type = type
        self.value = value
        self.attr = {} if attr is None else attr
        self.options = {} if options is None else options
        self.children = [] if children is None else children

    def category(self) -> str | None:
        if self.type in BLOCK_TYPES:
            return "block"
        if self.type in SPAN_TYPES:
            return "span"
        cat = self.options.get("category")
        return cat if isinstance(cat, str) else None

    def is_block(self) -> bool:
        return self.category() == "block"

    def deep_copy(self) -> Element:
        return Element(
            self.type,
            self.value,
            dict(self.attr),
            dict(self.options),
            [c.deep_copy() for c in self.children],
        )


class ShiftedMatch:
    """A match made on ``string[offset:]``, reporting positions in the whole string."""

    __slots__ = ("_m", "_offset")

    def __init__(self, m: re.Match[str], offset: int) -> None:
        self._m = m
        self._offset = offset

    def group(self, *index: int | str) -> Any:
        return self._m.group(*index)

    def groups(self) -> tuple[Any, ...]:
        return self._m.groups()

    def start(self, index: int | str = 0) -> int:
        return self._m.start(index) + self._offset

    def end(self, index: int | str = 0) -> int:
        return self._m.end(index) + self._offset

    @property
    def lastgroup(self) -> str | None:
        return self._m.lastgroup


@lru_cache(maxsize=1024)
def _needs_slice(regex: re.Pattern[str]) -> bool:
    """Whether the pattern tells "the cursor" from "a line start" (``^``, ``\\A``, lookbehinds)."""
    pattern = regex.pattern
    i, in_class, n = 0, False, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if not in_class and pattern[i + 1 : i + 2] == "A":
                return True
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            if pattern[i : i + 1] == "]":
                i += 1
            continue
        elif ch == "^" or pattern.startswith("(?<=", i) or pattern.startswith("(?<!", i):
            return True
        i += 1
    return False


class Scanner:
    """A cursor over a string, in the manner of Ruby's StringScanner.

    Ruby matches at the cursor as if the text began there: ``^`` and ``\\A``
    match at the cursor even mid-line and lookbehinds cannot see before it.
    Python only does that at line starts, so mid-line matches of patterns
    that care are made on the remaining text (sliced once per position).
    """

    __slots__ = ("_closers", "_slice", "_slice_pos", "budget", "m", "pos", "string")

    def __init__(self, string: str) -> None:
        self.string = string
        # Span parsing steps allowed before nested constructs are no longer
        # tried: kramdown re-parses failed links/emphasis, which is quadratic
        # or worse on adversarial text; real text stays far below this.
        self.budget = 6 * len(string) + 1024
        self._closers: dict[str, int] = {}
        self.pos = 0
        self.m: Any = None
        self._slice_pos = -1
        self._slice = ""

    def _mid_line(self) -> bool:
        pos = self.pos
        return pos > 0 and self.string[pos - 1] != "\n"

    def _rest_slice(self) -> str:
        if self._slice_pos != self.pos:
            self._slice_pos = self.pos
            self._slice = self.string[self.pos :]
        return self._slice

    def _match(self, regex: re.Pattern[str]) -> Any:
        pos = self.pos
        if pos and self.string[pos - 1] != "\n" and _needs_slice(regex):
            m = regex.match(self._rest_slice())
            return ShiftedMatch(m, self.pos) if m is not None else None
        return regex.match(self.string, self.pos)

    def last_closer(self, delim: str) -> int:
        """Last position of ``delim`` not preceded by whitespace (-1 if none).

        Lets emphasis give up at once when no closing delimiter can follow,
        which keeps long runs of unmatched delimiters linear.
        """
        found = self._closers.get(delim)
        if found is None:
            string = self.string
            found = string.rfind(delim)
            while found > 0 and string[found - 1] in " \t\n\r\f\v":
                found = string.rfind(delim, 0, found + len(delim) - 1)
            self._closers[delim] = found
        return found

    def last_index(self, text: str) -> int:
        """``string.rfind(text)``, cached: a cheap "can a closer still follow?" test."""
        key = "\0" + text
        found = self._closers.get(key)
        if found is None:
            found = self._closers[key] = self.string.rfind(text)
        return found

    def eos(self) -> bool:
        return self.pos >= len(self.string)

    def check(self, regex: re.Pattern[str]) -> Any:
        self.m = self._match(regex)
        return self.m

    def scan(self, regex: re.Pattern[str]) -> str | None:
        m = self.m = self._match(regex)
        if m is None:
            return None
        self.pos = m.end()
        return str(m.group(0))

    def scan_until(self, regex: re.Pattern[str]) -> str | None:
        if self._mid_line() and _needs_slice(regex):
            found = regex.search(self._rest_slice())
            m: Any = ShiftedMatch(found, self.pos) if found is not None else None
        else:
            m = regex.search(self.string, self.pos)
        self.m = m
        if m is None:
            return None
        start, self.pos = self.pos, m.end()
        return self.string[start : self.pos]

    def group(self, index: int | str) -> Any:
        return self.m.group(index) if self.m is not None else None

    @property
    def matched(self) -> str:
        return str(self.m.group(0)) if self.m is not None else ""

    def pre_match(self) -> str:
        return self.string[: self.m.start()] if self.m is not None else ""

    def getch(self) -> str:
        ch = self.string[self.pos : self.pos + 1]
        self.pos += len(ch)
        return ch

    def rest(self) -> str:
        return self.string[self.pos :]

    def terminate(self) -> None:
        self.pos = len(self.string)


# Deeper nesting than this (blocks and spans together) is kept as text:
# kramdown recurses without bound, Python's stack does not.
MAX_NESTING = 40


class StopBlockParsing(Exception):
    """A block HTML end tag closes the element being parsed (kramdown's throw)."""


class KramdownState(mistune.BlockState):
    """Everything kramdown keeps on its parser object while parsing one document."""

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__()
        self.options = options
        self.root = Element("root", options={"abbrev_defs": {}, "abbrev_attr": {}})
        self.tree: Element | None = self.root
        self.scanner = Scanner("")
        self.block_ial: dict[str, Any] | None = None
        self.stack: list[Any] = []
        self.text_type: str | None = "raw_text"
        self.alds: dict[str, dict[str, Any]] = {}
        self.footnotes: dict[str, dict[str, Any]] = {}
        self.link_defs: dict[str, list[Any]] = {}
        self.id_counter: dict[str, int] = {}
        self.nesting = 0

    # -- environment handling as kramdown's save_env/restore_env/reset_env
    def save_env(self) -> tuple[Any, ...]:
        return (self.scanner, self.tree, self.block_ial, self.stack, self.text_type)

    def restore_env(self, env: tuple[Any, ...]) -> None:
        self.scanner, self.tree, self.block_ial, self.stack, self.text_type = env

    def reset_env(
        self, src: Scanner, text_type: str | None = "raw_text", tree: Element | None = None
    ) -> None:
        self.scanner = src
        self.tree = tree
        self.block_ial = None
        self.stack = []
        self.text_type = text_type

    # -- tree helpers
    def add_text(self, text: str, tree: Element | None = None, ttype: str | None = None) -> None:
        tree = tree if tree is not None else self.tree
        assert tree is not None
        ttype = ttype if ttype is not None else self.text_type
        last = tree.children[-1] if tree.children else None
        if last is not None and last.type == ttype:
            last.value += text
        elif text:
            tree.children.append(Element(ttype or "text", text))

    def new_block_el(self, etype: str, value: Any = None, **options: Any) -> Element:
        el = Element(etype, value, options=options)
        if self.block_ial is not None:
            el.options["ial"] = self.block_ial
            self.block_ial = None
        return el

    def after_block_boundary(self) -> bool:
        assert self.tree is not None
        last = self.tree.children[-1] if self.tree.children else None
        return (
            last is None
            or last.type == "blank"
            or (last.type == "eob" and last.value is None)
            or bool(self.block_ial)
        )

    def before_block_boundary(self) -> bool:
        return self.scanner.check(P.BLOCK_BOUNDARY) is not None

    # -- attribute lists
    def parse_attribute_list(self, text: str, opts: dict[str, Any]) -> None:
        stripped = text.strip()
        if not stripped or stripped == ":":
            return
        for key, sep, val, ref, id_and_or_class, _i, _c in P.ALD_TYPE_ANY.findall(text):
            if ref:
                opts.setdefault(":refs", []).append(ref)
            elif id_and_or_class:
                for id_attr, class_attr in P.ALD_TYPE_ID_OR_CLASS.findall(id_and_or_class):
                    if class_attr:
                        opts["class"] = f"{opts.get('class') or ''} {class_attr}".lstrip()
                    else:
                        opts["id"] = id_attr
            else:
                opts[key] = re.sub(r"\\(\}|" + re.escape(sep) + ")", r"\1", val)

    @staticmethod
    def update_ial_with_ial(ial: dict[str, Any], opts: dict[str, Any]) -> None:
        if ":refs" in opts:
            ial.setdefault(":refs", []).extend(opts[":refs"])
        for key, value in opts.items():
            if key == "class":
                ial[key] = f"{ial.get(key) or ''} {value}".lstrip()
            elif key != ":refs":
                ial[key] = value

    def update_attr_with_ial(self, attr: dict[str, Any], ial: dict[str, Any]) -> None:
        for ref in ial.get(":refs") or ():
            ald = self.alds.get(ref)
            if ald is not None:
                self.update_attr_with_ial(attr, ald)
        for key, value in ial.items():
            if key == "class":
                attr[key] = f"{attr.get(key) or ''} {value}".lstrip()
            elif key != ":refs":
                attr[key] = value


def normalize_link_id(link_id: str) -> str:
    return re.sub(r"[ \t\n\r\f\v]+", " ", link_id).lower()
