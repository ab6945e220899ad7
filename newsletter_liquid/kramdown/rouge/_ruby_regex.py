"""Rewrite Ruby (Onigmo) regex syntax that Python's ``re`` lacks or reads differently.

Rule tables keep rouge's patterns as rouge spells them, so a port can be
checked against the Ruby source by eye; this module turns the Onigmo-only
pieces into ``re`` syntax: ``\\h``, ``\\z``/``\\Z``, ``\\e``, POSIX bracket
classes and ``\\p{...}`` properties (Unicode-aware in Ruby, as ranges here),
``(?<name>...)``/``\\k<name>``, and word boundaries (Unicode-aware in Ruby
even though ``\\w`` is ASCII).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

__all__ = ["translate"]

_HEX = "0-9a-fA-F"
# code points scanned for property classes: everything assigned up to CJK
# extension H, plus the tag and variation-selector block of plane 14
_SCAN_RANGES = ((0, 0x32400), (0xE0000, 0xE01F0))
_WHITE_SPACE = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_ASCII_PUNCT_SYMBOLS = frozenset("$+<=>^`|~")


def _alpha(char: str, category: str) -> bool:
    # Ruby's Alphabetic: letters, letter numbers and (approximately) spacing marks
    return category[0] == "L" or category in ("Nl", "Mc")


_PREDICATES: dict[str, Callable[[str, str], bool]] = {
    "alpha": _alpha,
    "digit": lambda char, cat: cat == "Nd",
    "alnum": lambda char, cat: _alpha(char, cat) or cat == "Nd",
    "upper": lambda char, cat: cat == "Lu" or char.isupper(),
    "lower": lambda char, cat: cat == "Ll" or char.islower(),
    "word": lambda char, cat: _alpha(char, cat) or cat[0] == "M" or cat in ("Nd", "Pc"),
    "space": lambda char, cat: char in _WHITE_SPACE,
    "blank": lambda char, cat: cat == "Zs" or char == "\t",
    "punct": lambda char, cat: cat[0] == "P" or char in _ASCII_PUNCT_SYMBOLS,
    "cntrl": lambda char, cat: cat == "Cc",
    "xdigit": lambda char, cat: char in "0123456789abcdefABCDEF",
    "graph": lambda char, cat: char not in _WHITE_SPACE and cat not in ("Cc", "Cn", "Cs"),
    "print": lambda char, cat: cat not in ("Cc", "Cn", "Cs"),
    "xid_start": lambda char, cat: char.isidentifier() and char != "_",
    "xid_continue": lambda char, cat: ("a" + char).isidentifier(),
}


def _property_predicate(name: str) -> Callable[[str, str], bool]:
    key = name.lower().replace("_", "") if name.lower() not in _PREDICATES else name.lower()
    key = {"xidstart": "xid_start", "xidcontinue": "xid_continue"}.get(key, key)
    if key in _PREDICATES:
        return _PREDICATES[key]
    if len(name) <= 2 and name[0].isupper():  # a general category (``L``, ``Lu``, ...)
        return lambda char, cat: cat.startswith(name)
    raise ValueError(f"unsupported Unicode property {name!r}")


@functools.cache
def class_body(name: str) -> str:
    """Ranges for use inside ``[...]`` matching what Ruby's class ``name`` matches."""
    predicate = _property_predicate(name)
    parts: list[str] = []
    for low, high in _SCAN_RANGES:
        start = -1
        for code in range(low, high + 1):
            inside = code < high and predicate(chr(code), unicodedata.category(chr(code)))
            if inside and start < 0:
                start = code
            elif not inside and start >= 0:
                parts.append(_range(start, code - 1))
                start = -1
    return "".join(parts)


def _range(first: int, last: int) -> str:
    if first == last:
        return f"\\U{first:08x}"
    return f"\\U{first:08x}-\\U{last:08x}"


def _class_item(name: str, negated: bool, in_class: bool) -> str:
    body = class_body(name)
    if in_class:
        if negated:
            raise ValueError(f"negated class {name!r} inside a character class")
        return body
    return f"[{'^' if negated else ''}{body}]"


@functools.cache
def translate(pattern: str, verbose: bool = False) -> str:
    """The ``re`` spelling of Ruby regex ``pattern`` (``verbose``: compiled with ``x``)."""
    out: list[str] = []
    i = 0
    end = len(pattern)
    in_class = False
    class_start = -1
    while i < end:
        char = pattern[i]
        if char == "\\" and i + 1 < end:
            i = _escape(pattern, i, in_class, out)
            continue
        if in_class:
            if char == "[" and pattern.startswith("[:", i):
                close = pattern.index(":]", i + 2)
                name = pattern[i + 2 : close]
                out.append(_class_item(name.lstrip("^"), name.startswith("^"), True))
                i = close + 2
                continue
            if char == "[":
                raise ValueError(f"nested character class in {pattern!r}")
            if char == "]" and i > class_start:
                in_class = False
            out.append(char)
            i += 1
            continue
        if char == "[":
            in_class = True
            out.append(char)
            i += 1
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            class_start = i + 1 if pattern.startswith("]", i) else i
            continue
        if verbose and char == "#":
            newline = pattern.find("\n", i)
            newline = end if newline < 0 else newline
            out.append(pattern[i:newline])
            i = newline
            continue
        if char == "(" and pattern.startswith("(?<", i) and pattern[i + 3 : i + 4] not in "=!":
            out.append("(?P<")
            i += 3
            continue
        out.append(char)
        i += 1
    return "".join(out)


_SIMPLE_ESCAPES = {"h": f"[{_HEX}]", "H": f"[^{_HEX}]", "z": r"\Z", "Z": r"(?=\n?\Z)"}


def _escape(pattern: str, i: int, in_class: bool, out: list[str]) -> int:
    """Translate the escape at ``pattern[i]``; the index after it."""
    nxt = pattern[i + 1]
    if nxt in "pP" and pattern.startswith("{", i + 2):
        close = pattern.index("}", i + 3)
        name = pattern[i + 3 : close]
        negated = (nxt == "P") != name.startswith("^")
        out.append(_class_item(name.lstrip("^"), negated, in_class))
        return close + 1
    if nxt == "e":
        out.append(r"\x1b")
    elif in_class:
        if nxt == "h":
            out.append(_HEX)
        else:
            out.append(pattern[i : i + 2])
    elif nxt in _SIMPLE_ESCAPES:
        out.append(_SIMPLE_ESCAPES[nxt])
    elif nxt in "bB":
        out.append(f"(?u:\\{nxt})")
    elif nxt == "k" and pattern.startswith("<", i + 2):
        close = pattern.index(">", i + 3)
        out.append(f"(?P={pattern[i + 3 : close]})")
        return close + 1
    else:
        out.append(pattern[i : i + 2])
    return i + 2


def compile_ruby(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile with Ruby's defaults: ``\\w \\d \\s`` ASCII, ``^ $`` at every line."""
    return re.compile(translate(pattern, bool(flags & re.X)), flags | re.MULTILINE | re.ASCII)
