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
from dataclasses import dataclass

from ...utils import RUBY_ALPHABETIC_SYMBOLS

__all__ = ["boundary_word", "class_body", "translate"]

_HEX = "0-9a-fA-F"
# code points scanned for property classes: everything assigned up to CJK
# extension H, plus the tag and variation-selector block of plane 14
_SCAN_RANGES = ((0, 0x32400), (0xE0000, 0xE01F0))
_WHITE_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(code) for code in range(0x2000, 0x200B)
)


@dataclass(frozen=True)
class _Property:
    """Which characters a Ruby class matches: whole general categories plus single characters.

    ``categories`` are category prefixes (``"L"`` is every letter category);
    ``test`` decides character by character inside ``tested`` categories.
    """

    categories: tuple[str, ...] = ()
    chars: str = ""
    tested: tuple[str, ...] = ()
    test: Callable[[str], bool] | None = None


_ALPHA = ("L", "Nl", "Mc")  # Ruby's Alphabetic, spacing marks approximating Other_Alphabetic
_PROPERTIES: dict[str, _Property] = {
    "alpha": _Property(_ALPHA),
    "digit": _Property(("Nd",)),
    "alnum": _Property((*_ALPHA, "Nd")),
    "upper": _Property(("Lu",), tested=("Nl", "So"), test=str.isupper),
    "lower": _Property(("Ll",), tested=("Lm", "Lo", "Nl", "So", "Mn"), test=str.islower),
    # Ruby's Word: Alphabetic (letters, letter numbers, and the circled and squared
    # Latin letters, which are symbols) with marks, decimal digits and connectors
    "word": _Property(("L", "M", "Nd", "Nl", "Pc"), chars="".join(
        chr(c) for a, b in RUBY_ALPHABETIC_SYMBOLS for c in range(a, b + 1))),
    "space": _Property(chars=_WHITE_SPACE),
    "blank": _Property(("Zs",), chars="\t"),
    "punct": _Property(("P",), chars="$+<=>^`|~"),
    "cntrl": _Property(("Cc",)),
    "xdigit": _Property(chars="0123456789abcdefABCDEF"),
    "graph": _Property(("L", "M", "N", "P", "S", "Cf", "Co")),
    "print": _Property(("L", "M", "N", "P", "S", "Z", "Cf", "Co")),
    "xid_start": _Property(("L", "Nl"), chars="\u2118\u212e\u309b\u309c"),
    "xid_continue": _Property(
        ("L", "Nl", "Mn", "Mc", "Nd", "Pc"),
        chars="\u2118\u212e\u309b\u309c\xb7\u0387\u1369\u136a\u136b\u136c\u136d\u136e"
        "\u136f\u1370\u1371\u19da",
    ),
}


def _property(name: str) -> _Property:
    key = name.lower()
    key = {"xidstart": "xid_start", "xidcontinue": "xid_continue"}.get(key, key)
    if key in _PROPERTIES:
        return _PROPERTIES[key]
    if len(name) <= 2 and name[0].isupper():  # a general category (``L``, ``Lu``, ...)
        return _Property((name,))
    raise ValueError(f"unsupported Unicode property {name!r}")


@functools.cache
def _category_runs() -> tuple[tuple[int, int, str], ...]:
    """``(first, last, category)`` of maximal same-category stretches of code points."""
    runs: list[tuple[int, int, str]] = []
    for low, high in _SCAN_RANGES:
        first, current = low, unicodedata.category(chr(low))
        for code in range(low + 1, high):
            category = unicodedata.category(chr(code))
            if category != current:
                runs.append((first, code - 1, current))
                first, current = code, category
        runs.append((first, high - 1, current))
    return tuple(runs)


@functools.cache
@functools.cache
def boundary_word() -> str:
    """Ranges for ``[...]``: the characters Ruby's ``\\b`` counts as word characters.

    Onigmo's word class for boundaries is ``\\p{Word}`` with the Latin-1 superscripts
    and fractions (checked over every code point). Rules whose ``\\b`` follows a
    word character spell it ``(?![...])`` with these ranges: a look-ahead matches in
    place, where a Python ``\\b`` would need the text before the scan position.
    """
    return class_body("word") + "\xb2\xb3\xb9\xbc-\xbe"


def class_body(name: str) -> str:
    """Ranges for use inside ``[...]`` matching what Ruby's class ``name`` matches."""
    prop = _property(name)
    codes: list[tuple[int, int]] = [(ord(char), ord(char)) for char in prop.chars]
    for first, last, category in _category_runs():
        if category.startswith(prop.categories):
            codes.append((first, last))
        elif prop.test is not None and category in prop.tested:
            codes.extend((code, code) for code in range(first, last + 1) if prop.test(chr(code)))
    codes.sort()
    merged: list[list[int]] = []
    for first, last in codes:
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return "".join(_range(first, last) for first, last in merged)


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
