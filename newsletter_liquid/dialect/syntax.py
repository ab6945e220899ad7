"""The regular expressions liquid 5.4 parses templates with, and Ruby's string trimming.

Liquid's grammar is a handful of regexes (``liquid.rb``) applied in a fixed order;
matching their quirks (what a tag's markup includes, where a quoted fragment
ends) is what makes lax parsing and error detection agree with Jekyll.  Ruby's
``\\w``, ``\\s`` and ``\\d`` are ASCII-only, hence ``re.ASCII`` throughout.
"""

from __future__ import annotations

import re

__all__ = [
    "CONTENT_OF_VARIABLE",
    "FULL_TOKEN",
    "QUOTED_FRAGMENT",
    "TAG_ATTRIBUTES",
    "TEMPLATE_PARSER",
    "VARIABLE_PARSER",
    "VARIABLE_SIGNATURE",
    "ruby_lstrip",
    "ruby_rstrip",
    "ruby_strip",
]

_A = re.ASCII
QUOTED_STRING = r""""[^"]*"|'[^']*'"""
QUOTED_FRAGMENT = rf"""(?:{QUOTED_STRING}|(?:[^\s,\|'"]|{QUOTED_STRING})+)"""
TAG_ATTRIBUTES = re.compile(rf"(\w[\w-]*)\s*:\s*({QUOTED_FRAGMENT})", _A)
VARIABLE_SIGNATURE = r"\(?[\w\-\.\[\]]\)?"
VARIABLE_SEGMENT = r"[\w\-]"
VARIABLE_PARSER = re.compile(rf"\[[^\]]+\]|{VARIABLE_SEGMENT}+\??", _A)

#: splits a template into text, ``{% %}``, ``{{ }}`` and unterminated openers
TEMPLATE_PARSER = re.compile(r"(\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{)", re.S | _A)
FULL_TOKEN = re.compile(r"\A\{%-?(\s*)(#|\w+)(\s*)(.*?)-?%\}\Z", re.S | _A)
CONTENT_OF_VARIABLE = re.compile(r"\A\{\{-?(.*?)-?\}\}\Z", re.S | _A)
LIQUID_TAG_TOKEN = re.compile(r"\A\s*(#|\w+)\s*(.*?)\Z", re.S | _A)

# Ruby's String#strip family (Ruby 3.1): ASCII whitespace and NUL, at either end;
# a regex's \s has no NUL
_SPACE = " \t\n\v\f\r"
_STRIP_CHARS = _SPACE + "\0"


def ruby_rstrip(text: str) -> str:
    return text.rstrip(_STRIP_CHARS)


def ruby_lstrip(text: str) -> str:
    return text.lstrip(_STRIP_CHARS)


def ruby_strip(text: str) -> str:
    return ruby_lstrip(ruby_rstrip(text))


def is_blank_text(text: str) -> bool:
    """``WhitespaceOrNothing``: the text would render as nothing visible."""
    return not text.strip(_SPACE)
