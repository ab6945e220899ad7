"""What every filter shares: Ruby's calling convention, its coercions and its errors.

Ruby Liquid calls a filter method with the input, the positional arguments and,
when keyword arguments were given, one trailing Hash of them; a count that does
not fit the method fails the render. Values are Ruby's, so ``nil`` (python-liquid's
``Undefined`` too), ``to_s``, ``to_i`` and ``Integer()`` keep Ruby's meaning here.
"""

from __future__ import annotations

import datetime as dt
import inspect as pyinspect
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

from liquid import Undefined
from liquid.exceptions import FilterArgumentError

from ..rubyvalues import inspect, is_nil, to_s

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..environment import SiteContext

__all__ = [
    "FilterFunc",
    "NoIndexMethod",
    "class_name",
    "empty_literals",
    "filter_error",
    "index",
    "input_iterator",
    "is_drop",
    "is_nil",
    "liquid_filter",
    "memoized",
    "remember",
    "ruby_int",
    "ruby_str",
    "site_of",
    "str_to_i",
    "to_integer",
]

FilterFunc = Callable[..., Any]
F = TypeVar("F", bound=FilterFunc)


def filter_error(message: str) -> FilterArgumentError:
    """The error a failing filter raises: the render, and so the build, stops."""
    return FilterArgumentError(message, token=None)


#: what a filter's input mostly is: never an ``Undefined`` (an ABC, slow to ask about)
_PLAIN_TYPES = frozenset((str, int, float, bool, type(None), list, dict, dt.datetime))


def _nil(value: Any) -> Any:
    if type(value) in _PLAIN_TYPES:
        return value
    if isinstance(value, Undefined):
        value.poke()  # a strict undefined raises here, as Jekyll's strict_variables does
        return None
    return value


class RubyCall:
    """How ``liquid_filter`` calls a filter, for ``output.invoke_filter`` to do the same
    without the wrapper's keyword plumbing (a render makes thousands of filter calls)."""

    __slots__ = ("expected", "func", "maximum", "owner", "required", "wants_context")

    def __init__(self, func: FilterFunc, required: int, maximum: int, expected: str,
                 wants_context: bool) -> None:
        self.func = func
        self.required = required
        self.maximum = maximum
        self.expected = expected
        self.wants_context = wants_context
        #: the wrapper this describes (a decorator copying its attributes is not it)
        self.owner: Any = None

    def __call__(self, context: Any, left: Any, args: list[Any]) -> Any:
        """The filter on ``left`` and positional ``args`` (no keyword arguments)."""
        left = _nil(left)
        if args:
            args = [_nil(a) for a in args]
        given = len(args) + 1
        if not self.required <= given <= self.maximum:
            raise filter_error(
                f"wrong number of arguments (given {given}, expected {self.expected})"
            )
        if self.wants_context:
            return self.func(left, *args, context=context)
        return self.func(left, *args)


def liquid_filter(func: F) -> F:
    """Call ``func`` as Ruby Liquid calls a filter method.

    Keyword arguments become one trailing hash argument, the argument count is
    checked against ``func``'s positional parameters (Ruby's ``wrong number of
    arguments``), and undefined values arrive as ``None``. A keyword-only
    ``context`` parameter receives the render context.
    """
    params = [
        p for p in pyinspect.signature(func).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    wants_context = "context" in pyinspect.signature(func).parameters
    required = sum(1 for p in params if p.default is p.empty)
    maximum = len(params)
    expected = str(required) if required == maximum else f"{required}..{maximum}"

    @wraps(func)
    def wrapper(left: Any, *args: Any, **kwargs: Any) -> Any:
        context = kwargs.pop("context", None)
        arguments = [_nil(left), *(_nil(a) for a in args)]
        if kwargs:
            arguments.append({k: _nil(v) for k, v in kwargs.items()})
        if not required <= len(arguments) <= maximum:
            raise filter_error(
                f"wrong number of arguments (given {len(arguments)}, expected {expected})"
            )
        if wants_context:
            return func(*arguments, context=context)
        return func(*arguments)

    if wants_context:
        wrapper.with_context = True  # type: ignore[attr-defined]
    call = RubyCall(func, required, maximum, expected, wants_context)
    call.owner = wrapper
    wrapper.ruby_call = call  # type: ignore[attr-defined]
    return cast(F, wrapper)


def memoized(func: F) -> F:
    """Mark a filter whose result depends on nothing but its string input and string
    arguments, so ``output.invoke_filter`` may keep its results for the environment's
    life: a site strips and collapses the same post text on many pages."""
    func.memoized = True  # type: ignore[attr-defined]
    return func


#: memoized results an environment keeps before it starts over (bounds a long-lived one)
MEMO_LIMIT = 20_000


def remember(memo: dict[Any, Any], key: Any, result: Any) -> Any:
    """Store one memoized filter result (``memoized``) and give it back."""
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = result
    return result


def empty_literals(mode: str) -> Callable[[F], F]:
    """Mark a filter that sees a literal ``empty``/``blank`` raw, as an argument
    (``"args"``: Jekyll's ``where`` matches nil and ``[]`` with it) or everywhere
    (``"all"``), or that fails on it as input (``"fail"``); see ``output.invoke_filter``."""

    def mark(func: F) -> F:
        func.empty_literals = mode  # type: ignore[attr-defined]
        return func

    return mark


def site_of(context: RenderContext | None) -> SiteContext | None:
    """The site being rendered (None for a template rendered on its own)."""
    if context is None:
        return None
    return getattr(context.env, "site", None)


def is_drop(value: Any) -> bool:
    """A Jekyll drop (our drops are read-only Mappings with computed keys)."""
    return isinstance(value, Mapping) and not isinstance(value, dict) and hasattr(
        value, "_methods"
    )


def ruby_str(value: Any) -> str:
    """Ruby's ``to_s`` itself, where arrays print as ``inspect`` (Liquid output joins them)."""
    if isinstance(value, (list, tuple)):
        return inspect(value)
    return to_s(value)


_TO_I_RE = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+(?:_[0-9]+)*)")


