"""Jekyll's collection filters: ``where``, ``where_exp``, ``find``, ``find_exp``,
``group_by``, ``group_by_exp`` and Jekyll's ``sort`` (which replaces Liquid's).

Properties are read the way Jekyll's ``item_property`` reads them: dotted paths
walk hashes, numeric-looking values become numbers, and matching compares
``to_s`` forms, so ``where: "age", "27"`` finds ``age: 27``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..rubyvalues import to_s
from ._base import (
    NoIndexMethod,
    class_name,
    empty_literals,
    filter_error,
    index,
    is_drop,
    liquid_filter,
    ruby_str,
    str_to_i,
)
from .rubysort import compare_or_fail, merge_sort, spaceship

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..environment import JekyllEnvironment

__all__ = ["item_property", "register"]

_FLOAT_LIKE = re.compile(r"\A[ \t\n\v\f\r]*-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[ \t\n\v\f\r]*\Z")
_INTEGER_LIKE = re.compile(r"\A[ \t\n\v\f\r]*-?[0-9]+[ \t\n\v\f\r]*\Z")


def _to_i(value: Any) -> int:
    if isinstance(value, str):
        return str_to_i(value)
    return int(value)


def _to_f(value: Any) -> float:
    if isinstance(value, str):
        m = re.match(r"[ \t\n\v\f\r]*(-?(?:[0-9]+\.?[0-9]*|\.[0-9]+))", value)
        return float(m.group(1)) if m else 0.0
    return float(value)


def parse_sort_input(value: Any) -> Any:
    """Numbers from numeric-looking values (Jekyll's ``parse_sort_input``)."""
    if isinstance(value, bool) or value is None or not isinstance(value, (str, int, float)):
        return value
    text = ruby_str(value)
    if _INTEGER_LIKE.match(text):
        return _to_i(value)
    if _FLOAT_LIKE.match(text):
        return _to_f(value)
    return value


def _read(item: Any, key: Any) -> Any:
    try:
        return index(item, key)
    except TypeError as exc:
        raise filter_error(str(exc)) from None
    except NoIndexMethod:
        raise filter_error(
            f"undefined method `[]' for {ruby_str(item) or 'nil'}:{class_name(item)}"
        ) from None


def _responds_to_index(value: Any) -> bool:
    return isinstance(value, (Mapping, list, tuple, str)) or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def item_property(item: Any, prop: Any) -> Any:
    """Jekyll's ``item_property``: ``item[prop]``, or a walk down a dotted path."""
    name = ruby_str(prop)
    if "." not in name:
        return parse_sort_input(_read(item, name))
    data: Any = item
    for key in name.split("."):
        # ``data.respond_to?(:[]) && data[key]``: past a nil the walk yields false.
        data = _read(data, key) if _responds_to_index(data) else False
    return parse_sort_input(data)


def _values(value: Any) -> list[Any] | None:
    """What ``select``/``find`` run over: arrays, a hash's values (a drop's key-value
    pairs: drops are no hashes); None for the rest."""
    if is_drop(value):
        return [[k, v] for k, v in value.items()]
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, range):
        return list(value)
    return None


def _matches(prop: Any, target: Any) -> bool:
    """Jekyll's ``compare_property_vs_target``."""
    from ..expressions import EmptyLiteral

    if target is None:
        return prop is None
    if isinstance(target, EmptyLiteral):
        # ``empty``/``blank`` (Jekyll makes them literals): "", nil, [] and {} all match.
        return prop == "" or _joined(_ruby_array(prop)) == ""
    wanted = ruby_str(target)
    if isinstance(prop, str):
        return prop == wanted
    return any(ruby_str(p) == wanted for p in _ruby_array(prop))


def _joined(items: list[Any] | tuple[Any, ...]) -> str:
    return "".join(_joined(i) if isinstance(i, (list, tuple)) else to_s(i) for i in items)


def _ruby_array(value: Any) -> list[Any]:
    """Ruby's ``Array(value)``."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping) and isinstance(value, dict):
        return [[k, v] for k, v in value.items()]
    return [value]


@empty_literals("args")
@liquid_filter
def where(value: Any, prop: Any, target: Any) -> Any:
    """Items whose property equals the value (`empty` matches nil, `""` and `[]`) (Jekyll)."""
    if prop is None or prop is False or isinstance(target, (list, tuple, Mapping)):
        return value
    items = _values(value)
    if items is None:
        return value
    return [item for item in items if _matches(item_property(item, prop), target)]


@empty_literals("args")
@liquid_filter
def find(value: Any, prop: Any, target: Any) -> Any:
    """The first item whose property equals the value, or nil (Jekyll)."""
    if prop is None or prop is False or isinstance(target, (list, tuple, Mapping)):
        return value
    items = _values(value)
    if items is None:
        return value
    for item in items:
        if _matches(item_property(item, prop), target):
            return item
    return None


def _parse_condition(expression: Any) -> Any:
    """Jekyll's ``parse_condition``: strict parser, comparisons joined by and/or."""
    from ..expressions import Condition, Parser, parse_expression

    if expression is not None and not isinstance(expression, str):
        raise _not_a_string(expression)
    parser = Parser(ruby_str(expression))

    def comparison() -> Any:
        left = parse_expression(parser.expression())
        op = parser.consume_if("comparison")
        if op is None:
            return Condition(left)
        return Condition(left, op, parse_expression(parser.expression()))

    first = condition = comparison()
    while True:
        relation = parser.id_is("and") or parser.id_is("or")
        if relation is None:
            break
        child = comparison()
        condition.link(relation, child)
        condition = child
    parser.consume("end_of_string")
    return first


