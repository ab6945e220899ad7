"""PyYAML's loaders taught Psych's rules: the part of ``_yaml`` that imports PyYAML,
loaded only when a text must really be parsed (not when the read cache has it).

PyYAML and Psych are both YAML 1.1; where they differ in ways a site can see,
Psych wins: times with offsets such as ``-0500`` or ``-5`` are times, not strings;
aliases are allowed but bounded (a billion-laughs document fails cleanly instead
of exhausting memory).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from ._yaml import YamlError

__all__ = ["load_yaml"]

# Psych's ScalarScanner TIME, with the offset forms it accepts (Z, +5, -05:00, -0500).
_TIME_RE = re.compile(
    r"""^(?P<year>-?[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})
    (?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})
    (?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|[-+][0-9]{1,2}:?(?:[0-9]{1,2})?))?$""",
    re.X,
)
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_MAX_ALIAS_EXPANSION = 100_000


def _parse_time(text: str, zone: dt.tzinfo | None = None) -> dt.datetime | None:
    m = _TIME_RE.match(text)
    if not m:
        return None
    fraction = (m.group("fraction") or "")[:6].ljust(6, "0")
    try:
        naive = dt.datetime(
            int(m.group("year")), int(m.group("month")), int(m.group("day")),
            int(m.group("hour")), int(m.group("minute")), int(m.group("second")),
            int(fraction),
        )
    except ValueError:
        return None
    tz = m.group("tz")
    if tz is None:
        # Psych reads the digits as UTC (Time.at) and shows the instant in the local zone,
        # which under Jekyll is the site's `timezone:`.
        utc = naive.replace(tzinfo=dt.timezone.utc)
        return utc.astimezone(zone) if zone is not None else utc.astimezone()
    if tz == "Z":
        return naive.replace(tzinfo=dt.timezone.utc)
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    offset = dt.timedelta(hours=hours, minutes=minutes) * sign
    return naive.replace(tzinfo=dt.timezone(offset))


class _PsychLoader(yaml.SafeLoader):
    """SafeLoader resolving timestamps as Psych does and counting alias uses."""

    alias_expansions = 0
    zone: dt.tzinfo | None = None

    def construct_psych_timestamp(self, node: yaml.ScalarNode) -> Any:
        value = str(self.construct_scalar(node))
        if _DATE_RE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                # Psych raises for impossible dates; keep it a string like a quoted value.
                return value
        parsed = _parse_time(value, getattr(self, "zone", None))
        return value if parsed is None else parsed

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.alias_expansions += 1
            if self.alias_expansions > _MAX_ALIAS_EXPANSION:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.constructor.ConstructorError(
                    None, None, "too many alias references (possible YAML bomb)",
                    event.start_mark,
                )
        else:
            # Psych lets an anchor be defined again: later aliases take the new value
            # (locale tables in themes repeat ``&EN`` per entry); PyYAML refuses it.
            anchor = self.peek_event().anchor  # type: ignore[no-untyped-call]
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


# Resolve Psych's wider timestamp syntax before PyYAML's own (which rejects -0500).
_PsychLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PsychLoader.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(
        r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
        r"|-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
        r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}:?(?:[0-9]{1,2})?))?)$"
    ),
    list("-0123456789"),
)
_PsychLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _PsychLoader.construct_psych_timestamp
)


def _construct_symbol(loader: _PsychLoader, node: yaml.ScalarNode) -> Any:
    raise yaml.constructor.ConstructorError(
        None, None, "Tried to load unspecified class: Symbol", node.start_mark)


# A plain ``:name`` is a Ruby Symbol to Psych, which safe_load refuses: Jekyll stops on
# it (``sass: {style: :expanded}`` in a config, say). Quoted, it is a string.
_SYMBOL_TAG = "tag:newsletter-liquid:ruby-symbol"
_PsychLoader.add_implicit_resolver(_SYMBOL_TAG, re.compile(r"^:."), [":"])
_PsychLoader.add_constructor(_SYMBOL_TAG, _construct_symbol)


def _check_size(value: Any, budget: list[int]) -> None:
    """Walk the loaded value so that shared (aliased) subtrees count at every use."""
    stack = [value]
    while stack:
        item = stack.pop()
        budget[0] -= 1
        if budget[0] < 0:
            raise YamlError("YAML document expands to too many values (alias bomb?)", 0, 0)
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


_CLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _CPsychLoader(yaml.CSafeLoader):
        """libyaml's parser with the same resolvers and constructors as _PsychLoader."""

    _CPsychLoader.yaml_implicit_resolvers = _PsychLoader.yaml_implicit_resolvers
    _CPsychLoader.yaml_constructors = _PsychLoader.yaml_constructors
    _CLoader = _CPsychLoader

# What the fast path leaves to the pure-Python loader: anything that may be an anchor or
# alias (counted there), characters PyYAML's reader rejects, deep nesting (libyaml
# recurses in C).
_NOT_FAST_RE = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x84\\x86-\\x9f"
                          "\\ud800-\\udfff\\ufffe\\uffff]"
                          "|(?:^|[\\s\\[\\]{},:?-])[&*]")
_FLOW_RE = re.compile(r"[\[\]{}]")
_FAST_MAX_DEPTH = 64


def _shallow(text: str) -> bool:
    depth = 0
    for m in _FLOW_RE.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        if depth > _FAST_MAX_DEPTH:
            return False
    return max((len(line) - len(line.lstrip(" -")) for line in text.splitlines()),
               default=0) <= _FAST_MAX_DEPTH


def _fast_load(text: str, zone: dt.tzinfo | None) -> tuple[bool, Any]:
    """(True, value) when libyaml loads ``text`` cleanly (10x faster than PyYAML's pure
    Python parser, same events); (False, None) sends it to the checked slow path,
    which also produces every error message."""
    if _CLoader is None or len(text) > 1_000_000 or _NOT_FAST_RE.search(text) \
            or not _shallow(text):
        return False, None
    loader = _CLoader(text)
    loader.zone = zone
    try:
        return True, loader.get_single_data()
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return False, None
    finally:
        loader.dispose()


def load_yaml(text: str, zone: dt.tzinfo | None = None) -> Any:
    """Load one YAML document as Jekyll (Psych.safe_load with aliases) would."""
    ok, fast = _fast_load(text, zone)
    if ok:
        return fast
    loader = None
    try:
        loader = _PsychLoader(text)
        loader.zone = zone
        value = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line if mark else 0
        col = mark.column if mark else 0
        message = exc.problem or exc.context or "invalid YAML"
        raise YamlError(message, line, col) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line if mark else _line_of(text, getattr(exc, "position", 0))
        col = mark.column if mark else 0
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise YamlError(str(reason), line, col) from None
    except RecursionError:
        raise YamlError("YAML is nested too deeply", 0, 0) from None
    finally:
        if loader is not None:
            loader.dispose()
    if loader.alias_expansions:
        _check_size(value, [_MAX_ALIAS_EXPANSION * 10])
    return value


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, max(0, position))
