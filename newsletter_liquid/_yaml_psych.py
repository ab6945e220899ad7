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
from .utils import is_ruby_alpha

__all__ = ["load_yaml"]

# Psych's ScalarScanner TIME, with the offset forms it accepts (Z, +5, -05:00, -0500).
_TIME_RE = re.compile(
    r"""^(?P<year>-?[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})
    (?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})
    (?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|[-+][0-9]{1,2}:?(?:[0-9]{1,2})?))?$""",
    re.X,
)
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


# -- plain scalars: Psych's ScalarScanner#tokenize ---------------------------------------
_STRINGISH_PUNCT = frozenset("_!@#$%^&*(){}<>|/\\~;= \t\n\v\f\r")
_PSYCH_DATE_RE = re.compile(r"^[0-9]{4}-(1[012]|0[0-9]|[0-9])-([12][0-9]|3[01]|0[0-9]|[0-9])$")
_BASE60_INT_RE = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$")
_BASE60_FLOAT_RE = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$")
_FLOAT_RE = re.compile(r"^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$")
_INTEGER_RE = re.compile(r"""^(?:[-+]?0b[0-1_,]+
                              |[-+]?0[0-7_,]+
                              |[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)
                              |[-+]?0x[0-9a-fA-F_,]+)$""", re.X)
_RUBY_INT_PREFIX = re.compile(r"[-+]?[0-9]+(?:_[0-9]+)*")
_RUBY_FLOAT_PREFIX = re.compile(r"[-+]?[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?")
_SPECIAL_FLOATS = {"+.inf": float("inf"), ".inf": float("inf"), "-.inf": float("-inf"),
                   ".nan": float("nan")}


def _stringish(text: str) -> bool:
    """``/^[^\\d.:-]?[[:alpha:]_\\s!@#$%\\^&*(){}<>|\\/\\\\~;=]+/``: Psych's quick "a word"."""
    def word(char: str) -> bool:
        return char in _STRINGISH_PUNCT or is_ruby_alpha(char)

    return word(text[0]) or (len(text) > 1 and text[0] not in "0123456789.:-" and word(text[1]))


def _ruby_to_i(text: str) -> int:
    m = _RUBY_INT_PREFIX.match(text)
    return int(m.group().replace("_", "")) if m else 0


def _ruby_to_f(text: str) -> float:
    m = _RUBY_FLOAT_PREFIX.match(text)
    return float(m.group().replace("_", "")) if m else 0.0


def _ruby_integer(text: str) -> int:
    """``Integer(text)`` for what Psych's INTEGER matched (separators removed)."""
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    if body.startswith(("0x", "0b")):
        return sign * int(body[2:], 16 if body[1] == "x" else 2)
    if len(body) > 1 and body.startswith("0"):
        return sign * int(body[1:], 8)
    return sign * int(body)


def psych_scalar(text: str, zone: dt.tzinfo | None = None) -> Any:
    """What Psych makes of a plain (unquoted, untagged) scalar, rule for rule: YAML 1.1
    words in any case, times and dates (``2024-1-5`` too), base-60 numbers (with
    Psych's own weights: ``12:30`` is 45000), separators in numbers (``1,000``)."""
    if not text:
        return None
    if "\n" in text or _stringish(text):
        if len(text) > 5:
            return text
        lower = text.lower()
        if lower[0] not in "ytonf~":
            return text
        if text == "~" or lower == "null":
            return None
        if lower in ("yes", "true", "on"):
            return True
        if lower in ("no", "false", "off"):
            return False
        return text
    if _TIME_RE.match(text):
        parsed = _parse_time(text, zone)
        return text if parsed is None else parsed
    date = _PSYCH_DATE_RE.match(text)
    if date:
        try:
            return dt.date(int(text[:4]), int(date.group(1)), int(date.group(2)))
        except ValueError:
            return text
    special = _SPECIAL_FLOATS.get(text.lower())
    if special is not None:
        return special
    if text.startswith(":") and len(text) > 1:
        raise ValueError("Tried to load unspecified class: Symbol")
    if _BASE60_INT_RE.match(text):
        return sum(_ruby_to_i(n) * 60 ** abs(e - 2) for e, n in enumerate(text.split(":")))
    if _BASE60_FLOAT_RE.match(text):
        return sum(_ruby_to_f(n) * 60 ** abs(e - 2) for e, n in enumerate(text.split(":")))
    if _FLOAT_RE.match(text):
        if text.lstrip("+-") == ".":
            return text
        cleaned = re.sub(r"[,_]|\.([Ee]|$)", lambda m: m.group(1) or "", text)
        try:
            return float(cleaned)
        except ValueError:
            raise ValueError(f'invalid value for Float(): "{cleaned}"') from None
    if _INTEGER_RE.match(text):
        cleaned = text.replace(",", "").replace("_", "")
        try:
            return _ruby_integer(cleaned)
        except ValueError:
            raise ValueError(f'invalid value for Integer(): "{cleaned}"') from None
    return text


