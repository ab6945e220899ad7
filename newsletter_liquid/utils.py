"""Jekyll's small utilities (``Jekyll::Utils``) that several stages share."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "add_permalink_suffix", "is_ruby_alpha", "is_ruby_word", "pluralized_array",
    "ruby_downcase", "ruby_sort", "slugify", "titleize_slug",
]

#: The circled and squared Latin letters: symbols (So) that Ruby's Alphabetic property,
#: and so ``\p{Word}``, counts as letters (Other_Alphabetic)
RUBY_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169),
                           (0x1F170, 0x1F189))
_WORD_CATEGORIES = frozenset({"Nd", "Pc"})


def is_ruby_alpha(char: str) -> bool:
    """Ruby's ``[[:alpha:]]`` (Alphabetic): letters, letter numbers, spacing marks (for
    Other_Alphabetic, as close as Python's tables allow) and the circled Latin letters."""
    category = unicodedata.category(char)
    if category[0] == "L" or category in ("Nl", "Mc"):
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in RUBY_ALPHABETIC_SYMBOLS)


def is_ruby_word(char: str) -> bool:
    r"""Onigmo's ``\p{Word}`` (Ruby 3.1): Alphabetic with marks, decimal digits and
    connectors."""
    category = unicodedata.category(char)
    return category[0] == "M" or category in _WORD_CATEGORIES or is_ruby_alpha(char)


def ruby_downcase(text: str) -> str:
    """Ruby's ``String#downcase``: Unicode's lowercase mapping character by character,
    without the final-sigma rule ``str.lower`` applies ("ΣΑΣ" is "σασ")."""
    if "\u03a3" not in text:
        return text.lower()
    return "".join(c.lower() for c in text)

SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = set("._~!$&'()+,;=@")


def _is_mark_letter_digit(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in ("M", "L") or cat == "Nd"


def _keep(ch: str, mode: str) -> bool:
    if mode == "raw":
        return not ch.isspace()
    if mode in ("ascii", "latin"):
        return ch.isascii() and ch.isalnum()
    if mode == "pretty":
        return _is_mark_letter_digit(ch) or ch in _PRETTY_KEEP
    return _is_mark_letter_digit(ch)


# I18n's default approximations (Jekyll's "latin" mode); anything else non-ASCII is "?".
_LATIN_SINGLE = dict(zip(
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚě"
    "ĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž",
    "AAAAAACEEEEIIIIDNOOOOOxOUUUUYaaaaaaceeeeiiiidnoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEe"
    "GgGgGgGgHhHhIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz",
    strict=True,
))
_LATIN_MULTI = {
    "Æ": "AE", "Þ": "Th", "ß": "ss", "æ": "ae", "þ": "th", "Ĳ": "IJ", "ĳ": "ij", "ŉ": "'n",
    "Ŋ": "NG", "ŋ": "ng", "Œ": "OE", "œ": "oe",
}


def _transliterate(text: str) -> str:
    """I18n.transliterate: each non-ASCII character by its table entry, else ``?``."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        else:
            out.append(_LATIN_SINGLE.get(ch) or _LATIN_MULTI.get(ch) or "?")
    return "".join(out)


def slugify(text: str | None, mode: str | None = None, cased: bool = False) -> str | None:
    """Jekyll's Utils.slugify: runs of unwanted characters become one hyphen."""
    if text is None:
        return None
    if mode is None:
        mode = "default"
    if mode not in SLUGIFY_MODES:
        return text if cased else text.lower()
    if mode == "latin":
        text = _transliterate(text)
    if mode == "raw":
        pieces: list[str] = []
        run = False
        for ch in text:
            if ch in " \t\n\v\f\r":
                if not run:
                    pieces.append("-")
                run = True
            else:
                pieces.append(ch)
                run = False
        slug = "".join(pieces)
    else:
        pieces = []
        run = False
        for ch in text:
            if _keep(ch, mode):
                pieces.append(ch)
                run = False
            elif not run:
                pieces.append("-")
                run = True
        slug = "".join(pieces)
    # Ruby's gsub(/^-|-$/) works per line; slugs hold no newlines except in raw mode.
    lines = slug.split("\n")
    lines = [ln[1:] if ln.startswith("-") else ln for ln in lines]
    lines = [ln[:-1] if ln.endswith("-") else ln for ln in lines]
    slug = "\n".join(lines)
    return slug if cased else slug.lower()


def titleize_slug(slug: str) -> str:
    """``my-post`` -> ``My Post`` (Ruby's capitalize: first titlecased, rest lower)."""
    return " ".join(part[:1].title() + part[1:].lower() for part in slug.split("-"))


def add_permalink_suffix(template: str, permalink_style: object) -> str:
    """Give ``template`` the ending (``/`` or ``:output_ext``) of the permalink style."""
    style = str(permalink_style)
    if style in ("pretty",):
        return template + "/"
    if style in ("date", "ordinal", "none", "weekdate"):
        return template + ":output_ext"
    if style.endswith("/"):
        return template + "/"
    if style.endswith(":output_ext"):
        return template + ":output_ext"
    return template


def pluralized_array(data: Mapping[str, Any], singular: str, plural: str) -> list[Any]:
    """Jekyll's pluralized_array_from_hash: ``tag: a`` or ``tags: a b`` or a list."""
    value: Any = data.get(singular) if singular in data else None
    if value is None and plural in data:
        raw = data[plural]
        if isinstance(raw, str):
            value = raw.split()
        elif isinstance(raw, list):
            value = [v for v in raw if v is not None]
    return [v for v in _flatten([value]) if v is not None]


def _flatten(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


def ruby_sort(items: list[Any], compare: Callable[[Any, Any], int]) -> list[Any]:
    """Ruby's ``Array#sort`` as glibc's ``qsort_r`` runs it: a top-down merge sort
    taking the left item on ties. Reproducing its exact sequence of comparisons makes
    ties and inconsistent comparators (Jekyll's ``Document#<=>`` with unset dates,
    ``sort_natural`` with nils) come out in Jekyll's order."""
    if len(items) <= 1:
        return list(items)
    half = len(items) // 2
    left, right = ruby_sort(items[:half], compare), ruby_sort(items[half:], compare)
    merged: list[Any] = []
    i = j = 0
    while i < len(left) and j < len(right):
        if compare(left[i], right[j]) <= 0:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged
