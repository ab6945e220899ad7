"""``{{ expression | filter: args }}`` as liquid 5.4 parses, evaluates and prints it.

Parsing is strict first and lax on failure (the ``warn`` error mode), so
``{{ "a" | | upcase }}`` renders like Jekyll instead of failing.  Filters are
python-liquid callables (``env.filters``), called as ``f(value, *args, **kwargs)``;
a filter that does not exist passes its input through unless ``strict_filters``.
A literal ``empty``/``blank`` reaches a filter as ``""`` unless the filter's
``empty_literals`` mark says it takes the raw literal as an argument (``"args"``:
``where: "x", empty`` matches nil and ``[]`` too), as input and arguments
(``"all"``: ``default`` keeps it, it is not empty), or fails on it as input
(``"fail"``: Ruby's calls a String method on it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError, LiquidSyntaxError

from .expressions import EmptyLiteral, Parser, RenderError, evaluate, parse_expression, to_liquid
from .filters._base import remember
from .rubyvalues import to_s
from .syntax import QUOTED_FRAGMENT

if TYPE_CHECKING:
    from liquid import RenderContext

    from .parsing import ParseContext

__all__ = ["Variable", "VariableNode", "output_string"]

_MARKUP_WITH_QUOTED_FRAGMENT = re.compile(rf"({QUOTED_FRAGMENT})(.*)", re.S | re.A)
_FILTER_MARKUP = re.compile(r"\|\s*(.*)", re.S | re.A)
_FILTER_PARSER = re.compile(rf"(?:\s+|{QUOTED_FRAGMENT}|,)+", re.A)
_FILTER_ARGS = re.compile(rf"(?::|,)\s*((?:\w+\s*:\s*)?{QUOTED_FRAGMENT})", re.A)
_JUST_TAG_ATTRIBUTES = re.compile(rf"\A(\w[\w-]*)\s*:\s*({QUOTED_FRAGMENT})\Z", re.A)
_WORD = re.compile(r"\w+", re.A)

FilterCall = tuple[str, list[Any], dict[str, Any] | None]


def output_string(value: Any) -> str:
    """What ``{{ value }}`` writes: arrays joined (flattened), nil as nothing, else ``to_s``."""
    if isinstance(value, (list, tuple)):
        return "".join(output_string(v) if isinstance(v, (list, tuple)) else to_s(v)
                       for v in value)
    return to_s(value)


class Variable:
    """An expression with filters (liquid's ``Variable``), used by output, assign and echo."""

    __slots__ = ("filters", "markup", "name")

    def __init__(self, markup: str, pc: ParseContext, offset: int) -> None:
        self.markup = markup
        self.name: Any = None
        self.filters: list[FilterCall] = []
        pc.with_fallback(
            lambda: self._strict_parse(markup), lambda: self._lax_parse(markup), offset,
            f'in "{{{{{markup}}}}}"',
        )

    def _lax_parse(self, markup: str) -> None:
        self.name = None
        self.filters = []
        m = _MARKUP_WITH_QUOTED_FRAGMENT.search(markup)
        if m is None:
            return
        self.name = parse_expression(m.group(1))
        fm = _FILTER_MARKUP.search(m.group(2))
        if fm is None:
            return
        for f in _FILTER_PARSER.findall(fm.group(1)):
            word = _WORD.search(f)
            if word is None:
                continue
            args = _FILTER_ARGS.findall(f)
            self.filters.append(_filter_call(word.group(0), args))

    def _strict_parse(self, markup: str) -> None:
        self.name = None
        self.filters = []
        p = Parser(markup)
        if p.look("end_of_string"):
            return
        self.name = parse_expression(p.expression())
        while p.consume_if("pipe") is not None:
            name = p.consume("id")
            args: list[str] = []
            if p.consume_if("colon") is not None:
                args.append(p.argument())
                while p.consume_if("comma") is not None:
                    args.append(p.argument())
            self.filters.append(_filter_call(name, args))
        p.consume("end_of_string")

    def render(self, context: RenderContext, token: Any = None) -> Any:
        value = evaluate(self.name, context)  # type: ignore[arg-type]
        for name, args, kwargs in self.filters:
            value = invoke_filter(context, name, value, args, kwargs, token)
        return value


def _filter_call(name: str, unparsed: list[str]) -> FilterCall:
    args: list[Any] = []
    kwargs: dict[str, Any] | None = None
    for arg in unparsed:
        m = _JUST_TAG_ATTRIBUTES.match(arg)
        if m:
            kwargs = kwargs or {}
            kwargs[m.group(1)] = parse_expression(m.group(2))
        else:
            args.append(parse_expression(arg))
    return name, args, kwargs


def invoke_filter(
    context: RenderContext, name: str, value: Any, args: list[Any],
    kwargs: dict[str, Any] | None, token: Any = None,
) -> Any:
    """Apply one filter with evaluated arguments; Ruby's errors become RenderError."""
    env = context.env
    func = env.filters.get(name)
    if func is None:
        if env.strict_filters:
            raise RenderError(f"undefined filter {name}", token=token)
        return value
    values = [evaluate(a, context) for a in args] if args else []  # type: ignore[arg-type]
    named = {k: evaluate(v, context) for k, v in kwargs.items()} if kwargs else {}  # type: ignore[arg-type]
    literals = getattr(func, "empty_literals", None)
    if type(value) is EmptyLiteral and literals != "all":
        if literals == "fail":
            raise RenderError(
                f"{name}: undefined method for Liquid::Expression::MethodLiteral", token=token
            )
        value = ""
    if literals is None or (literals != "all" and literals != "args"):
        if values and any(type(v) is EmptyLiteral for v in values):
            values = [to_liquid(v) for v in values]
        if named:
            named = {k: to_liquid(v) for k, v in named.items()}
    memo_key: tuple[Any, ...] | None = None
    if (getattr(func, "memoized", False) and type(value) is str and not named
            and (not values or all(type(v) is str for v in values))):
        memo_key = (func, value, *values)
        hit = env.filter_memo.get(memo_key)  # type: ignore[attr-defined]
        if hit is not None:
            return hit
    ruby_call = None if named else getattr(func, "ruby_call", None)
    try:
        if ruby_call is not None and ruby_call.owner is func:
            result = ruby_call(context, value, values)
        else:
            extra: dict[str, Any] = {}
            if getattr(func, "with_context", False):
                extra["context"] = context
            if getattr(func, "with_environment", False):
                extra["environment"] = env
            result = func(value, *values, **named, **extra)
    except LiquidError as exc:
        if exc.token is None:
            exc.token = token
        raise
    except TypeError as exc:
        raise RenderError(_arity_message(exc, name, len(values) + 1), token=token) from None
    except (ValueError, ArithmeticError, KeyError, IndexError, AttributeError) as exc:
        raise RenderError(f"{name}: {exc}", token=token) from None
    if memo_key is not None and type(result) is str:
        remember(env.filter_memo, memo_key, result)  # type: ignore[attr-defined]
    return to_liquid(result) if literals == "all" else result


def _arity_message(exc: TypeError, name: str, given: int) -> str:
    text = str(exc)
    if "positional argument" in text or "required" in text:
        return f"wrong number of arguments (given {given}) for filter '{name}'"
    return f"{name}: {text}"


class VariableNode(Node):
    """``{{ ... }}``."""

    __slots__ = ("variable",)

    def __init__(self, token: Any, variable: Variable) -> None:
        super().__init__(token)
        self.variable = variable
        self.blank = False

    @classmethod
    def parse(cls, markup: str, offset: int, pc: ParseContext) -> VariableNode:
        token = pc.token(offset, markup)
        try:
            variable = Variable(markup, pc, offset)
        except LiquidSyntaxError as exc:
            if exc.token is None:
                exc.token = token
            raise
        return cls(token, variable)

    def __str__(self) -> str:
        return f"{{{{{self.variable.markup}}}}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        try:
            value = self.variable.render(context, self.token)
        except LiquidError as exc:
            if exc.token is None:
                exc.token = self.token
            raise
        return buffer.write(output_string(value))
