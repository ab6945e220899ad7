"""Liquid 5.4 expressions: literals, variable lookups, ranges and conditions.

Ruby liquid parses an expression twice over: a strict tokenizer (``Lexer`` and
``Parser``) only validates markup and re-spells it, then ``Expression.parse``
turns that text into a value or a lookup.  Lax parsing skips the first step.
Both are reproduced here, with Ruby's comparison rules: only ``nil`` and
``false`` are falsy, ``1 == 1.0`` but ``1 != "1"``, ``blank`` matches nothing
(Jekyll loads no ``blank?``), and ordering mismatched types is an error.

``empty`` and ``blank`` are two things: in a condition (``if x == empty``) a
predicate on the other side, elsewhere (Jekyll patches liquid's literals) an
object that prints as ``""`` but is no string, so ``where: "x", empty`` can
match nil, ``""`` and ``[]`` alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from liquid.exceptions import LiquidError, LiquidSyntaxError

from .syntax import ruby_strip

__all__ = [
    "Condition",
    "ElseCondition",
    "EmptyLiteral",
    "LiquidDrop",
    "MethodLiteral",
    "Parser",
    "RangeLookup",
    "RenderError",
    "VariableLookup",
    "evaluate",
    "parse_condition_expression",
    "parse_expression",
    "parse_jekyll_condition",
    "ruby_eq",
    "ruby_inspect_token",
    "ruby_to_i",
    "to_integer",
    "to_liquid",
    "truthy",
]


class RenderError(LiquidError):
    """A Liquid error raised while rendering (Jekyll fails the build on every one)."""


class LookupContext(Protocol):
    """What a lookup needs from the render context."""

    strict_variables: bool

    def find_variable(self, key: Any) -> Any: ...


class LiquidDrop:
    """A ``Liquid::Drop``: any key is defined; unknown methods give nil."""

    __slots__ = ()
    _liquid_methods: frozenset[str] = frozenset()

    def invoke(self, key: Any) -> Any:
        if isinstance(key, str) and key in self._liquid_methods:
            return getattr(self, key)
        return None

    def __str__(self) -> str:
        return f"Liquid::{type(self).__name__}"


def truthy(value: Any) -> bool:
    """Ruby truthiness."""
    return value is not None and value is not False


def evaluate(expr: Any, context: LookupContext) -> Any:
    """``context.evaluate``: expressions evaluate, literals are themselves."""
    method = getattr(expr, "evaluate", None)
    if method is not None and not isinstance(expr, type):
        return method(context)
    return expr


# -- values -----------------------------------------------------------------

_INTEGER_RE = re.compile(r"\A(-?\d+)\Z", re.A)
_FLOAT_RE = re.compile(r"\A(-?\d[\d.]+)\Z", re.A)
_RANGE_RE = re.compile(r"\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\Z", re.A)
_TO_I_RE = re.compile(r"\A[ \t\n\v\f\r]*([-+]?\d+(?:_\d+)*)", re.A)
_TO_F_RE = re.compile(r"\A-?\d+(?:\.\d+)?", re.A)


def ruby_to_i(value: Any) -> int:
    """``to_i`` on nil, strings and numbers (lenient: ``"12abc"`` is 12)."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise RenderError(f"undefined method `to_i' for {str(value).lower()}:"
                          f"{type(value).__name__.capitalize()}Class", token=None)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise RenderError(f"{value}", token=None)
        return int(value)
    if isinstance(value, str):
        m = _TO_I_RE.match(value)
        return int(m.group(1).replace("_", "")) if m else 0
    raise RenderError(f"undefined method `to_i' for {type(value).__name__}", token=None)


