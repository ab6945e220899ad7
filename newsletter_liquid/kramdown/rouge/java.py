"""Java, tokenized as rouge 3.30 does (method signatures re-lexed, ``.name`` attributes)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, String, Text

from ._engine import RegexLexer, RunGuard, StateItem, groups, rule, word_list, words

KEYWORDS = word_list("""
    assert break case catch continue default do else finally for if goto instanceof new
    return switch this throw try while""")
DECLARATIONS = word_list("""
    abstract const enum extends final implements native private protected public static
    strictfp super synchronized throws transient volatile""")
TYPES = word_list("boolean byte char double float int long short var void")

ID = r"[[:alpha:]_][[:word:]]*"
_DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"
_BIN_DIGIT = r"(?:[01]_+[01]|[01])"
_OCT_DIGIT = r"(?:[0-7]_+[0-7]|[0-7])"
_HEX_DIGIT = r"(?:[0-9a-f]_+[0-9a-f]|[0-9a-f])"


# the return type and name before a signature's "(" stay inside this run
_SIGNATURE_GUARD = RunGuard(r"[a-zA-Z0-9_.\[\]<>\s]", "(")


def _signature(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(JavaLexer, match.group(1))
    lexer.token(Name.Function, match.group(2))
    lexer.token(Text, match.group(3))
    lexer.token(Operator, match.group(4))


class JavaLexer(RegexLexer):
    tag = "java"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"[^\S\n]+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"/\*.*?\*/", Comment.Multiline, flags=re.S),
                # keywords go before method names so "throw new XYZ(" is no signature
                rule(rf"(?:{words(KEYWORDS)})\b", Keyword),
                rule(
                    r"""
                    (\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?) # return arguments
                    ([a-zA-Z_][a-zA-Z0-9_]*)                  # method name
                    (\s*)(\()                                 # signature start
                    """,
                    _signature,
                    flags=re.S | re.X,
                    guard=_SIGNATURE_GUARD,
                ),
                rule(rf"@{ID}", Name.Decorator),
                rule(rf"(?:{words(DECLARATIONS)})\b", Keyword.Declaration),
                rule(rf"(?:{words(TYPES)})\b", Keyword.Type),
                rule(r"(?:true|false|null)\b", Keyword.Constant),
                rule(r"(?:class|interface)\b", Keyword.Declaration, "class"),
                rule(r"(?:import|package)\b", Keyword.Namespace, "import"),
                rule(r'"(\\\\|\\"|[^"])*"', String),
                rule(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", String.Char),
                rule(rf"(\.)({ID})", groups(Operator, Name.Attribute)),
                rule(rf"{ID}:", Name.Label),
                rule(r"[[:upper:]][[:upper:][:digit:]_]*\b", Name.Constant),
                rule(r"[[:upper:]][[:alnum:]]*\b", Name.Class),
                rule(rf"\$?{ID}", Name),
                rule(r"[~^*!%&\[\](){}<>\|+=:;,.\/?-]", Operator),
                rule(rf"{_DIGIT}+\.{_DIGIT}+([eE]{_DIGIT}+)?[fd]?", Number.Float),
                rule(rf"0b{_BIN_DIGIT}+", Number.Bin, flags=re.I),
                rule(rf"0x{_HEX_DIGIT}+", Number.Hex, flags=re.I),
                rule(rf"0{_OCT_DIGIT}+", Number.Oct),
                rule(rf"{_DIGIT}+L?", Number.Integer),
                rule(r"\n", Text),
            ],
            "class": [
                rule(r"\s+", Text, flags=re.S),
                rule(ID, Name.Class, "#pop"),
            ],
            "import": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"[a-z0-9_.]+\*?", Name.Namespace, "#pop", flags=re.I),
            ],
        }
