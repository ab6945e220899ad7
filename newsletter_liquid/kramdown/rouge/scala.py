"""Scala, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pygments.token import Comment, Keyword, Name, Number, Operator, String, Text

from ._engine import Action, RegexLexer, Rule, StateItem, groups, word_list, words
from ._ruby_regex import boundary_word

KEYWORDS = word_list("""
    abstract case catch def do else extends final finally for forSome
    if implicit lazy match new override private protected requires return
    sealed super this throw try val var while with yield""")

# the character classes of the Scala grammar, as rouge spells them
_WHITESPACE = r"\p{Space}"
_LETTER = r"[\p{L}$_]"
_UPPER = r"[\p{Lu}$_]"
_LETTER_OR_DIGIT = r"[\p{L}$_0-9]"
# rouge: a printable ASCII character, math or other symbol that is no whitespace, letter,
# digit, bracket or delimiter; spelt out here as one class (the categories are disjoint)
OP = r"[!#%&'*+\-/:<=>?@\\^`|~\x7f\p{Sm}\p{So}]"
IDREST = rf"(?:{_LETTER}{_LETTER_OR_DIGIT}*(?:(?<=_){OP}+)?)"
# Ruby's \b, which is Unicode-aware with a word class of its own: Latin-1 superscripts and
# fractions count, so do marks and the alphabetic symbols (circled and squared letters)
_WORD_CHAR = f"[{boundary_word()}]"
_B = rf"(?:(?<={_WORD_CHAR})(?!{_WORD_CHAR})|(?<!{_WORD_CHAR})(?={_WORD_CHAR}))"
_NAME = rf"{IDREST}|{OP}+|`[^`]+`"
_TYPE_CHUNK = rf"(?:{IDREST}|{OP}+`[^`]+`)"  # sic: rouge's backquoted chunk needs operators
_TYPE_PATH = rf"{_TYPE_CHUNK}(?:\.{_TYPE_CHUNK})*"


@dataclass(frozen=True)
class _InPlaceRule(Rule):
    """A rule matched in place, though it has look-behinds.

    Every look-behind here (rouge's ``(?<=_)`` and the word boundaries) follows at least
    one character of the match itself, so it can never see before the scan position and
    matching on the rest of the text (a copy at every step) would change nothing.
    """

    @property
    def sees_scan_start(self) -> bool:
        return False


def rule(pattern: str, action: Action, next: str | None = None, flags: int = 0) -> Rule:
    return _InPlaceRule(pattern, action, next, flags)


def _type_params(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Keyword.Type, Text, Operator)
    lexer.goto("typeparam")


class ScalaLexer(RegexLexer):
    tag = "scala"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"(class|trait|object)(\s+)", groups(Keyword, Text), "class"),
                rule(rf"'{IDREST}(?!')", String.Symbol),
                rule(r"[^\S\n]+", Text),
                rule(r"//.*", Comment.Single),
                rule(r"/\*", Comment.Multiline, "comment"),
                rule(rf"@{IDREST}", Name.Decorator),
                rule(rf"(def)(\s+)({_NAME})(\s*)", groups(Keyword, Text, Name.Function, Text)),
                rule(rf"(val)(\s+)({_NAME})(\s*)", groups(Keyword, Text, Name.Variable, Text)),
                rule(
                    rf"(this)(\n*)(\.)({IDREST})",
                    groups(Keyword, Text, Operator, Name.Property),
                ),
                rule(
                    rf"({IDREST}|_)(\n*)(\.)({IDREST})",
                    groups(Name.Variable, Text, Operator, Name.Property),
                ),
                rule(rf"{_UPPER}{IDREST}{_B}", Name.Class),
                rule(
                    rf"({IDREST})({_WHITESPACE}*)(\()",
                    groups(Name.Function, Text, Operator),
                ),
                rule(rf"(\.)({IDREST})", groups(Operator, Name.Property)),
                rule(
                    rf"({words(KEYWORDS)}){_B}|(<[%:-]|=>|>:|[#=@_\u21D2\u2190])({_B}|(?=\s)|$)",
                    Keyword,
                ),
                rule(rf":(?!{OP})", Keyword, "type"),
                rule(rf"(true|false|null){_B}", Keyword.Constant),
                rule(r"(import|package)(\s+)", groups(Keyword, Text), "import"),
                rule(r"(type)(\s+)", groups(Keyword, Text), "type"),
                rule(r'""".*?"""(?!")', String, flags=re.S),
                rule(r'"(\\\\|\\"|[^"])*"', String),
                rule(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'", String.Char),
                rule(IDREST, Name),
                rule(r"`[^`]+`", Name),
                rule(r"\[", Operator, "typeparam"),
                rule(r"[\(\)\{\};,.#]", Operator),
                rule(rf"{OP}+", Operator),
                rule(r"([0-9][0-9]*\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?", Number.Float),
                rule(r"([0-9][0-9]*[fFdD])", Number.Float),
                rule(r"0x[0-9a-fA-F]+", Number.Hex),
                rule(r"[0-9]+L?", Number.Integer),
                rule(r"\n", Text),
            ],
            "class": [
                rule(
                    rf"({_NAME})(\s*)(\[)",
                    groups(Name.Class, Text, Operator),
                    "typeparam",
                ),
                rule(r"\s+", Text),
                rule(r"\{", Operator, "#pop"),
                rule(r"\(", Operator, "#pop"),
                rule(r"//.*", Comment.Single, "#pop"),
                rule(_NAME, Name.Class, "#pop"),
            ],
            "type": [
                rule(r"\s+", Text),
                rule(r"<[%:]|>:|[#_\u21D2]|forSome|type", Keyword),
                rule(r"([,\);}]|=>|=)(\s*)", groups(Operator, Text), "#pop"),
                rule(r"[\(\{]", Operator, "type"),
                rule(rf"({_TYPE_PATH})(\s*)(\[)", _type_params),
                rule(rf"({_TYPE_PATH})(\s*)$", groups(Keyword.Type, Text), "#pop"),
                rule(r"//.*", Comment.Single, "#pop"),
                rule(rf"\.|{_NAME}", Keyword.Type),
            ],
            "typeparam": [
                rule(r"[\s,]+", Text),
                rule(r"<[%:]|=>|>:|[#_\u21D2]|forSome|type", Keyword),
                rule(r"([\]\)\}])", Operator, "#pop"),
                rule(r"[\(\[\{]", Operator, "typeparam"),
                rule(rf"\.|{_NAME}", Keyword.Type),
            ],
            "comment": [
                rule(r"[^/\*]+", Comment.Multiline),
                rule(r"/\*", Comment.Multiline, "comment"),
                rule(r"\*/", Comment.Multiline, "#pop"),
                rule(r"[*/]", Comment.Multiline),
            ],
            "import": [rule(rf"({IDREST}|\.)+", Name.Namespace, "#pop")],
        }
