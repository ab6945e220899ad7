"""``for``, ``tablerow``, ``break``, ``continue``, ``cycle`` and ``ifchanged`` (liquid 5.4)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from liquid.exceptions import LiquidSyntaxError

from ..context import ForloopDrop, JekyllContext, TablerowloopDrop
from ..expressions import (
    LiquidDrop,
    Parser,
    evaluate,
    parse_expression,
    ruby_to_i,
    to_integer,
)
from ..output import output_string
from ..parsing import BlockBody, BlockTag, ParseContext, TagNode, Tokenizer
from ..rubyvalues import to_s
from ..syntax import QUOTED_FRAGMENT, TAG_ATTRIBUTES, VARIABLE_SEGMENT

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["BreakTag", "ContinueTag", "CycleTag", "ForTag", "IfchangedTag", "TablerowTag",
           "slice_collection"]

_FOR_SYNTAX = re.compile(
    rf"\A({VARIABLE_SEGMENT}+)\s+in\s+((?:{QUOTED_FRAGMENT})+)\s*(reversed)?", re.A)
_CONTINUE = object()


def _iterate(collection: Any) -> Sequence[Any]:
    """The items ``each`` yields to a one-argument block (ranges stay lazy)."""
    if isinstance(collection, str):
        return [collection] if collection else []
    if isinstance(collection, (list, tuple, range)):
        return collection
    if isinstance(collection, dict):
        return [[k, v] for k, v in collection.items()]
    if isinstance(collection, Mapping) and not isinstance(collection, LiquidDrop):
        return list(collection.keys())
    return []


def slice_collection(collection: Any, start: int, stop: int | None) -> Sequence[Any]:
    """``Utils.slice_collection``: items from index ``start`` up to (not including) ``stop``."""
    items = _iterate(collection)
    start = max(start, 0)
    if stop is None:
        return items[start:]
    return items[start:stop] if stop > start else []


class ForTag(BlockTag):
    """Repeat the block for each item of an array, hash or range; `limit:`, `offset:`,
    `reversed`, and `else` for none (Liquid).

    ``{% for x in coll limit: n offset: m reversed %}…{% else %}…{% endfor %}``."""

    __slots__ = ("collection", "else_body", "limit", "name", "offset", "reversed", "variable")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.offset: Any = None
        self.limit: Any = None
        self.reversed = False
        self.variable = ""
        self.name = ""
        self.collection: Any = None
        self.else_body: BlockBody | None = None
        pc.with_fallback(lambda: self._strict(markup), lambda: self._lax(markup),
                         token.start_index, f'in "{markup.strip()}"')

    def _strict(self, markup: str) -> None:
        p = Parser(markup)
        self.variable = p.consume("id")
        if p.id_is("in") is None:
            raise LiquidSyntaxError("For loops require an 'in' clause", token=None)
        collection = p.expression()
        self.collection = parse_expression(collection)
        self.name = f"{self.variable}-{collection}"
        self.reversed = p.id_is("reversed") is not None
        while p.look("id") and p.look("colon", 1):
            attribute = p.id_is("limit") or p.id_is("offset")
            if attribute is None:
                raise LiquidSyntaxError(
                    "Invalid attribute in for loop. Valid attributes are limit and offset",
                    token=None)
            p.consume()
            self._set_attribute(attribute, p.expression())
        p.consume("end_of_string")

    def _lax(self, markup: str) -> None:
        m = _FOR_SYNTAX.search(markup)
        if m is None:
            raise LiquidSyntaxError(
                "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]",
                token=None)
        self.variable = m.group(1)
        self.reversed = m.group(3) is not None
        self.name = f"{self.variable}-{m.group(2)}"
        self.collection = parse_expression(m.group(2))
        for key, value in TAG_ATTRIBUTES.findall(markup):
            self._set_attribute(key, value)

    def _set_attribute(self, key: str, expr: str) -> None:
        if key == "offset":
            self.offset = _CONTINUE if expr == "continue" else parse_expression(expr)
        elif key == "limit":
            self.limit = parse_expression(expr)

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        if self.parse_one_body(self.body, tokenizer, pc):
            assert self.else_body is not None
            self.parse_one_body(self.else_body, tokenizer, pc)
        if self.blank:
            if self.else_body is not None:
                self.else_body.remove_blank_strings()
            self.body.remove_blank_strings()

    def unknown_tag(self, name: str, markup: str, offset: int, pc: ParseContext) -> None:
        if name != "else":
            super().unknown_tag(name, markup, offset, pc)
        self.else_body = BlockBody()

    def _segment(self, context: JekyllContext) -> Sequence[Any]:
        offsets: dict[str, int] = context.registers.setdefault("for", {})
        if self.offset is _CONTINUE:
            start = ruby_to_i(offsets.get(self.name))
        else:
            value = evaluate(self.offset, context)
            start = 0 if value is None else to_integer(value)
        collection = evaluate(self.collection, context)
        limit = evaluate(self.limit, context)
        stop = None if limit is None else to_integer(limit) + start
        segment = slice_collection(collection, start, stop)
        if self.reversed:
            segment = segment[::-1]
        offsets[self.name] = start + len(segment)
        return segment

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        assert isinstance(context, JekyllContext)
        segment = self._segment(context)
        if not segment:
            if self.else_body is not None:
                self.else_body.render(context, buffer)
            return 0
        for_stack: list[ForloopDrop] = context.registers.setdefault("for_stack", [])
        forloop = ForloopDrop(self.name, len(segment), for_stack[-1] if for_stack else None)
        namespace: dict[str, Any] = {"forloop": forloop}
        with context.loop(namespace, forloop):  # type: ignore[arg-type]
            for_stack.append(forloop)
            try:
                for item in segment:
                    namespace[self.variable] = item
                    self.body.render(context, buffer)
                    forloop.increment()
                    if context.interrupts and context.interrupts.pop() == "break":
                        break
            finally:
                for_stack.pop()
        return 0


_TABLEROW_SYNTAX = re.compile(rf"(?<!\w)(\w+)\s+in\s+((?:{QUOTED_FRAGMENT})+)", re.A)


class TablerowTag(BlockTag):
    """Repeat the block as HTML table rows and cells; `cols:`, `limit:`, `offset:` (Liquid)."""

    __slots__ = ("attributes", "collection", "variable")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        m = _TABLEROW_SYNTAX.search(markup)
        if m is None:
            raise pc.error("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] "
                           "in [collection] cols=3", token.start_index)
        self.variable = m.group(1)
        self.collection = parse_expression(m.group(2))
        self.attributes = {k: parse_expression(v) for k, v in TAG_ATTRIBUTES.findall(markup)}

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        collection = evaluate(self.collection, context)  # type: ignore[arg-type]
        if collection is None or collection is False:
            return 0
        attrs = self.attributes
        start = ruby_to_i(evaluate(attrs["offset"], context)) if "offset" in attrs else 0  # type: ignore[arg-type]
        stop = (start + ruby_to_i(evaluate(attrs["limit"], context))  # type: ignore[arg-type]
                if "limit" in attrs else None)
        items = slice_collection(collection, start, stop)
        cols = ruby_to_i(evaluate(attrs.get("cols"), context))  # type: ignore[arg-type]
        buffer.write('<tr class="row1">\n')
        loop = TablerowloopDrop(len(items), cols)
        namespace: dict[str, Any] = {"tablerowloop": loop}
        with context.loop(namespace, loop):  # type: ignore[arg-type]
            for item in items:
                namespace[self.variable] = item
                buffer.write(f'<td class="col{loop.col}">')
                self.body.render(context, buffer)
                buffer.write("</td>")
                if loop.col_last and not loop.last:
                    buffer.write(f'</tr>\n<tr class="row{loop.row + 1}">')
                loop.increment()
        buffer.write("</tr>\n")
        return 0


class BreakTag(TagNode):
    """Stop the innermost `for` loop (Liquid)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        context.interrupts.append("break")  # type: ignore[attr-defined]
        return 0