def to_integer(value: Any) -> int:
    """``Liquid::Utils.to_integer``: integers, or strings that are exactly integers."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    from .rubyvalues import to_s

    text = to_s(value) if value is not None else ""
    text = text.strip(" \t\n\v\f\r")
    if re.fullmatch(r"[-+]?(?:0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB][01]+|\d+(?:_\d+)*)",
                    text, re.A):
        return int(text.replace("_", ""), 0) if text.lstrip("+-")[:2].lower() in (
            "0x", "0b") else int(text.replace("_", ""))
    raise RenderError("invalid integer", token=None)


def _ruby_to_f(text: str) -> float:
    m = _TO_F_RE.match(text)
    return float(m.group(0)) if m else 0.0


class MethodLiteral:
    """``blank``/``empty`` in a condition: a predicate on the other operand."""

    __slots__ = ("method",)

    def __init__(self, method: str) -> None:
        self.method = method

    def __str__(self) -> str:
        return ""

    def applies_to(self, value: Any) -> Any:
        """``value.empty?``, or nil when the value has no such method."""
        if self.method == "empty?" and isinstance(value, (str, list, dict, Mapping)):
            return len(value) == 0
        return None


_METHOD_LITERALS = {"blank": MethodLiteral("blank?"), "empty": MethodLiteral("empty?")}


class EmptyLiteral:
    """``empty``/``blank`` outside a condition (Jekyll's ``Expression::MethodLiteral``).

    It prints as ``""`` and turns into ``""`` once a variable lookup or a filter
    returns it (``to_liquid``), but raw, as a filter's input or argument or in a
    ``where_exp`` comparison, it is an object equal only to itself.
    """

    __slots__ = ("method",)

    def __init__(self, method: str) -> None:
        self.method = method

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"EmptyLiteral({self.method!r})"


_LITERALS: dict[str, Any] = {
    "nil": None, "null": None, "": None, "true": True, "false": False,
    "blank": EmptyLiteral("blank?"), "empty": EmptyLiteral("empty?"),
}


def to_liquid(value: Any) -> Any:
    """What Ruby's ``to_liquid`` makes of a value read back: ``empty``/``blank`` become ``""``."""
    return "" if isinstance(value, EmptyLiteral) else value


class VariableLookup:
    """``page.title``, ``site.data[name].items``, ``[key]``."""

    __slots__ = ("commands", "dynamic_name", "lookups", "markup", "name", "steps")

    def __init__(self, markup: str) -> None:
        self.markup = markup
        parts: list[Any] = VARIABLE_PARSER_SCAN(markup)
        name: Any = parts.pop(0) if parts else None
        if isinstance(name, str) and name.startswith("[") and name.endswith("]"):
            name = parse_expression(name[1:-1])
        self.name = name
        self.dynamic_name = _is_dynamic(name)
        self.commands: set[int] = set()
        for i, part in enumerate(parts):
            if part.startswith("[") and part.endswith("]"):
                parts[i] = parse_expression(part[1:-1])
            elif part in ("size", "first", "last"):
                self.commands.add(i)
        self.lookups = parts
        #: per step: its key (evaluated first when ``dynamic``), dynamic, a command name
        self.steps = tuple(
            (part, _is_dynamic(part), i in self.commands) for i, part in enumerate(parts)
        )

    def __repr__(self) -> str:
        return f"VariableLookup({self.markup!r})"

    def evaluate(self, context: LookupContext) -> Any:
        name = self.name
        if self.dynamic_name:
            name = name.evaluate(context)
        obj = context.find_variable(name)
        if type(obj) is EmptyLiteral:
            obj = ""
        for lookup, dynamic, command in self.steps:
            key = lookup.evaluate(context) if dynamic else lookup
            found, obj = lookup_key(obj, key, command)
            if type(obj) is EmptyLiteral:
                obj = ""
            if not found:
                if context.strict_variables:
                    from .rubyvalues import to_s

                    raise RenderError(f"undefined variable {to_s(key)}", token=None)
                return None
        return obj


def VARIABLE_PARSER_SCAN(markup: str) -> list[Any]:
    from .syntax import VARIABLE_PARSER

    return list(VARIABLE_PARSER.findall(markup))


def _is_dynamic(expr: Any) -> bool:
    """Whether ``evaluate(expr)`` calls it: an expression, not a literal (nor a class)."""
    return hasattr(expr, "evaluate") and not isinstance(expr, type)


def lookup_key(obj: Any, key: Any, command: bool) -> tuple[bool, Any]:
    """One ``.key`` or ``[key]`` step of a lookup, as ``VariableLookup#evaluate`` does it."""
    if type(obj) is dict:
        try:
            if key in obj:
                return True, obj[key]
        except TypeError:
            pass
        return _command(obj, key) if command else (False, None)
    if isinstance(obj, LiquidDrop):
        return True, obj.invoke(key)
    drop_lookup = getattr(obj, "liquid_lookup", None)
    if drop_lookup is not None:  # a Jekyll drop: ``key in obj`` and ``obj[key]`` in one
        try:
            found: tuple[bool, Any] = drop_lookup(key)
            if found[0]:
                return found
        except TypeError:
            pass
        return _command(obj, key) if command else (False, None)
    if isinstance(obj, Mapping):
        try:
            if key in obj:
                return True, obj[key]
        except TypeError:
            pass
    elif isinstance(obj, (list, tuple)) and isinstance(key, int) and not isinstance(key, bool):
        try:
            return True, obj[key]
        except IndexError:
            return True, None
    if command:
        return _command(obj, key)
    return False, None


def _command(obj: Any, key: str) -> tuple[bool, Any]:
    if key == "size":
        if isinstance(obj, (str, list, tuple, dict, range)):
            return True, len(obj)
        if isinstance(obj, int) and not isinstance(obj, bool):
            return True, 8
    elif key == "first":
        if isinstance(obj, (list, tuple, range)):
            return True, obj[0] if len(obj) else None
        if isinstance(obj, Mapping):
            for k in obj:
                return True, [k, obj[k]]
            return True, None
    elif key == "last" and isinstance(obj, (list, tuple, range)):
        return True, obj[-1] if len(obj) else None
    return False, None


class RangeLookup:
    """``(a..b)`` with a variable end: evaluated into a range at render time."""

    __slots__ = ("end", "start")

    def __init__(self, start: Any, end: Any) -> None:
        self.start = start
        self.end = end

    def evaluate(self, context: LookupContext) -> range:
        start = _range_int(evaluate(self.start, context))
        end = _range_int(evaluate(self.end, context))
        return range(start, end + 1)


def _range_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if value is None or isinstance(value, str):
        return ruby_to_i(value)
    return to_integer(value)


def parse_expression(markup: str | None) -> Any:
    """``Expression.parse``: a literal value, or an object with ``evaluate``."""
    if markup is None:
        return None
    markup = ruby_strip(markup)
    if len(markup) >= 2 and markup[0] == markup[-1] and markup[0] in "\"'":
        return markup[1:-1]
    if markup in ('"', "'"):
        # a lone quote starts and ends with itself, as in Ruby
        return ""
    m = _INTEGER_RE.match(markup)
    if m:
        return int(m.group(1))
    m = _RANGE_RE.match(markup)
    if m:
        start, end = parse_expression(m.group(1)), parse_expression(m.group(2))
        if hasattr(start, "evaluate") or hasattr(end, "evaluate"):
            return RangeLookup(start, end)
        a, b = ruby_to_i(start), ruby_to_i(end)
        return range(a, b + 1)
    m = _FLOAT_RE.match(markup)
    if m:
        return _ruby_to_f(m.group(1))
    if markup in _LITERALS:
        return _LITERALS[markup]
    return VariableLookup(markup)


def parse_condition_expression(markup: str | None) -> Any:
    """``Condition.parse_expression``: ``blank``/``empty`` become predicates."""
    if markup is not None and markup in _METHOD_LITERALS:
        return _METHOD_LITERALS[markup]
    return parse_expression(markup)


# -- strict tokenizer ---------------------------------------------------------

_LEX_RE = re.compile(
    r"""(?P<comparison>==|!=|<>|<=?|>=?|contains(?=\s))
      |(?P<string>'[^']*'|"[^"]*")
      |(?P<number>-?\d+(?:\.\d+)?)
      |(?P<id>[a-zA-Z_][\w-]*\??)
      |(?P<dotdot>\.\.)""",
    re.X | re.A,
)
_SPECIALS = {
    "|": "pipe", ".": "dot", ":": "colon", ",": "comma", "[": "open_square",
    "]": "close_square", "(": "open_round", ")": "close_round", "?": "question",
    "-": "dash",
}
_WS = " \t\n\v\f\r"


def ruby_inspect_token(token: tuple[str, str] | tuple[str]) -> str:
    """A lexer token as Ruby prints it: ``[:comma, ","]``."""
    if len(token) == 1:
        return f"[:{token[0]}]"
    value = token[1].replace("\\", "\\\\").replace('"', '\\"')
    return f'[:{token[0]}, "{value}"]'


def tokenize(markup: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos, end = 0, len(markup)
    while True:
        while pos < end and markup[pos] in _WS:
            pos += 1
        if pos >= end:
            break
        m = _LEX_RE.match(markup, pos)
        if m:
            kind = m.lastgroup
            assert kind is not None
            tokens.append((kind, m.group()))
            pos = m.end()
            continue
        char = markup[pos]
        kind = _SPECIALS.get(char)
        if kind is None:
            raise LiquidSyntaxError(f"Unexpected character {char}", token=None)
        tokens.append((kind, char))
        pos += 1
    tokens.append(("end_of_string", ""))
    return tokens


class Parser:
    """liquid's strict ``Parser``: validates markup and re-spells expressions."""

    def __init__(self, markup: str) -> None:
        self.tokens = tokenize(markup)
        self.pos = 0

    def _token_str(self, index: int) -> str:
        tok = self.tokens[index]
        return ruby_inspect_token(tok if tok[0] != "end_of_string" else (tok[0],))

    def consume(self, kind: str | None = None) -> str:
        token = self.tokens[self.pos]
        if kind is not None and token[0] != kind:
            raise LiquidSyntaxError(f"Expected {kind} but found {token[0]}", token=None)
        self.pos += 1
        return token[1]

    def consume_if(self, kind: str) -> str | None:
        token = self.tokens[self.pos] if self.pos < len(self.tokens) else None
        if token is None or token[0] != kind:
            return None
        self.pos += 1
        return token[1]

    def id_is(self, word: str) -> str | None:
        token = self.tokens[self.pos] if self.pos < len(self.tokens) else None
        if token is None or token[0] != "id" or token[1] != word:
            return None
        self.pos += 1
        return word

    def look(self, kind: str, ahead: int = 0) -> bool:
        index = self.pos + ahead
        return index < len(self.tokens) and self.tokens[index][0] == kind

    def expression(self) -> str:
        kind = self.tokens[self.pos][0]
        if kind == "id":
            return self.consume() + self.variable_lookups()
        if kind == "open_square":
            text = self.consume() + self.expression() + self.consume("close_square")
            return text + self.variable_lookups()
        if kind in ("string", "number"):
            return self.consume()
        if kind == "open_round":
            self.consume()
            first = self.expression()
            self.consume("dotdot")
            last = self.expression()
            self.consume("close_round")
            return f"({first}..{last})"
        raise LiquidSyntaxError(f"{self._token_str(self.pos)} is not a valid expression",
                                token=None)

    def argument(self) -> str:
        text = ""
        if self.look("id") and self.look("colon", 1):
            text = self.consume() + self.consume() + " "
        return text + self.expression()

    def variable_lookups(self) -> str:
        text = ""
        while True:
            if self.look("open_square"):
                text += self.consume() + self.expression() + self.consume("close_square")
            elif self.look("dot"):
                text += self.consume() + self.consume("id")
            else:
                return text


# -- comparisons ---------------------------------------------------------------

def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def ruby_eq(left: Any, right: Any) -> bool:
    """Ruby's ``==`` on Liquid values."""
    if left is None or isinstance(left, bool):
        return right is left
    if _is_number(left):
        return _is_number(right) and left == right
    if isinstance(left, str):
        return isinstance(right, str) and left == right
    if isinstance(left, list):
        return (isinstance(right, list) and len(left) == len(right)
                and all(ruby_eq(a, b) for a, b in zip(left, right, strict=True)))
    if isinstance(left, dict):
        return (isinstance(right, dict) and left.keys() == right.keys()
                and all(ruby_eq(v, right[k]) for k, v in left.items()))
    if isinstance(left, range):
        return isinstance(right, range) and (left.start, left.stop) == (right.start, right.stop)
    if isinstance(left, (dt.datetime, dt.date)):
        return type(right) is type(left) and _same_time(left, right)
    return bool(left == right)


def _same_time(a: dt.date, b: dt.date) -> bool:
    try:
        return a == b
    except TypeError:
        return False


def _orderable(value: Any) -> bool:
    return _is_number(value) or isinstance(value, (str, dt.date))


def _class_name(value: Any) -> str:
    if isinstance(value, str):
        return "String"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, (dt.datetime, dt.date)):
        return "Time"
    return type(value).__name__


def _ruby_order(op: str, left: Any, right: Any) -> Any:
    if not (_orderable(left) and _orderable(right)):
        return None
    same = (_is_number(left) and _is_number(right)) or (
        isinstance(left, str) and isinstance(right, str)) or (
        isinstance(left, dt.date) and isinstance(right, dt.date))
    if not same:
        if _is_number(left):
            message = f"comparison of {_class_name(left)} with {_class_name(right)} failed"
        else:
            from .rubyvalues import to_s

            shown = f'"{right}"' if isinstance(right, str) else to_s(right)
            message = f"comparison of {_class_name(left)} with {shown} failed"
        raise RenderError(message, token=None)
    try:
        if op == "<":
            return left < right
        if op == ">":
            return left > right
        if op == "<=":
            return left <= right
        return left >= right
    except TypeError as exc:  # naive vs aware times
        raise RenderError(str(exc), token=None) from None


def _contains(left: Any, right: Any) -> bool:
    if not (truthy(left) and truthy(right)):
        return False
    if isinstance(left, str):
        from .rubyvalues import to_s

        return to_s(right) in left
    if isinstance(left, (list, tuple)):
        if _is_document_view(right):
            # Jekyll's lists hold documents and pages; a lookup yields their drops or
            # hashes, which never equal them
            return False
        return any(ruby_eq(item, right) for item in left)
    if isinstance(left, range):
        return _is_number(right) and left.start <= right <= left.stop - 1
    if isinstance(left, dict):
        try:
            return right in left
        except TypeError:
            return False
    # A Jekyll drop's include? walks (key, value) pairs, which no single value equals.
    return False


def _is_document_view(value: Any) -> bool:
    from .drops import PageHash

    return isinstance(value, PageHash) or (
        isinstance(value, Mapping) and not isinstance(value, dict))


def _equal_variables(left: Any, right: Any) -> Any:
    if isinstance(left, MethodLiteral):
        return left.applies_to(right)
    if isinstance(right, MethodLiteral):
        return right.applies_to(left)
    return ruby_eq(left, right)


def compare(op: str, left: Any, right: Any) -> Any:
    """``Condition#interpret_condition`` once both sides are evaluated."""
    if op == "==":
        return _equal_variables(left, right)
    if op in ("!=", "<>"):
        return not truthy(_equal_variables(left, right))
    if op in ("<", ">", "<=", ">="):
        return _ruby_order(op, left, right)
    if op == "contains":
        return _contains(left, right)
    raise RenderError(f"Unknown operator {op}", token=None)


class Condition:
    """``a``, ``a op b``, chained with ``and``/``or`` right to left as liquid does."""

    __slots__ = ("attachment", "child_condition", "child_relation", "left", "op", "right")

    def __init__(self, left: Any = None, op: str | None = None, right: Any = None) -> None:
        self.left = left
        self.op = op
        self.right = right
        self.child_relation: str | None = None
        self.child_condition: Condition | None = None
        self.attachment: Any = None

    def link(self, relation: str, condition: Condition) -> None:
        self.child_relation = relation
        self.child_condition = condition

    def is_else(self) -> bool:
        return False

    def evaluate(self, context: LookupContext) -> Any:
        condition: Condition | None = self
        result: Any = None
        while condition is not None:
            result = condition.interpret(context)
            if condition.child_relation == "or":
                if truthy(result):
                    break
            elif condition.child_relation == "and":
                if not truthy(result):
                    break
            else:
                break
            condition = condition.child_condition
        return result

    def interpret(self, context: LookupContext) -> Any:
        if self.op is None:
            return evaluate(self.left, context)
        left = evaluate(self.left, context)
        right = evaluate(self.right, context)
        return compare(self.op, left, right)


class ElseCondition(Condition):
    __slots__ = ()

    def is_else(self) -> bool:
        return True

    def evaluate(self, context: LookupContext) -> Any:
        return True


def parse_jekyll_condition(markup: str) -> Condition:
    """A ``where_exp`` expression, parsed strictly as Jekyll's ``parse_condition`` does
    (``blank``/``empty`` are :class:`EmptyLiteral` objects here, equal to nothing else,
    unlike in ``if``).

    Evaluate it for each item inside ``context.stack()`` with the item bound::

        with context.stack() as scope:
            scope[name] = item
            keep = truthy(condition.evaluate(context))
    """
    return parse_condition_chain(markup, parse_expression)


def parse_condition_chain(markup: str, operand: Callable[[str], Any]) -> Condition:
    """``a == b and c or d``, Ruby liquid's strict way: comparisons linked right to left.

    ``operand`` turns each side's text into an expression (``if`` and ``where_exp``
    differ only there: how ``blank``/``empty`` are read).
    """
    p = Parser(markup)
    first = condition = _comparison(p, operand)
    while True:
        op = p.id_is("and") or p.id_is("or")
        if op is None:
            break
        child = _comparison(p, operand)
        condition.link(op, child)
        condition = child
    p.consume("end_of_string")
    return first


def _comparison(p: Parser, operand: Callable[[str], Any]) -> Condition:
    left = operand(p.expression())
    op = p.consume_if("comparison")
    if op is None:
        return Condition(left)
    return Condition(left, op, operand(p.expression()))
