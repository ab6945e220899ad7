"""``assign``, ``capture``, ``increment``, ``decrement`` and ``echo`` (liquid 5.4)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

from ..expressions import RenderError, truthy
from ..output import Variable, output_string
from ..parsing import BlockTag, ParseContext, TagNode
from ..syntax import VARIABLE_SIGNATURE, ruby_strip

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["AssignTag", "CaptureTag", "DecrementTag", "EchoTag", "IncrementTag"]

# The look-behind only skips starts a match could extend to the left from, so the
# leftmost match is Ruby's, found in linear time.
_ASSIGN_SYNTAX = re.compile(
    rf"(?<![\w\-.\[\]])((?:{VARIABLE_SIGNATURE})+)\s*=\s*(.*)\s*", re.S | re.A)
_CAPTURE_SYNTAX = re.compile(rf"((?:{VARIABLE_SIGNATURE})+)", re.A)


def _check_size(context: RenderContext, value: Any) -> None:
    limit = context.env.output_stream_limit
    if limit is not None and isinstance(value, str) and len(value) > limit:
        raise RenderError("Memory limits exceeded", token=None)


class AssignTag(TagNode):
    """Store a value, filters applied, in a variable: `{% assign name = value | filter %}`
    (Liquid).

    ``{% assign name = value | filters %}``: into the template's outermost scope."""

    __slots__ = ("source", "target")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        m = _ASSIGN_SYNTAX.search(markup)
        if m is None:
            raise pc.error("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]",
                           token.start_index)
        self.target = m.group(1)
        self.source = Variable(m.group(2), pc, token.start_index)
        self.blank = True

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        value = self.source.render(context, self.token)
        _check_size(context, value)
        context.assign(self.target, value)
        return 0


class CaptureTag(BlockTag):
    """Store the rendered block in a variable: `{% capture name %}…{% endcapture %}` (Liquid)."""

    __slots__ = ("target",)

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        m = _CAPTURE_SYNTAX.search(markup)
        if m is None:
            raise pc.error("Syntax Error in 'capture' - Valid syntax: capture [var]",
                           token.start_index)
        self.target = m.group(1)

    def parse_body(self, tokenizer: Any, pc: ParseContext) -> None:
        super().parse_body(tokenizer, pc)
        self.blank = True

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        inner = context.get_buffer(buffer)
        self.body.render(context, inner)
        value = inner.getvalue()
        _check_size(context, value)
        context.assign(self.target, value)
        return 0


class IncrementTag(TagNode):
    """Print a counter, then add one; counters start at 0, kept apart from `assign`
    (Liquid)."""

    __slots__ = ("variable",)
    step = 1

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.variable = ruby_strip(markup)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        counters = context.counters
        value = counters.get(self.variable)
        if not truthy(value):
            value = 0
        if not isinstance(value, int):
            raise RenderError(f"undefined method `+' for {output_string(value)}", token=None)
        if self.step > 0:
            counters[self.variable] = value + 1
            return buffer.write(str(value))
        counters[self.variable] = value - 1
        return buffer.write(str(value - 1))


class DecrementTag(IncrementTag):
    """Subtract one from a counter, then print it; counters start at 0, kept apart from
    `assign` (Liquid)."""

    __slots__ = ()
    step = -1


class EchoTag(TagNode):
    """Print a value, filters applied, as `{{ }}` does: `{% echo value | filter %}` (Liquid)."""

    __slots__ = ("variable",)

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.variable = Variable(markup, pc, token.start_index)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(output_string(self.variable.render(context, self.token)))
