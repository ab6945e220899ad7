"""C#, tokenized as rouge 3.30 does (interpolated strings nest braces)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, mixin, rule, word_list, words

KEYWORDS = word_list("""
    abstract as base break case catch checked const continue default delegate do else enum
    event explicit extern false finally fixed for foreach goto if implicit in interface
    internal is lock new null operator out override params private protected public readonly
    ref return sealed sizeof stackalloc static switch this throw true try typeof unchecked
    unsafe virtual void volatile while add alias async await get global partial remove set
    value where yield nameof ascending by descending equals from group in into join let on
    orderby select""")
KEYWORD_TYPES = word_list("""
    bool byte char decimal double dynamic float int long object sbyte short string uint ulong
    ushort var""")
PREPROCESSOR_KEYWORDS = word_list("""
    if endif else elif define undef line error warning region endregion pragma""")

ID = r"(?i:@?[_a-z]\w*)"


class CsharpLexer(RegexLexer):
    tag = "csharp"
    rouge_aliases = ("c#", "cs")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"//.*?$", Comment.Single),
                rule(r"/[*].*?[*]/", Comment.Multiline, flags=re.S),
            ],
            "nest": [
                rule(r"{", Punctuation, "nest"),
                rule(r"}", Punctuation, "#pop"),
                mixin("root"),
            ],
            "splice_string": [
                rule(r"\\.", String),
                rule(r"{", Punctuation, "nest"),
                rule(r'"|\n', String, "#pop"),
                rule(r".", String),
            ],
            "splice_literal": [
                rule(r'""', String),
                rule(r"{", Punctuation, "nest"),
                rule(r'"', String, "#pop"),
                rule(r".", String),
            ],
            "root": [
                mixin("whitespace"),
                rule(r'[$]\s*"', String, "splice_string"),
                rule(r'[$]@\s*"', String, "splice_literal"),
                rule(rf"(<\[)\s*({ID}:)?", Keyword),
                rule(r"\]>", Keyword),
                rule(r"[~!%^&*()+=|\[\]{}:;,.<>\/?-]", Punctuation),
                rule(r'@"(""|[^"])*"', String, flags=re.S),
                rule(r'"(\\.|.)*?["\n]', String),
                rule(r"'(\\.|.)'", String.Char),
                rule(r"0x[0-9a-f]+[lu]?", Number, flags=re.I),
                rule(
                    r"""
                    [0-9]
                    ([.][0-9]*)? # decimal
                    (e[+-][0-9]+)? # exponent
                    [fldu]? # type
                    """,
                    Number,
                    flags=re.I | re.X,
                ),
                rule(r"\b(?:class|struct|interface)\b", Keyword, "class"),
                rule(r"\b(?:namespace|using)\b", Keyword, "namespace"),
                rule(rf"^#[ \t]*({words(PREPROCESSOR_KEYWORDS)})\b.*?\n", Comment.Preproc),
                rule(rf"\b({words(KEYWORDS)})\b", Keyword),
                rule(rf"\b({words(KEYWORD_TYPES)})\b", Keyword.Type),
                rule(rf"{ID}(?=\s*[(])", Name.Function),
                rule(ID, Name),
            ],
            "class": [
                mixin("whitespace"),
                rule(ID, Name.Class, "#pop"),
            ],
            "namespace": [
                mixin("whitespace"),
                rule(r"(?=[(])", Text, "#pop"),
                rule(rf"({ID}|[.])+", Name.Namespace, "#pop"),
            ],
        }