def str_to_i(text: str) -> int:
    """Ruby's ``String#to_i``: the leading integer, 0 when there is none."""
    m = _TO_I_RE.match(text)
    return int(m.group(1).replace("_", "")) if m else 0


_INTEGER_RE = re.compile(
    r"[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB][01]+(?:_[01]+)*"
    r"|0[oO]?[0-7]+(?:_[0-7]+)*|0[dD][0-9]+(?:_[0-9]+)*|[0-9]+(?:_[0-9]+)*)[ \t\n\v\f\r]*"
)


def ruby_int(text: str) -> int | None:
    """Ruby's ``Integer(text)``, or None where it raises."""
    m = _INTEGER_RE.fullmatch(text)
    if not m:
        return None
    sign = -1 if m.group(1) == "-" else 1
    body = m.group(2).replace("_", "")
    lowered = body.lower()
    if lowered.startswith("0x"):
        return sign * int(body[2:], 16)
    if lowered.startswith("0b"):
        return sign * int(body[2:], 2)
    if lowered.startswith("0d"):
        return sign * int(body[2:])
    if lowered.startswith("0o"):
        return sign * int(body[2:], 8)
    if len(body) > 1 and body.startswith("0"):
        return sign * int(body[1:], 8)
    return sign * int(body)


def to_integer(value: Any) -> int:
    """Liquid's ``Utils.to_integer``: integers as they are, else ``Integer(to_s)``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    result = ruby_int(ruby_str(value))
    if result is None:
        raise filter_error("invalid integer")
    return result


def input_iterator(value: Any) -> list[Any]:
    """Liquid's ``InputIterator``: arrays flattened, a hash as one item, nil as none."""
    if isinstance(value, (list, tuple)):
        return _flatten(value)
    if value is None:
        return []
    if is_drop(value):
        # A Jekyll drop is Enumerable: iterating yields its keys.
        return list(value.keys())
    if isinstance(value, (str, Mapping)):
        return [value]
    if isinstance(value, range):
        return list(value)
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def _flatten(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


class NoIndexMethod(Exception):
    """The value has no ``[]`` method (Ruby's NoMethodError)."""


def class_name(value: Any) -> str:
    """The Ruby class a value would have, for Ruby's error messages."""
    if value is None:
        return "NilClass"
    if isinstance(value, bool):
        return "TrueClass" if value else "FalseClass"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, (float, Decimal)):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, (list, tuple)):
        return "Array"
    if isinstance(value, range):
        return "Range"
    if isinstance(value, dt.datetime):
        return "Time"
    if isinstance(value, dt.date):
        return "Date"
    if is_drop(value):
        return f"Jekyll::Drops::{type(value).__name__}"
    if isinstance(value, Mapping):
        return "Hash"
    return type(value).__name__


def index(item: Any, key: Any) -> Any:
    """Ruby's ``item[key]`` on a Liquid value.

    Raises TypeError where Ruby does (a string key into an array) and
    NoIndexMethod where the value has no ``[]`` at all (nil, numbers, times).
    """
    if isinstance(item, Mapping):
        try:
            return item[key]
        except (KeyError, TypeError):
            return None
    if isinstance(item, (list, tuple)):
        if isinstance(key, bool) or not isinstance(key, (int, float)):
            raise TypeError(f"no implicit conversion of {class_name(key)} into Integer")
        i = int(key)
        return item[i] if -len(item) <= i < len(item) else None
    if isinstance(item, str):
        if isinstance(key, str):
            return key if key in item else None
        if isinstance(key, int) and not isinstance(key, bool):
            return item[key] if -len(item) <= key < len(item) else None
        raise TypeError(f"no implicit conversion of {class_name(key)} into Integer")
    if isinstance(item, int) and not isinstance(item, bool):
        if isinstance(key, int) and not isinstance(key, bool):
            return (item >> key) & 1 if key >= 0 else 0
        raise TypeError(f"no implicit conversion of {class_name(key)} into Integer")
    raise NoIndexMethod(class_name(item))
