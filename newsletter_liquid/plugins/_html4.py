"""The HTML round trip of Nokogiri 1.13 on libxml2 2.9.14, as html-pipeline filters make it.

A filter such as jekyll-mentions' parses a page body with libxml2's HTML 4 parser
(``Nokogiri::HTML::DocumentFragment.parse``) and writes it back with libxml2's HTML
serializer, so the page's markup changes even where nothing was mentioned: entities
become characters, ``<br />`` becomes ``<br>``, end tags are implied or dropped,
newlines are added around block elements, URL attributes are %-escaped. This module
reproduces that round trip; the rules and tables follow libxml2's HTMLparser.c and
HTMLtree.c (behaviour observed and checked against the real gems).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.entities import name2codepoint

__all__ = ["Element", "Node", "Text", "parse_fragment", "parse_in_context",
           "parse_under_element", "serialize"]


class Node:
    __slots__ = ("parent",)

    def __init__(self) -> None:
        self.parent: Element | None = None


class Text(Node):
    __slots__ = ("data",)

    def __init__(self, data: str) -> None:
        super().__init__()
        self.data = data


class Raw(Node):
    """Script or style content (libxml2's CDATA/"preserve" node): written as is."""

    __slots__ = ("data",)

    def __init__(self, data: str) -> None:
        super().__init__()
        self.data = data


class Comment(Node):
    __slots__ = ("data",)

    def __init__(self, data: str) -> None:
        super().__init__()
        self.data = data


class Instruction(Node):
    __slots__ = ("data", "target")

    def __init__(self, target: str, data: str | None) -> None:
        super().__init__()
        self.target = target
        self.data = data


class Element(Node):
    __slots__ = ("attrs", "children", "name")

    def __init__(self, name: str | None, attrs: list[tuple[str, str | None]] | None = None) -> None:
        super().__init__()
        self.name = name
        self.attrs = attrs or []
        self.children: list[Node] = []

    def append(self, node: Node) -> None:
        node.parent = self
        self.children.append(node)

    def text_nodes(self) -> Iterator[Text]:
        """Every text node below, in document order (XPath ``.//text()``)."""
        for child in self.children:
            if isinstance(child, Text):
                yield child
            elif isinstance(child, Element):
                yield from child.text_nodes()


# --- libxml2's HTML 4 element table ------------------------------------------------------
# name: (end tag: 0 required / 1 optional / 2 forbidden / 3 stylistic, saveEndTag, empty,
#        inline).  Only the fields the parser and the serializer read.
def _table() -> dict[str, tuple[int, int, bool, bool]]:
    spec = """
    a 0000 1   abbr 0000 1   acronym 0000 1   address 0000 0   applet 0000 1   area 2210 0
    b 3000 1   base 2210 0   basefont 2210 1   bdo 0000 1   big 3000 1   blockquote 0000 0
    body 1000 0   br 2210 1   button 0000 1   caption 0000 0   center 3000 0   cite 0000 1
    code 0000 1   col 2210 0   colgroup 1000 0   dd 1000 0   del 0000 1   dfn 0000 1
    dir 0000 0   div 0000 0   dl 0000 0   dt 1000 0   em 3000 1   embed 1000 1
    fieldset 0000 0   font 3000 1   form 0000 0   frame 2210 0   frameset 0000 0   h1 0000 0
    h2 0000 0   h3 0000 0   h4 0000 0   h5 0000 0   h6 0000 0   head 1000 0   hr 2210 0
    html 1000 0   i 3000 1   iframe 0000 1   img 2210 1   input 2210 1   ins 0000 1
    isindex 2210 0   kbd 0000 1   label 0000 1   legend 0000 0   li 1100 0   link 2210 0
    map 0000 1   menu 0000 0   meta 2210 0   noframes 0000 0   noscript 0000 0
    object 0000 1   ol 0000 0   optgroup 0000 0   option 1000 0   p 1000 0   param 2210 0
    pre 0000 0   q 0000 1   s 3000 1   samp 0000 1   script 0000 1   select 0000 1
    small 3000 1   span 0000 1   strike 3000 1   strong 3000 1   style 0000 0   sub 3000 1
    sup 3000 1   table 0000 0   tbody 0000 0   td 0000 0   textarea 0000 1   tfoot 1000 0
    th 1000 0   thead 1000 0   title 0000 0   tr 0000 0   tt 3000 1   u 3000 1   ul 0000 0
    var 0000 1
    """
    items = spec.split()
    table: dict[str, tuple[int, int, bool, bool]] = {}
    for name, flags, inline in zip(items[::3], items[1::3], items[2::3], strict=True):
        table[name] = (int(flags[0]), int(flags[1]), flags[2] == "1", inline == "1")
    return table


_ELEMENTS = _table()

# new tag -> the open elements it closes (libxml2's htmlStartClose pairs, grouped)
_CLOSES: dict[str, frozenset[str]] = {
    new: frozenset(old.split())
    for new, old in {
        "a": "a head", "abbr": "head", "acronym": "head", "address": "head p ul",
        "b": "head", "bdo": "head", "big": "head", "blockquote": "head p",
        "body": "head link p style title", "br": "head", "caption": "p",
        "center": "b font head i p", "cite": "head", "code": "head", "col": "caption col p",
        "colgroup": "caption col colgroup p",
        "dd": "address dir dt head listing menu p pre xmp", "dfn": "head", "dir": "head p",
        "div": "head p", "dl": "address dir dt head listing menu p pre xmp",
        "dt": "address dd dir head listing menu p pre xmp", "em": "head",
        "fieldset": "a h1 h2 h3 h4 h5 h6 head legend listing p pre xmp", "font": "head",
        "form": "address dir dl form h1 h2 h3 h4 h5 h6 head hr listing menu ol p pre ul xmp",
        "frameset": "head link p style title", "h1": "head p", "h2": "head p", "h3": "head p",
        "h4": "head p", "h5": "head p", "h6": "head p", "head": "p", "hr": "head p",
        "i": "head", "iframe": "head", "img": "head", "kbd": "head",
        "li": "address dl h1 h2 h3 h4 h5 h6 head li listing p pre xmp", "listing": "head p",
        "map": "head", "menu": "head p ul", "noscript": "script", "ol": "head p ul",
        "optgroup": "option", "option": "option",
        "p": "b big h1 h2 h3 h4 h5 h6 head i p s small strike tt u", "pre": "head p ul",
        "q": "head", "s": "head", "samp": "head", "small": "head", "span": "head",
        "strike": "head", "strong": "head", "sub": "head", "sup": "head",
        "table": "a h1 h2 h3 h4 h5 h6 head listing p pre xmp",
        "tbody": "caption col colgroup p tbody td tfoot th thead tr",
        "td": "a b font i p span td th u",
        "tfoot": "caption col colgroup p tbody td th thead tr", "th": "a b font i p span td th u",
        "thead": "caption col colgroup", "title": "p", "tr": "caption col colgroup p td th tr",
        "tt": "head", "u": "head", "ul": "address dir head listing menu ol p pre xmp",
        "var": "head", "xmp": "head p",
    }.items()
}

_END_PRIORITY = {"div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180,
                 "tfoot": 180, "table": 190, "head": 200, "body": 200, "html": 220}

_BOOLEAN_ATTRS = frozenset({
    "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
    "noresize", "noshade", "nowrap", "readonly", "selected"})
_URI_ATTRS = frozenset({"href", "action", "src"})

_ENTITIES: dict[str, int] = {**name2codepoint, "apos": 39}

_BLANKS = " \t\n\r"
_MAX_DEPTH = 256  # xmlParserMaxDepth: deeper elements stop the parser (no XML_PARSE_HUGE)
_HTML_NAME = re.compile(r"[A-Za-z_:.][A-Za-z0-9:\-_.]*")
_BODY_LINE = re.compile(r"^\s*?<body", re.I | re.M | re.A)  # Ruby's \s is ASCII
_TAG_LOOKAHEAD = re.compile(r"[A-Za-z_:][A-Za-z0-9:\-_]*")
_ENTITY_NAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_\-:.]*")
# htmlParseName beyond ASCII: letters of any script (a PI's target is read with it)
_PI_TARGET = re.compile(r"(?:[^\W\d]|:)[\w.:\-\u00b7\u0300-\u036f]*")
_CHAR_DATA = re.compile(r"[^<&]+")
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_URI_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                      "-_.!~*'()@/:=?;#%&,+<>")


