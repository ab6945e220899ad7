"""kramdown's span-level grammar (GFM flavour) as a mistune inline parser.

kramdown looks for the next position where any span rule could start (one
combined regexp), then offers that position to each rule in priority order;
a rule that declines leaves the character as text. ``parse_spans`` is that
loop; it can also stop at a delimiter (emphasis, links, span HTML).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple

import mistune

from . import patterns as P
from .core import MAX_NESTING, Element, KramdownState, Scanner, normalize_link_id
from .entities import UnknownEntity, entity
from .typography import SQ_BRANCHES, SQ_RE, SQ_SUBSTS, TYPOGRAPHIC_SYMS

if TYPE_CHECKING:
    from .blocks import KramdownBlockParser

MARKDOWN_ATTR_MAP = {"0": "raw", "1": "default", "span": "span", "block": "block"}
_WS = frozenset(" \t\n\r\f\v")

SPAN_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("emphasis", P.EMPHASIS_START),
    ("codespan", P.CODESPAN_DELIMITER),
    ("autolink", P.AUTOLINK_START),
    ("span_html", P.HTML_SPAN_START),
    ("footnote_marker", P.FOOTNOTE_MARKER_START),
    ("link", P.LINK_START),
    ("smart_quotes", P.SMART_QUOTES_RE),
    ("inline_math", P.INLINE_MATH_START),
    ("span_extensions", P.SPAN_EXTENSIONS_START),
    ("html_entity", P.HTML_ENTITY_RE),
    ("typographic_syms", P.TYPOGRAPHIC_SYMS_RE),
    ("line_break", P.LINE_BREAK),
    ("escaped_chars", P.ESCAPED_CHARS_GFM),
    ("strikethrough_gfm", P.STRIKETHROUGH_MATCH),
)
# Rules whose start regexp needs this text at least this far ahead; checking
# that first keeps unclosed openers from rescanning the rest of the line.
_CLOSER_NEEDED: dict[str, tuple[str, int]] = {
    "autolink": (">", 1),
    "inline_math": ("$$", 2),
    "strikethrough_gfm": ("~~", 3),
}
_OPEN_PAREN = re.compile(r"\(")
_CLOSE_PAREN = re.compile(r"\)")
_ANGLE_URL = re.compile(r"\(<(.*?)>")
# "(url)" with no parentheses inside and no blank before a quote: no title, no nesting.
# (Unrolled: runs of plain characters between blanks, five times faster than a choice
# per character, same language.)
_SIMPLE_URL = re.compile(r"\(([^()\t\n\r\f\v ]*(?:[\t\n\r\f\v ](?![\"'])[^()\t\n\r\f\v ]*)*)\)")
# Per delimiter: the stop, the delimiter doubled (not tripled), the delimiter then alnum.
_EMPHASIS_RES = {
    delim: (
        re.compile(re.escape(delim)),
        re.compile(re.escape(delim * 2) + f"(?!{re.escape(delim)})"),
        re.compile(re.escape(delim) + r"[^\W_]"),
    )
    for delim in ("*", "**", "_", "__")
}
_SPACE = re.compile(r"[ \t\n\r\f\v]")


_START_RES = dict(SPAN_RULES)
_CANDIDATE_BACK = P.SPAN_CANDIDATE_BACK
_Rule = tuple[re.Pattern[str], Callable[..., Any], "tuple[str, int] | None"]


class _Plan(NamedTuple):
    """How ``parse_spans`` finds and dispatches span starts for one set of rules and stop."""

    candidate: re.Pattern[str]  # searched first: fast, may also match near a real start
    exact: re.Pattern[str]  # kramdown's lookahead, confirms a position
    by_char: dict[str, tuple[_Rule, ...]]  # rules in order, by the character at the start
    before_quote: dict[str, tuple[_Rule, ...]]  # the same when a quote follows it
    quote_only: tuple[_Rule, ...]  # any other character before a quote


@lru_cache(maxsize=256)
def _plan(parsers: tuple[str, ...], stop: str | None, stop_flags: int, stop_chars: str) -> _Plan:
    """The search regexps and dispatch tables for span rules ``parsers`` and a stop pattern."""
    alts = "|".join(P.SPAN_STARTS[n] for n in parsers)
    cands = "|".join(P.SPAN_CANDIDATES[n] for n in parsers)
    if stop is not None:
        alts = f"{stop}|{alts}"
        cands = "|".join([*(re.escape(c) for c in stop_chars), cands])
    exact = re.compile(f"(?={alts})", re.M | (stop_flags & re.I))
    rules = [
        (n, P.SPAN_FIRST_CHARS[n], (_START_RES[n], _rule_method(n), _CLOSER_NEEDED.get(n)))
        for n in parsers
    ]
    by_char: dict[str, tuple[_Rule, ...]] = {}
    before_quote: dict[str, tuple[_Rule, ...]] = {}
    for ch in {c for _n, firsts, _r in rules for c in firsts}:
        by_char[ch] = tuple(rule for _n, firsts, rule in rules if ch in firsts)
        before_quote[ch] = tuple(
            rule
            for name, firsts, rule in rules
            if ch in firsts or (name == "smart_quotes" and ch != "\\")
        )
    quote_only = tuple(rule for name, _f, rule in rules if name == "smart_quotes")
    return _Plan(re.compile(cands, re.M), exact, by_char, before_quote, quote_only)


def _next_start(plan: _Plan, string: str, low: int) -> int:
    """The next position from ``low`` where a span rule (or the stop) may start, or -1."""
    candidate, exact = plan.candidate.search, plan.exact.match
    while True:
        cm = candidate(string, low)
        if cm is None:
            return -1
        at = cm.start()
        back = _CANDIDATE_BACK.get(string[at], 0)
        if back == 0:
            if exact(string, at):
                return at
        else:
            for k in range(max(low, at - back), at + 1):
                if exact(string, k):
                    return k
        low = at + 1


def _rule_method(name: str) -> Callable[..., Any]:
    method: Callable[..., Any] = getattr(KramdownInlineParser, f"rule_{name}")
    return method


def _inside(state: KramdownState, types: tuple[str, ...]) -> bool:
    """Whether an element of one of ``types`` is being parsed (is on the stack)."""
    for entry in state.stack:
        el = entry[0] if isinstance(entry, tuple) else entry
        if isinstance(el, Element) and el.type in types:
            return True
    return False


class KramdownInlineParser(mistune.InlineParser):
    """Span rules registered with mistune, driven in kramdown's order."""

    def __init__(self, hard_wrap: bool = False, typographic: bool = True) -> None:
        """``hard_wrap`` drops the line-break rule, ``typographic=False`` (the GFM
        quirk ``no_auto_typographic``) the typographic symbols, as kramdown-parser-gfm does."""
        super().__init__(hard_wrap=False)
        self.block: KramdownBlockParser | None = None
        dropped = {"line_break"} if hard_wrap else set()
        if not typographic:
            dropped.add("typographic_syms")
        # What registering each rule with mistune's ``register`` sets, in one go
        # (a parser is made per document).
        rules = [(n, start) for n, start in SPAN_RULES if n not in dropped]
        self.rules = [name for name, _start in rules]
        self.specification = {name: start.pattern for name, start in rules}
        self._methods = {name: partial(_SPAN_ADAPTERS[name], self) for name in self.rules}
        self._starts: dict[str, re.Pattern[str]] = dict(rules)
        self._all_rules = tuple(self.rules)
        self._text_plan = _plan(self._all_rules, None, 0, "")
        stop = P.LINK_BRACKET_STOP_RE
        self._link_plan = _plan(self._all_rules, stop.pattern, stop.flags, "]![")

    # -- the loop
    def parse_spans(
        self,
        state: KramdownState,
        el: Element,
        stop_re: re.Pattern[str] | None = None,
        parsers: Sequence[str] | None = None,
        text_type: str | None = None,
        stop_check: Callable[[], bool] | None = None,
        stop_chars: str = "",
    ) -> bool:
        """Parse the scanner's text into ``el``; True when ``stop_re`` ended it.

        ``stop_chars`` are the characters a match of ``stop_re`` can start with.
        """
        if state.tree is not None:
            state.stack.append((state.tree, state.text_type))
        state.nesting += 1
        state.tree = el
        if text_type is not None:
            state.text_type = text_type
        if parsers is None and stop_re is None:
            plan = self._text_plan
        else:
            names = tuple(parsers) if parsers is not None else self._all_rules
            if stop_re is None:
                plan = _plan(names, None, 0, "")
            else:
                plan = _plan(names, stop_re.pattern, stop_re.flags, stop_chars)
        by_char, before_quote, quote_only = plan.by_char, plan.before_quote, plan.quote_only
        src = state.scanner
        string = src.string
        end = len(string)
        add_text = state.add_text
        children = el.children
        text_type_now = state.text_type
        stop_found = False
        while src.pos < end:
            src.budget -= 1
            pos = src.pos
            found = _next_start(plan, string, pos)
            if found < 0:
                if stop_re is None:
                    add_text(string[pos:])
                    src.pos = end
                break
            if found > pos:
                # state.add_text, inlined: the tree and text type stay those of ``el`` here
                last = children[-1] if children else None
                if last is not None and last.type == text_type_now:
                    last.value += string[pos:found]
                else:
                    children.append(Element(text_type_now or "text", string[pos:found]))
                src.pos = found
            if stop_re is not None and src.check(stop_re):
                stop_found = stop_check() if stop_check is not None else True
                if stop_found:
                    break
            ch = string[found]
            nxt = string[found + 1 : found + 2]
            if nxt == '"' or nxt == "'":
                order = before_quote.get(ch, quote_only)
            else:
                order = by_char.get(ch, ())
            for start, func, needed in order:
                if needed is not None and src.last_index(needed[0]) < found + needed[1]:
                    continue  # its closing text never comes: the start regexp cannot match
                m = start.match(string, found)
                if m is not None:
                    src.m = m
                    func(self, m, state)
                    break
            else:
                add_text(ch)
                src.pos = found + 1
        if state.stack:
            state.tree, state.text_type = state.stack.pop()
        else:
            state.tree, state.text_type = None, None
        state.nesting -= 1
        return stop_found

    def parse_text(self, state: KramdownState, el: Element, text: str) -> None:
        """Parse ``text`` (a ``raw_text`` node's value) into ``el`` with a fresh environment."""
        src = Scanner(text)
        state.reset_env(src, text_type="text")
        if self._text_plan.candidate.search(text) is None:
            # Nothing a span rule could start on: what parse_spans makes of it, at once.
            if text:
                el.children.append(Element("text", text))
            src.pos = len(text)
            state.tree = state.text_type = None
            return
        self.parse_spans(state, el)

    # -- rules
    def rule_emphasis(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        src = state.scanner
        saved = src.pos
        result = m.group(0)
        src.pos = m.end()
        element = "strong" if len(result) == 2 else "em"
        kind = result[0]
        before = src.string[max(saved - 2, 0) : saved]
        after_word = bool(before) and (
            before[-1].isalpha() or (before[-1] == "-" and len(before) == 2 and before[0].isalpha())
        )
        if (
            (kind == "_" and after_word)
            or (not src.eos() and src.string[src.pos] in _WS)
            or state.tree.type == element
            or _inside(state, (element,))
            or state.nesting >= MAX_NESTING
            or src.budget <= 0
        ):
            state.add_text(result)
            return
        outer = state.tree

        def sub_parse(delim: str, elem: str) -> tuple[bool, Element, re.Pattern[str]]:
            el = Element(elem)
            stop_re, twice, then_alnum = _EMPHASIS_RES[delim]

            def check() -> bool:
                prev = src.string[src.pos - 1 : src.pos] if src.pos > 0 else ""
                return (
                    (prev not in _WS or prev == "")
                    and (elem != "em" or not twice.match(src.string, src.pos))
                    and (kind != "_" or not then_alnum.match(src.string, src.pos))
                    and bool(el.children)
                )

            if src.last_closer(delim) <= src.pos:
                return False, el, stop_re
            found = self.parse_spans(state, el, stop_re, stop_check=check, stop_chars=delim[0])
            return found, el, stop_re

        found, el, stop_re = sub_parse(result, element)
        if not found and element == "strong" and outer.type != "em":
            src.pos = saved + 1
            found, el, stop_re = sub_parse(kind, "em")
        if found:
            src.scan(stop_re)
            outer.children.append(el)
        else:
            src.pos = saved + len(result)
            state.add_text(result)

    def rule_codespan(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        src = state.scanner
        start = src.pos
        result = m.group(0)
        src.pos = m.end()
        simple = len(result) == 1
        saved = src.pos
        prev = src.string[start - 1 : start] if start > 0 else ""
        if (
            simple
            and (prev == "" or prev in _WS)
            and src.string[saved : saved + 1] in _WS
            and (not src.eos())
        ):
            state.add_text(result)
            return
        close = src.string.find(result, saved)  # kramdown scans until the same run
        if close < 0:
            src.pos = saved
            state.add_text(result)
            return
        text = src.string[saved:close]
        src.pos = close + len(result)
        if not simple:
            if text[:1] == " ":
                text = text[1:]
            if text[-1:] == " ":
                text = text[:-1]
        state.tree.children.append(
            Element("codespan", text, options={"codespan_delimiter": result})
        )

    def rule_autolink(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        state.scanner.pos = m.end()
        target = m.group(1)
        href = target if m.group(2) is not None else f"mailto:{target}"
        el = Element("a", attr={"href": href})
        state.add_text(re.sub(r"^mailto:", "", target, count=1), el)
        state.tree.children.append(el)

    def rule_escaped_chars(self, m: re.Match[str], state: KramdownState) -> None:
        state.scanner.pos = m.end()
        state.add_text(m.group(1))

    def rule_line_break(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        state.tree.children.append(Element("br"))
        state.scanner.pos = m.end()

    def rule_inline_math(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        state.scanner.pos = m.end()
        value = m.group(1).strip(" \t\n\v\f\r\0")
        state.tree.children.append(Element("math", value, options={"category": "span"}))

    def rule_html_entity(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        state.scanner.pos = m.end()
        if m.group(1) is not None:
            key: int | str = m.group(1)
        elif m.group(2) is not None:
            key = int(m.group(2))
        else:
            key = int(m.group(3), 16)
        try:
            value = entity(key)
        except UnknownEntity:
            state.tree.children.append(Element("entity", entity("amp")))
            state.add_text(m.group(0)[1:])
            return
        state.tree.children.append(Element("entity", value, options={"original": m.group(0)}))

    def rule_typographic_syms(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        state.scanner.pos = m.end()
        matched = m.group(0)
        value = TYPOGRAPHIC_SYMS[matched]
        if value.startswith("&"):
            name = "lt" if matched == "\\<<" else "gt"
            state.tree.children.append(Element("entity", entity(name)))
            state.tree.children.append(Element("entity", entity(name)))
        else:
            state.tree.children.append(Element("typographic_sym", value))

    def rule_smart_quotes(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        src = state.scanner
        qm = SQ_RE.match(src.string, src.pos)
        if qm is None or qm.lastgroup is None:
            state.add_text(src.getch())
            return
        group, substs = SQ_BRANCHES[qm.lastgroup]
        src.pos = qm.end()
        for subst in substs:
            if isinstance(subst, int):
                state.add_text(qm.group(group + subst))
            else:
                digit = subst[-1]
                quote = qm.group(group + int(digit)) if digit.isdigit() else None
                value = SQ_SUBSTS.get((subst, quote), subst)
                state.tree.children.append(Element("smart_quote", value))

    def rule_strikethrough_gfm(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        src = state.scanner
        if state.nesting >= MAX_NESTING or src.budget <= 0:
            src.pos += 2
            state.add_text("~~")
            return
        src.pos = m.end()
        el = Element("html_element", "del", options={"category": "span"})
        state.tree.children.append(el)
        env = state.save_env()
        state.reset_env(Scanner(m.group(0)[2:-2]), text_type="text")
        self.parse_spans(state, el)
        state.restore_env(env)

    def rule_footnote_marker(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        state.scanner.pos = m.end()
        name = m.group(1)
        fn_def = state.footnotes.get(name)
        if fn_def is None:
            state.add_text(m.group(0))
            return
        if "eob" in fn_def:
            eob = fn_def.pop("eob")
            state.update_attr_with_ial(eob.attr, eob.options.get("ial") or {})
            fn_def["attr"] = eob.attr
            fn_def["options"] = eob.options
        marker = Element(
            "footnote", fn_def["content"], fn_def["attr"], {**fn_def["options"], "name": name}
        )
        fn_def.setdefault("marker", []).append(marker)
        state.tree.children.append(marker)

    # -- links
    def _add_link(
        self,
        state: KramdownState,
        el: Element,
        href: str,
        title: str | None,
        alt_text: str,
        ial: dict[str, Any] | None = None,
    ) -> None:
        assert state.tree is not None
        el.options["ial"] = ial
        if ial:
            state.update_attr_with_ial(el.attr, ial)
        if el.type == "a":
            el.attr["href"] = href
        else:
            el.attr["src"] = href
            el.attr["alt"] = alt_text
            el.children.clear()
        if title is not None:
            el.attr["title"] = title
        state.tree.children.append(el)

    def rule_link(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        src = state.scanner
        result = m.group(0)
        src.pos = m.end()
        cur_pos = saved = src.pos
        link_type = "img" if result.startswith("!") else "a"
        nested_link = link_type == "a" and (
            state.tree.type in ("img", "a") or _inside(state, ("img", "a"))
        )
        if (
            nested_link
            or state.nesting >= MAX_NESTING
            or src.budget <= 0
            or src.last_index("]") < src.pos
        ):
            state.add_text(result)
            return
        el = Element(link_type)
        string = src.string
        plan = self._link_plan
        close = _next_start(plan, string, src.pos)
        if close >= 0 and string[close] == "]":
            # Plain link text: what parse_spans makes of it (one step, then the stop), at once.
            src.budget -= 1
            if close > src.pos:
                el.children.append(Element(state.text_type or "text", string[src.pos : close]))
            src.pos = close
        else:
            count = 1

            def check() -> bool:
                nonlocal count
                count += -1 if src.group(1) else 1
                return count - sum(1 for c in el.children if c.type == "img") == 0

            if not self.parse_spans(
                state, el, P.LINK_BRACKET_STOP_RE, stop_check=check, stop_chars="]!["
            ):
                src.pos = saved
                state.add_text(result)
                return
        alt_text = src.string[cur_pos : src.pos]
        if "\\" in alt_text:
            alt_text = P.ESCAPED_CHARS.sub(r"\1", alt_text)
        string = src.string
        after = src.pos + 1
        if string.startswith("(", after) and not string.startswith("<", after + 1):
            # "](" rules out a reference and "(<" is not next: a simple URL is all
            # the steps below would take, at once.
            simple = _SIMPLE_URL.match(string, after) if src.budget > 2 else None
            if simple is not None:
                src.budget -= 2
                src.pos = simple.end()
                self._add_link(state, el, simple.group(1).strip(" \t\n\v\f\r\0"), None, alt_text)
                return
        src.scan(P.LINK_BRACKET_STOP_RE)

        id_match = src.check(P.LINK_INLINE_ID_RE)
        if id_match is not None:
            src.pos = id_match.end()
        if id_match is not None or not src.check(_OPEN_PAREN):
            given = id_match.group(1) if id_match is not None else None
            link_id = normalize_link_id(given if given is not None else alt_text)
            link_def = state.link_defs.get(link_id)
            if link_def is not None:
                ial = link_def[2].options.get("ial") if link_def[2] is not None else None
                self._add_link(state, el, link_def[0], link_def[1], alt_text, ial)
            else:
                src.pos = saved
                state.add_text(result)
            return

        if src.scan(_ANGLE_URL) is not None:
            link_url = src.group(1)
            if src.scan(_CLOSE_PAREN) is not None:
                self._add_link(state, el, link_url, None, alt_text)
                return
        else:
            simple = _SIMPLE_URL.match(src.string, src.pos) if src.budget > 2 else None
            if simple is not None:
                # What the loop below makes of it in two steps, at once.
                src.budget -= 2
                src.pos = simple.end()
                self._add_link(state, el, simple.group(1).strip(" \t\n\v\f\r\0"), None, alt_text)
                return
            if src.last_index(")") < src.pos:
                # Without a ")" ahead neither the URL nor a title can end.
                src.pos = saved
                state.add_text(result)
                return
            parts = []
            depth = 0
            while (temp := src.scan_until(P.LINK_PAREN_STOP_RE)) is not None:
                src.budget -= 1
                if src.budget <= 0:
                    src.pos = saved
                    state.add_text(result)
                    return
                parts.append(temp)
                if src.group(2):
                    depth -= 1
                    if depth == 0:
                        break
                elif src.group(1):
                    depth += 1
                else:
                    break
            link_url = "".join(parts)[1:-1].strip(" \t\n\v\f\r\0")
            if depth == 0:
                self._add_link(state, el, link_url, None, alt_text)
                return
        if src.scan(P.LINK_INLINE_TITLE_RE) is not None:
            self._add_link(state, el, link_url, src.group(2), alt_text)
        else:
            src.pos = saved
            state.add_text(result)

    # -- HTML
    def rule_span_html(self, m: re.Match[str], state: KramdownState) -> None:
        from .blocks import parse_html_attributes

        assert state.tree is not None
        src = state.scanner
        comment = src.scan(P.HTML_COMMENT_RE) if src.last_index("-->") > src.pos else None
        if comment is not None:
            state.tree.children.append(
                Element("xml_comment", comment, options={"category": "span"})
            )
            return
        close = src.scan(P.HTML_TAG_CLOSE_RE)
        if close is not None:
            state.add_text(close)
            return
        tm = src.check(P.HTML_TAG_RE)
        if tm is None:
            state.add_text(src.getch())
            return
        if state.nesting >= MAX_NESTING or src.budget <= 0:
            state.add_text(src.getch())
            return
        src.pos = tm.end()
        tag_name = tm.group("tag")
        known = tag_name.lower() in P.HTML_ELEMENT
        if known:
            tag_name = tag_name.lower()
        if tag_name in P.HTML_BLOCK_ELEMENTS:
            state.add_text(tm.group(0))
            return
        attrs = parse_html_attributes(tm.group("attrs") or "", known)
        for key, value in attrs.items():
            if value:
                attrs[key] = re.sub(r"\n+", " ", value)
        if P.content_model(tag_name) == "raw" or state.tree.options.get("content_model") == "raw":
            do_parsing = False
        else:
            do_parsing = bool(state.options["parse_span_html"])
        val = MARKDOWN_ATTR_MAP.get(attrs.pop("markdown", None) or "")
        if val == "span":
            do_parsing = True
        elif val == "default":
            do_parsing = P.content_model(tag_name) != "raw"
        elif val == "raw":
            do_parsing = False
        closed = tm.group("closed") is not None
        el = Element(
            "html_element",
            tag_name,
            attrs,
            {
                "category": "span",
                "content_model": "span" if do_parsing else "raw",
                "is_closed": closed,
            },
        )
        state.tree.children.append(el)
        stop_re = P.html_stop_re(tag_name, known)
        if not closed and tag_name not in P.HTML_ELEMENTS_WITHOUT_BODY:
            parsers = None if do_parsing else ["span_html"]
            if stop_re.search(src.string, src.pos) is None:
                # No end tag ahead: the same as parsing to the end without one.
                self.parse_spans(state, el, None, parsers)
            elif self.parse_spans(state, el, stop_re, parsers, stop_chars="<"):
                src.scan(stop_re)
            else:
                state.add_text(src.rest(), el)
                src.terminate()

    # -- extensions
    def rule_span_extensions(self, m: re.Match[str], state: KramdownState) -> None:
        assert state.tree is not None
        src = state.scanner
        if src.last_index("}") < src.pos:
            state.add_text(src.getch())
            return
        if src.check(P.EXT_SPAN_START):
            self.parse_extension_start_tag(state, "span")
            return
        im = src.check(P.IAL_SPAN_START)
        children = state.tree.children
        if im is not None and children and children[-1].type != "text":
            src.pos = im.end()
            attr: dict[str, Any] = {}
            state.parse_attribute_list(im.group(1), attr)
            last = children[-1]
            ial = last.options.get("ial")
            if ial is None:
                ial = last.options["ial"] = {}
            state.update_ial_with_ial(ial, attr)
            state.update_attr_with_ial(last.attr, attr)
            return
        state.add_text(src.getch())

    def parse_extension_start_tag(self, state: KramdownState, kind: str) -> bool:
        """``{::name attrs}body{:/name}`` (or ``{::name /}``) at block or span level."""
        assert state.tree is not None
        src = state.scanner
        m = src.m
        assert m is not None
        saved = src.pos
        src.pos = m.end()

        def error() -> bool:
            src.pos = saved
            if kind == "span":
                state.add_text(src.getch())
            return False

        if m.group(4) or m.group(0) == "{:/}":
            return error()
        ext = m.group(1) or ""  # Ruby formats a missing name (`{:/}` + newline) as ""
        opts: dict[str, Any] = {}
        state.parse_attribute_list(m.group(2) or "", opts)
        body: str | None = None
        if not m.group(3):
            stop_re = P.ext_stop_re(ext, kind == "block")
            start = src.pos
            if src.scan_until(stop_re) is None:
                return error()
            assert src.m is not None
            body = src.string[start : src.m.start()]
            if kind == "block" and body.endswith("\n"):
                body = body[:-1]
        if not self.handle_extension(state, ext, opts, body, kind):
            return error()
        return True

    def handle_extension(
        self, state: KramdownState, name: str, opts: dict[str, Any], body: str | None, kind: str
    ) -> bool:
        assert state.tree is not None
        if name == "comment":
            if body is not None:
                state.tree.children.append(Element("comment", body, options={"category": kind}))
            return True
        if name == "nomarkdown":
            if body is not None:
                types = str(opts.get("type") or "").split()
                state.tree.children.append(
                    Element("raw", body, options={"category": kind, "type": types})
                )
            return True
        if name == "options":
            from .parser import apply_inline_options

            apply_inline_options(state, opts)
            if kind == "block":
                state.tree.children.append(state.new_block_el("eob", "extension"))
            return True
        return False


def _span_rule_adapter(
    method: str,
) -> Callable[[KramdownInlineParser, re.Match[str], mistune.InlineState], int]:
    """A mistune inline rule function for one of our rule methods (they always consume)."""

    def run(parser: KramdownInlineParser, m: re.Match[str], state: Any) -> int:
        assert isinstance(state, KramdownState)
        getattr(parser, method)(m, state)
        return state.scanner.pos

    return run


_SPAN_ADAPTERS = {name: _span_rule_adapter(f"rule_{name}") for name, _start in SPAN_RULES}