def _not_a_string(value: Any) -> Exception:
    shown = "nil" if value is None else class_name(value)
    return filter_error(f"no implicit conversion of {shown} into String")


@contextmanager
def _bound(context: RenderContext) -> Iterator[dict[str, Any]]:
    """A fresh innermost scope (``@context.stack``) for the item variable."""
    namespace: dict[str, Any] = {}
    with context.extend(namespace):
        yield namespace


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


@liquid_filter
def where_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    """Items for which a Liquid condition holds, e.g. `where_exp: "p", "p.year >= 2020"`
    (Jekyll)."""
    items = _values(value)
    if items is None:
        return value
    condition = _parse_condition(expression)
    name = ruby_str(variable)
    selected = []
    with _bound(context) as scope:
        for item in items:
            scope[name] = item
            if _truthy(condition.evaluate(context)):
                selected.append(item)
    return selected


@liquid_filter
def find_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    """The first item for which a Liquid condition holds, e.g. `find_exp: "p", "p.age > 30"`
    (Jekyll)."""
    items = _values(value)
    if items is None:
        return value
    condition = _parse_condition(expression)
    name = ruby_str(variable)
    with _bound(context) as scope:
        for item in items:
            scope[name] = item
            if _truthy(condition.evaluate(context)):
                return item
    return None


def _groupable(value: Any) -> list[Any] | None:
    """What ``group_by`` runs over (a hash yields its pairs); None: not Enumerable."""
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    if isinstance(value, (list, tuple, range)):
        return list(value)
    return None


def eql_key(value: Any) -> Any:
    """A key equal where Ruby's ``eql?`` is: ``1``, ``1.0`` and ``"1"`` stay apart."""
    if isinstance(value, (list, tuple)):
        return ("array", tuple(eql_key(v) for v in value))
    if isinstance(value, Mapping):
        return ("hash", frozenset((eql_key(k), eql_key(v)) for k, v in value.items()))
    try:
        hash(value)
    except TypeError:
        return ("object", id(value))
    return (type(value).__name__, value)


def _grouped(items: list[Any], keys: list[Any]) -> list[dict[str, Any]]:
    groups: dict[Any, dict[str, Any]] = {}
    for item, key in zip(items, keys, strict=True):
        slot = groups.get(eql_key(key))
        if slot is None:
            slot = groups[eql_key(key)] = {"name": key, "items": [], "size": 0}
        slot["items"].append(item)
        slot["size"] += 1
    return list(groups.values())


@liquid_filter
def group_by(value: Any, prop: Any) -> Any:
    """Group items by a property into `{name, items, size}` hashes, in first-seen order (Jekyll)."""
    items = _groupable(value)
    if items is None:
        return value
    return _grouped(items, [ruby_str(item_property(item, prop)) for item in items])


@empty_literals("args")
@liquid_filter
def group_by_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    """Group items by the value of a Liquid expression, e.g. `group_by_exp: "p", "p.date | date:
    '%Y'"` (Jekyll)."""
    from ..output import Variable
    from ..parsing import ParseContext

    items = _groupable(value)
    if items is None:
        return value
    if not isinstance(expression, str):
        raise _not_a_string(expression)
    markup = expression
    mode = str(getattr(context.env, "error_mode", "warn"))
    parsed = Variable(markup, ParseContext(context.env, markup, mode), 0)
    name = ruby_str(variable)
    keys = []
    with _bound(context) as scope:
        for item in items:
            scope[name] = item
            keys.append(parsed.render(context))
    return _grouped(items, keys)


def _sortable(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple, range)):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    raise filter_error(f"undefined method `sort' for {ruby_str(value)}:{class_name(value)}")


@liquid_filter
def sort(value: Any, prop: Any = None, nils: Any = "first") -> Any:
    """Sort an array, by a property when given; nil properties first or `"last"` (Jekyll's version
    of Liquid's)."""
    if value is None:
        raise filter_error("Cannot sort a null object.")
    items = _sortable(value)
    if prop is None:
        return merge_sort(items, compare_or_fail)
    if nils == "first":
        order = -1
    elif nils == "last":
        order = 1
    else:
        raise filter_error(
            f"Invalid nils order: '{ruby_str(nils)}' is not a valid nils order. "
            "It must be 'first' or 'last'."
        )
    keyed = [(item_property(item, prop), item) for item in items]

    def compare(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
        x, y = a[0], b[0]
        if x is not None and y is None:
            return -order
        if x is None and y is not None:
            return order
        result = spaceship(x, y)
        if result is None:
            result = spaceship(ruby_str(x), ruby_str(y))
        assert result is not None
        return result

    return [item for _, item in merge_sort(keyed, compare)]


def register(env: JekyllEnvironment) -> None:
    for name, func in (
        ("where", where), ("find", find), ("where_exp", where_exp), ("find_exp", find_exp),
        ("group_by", group_by), ("group_by_exp", group_by_exp), ("sort", sort),
    ):
        env.add_filter(name, func)