def _is_xml_char(code: int) -> bool:
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


class _Parser:
    """libxml2's pull parser (htmlParseDocument), building the tree directly."""

    def __init__(self, text: str, *, in_context: bool = False) -> None:
        self.s = text
        # xmlParseInNodeContext: no implied html/body/p, top-level nodes stay siblings
        self.in_context = in_context
        # how many errors libxml2 would report (an in-context parse is thrown away on one);
        # characters outside XML's range are one each
        self.errors = len(_NOT_XML_CHAR.findall(text))
        self.i = 0
        self.n = len(text)
        self.document = Element(None)
        self.stack: list[Element] = []
        self.depth = 0  # misplaced <html>/<head>/<body> start tags swallowed so far
        self.seen_head = False
        self.seen_body = False
        self.halted = False
        self.qualified = False  # an element name with a colon was read

    # --- stack and tree -----------------------------------------------------------------
    @property
    def current(self) -> str | None:
        return self.stack[-1].name if self.stack else None

    def _start(self, name: str, attrs: list[tuple[str, str | None]] | None = None) -> None:
        if self.halted:
            return
        if len(self.stack) > _MAX_DEPTH:
            # "Excessive depth in document": libxml2 stops reading altogether
            self.halted = True
            self.i = self.n
            return
        element = Element(name, attrs)
        if ":" in name:
            self.qualified = True
        if self.stack:
            self.stack[-1].append(element)
        elif self.document.children and not self.in_context:
            # SAX2 hangs a new top-level element under the first root
            first = self.document.children[0]
            assert isinstance(first, Element)
            first.append(element)
        else:
            self.document.append(element)
        self.stack.append(element)
        if name == "head":
            self.seen_head = True
        elif name == "body":
            self.seen_body = True

    def _end(self) -> None:
        self.stack.pop()

    def _characters(self, data: str) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is None or self.halted:
            return
        last = parent.children[-1] if parent.children else None
        if isinstance(last, Text):
            last.data += data
        else:
            parent.append(Text(data))

    def _raw(self, data: str) -> None:
        if not self.stack or self.halted:
            return
        parent = self.stack[-1]
        last = parent.children[-1] if parent.children else None
        if isinstance(last, Raw):
            last.data += data
        else:
            parent.append(Raw(data))

    def _append(self, node: Node) -> None:
        if not self.halted:
            (self.stack[-1] if self.stack else self.document).append(node)

    # --- implied and auto-closed elements -----------------------------------------------
    def _auto_close(self, new: str) -> None:
        while self.stack and self.current in _CLOSES.get(new, ()):
            self._end()

    def _check_implied(self, new: str) -> None:
        if new == "html" or self.in_context:
            return
        if not self.stack:
            self._start("html")
        if new in ("body", "head"):
            return
        if len(self.stack) <= 1 and new in ("script", "style", "meta", "link", "title", "base"):
            if not self.seen_head:
                self._start("head")
        elif new not in ("noframes", "frame", "frameset"):
            if self.seen_body or any(e.name in ("body", "head") for e in self.stack):
                return
            self._start("body")

    def _check_paragraph(self) -> None:
        # Nokogiri turns libxml2's htmlOmittedDefaultValue off while parsing in context,
        # so text then goes into a <head> as it is
        if self.current is None or (self.current in ("html", "head") and not self.in_context):
            self._auto_close("p")
            self._check_implied("p")
            self._start("p")

    def _close_on_end_tag(self, name: str) -> None:
        priority = _END_PRIORITY.get(name, 100)
        for element in reversed(self.stack):
            if element.name == name:
                break
            if _END_PRIORITY.get(element.name or "", 100) > priority:
                return
        else:
            return
        while self.current != name:
            info = _ELEMENTS.get(self.current or "")
            if info is not None and info[0] == 3:
                self.errors += 1  # a stylistic element (b, i, ...) closed by another's end
            self._end()

    # --- scanning helpers ---------------------------------------------------------------
    def _peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < self.n else ""

    def _skip_blanks(self) -> None:
        s, i, n = self.s, self.i, self.n
        while i < n and s[i] in _BLANKS:
            i += 1
        self.i = i

    def _html_name(self) -> str | None:
        m = _HTML_NAME.match(self.s, self.i)
        if m is None:
            return None
        self.i = m.end()
        # libxml2 reads at most 100 characters of a name
        return m.group().lower()[:100]

    def _char_ref(self) -> int:
        s, n = self.s, self.n
        value = 0
        if self.s.startswith(("&#x", "&#X"), self.i):
            i, base, digits = self.i + 3, 16, "0123456789abcdefABCDEF"
        else:
            i, base, digits = self.i + 2, 10, "0123456789"
        while i < n and s[i] != ";":
            if s[i] not in digits:
                break
            if value < 0x110000:
                value = value * base + int(s[i], 16)
            i += 1
        if i < n and s[i] == ";":
            i += 1
        else:
            self.errors += 1  # missing semicolon
        self.i = i
        if _is_xml_char(value):
            return value
        self.errors += 1
        return 0

    def _entity_ref(self) -> tuple[str | None, int | None]:
        """At ``&``: the name read (None when there is none) and its code point when it
        is a known entity closed by ``;`` (the ``;`` is then consumed)."""
        self.i += 1
        m = _ENTITY_NAME.match(self.s, self.i)
        if m is None or m.end() >= self.n:
            self.errors += 1
            return None, None
        self.i = m.end()
        name = m.group()
        if self._peek() != ";":
            self.errors += 1
        elif name in _ENTITIES:
            self.i += 1
            return name, _ENTITIES[name]
        return name, None

    # --- attributes ---------------------------------------------------------------------
    def _attribute_value(self, stop: str) -> str:
        out: list[str] = []
        s, n = self.s, self.n
        while self.i < n:
            c = s[self.i]
            if c == stop or (not stop and (c == ">" or c in _BLANKS)):
                break
            if c == "&":
                if self._peek(1) == "#":
                    # a NUL (an invalid reference) ends the C string
                    out.append(chr(self._char_ref()))
                    continue
                name, entity = self._entity_ref()
                if name is None:
                    out.append("&")
                elif entity is None:
                    out.append("&" + name)
                else:
                    out.append(chr(entity))
                continue
            out.append(c)
            self.i += 1
        return "".join(out).partition("\0")[0]

    def _attribute(self) -> tuple[str | None, str | None]:
        name = self._html_name()
        if name is None:
            self.errors += 1
            return None, None
        self._skip_blanks()
        if self._peek() != "=":
            return name, None
        self.i += 1
        self._skip_blanks()
        quote = self._peek()
        if quote in ("\"", "'"):
            self.i += 1
            value = self._attribute_value(quote)
            if self._peek() == quote:
                self.i += 1
            else:
                self.errors += 1
            return name, value
        return name, self._attribute_value("")

    # --- markup -------------------------------------------------------------------------
    def _start_tag(self) -> int:
        """htmlParseStartTag: -1 when there is no tag name, 1 when the tag is dropped."""
        self.i += 1
        name = self._html_name()
        if name is None:
            self.errors += 1
            while self.i < self.n and self.s[self.i] != ">":
                self.i += 1
            return -1
        self._auto_close(name)
        self._check_implied(name)
        discard = False
        if self.stack and name == "html":
            discard = True
            self.depth += 1
            self.errors += 1
        if len(self.stack) != 1 and name == "head":
            discard = True
            self.depth += 1
            self.errors += 1
        if name == "body":
            for element in self.stack:
                if element.name == "body":
                    discard = True
                    self.depth += 1
                    self.errors += 1
        self._skip_blanks()
        attrs: list[tuple[str, str | None]] = []
        seen: set[str] = set()
        s, n = self.s, self.n
        while self.i < n and s[self.i] != ">" and not s.startswith("/>", self.i):
            attname, value = self._attribute()
            if attname is None:
                while (self.i < n and s[self.i] not in _BLANKS and s[self.i] != ">"
                       and not s.startswith("/>", self.i)):
                    self.i += 1
            elif attname not in seen:
                seen.add(attname)
                if value is None and attname in _BOOLEAN_ATTRS:
                    value = attname
                attrs.append((attname, value))
            else:
                self.errors += 1  # attribute redefined
            self._skip_blanks()
        if not discard:
            self._start(name, attrs)
        return 1 if discard else 0

    def _element(self) -> None:
        failed = self._start_tag()
        name = self.current
        if failed == -1 or name is None:
            if self._peek() == ">":
                self.i += 1
            return
        if name not in _ELEMENTS:
            self.errors += 1  # "Tag %s invalid"
        if self.s.startswith("/>", self.i):
            self.i += 2
            self._end()
            return
        if self._peek() == ">":
            self.i += 1
        else:
            # the start tag runs to the end of the input
            self.errors += 1
            self._end()
            self.stack.clear()
            return
        info = _ELEMENTS.get(name)
        if info is not None and info[2]:
            self._end()

    def _end_tag(self) -> None:
        self.i += 2
        name = self._html_name()
        if name is None:
            return
        self._skip_blanks()
        if self._peek() != ">":
            self.errors += 1
            while self.i < self.n and self.s[self.i] != ">":
                self.i += 1
        if self._peek() == ">":
            self.i += 1
        if self.depth > 0 and name in ("html", "body", "head"):
            self.depth -= 1
            return
        if not any(e.name == name for e in self.stack):
            self.errors += 1  # unexpected end tag
            return
        self._close_on_end_tag(name)
        if self.current == name:
            self._end()
        elif self.current is not None:
            self.errors += 1  # opening and ending tag mismatch

    def _script(self) -> None:
        name = self.current or ""
        s, n = self.s, self.n
        start = i = self.i
        while i < n:
            if s[i] == "<" and s.startswith("/", i + 1):
                if s[i + 2:i + 2 + len(name)].lower() == name:
                    break
                self.errors += 1  # "Element %s embeds close tag"
            i += 1
        self.i = i
        data = _NOT_XML_CHAR.sub("", s[start:i])
        if data:
            self._raw(data)

    def _comment(self) -> None:
        s, n = self.s, self.n
        i = self.i + 4
        if i + 1 >= n:
            self.errors += 1
            self.i = n
            return
        # libxml2 walks three characters at a time: q r cur
        j = i + 2
        while j < n:
            if s[j] == ">" and s[j - 1] == "-" and s[j - 2] == "-":
                self.i = j + 1
                self._append(Comment(_NOT_XML_CHAR.sub("", s[i:j - 2])))
                return
            if s[j] == "!" and s[j - 1] == "-" and s[j - 2] == "-" and j + 1 < n and (
                    s[j + 1] == ">"):
                self.i = j + 2
                self.errors += 1  # closed by --!>
                self._append(Comment(_NOT_XML_CHAR.sub("", s[i:j - 2])))
                return
            j += 1
        self.errors += 1
        self.i = n  # an unfinished comment swallows the rest

    def _instruction(self) -> None:
        self.i += 2
        m = _PI_TARGET.match(self.s, self.i)
        # an ASCII name running to the end of the input is not read (libxml2's fast path)
        if m is None or (m.end() >= self.n and m.group().isascii()):
            self.errors += 1
            return
        target = m.group()
        self.i = m.end()
        if self._peek() == ">":
            self.i += 1
            self._append(Instruction(target, None))
            return
        if self._peek() not in _BLANKS:
            self.errors += 1  # space expected after the target
        self._skip_blanks()
        end = self.s.find(">", self.i)
        if end < 0:
            self.errors += 1
            self.i = self.n
            return
        data = _NOT_XML_CHAR.sub("", self.s[self.i:end])
        self.i = end + 1
        self._append(Instruction(target, data))

    def _literal(self) -> None:
        quote = self._peek()
        if quote not in ("\"", "'"):
            return
        end = self.s.find(quote, self.i + 1)
        self.i = self.n if end < 0 else end + 1

    def _doctype(self) -> None:
        self.i += 9
        self._skip_blanks()
        m = _ENTITY_NAME.match(self.s, self.i)
        if m is not None:
            self.i = m.end()
        self._skip_blanks()
        keyword = self.s[self.i:self.i + 6].upper()
        if keyword in ("SYSTEM", "PUBLIC"):
            self.i += 6
            self._skip_blanks()
            self._literal()
            if keyword == "PUBLIC":
                self._skip_blanks()
                self._literal()
        self._skip_blanks()
        while self.i < self.n and self.s[self.i] != ">":
            self.i += 1
        if self.i < self.n:
            self.i += 1

    def _char_data(self) -> None:
        m = _CHAR_DATA.match(self.s, self.i)
        assert m is not None
        self.i = m.end()
        # libxml2 reads a NUL inside text as a space
        data = _NOT_XML_CHAR.sub("", m.group().replace("\0", " "))
        if not data:
            return
        if self.current in (None, "html", "head"):
            blank = not data.strip(_BLANKS) and (self.i >= self.n or self.s[self.i] == "<")
            if not blank:
                self._check_paragraph()
        self._characters(data)

    def _reference(self) -> None:
        if self._peek(1) == "#":
            code = self._char_ref()
            if code:
                self._check_paragraph()
                self._characters(chr(code))
            return
        name, entity = self._entity_ref()
        self._check_paragraph()
        if name is None:
            self._characters("&")
        elif entity is None:
            self._characters("&" + name)
        else:
            self._characters(chr(entity))

    def parse(self) -> Element:
        s = self.s
        while self.i < self.n:
            c = s[self.i]
            if c == "\0":  # libxml2 takes a NUL byte between markup for the end
                break
            nxt = self._peek(1)
            if c == "<" and nxt == "/":
                self._end_tag()
                continue
            if c == "<" and ((nxt.isascii() and nxt.isalpha()) or nxt in ("_", ":")):
                m = _TAG_LOOKAHEAD.match(s, self.i + 1)
                name = m.group().lower()[:100] if m is not None else None
                if name is not None and self.current is not None and (
                        self.current in _CLOSES.get(name, ())):
                    self._auto_close(name)
                    continue
            if self.current in ("script", "style"):
                self._script()
                continue
            if c == "<" and nxt == "!" and s[self.i + 2:self.i + 9].upper() == "DOCTYPE":
                self.errors += 1  # a DOCTYPE amid content is misplaced
                self._doctype()
                # libxml2 carries on with the same pass, past the end-tag check: a
                # "</" or "<!" right after a misplaced DOCTYPE is read as text
                if self.i >= self.n or s[self.i] == "\0":
                    break
                c, nxt = s[self.i], self._peek(1)
            if s.startswith("<!--", self.i):
                self._comment()
            elif c == "<" and nxt == "?":
                self._instruction()
            elif c == "<" and nxt.isascii() and nxt.isalpha():
                self._element()
            elif c == "<":
                self._characters("<")
                self.i += 1
            elif c == "&":
                self._reference()
            else:
                self._char_data()
        self.stack.clear()
        if self.qualified:
            self._split_qualified(self.document)
        return self.document

    def _split_qualified(self, parent: Element) -> None:
        """SAX2 names an element ``a:b`` by its local part ``b`` (the parser itself
        matched tags by the whole name); a local part that cannot start a name is an error."""
        for child in parent.children:
            if not isinstance(child, Element):
                continue
            name = child.name or ""
            prefix, colon, local = name.partition(":")
            if prefix and colon and local:
                child.name = local
                if not (local[0] in "_:" or local[0].isalpha()):
                    self.errors += 1
            self._split_qualified(child)


