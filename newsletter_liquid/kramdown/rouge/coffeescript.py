"""CoffeeScript, tokenized as rouge 3.30 does.

Rouge's quirks are kept: the operator rule comes first, so ``->`` and ``=>``
are operators (the arrow rule never fires) and ``==`` is two ``=`` matches; a
``/`` after almost anything may open a regex; a line starting with ``/`` that
is no regex ends in an error token once rouge's limit on empty matches is hit.

Rouge's scanner starts every match as if the text began at the scan position,
so its ``\\band\\b`` matches ``and`` right after a digit or a non-ASCII letter;
the word boundaries are spelt out here as look-aheads over Ruby's Unicode word
class, which also keeps every rule matchable in place (no copying of the text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import OptionValue, RegexLexer, StateItem, groups, mixin, pop_state, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("""
    for by while until loop break continue return
    switch when then if else do yield throw try catch finally await
    new delete typeof instanceof super extends this class
    import export debugger""")
)

CONSTANTS = frozenset(word_list("true false yes no on off null NaN Infinity undefined"))

BUILTINS = frozenset(
    word_list("""
    Array Boolean Date Error Function Math netscape Number Object
    Packages RegExp String sun decodeURI decodeURIComponent
    encodeURI encodeURIComponent eval isFinite isNaN parseFloat
    parseInt document window""")
)

ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"

# Ruby's \b counts \p{Word} plus the Latin-1 superscripts and fractions and the
# circled letters as word characters
_WORD = boundary_word()
_END = f"(?![{_WORD}])"

# rouge's ``([gimy]+\b|\B)`` after a slash: flags ending a word, or no word at all
_FLAGS = f"(?:[gimy]+{_END}|{_END})"

_WORD_OPERATORS = "|".join(
    f"{word}{_END}" for word in ("and", "or", "is", "isnt", "not", "in", "of")
)
OPERATOR = (
    rf"[+][+]|--|~|&&|{_WORD_OPERATORS}|"
    r"[?]|:|=|[|][|]|\\(?=\n)|(?:<<|>>>?|==?|!=?|[-<>+*`%&|^/])=?"
)

REGEX = rf"/(?:\\.|[^\[/\\\n]|\[(?:\\.|[^\]\\\n])*\])+/{_FLAGS}"


_FIRST_STOP = re.compile(r"[\[/\n]")


def _regex_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    """Rule out a regex whose first bracket group never closes on its line.

    Each attempt would scan that group to the end of the line, and on a long
    line of ``/[`` every slash tries again.  Until that bracket the regex body
    is a plain run (no ``[``, ``/`` or newline), where only the backslashes
    right before the bracket decide whether it is escaped.
    """
    assert isinstance(lexer, CoffeescriptLexer)
    if not text.startswith("/", pos):
        return False
    stop = _FIRST_STOP.search(text, pos + 1)
    if stop is None or text[stop.start()] != "[":
        return True
    bracket = stop.start()
    backslashes = bracket - pos - 1 - len(text[pos + 1 : bracket].rstrip("\\"))
    if backslashes % 2:
        return True
    return lexer.next_index(text, "]", bracket) < lexer.next_index(text, "\n", bracket)


def _push_regex_start(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.push("slash_starts_regex")


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in CONSTANTS:
        lexer.token(Name.Constant)
    elif word in BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Other)
    lexer.push("slash_starts_regex")


def _start_heregex(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(String.Regex)
    lexer.goto("multiline_regex")


_SHEBANG = re.compile(r"\A[ \t\n\v\f\r]*#!(.*)")
_COFFEE = re.compile(rf"(?<![{_WORD}])coffee(?:[ \t\n\v\f\r]|$)")


class CoffeescriptLexer(RegexLexer):
    tag = "coffeescript"
    rouge_aliases = ("coffee", "coffee-script")

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        # per searched character: (text, searched from, index found or len(text))
        self._found: dict[str, tuple[str, int, int]] = {}

    def next_index(self, text: str, char: str, start: int) -> int:
        """Index of the first ``char`` at or after ``start``, remembered so that a
        sequence of growing ``start`` values scans the text once."""
        memo = self._found.get(char)
        if memo is not None and memo[0] is text and memo[1] <= start <= memo[2]:
            return memo[2]
        found = text.find(char, start)
        index = len(text) if found < 0 else found
        self._found[char] = (text, start, index)
        return index

    @classmethod
    def detect(cls, text: str) -> bool:
        shebang = _SHEBANG.match(text)
        return shebang is not None and _COFFEE.search(shebang.group(1)) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "comments": [
                rule(r"###[^#].*?###", Comment.Multiline, flags=re.S),
                rule(r"#.*$", Comment.Single),
            ],
            "whitespace": [rule(r"\s+", Text)],
            "regex_comment": [
                rule(r"^#(?!\{).*$", Comment.Single),
                rule(r"(\s+)(#(?!\{).*)$", groups(Text, Comment.Single)),
            ],
            "multiline_regex_begin": [rule(r"///", _start_heregex)],
            "multiline_regex_end": [rule(f"///{_FLAGS}", String.Regex, "#pop")],
            "multiline_regex": [
                mixin("multiline_regex_end"),
                mixin("regex_comment"),
                mixin("has_interpolation"),
                mixin("comments"),
                mixin("whitespace"),
                mixin("code_escape"),
                rule(r"\\\D", String.Escape),
                rule(r"\\\d+", Name.Variable),
                rule(r".", String.Regex, flags=re.S),
            ],
            "slash_starts_regex": [
                mixin("comments"),
                mixin("whitespace"),
                mixin("multiline_regex_begin"),
                rule(REGEX, String.Regex, "#pop", guard=_regex_may_close),
                rule(r"", pop_state),
            ],
            "root": [
                rule(r"^(?=\s|/|<!--)", _push_regex_start),
                mixin("comments"),
                mixin("whitespace"),
                rule(OPERATOR, Operator, "slash_starts_regex"),
                rule(r"[-=]>", Name.Function),
                rule(
                    rf"(@)([ \t]*)({ID})",
                    groups(Name.Variable.Instance, Text, Name.Attribute),
                    "slash_starts_regex",
                ),
                rule(
                    rf"([.])([ \t]*)({ID})",
                    groups(Punctuation, Text, Name.Attribute),
                    "slash_starts_regex",
                ),
                rule(rf"{ID}(?=\s*:)", Name.Attribute, "slash_starts_regex"),
                rule(ID, _identifier),
                rule(r"[{(\[;,]", Punctuation, "slash_starts_regex"),
                rule(r"[})\].]", Punctuation),
                rule(r"\d+[.]\d+([eE]\d+)?[fd]?", Number.Float),
                rule(r"0x[0-9a-fA-F]+", Number.Hex),
                rule(r"\d+", Number.Integer),
                rule(r'"""', String, "tdqs"),
                rule(r"'''", String, "tsqs"),
                rule(r'"', String, "dqs"),
                rule(r"'", String, "sqs"),
            ],
            "code_escape": [
                rule(
                    r"\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})",
                    String.Escape,
                ),
            ],
            "strings": [
                # all coffeescript strings are multi-line
                rule(r"""[^#\\'"]+""", String),
                mixin("code_escape"),
                rule(r"\\.", String.Escape),
                rule(r"#", String),
            ],
            "double_strings": [
                rule(r"'", String),
                mixin("has_interpolation"),
                mixin("strings"),
            ],
            "single_strings": [
                rule(r'"', String),
                mixin("strings"),
            ],
            "interpolation": [
                rule(r"}", String.Interpol, "#pop"),
                mixin("root"),
            ],
            "has_interpolation": [rule(r"[#][{]", String.Interpol, "interpolation")],
            "dqs": [
                rule(r'"', String, "#pop"),
                mixin("double_strings"),
            ],
            "tdqs": [
                rule(r'"""', String, "#pop"),
                rule(r'"', String),
                mixin("double_strings"),
            ],
            "sqs": [
                rule(r"'", String, "#pop"),
                mixin("single_strings"),
            ],
            "tsqs": [
                rule(r"'''", String, "#pop"),
                rule(r"'", String),
                mixin("single_strings"),
            ],
        }
