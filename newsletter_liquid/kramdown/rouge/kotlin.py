"""Kotlin, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, rule, word_list, words

KEYWORDS = word_list("""
    abstract annotation as break by catch class companion const constructor continue
    crossinline do dynamic else enum external false final finally for fun get if import in
    infix inline inner interface internal is lateinit noinline null object open operator
    out override package private protected public reified return sealed set super suspend
    tailrec this throw true try typealias typeof val var vararg when where while yield""")

_NAME_CHARS = r"[-_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}\p{Nd}\p{Pc}\p{Cf}\p{Mn}\p{Mc}]*"
CLASS_NAME = rf"(?:`?[\p{{Lu}}]{_NAME_CHARS}`?)"
NAME = rf"(?:`?[_\p{{Lu}}\p{{Ll}}\p{{Lt}}\p{{Lm}}\p{{Nl}}]{_NAME_CHARS}`?)"

_DEC_DIGITS = r"(?:([0-9][0-9_]*[0-9])|[0-9])"
_EXPONENT = rf"(?:[eE][+-]?({_DEC_DIGITS}))"
_DOUBLE = rf"(?:(({_DEC_DIGITS})?\.{_DEC_DIGITS}({_EXPONENT})?)|({_DEC_DIGITS}{_EXPONENT}))"


class KotlinLexer(RegexLexer):
    tag = "kotlin"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\b(companion)(\s+)(object)\b", groups(Keyword, Text, Keyword)),
                rule(
                    r"\b(class|data\s+class|interface|object)(\s+)",
                    groups(Keyword.Declaration, Text),
                    "class",
                ),
                rule(r"\b(fun)(\s+)", groups(Keyword, Text), "function"),
                rule(r"\b(package|import)(\s+)", groups(Keyword, Text), "package"),
                rule(
                    r"\b(val|var)(\s+)(\()",
                    groups(Keyword.Declaration, Text, Punctuation),
                    "destructure",
                ),
                rule(r"\b(val|var)(\s+)", groups(Keyword.Declaration, Text), "property"),
                rule(
                    rf"(return|continue|break|this|super)(@{NAME})?\b",
                    groups(Keyword, Name.Decorator),
                ),
                rule(r"\bfun\b", Keyword),
                rule(rf"\b(?:{words(KEYWORDS)})\b", Keyword),
                rule(r"^\s*\[.*?\]", Name.Attribute),
                rule(r"[^\S\n]+", Text),
                rule(r"\\\n", Text),  # line continuation
                rule(r"//.*?$", Comment.Single),
                rule(r"/[*].*[*]/", Comment.Multiline),  # single line block comment
                rule(r"/[*].*", Comment.Multiline, "comment"),  # multiline block comment
                rule(r"\n", Text),
                rule(r"(::)(class)", groups(Operator, Keyword)),
                rule(r"::|!!|\?[:.]", Operator),
                rule(r"(\.\.)", Operator),
                rule(rf"({_DOUBLE}[fF]?)|({_DEC_DIGITS}[fF])", Number.Float),
                rule(r"0[bB]([01][01_]*[01]|[01])[uU]?L?", Number.Bin),
                rule(r"0[xX]([0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?", Number.Hex),
                rule(r"(([1-9][0-9_]*[0-9])|[0-9])[uU]?L?", Number.Integer),
                rule(r"[~!%^&*()+=|\[\]:;,.<>/?-]", Punctuation),
                rule(r"[{}]", Punctuation),
                rule(r'@"(""|[^"])*"', String, flags=re.S),
                rule(r'""".*?"""', String, flags=re.S),
                rule(r'"(\\\\|\\"|[^"\n])*["\n]', String, flags=re.S),
                rule(r"'\\.'|'[^\\]'", String.Char),
                rule(rf"(@{CLASS_NAME})", Name.Decorator),
                rule(
                    rf"({CLASS_NAME})(<)",
                    groups(Name.Class, Punctuation),
                    "generic_parameters",
                ),
                rule(CLASS_NAME, Name.Class),
                rule(rf"({NAME})(?=\s*[({{])", Name.Function),
                rule(rf"({NAME})@", Name.Decorator),  # label
                rule(NAME, Name),
            ],
            "package": [rule(r"\S+", Name.Namespace, "#pop")],
            "class": [rule(CLASS_NAME, Name.Class, "#pop")],
            "function": [
                rule(r"(<)", Punctuation, "generic_parameters"),
                rule(r"(\s+)", Text),
                rule(rf"({CLASS_NAME})(\.)", groups(Name.Class, Punctuation)),
                rule(NAME, Name.Function, "#pop"),
            ],
            "generic_parameters": [
                rule(CLASS_NAME, Name.Class),
                rule(r"(<)", Punctuation, "generic_parameters"),
                rule(r"(reified|out|in)", Keyword),
                rule(r"([,:.?])", Punctuation),
                rule(r"(\s+)", Text),
                rule(r"(>)", Punctuation, "#pop"),
            ],
            "property": [
                rule(r"(<)", Punctuation, "generic_parameters"),
                rule(r"(\s+)", Text),
                rule(NAME, Name.Property, "#pop"),
            ],
            "destructure": [
                rule(r"(,)", Punctuation),
                rule(r"(\))", Punctuation, "#pop"),
                rule(r"(\s+)", Text),
                rule(NAME, Name.Property),
            ],
            "comment": [
                rule(r"/[*]", Comment.Multiline, "comment"),
                rule(r"[*]/", Comment.Multiline, "#pop"),
                rule(r"[^/*]+", Comment.Multiline),
                rule(r"[/*]", Comment.Multiline),
            ],
        }