def parse_in_context(html: str) -> list[Node] | None:
    """What Nokogiri's ``Node#parse`` (libxml2's xmlParseInNodeContext) puts under an
    element of an HTML document; None when libxml2 reports an error, on which Nokogiri
    throws the result away and parses ``html`` as a fragment instead."""
    parser = _Parser(html, in_context=True)
    document = parser.parse()
    return None if parser.errors else list(document.children)


def parse_under_element(html: str) -> list[Node]:
    """Nokogiri's markup given to a node under an element (``replace``,
    ``add_previous_sibling``): parsed as a ``<div>``'s content in that element's context,
    or, when libxml2 reports an error there, as a fresh fragment. The two parses differ
    only where the first keeps a ``<head>`` or ``<body>``."""
    wrapped = f"<div>{html}</div>"
    lowered = html.lower()
    nodes = None
    if "<head" in lowered or "<body" in lowered:
        nodes = parse_in_context(wrapped)
    if nodes is None:
        nodes = parse_fragment(wrapped).children
    first = nodes[0] if nodes else None
    return list(first.children) if isinstance(first, Element) else []


def parse_fragment(html: str) -> Element:
    """``Nokogiri::HTML::DocumentFragment.parse(html)``: a nameless node holding the
    body's children of ``<html><body>`` + ``html`` as libxml2 reads it."""
    document = _Parser("<html><body>" + html).parse()
    fragment = Element(None)
    # Nokogiri's "horrible hack": a line opening with <body selects the body itself
    whole_body = _BODY_LINE.search(html) is not None
    for root in document.children:
        if isinstance(root, Element) and root.name == "html":
            for body in root.children:
                if isinstance(body, Element) and body.name == "body":
                    for node in [body] if whole_body else list(body.children):
                        fragment.append(node)
                        if isinstance(node, Element):
                            _reparent_attrs(node)
    return fragment


