"""``if``, ``unless`` and ``case`` as liquid 5.4 parses and evaluates them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

from liquid.exceptions import LiquidSyntaxError

from ..expressions import (
    Condition,
    ElseCondition,
    parse_condition_chain,
    parse_condition_expression,
    parse_expression,
    truthy,
)
from ..parsing import BlockBody, BlockTag, ParseContext, Tokenizer
from ..syntax import QUOTED_FRAGMENT, ruby_strip

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["CaseTag", "IfTag", "UnlessTag"]

_IF_SYNTAX = re.compile(rf"({QUOTED_FRAGMENT})\s*([=!<>a-z_]+)?\s*({QUOTED_FRAGMENT})?", re.A)
_EXPRESSIONS_AND_OPERATORS = re.compile(
    rf"(?:\b(?:\s?and\s?|\s?or\s?)\b|(?:\s*(?!\b(?:\s?and\s?|\s?or\s?)\b)"
    rf"(?:{QUOTED_FRAGMENT}|\S+)\s*)+)",
    re.A,
)
_IF_ERROR = "Syntax Error in tag 'if' - Valid syntax: if [expression]"


def parse_condition(markup: str, pc: ParseContext, offset: int) -> Condition:
    """An ``if``/``elsif`` condition: strict, falling back to lax in ``warn`` mode."""
    result: Condition = pc.with_fallback(
        lambda: _strict_condition(markup), lambda: _lax_condition(markup), offset,
        f'in "{ruby_strip(markup)}"',
    )
    return result


def _strict_condition(markup: str) -> Condition:
    return parse_condition_chain(markup, parse_condition_expression)


def _lax_one(text: str) -> Condition:
    m = _IF_SYNTAX.search(text)
    if m is None:
        raise LiquidSyntaxError(_IF_ERROR, token=None)
    return Condition(parse_condition_expression(m.group(1)), m.group(2),
                     parse_condition_expression(m.group(3)))


def _lax_condition(markup: str) -> Condition:
    expressions = _EXPRESSIONS_AND_OPERATORS.findall(markup)
    if not expressions:
        raise LiquidSyntaxError(_IF_ERROR, token=None)
    condition = _lax_one(expressions.pop())
    while expressions:
        operator = ruby_strip(expressions.pop())
        new = _lax_one(expressions.pop() if expressions else "")
        if operator not in ("and", "or"):
            raise LiquidSyntaxError(_IF_ERROR, token=None)
        new.link(operator, condition)
        condition = new
    return condition


class IfTag(BlockTag):
    """Render the first block whose condition holds: `{% if %}…{% elsif %}…{% else %}…{% endif
    %}` (Liquid)."""

    __slots__ = ("blocks",)

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.blocks: list[Condition] = []
        self._push_block("if", markup, pc, token.start_index)

    def _push_block(self, tag: str, markup: str, pc: ParseContext, offset: int) -> None:
        block = ElseCondition() if tag == "else" else parse_condition(markup, pc, offset)
        block.attachment = BlockBody()
        self.blocks.append(block)

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        while self.parse_one_body(self.blocks[-1].attachment, tokenizer, pc):
            pass
        if self.blank:
            for block in self.blocks:
                block.attachment.remove_blank_strings()

    def unknown_tag(self, name: str, markup: str, offset: int, pc: ParseContext) -> None:
        if name in ("elsif", "else"):
            self._push_block(name, markup, pc, offset)
        else:
            super().unknown_tag(name, markup, offset, pc)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        for block in self.blocks:
            if truthy(block.evaluate(context)):  # type: ignore[arg-type]
                block.attachment.render(context, buffer)
                break
        return 0


class UnlessTag(IfTag):
    """Render the block when the condition does not hold, the reverse of `if` (Liquid).

    ``{% unless %}``: the first block when its condition is falsy, then like ``if``."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        first = self.blocks[0]
        if not truthy(first.evaluate(context)):  # type: ignore[arg-type]
            first.attachment.render(context, buffer)
            return 0
        for block in self.blocks[1:]:
            if truthy(block.evaluate(context)):  # type: ignore[arg-type]
                block.attachment.render(context, buffer)
                break
        return 0


_CASE_SYNTAX = re.compile(rf"({QUOTED_FRAGMENT})", re.A)
_WHEN_SYNTAX = re.compile(rf"({QUOTED_FRAGMENT})(?:(?:\s+or\s+|\s*,\s*)({QUOTED_FRAGMENT}.*))?",
                          re.S | re.A)


class CaseTag(BlockTag):
    """Render the `when` blocks whose value equals the `case` value, or the `else` block
    (Liquid).

    ``{% case %}{% when a, b %}…{% else %}…{% endcase %}``: every matching ``when`` renders."""

    __slots__ = ("blocks", "left")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.blocks: list[Condition] = []
        m = _CASE_SYNTAX.search(markup)
        if m is None:
            raise pc.error("Syntax Error in 'case' - Valid syntax: case [condition]",
                           token.start_index)
        self.left: Any = parse_expression(m.group(1))

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        body = BlockBody()  # text before the first ``when`` is parsed, never rendered
        while self.parse_one_body(body, tokenizer, pc):
            body = self.blocks[-1].attachment
        if self.blank:
            for block in self.blocks:
                block.attachment.remove_blank_strings()

    def unknown_tag(self, name: str, markup: str, offset: int, pc: ParseContext) -> None:
        if name == "when":
            body = BlockBody()
            rest: str | None = markup
            while rest is not None:
                m = _WHEN_SYNTAX.search(rest)
                if m is None:
                    raise pc.error(
                        "Syntax Error in tag 'case' - Valid when condition: "
                        "{% when [condition] [or condition2...] %}", offset)
                rest = m.group(2)
                block = Condition(self.left, "==", parse_condition_expression(m.group(1)))
                block.attachment = body
                self.blocks.append(block)
        elif name == "else":
            if ruby_strip(markup):
                raise pc.error(
                    "Syntax Error in tag 'case' - Valid else condition: {% else %} "
                    "(no parameters) ", offset)
            block = ElseCondition()
            block.attachment = BlockBody()
            self.blocks.append(block)
        else:
            super().unknown_tag(name, markup, offset, pc)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        run_else = True
        for block in self.blocks:
            if block.is_else():
                if run_else:
                    block.attachment.render(context, buffer)
                continue
            if truthy(block.evaluate(context)):  # type: ignore[arg-type]
                run_else = False
                block.attachment.render(context, buffer)
        return 0
