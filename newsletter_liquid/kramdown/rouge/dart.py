"""Dart, tokenized as rouge 3.30 does (signatures re-lexed, quotes as one-character strings)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, RunGuard, StateItem, groups, mixin, rule, word_list, words

KEYWORDS = word_list("""
    as assert await break case catch continue default do else finally for if in is new
    rethrow return super switch this throw try while with yield""")
DECLARATIONS = word_list("""
    abstract async dynamic const covariant external extends factory final get implements
    late native on operator required set static sync typedef var""")
TYPES = word_list("""
    bool Comparable double Dynamic enum Function int List Map Never Null num Object Pattern
    Set String Symbol Type Uri void""")
# rouge splices these in unescaped: ``part\s*of`` is a pattern, not a word
IMPORTS = ("import", "deferred", "export", "library", r"part\s*of", "part", "source")

# rouge interpolates a Regexp, which keeps its own (case-sensitive) flags
ID = r"(?:[a-zA-Z_]\w*)"

# everything a signature match can span, then the "(" it must end at
_SIGNATURE_GUARD = RunGuard(r"[a-zA-Z0-9_.\[\]\s]", "(")


def _signature(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(DartLexer, match.group(1))
    lexer.token(Name.Function, match.group(2))
    lexer.token(Text, match.group(3))
    lexer.token(Punctuation, match.group(4))


class DartLexer(RegexLexer):
    tag = "dart"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(
                    r"""^
                    (\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?) # return arguments
                    ([a-zA-Z_]\w*)                           # method name
                    (\s*)(\()                                # signature start
                    """,
                    _signature,
                    flags=re.S | re.X,
                    guard=_SIGNATURE_GUARD,
                ),
                rule(r"\s+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"/\*.*?\*/", Comment.Multiline, flags=re.S),
                rule(r'"', String, "dqs"),
                rule(r"'", String, "sqs"),
                rule(r'r"[^"]*"', String.Other),
                rule(r"r'[^']*'", String.Other),
                rule(rf"#{ID}*", String.Symbol),
                rule(rf"@{ID}", Name.Decorator),
                rule(rf"(?:{words(KEYWORDS)})\b", Keyword),
                rule(rf"(?:{words(DECLARATIONS)})\b", Keyword.Declaration),
                rule(rf"(?:{words(TYPES)})\b", Keyword.Type),
                rule(r"(?:true|false|null)\b", Keyword.Constant),
                rule(r"(?:class|interface|mixin)\b", Keyword.Declaration, "class"),
                rule(rf"(?:{'|'.join(IMPORTS)})\b", Keyword.Namespace, "import"),
                rule(rf"(\.)({ID})", groups(Operator, Name.Attribute)),
                rule(rf"{ID}:", Name.Label),
                rule(rf"\$?{ID}", Name),
                rule(r"[~^*!%&\|+=:\/?-]", Operator),
                rule(r"[\[\](){}<>\.,;]", Punctuation),
                rule(r"\d*\.\d+([eE]\-?\d+)?", Number.Float),
                rule(r"0x[\da-fA-F]+", Number.Hex),
                rule(r"\d+L?", Number.Integer),
                rule(r"\n", Text),
            ],
            "class": [
                rule(r"\s+", Text, flags=re.S),
                rule(ID, Name.Class, "#pop"),
            ],
            "dqs": [
                rule(r'"', String, "#pop"),
                rule(r'[^\\\$"]+', String),
                mixin("string"),
            ],
            "sqs": [
                rule(r"'", String, "#pop"),
                rule(r"[^\\\$']+", String),
                mixin("string"),
            ],
            "import": [
                rule(r";", Operator, "#pop"),
                rule(r"(?:show|hide)\b", Keyword.Declaration),
                mixin("root"),
            ],
            "string": [
                mixin("interpolation"),
                rule(r"\\[nrt\"\'\\]", String.Escape),
            ],
            "interpolation": [
                rule(rf"\${ID}", String.Interpol),
                rule(r"\$\{[^\}]+\}", String.Interpol),
            ],
        }