def _reparent_attrs(node: Element) -> None:
    """Nokogiri's add_child_node_and_reparent_attrs, for the nodes a fragment adopts:
    each attribute with a ``:`` in its name is removed and set again, so it moves after
    the others, and one without a value gets an empty one."""
    prefixed: list[tuple[str, str | None]] = [
        (name, value or "") for name, value in node.attrs if ":" in name]
    if prefixed:
        node.attrs = [(n, v) for n, v in node.attrs if ":" not in n] + prefixed


# --- serializer (htmlNodeDumpFormatOutput with format on) --------------------------------
def escape_text(text: str, *, attribute: bool = False) -> str:
    """xmlEncodeEntitiesReentrant for an HTML document."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "<":
            if attribute and text.startswith("<!--", i):
                end = text.find("-->", i)
                if end >= 0:
                    out.append(text[i:end + 3])
                    i = end + 3
                    continue
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == "&":
            if attribute and text.startswith("&{", i) and "}" in text[i:]:
                end = text.index("}", i)
                out.append(text[i:end + 1])
                i = end + 1
                continue
            out.append("&amp;")
        elif c >= " " or c in "\n\t\r":
            out.append(c)
        i += 1
    return "".join(out)


def _uri_escape(value: str) -> str:
    return "".join(
        c if c in _URI_SAFE else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass"))
        for c in value)


def _quoted(value: str) -> str:
    if "\"" in value:
        if "'" in value:
            return "\"" + value.replace("\"", "&quot;") + "\""
        return "'" + value + "'"
    return "\"" + value + "\""


def _attributes(element: Element) -> str:
    parts: list[str] = []
    for name, value in element.attrs:
        if value is None or name in _BOOLEAN_ATTRS:
            parts.append(" " + name)
            continue
        encoded = escape_text(value, attribute=True)
        if name in _URI_ATTRS or (name == "name" and element.name == "a"):
            encoded = _uri_escape(encoded.lstrip(" \t\n\r"))
        parts.append(f" {name}={_quoted(encoded)}")
    return "".join(parts)


def _is_text(node: Node | None) -> bool:
    return isinstance(node, Text)


def _breaks_after(parent: Element | None) -> bool:
    return parent is not None and bool(parent.name) and not (parent.name or "").startswith("p")


def _dump(node: Node, out: list[str], next_sibling: Node | None) -> None:
    if isinstance(node, Text):
        parent = node.parent
        if parent is not None and parent.name in ("script", "style"):
            out.append(node.data)
        else:
            out.append(escape_text(node.data))
        return
    if isinstance(node, Raw):
        out.append(node.data)
        return
    if isinstance(node, Comment):
        out.append(f"<!--{node.data}-->")
        return
    if isinstance(node, Instruction):
        out.append(f"<?{node.target}" + ("" if node.data is None else " " + node.data) + ">")
        return
    assert isinstance(node, Element)
    name = node.name or ""
    info = _ELEMENTS.get(name)
    out.append(f"<{name}{_attributes(node)}")
    block = info is not None and not info[3]
    children = node.children
    if info is not None and info[2]:
        out.append(">")
    elif not children:
        if info is not None and info[1] and name not in ("html", "body"):
            out.append(">")
        else:
            out.append(f"></{name}>")
    else:
        out.append(">")
        several = len(children) > 1
        if block and several and not _is_text(children[0]) and not name.startswith("p"):
            out.append("\n")
        for k, child in enumerate(children):
            _dump(child, out, children[k + 1] if k + 1 < len(children) else None)
        if block and several and not _is_text(children[-1]) and not name.startswith("p"):
            out.append("\n")
        out.append(f"</{name}>")
    if (block and next_sibling is not None and not _is_text(next_sibling)
            and _breaks_after(node.parent)):
        out.append("\n")


def serialize(fragment: Element) -> str:
    """Each child's ``to_html``, joined: a DocumentFragment's ``to_s``."""
    out: list[str] = []
    nodes = fragment.children
    for k, node in enumerate(nodes):
        _dump(node, out, nodes[k + 1] if k + 1 < len(nodes) else None)
    return "".join(out)