_PLAIN_TAG = "tag:newsletter-liquid:psych-plain"


class _PsychScalars:
    """Plain scalars resolved as Psych resolves them (``<<`` keeps its merge meaning)."""

    zone: dt.tzinfo | None = None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN_TAG
        return super().resolve(kind, value, implicit)  # type: ignore[misc]

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        # a plain ``<<`` key merges (Psych's revive_hash); a ``<<`` value is text
        for key_node, _ in node.value:
            if key_node.tag == _PLAIN_TAG and key_node.value == "<<":
                key_node.tag = "tag:yaml.org,2002:merge"
        super().flatten_mapping(node)  # type: ignore[misc]

    def construct_psych_plain(self, node: yaml.ScalarNode) -> Any:
        try:
            return psych_scalar(str(node.value), self.zone)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, str(exc), node.start_mark) from None

    def construct_psych_timestamp(self, node: yaml.ScalarNode) -> Any:
        """An explicit ``!!timestamp``: Psych's time, else its date, else the text."""
        value = str(node.value)
        parsed = _parse_time(value, self.zone)
        if parsed is not None:
            return parsed
        return psych_scalar(value, self.zone) if _PSYCH_DATE_RE.match(value) else value


class _PsychLoader(_PsychScalars, yaml.SafeLoader):
    """SafeLoader resolving plain scalars as Psych does and counting alias uses."""

    alias_expansions = 0

    def scan_plain_spaces(self, indent: int, start_mark: Any) -> list[str] | None:
        """libyaml's blanks inside a plain scalar: spaces and tabs (``s: one<TAB>two``;
        PyYAML takes spaces only), a tab that starts a continuation line left of the
        indentation being the one error."""
        breaks_chars = "\r\n\x85\u2028\u2029"
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() not in breaks_chars:
            return [whitespaces] if whitespaces else chunks
        line_break = self.scan_line_break()  # type: ignore[no-untyped-call]
        self.allow_simple_key = True
        if self._document_marker():
            return None
        breaks: list[str] = []
        while self.peek() in " \t" + breaks_chars:
            if self.peek() == "\t" and self.column < indent:
                raise yaml.scanner.ScannerError(
                    "while scanning a plain scalar", start_mark,
                    "found a tab character that violates indentation", self.get_mark())
            if self.peek() in " \t":
                self.forward()
            else:
                breaks.append(self.scan_line_break())  # type: ignore[no-untyped-call]
                if self._document_marker():
                    return None
        if line_break != "\n":
            chunks.append(line_break)
        elif not breaks:
            chunks.append(" ")
        chunks.extend(breaks)
        return chunks

    def _document_marker(self) -> bool:
        return self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t\r\n\x85\u2028\u2029"

    def scan_to_next_token(self) -> None:
        """libyaml's (Psych's parser): a tab is blank in a flow and wherever no key can
        start (``b: x<TAB># c``); PyYAML's scanner takes only spaces."""
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        while True:
            while self.peek() == " " or (self.peek() == "\t" and (
                    self.flow_level or not self.allow_simple_key)):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0\r\n\x85\u2028\u2029":
                    self.forward()
            if not self.scan_line_break():  # type: ignore[no-untyped-call]
                return
            if not self.flow_level:
                self.allow_simple_key = True

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


def _construct_plain(loader: _PsychLoader, node: yaml.ScalarNode) -> Any:
    return loader.construct_psych_plain(node)


def _construct_timestamp(loader: _PsychLoader, node: yaml.ScalarNode) -> Any:
    return loader.construct_psych_timestamp(node)


_PsychLoader.add_constructor(_PLAIN_TAG, _construct_plain)
_PsychLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


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

    class _CPsychLoader(_PsychScalars, yaml.CSafeLoader):
        """libyaml's parser with the same resolution and constructors as _PsychLoader."""

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