class ContinueTag(TagNode):
    """Skip to the next iteration of the innermost `for` loop (Liquid)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        context.interrupts.append("continue")  # type: ignore[attr-defined]
        return 0


_CYCLE_SIMPLE = re.compile(rf"\A(?:{QUOTED_FRAGMENT})+", re.A)
_CYCLE_NAMED = re.compile(rf"\A({QUOTED_FRAGMENT})\s*:\s*(.*)", re.S | re.A)
_CYCLE_VAR = re.compile(rf"\s*({QUOTED_FRAGMENT})\s*", re.A)


class CycleTag(TagNode):
    """Print the next of its values each time it runs: `{% cycle "odd", "even" %}` (Liquid).

    ``{% cycle "a", "b" %}`` or ``{% cycle name: "a", "b" %}``."""

    __slots__ = ("cycle_name", "variables")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        m = _CYCLE_NAMED.match(markup)
        if m:
            self.variables = self._variables(m.group(2))
            self.cycle_name: Any = parse_expression(m.group(1))
        elif _CYCLE_SIMPLE.match(markup):
            self.variables = self._variables(markup)
            # Ruby names an unnamed cycle by its values' inspect; lookups never match
            # another tag's, literals do.
            if all(not hasattr(v, "evaluate") for v in self.variables):
                self.cycle_name = repr([(type(v).__name__, v) for v in self.variables])
            else:
                self.cycle_name = f"#<cycle {id(self)}>"
        else:
            raise pc.error("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var "
                           "[, var2, var3 ...]", token.start_index)

    @staticmethod
    def _variables(markup: str) -> list[Any]:
        values = []
        for part in markup.split(","):
            m = _CYCLE_VAR.search(part)
            if m:
                values.append(parse_expression(m.group(1)))
        return values

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        assert isinstance(context, JekyllContext)
        cycles: dict[Any, int] = context.registers.setdefault("cycle", {})
        key = evaluate(self.cycle_name, context)
        try:
            iteration = ruby_to_i(cycles.get(key))
        except TypeError:
            key = to_s(key)
            iteration = ruby_to_i(cycles.get(key))
        value = evaluate(self.variables[iteration], context) if iteration < len(
            self.variables) else None
        buffer.write(output_string(value) if isinstance(value, list) else to_s(value))
        iteration += 1
        if iteration >= len(self.variables):
            iteration = 0
        cycles[key] = iteration
        return 0


class IfchangedTag(BlockTag):
    """Render the block only when its output differs from the last time it rendered (Liquid)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        assert isinstance(context, JekyllContext)
        inner = context.get_buffer(buffer)
        self.body.render(context, inner)
        text = inner.getvalue()
        if text != context.registers.get("ifchanged"):
            context.registers["ifchanged"] = text
            buffer.write(text)
        return 0
